/*
 * dslotmm: dslot.c for microMIPS. Built -mmicromips -minterlink-compressed
 * and linked with the MIPS32 runtime (guests/rt: start-up, console,
 * exception entry), so it is a mixed guest whose calls cross the ISAs by
 * JALX. Trapped device accesses in every microMIPS load/store form, and in
 * the delay slot of every microMIPS branch and jump with one, 16- and
 * 32-bit slots, taken and not taken (MIPS32 microMIPS Instruction Set,
 * MD00582). tests/system/run runs it bare and under tinyVP and wants the
 * same lines: a wrong resume PC shows as a wrong path (or a crash), a
 * wrong emulated value as a different line. OFF000..OFF002 of the
 * interrupt controller (vectors every guest has) are emulated, DEVID (cfg, write-ignore) forwarded.
 */
#include "rt.h"

#define OFF0 OFF(0) /* OFF000 (vector 0: every guest has it), VOFF 17:1 */
#define OFF1 OFF(1)

static unsigned lines;

static void report(const char *name, uint32_t a, uint32_t b)
{
    rt_printf("dslotmm: %-12s %08lx %08lx\n", name, (unsigned long)a, (unsigned long)b);
    lines++;
}

#include "dslot_forms.h"

/* The slot's load of DEVID, 16-bit (LW16 a2, 0(a1)) or 32-bit (LW t0,
 * 0(t1): registers LW16 cannot name). */
#define S16 "lw16 $6, 0($5)"
#define S32 "lw $8, 0($9)"

/* A branch whose delay slot loads DEVID: path 1 = taken, 0 = fell
 * through. Condition registers: a3 (16-bit branches), t8/t9. */
#define BR(name, setup, branch, slot)                                              \
    do {                                                                           \
        uint32_t v, path;                                                          \
        __asm__ volatile(".set push\n\t.set noreorder\n\t" setup "\n\t"           \
                         "move $6, $zero\n\tmove $8, $zero\n\t" branch "\n\t"      \
                         slot "\n\t"                                               \
                         "b 2f\n\t"                                                \
                         "li %1, 0\n"                                              \
                         "1:\tli %1, 1\n"                                          \
                         "2:\tor %0, $6, $8\n\t.set pop"                           \
                         : "=&r"(v), "=&r"(path)                                   \
                         : "r"(DEVID)                                              \
                         : "$5", "$6", "$7", "$8", "$9", "$24", "$25", "$31", "$f0", \
                           "memory");                                              \
        report(name, path, v);                                                     \
    } while (0)

#define A "move $5, %2\n\tmove $9, %2\n\t"
#define T(a, b) A "li $t8, " #a "\n\tli $t9, " #b "\n\tli $a3, " #a
#define FCC_TRUE A "mtc1 $zero, $f0\n\tc.eq.s $f0, $f0"
#define FCC_FALSE A "mtc1 $zero, $f0\n\tc.lt.s $f0, $f0"
#define TO1 A "la $t9, 1f"
/* 32-bit encodings where a 16-bit one exists */
#define I32(x) ".set insn32\n\t" x "\n\t.set noinsn32"

static void branches(void)
{
    /* 16-bit branches */
    BR("b16/16", A, "b16 1f", S16);
    BR("b16/32", A, "b16 1f", S32);
    BR("beqz16/16", T(0, 0), "beqz16 $a3, 1f", S16);
    BR("beqz16-n/32", T(3, 0), "beqz16 $a3, 1f", S32);
    BR("beqz16/32", T(0, 0), "beqz16 $a3, 1f", S32);
    BR("bnez16/16", T(3, 0), "bnez16 $a3, 1f", S16);
    BR("bnez16-n/16", T(0, 0), "bnez16 $a3, 1f", S16);
    BR("bnez16-n/32", T(0, 0), "bnez16 $a3, 1f", S32);
    BR("jr16/16", TO1, "jr16 $t9", S16);
    BR("jr16/32", TO1, "jr16 $t9", S32);
    BR("jalr16/32", TO1, "jalr16 $t9", S32);
    BR("jalrs16/16", TO1, "jalrs16 $t9", S16);
    /* 32-bit branches */
    BR("beq/32", T(5, 5), I32("beq $t8, $t9, 1f"), S32);
    BR("beq/16", T(5, 5), I32("beq $t8, $t9, 1f"), S16);
    BR("beq-n/16", T(5, 6), I32("beq $t8, $t9, 1f"), S16);
    BR("beq-n/32", T(5, 6), I32("beq $t8, $t9, 1f"), S32);
    BR("bne/16", T(5, 6), I32("bne $t8, $t9, 1f"), S16);
    BR("bne-n/32", T(5, 5), I32("bne $t8, $t9, 1f"), S32);
    BR("blez/16", T(0, 0), "blez $t8, 1f", S16);
    BR("blez-n/32", T(1, 0), "blez $t8, 1f", S32);
    BR("bgtz/32", T(1, 0), "bgtz $t8, 1f", S32);
    BR("bgtz-n/16", T(-1, 0), "bgtz $t8, 1f", S16);
    BR("bltz/16", T(-1, 0), "bltz $t8, 1f", S16);
    BR("bltz-n/32", T(0, 0), "bltz $t8, 1f", S32);
    BR("bgez/32", T(0, 0), "bgez $t8, 1f", S32);
    BR("bgez-n/16", T(-1, 0), "bgez $t8, 1f", S16);
    BR("bltzal/32", T(-1, 0), "bltzal $t8, 1f", S32);
    BR("bltzal-n/32", T(1, 0), "bltzal $t8, 1f", S32);
    BR("bgezal/32", T(1, 0), "bgezal $t8, 1f", S32);
    BR("bgezal-n/32", T(-1, 0), "bgezal $t8, 1f", S32);
    BR("bltzals/16", T(-1, 0), "bltzals $t8, 1f", S16);
    BR("bltzals-n/16", T(1, 0), "bltzals $t8, 1f", S16);
    BR("bgezals/16", T(1, 0), "bgezals $t8, 1f", S16);
    BR("bgezals-n/16", T(-1, 0), "bgezals $t8, 1f", S16);
    BR("bc1t/32", FCC_TRUE, "bc1t 1f", S32);
    BR("bc1t-n/16", FCC_FALSE, "bc1t 1f", S16);
    BR("bc1f/16", FCC_FALSE, "bc1f 1f", S16);
    BR("bc1f-n/32", FCC_TRUE, "bc1f 1f", S32);
    BR("j/16", A, "j 1f", S16);
    BR("j/32", A, "j 1f", S32);
    BR("jal/32", A, "jal 1f", S32);
    BR("jals/16", A, "jals 1f", S16);
    BR("jr/32", TO1, I32("jr $t9"), S32);
    BR("jalr/32", TO1, I32("jalr $t9"), S32);
    BR("jalr.hb/32", TO1, "jalr.hb $t9", S32);
    BR("jalrs/16", TO1, ".set noinsn32\n\t.insn\n\t.hword 0x03f9, 0x4f3c", S16); /* JALRS t9, 32-bit (gas would take JALRS16) */
    BR("jalrs.hb/16", TO1, "jalrs.hb $t9", S16);
    /* JALX to MIPS32 code, whose own JALX (a trapping access in its slot
     * too) comes back to microMIPS */
    {
        uint32_t v, w, path;
        __asm__ volatile(".set push\n\t.set noreorder\n\t"
                         "move $9, %3\n\tmove $8, $zero\n\tmove $7, $zero\n\t"
                         "jalx 3f\n\t"
                         "lw $8, 0($9)\n\t"
                         "b 2f\n\t"
                         "li %2, 0\n\t"
                         ".set nomicromips\n\t.align 2\n"
                         "3:\tli %2, 1\n\t"
                         "jalx 2f\n\t"
                         "lw $7, 0($9)\n\t"
                         ".set micromips\n\t.align 2\n"
                         "2:\tmove %0, $8\n\tmove %1, $7\n\t.set pop"
                         : "=&r"(v), "=&r"(w), "=&r"(path)
                         : "r"(DEVID)
                         : "$7", "$8", "$9", "$31", "memory");
        report("jalx/32", path, v);
        report("jalx-back", path, w);
    }
}

static void forms(void)
{
    uint32_t v, w, x, y;
    SFR(OFF0) = 0x00012344;
    SFR(OFF1) = 0x00022222;
    /* 16-bit forms: registers of the 3-bit fields (s0, s1, v0..a3) */
    __asm__ volatile("move $5, %4\n\tmove $4, %5\n\tlw16 $6, 0($5)\n\tlbu16 $7, 1($5)\n\t"
                     "lhu16 $16, 2($5)\n\tlbu16 $17, -1($4)\n\t"
                     "move %0, $6\n\tmove %1, $7\n\tmove %2, $16\n\tmove %3, $17"
                     : "=&r"(v), "=&r"(w), "=&r"(x), "=&r"(y) : "r"(OFF0), "r"(OFF1)
                     : "$4", "$5", "$6", "$7", "$16", "$17", "memory");
    report("lw16/lbu16", v, w);
    report("lhu16/lbu-1", x, y);
    __asm__ volatile("move $5, %0\n\tli $6, 0x4680\n\tsw16 $6, 4($5)\n\t"
                     "li $7, 0x96\n\tsb16 $7, 1($5)\n\tli $2, 0xabce\n\tsh16 $2, 6($5)\n\t"
                     "sw16 $0, 8($5)"
                     : : "r"(OFF0) : "$2", "$5", "$6", "$7", "memory");
    report("sw16/sb16", SFR(OFF1), SFR(OFF0));
    report("sh16/sw16-0", SFR(OFF(1)), SFR(OFF(2)));
    /* sp- and gp-based forms: sp/gp point at the device for a moment,
     * interrupts off meanwhile (DI/EI trap too, at task level) */
    SFR(OFF(0)) = 0x0440;
    SFR(OFF(1)) = 0x1110;
    SFR(OFF(2)) = 0x2220;
    __asm__ volatile(".set push\n\t.set noreorder\n\t"
                     "di $0\n\tmove $9, $sp\n\tmove $8, $gp\n\t"
                     "move $sp, %4\n\tmove $gp, %4\n\t"
                     "lw $2, 4($sp)\n\t"          /* LWSP16 */
                     "lw $3, 8($gp)\n\t"          /* LWGP16 */
                     "li $4, 0x3330\n\t"
                     "sw $4, 8($sp)\n\t"          /* SWSP16 */
                     "lwm16 $16, $17, $31, 0($sp)\n\t"
                     "move $sp, $9\n\tmove $gp, $8\n\tei $0\n\t"
                     "move %0, $2\n\tmove %1, $3\n\tmove %2, $16\n\taddu %3, $17, $31\n\t.set pop"
                     : "=&r"(v), "=&r"(w), "=&r"(x), "=&r"(y) : "r"(OFF0)
                     : "$2", "$3", "$4", "$8", "$9", "$16", "$17", "$31", "memory");
    report("lwsp/lwgp", v, w);
    report("swsp/lwm16", x, y);
    __asm__ volatile(".set push\n\t.set noreorder\n\t"
                     "di $0\n\tmove $9, $sp\n\tmove $sp, %0\n\t"
                     "li $16, 0x5550\n\tli $31, 0x6660\n\t"
                     "swm16 $16, $31, 0($sp)\n\t"
                     "move $sp, $9\n\tei $0\n\t.set pop"
                     : : "r"(OFF0) : "$9", "$16", "$31", "memory");
    report("swm16", SFR(OFF0), SFR(OFF1));
    /* 32-bit forms */
    SFR(OFF0) = 0x00012344;
    SFR(OFF1) = 0x00022222;
    __asm__ volatile(".set push\n\t.set insn32\n\t"
                     "lb %0, 1(%4)\n\tlh %1, 2(%4)\n\tlbu %2, 4(%4)\n\tlw %3, 0(%4)\n\t.set pop"
                     : "=&r"(v), "=&r"(w), "=&r"(x), "=&r"(y) : "r"(OFF0) : "memory");
    report("lb/lh", v, w);
    report("lbu32/lw32", x, y);
    __asm__ volatile(".set push\n\t.set insn32\n\t"
                     "sb %0, 1(%1)\n\tsh %0, 6(%1)\n\t.set pop" : : "r"(0x7776u), "r"(OFF0) : "memory");
    report("sb32/sh32", SFR(OFF0), SFR(OFF1));
    lr_ll_forms();
    /* paired and multiple */
    SFR(OFF(1)) = 0x1230;
    SFR(OFF(2)) = 0x4560;
    __asm__ volatile("lwp $8, 4(%2)\n\tmove %0, $8\n\tmove %1, $9"
                     : "=&r"(v), "=&r"(w) : "r"(OFF0) : "$8", "$9", "memory");
    report("lwp", v, w);
    __asm__ volatile("li $8, 0x7770\n\tli $9, 0x8880\n\tswp $8, 0(%0)"
                     : : "r"(OFF0) : "$8", "$9", "memory");
    report("swp", SFR(OFF0), SFR(OFF1));
    __asm__ volatile("lwm32 $16, $17, $18, 0(%4)\n\tmove %0, $16\n\tmove %1, $17\n\tmove %2, $18\n\t"
                     "lwm32 $31, 8(%4)\n\tmove %3, $31"
                     : "=&r"(v), "=&r"(w), "=&r"(x), "=&r"(y) : "r"(OFF0)
                     : "$16", "$17", "$18", "$31", "memory");
    report("lwm32", v, w);
    report("lwm32-ra", x, y);
    __asm__ volatile("li $16, 0x1010\n\tli $17, 0x2020\n\tli $31, 0x3030\n\t"
                     "swm32 $16, $17, $31, 0(%0)"
                     : : "r"(OFF0) : "$16", "$17", "$31", "memory");
    report("swm32", SFR(OFF(0)) + SFR(OFF(1)), SFR(OFF(2)));
    __asm__ volatile("lwxs %0, %1(%2)" : "=&r"(v) : "r"(2), "r"(OFF0) : "memory");
    report("lwxs", v, 0);
    /* FPU */
    fpu_forms();
}

int main(void)
{
    board_init();
    rt_printf("dslotmm: start\n");
    forms();
    branches();
    rt_printf("dslotmm: done, %u lines\n", lines);
    return 0;
}

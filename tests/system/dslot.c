/*
 * dslot: trapped device accesses in every load/store form and in the delay
 * slot of every MIPS32 branch kind. Built for the bare Wi-FIRE (guests/rt);
 * tests/system/run runs it bare and under tinyVP and wants the same lines.
 * Under tinyVP the accesses trap: OFF000/OFF001 of the interrupt controller
 * are emulated, DEVID (cfg, write-ignore) is forwarded. A wrong resume PC
 * shows as a wrong path, a wrong emulated value as a different line.
 */
#include "rt.h"

#define OFF0 OFF(0) /* OFF000 (vector 0: every guest has it), VOFF 17:1 */
#define OFF1 OFF(1)

static unsigned lines;

static void report(const char *name, uint32_t a, uint32_t b)
{
    rt_printf("dslot: %-10s %08lx %08lx\n", name, (unsigned long)a, (unsigned long)b);
    lines++;
}

#include "dslot_forms.h"

/* A branch whose delay slot loads DEVID: path 1 = taken, 0 = fell
 * through; value 0 when a likely branch annulled the slot. */
#define BR(name, setup, branch)                                                    \
    do {                                                                           \
        uint32_t v, path;                                                          \
        __asm__ volatile(".set push\n\t.set noreorder\n\t" setup "\n\t"           \
                         "move %0, $zero\n\t" branch "\n\t"                        \
                         "lw %0, 0(%2)\n\t"                                        \
                         "b 2f\n\t"                                                \
                         "li %1, 0\n"                                              \
                         "1:\tli %1, 1\n"                                          \
                         "2:\n\t.set pop"                                          \
                         : "=&r"(v), "=&r"(path)                                   \
                         : "r"(DEVID)                                              \
                         : "$24", "$25", "$31", "$f0", "$f2", "memory");           \
        report(name, path, v);                                                     \
    } while (0)

/* The same with a store in the slot (OFF000 = marker), read back after. */
#define BRS(name, setup, branch, marker)                                           \
    do {                                                                           \
        uint32_t path;                                                             \
        SFR(OFF0) = 0;                                                             \
        __asm__ volatile(".set push\n\t.set noreorder\n\t" setup "\n\t"           \
                         branch "\n\t"                                             \
                         "sw %1, 0(%2)\n\t"                                        \
                         "b 2f\n\t"                                                \
                         "li %0, 0\n"                                              \
                         "1:\tli %0, 1\n"                                          \
                         "2:\n\t.set pop"                                          \
                         : "=&r"(path)                                             \
                         : "r"(marker), "r"(OFF0)                                  \
                         : "$24", "$25", "$31", "$f0", "$f2", "memory");           \
        report(name, path, SFR(OFF0));                                             \
    } while (0)

#define T(a, b) "li $t8, " #a "\n\tli $t9, " #b
#define FCC_TRUE "mtc1 $zero, $f0\n\tc.eq.s $f0, $f0"
#define FCC_FALSE "mtc1 $zero, $f0\n\tc.lt.s $f0, $f0"

static void branches(void)
{
    BR("beq", T(5, 5), "beq $t8, $t9, 1f");
    BR("beq-n", T(5, 6), "beq $t8, $t9, 1f");
    BR("bne", T(5, 6), "bne $t8, $t9, 1f");
    BR("bne-n", T(5, 5), "bne $t8, $t9, 1f");
    BR("blez", T(0, 0), "blez $t8, 1f");
    BR("blez-n", T(1, 0), "blez $t8, 1f");
    BR("bgtz", T(1, 0), "bgtz $t8, 1f");
    BR("bgtz-n", T(-1, 0), "bgtz $t8, 1f");
    BR("bltz", T(-1, 0), "bltz $t8, 1f");
    BR("bltz-n", T(0, 0), "bltz $t8, 1f");
    BR("bgez", T(0, 0), "bgez $t8, 1f");
    BR("bgez-n", T(-1, 0), "bgez $t8, 1f");
    BR("bltzal", T(-1, 0), "bltzal $t8, 1f");
    BR("bltzal-n", T(1, 0), "bltzal $t8, 1f");
    BR("bgezal", T(1, 0), "bgezal $t8, 1f");
    BR("bgezal-n", T(-1, 0), "bgezal $t8, 1f");
    BR("beql", T(5, 5), "beql $t8, $t9, 1f");
    BR("beql-n", T(5, 6), "beql $t8, $t9, 1f");
    BR("bnel", T(5, 6), "bnel $t8, $t9, 1f");
    BR("bnel-n", T(5, 5), "bnel $t8, $t9, 1f");
    BR("blezl", T(-3, 0), "blezl $t8, 1f");
    BR("blezl-n", T(3, 0), "blezl $t8, 1f");
    BR("bgtzl", T(3, 0), "bgtzl $t8, 1f");
    BR("bgtzl-n", T(0, 0), "bgtzl $t8, 1f");
    BR("bltzl", T(-3, 0), "bltzl $t8, 1f");
    BR("bltzl-n", T(3, 0), "bltzl $t8, 1f");
    BR("bgezl", T(3, 0), "bgezl $t8, 1f");
    BR("bgezl-n", T(-3, 0), "bgezl $t8, 1f");
    BR("bltzall", T(-3, 0), "bltzall $t8, 1f");
    BR("bltzall-n", T(3, 0), "bltzall $t8, 1f");
    BR("bgezall", T(0, 0), "bgezall $t8, 1f");
    BR("bgezall-n", T(-3, 0), "bgezall $t8, 1f");
    BR("j", "", "j 1f");
    BR("jal", "", "jal 1f");
    BR("jr", "la $t9, 1f", "jr $t9");
    BR("jalr", "la $t9, 1f", "jalr $t9");
    BR("bc1t", FCC_TRUE, "bc1t 1f");
    BR("bc1t-n", FCC_FALSE, "bc1t 1f");
    BR("bc1f", FCC_FALSE, "bc1f 1f");
    BR("bc1f-n", FCC_TRUE, "bc1f 1f");
    BR("bc1tl", FCC_TRUE, "bc1tl 1f");
    BR("bc1tl-n", FCC_FALSE, "bc1tl 1f");
    BR("bc1fl", FCC_FALSE, "bc1fl 1f");
    BR("bc1fl-n", FCC_TRUE, "bc1fl 1f");
    /* the slot's load overwrites the jump's own register: the target is
     * the value before (the branch executed first) */
    {
        uint32_t v, path;
        __asm__ volatile(".set push\n\t.set noreorder\n\t"
                         "la $t9, 1f\n\t"
                         "jr $t9\n\t"
                         "lw $t9, 0(%2)\n\t"
                         "b 2f\n\t"
                         "li %1, 0\n"
                         "1:\tli %1, 1\n"
                         "2:\tmove %0, $t9\n\t.set pop"
                         : "=&r"(v), "=&r"(path) : "r"(DEVID) : "$25", "memory");
        report("jr-self", path, v);
    }
    BRS("sw-beq", T(1, 1), "beq $t8, $t9, 1f", 0x1230);
    BRS("sw-bnel-n", T(1, 1), "bnel $t8, $t9, 1f", 0x4560);
    BRS("sw-jal", "", "jal 1f", 0x7890);
    BRS("sw-bc1f", FCC_FALSE, "bc1f 1f", 0xabc0);
}

static void forms(void)
{
    volatile uint8_t *b = (volatile uint8_t *)OFF0;
    volatile uint16_t *h = (volatile uint16_t *)OFF0;
    SFR(OFF0) = 0x00012344;
    report("sw/lw", SFR(OFF0), 0);
    report("lbu/lb", b[0] | (uint32_t)b[1] << 8, (uint32_t)(int32_t)(int8_t)b[0]);
    report("lhu/lh", h[0], (uint32_t)(int32_t)(int16_t)h[0]);
    b[1] = 0x96;
    report("sb", SFR(OFF0), (uint32_t)(int32_t)((volatile int8_t *)b)[1]);
    h[0] = 0xabce;
    report("sh", SFR(OFF0), (uint32_t)(int32_t)((volatile int16_t *)h)[0]);
    SFR(OFF1) = 0x00022222;
    lr_ll_forms();
    fpu_forms();
}

int main(void)
{
    board_init();
    rt_printf("dslot: start\n");
    forms();
    branches();
    rt_printf("dslot: done, %u lines\n", lines);
    return 0;
}

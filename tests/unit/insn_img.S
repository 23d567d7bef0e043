/*
 * Fixture of tests/unit/test_insn.c: microMIPS (and a few MIPS32)
 * instructions as the cross assembler encodes them, each with what the
 * hypervisor's decoders (hv/core/insn.c, insn_mm.c) must make of it, in a
 * table the linker completes (branch targets, addresses). The test reads
 * the linked image's .text as raw bytes: word 0 is the image's address,
 * words 1 and 2 the table's bounds.
 *
 * Guest registers in the test: GPR n = 0x10000 + n * 0x100 (gN below),
 * GPR 0 = 0, unless an entry's condition sets them.
 */
    .set noreorder
    .set noat
    .set virt
    .set hardfloat
    .set fp=64
    .text
    .globl base
base:
    .word base, table, table_end

    .irp n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    .set g\n, 0x10000 + \n * 0x100
    .endr
    .set g0, 0

    .text 1
    .align 2
table:
    .text 0

/* kinds of table entries */
#define T_MEM 1
#define T_BR  2
#define T_X   3
#define T_BR32 4
/* enum mem_kind (hv/core/insn.h) */
#define K_PLAIN 0
#define K_LEFT 1
#define K_RIGHT 2
#define K_LL 3
#define K_SC 4
#define K_FPU 5
#define K_CACHE 6
#define K_MULTI 7
/* branch conditions */
#define C_ALWAYS 0
#define C_EQ 1
#define C_NE 2
#define C_GEZ 3
#define C_GTZ 4
#define C_LEZ 5
#define C_LTZ 6
#define C_REG 7
#define C_FPT 8
#define C_FPF 9
#define C_NEVER 10

/* MEM size, store, sign, kind, reg, regs, ea, len, instruction */
    .macro MEM size, st, sx, kind, reg, regs, ea, len, insn:vararg
    .set micromips
1:  \insn
    .text 1
    .word T_MEM, 1b, \size | \st << 8 | \sx << 16 | \kind << 24, \reg, \regs, \ea, \len, 0
    .text 0
    .endm

/* BR cond, rs, rt, slot length, target, branch, slot instruction: the
 * branch, its slot, and the label after the slot. */
    .macro BR cond, rs, rt, slen, target, insn:vararg
    BRW 0, \cond, \rs, \rt, \slen, \target, \insn
    .endm
/* the same, the branch in its 32-bit encoding (.set insn32) */
    .macro BR32 cond, rs, rt, slen, target, insn:vararg
    BRW 1, \cond, \rs, \rt, \slen, \target, \insn
    .endm
    .macro BRW i32, cond, rs, rt, slen, target, insn:vararg
    .set micromips
    .if \i32
    .set insn32
    .endif
1:  \insn
    .set noinsn32
    .if \slen == 2
    nop16
    .else
    nop32
    .endif
2:
    .text 1
    .word T_BR, 1b, \target, 2b, \slen, \cond, \rs, \rt
    .text 0
    .endm

/* X instruction: its MIPS32 equivalent is the same text assembled MIPS32 */
    .macro X insn:vararg
    .set micromips
1:  \insn
    .set nomicromips
    .align 2
2:  \insn
    .text 1
    .word T_X, 1b, 2b, 0, 0, 0, 0, 0
    .text 0
    .endm

    .set micromips
mm_target:
    nop16
    nop16

    /* 16-bit loads and stores */
    MEM 1, 0, 0, K_PLAIN, 3, 0, g17 + 4, 2, lbu16 $3, 4($17)
    MEM 1, 0, 0, K_PLAIN, 3, 0, g16 - 1, 2, lbu16 $3, -1($16)
    MEM 1, 0, 0, K_PLAIN, 7, 0, g7 + 14, 2, lbu16 $7, 14($7)
    MEM 2, 0, 0, K_PLAIN, 3, 0, g16 + 4, 2, lhu16 $3, 4($16)
    MEM 2, 0, 0, K_PLAIN, 16, 0, g2 + 30, 2, lhu16 $16, 30($2)
    MEM 4, 0, 0, K_PLAIN, 4, 0, g17 + 8, 2, lw16 $4, 8($17)
    MEM 4, 0, 0, K_PLAIN, 17, 0, g6 + 60, 2, lw16 $17, 60($6)
    MEM 4, 0, 0, K_PLAIN, 31, 0, g29 + 124, 2, lw $31, 124($sp)
    MEM 4, 0, 0, K_PLAIN, 8, 0, g29, 2, lw $8, 0($sp)
    MEM 4, 0, 0, K_PLAIN, 7, 0, g28 + 252, 2, lw $7, 252($gp)
    MEM 4, 0, 0, K_PLAIN, 2, 0, g28 - 256, 2, lw $2, -256($gp)
    MEM 1, 1, 0, K_PLAIN, 0, 0, g16 + 4, 2, sb16 $0, 4($16)
    MEM 1, 1, 0, K_PLAIN, 17, 0, g3 + 15, 2, sb16 $17, 15($3)
    MEM 2, 1, 0, K_PLAIN, 4, 0, g17 + 8, 2, sh16 $4, 8($17)
    MEM 4, 1, 0, K_PLAIN, 5, 0, g7 + 60, 2, sw16 $5, 60($7)
    MEM 4, 1, 0, K_PLAIN, 0, 0, g16, 2, sw16 $0, 0($16)
    MEM 4, 1, 0, K_PLAIN, 5, 0, g29 + 12, 2, sw $5, 12($sp)
    MEM 4, 1, 0, K_PLAIN, 31, 0, g29 + 124, 2, sw $31, 124($sp)
    MEM 4, 0, 0, K_MULTI, 3, 0x80030000, g29 + 60, 2, lwm16 $16, $17, $31, 60($sp)
    MEM 4, 1, 0, K_MULTI, 2, 0x80010000, g29 + 8, 2, swm16 $16, $31, 8($sp)
    MEM 4, 0, 0, K_MULTI, 5, 0x800f0000, g29, 2, lwm16 $16-$19, $31, 0($sp)

    /* 32-bit forms (insn32: no 16-bit choice by the assembler) */
    .set insn32
    MEM 1, 0, 1, K_PLAIN, 5, 0, g6 - 4, 4, lb $5, -4($6)
    MEM 1, 0, 0, K_PLAIN, 5, 0, g6 + 4, 4, lbu $5, 4($6)
    MEM 2, 0, 1, K_PLAIN, 5, 0, g6 - 32768, 4, lh $5, -32768($6)
    MEM 2, 0, 0, K_PLAIN, 31, 0, g30 + 32766, 4, lhu $31, 32766($30)
    MEM 4, 0, 0, K_PLAIN, 5, 0, g6 + 4, 4, lw $5, 4($6)
    MEM 4, 0, 0, K_PLAIN, 5, 0, g29 + 4, 4, lw $5, 4($sp)
    MEM 1, 1, 0, K_PLAIN, 5, 0, g6 + 4, 4, sb $5, 4($6)
    MEM 2, 1, 0, K_PLAIN, 5, 0, g6 + 4, 4, sh $5, 4($6)
    MEM 4, 1, 0, K_PLAIN, 9, 0, g0 + 0x7ffc, 4, sw $9, 0x7ffc($0)
    MEM 4, 0, 0, K_LEFT, 5, 0, g6 - 3, 4, lwl $5, -3($6)
    MEM 4, 0, 0, K_RIGHT, 5, 0, g6 + 3, 4, lwr $5, 3($6)
    MEM 4, 1, 0, K_LEFT, 5, 0, g6 + 3, 4, swl $5, 3($6)
    MEM 4, 1, 0, K_RIGHT, 5, 0, g6 + 2047, 4, swr $5, 2047($6)
    MEM 4, 0, 0, K_LL, 5, 0, g6 + 8, 4, ll $5, 8($6)
    MEM 4, 1, 0, K_SC, 5, 0, g6 - 2048, 4, sc $5, -2048($6)
    MEM 4, 0, 0, K_MULTI, 2, 0x00000300, g6 + 8, 4, lwp $8, 8($6)
    MEM 4, 1, 0, K_MULTI, 2, 0x00c00000, g6 - 8, 4, swp $22, -8($6)
    MEM 4, 0, 0, K_MULTI, 10, 0xc0ff0000, g29 + 8, 4, lwm32 $16-$23, $30, $31, 8($sp)
    MEM 4, 1, 0, K_MULTI, 2, 0x00030000, g4 + 8, 4, swm32 $16, $17, 8($4)
    MEM 4, 1, 0, K_MULTI, 1, 0x80000000, g4 + 8, 4, swm32 $31, 8($4)
    MEM 4, 0, 0, K_PLAIN, 5, 0, g6 + 4 * g7, 4, lwxs $5, $7($6)
    MEM 4, 0, 0, K_FPU, 2, 0, g6 + 8, 4, lwc1 $f2, 8($6)
    MEM 4, 1, 0, K_FPU, 6, 0, g6 + 8, 4, swc1 $f6, 8($6)
    MEM 8, 0, 0, K_FPU, 4, 0, g6 + 8, 4, ldc1 $f4, 8($6)
    MEM 8, 1, 0, K_FPU, 30, 0, g6 - 8, 4, sdc1 $f30, -8($6)
    MEM 4, 0, 0, K_FPU, 2, 0, g6 + g7, 4, lwxc1 $f2, $7($6)
    MEM 4, 1, 0, K_FPU, 8, 0, g6 + g7, 4, swxc1 $f8, $7($6)
    MEM 8, 0, 0, K_FPU, 4, 0, g6 + g7, 4, ldxc1 $f4, $7($6)
    MEM 8, 1, 0, K_FPU, 4, 0, g6 + g7, 4, sdxc1 $f4, $7($6)
    MEM 8, 0, 0, K_FPU, 4, 0, (g6 + g9) & ~7, 4, luxc1 $f4, $9($6)
    MEM 8, 1, 0, K_FPU, 4, 0, (g6 + g9) & ~7, 4, suxc1 $f4, $9($6)
    MEM 0, 0, 0, K_CACHE, 0, 0, g6 + 8, 4, pref 1, 8($6)
    MEM 0, 0, 0, K_CACHE, 0, 0, g6 + g7, 4, prefx 1, $7($6)
    MEM 0, 0, 0, K_CACHE, 0, 0, g6 - 8, 4, cache 1, -8($6)
    .set noinsn32

    /* branches and jumps with a delay slot: 16-bit */
    .set micromips
mm_near:
    nop16
    nop16
    BR C_ALWAYS, 0, 0, 2, mm_near, b16 mm_near
    BR C_EQ, 16, 0, 2, mm_near, beqz16 $16, mm_near
    BR C_NE, 7, 0, 2, mm_near, bnez16 $7, mm_near
    BR C_REG, 5, 0, 2, 0, jr16 $5
    BR C_REG, 6, 0, 4, 0, jalr16 $6
    BR C_REG, 5, 0, 2, 0, jalrs16 $5
    /* 32-bit */
    BR32 C_EQ, 5, 6, 4, mm_target, beq $5, $6, mm_target
    BR32 C_EQ, 5, 6, 2, mm_target, beq $5, $6, mm_target
    BR C_NE, 5, 6, 4, mm_target, bne $5, $6, mm_target
    BR32 C_NE, 5, 0, 2, mm_target, bne $5, $0, mm_target
    BR C_GEZ, 5, 0, 4, mm_target, bgez $5, mm_target
    BR C_GTZ, 5, 0, 4, mm_target, bgtz $5, mm_target
    BR C_LEZ, 5, 0, 2, mm_target, blez $5, mm_target
    BR C_LTZ, 5, 0, 4, mm_target, bltz $5, mm_target
    BR C_GEZ, 5, 0, 4, mm_target, bgezal $5, mm_target
    BR C_LTZ, 5, 0, 4, mm_target, bltzal $5, mm_target
    BR C_GEZ, 5, 0, 2, mm_target, bgezals $5, mm_target
    BR C_LTZ, 5, 0, 2, mm_target, bltzals $5, mm_target
    BR C_FPF, 2, 0, 4, mm_target, bc1f $fcc2, mm_target
    BR C_FPT, 0, 0, 2, mm_target, bc1t mm_target
    BR C_FPT, 7, 0, 4, mm_target, bc1t $fcc7, mm_target
    BR C_ALWAYS, 0, 0, 4, mm_target, j mm_target
    BR C_ALWAYS, 0, 0, 4, mm_target, jal mm_target
    BR C_ALWAYS, 0, 0, 2, mm_target, jals mm_target
    BR C_ALWAYS, 0, 0, 4, mips32_target, jalx mips32_target
    BR32 C_REG, 5, 0, 4, 0, jr $5
    BR32 C_REG, 5, 0, 4, 0, jalr $5
    BR C_REG, 5, 0, 4, 0, jalr $4, $5
    BR C_REG, 5, 0, 4, 0, jalr.hb $5
    BR C_REG, 5, 0, 2, 0, jalrs $5
    BR C_REG, 5, 0, 2, 0, jalrs.hb $5

    /* the exits the hypervisor decodes: their MIPS32 equivalents */
    X mfc0 $5, $12, 1
    X mfc0 $31, $16, 7
    X mtc0 $5, $12, 0
    X mtc0 $0, $9, 0
    X di $5
    X di
    X ei $7
    X ei
    X eret
    X deret
    X wait
    X tlbp
    X tlbr
    X tlbwi
    X tlbwr
    X rdhwr $5, $2
    X hypcall 0
    X hypcall 3
    X hypcall 0x3ff
    X cache 1, 8($6)
    X cache 8, -2048($31)

    /* MIPS32: JALX to microMIPS, JR to an odd address */
    .set nomicromips
    .align 2
mips32_target:
1:  jalx mm_target
    nop
2:
    .text 1
    .word T_BR32, 1b, mm_target, 2b, 4, C_ALWAYS, 0, 0
    .text 0
1:  jr $5
    nop
2:
    .text 1
    .word T_BR32, 1b, 0, 2b, 4, C_REG, 5, 0
    .text 0

    .text 2
table_end:

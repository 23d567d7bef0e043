/*
 * Assembler side of the ISA test programs (tests/isa/asm/NAME.S).
 *
 * A program is
 *     #include "isa.h"
 *     ISA_NAME("isa/alu")
 *     TEST_BEGIN
 *        ... instructions and CHK(reg, value) ...
 *     TEST_END
 * linked with isa_rt.o and isa_main.o. isa_main.c installs the test's own
 * exception vectors (isa_rt.S) and calls isa_run (TEST_BEGIN..TEST_END),
 * which may use every GPR but k0 (callee-saved ones are restored).
 *
 * CHK(reg, value) compares a register with a constant or a symbol (CHKR
 * with another register); on a
 * mismatch it reports "FAIL <prog>:<line>: got .. expected .." and goes on.
 * It uses $at, k0, k1 and keeps every other register (and HI/LO). reg must
 * not be k0 or $at.
 *
 * Exceptions: every vector records into isa_exc (see ISA_EXC_* offsets)
 * and returns to isa_exc.resume if set (then cleared), otherwise to EPC+4.
 * EXC_CLEAR before the instruction, CHK_EXC(code, epc) after it.
 */
#ifndef TESTS_ISA_ISA_H
#define TESTS_ISA_ISA_H
#include <mips/mipsregs.h>

/* isa_exc layout (bytes) */
#define ISA_EXC_COUNT    0
#define ISA_EXC_CAUSE    4
#define ISA_EXC_EPC      8
#define ISA_EXC_BADVADDR 12
#define ISA_EXC_STATUS   16
#define ISA_EXC_SRSCTL   20
#define ISA_EXC_VECTOR   24  /* 0 refill (+0x000), 1 general (+0x180), 2 int (+0x200) */
#define ISA_EXC_T8       28  /* $t8 of the register set the handler ran in */
#define ISA_EXC_RESUME   32  /* in: return address for the next exception */
#define ISA_EXC_ENTRYHI  36
#define ISA_EXC_CONTEXT  40
#define ISA_EXC_STCLR    44  /* in: Status bits to clear before returning */
#define ISA_EXC_LOGP     48  /* in: if set, each exception appends a log entry there */
#define ISA_EXC_HOOK     52  /* in: if set, jumped to (k0/k1 free) after recording;
                                it may eret itself or jump to isa_exc_return */
#define ISA_EXC_SIZE     56
/* exception log entry (ISA_EXC_LOGP) */
#define LOG_CAUSE    0
#define LOG_EPC      4
#define LOG_BADVADDR 8
#define LOG_STATUS   12
#define LOG_VECTOR   16
#define LOG_SIZE     32

#define VEC_REFILL  0
#define VEC_GENERAL 1
#define VEC_INT     2

#ifdef __ASSEMBLER__

#define ISA_NAME(n) \
    .pushsection .rodata; .globl isa_name; isa_name: .asciz n; .popsection

#define TEST_BEGIN \
    .text; .set noreorder; .globl isa_run; .ent isa_run; isa_run: \
    la $k1, isa_csave; sw $s0, 0($k1); sw $s1, 4($k1); sw $s2, 8($k1); \
    sw $s3, 12($k1); sw $s4, 16($k1); sw $s5, 20($k1); sw $s6, 24($k1); \
    sw $s7, 28($k1); sw $fp, 32($k1); sw $sp, 36($k1); sw $ra, 40($k1); \
    sw $gp, 44($k1)

#define TEST_END \
    la $k1, isa_csave; lw $s0, 0($k1); lw $s1, 4($k1); lw $s2, 8($k1); \
    lw $s3, 12($k1); lw $s4, 16($k1); lw $s5, 20($k1); lw $s6, 24($k1); \
    lw $s7, 28($k1); lw $fp, 32($k1); lw $sp, 36($k1); lw $ra, 40($k1); \
    lw $gp, 44($k1); jr $ra; nop; .end isa_run

    .macro CHK_ reg, val, line
    .set push
    .set noat
    la      $at, \val
    CHK_AT_ \reg, \line
    .set pop
    .endm
#define CHK(reg, val) CHK_ reg, val, __LINE__
/* CHKR(reg, reg2): compare two registers (reg2 must not be k0/k1/$at). */
    .macro CHKR_ reg, reg2, line
    .set push
    .set noat
    move    $at, \reg2
    CHK_AT_ \reg, \line
    .set pop
    .endm
#define CHKR(reg, reg2) CHKR_ reg, reg2, __LINE__

/* reg against $at */
    .macro CHK_AT_ reg, line
    .set push
    .set noat
    .set noreorder
    beq     \reg, $at, .Lchk\@
    nop
    lui     $k0, %hi(isa_chk)
    addiu   $k0, $k0, %lo(isa_chk)
    sw      \reg, 0($k0)
    sw      $at, 4($k0)
    li      $k1, \line
    sw      $k1, 8($k0)
    la      $k1, .Lchk\@
    sw      $k1, 12($k0)
    j       isa_fail_stub
    nop
.Lchk\@:
    .set pop
    .endm

/* Load word at symbol+off into k1 and check it. */
    .macro CHKMEM_ sym, off, val, line
    .set push
    .set noat
    la      $k1, \sym
    lw      $k1, \off($k1)
    CHK_    $k1, \val, \line
    .set pop
    .endm
#define CHKMEM(sym, off, val) CHKMEM_ sym, off, val, __LINE__

    .macro EXC_CLEAR
    .set push
    .set noat
    la      $k1, isa_exc
    sw      $zero, ISA_EXC_COUNT($k1)
    sw      $zero, ISA_EXC_CAUSE($k1)
    sw      $zero, ISA_EXC_EPC($k1)
    sw      $zero, ISA_EXC_BADVADDR($k1)
    .set pop
    .endm

/* Set where the next exception returns to. */
    .macro EXC_RESUME lbl
    .set push
    .set noat
    la      $k0, isa_exc
    la      $k1, \lbl
    sw      $k1, ISA_EXC_RESUME($k0)
    .set pop
    .endm

/* Exactly one exception, with ExcCode code and EPC epc, since EXC_CLEAR. */
    .macro CHK_EXC_ code, epc, line
    .set push
    .set noat
    la      $k1, isa_exc
    lw      $k1, ISA_EXC_COUNT($k1)
    CHK_    $k1, 1, \line
    la      $k1, isa_exc
    lw      $k1, ISA_EXC_CAUSE($k1)
    ext     $k1, $k1, 2, 5
    CHK_    $k1, \code, \line
    la      $k1, isa_exc
    lw      $k1, ISA_EXC_EPC($k1)
    CHK_    $k1, \epc, \line
    .set pop
    .endm
#define CHK_EXC(code, epc) CHK_EXC_ code, epc, __LINE__

/* No exception since EXC_CLEAR. */
#define CHK_NOEXC() CHKMEM_ isa_exc, ISA_EXC_COUNT, 0, __LINE__

/* Cause.BD of the last exception. */
    .macro CHK_BD_ bd, line
    .set push
    .set noat
    la      $k1, isa_exc
    lw      $k1, ISA_EXC_CAUSE($k1)
    srl     $k1, $k1, 31
    CHK_    $k1, \bd, \line
    .set pop
    .endm
#define CHK_BD(bd) CHK_BD_ bd, __LINE__

/* Skip to label unless the core is an M5150 (PRId processor ID 0xA7):
 * guards checks that follow the architecture where QEMU's P5600 differs
 * (listed in tests/isa/README.md). */
    .macro IF_M5150 skip
    .set push
    .set noat
    la      $k1, isa_m5150
    lw      $k1, 0($k1)
    beqz    $k1, \skip
    nop
    .set pop
    .endm

/* Skip to label on the M5150: for architectural behaviour the PIC32MZ's
 * M5150 does not have (README). */
    .macro IF_NOT_M5150 skip
    .set push
    .set noat
    la      $k1, isa_m5150
    lw      $k1, 0($k1)
    bnez    $k1, \skip
    nop
    .set pop
    .endm

#endif /* __ASSEMBLER__ */
#endif

/*
 * Assembler side of the FPU test programs (tests/fpu/asm/NAME.S):
 *     #include "fpu_asm.h"
 *     FPU_NAME("fpu/arith")
 *     TEST_BEGIN
 *        ... FP instructions, CHK/CHKS/CHKD against IEEE bit patterns ...
 *     TEST_END
 * linked with fpu_rt.o and fpu_main.o (which installs the exception hook,
 * calls fpu_run and prints the failures the checks logged).
 *
 * Register use: the body may use every GPR but $at, k0, k1 (checks) and
 * t8, t9 (scratch of the macros); s0-s7/fp/gp/ra are saved by TEST_BEGIN.
 * Bodies run with .set noreorder: fill delay slots yourself.
 *
 * Exceptions: the hook records count, Cause, EPC, BadVAddr in fpu_exc and
 * resumes at EPC + 4 (never put a trapping instruction in a delay slot).
 */
#ifndef TESTS_FPU_ASM_H
#define TESTS_FPU_ASM_H
#include <mips/mipsregs.h>

#define FEXC_COUNT 0
#define FEXC_CAUSE 4
#define FEXC_EPC 8
#define FEXC_BADVADDR 12

#ifdef __ASSEMBLER__

#define FPU_NAME(n) \
    .pushsection .rodata; .globl fpu_name; fpu_name: .asciz n; .popsection

#define TEST_BEGIN \
    .text; .set noreorder; .set noat; .set oddspreg; .globl fpu_run; .ent fpu_run; fpu_run: \
    addiu $sp, $sp, -48; sw $s0, 0($sp); sw $s1, 4($sp); sw $s2, 8($sp); \
    sw $s3, 12($sp); sw $s4, 16($sp); sw $s5, 20($sp); sw $s6, 24($sp); \
    sw $s7, 28($sp); sw $fp, 32($sp); sw $ra, 36($sp); sw $gp, 40($sp)

#define TEST_END \
    lw $s0, 0($sp); lw $s1, 4($sp); lw $s2, 8($sp); lw $s3, 12($sp); \
    lw $s4, 16($sp); lw $s5, 20($sp); lw $s6, 24($sp); lw $s7, 28($sp); \
    lw $fp, 32($sp); lw $ra, 36($sp); lw $gp, 40($sp); jr $ra; \
    addiu $sp, $sp, 48; .end fpu_run

/* CHK(reg, value): a GPR against a 32-bit constant; a mismatch is logged
 * (line, got, expected) and the program goes on. */
    .macro CHK_ reg, val, line
    li      $at, \val
    beq     \reg, $at, 8f
    nop
    la      $k0, fpu_fail_n
    lw      $k1, 0($k0)
    addiu   $k1, $k1, 1
    sw      $k1, 0($k0)
    addiu   $k1, $k1, -1
    andi    $k1, $k1, 15
    sll     $k1, $k1, 4
    la      $k0, fpu_fail_log
    addu    $k0, $k0, $k1
    sw      \reg, 4($k0)
    sw      $at, 8($k0)
    li      $at, \line
    sw      $at, 0($k0)
8:
    .endm
#define CHK(r, v) CHK_ r, v, __LINE__

/* CHKS(fpr, word): the low word of an FPR; CHKD(fpr, hi, lo): a double. */
    .macro CHKS_ f, val, line
    mfc1    $t8, \f
    CHK_    $t8, \val, \line
    .endm
#define CHKS(f, v) CHKS_ f, v, __LINE__
    .macro CHKD_ f, hi, lo, line
    mfc1    $t8, \f
    CHK_    $t8, \lo, \line
    mfhc1   $t8, \f
    CHK_    $t8, \hi, \line
    .endm
#define CHKD(f, hi, lo) CHKD_ f, hi, lo, __LINE__

/* FCSR checks: the whole register, or Cause (6 bits) / Flags (5 bits). */
    .macro CHK_FCSR_ val, line
    cfc1    $t8, $31
    CHK_    $t8, \val, \line
    .endm
#define CHK_FCSR(v) CHK_FCSR_ v, __LINE__
    .macro CHK_CAUSE_ val, line
    cfc1    $t8, $31
    srl     $t8, $t8, 12
    andi    $t8, $t8, 0x3f
    CHK_    $t8, \val, \line
    .endm
#define CHK_CAUSE(v) CHK_CAUSE_ v, __LINE__
    .macro CHK_FLAGS_ val, line
    cfc1    $t8, $31
    srl     $t8, $t8, 2
    andi    $t8, $t8, 0x1f
    CHK_    $t8, \val, \line
    .endm
#define CHK_FLAGS(v) CHK_FLAGS_ v, __LINE__

    .macro SET_FCSR val
    li      $t8, \val
    ctc1    $t8, $31
    .endm
    .macro LIS f, val
    li      $t8, \val
    mtc1    $t8, \f
    .endm
    .macro LID f, hi, lo
    li      $t8, \lo
    mtc1    $t8, \f
    li      $t8, \hi
    mthc1   $t8, \f
    .endm

/* Status.FR: SET_FR 1 / SET_FR 0 */
    .macro SET_FR on
    mfc0    $t8, $12
    li      $t9, ST0_FR
    or      $t8, $t8, $t9
    .if \on == 0
    xor     $t8, $t8, $t9
    .endif
    mtc0    $t8, $12
    ehb
    .endm

/* Exceptions */
    .macro EXC_CLEAR
    la      $t9, fpu_exc
    sw      $zero, FEXC_COUNT($t9)
    .endm
    .macro CHK_EXC_ code, line
    la      $t9, fpu_exc
    lw      $t8, FEXC_COUNT($t9)
    CHK_    $t8, 1, \line
    lw      $t8, FEXC_CAUSE($t9)
    srl     $t8, $t8, 2
    andi    $t8, $t8, 31
    CHK_    $t8, \code, \line
    .endm
#define CHK_EXC(code) CHK_EXC_ code, __LINE__
    .macro CHK_NOEXC_ line
    la      $t9, fpu_exc
    lw      $t8, FEXC_COUNT($t9)
    CHK_    $t8, 0, \line
    .endm
#define CHK_NOEXC CHK_NOEXC_ __LINE__

#endif /* __ASSEMBLER__ */
#endif

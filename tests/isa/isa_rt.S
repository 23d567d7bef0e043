/*
 * Runtime of the ISA test programs: their own exception vector page (EBase
 * is moved here by isa_init, so the refill, general and interrupt vectors
 * can be told apart), a handler that records the exception in isa_exc and
 * returns, and the failure path of CHK.
 *
 * The handler uses only k0/k1 and memory, so it runs in any shadow register
 * set and in any mode (its eret returns wherever isa_exc.resume says).
 */
#include "isa.h"
    .set noreorder
    .set noat

    .section .text.isavec, "ax"
    .balign 4096
    .globl isa_vectors
isa_vectors:
    /* +0x000: TLB refill (EXL=0) */
    j       isa_exc_common
    ori     $k1, $zero, VEC_REFILL
    .org 0x100
    /* +0x100: cache error (not expected) */
    j       isa_exc_common
    ori     $k1, $zero, 3
    .org 0x180
    /* +0x180: general exception */
    j       isa_exc_common
    ori     $k1, $zero, VEC_GENERAL
    .org 0x200
    /* +0x200: interrupt with Cause.IV=1 */
    j       isa_exc_common
    ori     $k1, $zero, VEC_INT
    .org 0x280

isa_exc_common:
    lui     $k0, %hi(isa_exc)
    addiu   $k0, $k0, %lo(isa_exc)
    sw      $k1, ISA_EXC_VECTOR($k0)
    sw      $t8, ISA_EXC_T8($k0)
    mfc0    $k1, $13
    sw      $k1, ISA_EXC_CAUSE($k0)
    mfc0    $k1, $14
    sw      $k1, ISA_EXC_EPC($k0)
    mfc0    $k1, $8
    sw      $k1, ISA_EXC_BADVADDR($k0)
    mfc0    $k1, $12
    sw      $k1, ISA_EXC_STATUS($k0)
    mfc0    $k1, $12, 2
    sw      $k1, ISA_EXC_SRSCTL($k0)
    mfc0    $k1, $10
    sw      $k1, ISA_EXC_ENTRYHI($k0)
    mfc0    $k1, $4
    sw      $k1, ISA_EXC_CONTEXT($k0)
    lw      $k1, ISA_EXC_COUNT($k0)
    addiu   $k1, $k1, 1
    sw      $k1, ISA_EXC_COUNT($k0)
    /* Give up after many exceptions in a row (a loop in the test). */
    sltiu   $k1, $k1, 1000
    beqz    $k1, isa_exc_runaway
    nop
    /* optional log */
    lw      $k1, ISA_EXC_LOGP($k0)
    beqz    $k1, 3f
    nop
    lw      $k0, ISA_EXC_VECTOR($k0)
    sw      $k0, LOG_VECTOR($k1)
    mfc0    $k0, $13
    sw      $k0, LOG_CAUSE($k1)
    mfc0    $k0, $14
    sw      $k0, LOG_EPC($k1)
    mfc0    $k0, $8
    sw      $k0, LOG_BADVADDR($k1)
    mfc0    $k0, $12
    sw      $k0, LOG_STATUS($k1)
    addiu   $k1, $k1, LOG_SIZE
    lui     $k0, %hi(isa_exc)
    addiu   $k0, $k0, %lo(isa_exc)
    sw      $k1, ISA_EXC_LOGP($k0)
3:  lw      $k1, ISA_EXC_HOOK($k0)
    beqz    $k1, isa_exc_return
    nop
    jr      $k1
    nop
    .globl isa_exc_return
isa_exc_return:
    lui     $k0, %hi(isa_exc)
    addiu   $k0, $k0, %lo(isa_exc)
    /* Status bits to clear (e.g. UM when leaving a user-mode test). */
    lw      $k1, ISA_EXC_STCLR($k0)
    beqz    $k1, 1f
    sw      $zero, ISA_EXC_STCLR($k0)
    nor     $k1, $k1, $zero
    mfc0    $k0, $12
    and     $k0, $k0, $k1
    mtc0    $k0, $12
    lui     $k0, %hi(isa_exc)
    addiu   $k0, $k0, %lo(isa_exc)
1:  lw      $k1, ISA_EXC_RESUME($k0)
    bnez    $k1, 2f
    sw      $zero, ISA_EXC_RESUME($k0)
    mfc0    $k1, $14
    addiu   $k1, $k1, 4
2:  mtc0    $k1, $14
    ehb
    eret

isa_exc_runaway:
    mfc0    $a0, $13
    mfc0    $a1, $14
    mfc0    $a2, $8
    la      $sp, __stack_top
    j       test_unexpected_exception
    nop

    .text
/* CHK failure: isa_chk = {got, expected, line, return address}. Saves every
 * register (and HI/LO) around the C report, on a stack of its own. */
    .globl isa_fail_stub
isa_fail_stub:
    la      $k0, isa_gsave
    sw      $1, 4($k0)
    sw      $2, 8($k0)
    sw      $3, 12($k0)
    sw      $4, 16($k0)
    sw      $5, 20($k0)
    sw      $6, 24($k0)
    sw      $7, 28($k0)
    sw      $8, 32($k0)
    sw      $9, 36($k0)
    sw      $10, 40($k0)
    sw      $11, 44($k0)
    sw      $12, 48($k0)
    sw      $13, 52($k0)
    sw      $14, 56($k0)
    sw      $15, 60($k0)
    sw      $16, 64($k0)
    sw      $17, 68($k0)
    sw      $18, 72($k0)
    sw      $19, 76($k0)
    sw      $20, 80($k0)
    sw      $21, 84($k0)
    sw      $22, 88($k0)
    sw      $23, 92($k0)
    sw      $24, 96($k0)
    sw      $25, 100($k0)
    sw      $28, 112($k0)
    sw      $29, 116($k0)
    sw      $30, 120($k0)
    sw      $31, 124($k0)
    mfhi    $k1
    sw      $k1, 128($k0)
    mflo    $k1
    sw      $k1, 132($k0)
    la      $sp, isa_fail_stack_top
    la      $a0, isa_chk
    jal     isa_report
    nop
    la      $k0, isa_gsave
    lw      $k1, 128($k0)
    mthi    $k1
    lw      $k1, 132($k0)
    mtlo    $k1
    lw      $1, 4($k0)
    lw      $2, 8($k0)
    lw      $3, 12($k0)
    lw      $4, 16($k0)
    lw      $5, 20($k0)
    lw      $6, 24($k0)
    lw      $7, 28($k0)
    lw      $8, 32($k0)
    lw      $9, 36($k0)
    lw      $10, 40($k0)
    lw      $11, 44($k0)
    lw      $12, 48($k0)
    lw      $13, 52($k0)
    lw      $14, 56($k0)
    lw      $15, 60($k0)
    lw      $16, 64($k0)
    lw      $17, 68($k0)
    lw      $18, 72($k0)
    lw      $19, 76($k0)
    lw      $20, 80($k0)
    lw      $21, 84($k0)
    lw      $22, 88($k0)
    lw      $23, 92($k0)
    lw      $24, 96($k0)
    lw      $25, 100($k0)
    lw      $28, 112($k0)
    lw      $29, 116($k0)
    lw      $30, 120($k0)
    lw      $31, 124($k0)
    la      $k1, isa_chk
    lw      $k1, 12($k1)
    jr      $k1
    nop

/* void isa_set_ebase(uint32_t base): EBase changes with BEV=1 (PRA). */
    .globl isa_set_ebase
isa_set_ebase:
    mfc0    $t0, $12
    li      $t1, ST0_BEV
    or      $t1, $t0, $t1
    mtc0    $t1, $12
    ehb
    mtc0    $a0, $15, 1
    ehb
    mtc0    $t0, $12
    ehb
    jr      $ra
    nop

    .data
    .balign 4
    .globl isa_exc, isa_chk, isa_csave, isa_gsave, isa_m5150
isa_exc:    .space ISA_EXC_SIZE
isa_chk:    .space 16
isa_csave:  .space 48
isa_gsave:  .space 136
isa_m5150:  .word 0
    .bss
    .balign 8
isa_fail_stack:
    .space 2048
isa_fail_stack_top:

/* Exception hook and failure log of the FPU test programs (fpu_asm.h). */
#include "fpu_asm.h"
    .set noreorder
    .set noat
    .text
    .globl fpu_exc_handler
    .ent fpu_exc_handler
fpu_exc_handler:
    la      $k0, fpu_exc
    lw      $k1, FEXC_COUNT($k0)
    addiu   $k1, $k1, 1
    sw      $k1, FEXC_COUNT($k0)
    mfc0    $k1, $13
    sw      $k1, FEXC_CAUSE($k0)
    mfc0    $k1, $8
    sw      $k1, FEXC_BADVADDR($k0)
    mfc0    $k1, $14
    sw      $k1, FEXC_EPC($k0)
    addiu   $k1, $k1, 4
    mtc0    $k1, $14
    ehb
    eret
    .end fpu_exc_handler

    .data
    .align 2
    .globl fpu_exc, fpu_fail_n, fpu_fail_log
fpu_exc:      .space 16
fpu_fail_n:   .word 0
fpu_fail_log: .space 16 * 16

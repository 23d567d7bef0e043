/* CP1 loads and stores: LWC1 SWC1 LDC1 SDC1, indexed LWXC1 LDXC1 LUXC1
 * SWXC1 SDXC1 SUXC1 (LUXC1/SUXC1 ignore the low 3 address bits), PREFX,
 * address errors with BadVAddr. FR = 1. */
#include "fpu_asm.h"
FPU_NAME("fpu/mem")
TEST_BEGIN
    .set fp=64
    SET_FR  1
    la      $s0, buf
    lwc1    $f1, 0($s0)
    CHKS($f1, 0x11223344)
    ldc1    $f3, 8($s0)
    CHKD($f3, 0x99AABBCC, 0x55667788)
    swc1    $f1, 16($s0)
    sdc1    $f3, 24($s0)
    lw      $t0, 16($s0)
    CHK($t0, 0x11223344)
    lw      $t0, 24($s0)
    CHK($t0, 0x55667788)
    lw      $t0, 28($s0)
    CHK($t0, 0x99AABBCC)
    /* indexed */
    li      $t1, 8
    lwxc1   $f5, $t1($s0)
    CHKS($f5, 0x55667788)
    ldxc1   $f6, $t1($s0)
    CHKD($f6, 0x99AABBCC, 0x55667788)
    li      $t1, 32
    swxc1   $f5, $t1($s0)
    lw      $t0, 32($s0)
    CHK($t0, 0x55667788)
    li      $t1, 40
    sdxc1   $f6, $t1($s0)
    lw      $t0, 40($s0)
    CHK($t0, 0x55667788)
    lw      $t0, 44($s0)
    CHK($t0, 0x99AABBCC)
    /* LUXC1/SUXC1: address & ~7 */
    li      $t1, 13
    luxc1   $f7, $t1($s0)
    CHKD($f7, 0x99AABBCC, 0x55667788)
    LID     $f8, 0xA1A2A3A4, 0xA5A6A7A8
    li      $t1, 55
    suxc1   $f8, $t1($s0)
    lw      $t0, 48($s0)
    CHK($t0, 0xA5A6A7A8)
    lw      $t0, 52($s0)
    CHK($t0, 0xA1A2A3A4)
    /* PREFX: a hint */
    EXC_CLEAR
    prefx   0, $t1($s0)
    CHK_NOEXC
    /* misaligned: address errors with BadVAddr */
    EXC_CLEAR
    LID     $f9, 0x12345678, 0x12345678
    ldc1    $f9, 4($s0)
    CHK_EXC(EXCCODE_ADEL)
    lw      $t0, FEXC_BADVADDR($t9)
    subu    $t0, $t0, $s0
    CHK($t0, 4)
    CHKD($f9, 0x12345678, 0x12345678)
    EXC_CLEAR
    li      $t1, 12
    ldxc1   $f9, $t1($s0)
    CHK_EXC(EXCCODE_ADEL)
    lw      $t0, FEXC_BADVADDR($t9)
    subu    $t0, $t0, $s0
    CHK($t0, 12)
    EXC_CLEAR
    sdxc1   $f9, $t1($s0)
    CHK_EXC(EXCCODE_ADES)
    EXC_CLEAR
    sdc1    $f9, 20($s0)
    CHK_EXC(EXCCODE_ADES)
    EXC_CLEAR
    li      $t1, 2
    lwxc1   $f9, $t1($s0)
    CHK_EXC(EXCCODE_ADEL)
    EXC_CLEAR
    swc1    $f9, 1($s0)
    CHK_EXC(EXCCODE_ADES)
    lw      $t0, 0($s0)              /* memory untouched */
    CHK($t0, 0x11223344)
TEST_END
    .data
    .align 3
buf:
    .word   0x11223344, 0, 0x55667788, 0x99AABBCC
    .space  48

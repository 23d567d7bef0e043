/* M5150-specific CP1 facts (QEMU's P5600 differs): FIR, reserved control
 * registers (RI here; UFR/UNFR are not modelled). */
#include "fpu_asm.h"
FPU_NAME("fpu/vp_ctrl")
TEST_BEGIN
    cfc1    $t0, $0
    CHK($t0, 0x11F3A700)
    /* FIR is read-only */
    li      $t1, 0
    ctc1    $t1, $0
    cfc1    $t0, $0
    CHK($t0, 0x11F3A700)
    /* reserved control registers: RI */
    EXC_CLEAR
    cfc1    $t0, $1
    CHK_EXC(EXCCODE_RI)
    EXC_CLEAR
    cfc1    $t0, $30
    CHK_EXC(EXCCODE_RI)
    EXC_CLEAR
    ctc1    $zero, $4
    CHK_EXC(EXCCODE_RI)
    /* PS format (FIR.PS = 0): RI */
    EXC_CLEAR
    add.ps  $f0, $f2, $f4
    CHK_EXC(EXCCODE_RI)
    /* MIPS-3D (FIR.3D = 0): RI */
    EXC_CLEAR
    .word   0x46000000 | (28 << 0) | (2 << 16) | (0 << 11) | (4 << 6) /* recip2.s */
    CHK_EXC(EXCCODE_RI)
TEST_END

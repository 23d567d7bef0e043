/* FP exception facts of the model that QEMU does not share (docs/simulator.md
 * "FPU (CP1)"): with Enable.U an exact tiny result traps too (IEEE 754
 * trapped underflow; QEMU only signals inexact tiny results), and FCSR.FS
 * flushes tiny results to zero signalling Underflow and Inexact (QEMU
 * flushes without signalling). */
#include "fpu_asm.h"
FPU_NAME("fpu/vp_exc")
TEST_BEGIN
    .set fp=64
    SET_FR  1
    LIS     $f7, 0x3F000000          /* 0.5 */
    LIS     $f8, 0x00800000          /* 2^-126 */
    LIS     $f10, 0x12345678
    SET_FCSR 0x100                   /* Enable.U */
    EXC_CLEAR
    mul.s   $f10, $f8, $f7           /* 2^-127: exact, tiny */
    CHK_EXC(EXCCODE_FPE)
    CHKS($f10, 0x12345678)
    CHK_CAUSE(2)
    SET_FCSR 0
    mul.s   $f10, $f8, $f7
    CHKS($f10, 0x00400000)
    CHK_CAUSE(0)
    /* FS = 1 */
    SET_FCSR 0x01000000
    mul.s   $f10, $f8, $f7
    CHKS($f10, 0)
    CHK_CAUSE(3)
    neg.s   $f8, $f8
    mul.s   $f10, $f8, $f7
    CHKS($f10, 0x80000000)
    LID     $f12, 0x00100000, 0      /* 2^-1022 */
    LID     $f14, 0x3FE00000, 0
    mul.d   $f16, $f12, $f14
    CHKD($f16, 0, 0)
    CHK_CAUSE(3)
    mul.d   $f16, $f12, $f12         /* normal * normal → 0 after underflow anyway */
    CHKD($f16, 0, 0)
    add.d   $f16, $f12, $f12         /* normal results are kept */
    CHKD($f16, 0x00200000, 0)
    CHK_CAUSE(0)
    SET_FCSR 0
TEST_END

/* IEEE 754-2008 NaNs (FCSR.NAN2008 = 1): quiet NaN has the fraction MSB
 * set, default NaN 0x7FC00000 / 0x7FF80000_00000000, an operand NaN is
 * propagated (first SNaN quieted, else first QNaN), Invalid only for SNaN. */
#include "fpu_asm.h"
FPU_NAME("fpu/nan")
TEST_BEGIN
    .set fp=64
    SET_FR  1
    SET_FCSR 0
    LIS     $f0, 0x3F800000          /* 1 */
    LIS     $f1, 0x7FC00001          /* QNaN a */
    LIS     $f2, 0xFFC00002          /* QNaN b (negative) */
    LIS     $f3, 0x7F800003          /* SNaN a */
    LIS     $f4, 0xFF800004          /* SNaN b */
    add.s   $f5, $f1, $f0
    CHKS($f5, 0x7FC00001)
    CHK_CAUSE(0)
    add.s   $f5, $f0, $f2
    CHKS($f5, 0xFFC00002)
    mul.s   $f5, $f1, $f2            /* first QNaN */
    CHKS($f5, 0x7FC00001)
    CHK_CAUSE(0)
    mul.s   $f5, $f3, $f0            /* SNaN → quieted, Invalid */
    CHKS($f5, 0x7FC00003)
    CHK_CAUSE(16)
    sub.s   $f5, $f1, $f4            /* an SNaN wins over a QNaN */
    CHKS($f5, 0xFFC00004)
    CHK_CAUSE(16)
    div.s   $f5, $f3, $f4            /* first SNaN */
    CHKS($f5, 0x7FC00003)
    sqrt.s  $f5, $f3
    CHKS($f5, 0x7FC00003)
    sqrt.s  $f5, $f2                 /* sqrt of a negative QNaN: the NaN */
    CHKS($f5, 0xFFC00002)
    CHK_CAUSE(0)
    /* doubles */
    LID     $f10, 0x7FF00000, 0x00000001 /* SNaN */
    LID     $f12, 0x3FF00000, 0
    LID     $f14, 0x7FF80000, 0x00000005 /* QNaN */
    add.d   $f16, $f12, $f10
    CHKD($f16, 0x7FF80000, 0x00000001)
    CHK_CAUSE(16)
    add.d   $f16, $f14, $f12
    CHKD($f16, 0x7FF80000, 0x00000005)
    CHK_CAUSE(0)
    /* invalid operations give the default NaN */
    LID     $f18, 0, 0
    div.d   $f16, $f18, $f18
    CHKD($f16, 0x7FF80000, 0)
    /* CVT between formats keeps the payload's high bits */
    cvt.d.s $f16, $f3
    CHKD($f16, 0x7FF80000, 0x60000000)
    CHK_CAUSE(16)
    cvt.d.s $f16, $f2
    CHKD($f16, 0xFFF80000, 0x40000000)
    CHK_CAUSE(0)
    LID     $f18, 0x7FF00000, 0x20000000 /* SNaN, payload bit 29 */
    cvt.s.d $f5, $f18
    CHKS($f5, 0x7FC00001)
    CHK_CAUSE(16)
    /* ABS/NEG/MOV never quiet a NaN nor raise anything */
    abs.s   $f5, $f4
    CHKS($f5, 0x7F800004)
    CHK_CAUSE(16)                    /* Cause untouched by ABS */
    neg.d   $f16, $f10
    CHKD($f16, 0xFFF00000, 0x00000001)
    SET_FCSR 0
    abs.d   $f16, $f10
    CHK_CAUSE(0)
    CHK_FLAGS(0)
TEST_END

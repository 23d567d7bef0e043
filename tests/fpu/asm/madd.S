/* MADD/MSUB/NMADD/NMSUB.S/D (COP1X): fd = ±(fs * ft ± fr), unfused
 * (FCSR.MAC2008 = 0: the product is rounded, then the sum). */
#include "fpu_asm.h"
FPU_NAME("fpu/madd")
TEST_BEGIN
    .set fp=64
    SET_FR  1
    SET_FCSR 0
    LIS     $f1, 0x3F800000          /* 1 */
    LIS     $f2, 0x40000000          /* 2 */
    LIS     $f3, 0x40400000          /* 3 */
    madd.s  $f4, $f1, $f2, $f3       /* 2*3 + 1 */
    CHKS($f4, 0x40E00000)
    msub.s  $f4, $f1, $f2, $f3
    CHKS($f4, 0x40A00000)
    nmadd.s $f4, $f1, $f2, $f3
    CHKS($f4, 0xC0E00000)
    nmsub.s $f4, $f1, $f2, $f3
    CHKS($f4, 0xC0A00000)
    CHK_CAUSE(0)
    LID     $f10, 0x3FF00000, 0
    LID     $f12, 0x40000000, 0
    LID     $f14, 0x40080000, 0
    madd.d  $f16, $f10, $f12, $f14
    CHKD($f16, 0x401C0000, 0)
    msub.d  $f16, $f10, $f12, $f14
    CHKD($f16, 0x40140000, 0)
    nmadd.d $f16, $f10, $f12, $f14
    CHKD($f16, 0xC01C0000, 0)
    nmsub.d $f16, $f10, $f12, $f14
    CHKD($f16, 0xC0140000, 0)
    /* two roundings: a = 1 + 2^-30; a*a = 1 + 2^-29 + 2^-60 rounds to
     * 1 + 2^-29, so a*a - (1 + 2^-29) = +0 (fused would be 2^-60) */
    LID     $f18, 0x3FF00000, 0x00400000
    LID     $f20, 0x3FF00000, 0x00800000
    msub.d  $f22, $f20, $f18, $f18
    CHKD($f22, 0, 0)
    CHK_CAUSE(1)
    /* same in single: a = 1 + 2^-12, a*a = 1 + 2^-11 + 2^-24 → 1 + 2^-11 */
    LIS     $f5, 0x3F800800
    LIS     $f6, 0x3F801000
    msub.s  $f7, $f6, $f5, $f5
    CHKS($f7, 0)
    CHK_CAUSE(1)
    /* rounding mode applies to both steps */
    SET_FCSR 2
    madd.s  $f7, $f1, $f5, $f5       /* a*a → 1 + 2^-11 + 2^-23 (up); + 1: half an ulp → up: 2 + 2^-11 + 2^-22 */
    CHKS($f7, 0x40000801)
    SET_FCSR 0
    /* NaN: propagated, Invalid from an SNaN addend */
    LIS     $f8, 0x7F800001
    madd.s  $f7, $f8, $f2, $f3
    CHKS($f7, 0x7FC00001)
    CHK_CAUSE(16)
    /* inf * 0 + QNaN: Invalid from the product, the default NaN is then
     * beaten by nothing: the addend QNaN wins in the add step */
    LIS     $f8, 0x7FC00005
    LIS     $f9, 0x7F800000
    LIS     $f11, 0
    madd.s  $f7, $f8, $f9, $f11
    CHKS($f7, 0x7FC00000)
    CHK_CAUSE(16)
TEST_END

/* CVT.S/D/W/L, ROUND/TRUNC/CEIL/FLOOR.W/L: rounding by mode, the 2008
 * integer results (NaN → 0, saturation on overflow, Invalid only). */
#include "fpu_asm.h"
FPU_NAME("fpu/cvt")
TEST_BEGIN
    .set fp=64
    SET_FR  1
    SET_FCSR 0
    LIS     $f0, 0x40200000          /* 2.5 */
    LIS     $f1, 0xC0200000          /* -2.5 */
    LIS     $f2, 0x40600000          /* 3.5 */
    LIS     $f3, 0xC02CCCCD          /* -2.7 */
    cvt.w.s $f4, $f0
    CHKS($f4, 2)
    CHK_CAUSE(1)
    cvt.w.s $f4, $f2
    CHKS($f4, 4)
    SET_FCSR 1
    cvt.w.s $f4, $f2
    CHKS($f4, 3)
    SET_FCSR 2
    cvt.w.s $f4, $f0
    CHKS($f4, 3)
    cvt.w.s $f4, $f1
    CHKS($f4, 0xFFFFFFFE)
    SET_FCSR 3
    cvt.w.s $f4, $f1
    CHKS($f4, 0xFFFFFFFD)
    /* fixed modes ignore RM (still 3 here) */
    round.w.s $f4, $f0
    CHKS($f4, 2)
    round.w.s $f4, $f2
    CHKS($f4, 4)
    trunc.w.s $f4, $f3
    CHKS($f4, 0xFFFFFFFE)
    ceil.w.s $f4, $f3
    CHKS($f4, 0xFFFFFFFE)
    floor.w.s $f4, $f3
    CHKS($f4, 0xFFFFFFFD)
    CHK_CAUSE(1)
    SET_FCSR 0
    LIS     $f5, 0x42F60000          /* 123 */
    trunc.w.s $f4, $f5
    CHKS($f4, 123)
    CHK_CAUSE(0)
    /* NaN → 0, out of range saturates, Invalid (not Inexact) */
    LIS     $f5, 0x7FC00000
    trunc.w.s $f4, $f5
    CHKS($f4, 0)
    CHK_CAUSE(16)
    LIS     $f5, 0xFF800001
    cvt.w.s $f4, $f5
    CHKS($f4, 0)
    LIS     $f5, 0x4F32D05E          /* 3e9 */
    trunc.w.s $f4, $f5
    CHKS($f4, 0x7FFFFFFF)
    CHK_CAUSE(16)
    LIS     $f5, 0xCF32D05E
    round.w.s $f4, $f5
    CHKS($f4, 0x80000000)
    LIS     $f5, 0xCF000000          /* -2^31 fits */
    trunc.w.s $f4, $f5
    CHKS($f4, 0x80000000)
    CHK_CAUSE(0)
    LIS     $f5, 0x7F800000
    floor.w.s $f4, $f5
    CHKS($f4, 0x7FFFFFFF)
    CHK_FLAGS(16)
    /* doubles */
    SET_FCSR 0
    LID     $f10, 0x41DFFFFF, 0xFFE00000 /* 2147483647.5 */
    round.w.d $f4, $f10              /* → 2^31: saturates */
    CHKS($f4, 0x7FFFFFFF)
    CHK_CAUSE(16)
    trunc.w.d $f4, $f10
    CHKS($f4, 0x7FFFFFFF)
    CHK_CAUSE(1)
    LID     $f10, 0xC1E00000, 0x00100000 /* -2147483648.5 */
    ceil.w.d $f4, $f10
    CHKS($f4, 0x80000000)
    CHK_CAUSE(1)
    floor.w.d $f4, $f10
    CHKS($f4, 0x80000000)
    CHK_CAUSE(16)
    /* .L (FR=1) */
    LID     $f10, 0x43E00000, 0      /* 2^63 */
    trunc.l.d $f12, $f10
    CHKD($f12, 0x7FFFFFFF, 0xFFFFFFFF)
    CHK_CAUSE(16)
    LID     $f10, 0xC3E00000, 0      /* -2^63 */
    cvt.l.d $f12, $f10
    CHKD($f12, 0x80000000, 0)
    CHK_CAUSE(0)
    LID     $f10, 0x43400000, 0x00000001 /* 2^53 + 2 */
    cvt.l.d $f12, $f10
    CHKD($f12, 0x00200000, 0x00000002)
    LIS     $f5, 0x3F000000          /* 0.5 */
    ceil.l.s $f12, $f5
    CHKD($f12, 0, 1)
    neg.s   $f5, $f5
    floor.l.s $f12, $f5
    CHKD($f12, 0xFFFFFFFF, 0xFFFFFFFF)
    round.l.s $f12, $f5
    CHKD($f12, 0, 0)
    CHK_CAUSE(1)
    LID     $f10, 0x7FF80000, 0
    round.l.d $f12, $f10
    CHKD($f12, 0, 0)
    CHK_CAUSE(16)
    /* integer → float */
    SET_FCSR 0
    li      $t0, 0x01000001          /* 2^24 + 1 */
    mtc1    $t0, $f6
    cvt.s.w $f7, $f6
    CHKS($f7, 0x4B800000)
    CHK_CAUSE(1)
    SET_FCSR 2
    cvt.s.w $f7, $f6
    CHKS($f7, 0x4B800001)
    li      $t0, -1
    mtc1    $t0, $f6
    cvt.s.w $f7, $f6
    CHKS($f7, 0xBF800000)
    li      $t0, 0x80000000
    mtc1    $t0, $f6
    cvt.d.w $f12, $f6
    CHKD($f12, 0xC1E00000, 0)
    CHK_CAUSE(0)
    SET_FCSR 0
    LID     $f10, 0x00200000, 0x00000001 /* 2^53 + 1 */
    cvt.d.l $f12, $f10
    CHKD($f12, 0x43400000, 0)
    CHK_CAUSE(1)
    LID     $f10, 0x80000000, 0
    cvt.s.l $f7, $f10
    CHKS($f7, 0xDF000000)
    CHK_CAUSE(0)
    /* S <-> D */
    LID     $f10, 0x3FB99999, 0x9999999A /* 0.1 */
    cvt.s.d $f7, $f10
    CHKS($f7, 0x3DCCCCCD)
    CHK_CAUSE(1)
    SET_FCSR 1
    cvt.s.d $f7, $f10
    CHKS($f7, 0x3DCCCCCC)
    SET_FCSR 0
    LIS     $f7, 0x3DCCCCCD
    cvt.d.s $f12, $f7
    CHKD($f12, 0x3FB99999, 0xA0000000)
    CHK_CAUSE(0)
    LID     $f10, 0x7E37E43C, 0x8800759C /* 1e300 */
    cvt.s.d $f7, $f10
    CHKS($f7, 0x7F800000)
    CHK_CAUSE(5)
    LIS     $f7, 0x00000001          /* smallest subnormal: exact */
    cvt.d.s $f12, $f7
    CHKD($f12, 0x36A00000, 0)
    CHK_CAUSE(0)
    LID     $f10, 0x36A00000, 0
    cvt.s.d $f7, $f10
    CHKS($f7, 0x00000001)
    CHK_CAUSE(0)
    LID     $f10, 0x36900000, 0      /* 2^-150: tie → even = 0 */
    cvt.s.d $f7, $f10
    CHKS($f7, 0)
    CHK_CAUSE(3)
TEST_END

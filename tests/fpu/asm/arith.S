/* ADD SUB MUL DIV SQRT ABS NEG MOV RECIP RSQRT .S/.D: IEEE results as bit
 * patterns, the four rounding modes, Cause and Flags, special values. */
#include "fpu_asm.h"
FPU_NAME("fpu/arith")
TEST_BEGIN
    .set fp=64
    SET_FR  1
    SET_FCSR 0
    LIS     $f0, 0x3F800000          /* 1 */
    LIS     $f1, 0x40000000          /* 2 */
    LIS     $f2, 0x33800000          /* 2^-24: half an ulp of 1 */
    add.s   $f3, $f0, $f1
    CHKS($f3, 0x40400000)
    CHK_CAUSE(0)
    /* 1 + 2^-24: a tie, to even → 1 */
    add.s   $f3, $f0, $f2
    CHKS($f3, 0x3F800000)
    CHK_CAUSE(1)
    CHK_FLAGS(1)
    SET_FCSR 2                       /* RP */
    add.s   $f3, $f0, $f2
    CHKS($f3, 0x3F800001)
    SET_FCSR 1                       /* RZ */
    add.s   $f3, $f0, $f2
    CHKS($f3, 0x3F800000)
    neg.s   $f4, $f0
    neg.s   $f5, $f2
    SET_FCSR 3                       /* RM */
    add.s   $f3, $f4, $f5
    CHKS($f3, 0xBF800001)
    SET_FCSR 2
    add.s   $f3, $f4, $f5
    CHKS($f3, 0xBF800000)
    /* x - x: +0, but -0 when rounding down */
    SET_FCSR 0
    sub.s   $f3, $f1, $f1
    CHKS($f3, 0x00000000)
    SET_FCSR 3
    sub.s   $f3, $f1, $f1
    CHKS($f3, 0x80000000)
    CHK_CAUSE(0)
    CHK_FLAGS(0)
    /* 1 + 0.75 ulp rounds up */
    SET_FCSR 0
    LIS     $f2, 0x33C00000
    add.s   $f3, $f0, $f2
    CHKS($f3, 0x3F800001)

    /* doubles: 0.1 + 0.2 */
    LID     $f10, 0x3FB99999, 0x9999999A
    LID     $f12, 0x3FC99999, 0x9999999A
    add.d   $f14, $f10, $f12
    CHKD($f14, 0x3FD33333, 0x33333334)
    CHK_CAUSE(1)
    SET_FCSR 1
    add.d   $f14, $f10, $f12
    CHKD($f14, 0x3FD33333, 0x33333333)
    SET_FCSR 0
    sub.d   $f14, $f12, $f10         /* 0.2 - 0.1 = 0.1 exactly here */
    CHKD($f14, 0x3FB99999, 0x9999999A)
    /* MUL / DIV */
    LIS     $f4, 0x40400000          /* 3 */
    LIS     $f5, 0x40800000          /* 4 */
    mul.s   $f6, $f4, $f5
    CHKS($f6, 0x41400000)
    CHK_CAUSE(0)
    div.s   $f6, $f0, $f4            /* 1/3 */
    CHKS($f6, 0x3EAAAAAB)
    CHK_CAUSE(1)
    SET_FCSR 1
    div.s   $f6, $f0, $f4
    CHKS($f6, 0x3EAAAAAA)
    SET_FCSR 0
    LID     $f16, 0x3FF00000, 0
    LID     $f18, 0x40080000, 0      /* 3.0 */
    div.d   $f20, $f16, $f18
    CHKD($f20, 0x3FD55555, 0x55555555)
    SET_FCSR 2
    div.d   $f20, $f16, $f18
    CHKD($f20, 0x3FD55555, 0x55555556)
    SET_FCSR 0
    mul.d   $f20, $f18, $f18
    CHKD($f20, 0x40220000, 0)        /* 9 */
    LID     $f22, 0x3FF00000, 0x00000001 /* 1 + 2^-52 */
    mul.d   $f20, $f22, $f22         /* 1 + 2^-51 + 2^-104 → 1 + 2^-51 */
    CHKD($f20, 0x3FF00000, 0x00000002)
    CHK_CAUSE(1)
    /* SQRT */
    LID     $f16, 0x40000000, 0
    sqrt.d  $f20, $f16
    CHKD($f20, 0x3FF6A09E, 0x667F3BCD)
    CHK_CAUSE(1)
    SET_FCSR 1
    sqrt.d  $f20, $f16
    CHKD($f20, 0x3FF6A09E, 0x667F3BCC)
    SET_FCSR 0
    LIS     $f7, 0x41800000          /* 16 */
    sqrt.s  $f8, $f7
    CHKS($f8, 0x40800000)
    CHK_CAUSE(0)
    LIS     $f7, 0x80000000
    sqrt.s  $f8, $f7
    CHKS($f8, 0x80000000)            /* sqrt(-0) = -0 */
    LIS     $f7, 0xBF800000
    sqrt.s  $f8, $f7
    CHKS($f8, 0x7FC00000)            /* default NaN, 2008 encoding */
    CHK_CAUSE(16)
    /* RECIP / RSQRT */
    recip.s $f8, $f5
    CHKS($f8, 0x3E800000)
    rsqrt.s $f8, $f5
    CHKS($f8, 0x3F000000)
    CHK_CAUSE(0)
    LID     $f16, 0x40100000, 0      /* 4.0 */
    recip.d $f20, $f16
    CHKD($f20, 0x3FD00000, 0)
    rsqrt.d $f20, $f16
    CHKD($f20, 0x3FE00000, 0)
    /* ABS / NEG / MOV: sign only, nothing raised (Cause is kept) */
    SET_FCSR 0x1000                  /* Cause.I, to see it kept */
    LIS     $f7, 0xFF800001          /* a signalling NaN */
    abs.s   $f8, $f7
    CHKS($f8, 0x7F800001)
    neg.s   $f8, $f8
    CHKS($f8, 0xFF800001)
    mov.s   $f9, $f7
    CHKS($f9, 0xFF800001)
    LID     $f16, 0x80000000, 0
    abs.d   $f20, $f16
    CHKD($f20, 0, 0)
    neg.d   $f20, $f20
    CHKD($f20, 0x80000000, 0)
    mov.d   $f24, $f18
    CHKD($f24, 0x40080000, 0)
    CHK_CAUSE(1)
    CHK_FLAGS(0)

    /* specials */
    SET_FCSR 0
    mtc1    $zero, $f9
    div.s   $f8, $f0, $f9            /* 1/0 */
    CHKS($f8, 0x7F800000)
    CHK_CAUSE(8)
    neg.s   $f7, $f0
    div.s   $f8, $f7, $f9            /* -1/0 */
    CHKS($f8, 0xFF800000)
    div.s   $f8, $f9, $f9            /* 0/0 */
    CHKS($f8, 0x7FC00000)
    CHK_CAUSE(16)
    LID     $f16, 0x7FF00000, 0
    sub.d   $f20, $f16, $f16         /* inf - inf */
    CHKD($f20, 0x7FF80000, 0)
    CHK_CAUSE(16)
    add.d   $f20, $f16, $f16
    CHKD($f20, 0x7FF00000, 0)
    CHK_CAUSE(0)
    /* overflow: 2^127 * 2 */
    LIS     $f7, 0x7F000000
    mul.s   $f8, $f7, $f1
    CHKS($f8, 0x7F800000)
    CHK_CAUSE(5)                     /* O | I */
    SET_FCSR 1
    mul.s   $f8, $f7, $f1
    CHKS($f8, 0x7F7FFFFF)
    SET_FCSR 3
    mul.s   $f8, $f7, $f1
    CHKS($f8, 0x7F7FFFFF)
    SET_FCSR 2
    mul.s   $f8, $f7, $f1
    CHKS($f8, 0x7F800000)
    /* underflow: exact tiny result raises nothing when untrapped */
    SET_FCSR 0
    LIS     $f7, 0x00800000          /* 2^-126 */
    LIS     $f6, 0x3F000000          /* 0.5 */
    mul.s   $f8, $f7, $f6
    CHKS($f8, 0x00400000)
    CHK_CAUSE(0)
    LIS     $f7, 0x00800001
    mul.s   $f8, $f7, $f6            /* tie → even */
    CHKS($f8, 0x00400000)
    CHK_CAUSE(3)                     /* U | I */
    LIS     $f7, 0x00000001          /* 2^-149 * 2^23 = 2^-126 */
    LIS     $f6, 0x4B000000
    mul.s   $f8, $f7, $f6
    CHKS($f8, 0x00800000)
    CHK_CAUSE(0)
    LIS     $f7, 0x00000001          /* 2^-149 / 2 → tie → 0 */
    LIS     $f6, 0x40000000
    div.s   $f8, $f7, $f6
    CHKS($f8, 0x00000000)
    CHK_CAUSE(3)
    CHK_FLAGS(3)                     /* U I since the last SET_FCSR 0 */
    SET_FCSR 0
TEST_END

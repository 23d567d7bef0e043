/* C.cond.S/D (16 conditions, 8 condition codes), BC1F/BC1T/BC1FL/BC1TL,
 * MOVF/MOVT on GPRs and FPRs, MOVZ/MOVN.fmt. */
#include "fpu_asm.h"
FPU_NAME("fpu/cmp")

/* CMPS cond, fs, ft, expected: C.cond.S into cc 0, then check FCC0 */
    .macro CMPS_ cond, fs, ft, exp, line
    c.\cond\().s \fs, \ft
    cfc1    $t8, $25
    andi    $t8, $t8, 1
    CHK_    $t8, \exp, \line
    .endm
#define CMPS(c, a, b, e) CMPS_ c, a, b, e, __LINE__
    .macro CMPD_ cond, fs, ft, exp, line
    c.\cond\().d $fcc5, \fs, \ft
    cfc1    $t8, $25
    srl     $t8, $t8, 5
    andi    $t8, $t8, 1
    CHK_    $t8, \exp, \line
    .endm
#define CMPD(c, a, b, e) CMPD_ c, a, b, e, __LINE__

TEST_BEGIN
    .set fp=64
    SET_FR  1
    SET_FCSR 0
    LIS     $f0, 0x3F800000          /* 1 */
    LIS     $f1, 0x40000000          /* 2 */
    LIS     $f2, 0x7FC00000          /* QNaN */
    LIS     $f3, 0x7F800001          /* SNaN */
    LIS     $f4, 0x80000000          /* -0 */
    LIS     $f5, 0x00000000          /* +0 */
    /* quiet predicates: 1 vs 2, 2 vs 1, 1 vs 1, 1 vs NaN */
    CMPS(f, $f0, $f1, 0)
    CMPS(un, $f0, $f1, 0)
    CMPS(un, $f0, $f2, 1)
    CMPS(eq, $f0, $f0, 1)
    CMPS(eq, $f4, $f5, 1)            /* -0 == +0 */
    CMPS(eq, $f0, $f1, 0)
    CMPS(eq, $f2, $f2, 0)
    CMPS(ueq, $f2, $f0, 1)
    CMPS(ueq, $f0, $f1, 0)
    CMPS(olt, $f0, $f1, 1)
    CMPS(olt, $f1, $f0, 0)
    CMPS(olt, $f0, $f2, 0)
    CMPS(ult, $f0, $f2, 1)
    CMPS(ult, $f1, $f0, 0)
    CMPS(ole, $f0, $f0, 1)
    CMPS(ole, $f1, $f0, 0)
    CMPS(ule, $f2, $f0, 1)
    CMPS(ule, $f1, $f0, 0)
    CHK_CAUSE(0)
    CHK_FLAGS(0)
    /* an SNaN makes a quiet predicate signal Invalid */
    CMPS(eq, $f3, $f0, 0)
    CHK_CAUSE(16)
    CMPS(un, $f0, $f3, 1)
    CHK_CAUSE(16)
    /* signalling predicates: same results, Invalid on any NaN */
    SET_FCSR 0
    CMPS(sf, $f0, $f1, 0)
    CMPS(ngle, $f0, $f1, 0)
    CMPS(seq, $f0, $f0, 1)
    CMPS(ngl, $f0, $f1, 0)
    CMPS(lt, $f0, $f1, 1)
    CMPS(nge, $f1, $f0, 0)
    CMPS(le, $f0, $f0, 1)
    CMPS(ngt, $f1, $f0, 0)
    CHK_CAUSE(0)
    CMPS(sf, $f0, $f2, 0)
    CHK_CAUSE(16)
    CMPS(ngle, $f2, $f0, 1)
    CHK_CAUSE(16)
    CMPS(lt, $f2, $f0, 0)
    CMPS(ngt, $f0, $f2, 1)
    CHK_FLAGS(16)
    /* doubles into cc5 */
    SET_FCSR 0
    LID     $f10, 0x3FF00000, 0
    LID     $f12, 0x3FF00000, 1      /* 1 + 2^-52 */
    LID     $f14, 0x7FF80000, 0
    CMPD(olt, $f10, $f12, 1)
    CMPD(olt, $f12, $f10, 0)
    CMPD(eq, $f10, $f12, 0)
    CMPD(ule, $f14, $f10, 1)
    CMPD(le, $f10, $f12, 1)
    CHK_CAUSE(0)
    CMPD(ngt, $f14, $f10, 1)
    CHK_CAUSE(16)

    /* condition codes: each compare writes only its own cc */
    SET_FCSR 0
    c.eq.s  $fcc0, $f0, $f0
    c.eq.s  $fcc1, $f0, $f1
    c.eq.s  $fcc2, $f0, $f0
    c.eq.s  $fcc3, $f0, $f1
    c.eq.s  $fcc4, $f0, $f0
    c.eq.s  $fcc5, $f0, $f1
    c.eq.s  $fcc6, $f0, $f0
    c.eq.s  $fcc7, $f0, $f0
    cfc1    $t0, $25
    CHK($t0, 0xD5)
    CHK_FCSR(0xD48C0000)

    /* BC1T/BC1F on cc 6 (set) and cc 5 (clear) */
    li      $t0, 0
    bc1t    $fcc6, 1f
    addiu   $t0, $t0, 1              /* delay slot: runs */
    addiu   $t0, $t0, 100            /* skipped */
1:  CHK($t0, 1)
    bc1f    $fcc6, 2f
    addiu   $t0, $t0, 1              /* not taken: the slot runs */
    addiu   $t0, $t0, 10
2:  CHK($t0, 12)
    bc1f    $fcc5, 3f
    nop
    addiu   $t0, $t0, 100
3:  CHK($t0, 12)
    /* likely: a not-taken branch annuls its slot */
    bc1tl   $fcc5, 4f
    addiu   $t0, $t0, 1000           /* annulled */
    addiu   $t0, $t0, 1
4:  CHK($t0, 13)
    bc1fl   $fcc5, 5f
    addiu   $t0, $t0, 2              /* taken: runs */
    addiu   $t0, $t0, 1000
5:  CHK($t0, 15)
    bc1tl   $fcc7, 6f
    addiu   $t0, $t0, 3
    addiu   $t0, $t0, 1000
6:  CHK($t0, 18)
    bc1fl   $fcc0, 7f
    addiu   $t0, $t0, 1000           /* annulled */
7:  CHK($t0, 18)

    /* MOVF/MOVT on GPRs (SPECIAL 0x01, read FCSR) */
    li      $t1, 111
    li      $t2, 222
    movt    $t1, $t2, $fcc6          /* cc6 set: moves */
    CHK($t1, 222)
    li      $t1, 111
    movf    $t1, $t2, $fcc6
    CHK($t1, 111)
    movf    $t1, $t2, $fcc5          /* cc5 clear: moves */
    CHK($t1, 222)
    /* MOVF/MOVT.fmt */
    LIS     $f20, 0x11111111
    LIS     $f21, 0x22222222
    movt.s  $f21, $f20, $fcc7
    CHKS($f21, 0x11111111)
    LIS     $f21, 0x22222222
    movt.s  $f21, $f20, $fcc3
    CHKS($f21, 0x22222222)
    movf.s  $f21, $f20, $fcc3
    CHKS($f21, 0x11111111)
    LID     $f22, 0x01234567, 0x89ABCDEF
    LID     $f24, 0, 0
    movf.d  $f24, $f22, $fcc2        /* cc2 set: no move */
    CHKD($f24, 0, 0)
    movt.d  $f24, $f22, $fcc2
    CHKD($f24, 0x01234567, 0x89ABCDEF)
    /* MOVZ/MOVN.fmt on a GPR */
    LID     $f24, 0, 0
    li      $t3, 0
    movn.d  $f24, $f22, $t3
    CHKD($f24, 0, 0)
    movz.d  $f24, $f22, $t3
    CHKD($f24, 0x01234567, 0x89ABCDEF)
    li      $t3, 7
    LIS     $f21, 0
    movz.s  $f21, $f20, $t3
    CHKS($f21, 0)
    movn.s  $f21, $f20, $t3
    CHKS($f21, 0x11111111)
    CHK_CAUSE(0)
    SET_FCSR 0
TEST_END

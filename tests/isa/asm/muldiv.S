/* HI/LO: MULT/MULTU/DIV/DIVU/MADD/MADDU/MSUB/MSUBU, MUL, MTHI/MTLO/MFHI/MFLO.
 * (Division by zero and MIN/-1 are UNPREDICTABLE: not tested.) */
#include "isa.h"
ISA_NAME("isa/muldiv")
    .macro CHKHILO_ hi, lo, line
    mfhi    $t8
    CHK_    $t8, \hi, \line
    mflo    $t8
    CHK_    $t8, \lo, \line
    .endm
#define CHKHILO(hi, lo) CHKHILO_ hi, lo, __LINE__
    .macro SETHILO hi, lo
    li      $t8, \hi
    mthi    $t8
    li      $t8, \lo
    mtlo    $t8
    .endm
TEST_BEGIN
    /* MTHI/MTLO */
    li      $t0, 0x12345678
    mthi    $t0
    li      $t0, 0x9abcdef0
    mtlo    $t0
    CHKHILO(0x12345678, 0x9abcdef0)

    /* MULT */
    li      $t0, 0x7fffffff
    mult    $t0, $t0
    CHKHILO(0x3fffffff, 0x00000001)
    li      $t0, -1
    mult    $t0, $t0
    CHKHILO(0, 1)
    li      $t0, 0x80000000
    mult    $t0, $t0
    CHKHILO(0x40000000, 0)
    li      $t0, -1
    li      $t1, 2
    mult    $t0, $t1
    CHKHILO(0xffffffff, 0xfffffffe)
    li      $t0, 0x80000000
    li      $t1, 0x7fffffff
    mult    $t0, $t1
    CHKHILO(0xc0000000, 0x80000000)
    li      $t0, 123456
    li      $t1, -654321
    mult    $t0, $t1                  /* -80779853376 = 0xffffffed_312541c0 */
    CHKHILO(0xffffffed, 0x312541c0)
    mult    $t0, $zero
    CHKHILO(0, 0)

    /* MULTU */
    li      $t0, 0xffffffff
    multu   $t0, $t0
    CHKHILO(0xfffffffe, 0x00000001)
    li      $t1, 2
    multu   $t0, $t1
    CHKHILO(0x00000001, 0xfffffffe)
    li      $t0, 0x80000000
    multu   $t0, $t0
    CHKHILO(0x40000000, 0)
    li      $t0, 0x12345678
    li      $t1, 0x9abcdef0
    multu   $t0, $t1                  /* 0x0b00ea4e_242d2080 */
    CHKHILO(0x0b00ea4e, 0x242d2080)

    /* DIV: quotient truncates toward zero, remainder has the dividend's sign */
    li      $t0, 7
    li      $t1, 2
    div     $zero, $t0, $t1
    CHKHILO(1, 3)
    li      $t0, -7
    div     $zero, $t0, $t1
    CHKHILO(0xffffffff, 0xfffffffd)
    li      $t0, 7
    li      $t1, -2
    div     $zero, $t0, $t1
    CHKHILO(1, 0xfffffffd)
    li      $t0, -7
    div     $zero, $t0, $t1
    CHKHILO(0xffffffff, 3)
    li      $t0, 0x80000000
    li      $t1, 1
    div     $zero, $t0, $t1
    CHKHILO(0, 0x80000000)
    li      $t0, 1000000007
    li      $t1, 12345
    div     $zero, $t0, $t1            /* 81004 r 5627 */
    CHKHILO(5627, 81004)
    li      $t0, 3
    li      $t1, 5
    div     $zero, $t0, $t1
    CHKHILO(3, 0)

    /* DIVU */
    li      $t0, 0xffffffff
    li      $t1, 2
    divu    $zero, $t0, $t1
    CHKHILO(1, 0x7fffffff)
    li      $t1, 0x10000
    divu    $zero, $t0, $t1
    CHKHILO(0xffff, 0xffff)
    li      $t0, 0x80000000
    li      $t1, 0xffffffff
    divu    $zero, $t0, $t1
    CHKHILO(0x80000000, 0)
    li      $t0, 0xfffffffe
    divu    $zero, $t0, $t1
    CHKHILO(0xfffffffe, 0)
    li      $t0, 0xffffffff
    divu    $zero, $t0, $t1
    CHKHILO(0, 1)

    /* MADD / MADDU / MSUB / MSUBU */
    SETHILO 0, 0xffffffff
    li      $t0, 1
    madd    $t0, $t0
    CHKHILO(1, 0)
    SETHILO 0, 5
    li      $t0, -3
    li      $t1, 4
    madd    $t0, $t1
    CHKHILO(0xffffffff, 0xfffffff9)
    SETHILO 0x7fffffff, 0xffffffff
    li      $t0, 1
    madd    $t0, $t0                   /* wraps, no exception */
    CHKHILO(0x80000000, 0)
    SETHILO 1, 0
    li      $t0, 0xffffffff
    maddu   $t0, $t0
    CHKHILO(0xffffffff, 0x00000001)
    SETHILO 0, 0xffffffff
    li      $t0, 0xffffffff
    li      $t1, 1
    maddu   $t0, $t1
    CHKHILO(1, 0xfffffffe)
    SETHILO 0, 10
    li      $t0, 3
    li      $t1, 4
    msub    $t0, $t1
    CHKHILO(0xffffffff, 0xfffffffe)
    SETHILO 0, 0
    li      $t0, -1
    li      $t1, 5
    msub    $t0, $t1
    CHKHILO(0, 5)
    SETHILO 0, 0
    li      $t0, 1
    msubu   $t0, $t0
    CHKHILO(0xffffffff, 0xffffffff)
    SETHILO 0x10, 0
    li      $t0, 0xffffffff
    li      $t1, 0x10
    msubu   $t0, $t1                   /* 0x10_00000000 - 0xf_fffffff0 = 0x10 */
    CHKHILO(0, 0x10)

    /* MUL: low 32 bits of the signed product into rd */
    li      $t0, 0x12345678
    li      $t1, 0x9abcdef0
    mul     $t2, $t0, $t1
    CHK($t2, 0x242d2080)
    li      $t0, -3
    li      $t1, 7
    mul     $t2, $t0, $t1
    CHK($t2, -21)
    li      $t0, 0x10000
    mul     $t2, $t0, $t0
    CHK($t2, 0)
    /* result used right away (interlock) */
    li      $t0, 6
    li      $t1, 7
    mul     $t2, $t0, $t1
    addiu   $t2, $t2, 1
    CHK($t2, 43)
    /* MFLO right after DIV */
    li      $t0, 100
    li      $t1, 7
    divu    $zero, $t0, $t1
    mflo    $t3
    mfhi    $t4
    CHK($t3, 14)
    CHK($t4, 2)
TEST_END

/* Status.FR = 0: 32 32-bit registers, doubles in even/odd pairs (low word
 * in the even one), MFHC1/MTHC1 reach the odd register, 64-bit operands
 * with odd numbers and .L formats are reserved (RI). */
#include "fpu_asm.h"
FPU_NAME("fpu/fr0")
TEST_BEGIN
    .set fp=32
    SET_FR  0
    SET_FCSR 0
    li      $t0, 0
    li      $t1, 0x3FF00000          /* 1.0 */
    mtc1    $t0, $f0
    mtc1    $t1, $f1
    add.d   $f2, $f0, $f0            /* f2:f3 = 2.0 */
    mfc1    $t2, $f2
    CHK($t2, 0)
    mfc1    $t2, $f3
    CHK($t2, 0x40000000)
    mfhc1   $t2, $f2                 /* high word = f3 */
    CHK($t2, 0x40000000)
    li      $t0, 0x40080000          /* 3.0 */
    mthc1   $t0, $f2
    mfc1    $t2, $f3
    CHK($t2, 0x40080000)
    /* LDC1/SDC1 pair the registers too */
    la      $s0, buf
    ldc1    $f4, 0($s0)              /* 0x400921FB54442D18 = pi */
    mfc1    $t2, $f4
    CHK($t2, 0x54442D18)
    mfc1    $t2, $f5
    CHK($t2, 0x400921FB)
    mul.d   $f6, $f4, $f2            /* 3 pi */
    sdc1    $f6, 8($s0)
    lw      $t2, 8($s0)
    CHK($t2, 0x7F3321D2)
    lw      $t2, 12($s0)
    CHK($t2, 0x4022D97C)
    lwc1    $f9, 12($s0)
    mfc1    $t2, $f9
    CHK($t2, 0x4022D97C)
    /* singles on odd registers are fine */
    li      $t0, 0x3F800000
    mtc1    $t0, $f7
    add.s   $f9, $f7, $f7
    mfc1    $t2, $f9
    CHK($t2, 0x40000000)
    mfc1    $t2, $f6                 /* f6 untouched by the writes of f7, f9 */
    CHK($t2, 0x7F3321D2)
    CHK_CAUSE(0)
    /* odd register as a 64-bit operand: RI (QEMU agrees) */
    EXC_CLEAR
    .word   0x46200000 | (2 << 16) | (1 << 11) | (4 << 6)   /* add.d $f4, $f1, $f2 */
    CHK_EXC(EXCCODE_RI)
    EXC_CLEAR
    .word   0x46200000 | (2 << 16) | (2 << 11) | (5 << 6)   /* add.d $f5, $f2, $f2 */
    CHK_EXC(EXCCODE_RI)
    EXC_CLEAR
    .word   0x46000021 | (7 << 11) | (3 << 6)               /* cvt.d.s $f3, $f7 */
    CHK_EXC(EXCCODE_RI)
    /* .L needs FR = 1 */
    EXC_CLEAR
    .word   0x46200009 | (2 << 11) | (4 << 6)               /* trunc.l.d $f4, $f2 */
    CHK_EXC(EXCCODE_RI)
    EXC_CLEAR
    .word   0x46A00021 | (2 << 11) | (4 << 6)               /* cvt.d.l $f4, $f2 */
    CHK_EXC(EXCCODE_RI)
    /* the double at f4:f5 is still pi */
    mfc1    $t2, $f5
    CHK($t2, 0x400921FB)
    SET_FR  1
TEST_END
    .data
    .align 3
buf:
    .word   0x54442D18, 0x400921FB, 0, 0

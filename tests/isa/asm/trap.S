/* Conditional traps, register and immediate forms: Tr (ExcCode 13) with
 * EPC at the trap when the condition holds, nothing otherwise. The
 * immediate is sign-extended (also for the unsigned compares). */
#include "isa.h"
ISA_NAME("isa/trap")
    .macro TY_ line, ins:vararg
    EXC_CLEAR
.Lt\@:
    \ins
    CHK_EXC_ EXCCODE_TR, .Lt\@, \line
    .endm
    .macro TN_ line, ins:vararg
    EXC_CLEAR
    \ins
    CHKMEM_ isa_exc, ISA_EXC_COUNT, 0, \line
    .endm
#define TY(...) TY_ __LINE__, __VA_ARGS__
#define TN(...) TN_ __LINE__, __VA_ARGS__
TEST_BEGIN
    li      $s0, 5
    li      $s1, -5
    li      $s2, 5
    li      $s3, 0x80000000
    li      $s4, 0x7fffffff

    TY(teq $s0, $s2)
    TN(teq $s0, $s1)
    TY(teq $zero, $zero, 0x3ff)         /* with a code field */
    TY(tne $s0, $s1)
    TN(tne $s0, $s2)
    TY(tge $s0, $s1)                    /* 5 >= -5 */
    TY(tge $s0, $s2)
    TN(tge $s1, $s0)
    TY(tgeu $s1, $s0)                   /* 0xfffffffb >= 5 */
    TN(tgeu $s0, $s1)
    TY(tgeu $s0, $s2)
    TY(tlt $s1, $s0)
    TN(tlt $s0, $s1)
    TN(tlt $s0, $s2)
    TY(tlt $s3, $s4)
    TY(tltu $s0, $s1)
    TN(tltu $s1, $s0)
    TN(tltu $s0, $s2)
    TY(tltu $s4, $s3)

    TY(teqi $s0, 5)
    TN(teqi $s0, 6)
    TY(teqi $s1, -5)
    TY(tnei $s0, 6)
    TN(tnei $s1, -5)
    TY(tgei $s0, -1)
    TY(tgei $s0, 5)
    TN(tgei $s1, -4)
    TY(tgeiu $s1, 5)                    /* 0xfffffffb >= 5 */
    TN(tgeiu $s1, -4)                   /* 0xfffffffb >= 0xfffffffc? no */
    TY(tgeiu $s1, -5)
    TN(tgeiu $s0, -1)
    TY(tlti $s1, -4)
    TN(tlti $s1, -5)
    TY(tlti $s3, 0)
    TY(tltiu $s0, -1)                   /* 5 < 0xffffffff */
    TN(tltiu $s1, 5)
    TN(tltiu $s4, 0x7fff)
    TY(tltiu $zero, 1)

    /* the trap went to the general vector, registers intact */
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_GENERAL)
    CHK($s0, 5)
    CHK($s1, -5)
TEST_END

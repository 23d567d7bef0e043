/* ALU: immediate and register forms, overflow exceptions (ADD/ADDI/SUB:
 * Ov with EPC at the instruction, destination unchanged), LUI, SLT family,
 * MOVN/MOVZ, writes to $zero. */
#include "isa.h"
ISA_NAME("isa/alu")
TEST_BEGIN
    /* ADDIU/ADDU/SUBU wrap without exceptions; immediates sign-extend */
    li      $t0, 5
    addiu   $t1, $t0, -7
    CHK($t1, -2)
    addiu   $t1, $zero, -32768
    CHK($t1, 0xffff8000)
    addiu   $t1, $zero, 0x7fff
    CHK($t1, 0x00007fff)
    li      $t0, 0x7fffffff
    addiu   $t1, $t0, 1
    CHK($t1, 0x80000000)
    li      $t2, 0xffffffff
    addu    $t1, $t0, $t2
    CHK($t1, 0x7ffffffe)
    addu    $t1, $t0, $t0
    CHK($t1, 0xfffffffe)
    li      $t0, 0x80000000
    li      $t2, 1
    subu    $t1, $t0, $t2
    CHK($t1, 0x7fffffff)
    subu    $t1, $zero, $t2
    CHK($t1, 0xffffffff)

    /* ADD/ADDI/SUB without overflow */
    EXC_CLEAR
    li      $t0, 0x7ffffffe
    li      $t2, 1
    add     $t1, $t0, $t2
    CHK($t1, 0x7fffffff)
    li      $t0, 0x80000001
    addi    $t1, $t0, -1
    CHK($t1, 0x80000000)
    li      $t0, -1
    li      $t2, 0x7fffffff
    sub     $t1, $t0, $t2
    CHK($t1, 0x80000000)
    li      $t0, 0x40000000
    li      $t2, 0x3fffffff
    add     $t1, $t0, $t2
    CHK($t1, 0x7fffffff)
    CHK_NOEXC()
    li      $t0, 0x3fffffff
    add     $t1, $t0, $t0
    CHK($t1, 0x7ffffffe)
    CHK_NOEXC()

    /* ADD overflow: positive + positive */
    li      $t0, 0x7fffffff
    li      $t2, 1
    li      $t1, 0x55
    EXC_CLEAR
.Lov1:
    add     $t1, $t0, $t2
    CHK_EXC(EXCCODE_OV, .Lov1)
    CHK($t1, 0x55)
    /* ADD overflow: negative + negative */
    li      $t0, 0x80000000
    EXC_CLEAR
.Lov2:
    add     $t1, $t0, $t0
    CHK_EXC(EXCCODE_OV, .Lov2)
    CHK($t1, 0x55)
    /* ADDI overflow both ways */
    li      $t0, 0x7fffffff
    EXC_CLEAR
.Lov3:
    addi    $t1, $t0, 1
    CHK_EXC(EXCCODE_OV, .Lov3)
    CHK($t1, 0x55)
    li      $t0, 0x80000000
    EXC_CLEAR
.Lov4:
    addi    $t1, $t0, -1
    CHK_EXC(EXCCODE_OV, .Lov4)
    CHK($t1, 0x55)
    /* ADDI overflow with the destination also a source */
    li      $t3, 0x7ffffff0
    EXC_CLEAR
.Lov5:
    addi    $t3, $t3, 0x10
    CHK_EXC(EXCCODE_OV, .Lov5)
    CHK($t3, 0x7ffffff0)
    /* SUB overflow: min - 1, 0 - min, max - (-1) */
    li      $t0, 0x80000000
    li      $t2, 1
    EXC_CLEAR
.Lov6:
    sub     $t1, $t0, $t2
    CHK_EXC(EXCCODE_OV, .Lov6)
    CHK($t1, 0x55)
    EXC_CLEAR
.Lov7:
    sub     $t1, $zero, $t0
    CHK_EXC(EXCCODE_OV, .Lov7)
    CHK($t1, 0x55)
    li      $t0, 0x7fffffff
    li      $t2, -1
    EXC_CLEAR
.Lov8:
    sub     $t1, $t0, $t2
    CHK_EXC(EXCCODE_OV, .Lov8)
    CHK($t1, 0x55)
    /* the exception went to the general vector, Cause.BD = 0 */
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_GENERAL)
    CHK_BD(0)

    /* logical: AND/OR/XOR/NOR; ANDI/ORI/XORI zero-extend */
    li      $t0, 0xf0f0a5a5
    li      $t2, 0x0ff05a5a
    and     $t1, $t0, $t2
    CHK($t1, 0x00f00000)
    or      $t1, $t0, $t2
    CHK($t1, 0xfff0ffff)
    xor     $t1, $t0, $t2
    CHK($t1, 0xff00ffff)
    nor     $t1, $t0, $t2
    CHK($t1, 0x000f0000)
    li      $t0, -1
    andi    $t1, $t0, 0x8001
    CHK($t1, 0x00008001)
    ori     $t1, $zero, 0x8000
    CHK($t1, 0x00008000)
    xori    $t1, $t0, 0xffff
    CHK($t1, 0xffff0000)
    li      $t0, 0x12345678
    ori     $t1, $t0, 0xf00f
    CHK($t1, 0x1234f67f)

    /* LUI */
    lui     $t1, 0x1234
    CHK($t1, 0x12340000)
    lui     $t1, 0xffff
    CHK($t1, 0xffff0000)
    lui     $t1, 0x8000
    ori     $t1, $t1, 0x0001
    CHK($t1, 0x80000001)

    /* SLT / SLTU / SLTI / SLTIU */
    li      $t0, -1
    slt     $t1, $t0, $zero
    CHK($t1, 1)
    sltu    $t1, $t0, $zero
    CHK($t1, 0)
    sltu    $t1, $zero, $t0
    CHK($t1, 1)
    slt     $t1, $t0, $t0
    CHK($t1, 0)
    li      $t2, 0x7fffffff
    li      $t3, 0x80000000
    slt     $t1, $t3, $t2
    CHK($t1, 1)
    sltu    $t1, $t3, $t2
    CHK($t1, 0)
    li      $t0, -5
    slti    $t1, $t0, -4
    CHK($t1, 1)
    slti    $t1, $t0, -5
    CHK($t1, 0)
    slti    $t1, $t0, 0x7fff
    CHK($t1, 1)
    li      $t0, 5
    sltiu   $t1, $t0, -1        /* immediate sign-extends to 0xffffffff */
    CHK($t1, 1)
    li      $t0, 0xfffffff0
    sltiu   $t1, $t0, -1
    CHK($t1, 1)
    li      $t0, 0xffff8000
    sltiu   $t1, $t0, -32768     /* equal: not less */
    CHK($t1, 0)
    sltiu   $t1, $zero, 1
    CHK($t1, 1)

    /* MOVN / MOVZ */
    li      $t0, 0x1111
    li      $t1, 0x2222
    li      $t2, 0
    li      $t3, 7
    move    $t4, $t1
    movn    $t4, $t0, $t3
    CHK($t4, 0x1111)
    move    $t4, $t1
    movn    $t4, $t0, $t2
    CHK($t4, 0x2222)
    move    $t4, $t1
    movz    $t4, $t0, $t2
    CHK($t4, 0x1111)
    move    $t4, $t1
    movz    $t4, $t0, $t3
    CHK($t4, 0x2222)
    /* condition register is also the destination */
    li      $t3, 9
    movz    $t3, $t0, $t3
    CHK($t3, 9)
    li      $t3, 0
    movz    $t3, $t0, $t3
    CHK($t3, 0x1111)

    /* $zero stays zero */
    addiu   $zero, $zero, 5
    CHK($zero, 0)
    lui     $zero, 0x1234
    or      $t1, $zero, $zero
    CHK($t1, 0)
    li      $t0, 1
    movn    $zero, $t0, $t0
    CHK($zero, 0)
TEST_END

/* Shifts and rotates: SLL/SRL/SRA, the variable forms (low 5 bits of rs),
 * ROTR/ROTRV, and the SLL-encoded NOP/SSNOP/EHB. */
#include "isa.h"
ISA_NAME("isa/shift")
TEST_BEGIN
    li      $t0, 0x80000001
    sll     $t1, $t0, 1
    CHK($t1, 0x00000002)
    sll     $t1, $t0, 0
    CHK($t1, 0x80000001)
    sll     $t1, $t0, 31
    CHK($t1, 0x80000000)
    srl     $t1, $t0, 31
    CHK($t1, 1)
    srl     $t1, $t0, 1
    CHK($t1, 0x40000000)
    sra     $t1, $t0, 31
    CHK($t1, 0xffffffff)
    sra     $t1, $t0, 4
    CHK($t1, 0xf8000000)
    li      $t0, 0x7ffffff0
    sra     $t1, $t0, 4
    CHK($t1, 0x07ffffff)

    /* variable shifts use rs[4:0] only */
    li      $t0, 0x12345678
    li      $t2, 33
    sllv    $t1, $t0, $t2
    CHK($t1, 0x2468acf0)
    li      $t2, 0xffffffe4          /* low bits: 4 */
    srlv    $t1, $t0, $t2
    CHK($t1, 0x01234567)
    li      $t0, 0x87654321
    srav    $t1, $t0, $t2
    CHK($t1, 0xf8765432)
    li      $t2, 32                  /* shift by 0 */
    srav    $t1, $t0, $t2
    CHK($t1, 0x87654321)
    li      $t2, 31
    srlv    $t1, $t0, $t2
    CHK($t1, 1)
    srav    $t1, $t0, $t2
    CHK($t1, 0xffffffff)
    /* rd == rt == rs */
    li      $t3, 2
    sllv    $t3, $t3, $t3
    CHK($t3, 8)

    /* rotates */
    li      $t0, 0x12345678
    rotr    $t1, $t0, 8
    CHK($t1, 0x78123456)
    rotr    $t1, $t0, 0
    CHK($t1, 0x12345678)
    rotr    $t1, $t0, 31
    CHK($t1, 0x2468acf0)
    li      $t0, 0x80000001
    rotr    $t1, $t0, 1
    CHK($t1, 0xc0000000)
    li      $t0, 0x12345678
    li      $t2, 36                  /* rs[4:0] = 4 */
    rotrv   $t1, $t0, $t2
    CHK($t1, 0x81234567)
    li      $t2, 64
    rotrv   $t1, $t0, $t2
    CHK($t1, 0x12345678)
    li      $t2, 16
    rotrv   $t1, $t0, $t2
    CHK($t1, 0x56781234)

    /* NOP, SSNOP, EHB are SLL $0,$0,{0,1,3}: no effect */
    li      $t0, 0x5a5a
    .word   0x00000000
    .word   0x00000040
    .word   0x000000c0
    CHK($t0, 0x5a5a)
    CHK($zero, 0)
TEST_END

/* Loads and stores: LB/LBU/LH/LHU/LW/SB/SH/SW (sign and zero extension,
 * negative offsets, little-endian byte order), LWL/LWR/SWL/SWR at all four
 * byte offsets (little-endian), the unaligned-word idioms, load use right
 * after the load, loads into $zero. */
#include "isa.h"
ISA_NAME("isa/ldst")
    .data
    .balign 16
buf:    .byte 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77
        .byte 0x80, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff
sbuf:   .space 16
    .text
/* Reset the 8 bytes of sbuf to 00 11 .. 77 */
    .macro SBUF_RESET
    la      $t8, sbuf
    li      $t9, 0x33221100
    sw      $t9, 0($t8)
    li      $t9, 0x77665544
    sw      $t9, 4($t8)
    .endm
TEST_BEGIN
    la      $s0, buf
    /* words, halves, bytes: little-endian */
    lw      $t1, 0($s0)
    CHK($t1, 0x33221100)
    lw      $t1, 8($s0)
    CHK($t1, 0xbbaa9980)
    lh      $t1, 8($s0)
    CHK($t1, 0xffff9980)
    lhu     $t1, 8($s0)
    CHK($t1, 0x9980)
    lh      $t1, 2($s0)
    CHK($t1, 0x3322)
    lh      $t1, 14($s0)
    CHK($t1, 0xffffffee)
    lb      $t1, 8($s0)
    CHK($t1, 0xffffff80)
    lbu     $t1, 8($s0)
    CHK($t1, 0x80)
    lb      $t1, 7($s0)
    CHK($t1, 0x77)
    lbu     $t1, 15($s0)
    CHK($t1, 0xff)
    /* negative offsets */
    addiu   $s1, $s0, 16
    lw      $t1, -4($s1)
    CHK($t1, 0xffeeddcc)
    lbu     $t1, -16($s1)
    CHK($t1, 0x00)
    lb      $t1, -1($s1)
    CHK($t1, -1)
    /* use right after the load */
    lw      $t1, 4($s0)
    addiu   $t1, $t1, 1
    CHK($t1, 0x77665545)
    /* load into $zero is discarded */
    lw      $zero, 4($s0)
    CHK($zero, 0)

    /* stores */
    la      $s2, sbuf
    SBUF_RESET
    li      $t0, 0xdeadbeef
    sb      $t0, 1($s2)
    lw      $t1, 0($s2)
    CHK($t1, 0x3322ef00)
    sh      $t0, 2($s2)
    lw      $t1, 0($s2)
    CHK($t1, 0xbeefef00)
    sw      $t0, 4($s2)
    lbu     $t1, 4($s2)
    CHK($t1, 0xef)
    lbu     $t1, 7($s2)
    CHK($t1, 0xde)
    lhu     $t1, 6($s2)
    CHK($t1, 0xdead)
    addiu   $s3, $s2, 8
    sb      $t0, -8($s3)
    lbu     $t1, 0($s2)
    CHK($t1, 0xef)
    sh      $zero, -2($s3)
    lw      $t1, 4($s2)
    CHK($t1, 0x0000beef)

    /* LWL: bytes 0..k of the aligned word into the top of rt */
    li      $t1, 0xaabbccdd
    lwl     $t1, 0($s0)
    CHK($t1, 0x00bbccdd)
    li      $t1, 0xaabbccdd
    lwl     $t1, 1($s0)
    CHK($t1, 0x1100ccdd)
    li      $t1, 0xaabbccdd
    lwl     $t1, 2($s0)
    CHK($t1, 0x221100dd)
    li      $t1, 0xaabbccdd
    lwl     $t1, 3($s0)
    CHK($t1, 0x33221100)
    /* LWR: bytes k..3 of the aligned word into the bottom of rt */
    li      $t1, 0xaabbccdd
    lwr     $t1, 0($s0)
    CHK($t1, 0x33221100)
    li      $t1, 0xaabbccdd
    lwr     $t1, 1($s0)
    CHK($t1, 0xaa332211)
    li      $t1, 0xaabbccdd
    lwr     $t1, 2($s0)
    CHK($t1, 0xaabb3322)
    li      $t1, 0xaabbccdd
    lwr     $t1, 3($s0)
    CHK($t1, 0xaabbcc33)
    /* unaligned word loads: LWR at a, LWL at a+3 */
    lwr     $t1, 1($s0)
    lwl     $t1, 4($s0)
    CHK($t1, 0x44332211)
    lwr     $t1, 2($s0)
    lwl     $t1, 5($s0)
    CHK($t1, 0x55443322)
    lwr     $t1, 3($s0)
    lwl     $t1, 6($s0)
    CHK($t1, 0x66554433)
    lwr     $t1, 7($s0)
    lwl     $t1, 10($s0)
    CHK($t1, 0xaa998077)
    /* LWL/LWR back to back into the same register (no load delay) */
    lwl     $t1, 6($s0)
    lwr     $t1, 3($s0)
    addiu   $t2, $t1, 0
    CHK($t2, 0x66554433)

    /* SWL: the top k+1 bytes of rt into bytes 0..k */
    li      $t0, 0xaabbccdd
    SBUF_RESET
    swl     $t0, 0($s2)
    lw      $t1, 0($s2)
    CHK($t1, 0x332211aa)
    SBUF_RESET
    swl     $t0, 1($s2)
    lw      $t1, 0($s2)
    CHK($t1, 0x3322aabb)
    SBUF_RESET
    swl     $t0, 2($s2)
    lw      $t1, 0($s2)
    CHK($t1, 0x33aabbcc)
    SBUF_RESET
    swl     $t0, 3($s2)
    lw      $t1, 0($s2)
    CHK($t1, 0xaabbccdd)
    lw      $t1, 4($s2)
    CHK($t1, 0x77665544)
    /* SWR: the bottom 4-k bytes of rt into bytes k..3 */
    SBUF_RESET
    swr     $t0, 0($s2)
    lw      $t1, 0($s2)
    CHK($t1, 0xaabbccdd)
    SBUF_RESET
    swr     $t0, 1($s2)
    lw      $t1, 0($s2)
    CHK($t1, 0xbbccdd00)
    SBUF_RESET
    swr     $t0, 2($s2)
    lw      $t1, 0($s2)
    CHK($t1, 0xccdd1100)
    SBUF_RESET
    swr     $t0, 3($s2)
    lw      $t1, 0($s2)
    CHK($t1, 0xdd221100)
    lw      $t1, 4($s2)
    CHK($t1, 0x77665544)
    /* unaligned word stores: SWR at a, SWL at a+3 */
    SBUF_RESET
    li      $t0, 0x12345678
    swr     $t0, 1($s2)
    swl     $t0, 4($s2)
    lw      $t1, 0($s2)
    CHK($t1, 0x34567800)
    lw      $t1, 4($s2)
    CHK($t1, 0x77665512)
    SBUF_RESET
    swr     $t0, 3($s2)
    swl     $t0, 6($s2)
    lw      $t1, 0($s2)
    CHK($t1, 0x78221100)
    lw      $t1, 4($s2)
    CHK($t1, 0x77123456)
    /* and read back unaligned */
    lwr     $t1, 3($s2)
    lwl     $t1, 6($s2)
    CHK($t1, 0x12345678)
TEST_END

/* CLZ/CLO, SEB/SEH/WSBH, EXT/INS. */
#include "isa.h"
ISA_NAME("isa/bitops")
TEST_BEGIN
    clz     $t1, $zero
    CHK($t1, 32)
    li      $t0, 1
    clz     $t1, $t0
    CHK($t1, 31)
    li      $t0, 0x80000000
    clz     $t1, $t0
    CHK($t1, 0)
    li      $t0, 0x00010000
    clz     $t1, $t0
    CHK($t1, 15)
    li      $t0, 0x00ffffff
    clz     $t1, $t0
    CHK($t1, 8)
    li      $t0, -1
    clo     $t1, $t0
    CHK($t1, 32)
    clo     $t1, $zero
    CHK($t1, 0)
    li      $t0, 0xfff00000
    clo     $t1, $t0
    CHK($t1, 12)
    li      $t0, 0x7fffffff
    clo     $t1, $t0
    CHK($t1, 0)
    li      $t0, 0xfffffffe
    clo     $t1, $t0
    CHK($t1, 31)

    li      $t0, 0x12345680
    seb     $t1, $t0
    CHK($t1, 0xffffff80)
    li      $t0, 0xffffff7f
    seb     $t1, $t0
    CHK($t1, 0x7f)
    li      $t0, 0x12348000
    seh     $t1, $t0
    CHK($t1, 0xffff8000)
    li      $t0, 0xffff7fff
    seh     $t1, $t0
    CHK($t1, 0x7fff)
    li      $t0, 0x11223344
    wsbh    $t1, $t0
    CHK($t1, 0x22114433)
    li      $t0, 0x80ff017f
    wsbh    $t1, $t0
    CHK($t1, 0xff807f01)
    /* WSBH + ROTR 16 = full byte swap */
    li      $t0, 0x11223344
    wsbh    $t1, $t0
    rotr    $t1, $t1, 16
    CHK($t1, 0x44332211)

    /* EXT rt, rs, pos, size */
    li      $t0, 0x12345678
    ext     $t1, $t0, 4, 8
    CHK($t1, 0x67)
    ext     $t1, $t0, 0, 32
    CHK($t1, 0x12345678)
    ext     $t1, $t0, 28, 4
    CHK($t1, 0x1)
    ext     $t1, $t0, 0, 1
    CHK($t1, 0)
    ext     $t1, $t0, 3, 1
    CHK($t1, 1)
    li      $t0, 0x80000000
    ext     $t1, $t0, 31, 1
    CHK($t1, 1)
    li      $t0, 0xfedcba98
    ext     $t1, $t0, 8, 16
    CHK($t1, 0xdcba)
    ext     $t1, $t0, 1, 31
    CHK($t1, 0x7f6e5d4c)

    /* INS rt, rs, pos, size */
    li      $t1, 0xffffffff
    ins     $t1, $zero, 8, 8
    CHK($t1, 0xffff00ff)
    li      $t1, 0x12345678
    li      $t0, 0xabcd
    ins     $t1, $t0, 16, 16
    CHK($t1, 0xabcd5678)
    li      $t1, 0x12345678
    li      $t0, 0x9abcdef0
    ins     $t1, $t0, 0, 32
    CHK($t1, 0x9abcdef0)
    li      $t1, 0
    li      $t0, 0xffffff01
    ins     $t1, $t0, 31, 1
    CHK($t1, 0x80000000)
    li      $t1, 0x00000000
    li      $t0, 0xfff5
    ins     $t1, $t0, 4, 4
    CHK($t1, 0x50)
    li      $t1, 0x0000ffff
    li      $t0, 0
    ins     $t1, $t0, 0, 1
    CHK($t1, 0x0000fffe)
    li      $t1, 0x01234567
    li      $t0, 0x7ffffff
    ins     $t1, $t0, 1, 30
    CHK($t1, 0x0fffffff)
TEST_END

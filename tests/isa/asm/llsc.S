/* LL/SC (success; failure after an ERET or an exception between LL and
 * SC: ERET clears LLbit), SYNC/SYNCI/PREF/CACHE (no effect on results, no
 * exception in kernel mode, PREF ignores addressing errors), and code
 * written at run time made visible with SYNCI + SYNC + JALR.HB. */
#include "isa.h"
ISA_NAME("isa/llsc")
    .data
    .balign 16
word:   .word 100
word2:  .word 0
code:   .space 16
    .text
TEST_BEGIN
    la      $s0, word
    /* LL/SC success */
    ll      $t0, 0($s0)
    CHK($t0, 100)
    addiu   $t0, $t0, 1
    sc      $t0, 0($s0)
    CHK($t0, 1)
    lw      $t1, 0($s0)
    CHK($t1, 101)
    /* the usual atomic-add loop */
    li      $t2, 0
1:  ll      $t0, 0($s0)
    addiu   $t0, $t0, 10
    sc      $t0, 0($s0)
    beqz    $t0, 1b
    addiu   $t2, $t2, 1
    lw      $t1, 0($s0)
    CHK($t1, 111)
    CHK($t2, 1)

    /* ERET between LL and SC: SC fails, memory unchanged */
    la      $t3, .Lafter_eret
    mtc0    $t3, $14
    ehb
    ll      $t0, 0($s0)
    li      $t0, 0x5555
    eret
    li      $t5, 0xbad               /* never runs: ERET has no slot */
.Lafter_eret:
    sc      $t0, 0($s0)
    CHK($t0, 0)
    lw      $t1, 0($s0)
    CHK($t1, 111)

    /* an exception (handled, ERET back) between LL and SC: SC fails */
    EXC_CLEAR
    ll      $t0, 0($s0)
    li      $t0, 0x6666
    syscall
    sc      $t0, 0($s0)
    CHK($t0, 0)
    lw      $t1, 0($s0)
    CHK($t1, 111)
    CHKMEM(isa_exc, ISA_EXC_COUNT, 1)
    /* and LL/SC works again afterwards */
    ll      $t0, 0($s0)
    addiu   $t0, $t0, 1
    sc      $t0, 0($s0)
    CHK($t0, 1)
    lw      $t1, 0($s0)
    CHK($t1, 112)

    /* SYNC, SYNCI, PREF, CACHE: no exception, no change */
    EXC_CLEAR
    li      $t0, 0x13579bdf
    sw      $t0, 4($s0)
    sync
    sync    0x10
    synci   0($s0)
    pref    0, 0($s0)
    pref    1, 4($s0)
    pref    4, 0($s0)
    pref    5, 0($s0)
    pref    30, 0($s0)
    pref    0, 3($s0)                /* PREF has no alignment rule */
    pref    0, 0x100($zero)          /* unmapped kuseg: no TLB exception */
    pref    1, -4($zero)             /* kseg3 unmapped */
    cache   0x15, 0($s0)             /* Hit Writeback Invalidate D */
    cache   0x19, 4($s0)             /* Hit Writeback D */
    cache   0x10, 0($s0)             /* Hit Invalidate I */
    cache   0x01, 0($s0)             /* Index Writeback Invalidate D */
    cache   0x00, 0($s0)             /* Index Invalidate I */
    CHK_NOEXC()
    lw      $t1, 4($s0)
    CHK($t1, 0x13579bdf)
    lw      $t1, 0($s0)
    CHK($t1, 112)

    /* code written at run time: li $v0, N; jr $ra; nop */
    la      $s1, code
    li      $t0, 0x24020001          /* addiu $v0, $zero, 1 */
    sw      $t0, 0($s1)
    li      $t0, 0x03e00008          /* jr $ra */
    sw      $t0, 4($s1)
    sw      $zero, 8($s1)
    synci   0($s1)
    sync
    li      $v0, 0
    jalr.hb $s1
    nop
    CHK($v0, 1)
    li      $t0, 0x24020002          /* addiu $v0, $zero, 2 */
    sw      $t0, 0($s1)
    synci   0($s1)
    sync
    jalr.hb $s1
    nop
    CHK($v0, 2)
    CHK_NOEXC()
TEST_END

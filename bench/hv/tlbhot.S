/* tlbwalk's measured store (tlbwalk.c), in .hot (bench/rt/hot.ld). */
    .set noreorder
    .section .hot, "ax"
/* void bench_tlb_touch(uint32_t *const *list, unsigned n): *list[i] = i */
    .globl bench_tlb_touch, bench_tlb_insn
    .ent bench_tlb_touch
bench_tlb_touch:
    lw      $t1, 0($a0)
1:  addiu   $a1, $a1, -1
    addiu   $a0, $a0, 4
bench_tlb_insn:
    sw      $a1, 0($t1)
    bnez    $a1, 1b
    lw      $t1, 0($a0)
    jr      $ra
    nop
    .end bench_tlb_touch

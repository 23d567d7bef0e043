/* The loops of spin.c and hostile.c, in .hot (bench/rt/hot.ld). */
    .set noreorder
    .section .hot, "ax"

/* spin: one branch and its delay slot, for ever */
    .globl bench_spin_forever
    .ent bench_spin_forever
bench_spin_forever:
1:  b       1b
    nop
    .end bench_spin_forever

/* hostile: an emulated load in the delay slot of every iteration's branch */
    .globl bench_hostile
    .ent bench_hostile
bench_hostile:
1:  b       1b
    lw      $t0, 0($a0)
    .end bench_hostile

/*
 * spin: a guest that only computes: after the runtime's start-up it loops
 * on one branch for ever, with interrupts off, never leaving guest mode.
 * With three of them the hypervisor has nothing to do but the schedule
 * (bench/sched/quiet.yaml): window switches and window starts as clean as
 * they get.
 */
#include "rt.h"

void bench_spin_forever(void) __attribute__((noreturn));

int main(void)
{
    rt_irq_off();
    bench_spin_forever();
}

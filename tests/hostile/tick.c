/* tick: the well-behaved neighbour. Prints "tick: n" every 25 ms on the
 * core-timer interrupt, 20 times, then "tick: done". (Part 1 schedules
 * cooperatively: the period is longer than anything the attacker does
 * before it waits or faults.) */
#include "rt.h"

static volatile uint32_t ticks;

static void on_tick(void)
{
    ticks++;
}

int main(void)
{
    board_init();
    rt_ct_periodic(25 * RT_CT_PER_MS, on_tick, 2);
    rt_irq_on();
    for (uint32_t seen = 0; seen < 20;) {
        while (ticks == seen)
            rt_wait();
        seen = ticks;
        rt_printf("tick: %lu\n", (unsigned long)seen);
    }
    rt_printf("tick: done\n");
    return 0;
}

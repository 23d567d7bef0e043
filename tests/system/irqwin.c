/*
 * irqwin: device interrupts that arrive while the partition is outside its
 * window. Run in a 1 ms window of a 5 ms frame (irqwin.yaml): each case
 * starts its timers (3 ms, one shot: stopped by the handler) and waits,
 * so they expire while the other partition runs; tinyVP must deliver
 * them at this partition's next window start, the higher priority first.
 * On the bare board the timers interrupt as they expire (timer2, started
 * first, comes first in both races). Under tinyVP the output is:
 *   irqwin: timer2 alone -> delivered
 *   irqwin: timer2 level 3, timer3 level 5 -> timer3 first, then timer2
 *   irqwin: timer2 level 6, timer3 level 2 -> timer2 first, then timer3
 *   irqwin: done
 */
#include "rt.h"

static volatile unsigned order[2], n;

static void once(unsigned vec)
{
    unsigned t = vec == VEC_TIMER2 ? 2 : 3;
    rt_timer_stop(t);
    rt_irq_disable(vec);
    rt_irq_clear(vec);
    if (n < 2)
        order[n] = t;
    n++;
}

static void wait_for(unsigned count)
{
    while (n < count)
        rt_wait();
}

static void race(unsigned ip2, unsigned ip3)
{
    n = 0;
    rt_irq_off();
    rt_irq_attach(VEC_TIMER2, once, ip2);
    rt_irq_attach(VEC_TIMER3, once, ip3);
    rt_timer_start(2, 300000); /* 3 ms */
    rt_timer_start(3, 300000);
    rt_irq_on();
    wait_for(2);
    rt_printf("irqwin: timer2 level %u, timer3 level %u -> timer%u first, then timer%u\n", ip2, ip3,
              order[0], order[1]);
}

int main(void)
{
    board_init();
    rt_irq_on();
    n = 0;
    rt_irq_attach(VEC_TIMER2, once, 3);
    rt_timer_start(2, 300000);
    wait_for(1);
    rt_printf("irqwin: timer2 alone -> delivered\n");
    race(3, 5);
    race(6, 2);
    rt_printf("irqwin: done\n");
    return 0;
}

/*
 * timer-irq: Timer1..Timer5 interrupts at known periods (PBCLK3 = 100 MHz).
 *
 * Part 1, priorities: Timer2 and Timer3 are started together with the same
 * 1 ms period while interrupts are off; once both flags are up interrupts
 * go on, and the controller must deliver the higher priority first. Done
 * twice, with the priorities swapped.
 *
 * Part 2, counts: four timers run together, each until it has interrupted
 * a set number of times, then its handler stops it:
 *   Timer1        40 ms  (prescaler 64, PR 62499)    25 times, level 2
 *   Timer2        10 ms  (prescaler 16, PR 62499)   100 times, level 3
 *   Timer3         7 ms  (prescaler 16, PR 43749)   142 times, level 4
 *   Timer4/5 32-bit 100 ms (prescaler 1, PR 9999999) 10 times, level 1
 * (each about 1 s). The output states only counts and configuration, and
 * the whole seconds the run took by the core timer, so that it is the same
 * on the board, on vpsim and in a tinyVP partition, where an interrupt
 * may be delivered late.
 */
#include "rt.h"

/* ---- part 1 ---------------------------------------------------------------- */
static volatile unsigned order[2], norder;

static void once_irq(unsigned vec)
{
    rt_timer_stop(vec == VEC_TIMER2 ? 2 : 3);
    rt_irq_disable(vec);
    rt_irq_clear(vec);
    if (norder < 2)
        order[norder] = vec == VEC_TIMER2 ? 2 : 3;
    norder++;
}

static void race(unsigned ip2, unsigned ip3)
{
    norder = 0;
    rt_irq_off();
    rt_irq_attach(VEC_TIMER2, once_irq, ip2);
    rt_irq_attach(VEC_TIMER3, once_irq, ip3);
    rt_timer_start(2, 100000); /* 1 ms */
    rt_timer_start(3, 100000);
    while (!(rt_irq_flag(VEC_TIMER2) && rt_irq_flag(VEC_TIMER3)))
        ;
    rt_irq_on();
    while (norder < 2)
        ;
    rt_printf("priorities: timer2 level %u, timer3 level %u -> timer%u first, then timer%u\n", ip2,
              ip3, order[0], order[1]);
}

/* ---- part 2 ---------------------------------------------------------------- */
struct counted {
    unsigned timer;   /* 1..9; a 32-bit pair is named by its even timer */
    bool t32;
    uint32_t ticks;   /* period in PBCLK3 cycles */
    unsigned ip;
    uint32_t target;  /* interrupts before it stops */
    volatile uint32_t count;
    unsigned prescale;
};

static struct counted timers[] = {
    {1, false, 4000000, 2, 25, 0, 0},
    {2, false, 1000000, 3, 100, 0, 0},
    {3, false, 700000, 4, 142, 0, 0},
    {4, true, 10000000, 1, 10, 0, 0},
};

static unsigned vector_of(const struct counted *t)
{
    return rt_timer_vector(t->t32 ? t->timer + 1 : t->timer);
}

static void counted_irq(unsigned vec)
{
    for (unsigned i = 0; i < ARRAY_SIZE(timers); i++) {
        struct counted *t = &timers[i];
        if (vector_of(t) != vec)
            continue;
        rt_irq_clear(vec);
        if (++t->count >= t->target) {
            rt_timer_stop(t->timer);
            rt_irq_disable(vec);
        }
        return;
    }
}

static bool all_done(void)
{
    for (unsigned i = 0; i < ARRAY_SIZE(timers); i++)
        if (timers[i].count < timers[i].target)
            return false;
    return true;
}

int main(void)
{
    board_init();
    rt_printf("timer-irq: timers 1-5 on PBCLK3 = %lu MHz\n", (unsigned long)(board_pbclk_hz(3) / 1000000));

    race(3, 5);
    race(6, 2);

    rt_irq_off();
    for (unsigned i = 0; i < ARRAY_SIZE(timers); i++)
        rt_irq_attach(vector_of(&timers[i]), counted_irq, timers[i].ip);
    uint32_t t0 = rt_ticks();
    for (unsigned i = 0; i < ARRAY_SIZE(timers); i++) {
        struct counted *t = &timers[i];
        t->prescale = t->t32 ? rt_timer32_start(t->timer, t->ticks) : rt_timer_start(t->timer, t->ticks);
    }
    rt_irq_on();
    while (!all_done())
        rt_wait();
    uint32_t elapsed = rt_ticks() - t0;

    for (unsigned i = 0; i < ARRAY_SIZE(timers); i++) {
        const struct counted *t = &timers[i];
        char name[16];
        if (t->t32)
            rt_snprintf(name, sizeof name, "timer%u/%u", t->timer, t->timer + 1);
        else
            rt_snprintf(name, sizeof name, "timer%u", t->timer);
        rt_printf("%-9s %3lu interrupts at level %u, every %lu ms (prescaler %u, PR %lu)\n", name,
                  (unsigned long)t->count, t->ip, (unsigned long)(t->ticks / (RT_PBCLK_HZ / 1000)),
                  t->prescale, (unsigned long)(t->prescale ? t->ticks / t->prescale - 1 : 0));
    }
    rt_printf("all done after %lu s (core timer, whole seconds)\n", (unsigned long)(elapsed / RT_CT_HZ));
    return 0;
}

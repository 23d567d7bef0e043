/*
 * bystander: the victim of the hostile matrix (tests/hostile/run). It never
 * waits (so each of its windows starts with a guest entry vpsim's events
 * show), counts its own core-timer interrupts (every 750 us, longer than
 * the gap between its windows, so none is lost under tinyVP either) and
 * checks each came no earlier than its Compare. Every 20 interrupts it
 * prints a known line; after 140 it prints the count of early ones and
 * "bystander: done". Its console must be byte-identical to its bare-board
 * output whatever its neighbour does.
 */
#include "rt.h"

#define PERIOD (750u * RT_CT_PER_US)

static volatile uint32_t ticks, early;
static uint32_t due;

static void on_tick(void)
{
    if ((int32_t)(read_c0_count() - due) < 0)
        early++;
    due += PERIOD;
    ticks++;
}

int main(void)
{
    board_init();
    rt_printf("bystander: up; the quick brown fox jumps over the lazy dog\n");
    due = read_c0_count() + PERIOD;
    rt_ct_periodic(PERIOD, on_tick, 3);
    rt_irq_on();
    for (uint32_t n = 20; n <= 140; n += 20) {
        while (ticks < n)
            ;
        rt_printf("bystander: %lu interrupts\n", (unsigned long)n);
    }
    rt_printf("bystander: %lu early\n", (unsigned long)early);
    rt_printf("bystander: done\n");
    for (volatile uint32_t n = 0;; n++)
        ;
}

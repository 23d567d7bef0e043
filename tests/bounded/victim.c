/*
 * victim: the partition whose windows must start on time beside an
 * attacker (tests/bounded/run). It never waits, so every window of its
 * starts with a guest entry in vpsim's events; it prints "victim: n"
 * every 10 ms of its own Count, 80 times, then "victim: done", and goes
 * on computing. Its console must equal its bare-board output.
 */
#include "rt.h"

int main(void)
{
    board_init();
    rt_printf("victim: up\n");
    uint32_t t = read_c0_count();
    for (unsigned n = 1; n <= 80; n++) {
        while (read_c0_count() - t < 10 * RT_CT_PER_MS)
            ;
        t += 10 * RT_CT_PER_MS;
        rt_printf("victim: %u (%08x)\n", n, (unsigned)(n * 2654435761u));
    }
    rt_printf("victim: done\n");
    for (volatile uint32_t n = 0;; n++)
        ;
}

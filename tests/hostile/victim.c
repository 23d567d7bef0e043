/*
 * victim: the partition beside a fault storm (tests/hostile/run). It never
 * waits, so every one of its windows starts with an entry that vpsim's
 * events show; it prints "victim: n" every 10 ms of its own Count polling,
 * 50 times, then "victim: done", and goes on computing. Its console must
 * come out whole and in order whatever its neighbour does.
 */
#include "rt.h"

int main(void)
{
    board_init();
    rt_printf("victim: up\n");
    uint32_t t = read_c0_count();
    for (unsigned n = 1; n <= 50; n++) {
        while (read_c0_count() - t < 10 * RT_CT_PER_MS)
            ;
        t += 10 * RT_CT_PER_MS;
        rt_printf("victim: %u\n", n);
    }
    rt_printf("victim: done\n");
    for (volatile uint32_t n = 0;; n++)
        ;
}

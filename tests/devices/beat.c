/* beat: the neighbour. Prints "beat: n" every 25 ms (longer than a major
 * frame: the runtime re-arms Compare from its last value) on the
 * core-timer interrupt, 20 times, then "beat: done". */
#include "rt.h"

static volatile uint32_t ticks;

static void on_tick(void)
{
    ticks++;
}

int main(void)
{
    rt_uart_init(WIFIRE_CONSOLE_UART, RT_CONSOLE_BAUD);
    rt_ct_periodic(25 * RT_CT_PER_MS, on_tick, 2);
    rt_irq_on();
    for (uint32_t seen = 0; seen < 20;) {
        while (ticks == seen)
            rt_wait();
        seen = ticks;
        rt_printf("beat: %lu\n", (unsigned long)seen);
    }
    rt_printf("beat: done\n");
    return 0;
}

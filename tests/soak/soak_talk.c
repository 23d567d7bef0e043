/*
 * soak_talk: timer 3's 10 ms heartbeat (soak.h), and a short line every
 * second, timed: the transmitter must take it at the wire's pace, as a
 * real UART does (sent within one character time of n characters' time,
 * not faster than n - 1).
 */
#include "soak.h"

int main(void)
{
    board_init();
    rt_printf("soak talk: start\n");
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    tm_heartbeat("talk", 3);
    rt_irq_on();
    char line[32];
    for (uint32_t next = 100, k = 0;;) {
        rt_wait();
        if (hb_count(&tm_hb) < next)
            continue;
        next += 100;
        unsigned n = (unsigned)rt_snprintf(line, sizeof line, "talk %u\r\n", (unsigned)++k);
        uint32_t t0 = rt_ticks();
        for (unsigned i = 0; i < n; i++)
            rt_uart_putc(WIFIRE_CONSOLE_UART, line[i]);
        rt_uart_flush(WIFIRE_CONSOLE_UART);
        uint32_t t = rt_ticks() - t0;
        if (t > (n + 1) * CHAR_TICKS || t < (n - 1) * CHAR_TICKS)
            fail("talk", "%u characters sent in %u ticks (%u each)", n, (unsigned)t, CHAR_TICKS);
        if (k % 30 == 0)
            rt_printf("talk: %u s, %u heartbeats, %d..%+d ticks off the reference latency; a line of %u characters sent in %u ticks\n",
                      secs(now64()), (unsigned)hb_count(&tm_hb), (int)tm_hb.lo, (int)tm_hb.hi, n,
                      (unsigned)t);
    }
}

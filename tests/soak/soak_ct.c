/*
 * soak_ct: the core timer's 10 ms heartbeat, every one checked (soak.h);
 * silent on its console for 30 s at a time (longer than 2^31 ticks), then
 * one character, timed: written at once, sent within three character
 * times; then a line with its figures.
 */
#include "soak.h"

#define SILENT_HB 3000u /* 30 s */

int main(void)
{
    board_init();
    rt_printf("soak ct: start\n");
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    ct_heartbeat("ct");
    rt_irq_on();
    for (uint32_t next = SILENT_HB;;) {
        rt_wait();
        if (hb_count(&ct_hb) < next)
            continue;
        next += SILENT_HB;
        uint32_t t0 = rt_ticks();
        rt_uart_putc(WIFIRE_CONSOLE_UART, '.');
        uint32_t t1 = rt_ticks();
        rt_uart_flush(WIFIRE_CONSOLE_UART);
        uint32_t t2 = rt_ticks();
        if (t1 - t0 > CHAR_TICKS || t2 - t0 > 3 * CHAR_TICKS)
            fail("ct", "a character after 30 s of silence: written in %u ticks, sent in %u",
                 (unsigned)(t1 - t0), (unsigned)(t2 - t0));
        uint32_t s = rt_irq_off();
        struct hb h = ct_hb;
        rt_irq_restore(s);
        rt_printf(" ct: %u s, %u heartbeats, latency %u ticks %d..%+d; after 30 s of silence a character "
                  "written in %u ticks, sent in %u\n", secs(now64()), (unsigned)h.n, (unsigned)h.lat0,
                  (int)h.lo, (int)h.hi, (unsigned)(t1 - t0), (unsigned)(t2 - t0));
    }
}

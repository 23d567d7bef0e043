/*
 * quiet: a firmware silent on its console for longer than 2^31 core-timer
 * ticks (25 s at 100 MHz: the Count's signed half-range is 21.5 s), then
 * one character, timed from Count: how long rt_uart_putc took to hand it
 * to the transmitter, and how long until the transmitter was empty (TRMT).
 * On the bare board the FIFO is empty, so the write is immediate and the
 * character is on the wire for one character time (10 bits at 115200 =
 * 8,680 ticks); under tinyVP the same within a few character times.
 * Idle time is WAIT between 10 ms core-timer ticks.
 */
#include "rt.h"

#define SILENT_TICKS 2500u /* x 10 ms */

static volatile uint32_t ticks;

static void tick(void)
{
    ticks++;
}

int main(void)
{
    board_init();
    rt_printf("quiet: start\n");
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    rt_ct_periodic(10 * RT_CT_PER_MS, tick, 1);
    rt_irq_on();
    while (ticks < SILENT_TICKS)
        rt_wait();
    uint32_t t0 = rt_ticks();
    rt_uart_putc(WIFIRE_CONSOLE_UART, '.');
    uint32_t t1 = rt_ticks();
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    uint32_t t2 = rt_ticks();
    rt_printf("\nquiet: after %u ms of silence one character: written in %u ticks, sent in %u ticks\n",
              (unsigned)(SILENT_TICKS * 10u), (unsigned)(t1 - t0), (unsigned)(t2 - t0));
    rt_exit(0);
}

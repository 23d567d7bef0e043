/*
 * spin: a partition that never gives the CPU back: interrupts off,
 * Status.IPL at its maximum, a tight loop for ever. Its windows must still
 * end on time (tests/system/run, "windows").
 */
#include "rt.h"

int main(void)
{
    board_init();
    rt_printf("spin: interrupts off, IPL 7, looping\n");
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    rt_irq_off();
    write_c0_status(read_c0_status() | ST0_IPL);
    for (volatile uint32_t n = 0;; n++)
        ;
}

/*
 * oops: a partition that reads past its 32 KB of RAM once started, a
 * guest fault (its policy: stop); the shell test reads it in `log`.
 */
#include "rt.h"

int main(void)
{
    board_init();
    rt_printf("oops: start\n");
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    rt_delay_ms(5);
    return (int)*(volatile uint32_t *)0x80010000u; /* past its RAM */
}

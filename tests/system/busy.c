/*
 * busy: a partition that computes for ever (no exits, no waits) and says
 * so once; its windows' starts are what the "windows" test reads.
 */
#include "rt.h"

int main(void)
{
    board_init();
    rt_printf("busy: counting\n");
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    for (volatile uint32_t n = 0;; n++)
        ;
}

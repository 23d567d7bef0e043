/* Polled UART driver and the console on UART4 (rt.h). */
#include "rt.h"

void rt_uart_init(unsigned n, uint32_t baud)
{
    SFR(UMODE(n)) = 0; /* off while it is set up */
    SFR(USTA(n)) = 0;
    /* BRGH = 1: baud = PBCLK2 / (4 (BRG + 1)); rounded to nearest.
     * 100 MHz, 115200: BRG = 216, 115207 baud (+0.006 %). */
    uint32_t pb = board_pbclk_hz(2);
    SFR(UBRG(n)) = (pb + 2 * baud) / (4 * baud) - 1;
    SFR(USTA(n)) = USTA_UTXEN | USTA_URXEN; /* RX interrupt: >= 1 char; TX: a slot free */
    SFR(UMODE(n)) = UMODE_ON | UMODE_BRGH;  /* 8N1, one stop bit */
}

void rt_uart_putc(unsigned n, char c)
{
    while (SFR(USTA(n)) & USTA_UTXBF)
        ;
    SFR(UTXREG(n)) = (uint8_t)c;
}

bool rt_uart_rx_ready(unsigned n)
{
    return SFR(USTA(n)) & USTA_URXDA;
}

int rt_uart_trygetc(unsigned n)
{
    uint32_t sta = SFR(USTA(n));
    if (sta & USTA_OERR) /* receiver stopped: clearing OERR restarts it (and drops the FIFO) */
        SFR_CLR(USTA(n)) = USTA_OERR;
    if (!(sta & USTA_URXDA))
        return -1;
    return (int)(SFR(URXREG(n)) & 0xFF);
}

int rt_uart_getc(unsigned n)
{
    int c;
    while ((c = rt_uart_trygetc(n)) < 0)
        ;
    return c;
}

void rt_uart_flush(unsigned n)
{
    while (!(SFR(USTA(n)) & USTA_TRMT))
        ;
}

unsigned rt_uart_vector(unsigned n, unsigned kind)
{
    static const uint8_t fault[6] = {VEC_UART1_FAULT, VEC_UART2_FAULT, VEC_UART3_FAULT,
                                     VEC_UART4_FAULT, VEC_UART5_FAULT, VEC_UART6_FAULT};
    if (n < 1 || n > 6 || kind > 2)
        return 0;
    return fault[n - 1] + kind;
}

void rt_putc(char c)
{
    if (c == '\n')
        rt_uart_putc(WIFIRE_CONSOLE_UART, '\r');
    rt_uart_putc(WIFIRE_CONSOLE_UART, c);
}

void rt_puts(const char *s)
{
    while (*s)
        rt_putc(*s++);
}

int rt_getc(void)
{
    return rt_uart_getc(WIFIRE_CONSOLE_UART);
}

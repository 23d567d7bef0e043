/*
 * echo: console input through the UART4 RX interrupt.
 *
 * The RX handler (vector 171, level 2, URXISEL = 00: an interrupt while at
 * least one character waits) moves characters from the 8-deep hardware FIFO
 * into a 64-byte ring; main() sleeps in WAIT and edits a line from the ring:
 * printable characters are echoed, backspace/DEL erases, CR or LF (CRLF
 * counts once) ends the line. Output:
 *
 *   echo: type a line and press Enter; "quit" ends
 *   > <the characters as typed>
 *   you typed "<line>" (<n> chars)
 *   > ...
 *   bye
 *   [exit 0]
 *
 * Lines longer than 72 characters are cut (the rest is dropped, with a
 * bell). A full ring drops characters and counts them: "(k characters
 * lost)" is printed before the next prompt.
 */
#include "rt.h"

#define RING 64
#define LINE 72

static volatile char ring[RING];
static volatile unsigned head, tail, lost;

static void rx_irq(unsigned vec)
{
    int c;
    while ((c = rt_uart_trygetc(WIFIRE_CONSOLE_UART)) >= 0) {
        if (head - tail < RING) {
            ring[head % RING] = (char)c;
            head++;
        } else {
            lost++;
        }
    }
    /* A persistent source: clear it once the FIFO is empty. */
    rt_irq_clear(vec);
}

static int next_char(void)
{
    uint32_t st = rt_irq_off();
    int c = -1;
    if (tail != head) {
        c = (unsigned char)ring[tail % RING];
        tail++;
    }
    if (c < 0 && (st & ST0_IE)) {
        /* Sleep with interrupts off then on: an RX interrupt that arrives
         * in between still ends the WAIT (it is pending at the controller). */
        rt_wait();
    }
    rt_irq_restore(st);
    return c;
}

int main(void)
{
    board_init();
    rt_irq_attach(rt_uart_vector(WIFIRE_CONSOLE_UART, 1), rx_irq, 2);
    rt_irq_on();
    rt_printf("echo: type a line and press Enter; \"quit\" ends\n> ");

    char line[LINE + 1];
    unsigned len = 0, shown_lost = 0;
    int prev = -1;
    for (;;) {
        int c = next_char();
        if (c < 0)
            continue;
        if (c == '\n' && prev == '\r') { /* CRLF: the CR ended the line */
            prev = c;
            continue;
        }
        prev = c;
        if (c == '\r' || c == '\n') {
            line[len] = 0;
            rt_printf("\nyou typed \"%s\" (%u chars)\n", line, len);
            if (!strcmp(line, "quit")) {
                rt_printf("bye\n");
                return 0;
            }
            if (lost != shown_lost) {
                rt_printf("(%u characters lost)\n", lost - shown_lost);
                shown_lost = lost;
            }
            len = 0;
            rt_printf("> ");
        } else if (c == 0x08 || c == 0x7F) {
            if (len) {
                len--;
                rt_printf("\b \b");
            }
        } else if (c >= 0x20 && c < 0x7F) {
            if (len < LINE) {
                line[len++] = (char)c;
                rt_putc((char)c);
            } else {
                rt_putc('\a');
            }
        }
    }
}

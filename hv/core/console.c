/*
 * The shared console: everything the hypervisor and the guests print goes
 * through one buffer, in order, drained into the console UART by its
 * transmit interrupt, so neither the hypervisor nor a guest waits for the
 * wire. When the buffer is full the writer waits for room (bounded): a
 * byte is never dropped. Issue 7 adds per-guest buffers and line tags.
 */
#include "hv.h"

#define CONSOLE_BUF 1024u /* a power of two */

static char buf[CONSOLE_BUF];
static uint16_t head, tail; /* head - tail = bytes waiting */

/* Moves bytes into the UART while it has room; its interrupt stays on
 * while bytes wait. */
void console_kick(void)
{
    for (unsigned n = 0; n < CONSOLE_BUF && head != tail && board_console_tx_ready(); n++)
        board_console_tx(buf[tail++ % CONSOLE_BUF]);
    board_console_tx_irq(head != tail);
}

void hv_console_putc(char c)
{
    if ((uint16_t)(head - tail) >= CONSOLE_BUF) {
        /* full: wait for the wire (up to ~10 ms for one byte) */
        for (unsigned i = 0; i < 2000000u && !board_console_tx_ready(); i++)
            ;
        board_console_tx(buf[tail++ % CONSOLE_BUF]);
    }
    buf[head++ % CONSOLE_BUF] = c;
    if ((uint16_t)(head - tail) == 1)
        console_kick();
}

/* Everything out now, by polling (panic path). */
void console_flush(void)
{
    for (unsigned n = 0; n < CONSOLE_BUF && head != tail; n++)
        board_console_putc(buf[tail++ % CONSOLE_BUF]);
}

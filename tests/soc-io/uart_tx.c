/* UART transmit: console output on UART4, baud timing (FRM §21: baud =
 * PBCLK2 / (16 (BRG+1)), or / (4 (BRG+1)) with BRGH; PBCLK2 = SYSCLK/2 =
 * 100 MHz after reset, so one PBCLK2 tick is one CP0 Count tick), frame
 * lengths (start + 8/9 data + parity + 1/2 stop bits), the 8-deep FIFO
 * behind the shift register (UTXBF), TRMT, and the three UTXISEL
 * interrupt modes (persistent sources: a cleared flag comes back while
 * the condition holds).
 * vpsim: --uart 1=none
 * expect: ^Hello from UART4, 115200 8N1$
 */
#include "soc_io.h"

void irq_handler(unsigned tag) { (void)tag; }

#define BRG_115200 53 /* 100 MHz / (16 * 54) = 115741 baud */

/* Count ticks (= PBCLK2 ticks) UART n takes to send k characters
 * back to back, from the first TXREG write to TRMT. */
static uint32_t send_time(unsigned n, unsigned k)
{
    uint32_t t0 = c0_count();
    for (unsigned i = 0; i < k; i++)
        REG(UTXREG(n)) = 'A' + i;
    while (!(REG(USTA(n)) & USTA_TRMT))
        ;
    return c0_count() - t0;
}

#define CHECK_NEAR(got, want) do { uint32_t _g = (got), _w = (want); \
    if (_g < _w || _g > _w + 80) { t_failures++; \
    t_printf("FAIL %s:%d: %s = %u ticks, expected %u (+80)\n", __FILE__, __LINE__, #got, \
             (unsigned)_g, (unsigned)_w); } } while (0)

int main(void)
{
    /* reset values: MODE 0, STA RIDLE|TRMT (0x110), BRG 0 */
    CHECK_EQ(REG(UMODE(4)), 0);
    CHECK_EQ(REG(USTA(4)), 0x110);
    CHECK_EQ(REG(UBRG(4)), 0);

    /* console text through UART4 */
    uart_setup(4, BRG_115200, 0, USTA_UTXEN);
    uart_puts(4, "Hello from UART4, 115200 8N1\n");

    /* timing on UART1 (no backend): 8N1 = 10 bits of 16 * 54 ticks */
    uart_setup(1, BRG_115200, 0, USTA_UTXEN);
    CHECK_NEAR(send_time(1, 1), 10 * 16 * 54);
    CHECK_NEAR(send_time(1, 3), 3 * 10 * 16 * 54);
    /* BRGH: 4 ticks per BRG count; BRG 99 → 400 ticks a bit */
    uart_setup(1, 99, UMODE_BRGH, USTA_UTXEN);
    CHECK_NEAR(send_time(1, 4), 4 * 10 * 400);
    /* 9 data bits, 2 stop bits: 1 + 9 + 2 = 12 bits */
    uart_setup(1, 99, UMODE_BRGH | UMODE_PDSEL(3) | UMODE_STSEL, USTA_UTXEN);
    CHECK_NEAR(send_time(1, 1), 12 * 400);
    /* 8 bits even parity, 1 stop: 11 bits */
    uart_setup(1, 99, UMODE_BRGH | UMODE_PDSEL(1), USTA_UTXEN);
    CHECK_NEAR(send_time(1, 2), 2 * 11 * 400);

    /* FIFO: the first character goes to the shift register at once, then 8
     * fill the FIFO; UTXBF rises with the 9th write. */
    uart_setup(1, BRG_115200, 0, USTA_UTXEN);
    for (unsigned i = 0; i < 8; i++)
        REG(UTXREG(1)) = 'a' + i;
    CHECK(!(REG(USTA(1)) & USTA_UTXBF));
    CHECK(!(REG(USTA(1)) & USTA_TRMT));
    REG(UTXREG(1)) = 'i';
    CHECK(REG(USTA(1)) & USTA_UTXBF);
    /* one character later a slot is free again */
    CHECK(WAIT_UNTIL(!(REG(USTA(1)) & USTA_UTXBF), 100000));
    while (!(REG(USTA(1)) & USTA_TRMT))
        ;

    /* UTXISEL = 00: request while a FIFO slot is free */
    irq_cpu_disable();
    uart_setup(1, BRG_115200, 0, USTA_UTXEN | USTA_UTXISEL(0));
    CHECK(irq_flag(V_UTX(1)));
    for (unsigned i = 0; i < 9; i++)
        REG(UTXREG(1)) = 'x';
    irq_ack(V_UTX(1));
    CHECK(!irq_flag(V_UTX(1))); /* full: the cleared flag stays clear */
    CHECK(WAIT_UNTIL(irq_flag(V_UTX(1)), 100000));
    CHECK(!(REG(USTA(1)) & USTA_UTXBF));
    while (!(REG(USTA(1)) & USTA_TRMT))
        ;

    /* UTXISEL = 01: request when everything is sent (TRMT) */
    REG(USTA(1)) = USTA_UTXEN | USTA_UTXISEL(1);
    REG(UTXREG(1)) = 'y';
    REG(UTXREG(1)) = 'z';
    irq_ack(V_UTX(1));
    CHECK(!irq_flag(V_UTX(1)));
    CHECK(WAIT_UNTIL(irq_flag(V_UTX(1)), 100000));
    CHECK(REG(USTA(1)) & USTA_TRMT);

    /* UTXISEL = 10: request when the FIFO is empty, the last character
     * may still be in the shift register */
    REG(USTA(1)) = USTA_UTXEN | USTA_UTXISEL(2);
    for (unsigned i = 0; i < 3; i++)
        REG(UTXREG(1)) = '0' + i;
    irq_ack(V_UTX(1));
    CHECK(!irq_flag(V_UTX(1)));
    CHECK(WAIT_UNTIL(irq_flag(V_UTX(1)), 100000));
    CHECK(!(REG(USTA(1)) & USTA_TRMT));
    while (!(REG(USTA(1)) & USTA_TRMT))
        ;

    /* UTXEN = 0: no request; turning the module off empties the FIFO */
    REG(USTA(1)) = 0;
    irq_ack(V_UTX(1));
    CHECK(!irq_flag(V_UTX(1)));
    REG(USTA(1)) = USTA_UTXEN;
    for (unsigned i = 0; i < 5; i++)
        REG(UTXREG(1)) = 'q';
    CLR(UMODE(1)) = UMODE_ON;
    CHECK_EQ(REG(USTA(1)) & (USTA_TRMT | USTA_UTXBF), USTA_TRMT);
    return t_done("soc-io/uart_tx");
}

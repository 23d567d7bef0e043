/* A UART reaches the board only through peripheral pin select (DS60001320
 * sec. 12.4): the Wi-FIRE's USB serial bridge is wired to RF8 (the chip's
 * U4TX out) and RF2 (U4RX in). Text sent before U4TX is on RPF8 (PPS at
 * reset, then U4TX on RPB8, another pin of its group) never reaches the
 * console, so the console's line is only what was sent after RPF8R = 2.
 * Input sent while U4RXR selects another pin (RD1, its reset value) is
 * lost; after U4RXR = 11 (RPF2) it is received. With CFGCON.IOLOCK set a
 * PPS write has no effect (the last line still arrives).
 * vpsim: --input 4='at 5ms: x\n' --input 4='at 12ms: y\n'
 * expect: ^routed$
 * expect: ^still routed under IOLOCK$
 */
#include "soc_io.h"

#define RPB8R_ (PPS_BASE + 0x160u) /* RPF8R, U4RXR: chip.h */
#define IOLOCK (1u << 13)

static void syskey(int open)
{
    REG(SYSKEY) = 0;
    if (open) {
        REG(SYSKEY) = 0xAA996655u;
        REG(SYSKEY) = 0x556699AAu;
    }
}

void irq_handler(unsigned tag) { (void)tag; }

static void wait_ms(unsigned ms)
{
    uint32_t t0 = c0_count();
    while (c0_count() - t0 < ms * 100000u)
        ;
}

int main(void)
{
    /* UART4 on, nothing routed (PPS reset values) */
    REG(UMODE(4)) = 0;
    REG(UBRG(4)) = 53;
    REG(USTA(4)) = USTA_UTXEN | USTA_URXEN;
    REG(UMODE(4)) = UMODE_ON;
    CHECK_EQ(REG(RPF8R), 0);
    CHECK_EQ(REG(U4RXR), 0);
    uart_puts(4, "lost on no pin, ");
    REG(RPB8R_) = 2; /* U4TX on RB8: not the bridge's pin */
    uart_puts(4, "lost on RB8, ");
    REG(RPB8R_) = 0;
    REG(RPF8R) = 2;
    uart_puts(4, "routed\n");

    /* 'x' arrives at 5 ms (the lines above take ~3.5 ms) while U4RXR
     * selects RD1: lost */
    wait_ms(5);
    CHECK(!(REG(USTA(4)) & USTA_URXDA));
    REG(U4RXR) = 11; /* RPF2 */
    wait_ms(6);      /* 'y' at 12 ms */
    CHECK(REG(USTA(4)) & USTA_URXDA);
    CHECK_EQ(REG(URXREG(4)), 'y');
    CHECK_EQ(REG(URXREG(4)), '\n');
    CHECK(!(REG(USTA(4)) & USTA_OERR));

    /* IOLOCK (one-way with this image's DEVCFG3.IOL1WAY: last) */
    syskey(1);
    REG(CFGCON) |= IOLOCK; /* no CLR/SET aliases */
    syskey(0);
    REG(RPF8R) = 0; /* no effect while IOLOCK is set */
    CHECK_EQ(REG(RPF8R), 2);
    uart_puts(4, "still routed under IOLOCK\n");
    return t_done("soc-io/uart_pps");
}

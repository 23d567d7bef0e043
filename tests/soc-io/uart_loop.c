/* UART loopback (UxMODE.LPBACK): what UART3 sends comes back to its own
 * receiver at the end of each frame; the RX pin is disconnected, so a
 * character arriving on the external line is lost.
 * vpsim: --uart 3=none --input 3='at 1ms: Z'
 */
#include "soc_io.h"

void irq_handler(unsigned tag) { (void)tag; }

int main(void)
{
    uart_setup(3, 9, UMODE_LPBACK, USTA_UTXEN | USTA_URXEN); /* 10 bits of 160 ticks */
    uint32_t t0 = c0_count();
    REG(UTXREG(3)) = 'a';
    REG(UTXREG(3)) = 'b';
    REG(UTXREG(3)) = 'c';
    CHECK(WAIT_UNTIL(REG(USTA(3)) & USTA_URXDA, 100000));
    uint32_t t = c0_count() - t0;
    CHECK(t >= 1600 && t <= 1600 + 80);
    CHECK(WAIT_UNTIL(REG(USTA(3)) & USTA_TRMT, 100000));
    CHECK_EQ(REG(URXREG(3)), 'a');
    CHECK_EQ(REG(URXREG(3)), 'b');
    CHECK_EQ(REG(URXREG(3)), 'c');
    CHECK(!(REG(USTA(3)) & USTA_URXDA));
    /* the scripted 'Z' at 1 ms never reaches the receiver */
    while (c0_count() < 100000 + 2000)
        ;
    CHECK(!(REG(USTA(3)) & USTA_URXDA));
    /* without loopback the line is connected again */
    CLR(UMODE(3)) = UMODE_LPBACK;
    REG(UTXREG(3)) = 'q';
    CHECK(WAIT_UNTIL(REG(USTA(3)) & USTA_TRMT, 100000));
    CHECK(!(REG(USTA(3)) & USTA_URXDA));
    return t_done("soc-io/uart_loop");
}

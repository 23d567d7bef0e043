/* Console echo on UART4 (the Wi-FIRE USB serial): prints READY, then for
 * each line received answers "got: LINE"; the line "quit" ends the
 * program. Run by itself with scripted input, and by run with stdin, a
 * TCP client and --until.
 * vpsim: --input 4='at 1ms: hello\nquit\n'
 * expect: ^READY$
 * expect: ^got: hello$
 */
#include "soc_io.h"

void irq_handler(unsigned tag) { (void)tag; }

int main(void)
{
    char line[64];
    unsigned n = 0;
    uart_setup(4, 53, 0, USTA_UTXEN | USTA_URXEN);
    uart_puts(4, "READY\n");
    for (;;) {
        while (!(REG(USTA(4)) & USTA_URXDA))
            ;
        char c = (char)REG(URXREG(4));
        if (c == '\r')
            continue;
        if (c != '\n' && n < sizeof line - 1) {
            line[n++] = c;
            continue;
        }
        line[n] = 0;
        n = 0;
        if (!strcmp(line, "quit"))
            break;
        uart_puts(4, "got: ");
        uart_puts(4, line);
        uart_puts(4, "\n");
    }
    CHECK(!(REG(USTA(4)) & USTA_OERR));
    return t_done("soc-io/uart_echo");
}

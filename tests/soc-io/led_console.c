/* --leds beside the console on stdout: an LED that changes while the
 * console is in the middle of a line is printed after that line ends, on a
 * line of its own, for console output from UART4 and from UHI writes alike
 * (docs/simulator.md, "Board"). Each half line is fully on the wire (TRMT)
 * before the LED changes, and the LED changes well before the line ends.
 * vpsim: --leds
 * expect: ^uart4: first half, second half$
 * expect: ^uhi: first half, second half$
 * expect: ^\[t=[0-9]+\.[0-9]{6}ms\] LED LD1 on$
 * expect: ^\[t=[0-9]+\.[0-9]{6}ms\] LED LD2 on$
 * expect: ^\[t=[0-9]+\.[0-9]{6}ms\] LED LD1 off$
 */
#include "soc_io.h"

void irq_handler(unsigned tag) { (void)tag; }

#define BRG_115200 53

static void wait_ticks(uint32_t n)
{
    uint32_t t0 = c0_count();
    while (c0_count() - t0 < n)
        ;
}

int main(void)
{
    /* LD1 on RG6, LD2 on RD4 (chipKIT Wi-FIRE) */
    CLR(ANSEL(PG)) = 1u << 6;
    CLR(TRIS(PG)) = 1u << 6;
    CLR(TRIS(PD)) = 1u << 4;

    uart_setup(4, BRG_115200, 0, USTA_UTXEN);
    uart_puts(4, "uart4: first half");
    SET(LAT(PG)) = 1u << 6; /* LD1 on, mid-line */
    wait_ticks(10000);
    uart_puts(4, ", second half\n");

    t_puts("uhi: first half");
    SET(LAT(PD)) = 1u << 4; /* LD2 on, mid-line */
    wait_ticks(10000);
    CLR(LAT(PG)) = 1u << 6; /* LD1 off, still mid-line */
    t_puts(", second half\n");
    return t_done("led_console");
}

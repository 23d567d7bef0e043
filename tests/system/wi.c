/*
 * wi: writes to write-ignore devices are dropped, reads give the hardware's
 * value. Under tinyVP (tests/system/wi.yaml: prefetch write-ignore, osc
 * write-ignore-log) PRECON and PB3DIV keep their values; on a bare board
 * they would change. Prints what it read; tests/system/run checks.
 */
#include "rt.h"

int main(void)
{
    board_init();
    uint32_t pre = SFR(PRECON), pb3 = SFR(PBDIV(3));
    SFR(PRECON) = pre ^ 7u;          /* flash wait states */
    SFR_SET(PRECON) = 0x30u;
    *(volatile uint8_t *)PRECON = 0; /* a byte store too */
    rt_printf("wi: PRECON %08lx -> %08lx\n", (unsigned long)pre, (unsigned long)SFR(PRECON));
    SFR(PBDIV(3)) = PBDIV_ON | 7u;   /* PBCLK3 / 8 */
    rt_printf("wi: PB3DIV %08lx -> %08lx\n", (unsigned long)pb3, (unsigned long)SFR(PBDIV(3)));
    rt_printf("wi: done\n");
    return 0;
}

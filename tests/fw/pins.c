/*
 * pins: a firmware that routes its own UART1 through peripheral pin select
 * the way bare-metal start-up code does (PIC32MZ EF datasheet DS60001320,
 * sec. 12.4 "Peripheral Pin Select"): SYSKEY unlock (sec. 6), CFGCON.IOLOCK
 * cleared (PPS writes have no effect while it is set), U1RXR = 2 (RPF4,
 * Table 12-2), RPF5R = 1 (U1TX, Table 12-3), IOLOCK set again, locked;
 * then it sends a few lines on UART1 (sec. 21).
 *
 * In between, while unlocked, it writes two PPS registers wrongly:
 * RPF5R = 3 (U5TX on its own TX pin) and INT4R = 5 (RPB1, a register of
 * a function that is not its: its neighbour's INT4 under tinyVP), reads
 * both back and prints them on its console, then writes RPF5R = 1 again.
 * On the bare board the reads show 3 and 5; as a partition both writes
 * are refused (the log names them), so the reads show its assignment (1)
 * and the neighbour's (INT4R = 12, RPG0). Everything else it prints, and
 * all of UART1, is the same on both.
 */
#include "fw.h"

#define CFGCON        0xBF800000u
#define CFGCON_IOLOCK (1u << 13)
#define PPS_U1RXR     0xBF801468u
#define PPS_INT4R     0xBF801410u
#define PPS_RPF5R     0xBF801654u
#define U1MODE        0xBF822000u
#define U1STA         0xBF822010u
#define U1TXREG       0xBF822020u
#define U1BRG         0xBF822040u

void fw_exception(uint32_t off, uint32_t cause, uint32_t epc)
{
    fw_exception_line("pins", off, cause, epc);
    for (;;)
        __asm__ volatile("wait");
}

uint32_t *fw_irq_dispatch(int vec, uint32_t *frame)
{
    (void)vec;
    return frame;
}

static void u1_putc(char c)
{
    while (REG(U1STA) & (1u << 9)) /* UTXBF */
        ;
    REG(U1TXREG) = (uint8_t)c;
}

static void u1_puts(const char *s)
{
    while (*s)
        u1_putc(*s++);
}

int main(void)
{
    fw_console_init();
    fw_puts("pins: routing UART1 (U1RX on RPF4, U1TX on RPF5)\n");
    REG(SYSKEY) = 0;
    REG(SYSKEY) = 0xAA996655u;
    REG(SYSKEY) = 0x556699AAu;
    REG(CFGCON) &= ~CFGCON_IOLOCK; /* no CLR/SET aliases: read-modify-write */
    REG(PPS_U1RXR) = 2;
    REG(PPS_RPF5R) = 3; /* wrong: U5TX */
    REG(PPS_INT4R) = 5; /* wrong: not its function */
    uint32_t rpf5 = REG(PPS_RPF5R), int4 = REG(PPS_INT4R);
    REG(PPS_RPF5R) = 1; /* U1TX */
    REG(CFGCON) |= CFGCON_IOLOCK;
    REG(SYSKEY) = 0;
    fw_puts("pins: after the wrong writes RPF5R ");
    fw_putu(rpf5);
    fw_puts(" INT4R ");
    fw_putu(int4);
    fw_putc('\n');
    fw_puts("pins: U1RXR ");
    fw_putu(REG(PPS_U1RXR));
    fw_puts(" RPF5R ");
    fw_putu(REG(PPS_RPF5R));
    fw_putc('\n');

    /* UART1: 115200 8N1 from PBCLK2 = 100 MHz, as the console */
    REG(U1MODE) = 0;
    REG(U1BRG) = 216;
    REG(U1STA) = 1u << 10;                /* UTXEN */
    REG(U1MODE) = (1u << 15) | (1u << 3); /* ON, BRGH */
    for (unsigned i = 1; i <= 3; i++) {
        u1_puts("uart1: line ");
        u1_putc((char)('0' + i));
        u1_puts(" from the firmware's own pins\n");
    }
    while (!(REG(U1STA) & (1u << 8))) /* TRMT */
        ;
    fw_puts("pins: done\n");
    fw_flush();
    for (;;)
        __asm__ volatile("wait");
}

/*
 * reset: a firmware that resets itself, as bare-metal code does it on a
 * PIC32MZ (DS60001320 sec. 6 "Resets"): it prints why it started (RCON),
 * clears RCON, and performs a software reset (SYSKEY unlock, RSWRST.SWRST
 * = 1, read RSWRST); the next start shows RCON.SWR. Its boot count lives
 * in RAM the start-up does not clear (.noinit), which a software reset
 * keeps. After three starts it prints "reset: done". Under tinyVP the
 * partition alone restarts; its neighbour does not notice.
 */
#include "fw.h"

#define BOOTS 3
#define MAGIC 0x5e5e7a11u

static volatile uint32_t magic __attribute__((section(".noinit")));
static volatile uint32_t boots __attribute__((section(".noinit")));

void fw_exception(uint32_t off, uint32_t cause, uint32_t epc)
{
    fw_exception_line("reset", off, cause, epc);
}

uint32_t *fw_irq_dispatch(int vec, uint32_t *frame)
{
    (void)vec;
    return frame;
}

int main(void)
{
    fw_console_init();
    if (magic != MAGIC) { /* the first start after power-on */
        magic = MAGIC;
        boots = 0;
    }
    uint32_t rcon = REG(RCON);
    fw_puts("reset: start ");
    fw_putu(boots);
    fw_puts(", RCON ");
    fw_puthex(rcon);
    fw_puts((rcon & RCON_SWR) ? " (software reset)\n" : "\n");
    if (++boots > BOOTS) {
        fw_puts("reset: done\n");
        fw_flush();
        for (;;)
            __asm__ volatile("wait");
    }
    REG(RCON) = 0; /* the next start's RCON shows only its own cause */
    /* locked: SWRST cannot be set */
    REG(RSWRST) = 1;
    if (REG(RSWRST) & 1)
        fw_puts("reset: RSWRST set while locked\n");
    fw_flush();
    REG(SYSKEY) = 0;
    REG(SYSKEY) = 0xAA996655u;
    REG(SYSKEY) = 0x556699AAu;
    SET(RSWRST) = 1;
    (void)REG(RSWRST); /* the reset happens here */
    for (unsigned i = 0; i < 1000; i++)
        __asm__ volatile("nop");
    fw_puts("reset: still running after the software reset\n");
    for (;;)
        __asm__ volatile("wait");
}

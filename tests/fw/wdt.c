/*
 * wdt: a firmware that relies on its watchdog (DS60001320 sec. 26): its
 * configuration words set the period (DEVCFG1.WDTPS = 3: 8 ms, FWDTEN =
 * 0, WINDIS = 1: no window), it turns the watchdog on (WDTCON.ON), clears
 * it (the key 0x5743 in WDTCON's upper halfword) while it works, then
 * "hangs" without clearing it: the watchdog resets it and its next start
 * shows RCON.WDTO. Its start count lives in .noinit RAM. After two such
 * resets it turns the watchdog off and prints "wdt: done". Under tinyVP
 * the partition alone restarts (its watchdog runs in its own windows).
 * Built a second time with FW_FWDTEN = 1 (wdt-en): the configuration
 * words turn the watchdog on (FWDTEN) and WDTCON.ON cannot turn it off, so
 * it resets the program again after "done", for ever.
 */
#ifndef FW_FWDTEN
#define FW_FWDTEN 0
#endif
/* FW_SLOW = 1 (wdt-slow): it clears the watchdog only every 10 ms of
 * Count, longer than its 8 ms period: the bare board resets it; a
 * partition given 1 ms of every 5 spends only ~2 ms of its own windows
 * between clears and survives (its watchdog runs in its windows). */
#ifndef FW_SLOW
#define FW_SLOW 0
#endif
/* FW_WIN = 1 (wdt-win): window mode (DS60001320 sec. 26, "Windowed
 * operation"), turned on by WDTCON.WDTWINEN with DEVCFG1.FWDTWINSZ = 01
 * (the window is the last 50 % of the 8 ms period): it clears every 7 ms
 * of Count (in the window, also as a partition, whose window time between
 * clears is 5..7 ms of its 3 ms of every 4), then once 1 ms after a clear,
 * in the closed window: a watchdog reset at once (RCON.WDTO), before the
 * period could have run out. */
#ifndef FW_WIN
#define FW_WIN 0
#endif
#include "fw.h"

#define WDTCON 0xBF800800u
#define RCON_WDTO (1u << 4)
#define RESETS 2
#define MAGIC 0x3d7a11edu

/* DEVCFG3..0: the Wi-FIRE's usual words (guests/README.md), but DEVCFG1
 * with WDTPS = 3 (2^3 ms), FWDTEN = 0, WINDIS = 1 */
__attribute__((section(".devcfg"), used)) const uint32_t wdt_devcfg[4] = {
    0x86FFFFFFu, 0xFFF9B11Au,
    (FW_WIN ? 0x01633CB9u : 0x03633CB9u) | (FW_FWDTEN ? 1u << 23 : 0), 0xFFF6FFF7u,
};

static volatile uint32_t magic __attribute__((section(".noinit")));
static volatile uint32_t starts __attribute__((section(".noinit")));
static volatile uint32_t win_phase __attribute__((section(".noinit")));
static volatile uint32_t win_wdtcon __attribute__((section(".noinit")));

void fw_exception(uint32_t off, uint32_t cause, uint32_t epc)
{
    fw_exception_line("wdt", off, cause, epc);
}

uint32_t *fw_irq_dispatch(int vec, uint32_t *frame)
{
    (void)vec;
    return frame;
}

static void wdt_clear(void)
{
    *(volatile uint16_t *)(WDTCON + 2) = 0x5743;
}

/* busy for ms milliseconds of Count */
static void spin_ms(unsigned ms)
{
    uint32_t t0 = MFC0(C0_COUNT);
    while (MFC0(C0_COUNT) - t0 < ms * (COUNT_HZ / 1000))
        ;
}

int main(void)
{
    fw_console_init();
    if (magic != MAGIC) {
        magic = MAGIC;
        starts = 0;
        win_phase = 0;
    }
    uint32_t rcon = REG(RCON);
    fw_puts("wdt: start ");
    fw_putu(starts);
    fw_puts(", RCON ");
    fw_puthex(rcon);
    fw_puts((rcon & RCON_WDTO) ? " (watchdog reset)\n" : "\n");
    if (FW_WIN && win_phase) {
        fw_puts("wdt: reset by the clear 1 ms after the last (WDTCON was ");
        fw_puthex(win_wdtcon);
        fw_puts(")\n");
        win_phase = 0;
    }
    fw_puts("wdt: WDTCON ");
    fw_puthex(REG(WDTCON) & 0xffff);
    fw_putc('\n');
    REG(RCON) = 0;
    if (starts++ >= (FW_WIN ? 1 : RESETS)) {
        CLR(WDTCON) = 1u << 15;
        fw_puts("wdt: done\n");
        fw_flush();
        for (;;)
            __asm__ volatile("wait");
    }
    if (FW_WIN) {
        fw_puts("wdt: window mode: 4 clears in the window, then one too early\n");
        fw_flush();
        SET(WDTCON) = (1u << 15) | 1u; /* ON, WDTWINEN */
        win_wdtcon = REG(WDTCON) & 0xffff;
        for (unsigned i = 0; i < 4; i++) {
            spin_ms(7);
            wdt_clear();
        }
        uint32_t t0 = MFC0(C0_COUNT);
        spin_ms(1);
        win_phase = 1; /* a reset from here on is the early clear's */
        wdt_clear();
        /* the reset takes effect at once: never more than 1 ms from here */
        while (MFC0(C0_COUNT) - t0 < 2 * (COUNT_HZ / 1000))
            ;
        fw_puts("wdt: not reset by the early clear\n");
        fw_flush();
        for (;;)
            __asm__ volatile("wait");
    }
    SET(WDTCON) = 1u << 15;
    for (unsigned i = 0; i < 6; i++) { /* working: 2 ms between clears */
        spin_ms(FW_SLOW ? 10 : 2);
        wdt_clear();
    }
    if (FW_SLOW) {
        CLR(WDTCON) = 1u << 15;
        fw_puts("wdt: survived 6 slow clears\n");
        fw_flush();
        for (;;)
            __asm__ volatile("wait");
    }
    fw_puts("wdt: cleared 6 times, now hanging\n");
    fw_flush();
    for (;;)
        ;
}

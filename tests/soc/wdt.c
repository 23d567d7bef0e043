/* Watchdog timer and DEVCFG: this program carries its own configuration
 * words (boot flash 0xBFC0FFC0): FWDTEN = 1 with WDTPS = 2 (1:4, a 4 ms
 * period from the 32 kHz LPRC: 1 ms x 4), WINDIS = 1; SPLL x40 instead of
 * the Wi-FIRE's x50; JTAGEN = 1; IOL1WAY = 1.
 * Stage 1: DEVCFG applied; clearing the WDT every 2 ms keeps the chip
 * alive; when the clearing stops the chip resets 4 ms after the last
 * clear, with RCON.WDTO. Stage 2: in window mode (WDTWINEN, 25 % window)
 * a clear before the window opens resets at once. */
#include "soc_test.h"

void irq_handler(unsigned tag) { (void)tag; }

/* DEVCFG1: FNOSC = 1, POSCMOD = 00, WDTPS = 2, WINDIS = 1, FWDTEN = 1,
 * FWDTWINSZ = 11 (25 %), DMTCNT = 7, FDMTEN = 0 */
#define CFG1 ((0xFFFFFFFFu & ~0x7u & ~0x300u & ~0x001F0000u & ~0x7C000000u & ~0x80000000u) | \
              0x1u | (2u << 16) | (7u << 26))
/* DEVCFG2: FPLLIDIV 2, FPLLRNG 1, FPLLICLK 0, FPLLMULT 39 (x40), FPLLODIV 1 */
#define CFG2 0xFFF9A71Au
__attribute__((section(".devcfg"), used))
static const uint32_t devcfg[4] = {
    (0xC7FFFFFFu | (1u << 29)), /* DEVCFG3: IOL1WAY only */
    CFG2, CFG1,
    0xFFFFFFFFu, /* DEVCFG0: JTAGEN = 1, FECCCON = 11 */
};

static volatile uint32_t stage = 1;
static volatile uint32_t last_clear RESET_KEEP, last_seen RESET_KEEP;

static void wdt_clear(void) { REG16(WDTCON + 2) = 0x5743; }

/* failures of the stages before a reset (.data survives it) */
static volatile int carried RESET_KEEP = 0;

int main(void)
{
    t_failures += carried;
    if (stage == 1) {
        CHECK_EQ(REG(RCON) & 0x13, 0x3); /* power-on, no WDTO */
        REG(RCON) = 0;
        /* DEVCFG applied */
        CHECK_EQ(REG(WDTCON) & (1u << 15), 1u << 15); /* ON from FWDTEN */
        CHECK_EQ((REG(WDTCON) >> 8) & 0x1F, 2);       /* RUNDIV = WDTPS */
        CHECK_EQ(REG(SPLLCON), 0x01270201u);
        CHECK_EQ(REG(CFGCON) & (1u << 3), 1u << 3);   /* JTAGEN */
        CHECK_EQ((REG(CFGCON) >> 4) & 3, 3);          /* ECCCON = FECCCON */
        /* IOL1WAY: once IOLOCK is set it stays set */
        REG(SYSKEY) = 0xAA996655u;
        REG(SYSKEY) = 0x556699AAu;
        REG(CFGCON) = REG(CFGCON) | (1u << 13);
        REG(CFGCON) = REG(CFGCON) & ~(1u << 13);
        REG(SYSKEY) = 0;
        CHECK_EQ(REG(CFGCON) & (1u << 13), 1u << 13);
        /* the configuration enabled it: software cannot turn it off */
        CLR(WDTCON) = 1u << 15;
        CHECK_EQ(REG(WDTCON) & (1u << 15), 1u << 15);
        /* cleared every 2 ms for 20 ms: no reset */
        wdt_clear();
        uint32_t t = c0_count();
        for (unsigned i = 0; i < 10; i++) {
            while (c0_count() - t < 200000)
                ;
            t = c0_count();
            wdt_clear();
        }
        last_clear = c0_count();
        carried = t_failures;
        stage = 2;
        for (;;)
            last_seen = c0_count();
    }
    if (stage == 2) {
        CHECK_EQ(REG(RCON) & (1u << 4), 1u << 4); /* WDTO */
        CHECK_EQ(REG(RCON) & 0x3, 0);
        /* 4 ms = 400000 Count ticks after the last clear */
        uint32_t d = last_seen - last_clear;
        if (!(d >= 399900 && d <= 400000))
            t_printf("WDT reset %u Count ticks after the last clear\n", (unsigned)d);
        CHECK(d >= 399900 && d <= 400000);
        /* IOLOCK one-way ends with the reset */
        CHECK_EQ(REG(CFGCON) & (1u << 13), 0);
        REG(RCON) = 0;
        SET(WDTCON) = 1; /* WDTWINEN */
        carried = t_failures;
        stage = 3;
        wdt_clear(); /* window closed: reset */
        stage = 4;
        CHECK(!"early clear in window mode did not reset");
        return t_done("wdt");
    }
    CHECK_EQ(stage, 3);
    CHECK_EQ(REG(RCON) & (1u << 4), 1u << 4);
    CHECK_EQ(REG(WDTCON) & 1, 0); /* WDTWINEN back to its reset value */
    return t_done("wdt");
}

/* Deadman timer, enabled by its own DEVCFG1: FDMTEN = 1, DMTCNT = 10
 * (a count of 2^(10+8) = 262144 SYSCLK cycles = 131072 Count ticks).
 * Stage 1: cleared with STEP1 (0x40 into DMTPRECLR) then STEP2 (0x08 into
 * DMTCLR) it lives on; a STEP2 without STEP1 resets at once (RCON.DMTO).
 * Stage 2: left alone, it resets 2^18 cycles after the last clear. */
#include "soc_test.h"

void irq_handler(unsigned tag) { (void)tag; }

#define CFG1 ((0xFFFFFFFFu & ~0x7u & ~0x300u & ~(1u << 23) & ~0x7C000000u) | 0x1u | (10u << 26))
__attribute__((section(".devcfg"), used))
static const uint32_t devcfg[4] = {0xC7FFFFFFu, 0xFFF9B11Au, CFG1, 0xFFFFFFFBu};

static volatile uint32_t stage = 1;
static volatile uint32_t last_clear RESET_KEEP, last_seen RESET_KEEP;

static void dmt_clear(void)
{
    REG16(DMTPRECLR) = 0x40u << 8;
    REG8(DMTCLR) = 0x08;
}

/* failures of the stages before a reset (.data survives it) */
static volatile int carried RESET_KEEP = 0;

int main(void)
{
    t_failures += carried;
    if (stage == 1) {
        CHECK_EQ(REG(RCON) & 0x23, 0x3);
        CHECK_EQ(REG(DMTCON) & (1u << 15), 1u << 15);
        CHECK_EQ(REG(DMTPSCNT), 1u << 18);
        CHECK_EQ(REG(WDTCON) & (1u << 15), 0);
        REG(DMTCON) = 0; /* cannot be turned off */
        CHECK_EQ(REG(DMTCON) & (1u << 15), 1u << 15);
        uint32_t t = c0_count();
        for (unsigned i = 0; i < 8; i++) {
            while (c0_count() - t < 100000)
                ;
            t = c0_count();
            dmt_clear();
        }
        CHECK(REG(DMTCNT) < 2000);
        carried = t_failures;
        stage = 2;
        REG8(DMTCLR) = 0x08; /* STEP2 without STEP1 */
        stage = 9;
        CHECK(!"bad DMT sequence did not reset");
        return t_done("dmt");
    }
    if (stage == 2) {
        CHECK_EQ(REG(RCON) & (1u << 5), 1u << 5); /* DMTO */
        REG(RCON) = 0;
        dmt_clear();
        last_clear = c0_count();
        carried = t_failures;
        stage = 3;
        for (;;)
            last_seen = c0_count();
    }
    CHECK_EQ(stage, 3);
    CHECK_EQ(REG(RCON) & (1u << 5), 1u << 5);
    uint32_t d = last_seen - last_clear;
    if (!(d >= 131000 && d <= 131072))
        t_printf("DMT reset %u Count ticks after the last clear\n", (unsigned)d);
    CHECK(d >= 131000 && d <= 131072);
    return t_done("dmt");
}

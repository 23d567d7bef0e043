/* SFR bus rules: CLR/SET/INV aliases, byte and halfword lanes, alias reads,
 * unimplemented registers inside a block, bus errors outside any block;
 * configuration/oscillator registers after a Wi-FIRE start (DEVCFG from
 * the board: SPLL 24 MHz / 3 x 50 / 2), SYSKEY protection, PBCLK3 divider
 * effect on a timer, PMD/CFGPG locks. */
#include "soc_test.h"

void irq_handler(unsigned tag) { (void)tag; }

static uint32_t timer2_period_counts(void)
{
    REG(TCON(2)) = 0;
    REG(TMR(2)) = 0;
    REG(PR(2)) = 999;
    irq_ack(V_T(2));
    REG(TCON(2)) = TCON_ON;
    while (!irq_flag(V_T(2)))
        ;
    irq_ack(V_T(2));
    uint32_t a = c0_count();
    while (!irq_flag(V_T(2)))
        ;
    uint32_t b = c0_count();
    REG(TCON(2)) = 0;
    irq_ack(V_T(2));
    return b - a;
}

static void unlock(void)
{
    REG(SYSKEY) = 0;
    REG(SYSKEY) = 0xAA996655u;
    REG(SYSKEY) = 0x556699AAu;
}

int main(void)
{
    /* aliases on a plain read/write register (TRISB resets to all inputs) */
    CHECK_EQ(REG(TRIS(PB)), 0xFFFF);
    CLR(TRIS(PB)) = 0x00F0;
    CHECK_EQ(REG(TRIS(PB)), 0xFF0F);
    SET(TRIS(PB)) = 0x0030;
    CHECK_EQ(REG(TRIS(PB)), 0xFF3F);
    INV(TRIS(PB)) = 0x0101;
    CHECK_EQ(REG(TRIS(PB)), 0xFE3E);
    /* alias addresses read as 0 */
    CHECK_EQ(CLR(TRIS(PB)), 0);
    CHECK_EQ(SET(TRIS(PB)), 0);
    CHECK_EQ(INV(TRIS(PB)), 0);
    /* unimplemented bits (TRISB is 16 bits) */
    REG(TRIS(PB)) = 0xFFFFFFFFu;
    CHECK_EQ(REG(TRIS(PB)), 0xFFFF);
    /* byte and halfword accesses reach their lanes */
    REG(LAT(PB)) = 0;
    REG8(LAT(PB) + 1) = 0x5A;
    CHECK_EQ(REG(LAT(PB)), 0x5A00);
    CHECK_EQ(REG8(LAT(PB) + 1), 0x5A);
    CHECK_EQ(REG8(LAT(PB)), 0);
    REG16(LAT(PB)) = 0x1234;
    CHECK_EQ(REG(LAT(PB)), 0x1234);
    REG8(LAT(PB) + 8 + 1) = 0x80; /* SET through a byte of the alias */
    CHECK_EQ(REG(LAT(PB)), 0x9234);
    REG16(LAT(PB) + 4) = 0x0030;
    CHECK_EQ(REG(LAT(PB)), 0x9204);
    CHECK_EQ(REG16(LAT(PB) + 2), 0);
    REG(LAT(PB)) = 0;
    REG(TRIS(PB)) = 0xFFFF;

    /* registers without aliases: DEVID, SYSKEY, CFGCON; the words after
     * them are no registers (read 0, writes ignored) */
    CHECK_EQ(REG(DEVID), 0x0720E053u);
    REG(DEVID) = 0;
    CHECK_EQ(REG(DEVID), 0x0720E053u);
    CHECK_EQ(REG(DEVID + 4), 0);
    CHECK_EQ(REG(SYSKEY), 0);
    /* a gap inside the interrupt controller: after IFS6, no register */
    REG(INTC_BASE + 0xB0u) = 0xFFFFFFFFu;
    CHECK_EQ(REG(INTC_BASE + 0xB0u), 0);
    /* PB6DIV does not exist on this chip */
    CHECK_EQ(REG(PBDIV(6)), 0);

    /* outside every block: bus errors (DBE, ExcCode 7) */
    exc_hook = exc_skip;
    exc_count = 0;
    CHECK_EQ(probe_read32(CFG_BASE + 0x400u), 0xDEADBEEFu); /* between CFG and NVM */
    CHECK_EQ(exc_count, 1);
    CHECK_EQ((exc_cause >> 2) & 31, 7);
    probe_write32(PORT_BASE(7), 1); /* port H: not on the 100-pin chip */
    CHECK_EQ(exc_count, 2);
    CHECK_EQ((exc_cause >> 2) & 31, 7);
    /* CAN1 and the crypto engine: not on the EFG100 (DS60001320 Table 4-2) */
    CHECK_EQ(probe_read8(0xBF880000u), 0xDEADBEEFu);
    CHECK_EQ(exc_count, 3);
    CHECK_EQ(probe_read32(0xBF8E5000u), 0xDEADBEEFu);
    CHECK_EQ(exc_count, 4);
    /* between the documented ranges: after USB, after the RNG */
    CHECK_EQ(probe_read32(0xBF8E4000u), 0xDEADBEEFu);
    CHECK_EQ(probe_read32(0xBF8E7000u), 0xDEADBEEFu);
    CHECK_EQ(exc_count, 6);
    /* inside blocks, and inside a peripheral's documented range where no
     * register is (the system bus decodes 0xBF8F0000..0xBF8FFFFF, the
     * UARTs 0x200 bytes each, the configuration block 0x400): no exception,
     * reads 0, writes ignored */
    CHECK_EQ(probe_read32(INTC_BASE + 0xB4u), 0);
    CHECK_EQ(probe_read32(DEVID), 0x0720E053u);
    CHECK_EQ(probe_read8(SBP_BASE + 0xFFF0u), 0);
    CHECK_EQ(probe_read32(0xBF8221F0u), 0);
    probe_write32(0xBF8221F0u, 0x55u);
    CHECK_EQ(probe_read32(0xBF8221F0u), 0);
    CHECK_EQ(probe_read32(CFG_BASE + 0x3FCu), 0);
    CHECK_EQ(exc_count, 6);
    exc_hook = 0;

    /* oscillator after a Wi-FIRE start: COSC = NOSC = SPLL (1);
     * SPLLCON: PLLRANGE 1, PLLICLK POSC, PLLIDIV 2 (/3), PLLMULT 49 (x50),
     * PLLODIV 1 (/2) */
    CHECK_EQ((REG(OSCCON) >> 12) & 7, 1);
    CHECK_EQ((REG(OSCCON) >> 8) & 7, 1);
    CHECK_EQ(REG(SPLLCON), 0x01310201u);
    for (unsigned x = 1; x <= 8; x++)
        if (x != 6)
            CHECK_EQ(REG(PBDIV(x)), x == 7 ? 0x8800u : 0x8801u);
    CHECK_EQ(REG(PRECON) & 7, 7);
    CHECK_EQ(REG(RCON) & 3, 3); /* power-on */
    CHECK_EQ(REG(CFGCON) & (1u << 3), 0); /* JTAGEN off in the Wi-FIRE words */

    /* PB3DIV is SYSKEY-protected; it clocks the timers */
    uint32_t p100 = timer2_period_counts(); /* PBCLK3 100 MHz: 1000 Count */
    CHECK(p100 >= 990 && p100 <= 1010);
    REG(PBDIV(3)) = 0x8803;
    CHECK_EQ(REG(PBDIV(3)), 0x8801u); /* locked: ignored */
    unlock();
    REG(PBDIV(3)) = 0x8803; /* /4: 50 MHz */
    REG(SYSKEY) = 0x33333333u;
    CHECK_EQ(REG(PBDIV(3)), 0x8803u);
    uint32_t p50 = timer2_period_counts();
    CHECK(p50 >= 1990 && p50 <= 2010);
    unlock();
    REG(PBDIV(3)) = 0x8801;
    REG(SYSKEY) = 0;
    /* a wrong second key does not unlock */
    REG(SYSKEY) = 0xAA996655u;
    REG(SYSKEY) = 0x12345678u;
    REG(PBDIV(2)) = 0x8809;
    CHECK_EQ(REG(PBDIV(2)), 0x8801u);

    /* PMD and CFGPG: writable until their lock bits are set */
    SET(PMD(4)) = 0x1FF;
    CHECK_EQ(REG(PMD(4)), 0x1FF);
    REG(PMD(4)) = 0;
    REG(CFGPG) = 0x11;
    CHECK_EQ(REG(CFGPG), 0x11);
    REG(CFGCON) = REG(CFGCON) | (1u << 12) | (1u << 11); /* locked: no effect */
    CHECK_EQ(REG(CFGCON) & (3u << 11), 0);
    unlock();
    REG(CFGCON) = REG(CFGCON) | (1u << 12) | (1u << 11);
    REG(SYSKEY) = 0;
    CHECK_EQ(REG(CFGCON) & (3u << 11), 3u << 11);
    REG(PMD(4)) = 0x3;
    CHECK_EQ(REG(PMD(4)), 0);
    REG(CFGPG) = 0;
    CHECK_EQ(REG(CFGPG), 0x11);
    unlock();
    REG(CFGCON) = REG(CFGCON) & ~(3u << 11); /* not one-way: can be cleared */
    REG(SYSKEY) = 0;
    CHECK_EQ(REG(CFGCON) & (3u << 11), 0);
    REG(CFGPG) = 0;
    CHECK_EQ(REG(CFGPG), 0);
    return t_done("sfr");
}

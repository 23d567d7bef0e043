/* Timers 1–9: reset values, period PR+1 at PBCLK3 (100 MHz) through the
 * prescalers, TMR counting, TMR > PR wrap, 32-bit pairs (flag on the odd
 * timer), interrupts. Times are measured with the core timer (Count runs
 * at SYSCLK/2 = 100 MHz, the same rate as PBCLK3 after reset). */
#include "soc_test.h"

static volatile unsigned nirq;
static volatile uint32_t irq_at[8];

void irq_handler(unsigned tag)
{
    (void)tag;
    if (nirq < 8)
        irq_at[nirq] = c0_count();
    nirq++;
    irq_ack(V_T(4));
}

/* Waits for timer n's flag (or gives up); returns the Count it saw it at. */
static uint32_t wait_flag(unsigned v, uint32_t limit)
{
    uint32_t t0 = c0_count();
    while (!irq_flag(v))
        if (c0_count() - t0 > limit)
            break;
    return c0_count();
}

#define NEAR(x, want, tol) ((x) + (tol) >= (want) && (x) <= (want) + (tol))

int main(void)
{
    for (unsigned n = 1; n <= 9; n++) {
        CHECK_EQ(REG(TCON(n)), 0);
        CHECK_EQ(REG(TMR(n)), 0);
        CHECK_EQ(REG(PR(n)), 0xFFFF);
    }
    /* writable bits: T32 only on even Type B timers, TWIP reads 0 */
    REG(TCON(3)) = 0xFFFFFFFFu;
    CHECK_EQ(REG(TCON(3)), 0xA0F2);
    REG(TCON(2)) = 0xFFFFFFFFu & ~TCON_ON & ~TCON_T32;
    CHECK_EQ(REG(TCON(2)), 0x20F2);
    REG(TCON(1)) = 0x0800 | 0x3000;
    CHECK_EQ(REG(TCON(1)), 0x3000);
    REG(TCON(1)) = 0;
    REG(TCON(2)) = 0;
    REG(TCON(3)) = 0;

    /* T2, 1:8, PR = 999: a period of 1000 * 8 PBCLK3 ticks = 8000 Count */
    REG(PR(2)) = 999;
    REG(TCON(2)) = TCON_ON | (3u << 4);
    uint32_t a = wait_flag(V_T(2), 100000);
    irq_ack(V_T(2));
    uint32_t b = wait_flag(V_T(2), 100000);
    irq_ack(V_T(2));
    uint32_t c = wait_flag(V_T(2), 100000);
    CHECK(NEAR(b - a, 8000, 30));
    CHECK(NEAR(c - b, 8000, 30));
    REG(TCON(2)) = 0;
    irq_ack(V_T(2));

    /* T3, 1:256: TMR advances once per 256 ticks */
    REG(TMR(3)) = 0;
    REG(TCON(3)) = TCON_ON | (7u << 4);
    uint32_t t0 = c0_count();
    while (c0_count() - t0 < 256 * 40)
        ;
    uint32_t tm = REG(TMR(3));
    CHECK(tm >= 39 && tm <= 41);
    /* writing TMR restarts from the value written */
    REG(TMR(3)) = 1000;
    CHECK(REG(TMR(3)) >= 1000 && REG(TMR(3)) <= 1001);
    REG(TCON(3)) = 0;
    tm = REG(TMR(3));
    t0 = c0_count();
    while (c0_count() - t0 < 2000)
        ;
    CHECK_EQ(REG(TMR(3)), tm); /* stopped: holds its value */

    /* T1 (Type A), 1:64: TMR = PR - 2 gives the flag after 3 ticks */
    REG(PR(1)) = 5000;
    REG(TMR(1)) = 4998;
    irq_ack(V_T(1));
    t0 = c0_count();
    REG(TCON(1)) = TCON_ON | (2u << 4);
    a = wait_flag(V_T(1), 100000);
    CHECK(NEAR(a - t0, 3 * 64, 20));
    CHECK(REG(TMR(1)) <= 1);
    REG(TCON(1)) = 0;
    irq_ack(V_T(1));

    /* TMR above PR: counts up to 0xFFFF and wraps without a match */
    REG(PR(5)) = 0x100;
    REG(TMR(5)) = 0xFF00;
    irq_ack(V_T(5));
    t0 = c0_count();
    REG(TCON(5)) = TCON_ON;
    a = wait_flag(V_T(5), 100000);
    CHECK(NEAR(a - t0, 0x100 + 0x101, 20));
    REG(TCON(5)) = 0;
    irq_ack(V_T(5));

    /* 32-bit pair T6/T7: period 0x18000, flag and vector of T7 */
    REG(PR(6)) = 0x7FFF;
    REG(PR(7)) = 0x0001;
    REG(TMR(6)) = 0;
    REG(TMR(7)) = 0;
    irq_ack(V_T(6));
    irq_ack(V_T(7));
    t0 = c0_count();
    REG(TCON(6)) = TCON_ON | TCON_T32;
    while (c0_count() - t0 < 0x12000)
        ;
    CHECK_EQ(REG(TMR(7)), 1); /* high word */
    a = wait_flag(V_T(7), 0x30000);
    CHECK(NEAR(a - t0, 0x18000, 30));
    CHECK(!irq_flag(V_T(6)));
    REG(TCON(6)) = 0;
    irq_ack(V_T(7));

    /* Timer 4 interrupt, multi-vector, priority 3: 5 periods of 2000 */
    REG(INTCON) = INTCON_MVEC;
    REG(OFF(V_T(4))) = ebase_off(irq_stub0);
    irq_setup(V_T(4), 3, 0);
    REG(PR(4)) = 1999;
    REG(TMR(4)) = 0;
    irq_cpu_enable();
    t0 = c0_count();
    REG(TCON(4)) = TCON_ON;
    while (nirq < 5 && c0_count() - t0 < 100000)
        ;
    irq_cpu_disable();
    REG(TCON(4)) = 0;
    CHECK_EQ(nirq, 5);
    CHECK(NEAR(irq_at[0] - t0, 2000, 40));
    for (unsigned i = 1; i < 5; i++)
        CHECK(NEAR(irq_at[i] - irq_at[i - 1], 2000, 40));
    return t_done("timer");
}

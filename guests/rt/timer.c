/* Core timer and Timer1..Timer9 helpers (rt.h). */
#include "rt.h"

void rt_delay_us(uint32_t us)
{
    uint32_t start = rt_ticks();
    uint32_t n = us * RT_CT_PER_US;
    while (rt_ticks() - start < n)
        ;
}

void rt_delay_ms(uint32_t ms)
{
    while (ms--)
        rt_delay_us(1000);
}

static uint32_t ct_period;
static void (*ct_handler)(void);

/* Compare first (which also clears Cause.TI), then the flag: the core timer
 * is an edge source, its flag stays until software clears it. */
static void ct_irq(unsigned vec)
{
    write_c0_compare(read_c0_compare() + ct_period);
    rt_irq_clear(vec);
    if (ct_handler)
        ct_handler();
}

void rt_ct_periodic(uint32_t period, void (*h)(void), unsigned ip)
{
    rt_irq_disable(VEC_CORE_TIMER);
    ct_period = period;
    ct_handler = h;
    if (!period)
        return;
    write_c0_compare(read_c0_count() + period);
    rt_irq_attach(VEC_CORE_TIMER, ct_irq, ip);
}

unsigned rt_timer_vector(unsigned n)
{
    static const uint8_t vec[9] = {VEC_TIMER1, VEC_TIMER2, VEC_TIMER3, VEC_TIMER4, VEC_TIMER5,
                                   VEC_TIMER6, VEC_TIMER7, VEC_TIMER8, VEC_TIMER9};
    return n >= 1 && n <= 9 ? vec[n - 1] : 0;
}

/* Prescalers by TCKPS value. */
static const uint16_t t1_ps[4] = {1, 8, 64, 256};
static const uint16_t tx_ps[8] = {1, 2, 4, 8, 16, 32, 64, 256};

/* Smallest prescaler (its TCKPS index) that divides ticks exactly and
 * leaves ticks / prescale - 1 <= max; -1 if none. */
static int pick(const uint16_t *ps, unsigned nps, uint32_t ticks, uint32_t max)
{
    for (unsigned i = 0; i < nps; i++)
        if (ticks % ps[i] == 0 && ticks / ps[i] >= 1 && ticks / ps[i] - 1 <= max)
            return (int)i;
    return -1;
}

/* Timers this firmware started (bit n), for rt_timer_stop_all(). */
static uint32_t started;

void rt_timer_stop_all(void)
{
    for (unsigned n = 1; n <= 9; n++)
        if (started & (1u << n))
            rt_timer_stop(n);
}

static unsigned start(unsigned n, uint32_t ticks, bool t32)
{
    const uint16_t *ps = n == 1 ? t1_ps : tx_ps;
    int k = pick(ps, n == 1 ? 4 : 8, ticks, t32 ? 0xFFFFFFFFu : 0xFFFFu);
    if (k < 0)
        return 0;
    uint32_t pr = ticks / ps[k] - 1;
    SFR(TCON(n)) = 0;
    if (t32) {
        SFR(TCON(n + 1)) = 0;
        SFR(TMR(n + 1)) = 0;
        SFR(TPR(n + 1)) = pr >> 16; /* the odd timer holds the high half */
    }
    SFR(TMR(n)) = 0;
    SFR(TPR(n)) = t32 ? (pr & 0xFFFF) : pr;
    SFR(TCON(n)) = (uint32_t)k << (n == 1 ? T1CON_TCKPS_SHIFT : TxCON_TCKPS_SHIFT) |
                   (t32 ? TCON_T32 : 0);
    SFR_SET(TCON(n)) = TCON_ON;
    started |= 1u << n;
    return ps[k];
}

unsigned rt_timer_start(unsigned n, uint32_t ticks)
{
    if (n < 1 || n > 9)
        return 0;
    return start(n, ticks, false);
}

unsigned rt_timer32_start(unsigned n, uint32_t ticks)
{
    if (n < 2 || n > 8 || n % 2)
        return 0;
    return start(n, ticks, true);
}

void rt_timer_stop(unsigned n)
{
    if (n >= 1 && n <= 9)
        SFR_CLR(TCON(n)) = TCON_ON;
}

uint32_t rt_timer_read(unsigned n)
{
    if (n < 1 || n > 9)
        return 0;
    if (n % 2 == 0 && n < 9 && (SFR(TCON(n)) & TCON_T32))
        return SFR(TMR(n)) | SFR(TMR(n + 1)) << 16;
    return SFR(TMR(n));
}

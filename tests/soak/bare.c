/*
 * bare: vpsim alone across four Count wraps (180 simulated s): the core
 * timer's 10 ms heartbeat (soak.h), Timer1 every 4 ms, Timer2 every 1 ms
 * starting a DMA transfer at each period match (CHSIRQ, auto-enabled
 * channel), Timer4/5 as a 32-bit timer every 3 s, and UART1 in loopback
 * sending a character every 100 ms. At the end every count must be what
 * the elapsed time says: each timer's periods x period + what its TMR
 * holds = the Count ticks since it started (a period lost or gained is
 * 10^5 ticks or more off), a DMA block for every Timer2 match, every
 * character back in order.
 */
#include "soak.h"

#define N_HB    18000u               /* 180 s */
#define TOL     500u                 /* ticks: start/stop writes vs the Count reads */
/* DMA channel 0 (addresses from the generated chip.h) */
#define DCHCON  (DCH(0) + DCH_CON)
#define DCHECON (DCH(0) + DCH_ECON)
#define DCHINT  (DCH(0) + DCH_INT)
#define DCHSSA  (DCH(0) + DCH_SSA)
#define DCHDSA  (DCH(0) + DCH_DSA)
#define DCHSSIZ (DCH(0) + DCH_SSIZ)
#define DCHDSIZ (DCH(0) + DCH_DSIZ)
#define DCHCSIZ (DCH(0) + DCH_CSIZ)
#define CHEN    (1u << 7)
#define CHAEN   (1u << 4)
#define SIRQEN  (1u << 4)
#define CHBCIF  (1u << 3)
#define UMODE_LPBACK (1u << 6)
#define PA(p)   ((uint32_t)(p) & 0x1FFFFFFFu)

static volatile uint32_t n_t1, n_t2, n_t45, n_dma, n_rx, n_tx, rx_bad;
static volatile uint8_t src[4] __attribute__((aligned(4))) = {0x5a, 0xa5, 0x3c, 0xc3};
static volatile uint8_t dst[4] __attribute__((aligned(4)));

static void t1_isr(unsigned v) { n_t1++; rt_irq_clear(v); }
static void t2_isr(unsigned v) { n_t2++; rt_irq_clear(v); }
static void t45_isr(unsigned v) { n_t45++; rt_irq_clear(v); }

static void dma_isr(unsigned v)
{
    n_dma++;
    SFR_CLR(DCHINT) = CHBCIF;
    rt_irq_clear(v);
}

static void rx_isr(unsigned v)
{
    while (SFR(USTA(1)) & USTA_URXDA) {
        uint32_t c = SFR(URXREG(1));
        if (c != 'A' + n_rx % 26u)
            rx_bad++;
        n_rx++;
    }
    rt_irq_clear(v);
}

struct tm {
    unsigned n;            /* timer (4: the 4/5 pair) */
    uint32_t period, ps;
    volatile uint32_t *count;
    unsigned vec;
    uint64_t start, stop;
};

/* Periods counted + a match pending + the TMR's ticks against the time. */
static void tm_check(const struct tm *t)
{
    uint64_t periods = *t->count + (rt_irq_flag(t->vec) ? 1 : 0);
    uint64_t ticks = periods * t->period + (uint64_t)rt_timer_read(t->n) * t->ps;
    uint64_t el = t->stop - t->start;
    int64_t d = (int64_t)(ticks - el);
    if (d > (int64_t)TOL || d < -(int64_t)TOL)
        fail("bare", "timer %u: %u periods of %u ticks + TMR = %llu ticks, %llu elapsed", t->n,
             (unsigned)periods, (unsigned)t->period, (unsigned long long)ticks, (unsigned long long)el);
    rt_printf("bare: timer %u: %u periods of %u ticks, %lld ticks off the elapsed time\n", t->n,
              (unsigned)periods, (unsigned)t->period, (long long)d);
}

int main(void)
{
    board_init();
    rt_printf("soak bare: start\n");
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    struct tm tms[3] = {
        {1, 400000, 0, &n_t1, VEC_TIMER1, 0, 0},
        {2, 100000, 0, &n_t2, VEC_TIMER2, 0, 0},
        {4, 300000000, 0, &n_t45, VEC_TIMER5, 0, 0},
    };
    rt_irq_attach(VEC_TIMER1, t1_isr, 3);
    rt_irq_attach(VEC_TIMER2, t2_isr, 3);
    rt_irq_attach(VEC_TIMER5, t45_isr, 3);
    rt_irq_attach(VEC_DMA0, dma_isr, 3);
    /* DMA channel 0: 4 bytes per Timer2 match, re-enabled after each block */
    SFR(DMACON) = 1u << 15;
    SFR(DCHSSA) = PA(src);
    SFR(DCHDSA) = PA(dst);
    SFR(DCHSSIZ) = 4;
    SFR(DCHDSIZ) = 4;
    SFR(DCHCSIZ) = 4;
    SFR(DCHECON) = SIRQEN | (uint32_t)VEC_TIMER2 << 8;
    SFR(DCHINT) = CHBCIF << 16; /* CHBCIE */
    SFR(DCHCON) = CHEN | CHAEN;
    /* UART1 in loopback, its receive interrupt at each character */
    rt_uart_init(1, 115200);
    SFR_SET(UMODE(1)) = UMODE_LPBACK;
    rt_irq_attach(rt_uart_vector(1, 1), rx_isr, 2);

    uint64_t t0 = now64();
    ct_heartbeat("bare");
    for (unsigned i = 0; i < 3; i++) {
        tms[i].start = now64();
        tms[i].ps = tms[i].n == 4 ? rt_timer32_start(4, tms[i].period) : rt_timer_start(tms[i].n, tms[i].period);
        if (!tms[i].ps)
            fail("bare", "timer %u: no prescaler for %u ticks", tms[i].n, (unsigned)tms[i].period);
    }
    rt_irq_on();
    for (uint32_t next = 10;;) {
        rt_wait();
        uint32_t n = hb_count(&ct_hb);
        if (n >= N_HB)
            break;
        if (n >= next) {
            next += 10;
            SFR(UTXREG(1)) = 'A' + n_tx++ % 26u;
        }
    }
    rt_irq_off();
    for (unsigned i = 0; i < 3; i++) {
        SFR_CLR(TCON(tms[i].n)) = TCON_ON;
        tms[i].stop = now64();
    }
    uint64_t el = now64() - t0;
    rt_delay_us(200); /* the last character and DMA cell land */
    rt_printf("bare: %u s simulated (%u Count wraps), %u heartbeats, latency %u ticks %d..%+d\n", secs(el),
              (unsigned)(el >> 32), (unsigned)ct_hb.n, (unsigned)ct_hb.lat0, (int)ct_hb.lo, (int)ct_hb.hi);
    int64_t d = (int64_t)(el - ((uint64_t)N_HB * HB_TICKS + HB_PHASE + ct_hb.lat0));
    if (d > (int64_t)TOL || d < -(int64_t)TOL)
        fail("bare", "%u heartbeats of 10 ms took %llu ticks", (unsigned)N_HB, (unsigned long long)el);
    for (unsigned i = 0; i < 3; i++)
        tm_check(&tms[i]);
    uint32_t dma = n_dma + ((SFR(DCHINT) & CHBCIF) ? 1 : 0), t2 = n_t2 + (rt_irq_flag(VEC_TIMER2) ? 1 : 0);
    rt_printf("bare: %u DMA blocks for %u Timer2 matches\n", (unsigned)dma, (unsigned)t2);
    if (dma != t2 || dst[0] != 0x5a || dst[3] != 0xc3)
        fail("bare", "%u DMA blocks for %u Timer2 matches (or the data differ)", (unsigned)dma, (unsigned)t2);
    rx_isr(rt_uart_vector(1, 1));
    rt_printf("bare: UART1 loopback: %u characters sent, %u back, %u out of order\n", (unsigned)n_tx,
              (unsigned)n_rx, (unsigned)rx_bad);
    if (n_rx != n_tx || rx_bad)
        fail("bare", "UART1 loopback: %u sent, %u back, %u out of order", (unsigned)n_tx, (unsigned)n_rx,
             (unsigned)rx_bad);
    rt_exit(fails ? 1 : 0);
}

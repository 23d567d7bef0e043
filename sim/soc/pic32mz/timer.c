/* Timers 1–9 (timer.h). The example of a device on the SFR framework:
 * a register table, hooks, one event per timer. */
#include "timer.h"

#include <stdlib.h>

#include "intc.h"
#include "soc.h"

enum { T_CON, T_TMR, T_PR, T_NREGS };

#define TCON_ON    (1u << 15)
#define TCON_TGATE (1u << 7)
#define TCON_T32   (1u << 3)
#define TCON_TCS   (1u << 1)

/* Type A (T1): TCS, TSYNC, TCKPS 5:4, TGATE, TWDIS, SIDL, ON; TWIP reads 0.
 * Type B: TCS, T32 (even timers), TCKPS 6:4, TGATE, SIDL, ON. */
static const struct sfr_reg t1_regs[T_NREGS] = {
    [T_CON] = {0x00, 0x0000, 0xB0B6, SFR_WR},
    [T_TMR] = {0x10, 0x0000, 0xFFFF, SFR_RD | SFR_WR},
    [T_PR] = {0x20, 0xFFFF, 0xFFFF, SFR_WR},
};
static const struct sfr_reg teven_regs[T_NREGS] = {
    [T_CON] = {0x00, 0x0000, 0xA0FA, SFR_WR},
    [T_TMR] = {0x10, 0x0000, 0xFFFF, SFR_RD | SFR_WR},
    [T_PR] = {0x20, 0xFFFF, 0xFFFF, SFR_WR},
};
static const struct sfr_reg todd_regs[T_NREGS] = {
    [T_CON] = {0x00, 0x0000, 0xA0F2, SFR_WR},
    [T_TMR] = {0x10, 0x0000, 0xFFFF, SFR_RD | SFR_WR},
    [T_PR] = {0x20, 0xFFFF, 0xFFFF, SFR_WR},
};

struct timers;

struct tunit {
    struct timers *ts;
    unsigned n;
    struct sfr_block blk;
    uint32_t val[T_NREGS];
    /* running configuration, valid while `counting` (this unit is a
     * 16-bit timer or the even half of a 32-bit pair) */
    bool counting;
    bool wide;
    uint32_t pr;
    uint64_t tick;       /* SYSCLK cycles per count */
    uint64_t base_cycle; /* cycle of the last tick taken into TMR */
    struct event ev;
};

struct timers {
    struct soc *soc;
    struct tunit t[10]; /* 1..9 */
};

static const unsigned t1_prescale[4] = {1, 8, 64, 256};
static const unsigned tb_prescale[8] = {1, 2, 4, 8, 16, 32, 64, 256};

/* The odd timer of a pair whose even timer has T32 set. */
static bool is_slave(const struct timers *ts, unsigned n)
{
    return n >= 3 && (n & 1) && (ts->t[n - 1].val[T_CON] & TCON_T32);
}

static struct tunit *owner(struct timers *ts, unsigned n)
{
    return is_slave(ts, n) ? &ts->t[n - 1] : &ts->t[n];
}

static uint32_t get_count(const struct tunit *u)
{
    uint32_t c = u->val[T_TMR] & 0xFFFF;
    if (u->wide)
        c |= (u->ts->t[u->n + 1].val[T_TMR] & 0xFFFF) << 16;
    return c;
}

static void put_count(struct tunit *u, uint32_t c)
{
    u->val[T_TMR] = c & 0xFFFF;
    if (u->wide)
        u->ts->t[u->n + 1].val[T_TMR] = c >> 16;
}

/* Brings TMR up to `now` (no flag: period matches are events). */
static void sync(struct tunit *u, uint64_t now)
{
    if (!u->counting || now <= u->base_cycle)
        return;
    uint64_t ticks = (now - u->base_cycle) / u->tick;
    if (!ticks)
        return;
    uint64_t max = u->wide ? 0xFFFFFFFFull : 0xFFFFull;
    uint64_t c = get_count(u);
    u->base_cycle += ticks * u->tick;
    if (c > u->pr) { /* above the period: runs to the wrap, no match */
        uint64_t to_wrap = max - c + 1;
        if (ticks < to_wrap) {
            put_count(u, (uint32_t)(c + ticks));
            return;
        }
        ticks -= to_wrap;
        c = 0;
    }
    put_count(u, (uint32_t)((c + ticks) % ((uint64_t)u->pr + 1)));
}

static void schedule(struct tunit *u)
{
    uint64_t max = u->wide ? 0xFFFFFFFFull : 0xFFFFull;
    uint64_t c = get_count(u);
    uint64_t ticks = c <= u->pr ? u->pr - c + 1 : (max - c + 1) + (uint64_t)u->pr + 1;
    ev_schedule(&u->ts->soc->evq, &u->ev, u->base_cycle + ticks * u->tick);
}

/* Recomputes the running configuration from the registers. restart: the
 * prescaler phase starts again at `now` (TMR written, timer switched on). */
static void configure(struct tunit *u, uint64_t now, bool restart)
{
    struct timers *ts = u->ts;
    uint32_t con = u->val[T_CON];
    bool was = u->counting;
    uint64_t old_tick = u->tick;
    u->wide = u->n >= 2 && !(u->n & 1) && (con & TCON_T32);
    u->pr = u->val[T_PR] & 0xFFFF;
    if (u->wide)
        u->pr |= (ts->t[u->n + 1].val[T_PR] & 0xFFFF) << 16;
    unsigned ps = u->n == 1 ? t1_prescale[(con >> 4) & 3] : tb_prescale[(con >> 4) & 7];
    u->tick = (uint64_t)clk_pb_cycles(&ts->soc->clk, 3) * ps;
    /* No TxCK pin or gate input is modelled: an externally clocked or
     * gated timer does not count. PR = 0 holds TMR at 0 (no interrupts). */
    u->counting = (con & TCON_ON) && !is_slave(ts, u->n) && !(con & (TCON_TCS | TCON_TGATE)) &&
                  u->pr != 0;
    if (!u->counting) {
        ev_cancel(&ts->soc->evq, &u->ev);
        return;
    }
    if (!was || restart || old_tick != u->tick)
        u->base_cycle = now;
    schedule(u);
}

static void period_match(void *ctx, uint64_t when)
{
    struct tunit *u = ctx;
    sync(u, when);
    intc_raise(u->ts->soc->intc, IRQ_TIMER(u->wide ? u->n + 1 : u->n));
    schedule(u);
}

static uint32_t t_read(void *ctx, unsigned idx, bool peek)
{
    struct tunit *u = ctx;
    sync(owner(u->ts, u->n), ev_now(&u->ts->soc->evq));
    return u->val[idx];
}

static void t_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct tunit *u = ctx;
    struct timers *ts = u->ts;
    uint64_t now = ev_now(&ts->soc->evq);
    unsigned lo = u->n >= 2 ? (u->n & ~1u) : 1, hi = u->n >= 2 ? lo + 1 : 1;
    if (hi > 9)
        hi = 9;
    /* Bring the timers this write can affect up to now with the old
     * configuration, then apply it. */
    for (unsigned k = lo; k <= hi; k++)
        sync(&ts->t[k], now);
    if (idx == T_TMR)
        u->val[T_TMR] = req & 0xFFFF;
    for (unsigned k = lo; k <= hi; k++)
        configure(&ts->t[k], now, idx == T_TMR || (idx == T_CON && !(old & TCON_ON)));
}

static void t_reset(void *ctx)
{
    struct tunit *u = ctx;
    u->counting = false;
    u->wide = false;
}

static void t_clock_changed(void *ctx)
{
    struct tunit *u = ctx;
    uint64_t now = ev_now(&u->ts->soc->evq);
    sync(u, now);
    configure(u, now, false);
}

bool timers_init(struct soc *s)
{
    struct timers *ts = calloc(1, sizeof *ts);
    if (!ts)
        return false;
    ts->soc = s;
    s->timers = ts;
    static const char *const names[10] = {"", "timer1", "timer2", "timer3", "timer4",
                                          "timer5", "timer6", "timer7", "timer8", "timer9"};
    for (unsigned n = 1; n <= 9; n++) {
        struct tunit *u = &ts->t[n];
        u->ts = ts;
        u->n = n;
        u->blk = (struct sfr_block){
            .name = names[n], .base = TIMER_BASE + 0x200 * (n - 1), .size = 0x200,
            .regs = n == 1 ? t1_regs : (n & 1) ? todd_regs : teven_regs, .nregs = T_NREGS,
            .val = u->val, .ctx = u, .read = t_read, .write = t_write, .reset = t_reset,
            .clock_changed = t_clock_changed,
        };
        ev_init(&u->ev, names[n], period_match, u);
        if (!sfr_register(s->sfr, &u->blk))
            return false;
    }
    return true;
}

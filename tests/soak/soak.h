/*
 * Soak guests (tests/soak/run): firmwares that run for minutes to hours of
 * simulated time across many core-timer Count wraps (100 MHz: one every
 * 42.9 s; a signed 32-bit difference turns at 21.5 s) and check their
 * time at every step. Idle time is WAIT, so a long run costs little host
 * time. Each is a plain bare-board firmware (guests/rt); as a tinyVP
 * partition its 10 ms heartbeat is phased to fall while its window is
 * closed, so it is taken at the start of every one of its windows: the
 * latency it measures is then the window's start, and it must stay the
 * same from the tenth heartbeat to the last (no drift, never re-anchored).
 *
 * Every failed check prints one line
 *   soak FAIL <guest> at <seconds> s: <check> (<values>)
 * with the guest's time (its Count extended to 64 bits: simulated time
 * since the guest started).
 */
#ifndef TESTS_SOAK_SOAK_H
#define TESTS_SOAK_SOAK_H

#include "rt.h"

#define HB_TICKS   (10u * RT_CT_PER_MS)  /* the heartbeat: 10 ms */
#define HB_PHASE   (5u * RT_CT_PER_MS)   /* heartbeats 5 ms past the window they were set in */
/* Heartbeat latency spread allowed, ticks: window starts are cycle-exact
 * (tests/system: within 400 cycles); the injection adds a constant. */
#define LAT_TOL    1000u
#define CHAR_TICKS 8680u                 /* 8N1 at 115200: 10 x 868 ticks */

static unsigned fails;
static uint32_t t_last, t_high;

/* The guest's 64-bit time: exact while read at least once per Count wrap
 * (every heartbeat reads it); interrupts off around it (handlers use it). */
static __attribute__((unused)) uint64_t now64(void)
{
    uint32_t s = rt_irq_off();
    uint32_t c = rt_ticks();
    if (c < t_last)
        t_high++;
    t_last = c;
    uint64_t t = (uint64_t)t_high << 32 | c;
    rt_irq_restore(s);
    return t;
}

static __attribute__((unused)) unsigned secs(uint64_t t)
{
    return (unsigned)(t / RT_CT_HZ);
}

static void fail(const char *who, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static __attribute__((unused)) void fail(const char *who, const char *fmt, ...)
{
    uint64_t t = now64();
    va_list ap;
    if (++fails > 20)
        return;
    rt_printf("soak FAIL %s at %u.%06u s: ", who, secs(t), (unsigned)(t % RT_CT_HZ / RT_CT_PER_US));
    va_start(ap, fmt);
    rt_vprintf(fmt, ap);
    va_end(ap);
    rt_printf("\n");
}

/* A heartbeat's latency, checked: lat = when it was taken - when it was
 * due. The first HB_SETTLE ones (the firmware still starting: printing,
 * interrupts off now and then) need only be less than a period off; the
 * next is the reference, and every later one must be within LAT_TOL of it
 * (a window that drifted, a heartbeat taken early or a whole period late,
 * all show). */
#define HB_SETTLE 10u
struct hb {
    const char *who;
    uint32_t n;           /* heartbeats so far */
    uint32_t lat0;        /* the reference latency */
    int32_t lo, hi;       /* the later ones', less lat0: least and most */
};

static __attribute__((unused)) void hb_check(struct hb *h, uint32_t lat)
{
    now64();
    if (h->n++ < HB_SETTLE) {
        if ((int32_t)lat >= (int32_t)HB_TICKS || (int32_t)lat <= -(int32_t)HB_TICKS)
            fail(h->who, "heartbeat %u taken %d ticks late", (unsigned)h->n, (int)lat);
        h->lat0 = lat;
        return;
    }
    int32_t d = (int32_t)(lat - h->lat0);
    if (d < h->lo)
        h->lo = d;
    if (d > h->hi)
        h->hi = d;
    if (d > (int32_t)LAT_TOL || d < -(int32_t)LAT_TOL)
        fail(h->who, "heartbeat %u taken %d ticks off the reference latency (%u)", (unsigned)h->n, (int)d,
             (unsigned)h->lat0);
}

/* The core timer as the heartbeat: Compare advanced by exactly HB_TICKS. */
static struct hb ct_hb;
static uint32_t ct_due;

static __attribute__((unused)) void ct_tick(unsigned vec)
{
    uint32_t now = rt_ticks();
    hb_check(&ct_hb, now - ct_due);
    ct_due += HB_TICKS;
    write_c0_compare(ct_due);
    rt_irq_clear(vec);
}

static __attribute__((unused)) void ct_heartbeat(const char *who)
{
    ct_hb.who = who;
    ct_due = rt_ticks() + HB_TICKS + HB_PHASE;
    write_c0_compare(ct_due);
    rt_irq_attach(VEC_CORE_TIMER, ct_tick, 2);
}

/* Timer n (2..9) as the heartbeat: its period matches come every HB_TICKS
 * PBCLK3 cycles, the Count's rate; due = the first one's Count + k
 * periods. */
static struct hb tm_hb;
static unsigned tm_n;
static uint32_t tm_first;

static __attribute__((unused)) void tm_tick(unsigned vec)
{
    uint32_t now = rt_ticks();
    if (tm_hb.n == 0)
        tm_first = now;
    hb_check(&tm_hb, now - (tm_first + tm_hb.n * HB_TICKS));
    rt_irq_clear(vec);
}

static __attribute__((unused)) void tm_heartbeat(const char *who, unsigned n)
{
    tm_hb.who = who;
    tm_n = n;
    rt_irq_attach(rt_timer_vector(n), tm_tick, 2);
    unsigned ps = rt_timer_start(n, HB_TICKS);
    if (ps == 0)
        fail(who, "timer %u cannot count 10 ms", n);
    else /* half a period on: its matches 5 ms after the window they were set in */
        SFR(TMR(n)) = HB_PHASE / ps;
}

/* The heartbeats so far, read with interrupts off. */
static __attribute__((unused)) uint32_t hb_count(const struct hb *h)
{
    uint32_t s = rt_irq_off();
    uint32_t n = h->n;
    rt_irq_restore(s);
    return n;
}

#endif

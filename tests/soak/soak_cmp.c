/*
 * soak_cmp: timer 2's 10 ms heartbeat (soak.h), and the core timer's
 * Compare, in turn: set far ahead (0xE0000000 ticks, 37.6 s: beyond a
 * signed 32-bit difference), left as it is after that match (Count equals
 * it again 42.9 s later, but the interrupt is the rising edge of Cause.TI,
 * which stays set until Compare is written: none may come in 44 s), and
 * set close behind (100,000 ticks behind Count: a Count period away). A
 * match must come when Count reaches Compare (at most one major frame
 * late: the window may be closed) and after the right number of
 * heartbeats (not at once, not a wrap late); a line says how it went.
 */
#include "soak.h"

#define FAR    0xE0000000u
#define BEHIND 100000u

enum { K_FAR, K_AGAIN, K_BEHIND };
#define AGAIN_HB 4400u /* 44 s: past the next match of a Compare left as it was */
static volatile uint32_t cmp_at, cmp_set, hb_set, late, beats;
static volatile unsigned kind;
static volatile bool done;

/* The next match, from now: Compare set far ahead, close behind, or left. */
static void arm(unsigned k)
{
    uint32_t s = rt_irq_off();
    kind = k;
    cmp_set = rt_ticks();
    hb_set = tm_hb.n;
    if (k != K_AGAIN) {
        cmp_at = k == K_FAR ? cmp_set + FAR : cmp_set - BEHIND;
        write_c0_compare(cmp_at);
    }
    rt_irq_restore(s);
}

static void ct_match(unsigned vec)
{
    late = rt_ticks() - cmp_at;
    beats = tm_hb.n - hb_set;
    now64();
    done = true;
    rt_irq_clear(vec);
}

int main(void)
{
    board_init();
    rt_printf("soak cmp: start\n");
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    tm_heartbeat("cmp", 2);
    rt_irq_attach(VEC_CORE_TIMER, ct_match, 1); /* below the heartbeat: never delays it */
    rt_irq_on();
    arm(K_FAR);
    for (;;) {
        rt_wait();
        if (kind == K_AGAIN) {
            /* the core timer's source is the rising edge of Cause.TI, which
             * stays set until Compare is written: no second interrupt */
            if (done) {
                done = false;
                fail("cmp", "Compare left as it was: an interrupt %u heartbeats after the match",
                     (unsigned)beats);
            }
            if (hb_count(&tm_hb) - hb_set < AGAIN_HB)
                continue;
            rt_printf("cmp: %u s, Compare left as it was: no interrupt in the %u s after its match\n",
                      secs(now64()), AGAIN_HB / 100u);
            arm(K_BEHIND);
            continue;
        }
        if (!done)
            continue;
        done = false;
        uint32_t d = cmp_at - cmp_set;
        uint64_t want = d ? d : 0x100000000ull;
        uint64_t got = (uint64_t)beats * HB_TICKS;
        const char *what = kind == K_FAR ? "far ahead" : "close behind";
        if (late >= HB_TICKS)
            fail("cmp", "Compare %s: taken %u ticks after Count reached it", what, (unsigned)late);
        if (got + 2 * HB_TICKS < want || got > want + 2 * HB_TICKS)
            fail("cmp", "Compare %s: taken after %u heartbeats, not %u", what, (unsigned)beats,
                 (unsigned)(want / HB_TICKS));
        rt_printf("cmp: %u s, Compare %s (%llu ticks on) taken %u ticks after the match, %u heartbeats later; "
                  "heartbeats %d..%+d ticks off the reference latency\n",
                  secs(now64()), what, (unsigned long long)want, (unsigned)late, (unsigned)beats,
                  (int)tm_hb.lo, (int)tm_hb.hi);
        arm(kind == K_FAR ? K_AGAIN : K_FAR);
    }
}

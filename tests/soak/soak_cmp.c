/*
 * soak_cmp: timer 2's 10 ms heartbeat (soak.h), and the core timer's
 * Compare set far ahead (0xE0000000 ticks, 37.6 s: beyond a signed 32-bit
 * difference) and close behind (100,000 ticks behind Count: the next
 * match is a Count period, 42.9 s, away), in turn. Each must come when
 * Count reaches Compare (at most one major frame late: the window may be
 * closed) and after the right number of heartbeats (not at once, not a
 * wrap late); a line says how it went.
 */
#include "soak.h"

#define FAR    0xE0000000u
#define BEHIND 100000u

static volatile uint32_t cmp_at, cmp_set, hb_set, fired, late, beats;
static volatile bool far, done;

static void arm(bool is_far)
{
    uint32_t s = rt_irq_off();
    far = is_far;
    cmp_set = rt_ticks();
    hb_set = tm_hb.n;
    cmp_at = is_far ? cmp_set + FAR : cmp_set - BEHIND;
    write_c0_compare(cmp_at);
    rt_irq_restore(s);
}

static void ct_match(unsigned vec)
{
    late = rt_ticks() - cmp_at;
    beats = tm_hb.n - hb_set;
    now64();
    fired++;
    done = true;
    write_c0_compare(rt_ticks() - 1); /* quiet until the next arm */
    rt_irq_clear(vec);
}

int main(void)
{
    board_init();
    rt_printf("soak cmp: start\n");
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    tm_heartbeat("cmp", 2);
    write_c0_compare(rt_ticks() - 1);
    rt_irq_attach(VEC_CORE_TIMER, ct_match, 1); /* below the heartbeat: never delays it */
    rt_irq_on();
    arm(true);
    for (;;) {
        rt_wait();
        if (!done)
            continue;
        done = false;
        uint64_t want = far ? FAR : 0x100000000ull - BEHIND;
        uint64_t got = (uint64_t)beats * HB_TICKS;
        if (late >= HB_TICKS)
            fail("cmp", "Compare %s: taken %u ticks after Count reached it", far ? "far ahead" : "close behind",
                 (unsigned)late);
        if (got + 2 * HB_TICKS < want || got > want + 2 * HB_TICKS)
            fail("cmp", "Compare %s: taken after %u heartbeats, not %u", far ? "far ahead" : "close behind",
                 (unsigned)beats, (unsigned)(want / HB_TICKS));
        rt_printf("cmp: %u s, Compare %s (%u ticks) taken %u ticks after the match, %u heartbeats later; "
                  "heartbeats %d..%+d ticks off the first's latency\n",
                  secs(now64()), far ? "far ahead" : "close behind", (unsigned)(far ? FAR : -BEHIND),
                  (unsigned)late, (unsigned)beats, (int)tm_hb.lo, (int)tm_hb.hi);
        arm(!far);
    }
}

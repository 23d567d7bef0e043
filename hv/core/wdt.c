/*
 * A guest's own watchdog, as the PIC32MZ's WDT behaves for a bare
 * firmware (DS60001320 sec. 26 "Watchdog timer"): on from its image's
 * DEVCFG1.FWDTEN or by WDTCON.ON, a period of 2^WDTPS ms, cleared by the
 * key 0x5743 in WDTCON's upper halfword (the board decodes the register,
 * vsys.c, and calls hv_wdt_*). The hypervisor times it in the guest's own
 * windows only: a partition is not blamed for time it was not given. It
 * counts down while the guest's window is open (an EV_WDT event at the
 * Count its budget runs out) and keeps what is left while it is closed.
 * On expiry the health monitor applies the guest's action for the kind
 * "watchdog" (health.c): restart and reflect restart it with RCON.WDTO
 * (the chip's watchdog reset, for that guest only), stop stops it, log
 * counts and logs it and gives it a new full period.
 */
#include "hv.h"

/* A period is up to 2^20 ms (1,048 s, more than 2^32 ticks): kept in 64
 * bits and armed in steps of at most 2^30 ticks (the event queue takes
 * deadlines less than 2^31 ticks ahead). */
#define WDT_STEP (1u << 30)
struct vwdt {
    uint8_t on, armed;
    uint64_t period; /* ticks of the guest's window time */
    uint64_t left;   /* while not armed; while armed, what is left after due */
    uint32_t due;    /* Count the armed step runs out (armed) */
};
static struct vwdt vwdt[CONFIG_NR_GUESTS];
uint8_t wdt_on_bits; /* bit idx_of(v): w->on (the swap calls wdt_window only then) */

static void wdt_set_on(struct vcpu *v, bool on)
{
    vwdt[idx_of(v)].on = on;
    wdt_on_bits = (uint8_t)((wdt_on_bits & ~(1u << idx_of(v))) | (unsigned)on << idx_of(v));
}

static void wdt_arm(struct vcpu *v, uint32_t now)
{
    struct vwdt *w = &vwdt[idx_of(v)];
    uint32_t step = w->left > WDT_STEP ? WDT_STEP : (uint32_t)w->left;
    w->armed = 1;
    w->left -= step;
    w->due = now + step;
    ev_set(EV_WDT(idx_of(v)), w->due);
}

static void wdt_disarm(struct vcpu *v, uint32_t now)
{
    struct vwdt *w = &vwdt[idx_of(v)];
    if (!w->armed)
        return;
    int32_t left = (int32_t)(w->due - now); /* a step: less than 2^31 */
    w->left += left > 0 ? (uint32_t)left : 0;
    if (!w->left)
        w->left = 1; /* due at once in its next window */
    w->armed = 0;
    ev_cancel(EV_WDT(idx_of(v)));
}

/* A full period from now (counted while its window is open). */
static void wdt_restart(struct vcpu *v)
{
    struct vwdt *w = &vwdt[idx_of(v)];
    uint32_t now = read_c0_count();
    wdt_disarm(v, now);
    w->left = w->period;
    if (w->on && sched_window_open(v))
        wdt_arm(v, now);
}

/* board.h: the guest's watchdog on or off, with its period in ticks;
 * turning it on starts a full period. */
void hv_wdt_control(guest_id_t g, bool on, uint64_t period)
{
    struct vcpu *v = vcpu_of(g);
    struct vwdt *w = &vwdt[idx_of(v)];
    if (w->on && on && w->period == period)
        return;
    wdt_set_on(v, on);
    w->period = period ? period : 1;
    wdt_restart(v);
}

/* Ticks of its window time since the last clear (or since it was turned on). */
static uint64_t wdt_elapsed(const struct vwdt *w, uint32_t now)
{
    uint64_t left = w->left;
    if (w->armed) {
        int32_t d = (int32_t)(w->due - now); /* a step: less than 2^31 */
        left += d > 0 ? (uint32_t)d : 0;
    }
    return left < w->period ? w->period - left : 0;
}

/* board.h: the guest cleared its watchdog: a full period again. In window
 * mode (the first closed_8ths eighths of the period closed) a clear
 * before the window opens is a watchdog reset, as on the chip
 * (DS60001320 sec. 26, "Windowed operation"): done at the end of this
 * exit, the access complete (sched.c, wdt_early_clear). */
void hv_wdt_clear(guest_id_t g, unsigned closed_8ths)
{
    struct vcpu *v = vcpu_of(g);
    struct vwdt *w = &vwdt[idx_of(v)];
    if (!w->on)
        return;
    if (closed_8ths && wdt_elapsed(w, read_c0_count()) < (w->period >> 3) * closed_8ths) {
        v->reset_req = RESET_REQ_WDT;
        board_virq_dirty |= (uint8_t)(1u << v->id);
        return;
    }
    wdt_restart(v);
}

/* sched.c: v's window opens (at Count now) or closes. */
void wdt_window(struct vcpu *v, bool open, uint32_t now)
{
    struct vwdt *w = &vwdt[idx_of(v)];
    if (!w->on)
        return;
    if (open && !w->armed)
        wdt_arm(v, now);
    else if (!open)
        wdt_disarm(v, now);
}

/* Its watchdog reset (`why`: what the log says): the health monitor's
 * `watchdog` action (health_watchdog: a restart with RCON.WDTO, the
 * chip's watchdog reset for that guest only, unless its map says
 * otherwise). */
static void wdt_reset(struct vcpu *v, const char *why)
{
    struct vwdt *w = &vwdt[idx_of(v)];
    wdt_set_on(v, false); /* restarted: on again from its DEVCFG1; stopped: off */
    if (health_watchdog(v, why)) { /* log: it goes on, with a full period */
        wdt_set_on(v, true);
        w->left = w->period;
        if (sched_window_open(v))
            wdt_arm(v, read_c0_count());
    }
}

/* EV_WDT: v's watchdog ran out inside its windows. */
void wdt_expired(struct vcpu *v)
{
    struct vwdt *w = &vwdt[idx_of(v)];
    w->armed = 0;
    if (!w->on || v->state == VCPU_STOPPED)
        return;
    if (w->left) { /* a long period: its next step */
        wdt_arm(v, w->due);
        return;
    }
    wdt_reset(v, "watchdog timeout");
}

/* sched.c, at the end of the exit of a clear in the closed window */
void wdt_early_clear(struct vcpu *v)
{
    wdt_reset(v, "watchdog cleared in its closed window");
}

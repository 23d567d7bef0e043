/*
 * The cyclic schedule (ARINC-653 style): vpconf's major frame split into
 * windows, each owned by one guest; gaps are idle time. The boundaries are
 * one event (EV_WINDOW) of the timer queue: a window ends when its time is
 * up, whatever its guest does with its own Status (the root timer
 * interrupt is judged on root Status, which a guest cannot touch).
 *
 * Inside its window the owner runs unless it waits (WAIT with nothing
 * pending: the CPU idles until one of its interrupts or the window's end),
 * yielded (the rest of its window), or was stopped. No other guest uses a
 * window's idle time: a partition's timing does not depend on another's.
 *
 * Boundaries are computed from the frame's start and the table, never
 * from when the handler ran, so the schedule does not drift.
 */
#include "hv.h"

/* the window switch's path: -O2 for these few (it must fit the lead) */
#define HOT_O2 __attribute__((optimize("O2")))

static uint32_t frame_start;   /* Count at the current major frame's start */
static unsigned win;           /* the current (or next) window */
static bool win_active;        /* inside window `win` */
static struct vcpu *win_owner; /* its guest while active */
static uint64_t frames;        /* major frames completed (64 bits: a 1 ms frame would wrap
                                * 32 bits in 50 days) */
static uint32_t boundary;      /* Count of the next boundary */
static uint32_t start_at;      /* a window starts then: its guest is entered at that Count */
static uint32_t win_event;     /* Count of the open window's switch event (its end, less the lead) */
static bool start_pending;
static bool release_pending; /* EV_WINDOW is the held interrupts' release (below) */

/* A boundary's event fires SCHED_LEAD ticks early: the switch (context
 * save/load) is done while the outgoing window ends, then the new guest
 * is entered at its start (a bounded wait), or at once when the switch
 * took longer. The lead need not cover any exit: none that could overrun
 * the event is begun (sched_defer) and no interrupt handler runs just
 * before it (sched_hold_irq), so the event finds a guest, the idle loop,
 * or the tail of a short path (~30 cycles; docs/hypervisor.md "Bounded
 * exits"). So it is the worst switch plus that tail: the switch with the
 * guest context, the virtual controller, the software-interrupt and
 * watchdog hand-over measures ~800 cycles (make bench,
 * ctx_switch_work_cycles), +30: 840 cycles would do for the windows
 * (tests/hostile, tests/bounded, tests/system pass with 420 ticks), but
 * tests/soak's talk partition then misses heartbeats after 30 s (not
 * yet understood), so it stays 5 us (1,000 cycles),
 * so windows start on time (the bounded wait), also beside a fault storm
 * or hypercalls timed to the boundary (tests/hostile, tests/bounded).
 * The 2 us goal needs a cheaper switch. The price is up to 5 us at the
 * end of a window that another one follows at once (one followed by
 * idle time ends exactly). */
#define SCHED_LEAD 500u
/* From the end of the wait to the guest's first instruction (the rest of
 * sched_resume, the interrupt check, trap_entry's tail, the ERET): 37
 * cycles measured; the wait ends that much before the start, so the
 * window's first instruction runs at it. */
#define SCHED_TAIL 18u

HOT_O2 static void boundary_at(uint32_t when, bool lead)
{
    boundary = when;
    win_event = lead ? when - SCHED_LEAD : when;
    ev_set(EV_WINDOW, win_event);
}

HOT_O2 static void window_start(uint32_t when)
{
    const struct tvp_window *w = &tvp_windows[win];
    win_active = true;
    win_owner = vcpu_of(w->guest);
    win_owner->yielded = 0;
    wdt_window(win_owner, true, when);
    start_at = when;
    start_pending = true;
    unsigned nx = win + 1 == CONFIG_NR_WINDOWS ? 0 : win + 1;
    uint32_t end = when + w->duration_ticks;
    uint32_t next = frame_start + (nx ? 0 : CONFIG_MAJOR_FRAME_TICKS) + tvp_windows[nx].start_ticks;
    boundary_at(end, next == end);
}

void sched_init(void)
{
    /* the first frame starts a little after now: the first window's
     * boundary is then an ordinary timer event */
    frame_start = read_c0_count() + CONFIG_COUNT_HZ / 25000u; /* 40 us: after this line */
    win = 0;
    win_active = false;
    win_owner = 0;
    boundary_at(frame_start + tvp_windows[0].start_ticks, true);
    hv_printf("tinyVP: schedule: major frame %u us, %u windows, frame 0 at Count %08x\n",
              (unsigned)CONFIG_MAJOR_FRAME_US, (unsigned)CONFIG_NR_WINDOWS, frame_start);
}

/* EV_WINDOW: the boundary (its configured Count, not the handler's). */
HOT_O2 void sched_boundary(uint32_t ev_when)
{
    uint32_t when = boundary;
    (void)ev_when;
    (void)hv_time(); /* reads Count at least once a frame: its 64-bit count stays exact */
    write_c0_status(read_c0_status() & ~(ST0_IPL | ST0_IPL7)); /* sched_hold_irq */
    if (release_pending) { /* the window started: what was held is taken now */
        release_pending = false;
        ev_set(EV_WINDOW, win_event);
        return;
    }
    if (!win_active) {
        window_start(when);
        return;
    }
    win_active = false;
    wdt_window(win_owner, false, when);
    win_owner = 0;
    if (++win == CONFIG_NR_WINDOWS) {
        win = 0;
        frame_start += CONFIG_MAJOR_FRAME_TICKS;
        frames++;
    }
    uint32_t start = frame_start + tvp_windows[win].start_ticks;
    if (start == when)
        window_start(when); /* back to back: one boundary */
    else
        boundary_at(start, true);
}

bool sched_window_open(const struct vcpu *v)
{
    return win_active && win_owner == v;
}

void sched_yield(void)
{
    if (cur)
        cur->yielded = 1;
}

/* An exit is begun only when it ends before its window's switch event:
 * with `cost` ticks (its bound, docs/hypervisor.md "Bounded exits") or
 * fewer left, it is not handled now. The guest keeps the exiting
 * instruction as its PC (nothing of it happened: a guest exit traps
 * before the instruction completes) and gives up the rest of its window,
 * which is at most `cost` ticks: at its next window it executes the
 * instruction again and the exit is handled then. So the switch event
 * finds the hypervisor idle, or in an exit that ends before it, and the
 * lead covers only the switch and what cannot wait (interrupts). */
bool sched_defer(uint32_t cost)
{
    if (!win_active || !cur || cur != win_owner ||
        (int32_t)(win_event - read_c0_count()) >= (int32_t)cost)
        return false;
    cur->yielded = 1;
    return true;
}

/* An interrupt that comes when the next switch event is fewer than `cost`
 * ticks away waits until after it: root Status.IPL goes to 6, so only the
 * core timer (level 7: the switch) is taken, and the switch puts IPL back
 * to 0 (sched_boundary); the held interrupt is then taken at once. So the
 * switch never waits for an interrupt's handler. */
bool sched_hold_irq(uint32_t cost)
{
    if ((int32_t)(win_event - read_c0_count()) >= (int32_t)cost)
        return false;
    write_c0_status((read_c0_status() & ~(ST0_IPL | ST0_IPL7)) | 6u << ST0_IPL_SHIFT);
    return true;
}

static struct vcpu *sched_pick(void)
{
    struct vcpu *v = win_owner;
    return v && v->state == VCPU_RUNNABLE && !v->yielded ? v : 0;
}

/* The guest's highest pending virtual interrupt, offered through
 * GuestCtl2 (EIC form: level and vector offset); the hardware takes it
 * when the guest's IE/EXL/IPL allow and clears GRIPL. Re-offered after
 * every exit while the guest's flag stays set, as the real controller
 * keeps requesting it; GRIPL found cleared means the guest took it (its
 * INTSTAT then names it). */
uint32_t virq_offered; /* what the last update wrote (entry.S's fast paths read it) */

/* `now`: GuestCtl2 at this exit. Called only when something may have
 * changed (sched_resume checks the common case inline: GuestCtl2 still
 * what was offered and the controller unchanged, ~6 cycles) or with
 * force (another guest's GuestCtl2 is being loaded). */
static void virq_update(struct vcpu *v, uint32_t now, bool force)
{
    unsigned level;
    uint32_t voff, gc2 = 0;
    if (v->reset_req == RESET_REQ_WDT) { /* hv_wdt_clear in the closed window */
        v->reset_req = 0;
        wdt_early_clear(v);
    } else if (v->reset_req) { /* hv_guest_sw_reset: the exit is done, it restarts */
        v->reset_req = 0;
        vcpu_reset(v);
        v->restarts++;
        hv_printf("tinyVP: guest %s: software reset\n", v->cfg->name);
    }
    if (virq_offered && !(now & GUESTCTL2_GRIPL) && !force)
        board_virq_taken(v->id);
    if (board_virq_pending(v->id, &level, &voff))
        gc2 = level << GUESTCTL2_GRIPL_SHIFT | (voff & GUESTCTL2_GVEC);
    if (gc2 != now)
        write_c0_guestctl2(gc2);
    virq_offered = gc2;
    if (force) /* being switched in: how it runs (below) */
        virq_soft_mode(v, false);
}

/* board.h: the running guest's software reset (RSWRST read): done by
 * virq_update, which the dirty bit makes run at the end of this exit (or
 * when the guest is next switched in), after the access is complete. */
void hv_guest_sw_reset(guest_id_t g)
{
    if (cur && cur->id == g) {
        cur->reset_req = RESET_REQ_SW;
        board_virq_dirty |= (uint8_t)(1u << g);
    }
}

/* board.h: the running guest's CS0/CS1 enables changed */
void hv_virq_soft_changed(guest_id_t g)
{
    if (cur && cur->id == g) {
        virq_soft_check(cur); /* an IP0/IP1 it set before enabling them */
        virq_soft_mode(cur, true);
    }
}

/* A guest with a core software interrupt enabled (IEC0 CS0IE/CS1IE) is
 * watched so that its Cause.IP1:0 writes are seen when the chip's
 * controller would see them (guest Cause writes do not trap): it runs
 * with GuestCtl0.MC (its exception entries and ERETs exit, GHFC; the
 * ERET's samples IP1:0, entry.S or gpsi.c: a yield its handler asked
 * for is taken right after its ERET) and, while at task level (guest
 * EXL = ERL = 0), with
 * GuestCtl0.CP0 = 0 (its CP0 instructions trap and are emulated,
 * gpsi.c: a task's MTC0 Cause raises the interrupt at once). Others run
 * with CP0 = 1, MC = 0. v is the loaded guest; `running`: it is being
 * resumed (write GuestCtl0 now; a switch writes it on the way in). */
void virq_soft_mode(struct vcpu *v, bool running)
{
    uint32_t g0 = v->gctl0 | GUESTCTL0_CP0;
    if ((board_virq_soft_on >> v->id) & 1) {
        g0 |= GUESTCTL0_MC;
        if (!(read_gc0_status() & (ST0_EXL | ST0_ERL)))
            g0 &= ~GUESTCTL0_CP0;
    } else {
        g0 &= ~GUESTCTL0_MC;
    }
    v->gctl0 = g0;
    if (running) /* always: entry.S's GHFC fast path flips CP0 without C */
        write_c0_guestctl0(g0 | GUESTCTL0_GM);
}

/* board.h: the running guest took what virq_update offered since this
 * exit began (GRIPL cleared by the hardware): recorded now, not only on
 * the way out. */
void hv_virq_sync(guest_id_t g)
{
    if (cur && cur->id == g && virq_offered && !(read_c0_guestctl2() & GUESTCTL2_GRIPL))
        board_virq_taken(g);
}

/* For the shell: the current window (or, between windows, the next one),
 * whether it is open, and the major frames completed. */
unsigned sched_window(bool *open, uint64_t *nframes)
{
    *open = win_active;
    *nframes = frames;
    return win;
}

/* A root interrupt that came during the switch or its wait (the console's
 * transmit interrupt, most often) would be taken before the window's
 * first instruction and make it late by its handler: it stays held (IPL
 * 6) until a few ticks after the start, when EV_WINDOW comes back once to
 * release it (sched_boundary), so the window starts on time and pays for
 * the handler inside. Compare must be ahead of Count when ev_set writes
 * it (else no interrupt comes) and the guest's first instruction must
 * come before it: at least SCHED_RELEASE_MIN ticks ahead, more than this
 * function and the way into the guest take (~110 cycles), when the
 * switch overran its lead. */
#define SCHED_RELEASE_MIN 128u
/* the release a few ticks after the start: the window's first
 * instructions run before it, whatever the tail's few cycles of spread */
#define SCHED_RELEASE_AFTER 128u
static void hold_for_start(void)
{
    if (!(read_c0_cause() & CAUSEF_RIPL))
        return;
    write_c0_status((read_c0_status() & ~(ST0_IPL | ST0_IPL7)) | 6u << ST0_IPL_SHIFT);
    release_pending = true;
    uint32_t rel = start_at + SCHED_RELEASE_AFTER, soon = read_c0_count() + SCHED_RELEASE_MIN;
    ev_set(EV_WINDOW, (int32_t)(rel - soon) > 0 ? rel : soon);
}

/* Root CP0 for the ERET: back into the same guest costs an EPC write and
 * the interrupt check (GM, PSS and GuestCtl1 are as the exit left them).
 * Deadlines that passed while the hypervisor worked are handled first, so
 * a boundary is never late by more than the exit that hid it. */
void sched_resume(void)
{
    time_poll();
    struct vcpu *n = sched_pick();
    if (n && n == cur) {
        /* the common exit: same guest, and GuestCtl2 still what was
         * offered (not taken) with its controller unchanged: nothing to
         * re-offer, EPC and return (~25 cycles saved per exit) */
        uint32_t gc2 = read_c0_guestctl2();
        if (gc2 != virq_offered || board_virq_changed(n->id))
            virq_update(n, gc2, false);
        write_c0_epc(n->pc);
        return;
    }
    cur = n;
    if (!n) { /* nothing to run: root idles until an interrupt */
        write_c0_guestctl0(read_c0_guestctl0() & ~GUESTCTL0_GM);
        write_c0_guestctl1(0);
        write_c0_srsctl(read_c0_srsctl() & ~SRSCTL_PSS);
        write_c0_epc((uint32_t)hv_idle_loop);
        return;
    }
    vcpu_load(n);
    virq_soft_check(n); /* set before it was switched out */
    write_c0_guestctl1(n->id << GUESTCTL1_RID_SHIFT | n->id);
    write_c0_srsctl((read_c0_srsctl() & ~SRSCTL_PSS) | n->id << SRSCTL_PSS_SHIFT);
    virq_update(n, read_c0_guestctl2(), true);
    write_c0_epc(n->pc);
    write_c0_guestctl0(n->gctl0 | GUESTCTL0_GM);
    if (start_pending) { /* the window's first instruction at its start */
        start_pending = false;
        hold_for_start(); /* (the wait absorbs its cost) */
        arch_wait_until(start_at - SCHED_TAIL, SCHED_LEAD);
        if (!release_pending)
            hold_for_start(); /* one that came during the wait */
    }
}

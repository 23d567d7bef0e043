/*
 * The cyclic schedule (ARINC-653 style): vpconf's major frame split into
 * windows, each owned by one guest; gaps are idle time. The boundaries
 * are the scheduler's own event (sched_state.event), kept beside the
 * timer queue (time.c: Compare is the earlier of the two): a window ends
 * when its time is up, whatever its guest does with its own Status (the
 * root timer interrupt is judged on root Status, which a guest cannot
 * touch).
 *
 * Inside its window the owner runs unless it waits (WAIT with nothing
 * pending: the CPU idles until one of its interrupts or the window's end),
 * yielded (the rest of its window), or was stopped. No other guest uses a
 * window's idle time: a partition's timing does not depend on another's.
 *
 * Boundaries are computed from the frame's start and the table, never
 * from when the handler ran, so the schedule does not drift.
 *
 * A window's start is a swap (hv/arch/mips/swap.S): vpconf's plan
 * (TVP_WINDOW_PLAN: per window its guest, its end, the next window and
 * its start) gives every Count, so the switch computes nothing; the C
 * here does what the swap declines (a guest that cannot run, a queued
 * event due at the same time) and the ends followed by idle time.
 */
#include "hv.h"
#include "swap.h"

/* the window switch's path: -O2 for these few (it must fit the lead) */
#define HOT_O2 __attribute__((optimize("O2")))

/* vpconf's plan, per window (swap.h has the offsets) */
struct sched_win {
    struct vcpu *v;               /* its guest */
    const struct sched_win *next; /* the window after it */
    uint32_t end;                 /* its end, ticks from its frame's start */
    uint32_t next_start;          /* the next window's start, from the same frame start */
    uint32_t frame_adv;           /* the major frame if the next window is the next frame's */
    uint32_t index;
    uint32_t gctl1, srsctl;       /* GuestCtl1 (ID, RID) and SRSCtl (PSS; ESS 0) for its guest */
};
/* guest index gi has GuestID gi + 1 (vpconf numbers them in table order) */
#define SCHED_WIN(w, gi, end, nx, nstart, adv)                                        \
    {&vcpus[gi], &sched_wins[nx], end, nstart, adv, w,                                \
     ((gi) + 1u) << GUESTCTL1_RID_SHIFT | ((gi) + 1u), ((gi) + 1u) << SRSCTL_PSS_SHIFT},
static const struct sched_win sched_wins[CONFIG_NR_WINDOWS] = {TVP_WINDOW_PLAN(SCHED_WIN)};

struct sched_sw sched_state;
#define sw sched_state
static uint32_t held_event;             /* the switch event while a release is pending (below) */
static const struct sched_win *held_plan;
static bool start_pending;
static bool release_pending; /* the scheduler's event is the held interrupts' release (below) */

#define OFFSET_IS(t, f, o) _Static_assert(__builtin_offsetof(t, f) == (o), #t "." #f " is at " #o " (swap.h)")
OFFSET_IS(struct sched_sw, event, SW_EVENT);
OFFSET_IS(struct sched_sw, plan, SW_PLAN);
OFFSET_IS(struct sched_sw, plan_start, SW_PLAN_START);
OFFSET_IS(struct sched_sw, plan_fstart, SW_PLAN_FSTART);
OFFSET_IS(struct sched_sw, plan_finc, SW_PLAN_FINC);
OFFSET_IS(struct sched_sw, win, SW_WIN);
OFFSET_IS(struct sched_sw, active, SW_ACTIVE);
OFFSET_IS(struct sched_sw, owner, SW_OWNER);
OFFSET_IS(struct sched_sw, boundary, SW_BOUNDARY);
OFFSET_IS(struct sched_sw, start_at, SW_START_AT);
OFFSET_IS(struct sched_sw, frame_start, SW_FRAME_START);
OFFSET_IS(struct sched_sw, ack_reg, SW_ACK_REG);
OFFSET_IS(struct sched_sw, ack_bit, SW_ACK_BIT);
OFFSET_IS(struct sched_sw, frames, SW_FRAMES);
OFFSET_IS(struct sched_win, v, WIN_VCPU);
OFFSET_IS(struct sched_win, next, WIN_NEXT);
OFFSET_IS(struct sched_win, end, WIN_END);
OFFSET_IS(struct sched_win, next_start, WIN_NEXT_START);
OFFSET_IS(struct sched_win, frame_adv, WIN_FRAME_ADV);
OFFSET_IS(struct sched_win, index, WIN_INDEX);
OFFSET_IS(struct sched_win, gctl1, WIN_GCTL1);
OFFSET_IS(struct sched_win, srsctl, WIN_SRSCTL);
_Static_assert(sizeof(struct sched_win) == WIN_SIZE, "struct sched_win (swap.h)");
OFFSET_IS(struct vcpu, state, VCPU_STATE);
OFFSET_IS(struct vcpu, id, VCPU_ID);
OFFSET_IS(struct vcpu, yielded, VCPU_YIELDED);
OFFSET_IS(struct vcpu, tlb_user, VCPU_TLB_USER);
OFFSET_IS(struct vcpu, pc, VCPU_PC);
OFFSET_IS(struct vcpu, gctl0, VCPU_GCTL0);
OFFSET_IS(struct vcpu, offer, VCPU_OFFER);
OFFSET_IS(struct vcpu, reset_req, VCPU_RESET_REQ);
OFFSET_IS(struct vcpu, gctl0ext, VCPU_GCTL0EXT);
OFFSET_IS(struct vcpu, gctx, VCPU_GCTX);
OFFSET_IS(struct vcpu, tlb, VCPU_TLB);
OFFSET_IS(struct vcpu, st.switches, VCPU_SWITCHES);
_Static_assert(VCPU_RUNNABLE == 0 && sizeof(((struct vcpu *)0)->state) == 1, "swap.S tests state for 0");

/* A boundary's event fires SCHED_LEAD ticks early (swap.h): the switch
 * (context save/load) is done while the outgoing window ends, then the
 * new guest is entered at its start (a bounded wait), or at once when
 * the switch took longer. The lead need not cover any exit: none that
 * could overrun the event is begun (sched_defer) and no interrupt
 * handler runs just before it (sched_hold_irq), so the event finds a
 * guest, the idle loop, or the tail of a short path (docs/hypervisor.md
 * "Bounded exits"). So it is the worst switch plus that tail
 * (docs/hypervisor.md "Time windows" has the figures). The price is the
 * lead at the end of a window that another one follows at once (one
 * followed by idle time ends exactly). SCHED_TAIL: from the end of the
 * wait to the guest's first instruction; the wait ends that much before
 * the start, so the window's first instruction runs at it. */

/* The wait's end to the guest's first instruction when C switched (the
 * rest of sched_resume, trap_entry's tail, arch_eret: about 32 cycles as
 * built with LTO, 37 without; at 18 ticks LTO's shorter tail started
 * windows 2 cycles early). */
#define SCHED_TAIL_C 16u

/* The scheduler's next event, and the window it starts by the swap. */
HOT_O2 static void sched_event(uint32_t when, const struct sched_win *plan)
{
    sw.event = when;
    sw.plan = plan;
    time_program();
}

/* How early the switch to window p begins: SCHED_LEAD, and SCHED_LEAD_TLB
 * more when a guest TLB is to be switched (the outgoing or incoming guest
 * uses its own, or the TLB holds a user's entries); not at all when p's
 * guest is the open window's (nothing to switch: the swap keeps its
 * context and offer, so the event comes at the boundary itself). */
static uint32_t lead_of(const struct sched_win *p)
{
    if (sw.active && p->v == sw.owner)
        return 0; /* its guest goes on: nothing to switch (the swap's short way) */
    bool tlb = p->v->tlb_user || (tlb_holder && tlb_holder != p->v) || (sw.active && sw.owner->tlb_user);
    return SCHED_LEAD + (tlb ? SCHED_LEAD_TLB : 0u);
}

/* The next boundary at `when`; `lead`: a window starts there (its event
 * lead_of early, planned for the swap: the one after the open window,
 * or the next one when none is open). */
HOT_O2 static void boundary_at(uint32_t when, bool lead)
{
    const struct sched_win *p = 0;
    sw.boundary = when;
    if (lead) {
        const struct sched_win *w = &sched_wins[sw.win];
        if (sw.active) {
            p = w->next;
            sw.plan_fstart = sw.frame_start + w->frame_adv;
            sw.plan_finc = w->frame_adv != 0;
        } else {
            p = w;
            sw.plan_fstart = sw.frame_start;
            sw.plan_finc = 0;
        }
        sw.plan_start = when;
        when -= lead_of(p);
    }
    sched_event(when, p);
}

HOT_O2 static void window_start(uint32_t when)
{
    const struct sched_win *w = &sched_wins[sw.win];
    sw.active = 1;
    sw.owner = w->v;
    sw.owner->yielded = 0;
    wdt_window(sw.owner, true, when);
    sw.start_at = when;
    start_pending = true;
    uint32_t end = sw.frame_start + w->end;
    boundary_at(end, sw.frame_start + w->next_start == end);
}

HV_BOOT_GAP void sched_init(void)
{
    /* the first frame starts a little after now: the first window's
     * boundary is then an ordinary timer event */
    sw.frame_start = read_c0_count() + CONFIG_COUNT_HZ / 25000u; /* 40 us: after this line */
    sw.win = 0;
    sw.active = 0;
    sw.owner = 0;
    board_irq_flag_reg(board_core_timer_vector, &sw.ack_reg, &sw.ack_bit);
    boundary_at(sw.frame_start + tvp_windows[0].start_ticks, true);
    hv_printf("tinyVP: schedule: major frame %u us, %u windows, frame 0 at Count %08x\n",
              (unsigned)CONFIG_MAJOR_FRAME_US, (unsigned)CONFIG_NR_WINDOWS, sw.frame_start);
}

/* The scheduler's event: the boundary (its configured Count, not the
 * handler's), or the release of held interrupts. */
HOT_O2 void sched_boundary(void)
{
    uint32_t when = sw.boundary;
    (void)hv_time(); /* reads Count at least once a frame: its 64-bit count stays exact */
    write_c0_status(read_c0_status() & ~(ST0_IPL | ST0_IPL7)); /* sched_hold_irq */
    if (release_pending) { /* the window started: what was held is taken now */
        release_pending = false;
        sched_event(held_event, held_plan);
        return;
    }
    if (!sw.active) {
        window_start(when);
        return;
    }
    sw.active = 0;
    wdt_window(sw.owner, false, when);
    sw.owner = 0;
    if (++sw.win == CONFIG_NR_WINDOWS) {
        sw.win = 0;
        sw.frame_start += CONFIG_MAJOR_FRAME_TICKS;
        sw.frames++;
    }
    uint32_t start = sw.frame_start + tvp_windows[sw.win].start_ticks;
    if (start == when)
        window_start(when); /* back to back: one boundary */
    else
        boundary_at(start, true);
}

/* The window's switch event (also while a release holds the scheduler's
 * event). */
static uint32_t switch_event(void)
{
    return release_pending ? held_event : sw.event;
}

bool sched_window_open(const struct vcpu *v)
{
    return sw.active && sw.owner == v;
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
    if (!sw.active || !cur || cur != sw.owner ||
        (int32_t)(switch_event() - read_c0_count()) >= (int32_t)cost)
        return false;
    cur->yielded = 1;
    return true;
}

/* the release of interrupts held at a window's start comes this many
 * ticks after the start (sched_hold_for_start, below) */
#define SCHED_RELEASE_AFTER 128u

/* An interrupt that comes when the next switch event is fewer than `cost`
 * ticks away waits until after it: root Status.IPL goes to 6, so only the
 * core timer (level 7: the switch) is taken, and the switch puts IPL back
 * to 0 (sched_boundary); the held interrupt is then taken at once. So the
 * switch never waits for an interrupt's handler. One that comes in the
 * first SCHED_RELEASE_AFTER ticks of a window is held as one pending at
 * its start is (sched_hold_for_start): most often it was raised between
 * the switch's last look at Cause.RIPL and its ERET, and is taken at
 * that ERET, before the window's first instruction, which its handler
 * (up to ~1,000 cycles) would make that late. */
bool sched_hold_irq(uint32_t cost)
{
    if (sw.active && !release_pending &&
        (uint32_t)(read_c0_count() - sw.start_at) < SCHED_RELEASE_AFTER) {
        sched_hold_for_start();
        return true;
    }
    if ((int32_t)(switch_event() - read_c0_count()) >= (int32_t)cost)
        return false;
    write_c0_status((read_c0_status() & ~(ST0_IPL | ST0_IPL7)) | 6u << ST0_IPL_SHIFT);
    return true;
}

static struct vcpu *sched_pick(void)
{
    struct vcpu *v = sw.owner;
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
    *open = sw.active;
    *nframes = sw.frames;
    return sw.win;
}

/* A root interrupt that came during the switch or its wait (the console's
 * transmit interrupt, most often) would be taken before the window's
 * first instruction and make it late by its handler: it stays held (IPL
 * 6) until a few ticks after the start, when the scheduler's event comes
 * once to release it (sched_boundary), so the window starts on time and
 * pays for the handler inside. Compare must be ahead of Count when it is
 * written (else no interrupt comes) and the guest's first instruction must
 * come before it: at least SCHED_RELEASE_MIN ticks ahead, more than this
 * function and the way into the guest take (~110 cycles), when the
 * switch overran its lead. The swap calls it too (a root interrupt
 * pending before or after its wait). */
#define SCHED_RELEASE_MIN 128u
/* (SCHED_RELEASE_AFTER, above: the window's first instructions run before
 * the release, whatever the tail's few cycles of spread) */
void sched_hold_for_start(void)
{
    if (release_pending || !(read_c0_cause() & CAUSEF_RIPL))
        return;
    write_c0_status((read_c0_status() & ~(ST0_IPL | ST0_IPL7)) | 6u << ST0_IPL_SHIFT);
    held_event = sw.event;
    held_plan = sw.plan;
    release_pending = true;
    uint32_t rel = sw.start_at + SCHED_RELEASE_AFTER, soon = read_c0_count() + SCHED_RELEASE_MIN;
    sched_event((int32_t)(rel - soon) > 0 ? rel : soon, 0);
}

/* Root CP0 for the ERET: back into the same guest costs an EPC write and
 * the interrupt check (GM, PSS and GuestCtl1 are as the exit left them).
 * Deadlines that passed while the hypervisor worked are handled first, so
 * a boundary is never late by more than the exit that hid it. */
void sched_resume(void)
{
    if (time_due()) {
        if (sw.plan && (int32_t)(sw.event - read_c0_count()) <= 0)
            arch_swap(); /* a window's start: returns only if C must do it */
        time_irq();
    }
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
    if (hw_vcpu && hw_vcpu != n) { /* its offer, kept (the swap reloads it) */
        hw_vcpu->offer = virq_offered;
        if (read_c0_guestctl2() != virq_offered) /* taken meanwhile: recomputed */
            board_virq_dirty |= (uint8_t)(1u << hw_vcpu->id);
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
        sched_hold_for_start(); /* (the wait absorbs its cost) */
        arch_wait_until(sw.start_at - SCHED_TAIL_C, SCHED_LEAD);
        sched_hold_for_start(); /* one that came during the wait */
    }
}

/* ---- the swap's C parts (swap.S), for what is rare ---------------------- */

/* Watchdogs (some guest has one on): the closing window's guest (0: none
 * was open) stops counting, the opening one's runs. */
void sched_swap_wdt(struct vcpu *out, struct vcpu *in, uint32_t when)
{
    if (out)
        wdt_window(out, false, when);
    wdt_window(in, true, when);
}

/* The incoming guest's interrupt offer recomputed, as a C switch does:
 * its controller changed while it was out, a reset is due, or its
 * software interrupts are watched. */
void sched_swap_virq(struct vcpu *in)
{
    virq_soft_check(in);
    virq_update(in, read_c0_guestctl2(), true);
}

/* The running guest started using its TLB (vcpu_tlb_claim): the switch
 * that ends its window begins SCHED_LEAD_TLB earlier (at once if that is
 * past: the window ends a little early, at the cost of the guest that
 * switched its TLB on). */
void sched_tlb_claimed(void)
{
    const struct sched_win *p = release_pending ? held_plan : sw.plan;
    if (!p || !sw.active)
        return;
    uint32_t ev = sw.boundary - lead_of(p);
    if (release_pending)
        held_event = ev;
    else
        sched_event(ev, p);
}

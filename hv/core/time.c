/*
 * Time: the core timer (Count, CONFIG_COUNT_HZ) is the hypervisor's clock
 * and its Compare the one timer interrupt: the earlier of the scheduler's
 * next event (sched_state.event: a window boundary, sched.c; the window
 * switch, swap.S, programs Compare itself) and the head of one static
 * event queue, which holds everything else that must happen at a given
 * Count:
 *
 *   EV_VTIMER + g    guest g's virtual core timer: its Count reaches its
 *                    Compare (the PIC32MZ does not wire the guest Compare
 *                    to any interrupt, so tinyVP raises vector 0 in the
 *                    guest's virtual controller; also while the guest is
 *                    outside its window: it is then taken at its window)
 *   EV_UART + g      console pacing: guest g's virtual UART transmitter
 *                    reaches the state its TX interrupt waits for, or has
 *                    been idle a while (vuart.c)
 *   EV_WDT + g       guest g's own watchdog runs out (wdt.c)
 *
 * Every (kind, guest) has one slot, so the capacity is fixed at build
 * time (EVQ_SLOTS); the queue is the armed slots sorted by deadline, the
 * root Compare is the head's. Deadlines are Counts compared as signed
 * 32-bit distances, so every armed deadline is kept less than 2^31 ticks
 * (21.5 s) from now (a window boundary too: it is at most a major frame
 * ahead, and vpconf keeps frames under 21.47 s), console pacing at most 9
 * characters plus TX_IDLE_LATER (vuart.c), and a guest's virtual timer,
 * whose Compare may be up to 2^32 - 1 ticks (43 s) ahead, is queued in
 * steps of at most VT_STEP (vtimer_step). The scheduler's event is always
 * set, so the core-timer interrupt comes at least once a frame.
 */
#include "hv.h"
#include "timeq.h"

/* the window switch's path: -O2 for these few (it must fit the lead) */
#define HOT_O2 __attribute__((optimize("O2")))

/* the queue (timeq.h: timer.S reads and changes it too) */
uint32_t evq_when[EVQ_SLOTS];
uint8_t evq_order[EVQ_SLOTS];  /* armed slots, latest first: the head is last */
uint8_t evq_len;
uint8_t evq_armed[EVQ_SLOTS];
_Static_assert(__builtin_offsetof(struct vcpu, vt_armed) == VCPU_VT_ARMED &&
               __builtin_offsetof(struct vcpu, vt_rest) == VCPU_VT_REST && EV_VTIMER(0) == 0,
               "timer.S's struct vcpu and slots (timeq.h)");
uint32_t evq_head_when;  /* the head's deadline, while evq_len != 0 (swap.S) */

uint32_t hv_ticks(void)
{
    return read_c0_count();
}

/* Core-timer ticks since boot: Count extended to 64 bits (5,800 years).
 * Exact as long as it is read at least once per Count period (43 s at
 * 100 MHz): every window boundary reads it (sched_boundary), and a major
 * frame is shorter than that. Root exception context only. */
uint32_t hv_time_last, hv_time_high; /* the swap keeps them too */

static inline __attribute__((always_inline)) uint64_t time64(void)
{
    uint32_t now = read_c0_count();
    if (now < hv_time_last)
        hv_time_high++;
    hv_time_last = now;
    return (uint64_t)hv_time_high << 32 | now;
}

uint64_t hv_time(void)
{
    return time64();
}

/* ---- the time hypercall: microseconds since boot without a division ---- */

/* 64-bit ticks to microseconds without libgcc (rare: below): schoolbook
 * division in 16-bit digits, each step a 32-bit division by a constant;
 * *rem = the ticks left over. */
static uint64_t ticks_to_us(uint64_t n, uint32_t *rem)
{
    uint32_t hi = (uint32_t)(n >> 32), lo = (uint32_t)n;
    uint32_t x = (hi % US_TICKS) << 16 | lo >> 16;
    uint32_t y = (x % US_TICKS) << 16 | (lo & 0xffffu);
    *rem = y % US_TICKS;
    return (uint64_t)(hi / US_TICKS) << 32 | (x / US_TICKS) << 16 | y / US_TICKS;
}

/* us_base microseconds since boot were exactly us_at ticks. The ticks
 * since us_at are fewer than 2^32 unless the service was not called for
 * 43 s (at 100 MHz): then us_at moves up to the last whole microsecond
 * (the schoolbook, once), and the reciprocal takes the rest. */
static uint64_t us_base, us_at;

/* TVP_HC_TIME (hcall.c's table): v0/v1 = microseconds since boot. */
uint64_t hc_time(uint32_t a0, uint32_t a1, uint32_t a2, unsigned code)
{
    (void)a0, (void)a1, (void)a2, (void)code;
    cur->st.hcalls++;
    uint64_t t = time64(), d = t - us_at;
    if (d >> 32) {
        uint32_t rem;
        us_base += ticks_to_us(d, &rem);
        us_at = t - rem;
        d = rem;
    }
    return us_base + hv_ticks_us32((uint32_t)d);
}

/* Seconds since boot (a 32-bit count lasts 136 years), and the
 * milliseconds past them: the 64-bit tick count by CONFIG_COUNT_HZ
 * without libgcc — the high word by the CPU, the low word bit by bit
 * (bounded: 32 steps). The quotient fits 32 bits while the high word is
 * below CONFIG_COUNT_HZ (136 years at 100 MHz). */
uint32_t hv_uptime(uint32_t *ms)
{
    uint64_t t = hv_time();
    uint32_t d = CONFIG_COUNT_HZ, hi = (uint32_t)(t >> 32), lo = (uint32_t)t;
    uint32_t r = hi % d, q = 0;
    for (int b = 31; b >= 0; b--) {
        uint32_t carry = r >> 31;
        r = r << 1 | ((lo >> b) & 1);
        q <<= 1;
        if (carry || r >= d) {
            r -= d;
            q |= 1;
        }
    }
    *ms = r / (CONFIG_COUNT_HZ / 1000u);
    return q;
}

HOT_O2 static void evq_remove(unsigned slot)
{
    unsigned k = evq_len - 1u; /* from the head (the slot is armed) */
    while (k > 0 && evq_order[k] != slot)
        k--;
    for (; k + 1 < evq_len; k++)
        evq_order[k] = evq_order[k + 1];
    evq_len--;
    evq_armed[slot] = 0;
}

/* Root Compare to the earlier of the scheduler's event and the head's
 * deadline. */
HOT_O2 void time_program(void)
{
    uint32_t c = sched_state.event;
    if (evq_len) {
        evq_head_when = evq_when[evq_order[evq_len - 1]];
        if ((int32_t)(evq_head_when - c) < 0)
            c = evq_head_when;
    }
    /* at least 16 ticks ahead of Count, as the swap writes it: a deadline
     * armed after sched_resume's last look (a guest's proximity timer with
     * IPTMR 0, armed while its offer is made) or one Count passed while
     * this ran would otherwise wait for Count to wrap (MIPS32 PRA, MD00090,
     * Compare: the interrupt comes when Count equals it) */
    uint32_t soon = read_c0_count() + 16u;
    if ((int32_t)(c - soon) < 0)
        c = soon;
    write_c0_compare(c);
}
#define evq_program time_program

/* The core timer's vector, at the highest level: window boundaries first;
 * its own entry, the window switch's (swap.S), which hands anything else
 * to the common path. */
void time_init(void)
{
    board_irq_entry(board_core_timer_vector, swap_vector);
    board_irq_enable(board_core_timer_vector, 7);
}

/* `when`: a Count less than 2^31 ticks from now (either way). It goes
 * before every slot due no later (those armed first at the same deadline
 * stay nearer the head). */
HOT_O2 void ev_set(unsigned slot, uint32_t when)
{
    bool was_head = evq_len && evq_order[evq_len - 1] == slot;
    if (evq_armed[slot])
        evq_remove(slot);
    unsigned k = evq_len;
    while (k > 0 && (int32_t)(evq_when[evq_order[k - 1]] - when) <= 0) {
        evq_order[k] = evq_order[k - 1];
        k--;
    }
    evq_order[k] = (uint8_t)slot;
    evq_when[slot] = when;
    evq_armed[slot] = 1;
    bool head = k == evq_len;
    evq_len++;
    if (head || was_head)
        evq_program();
}

void ev_cancel(unsigned slot)
{
    if (evq_armed[slot]) {
        bool head = evq_order[evq_len - 1] == slot;
        evq_remove(slot);
        if (head)
            evq_program();
    }
}

/* Every due event, earliest first, then the root Compare for the next.
 * Called from the core-timer interrupt and before every return to a guest
 * (sched_resume, when time_due), so a deadline that passed while the
 * hypervisor worked, or
 * while Compare was being written, is never missed. Bounded: an event
 * re-arms at most itself, at a later time. Writing Compare drops the
 * core's request; then its flag is cleared. */
HOT_O2 void time_irq(void)
{
    for (unsigned n = 0; n < 4 * (EVQ_SLOTS + 1); n++) {
        uint32_t now = read_c0_count();
        int32_t ds = (int32_t)(sched_state.event - now);
        if (evq_len) { /* the head, if due and earlier than the scheduler's */
            unsigned slot = evq_order[evq_len - 1];
            uint32_t when = evq_when[slot];
            int32_t dq = (int32_t)(when - now);
            if (dq <= 0 && dq < ds) {
                evq_remove(slot);
                if (slot < EV_UART(0))
                    vtimer_fire(&vcpus[slot - EV_VTIMER(0)], when);
                else if (slot < EV_WDT(0))
                    console_pace(&vcpus[slot - EV_UART(0)]);
                else if (slot < EV_TPC(0))
                    wdt_expired(&vcpus[slot - EV_WDT(0)]);
                else
                    tpc_expired(&vcpus[slot - EV_TPC(0)]);
                continue;
            }
        }
        if (ds <= 0) { /* the scheduler's (first when both are due at once) */
            sched_boundary();
            continue;
        }
        evq_program();
        board_irq_ack(board_core_timer_vector);
        if (!time_due())
            return; /* Compare is ahead of Count: its interrupt will come */
    }
    evq_program();
    board_irq_ack(board_core_timer_vector);
}

/* ---- virtual core timers --------------------------------------------------- */

/* A guest's Compare may be up to 2^32 - 1 ticks ahead of its Count, more
 * than a signed difference holds: its slot is set at most VT_STEP ahead,
 * and v->vt_rest holds the ticks from that deadline on to the match (0:
 * the deadline is the match). */
#define VT_STEP 0x40000000u

/* The match `ahead` ticks (1 .. 2^32 - 1) after the Count `from`. */
static void vtimer_step(struct vcpu *v, uint32_t from, uint32_t ahead)
{
    uint32_t step = ahead < VT_STEP ? ahead : VT_STEP;
    v->vt_rest = ahead - step;
    ev_set(EV_VTIMER(idx_of(v)), from + step);
}

/* The slot's deadline: a step on the way, or the match. A match raises
 * vector 0 once: the core timer is a non-persistent (edge) source of the
 * interrupt controller (PIC32MZ EF datasheet DS60001320, sec. 7), its
 * edge the rise of Cause.TI, which stays set until Compare is written;
 * so Count meeting an unchanged Compare a Count period later raises
 * nothing. vpsim decides it the same way (docs/simulator.md, interrupt
 * controller). */
void vtimer_fire(struct vcpu *v, uint32_t when)
{
    if (v->vt_rest) {
        vtimer_step(v, when, v->vt_rest);
        return;
    }
    v->vt_armed = 0;
    board_vtimer_fire(v->id);
    virq_kick(v);
}

/* A Compare the guest's Count passed at most this long ago counts as
 * reached now: the guest wrote it ahead of the match, which came while
 * the write trapped (an exit costs well under 1,000 ticks). One further
 * behind is a full Count period away, as on the chip. */
#define VTIMER_SLACK 1000u

/* The loaded guest wrote its Compare (or its Count moved: GTOffset): armed
 * for the root Count at which its Count (root Count + GTOffset) next
 * equals it, up to 2^32 - 1 ticks from now. */
void vtimer_arm(struct vcpu *v, uint32_t guest_compare)
{
    uint32_t now = read_c0_count();
    uint32_t ahead = guest_compare - (now + read_c0_gtoffset());
    v->vt_armed = 1;
    if (ahead + VTIMER_SLACK <= VTIMER_SLACK) { /* just passed: due now */
        v->vt_rest = 0;
        ev_set(EV_VTIMER(idx_of(v)), now);
    } else {
        vtimer_step(v, now, ahead);
    }
}

/* ---- a guest's interrupt proximity timer (board.h) ------------------------ */

/* The board's TPC timer for guest g: due at root Count `when` (less than
 * 2^31 ticks ahead), or cancelled. */
void hv_tpc_at(guest_id_t g, uint32_t when)
{
    ev_set(EV_TPC(g - 1u), when);
}

void hv_tpc_cancel(guest_id_t g)
{
    ev_cancel(EV_TPC(g - 1u));
}

/* EV_TPC: the held interrupts of v are presented now. */
void tpc_expired(struct vcpu *v)
{
    board_tpc_expired(v->id);
    virq_kick(v);
}

void vtimer_disarm(struct vcpu *v)
{
    v->vt_armed = 0;
    ev_cancel(EV_VTIMER(idx_of(v)));
}

/*
 * Time: the core timer (Count, CONFIG_COUNT_HZ) is the hypervisor's clock
 * and its Compare the one timer interrupt. Everything that must happen at
 * a given time goes through one static event queue:
 *
 *   EV_WINDOW        the next schedule boundary (sched.c)
 *   EV_VTIMER + g    guest g's virtual core timer: its Count reaches its
 *                    Compare (the PIC32MZ does not wire the guest Compare
 *                    to any interrupt, so tinyVP raises vector 0 in the
 *                    guest's virtual controller; also while the guest is
 *                    outside its window: it is then taken at its window)
 *   EV_UART + g      console pacing: guest g's virtual UART transmitter
 *                    reaches the state its TX interrupt waits for, or
 *                    becomes idle
 *
 * Every (kind, guest) has one slot, so the capacity is fixed at build
 * time (EVQ_SLOTS); the queue is the armed slots sorted by deadline.
 *
 * Deadlines are 64-bit tick counts since boot (hv_time), so they compare
 * correctly however far apart they are: a guest's Compare may be up to
 * 2^32 - 1 ticks (43 s) ahead of its Count, which no signed 32-bit
 * difference can hold. Callers whose deadline is a Count near now (a
 * window boundary, console pacing: less than a major frame or nine
 * characters ahead, both under 2^31 ticks) use ev_set with that Count.
 * The root Compare is the head's deadline, but never more than
 * EVQ_HORIZON ticks ahead: so the core-timer interrupt comes at least
 * every 2^30 ticks (10.7 s), which keeps hv_time's 64-bit count exact
 * (it must see Count at least once per wrap) and keeps evq_head_when
 * within a signed 32-bit difference of Count (time_poll).
 */
#include "hv.h"

#define EVQ_SLOTS (1u + 2u * CONFIG_NR_GUESTS)
#define EVQ_HORIZON 0x40000000u

static uint64_t ev_when[EVQ_SLOTS]; /* deadlines, hv_time() ticks */
static uint8_t evq[EVQ_SLOTS];  /* armed slots, earliest first */
static uint8_t evq_len;
static uint8_t ev_armed[EVQ_SLOTS];
uint32_t evq_head_when;  /* the Count in the root Compare (time_poll) */
bool evq_any;            /* Compare has been programmed */

uint32_t hv_ticks(void)
{
    return read_c0_count();
}

/* Core-timer ticks since boot: Count extended to 64 bits. Exact as long as
 * it is read at least once per Count period (43 s at 100 MHz): time_irq
 * reads it at every core-timer interrupt, and those come at least every
 * EVQ_HORIZON ticks. Root exception context only (not reentrant). */
uint64_t hv_time(void)
{
    static uint32_t last, high;
    uint32_t now = read_c0_count();
    if (now < last)
        high++;
    last = now;
    return (uint64_t)high << 32 | now;
}

/* Seconds since boot (a 32-bit count lasts 136 years), and the
 * milliseconds past it: the 64-bit tick count by CONFIG_COUNT_HZ without
 * libgcc — the high word by the CPU, the low word bit by bit (bounded:
 * 32 steps). The quotient fits 32 bits while the high word is below
 * CONFIG_COUNT_HZ (136 years at 100 MHz). */
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

static void evq_remove(unsigned slot)
{
    unsigned k = 0;
    while (k < evq_len && evq[k] != slot)
        k++;
    for (; k + 1 < evq_len; k++)
        evq[k] = evq[k + 1];
    evq_len--;
    ev_armed[slot] = 0;
}

/* Root Compare to the head's deadline, or EVQ_HORIZON ahead if that is
 * sooner (or nothing is queued). */
static void evq_program(void)
{
    uint64_t at = hv_time() + EVQ_HORIZON;
    if (evq_len && ev_when[evq[0]] < at)
        at = ev_when[evq[0]];
    evq_any = true;
    evq_head_when = (uint32_t)at;
    write_c0_compare(evq_head_when);
}

/* The core timer's vector, at the highest level: window boundaries first. */
void time_init(void)
{
    board_irq_enable(board_core_timer_vector, 7);
}

void ev_set_at(unsigned slot, uint64_t when)
{
    bool was_head = evq_len && evq[0] == slot;
    if (ev_armed[slot])
        evq_remove(slot);
    unsigned k = evq_len;
    while (k > 0 && when < ev_when[evq[k - 1]]) {
        evq[k] = evq[k - 1];
        k--;
    }
    evq[k] = (uint8_t)slot;
    evq_len++;
    ev_when[slot] = when;
    ev_armed[slot] = 1;
    if (k == 0 || was_head)
        evq_program();
}

/* A Count less than 2^31 ticks from now (either way), as a deadline. */
void ev_set(unsigned slot, uint32_t count)
{
    uint64_t now = hv_time();
    ev_set_at(slot, now + (uint64_t)(int64_t)(int32_t)(count - (uint32_t)now));
}

void ev_cancel(unsigned slot)
{
    if (ev_armed[slot]) {
        bool head = evq[0] == slot;
        evq_remove(slot);
        if (head)
            evq_program();
    }
}

/* Every due event, earliest first, then the root Compare for the next.
 * Called from the core-timer interrupt and before every return to a guest
 * (time_poll), so a deadline that passed while the hypervisor worked, or
 * while Compare was being written, is never missed. Bounded: an event
 * re-arms at most itself, at a later time. Writing Compare drops the
 * core's request; then its flag is cleared. */
void time_irq(void)
{
    for (unsigned n = 0; n < 4 * EVQ_SLOTS; n++) {
        if (!evq_len || ev_when[evq[0]] > hv_time()) {
            evq_program();
            board_irq_ack(board_core_timer_vector);
            if ((int32_t)(evq_head_when - read_c0_count()) > 0)
                return; /* Compare is ahead of Count: its interrupt will come */
            continue;
        }
        unsigned slot = evq[0];
        uint64_t when = ev_when[slot];
        evq_remove(slot);
        if (slot == EV_WINDOW)
            sched_boundary((uint32_t)when);
        else if (slot < EV_UART(0))
            vtimer_fire(&vcpus[slot - EV_VTIMER(0)], when);
        else
            console_pace(&vcpus[slot - EV_UART(0)]);
    }
    evq_program();
    board_irq_ack(board_core_timer_vector);
}

/* ---- virtual core timers --------------------------------------------------- */

/* As the core timer's: Count equals Compare again one Count period
 * (2^32 ticks) later, unless the guest writes its Compare (or Count). */
void vtimer_fire(struct vcpu *v, uint64_t when)
{
    board_vtimer_fire(v->id);
    virq_kick(v);
    ev_set_at(EV_VTIMER(idx_of(v)), when + 0x100000000ull);
}

/* A Compare the guest's Count passed at most this long ago counts as
 * reached now: the guest wrote it before the match, and it matched
 * while the write trapped (an exit costs well under 1,000 ticks). One
 * further behind is a full Count period away, as on the chip. */
#define VTIMER_SLACK 1000u

/* The loaded guest wrote its Compare (or its Count moved: GTOffset): armed
 * for the time its Count (root Count + GTOffset) next equals it, which may
 * be up to 2^32 ticks away. */
void vtimer_arm(struct vcpu *v, uint32_t guest_compare)
{
    uint64_t now = hv_time();
    uint32_t ahead = guest_compare - ((uint32_t)now + read_c0_gtoffset());
    v->vt_armed = 1;
    ev_set_at(EV_VTIMER(idx_of(v)), ahead + VTIMER_SLACK <= VTIMER_SLACK ? now : now + ahead);
}

void vtimer_disarm(struct vcpu *v)
{
    v->vt_armed = 0;
    ev_cancel(EV_VTIMER(idx_of(v)));
}

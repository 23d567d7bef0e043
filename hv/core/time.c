/*
 * Time: the core timer (Count, CONFIG_COUNT_HZ) is the hypervisor's clock
 * and its Compare the one timer interrupt. Everything that must happen at
 * a given Count goes through one static event queue:
 *
 *   EV_WINDOW        the next schedule boundary (sched.c)
 *   EV_VTIMER + g    guest g's virtual core timer: its Count reaches its
 *                    Compare (the PIC32MZ does not wire the guest Compare
 *                    to any interrupt, so tinyVP raises vector 0 in the
 *                    guest's virtual controller; also while the guest is
 *                    outside its window: it is then taken at its window)
 *   EV_UART + g      console pacing: guest g's virtual UART transmitter
 *                    reaches the state its TX interrupt waits for
 *
 * Every (kind, guest) has one slot, so the capacity is fixed at build
 * time (EVQ_SLOTS); the queue is the armed slots sorted by deadline, the
 * root Compare is the head's. Deadlines are compared as signed distances
 * (they are never 2^31 ticks = 21 s apart).
 */
#include "hv.h"

/* the window switch's path: -O2 for these few (it must fit the lead) */
#define HOT_O2 __attribute__((optimize("O2")))

#define EVQ_SLOTS (1u + 2u * CONFIG_NR_GUESTS)

static uint32_t ev_when[EVQ_SLOTS];
static uint8_t evq[EVQ_SLOTS];  /* armed slots, earliest first */
static uint8_t evq_len;
static uint8_t ev_armed[EVQ_SLOTS];
uint32_t evq_head_when;  /* the head's deadline (time_poll) */
bool evq_any;            /* the queue is not empty */

uint32_t hv_ticks(void)
{
    return read_c0_count();
}

/* Core-timer ticks since boot: Count extended to 64 bits. Exact as long as
 * it is read at least once per Count period (43 s at 100 MHz): the window
 * boundaries read it every major frame. */
uint64_t hv_time(void)
{
    static uint32_t last, high;
    uint32_t now = read_c0_count();
    if (now < last)
        high++;
    last = now;
    return (uint64_t)high << 32 | now;
}

/* Milliseconds since boot, for logs (wraps after 49 days): the 64-bit
 * tick count by CONFIG_COUNT_HZ / 1000 without libgcc — the high word by
 * the CPU, the low word bit by bit (bounded: 32 steps). */
uint32_t hv_ms(void)
{
    uint64_t t = hv_time();
    uint32_t d = CONFIG_COUNT_HZ / 1000u, hi = (uint32_t)(t >> 32), lo = (uint32_t)t;
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
    return q;
}

HOT_O2 static void evq_remove(unsigned slot)
{
    unsigned k = 0;
    while (k < evq_len && evq[k] != slot)
        k++;
    for (; k + 1 < evq_len; k++)
        evq[k] = evq[k + 1];
    evq_len--;
    ev_armed[slot] = 0;
}

/* Root Compare to the head's deadline. With nothing queued Compare stays
 * where it was: at worst one interrupt that finds nothing due. */
HOT_O2 static void evq_program(void)
{
    evq_any = evq_len != 0;
    if (evq_any) {
        evq_head_when = ev_when[evq[0]];
        write_c0_compare(evq_head_when);
    }
}

/* The core timer's vector, at the highest level: window boundaries first. */
void time_init(void)
{
    board_irq_enable(board_core_timer_vector, 7);
}

HOT_O2 void ev_set(unsigned slot, uint32_t when)
{
    bool was_head = evq_len && evq[0] == slot;
    if (ev_armed[slot])
        evq_remove(slot);
    unsigned k = evq_len;
    while (k > 0 && (int32_t)(when - ev_when[evq[k - 1]]) < 0) {
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

void ev_cancel(unsigned slot)
{
    if (ev_armed[slot]) {
        bool head = evq[0] == slot;
        evq_remove(slot);
        if (head)
            evq_program();
    }
}

bool ev_pending(unsigned slot, uint32_t *when)
{
    if (ev_armed[slot] && when)
        *when = ev_when[slot];
    return ev_armed[slot];
}

/* Every due event, earliest first, then the root Compare for the next.
 * Called from the core-timer interrupt and before every return to a guest
 * (time_poll), so a deadline that passed while the hypervisor worked, or
 * while Compare was being written, is never missed. Bounded: an event
 * re-arms at most itself, at a later time. Writing Compare drops the
 * core's request; then its flag is cleared. */
HOT_O2 void time_irq(void)
{
    for (unsigned n = 0; n < 4 * EVQ_SLOTS && evq_len; n++) {
        unsigned slot = evq[0];
        uint32_t when = ev_when[slot];
        if ((int32_t)(when - read_c0_count()) > 0) {
            evq_program();
            board_irq_ack(board_core_timer_vector);
            if ((int32_t)(when - read_c0_count()) > 0)
                return; /* Compare is ahead of Count: its interrupt will come */
            continue;
        }
        evq_remove(slot);
        if (slot == EV_WINDOW)
            sched_boundary(when);
        else if (slot < EV_UART(0))
            vtimer_fire(&vcpus[slot - EV_VTIMER(0)]);
        else
            console_pace(&vcpus[slot - EV_UART(0)]);
    }
    evq_program();
    board_irq_ack(board_core_timer_vector);
}

/* ---- virtual core timers --------------------------------------------------- */

void vtimer_fire(struct vcpu *v)
{
    v->vt_armed = 0;
    board_vtimer_fire(v->id);
    virq_kick(v);
}

/* The loaded guest wrote its Compare (or its Count moved: GTOffset): armed
 * for the root Count at which its Count (root Count + GTOffset) equals it. */
void vtimer_arm(struct vcpu *v, uint32_t guest_compare)
{
    v->vt_armed = 1;
    ev_set(EV_VTIMER(idx_of(v)), guest_compare - read_c0_gtoffset());
}

void vtimer_disarm(struct vcpu *v)
{
    v->vt_armed = 0;
    ev_cancel(EV_VTIMER(idx_of(v)));
}

/*
 * Time: the core timer (Count, CONFIG_COUNT_HZ) is the hypervisor's clock,
 * and its Compare the one timer interrupt, shared by the guests' virtual
 * core timers. A guest's Compare write (trapped: GuestCtl0.GT = 0) arms
 * its virtual timer for the root Count at which the guest's Count (root
 * Count + GTOffset) will equal it; the root Compare is set to the nearest
 * of those; when it fires, each due guest gets its core-timer vector
 * raised in its virtual interrupt controller (the PIC32MZ does not wire
 * the guest Compare to any interrupt). Issue 7 adds window boundaries and
 * console pacing to the same queue (a fixed array: one slot per guest).
 */
#include "hv.h"

uint32_t hv_ticks(void)
{
    return read_c0_count();
}

/* Core-timer ticks since boot: Count extended to 64 bits. Exact as long as
 * it is read at least once per Count period (43 s at 100 MHz). */
uint64_t hv_time(void)
{
    static uint32_t last, high;
    uint32_t now = read_c0_count();
    if (now < last)
        high++;
    last = now;
    return (uint64_t)high << 32 | now;
}

/* Root Compare to the nearest armed deadline; deadlines already reached
 * (Count ran past while we looked) are fired here. Bounded: each pass
 * disarms at least one guest or ends. */
static void timer_program(void)
{
    for (unsigned pass = 0; pass <= CONFIG_NR_GUESTS; pass++) {
        struct vcpu *next = 0;
        uint32_t now = read_c0_count(), best = 0;
        for (unsigned i = 0; i < CONFIG_NR_GUESTS; i++) {
            struct vcpu *v = &vcpus[i];
            if (v->vt_armed && (!next || v->vt_deadline - now < best)) {
                next = v;
                best = v->vt_deadline - now;
            }
        }
        if (!next) {
            board_irq_mask(board_core_timer_vector);
            return;
        }
        write_c0_compare(next->vt_deadline);
        if ((int32_t)(next->vt_deadline - read_c0_count()) > 0) {
            board_irq_enable(board_core_timer_vector, 7);
            return;
        }
        next->vt_armed = 0; /* already due */
        vtimer_fire(next);
    }
}

void vtimer_fire(struct vcpu *v)
{
    board_vtimer_fire(v->id);
    if (v->state == VCPU_WAITING)
        v->state = VCPU_RUNNABLE;
}

/* The loaded guest wrote its Compare (or its Count moved: GTOffset). */
void vtimer_arm(struct vcpu *v, uint32_t guest_compare)
{
    v->vt_deadline = guest_compare - read_c0_gtoffset();
    v->vt_armed = 1;
    timer_program();
}

/* Root core-timer interrupt: every guest whose deadline is reached. */
void vtimer_irq(void)
{
    uint32_t now = read_c0_count();
    for (unsigned i = 0; i < CONFIG_NR_GUESTS; i++) {
        struct vcpu *v = &vcpus[i];
        if (v->vt_armed && (int32_t)(v->vt_deadline - now) <= 0) {
            v->vt_armed = 0;
            vtimer_fire(v);
        }
    }
    timer_program(); /* writes Compare: the core's TI request drops */
    board_irq_ack(board_core_timer_vector);
}

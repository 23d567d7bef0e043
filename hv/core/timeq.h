/*
 * The timer event queue (time.c) as the core timer's assembly path sees
 * it (hv/arch/mips/timer.S: a guest's virtual timer due while it runs).
 * The queue is four global arrays and a length, each reached from set 0's
 * $gp (hv/rules.mk -G; tinyvp.ld puts _gp where every byte of the
 * hypervisor's RAM is within a 16-bit offset), so no offsets are needed
 * for them; the vcpu fields below are checked against struct vcpu
 * (time.c, _Static_assert).
 *
 *   uint32_t evq_when[EVQ_SLOTS]   each slot's deadline (a Count)
 *   uint8_t  evq_order[EVQ_SLOTS]  the armed slots, latest first: the head is
 *                                  evq_order[evq_len - 1]
 *   uint8_t  evq_armed[EVQ_SLOTS]  1: the slot is in evq_order
 *   uint8_t  evq_len               how many are (swap.S, trap.c: any?)
 *   uint32_t evq_head_when         the head's deadline (while evq_len != 0)
 *
 * Slot EV_VTIMER(i) is i (hv.h): guest i + 1's virtual core timer.
 */
#ifndef TVP_TIMEQ_H
#define TVP_TIMEQ_H

#define EVQ_SLOTS (4 * CONFIG_NR_GUESTS)

/* struct vcpu (hv.h) */
#define VCPU_VT_ARMED   6  /* uint8_t: its virtual core timer is set */
#define VCPU_VT_REST    8  /* uint32_t: ticks from its slot's deadline on to the match */

#endif

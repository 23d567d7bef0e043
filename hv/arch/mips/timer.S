/*
 * The core timer's interrupt when its event is the timer queue's, not the
 * scheduler's (swap_vector, swap.S, checked that sched_state.event is not
 * due): the common case without C, a running guest's virtual core timer
 * matching while nothing else is due.
 *
 * time_fast takes it when the guest runs (GuestCtl0.GM = 1), the queue's
 * head is that guest's timer slot (EV_VTIMER(ID - 1)), due, the match
 * itself (vt_rest = 0: not a step on the way to a Compare more than 2^30
 * ticks ahead), and the next Compare, the earlier of the scheduler's event
 * and the next queued deadline, is at least TIME_FAST_AHEAD ticks ahead
 * of Count (so it cannot pass while it is written). Then, as time_irq
 * (time.c) would: Compare written, the core timer's flag cleared at the
 * interrupt controller (writing Compare dropped the core's request:
 * MIPS32 PRA, MD00090, "Compare"), the slot out of the queue (the rest
 * move up one place: bounded by EVQ_SLOTS), evq_any and evq_head_when for
 * the new head, vt_armed cleared; the board raises the guest's timer
 * vector (board_vtimer_raise, fast.S: as board_vtimer_fire and the
 * offer virq_update would make) and ERETs into the guest. Anything else
 * goes to exc_common before anything changed (time_irq in C: the idle
 * loop, another guest's timer, a console pacing, watchdog or proximity
 * timer event, a step, two events due together).
 *
 * The queue (timeq.h) and every other variable are reached from $gp:
 * set 0 is the hypervisor's (entry.S), its $gp C's small-data pointer.
 * Cycles (vpsim): from the match to the guest handler's first
 * instruction, docs/hypervisor.md ("Interrupts").
 */
#include <mips/mipsregs.h>
#include "tinyvp_limits.h"
#include "../../core/swap.h"
#include "../../core/timeq.h"

    .set noreorder
    .set noat
    .set virt

/* ticks the next Compare must be ahead of the Count read at the vector's
 * entry: more than the 40 or so cycles from there to the MTC0 */
#define TIME_FAST_AHEAD 32

    .text
    .globl time_fast
    .ent time_fast
time_fast:                          # t1 = sched_state.event, t2 = Count, t6 = GuestCtl0
    bgez    $t6, 9f                 # GM = 0: the idle loop
    lbu     $t4, %gp_rel(evq_len)($gp)
    mfc0    $t7, $10, 4             # GuestCtl1: ID in 7:0
    lw      $t0, %gp_rel(evq_head_when)($gp)
    addu    $t3, $t4, $gp           # (evq_order + len, from $gp)
    lbu     $t5, %gp_rel(evq_order - 1)($t3) # the head's slot
    andi    $t7, $t7, 7
    addiu   $t8, $t7, -1            # the running guest's timer slot
    beqz    $t4, 9f                 # (nothing queued)
    subu    $t0, $t2, $t0
    bne     $t5, $t8, 9f            # the head is another event
    lw      $s0, %gp_rel(cur)($gp)
    bltz    $t0, 9f                 # not due
    lbu     $t5, %gp_rel(evq_order - 2)($t3) # the next slot (if any)
    lw      $t0, VCPU_VT_REST($s0)
    sltiu   $t9, $t4, 2             # the head alone
    sll     $t5, $t5, 2
    bnez    $t0, 9f                 # a step on the way: C re-arms it
    move    $a1, $t1                # Compare: the scheduler's event,
    bnez    $t9, 1f
    move    $a2, $t1
    addu    $t5, $t5, $gp
    lw      $a2, %gp_rel(evq_when)($t5)
    nop
    subu    $t0, $a2, $t1
    slt     $t0, $t0, $zero
    movn    $a1, $a2, $t0           # or the next queued deadline, if earlier
1:  subu    $t0, $a1, $t2
    lw      $t3, %gp_rel(sched_state + SW_ACK_REG)($gp)
    slti    $t0, $t0, TIME_FAST_AHEAD
    bnez    $t0, 9f                 # due or nearly: C takes them in order
    lw      $t5, %gp_rel(sched_state + SW_ACK_BIT)($gp)
    mtc0    $a1, $11                # Compare
    addiu   $t4, $t4, -1
    sw      $t5, 0($t3)             # the core timer's flag cleared
    sltu    $t0, $zero, $t4
    sb      $t4, %gp_rel(evq_len)($gp) # the head out
    sb      $t0, %gp_rel(evq_any)($gp)
    sw      $a2, %gp_rel(evq_head_when)($gp) # (meaningful when evq_any)
    addu    $t3, $t8, $gp
    sb      $zero, %gp_rel(evq_armed)($t3)
    j       board_vtimer_raise      # t7 = the guest's ID; ends in its ERET
    sb      $zero, VCPU_VT_ARMED($s0)
9:  j       exc_common
    nop
    .end time_fast

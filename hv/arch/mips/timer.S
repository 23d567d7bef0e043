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
 * of the Count read at the vector (so it cannot pass while it is
 * written). Then, as time_irq (time.c) would: Compare written, the core
 * timer's flag cleared at the interrupt controller (writing Compare
 * dropped the core's request: MIPS32 PRA, MD00090, "Compare Register"),
 * the slot out of the queue (the head is its last entry: one byte less),
 * evq_head_when the next one's, evq_armed and vt_armed cleared; the board
 * raises the guest's timer vector (board_vtimer_raise, fast.S: as
 * board_vtimer_fire, with the offer virq_update would make) and ERETs
 * into the guest. Anything else goes to exc_common before anything
 * changed (time_irq in C): the idle loop, another guest's timer (it waits
 * for its window, or wakes a guest in WAIT), a console pacing, watchdog
 * or proximity timer event, a step, two events due together, or a flag
 * with nothing due.
 *
 * The queue (timeq.h) and every other variable are reached from $gp:
 * shadow set 0 is the hypervisor's alone (entry.S) and its $gp is C's
 * small-data pointer (hv/rules.mk -G, tinyvp.ld _gp), which every byte of
 * the hypervisor's RAM is within reach of. The shell's exit counts do not
 * see these interrupts. Cycles (vpsim): 92 from the match to the guest
 * handler's first instruction (docs/hypervisor.md, "Interrupts").
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
    addu    $t3, $t4, $gp           # (evq_order + len, from $gp)
    lbu     $t5, %gp_rel(evq_order - 1)($t3) # the head's slot
    andi    $t7, $t7, 7
    addiu   $t8, $t7, -1            # the running guest's timer slot
    bne     $t5, $t8, 9f            # the head is another event (first:
    lw      $t0, %gp_rel(evq_head_when)($gp) # they pay the least)
    beqz    $t4, 9f                 # (nothing queued)
    lw      $s0, %gp_rel(cur)($gp)
    subu    $t0, $t2, $t0
    bltz    $t0, 9f                 # not due
    lbu     $t5, %gp_rel(evq_order - 2)($t3) # the next slot
    lw      $t0, VCPU_VT_REST($s0)
    sltiu   $t9, $t4, 2             # the head alone: no next (slot 0's
    movn    $t5, $zero, $t9         # deadline is read, and not used)
    sll     $t5, $t5, 2
    addu    $t5, $t5, $gp
    bnez    $t0, 9f                 # a step on the way: C re-arms it
    lw      $a2, %gp_rel(evq_when)($t5) # the next deadline,
    lw      $t3, %gp_rel(sched_state + SW_ACK_REG)($gp)
    movn    $a2, $t1, $t9           # or the scheduler's event, alone
    subu    $t0, $a2, $t1
    slt     $t0, $t0, $zero
    move    $a1, $t1                # Compare: the earlier of the two
    movn    $a1, $a2, $t0
    subu    $t0, $a1, $t2
    slti    $t0, $t0, TIME_FAST_AHEAD
    bnez    $t0, 9f                 # due or nearly: C takes them in order
    lw      $t5, %gp_rel(sched_state + SW_ACK_BIT)($gp)
    mtc0    $a1, $11                # Compare
    addiu   $t4, $t4, -1
    sw      $t5, 0($t3)             # the core timer's flag cleared
    sb      $t4, %gp_rel(evq_len)($gp) # the head out
    sw      $a2, %gp_rel(evq_head_when)($gp) # the next one's (if any)
    addu    $t3, $t8, $gp
    sb      $zero, %gp_rel(evq_armed)($t3)
    j       board_vtimer_raise      # t7 = the guest's ID; ends in its ERET
    sb      $zero, VCPU_VT_ARMED($s0)
9:  j       exc_common
    nop
    .end time_fast

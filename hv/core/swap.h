/*
 * The window switch as a swap: the state the scheduler (sched.c) shares
 * with the assembly that switches guests at a window's start
 * (hv/arch/mips/swap.S). Byte offsets, for both; sched.c checks them
 * against the C structures (_Static_assert).
 */
#ifndef TVP_SWAP_H
#define TVP_SWAP_H

/* struct sched_sw (sched.c: `sw`) */
#define SW_EVENT        0  /* Count of the scheduler's next event (Compare = min(it, queue head)) */
#define SW_PLAN         4  /* the window that event starts by the swap (struct sched_win *), or 0: C */
#define SW_PLAN_START   8  /* its start Count */
#define SW_PLAN_FSTART 12  /* the Count its frame starts at */
#define SW_PLAN_FINC   16  /* 1: it is a new frame's first window (frames + 1) */
#define SW_WIN         20  /* the current (or next) window's index */
#define SW_ACTIVE      24  /* inside window SW_WIN */
#define SW_OWNER       28  /* its guest while active (struct vcpu *) */
#define SW_BOUNDARY    32  /* Count of the next boundary */
#define SW_START_AT    36  /* the open window's start Count */
#define SW_FRAME_START 40  /* Count of the current frame's start */
#define SW_ACK_REG     44  /* the core timer's interrupt flag CLR register (address) */
#define SW_ACK_BIT     48  /* and its bit */
#define SW_FRAMES      56  /* frames completed (64 bits) */

/* struct sched_win (sched.c: the plan vpconf emits, one per window) */
#define WIN_VCPU        0  /* its guest (struct vcpu *) */
#define WIN_NEXT        4  /* the window after it (struct sched_win *) */
#define WIN_END         8  /* its end, ticks from its frame's start */
#define WIN_NEXT_START 12  /* the next window's start, from the same frame start */
#define WIN_FRAME_ADV  16  /* the major frame when the next window is the next frame's, else 0 */
#define WIN_INDEX      20
#define WIN_GCTL1      24  /* GuestCtl1 for its guest: ID and RID */
#define WIN_SRSCTL     28  /* SRSCtl: PSS its guest's shadow set, ESS 0 */
#define WIN_SIZE       32

/* struct vcpu (hv.h) */
#define VCPU_STATE      4
#define VCPU_ID         5
#define VCPU_YIELDED   12
#define VCPU_TLB_USER  13
#define VCPU_PC        16
#define VCPU_GCTL0     20
#define VCPU_OFFER     24  /* the GuestCtl2 it was last offered (kept while it is out) */
#define VCPU_RESET_REQ 28
#define VCPU_GCTL0EXT  29  /* its GuestCtl0Ext: MG | OG until it claims those registers, else 0 */
#define VCPU_GCTX      32  /* struct arch_gctx */
#define VCPU_TLB      156  /* struct arch_tlbe tlb[16] */
#define VCPU_SWITCHES 428  /* st.switches */

/* The switch event fires this many ticks before a window that follows
 * another at once (sched.c, "SCHED_LEAD"), and the wait for the start
 * ends SCHED_TAIL ticks before it. */
#define SCHED_LEAD 200
#define SCHED_TAIL 5
/* The lead is longer by SCHED_LEAD_TLB when either guest uses its own
 * guest TLB: its 16 entries to save, load or clear (swap.S: 13 cycles an
 * entry each way), taken from the end of the outgoing window. */
#define SCHED_LEAD_TLB 210

#endif

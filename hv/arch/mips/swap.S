/*
 * The window switch as a swap: at a window's switch event (the core
 * timer, hv/core/sched.c) the scheduler's next state comes from the plan
 * vpconf computed (the window, its guest, its end, the window after it),
 * the outgoing guest's CP0 context goes to memory and the incoming one's
 * into the hardware, its interrupt offer is reloaded as it was left, and
 * the guest is entered at its window's start. C is called only for what
 * is rare: a watchdog to hand over, a guest TLB to switch, a virtual
 * interrupt controller that changed while the guest was out, a held root
 * interrupt. Anything else the C path does (sched_boundary,
 * sched_resume): a guest that cannot run, a queued timer event due too.
 *
 * Also here: the guest CP0 context save/load of struct arch_gctx for C
 * (vcpu_load), and the bounded wait for a window's start.
 *
 * Cycle counts: vpsim's model (1 per instruction, +1 load-use, +5
 * exception entry, +3 ERET). Registers: shadow set 0 is the
 * hypervisor's alone (entry.S), so any GPR is free; s0..s7 hold the
 * swap's state across its C calls.
 */
#include <mips/mipsregs.h>
#include "../../core/swap.h"

    .set noreorder
    .set noat
    .set virt

/* ---- guest CP0 context: struct arch_gctx (gctx.c), HV_GC0_REGS order -- */
/* One word per register at 4 x its place in the list; GTOffset, HI, LO
 * after them (28..30). Saved: every register the guest can change without
 * an exit (MIPS32 VZ module, MD00846: with GuestCtl0.CP0 = 1 its MTC0s run
 * natively, and its exceptions and TLB refills write BadVAddr, EPC, Cause,
 * EntryHi, Context, ...). Not saved, only loaded: the registers whose
 * guest writes trap, kept in memory by their emulation (gpsi.c): Compare
 * (GuestCtl0.GT = 0), Config, Config3, Config5 (GuestCtl0.CF = 0) and,
 * in the swap, GTOffset (a guest Count write always traps); the hardware
 * never changes them. Not at all: guest Count (GTOffset makes it; MTGC0
 * to it is undefined) and Config1 (read-only). The swap also leaves
 * Index, EntryLo0/1, PageMask, PageGrain, Wired, UserLocal and HWREna in
 * place between two guests that never touched them (GuestCtl0Ext.MG/OG
 * and GuestCtl0.AT = 1 trap the first touch: vcpu_cp0_claim). */
    .macro  GS i, r, s, off, reg
    mfgc0   $t1, $\r, \s
    sw      $t1, \i*4+\off(\reg)
    .endm
    .macro  GCTX_SAVE_ALL off, reg
    GS  0,  0, 0, \off, \reg             # Index
    GS  1,  2, 0, \off, \reg             # EntryLo0
    GS  2,  3, 0, \off, \reg             # EntryLo1
    GS  3,  4, 0, \off, \reg             # Context
    GS  4,  4, 2, \off, \reg             # UserLocal
    GS  5,  5, 0, \off, \reg             # PageMask
    GS  6,  5, 1, \off, \reg             # PageGrain
    GS  7,  6, 0, \off, \reg             # Wired
    GS  8,  7, 0, \off, \reg             # HWREna
    GS  9,  8, 0, \off, \reg             # BadVAddr
    GS 10,  8, 1, \off, \reg             # BadInstr
    GS 11,  8, 2, \off, \reg             # BadInstrP
    GS 13, 10, 0, \off, \reg             # EntryHi
    GS 15, 12, 0, \off, \reg             # Status
    GS 16, 12, 1, \off, \reg             # IntCtl
    GS 17, 13, 0, \off, \reg             # Cause
    GS 18, 14, 0, \off, \reg             # EPC
    GS 19, 14, 2, \off, \reg             # NestedEPC
    GS 20, 15, 1, \off, \reg             # EBase
    GS 25, 30, 0, \off, \reg             # ErrorEPC
    GS 26, 31, 2, \off, \reg             # KScratch1
    GS 27, 31, 3, \off, \reg             # KScratch2
    mfc0    $t1, $12, 7             # GTOffset
    sw      $t1, 28*4+\off(\reg)
    .endm
    /* two at a time, so no MTGC0 waits for its load (2 cycles a register) */
    .macro  GL i, r, s, j, q, t, off, reg
    lw      $t1, \i*4+\off(\reg)
    lw      $t2, \j*4+\off(\reg)
    mtgc0   $t1, $\r, \s
    mtgc0   $t2, $\q, \t
    .endm
    .macro  GCTX_LOAD_ALL off, reg
    GL  0,  0, 0,   1,  2, 0, \off, \reg # Index, EntryLo0
    GL  2,  3, 0,   3,  4, 0, \off, \reg # EntryLo1, Context
    GL  4,  4, 2,   5,  5, 0, \off, \reg # UserLocal, PageMask
    GL  6,  5, 1,   7,  6, 0, \off, \reg # PageGrain, Wired
    GL  8,  7, 0,   9,  8, 0, \off, \reg # HWREna, BadVAddr
    GL 10,  8, 1,  11,  8, 2, \off, \reg # BadInstr, BadInstrP
    GL 13, 10, 0,  14, 11, 0, \off, \reg # EntryHi, Compare
    GL 15, 12, 0,  16, 12, 1, \off, \reg # Status, IntCtl
    GL 17, 13, 0,  18, 14, 0, \off, \reg # Cause, EPC
    GL 19, 14, 2,  20, 15, 1, \off, \reg # NestedEPC, EBase
    GL 21, 16, 0,  23, 16, 3, \off, \reg # Config, Config3
    GL 24, 16, 5,  25, 30, 0, \off, \reg # Config5, ErrorEPC
    GL 26, 31, 2,  27, 31, 3, \off, \reg # KScratch1, KScratch2
    lw      $t1, 28*4+\off(\reg)
    nop
    mtc0    $t1, $12, 7             # GTOffset
    .endm

    .text
    .globl arch_gctx_save
    .ent arch_gctx_save
arch_gctx_save:
    GCTX_SAVE_ALL 0, $a0
    lui     $t0, %hi(arch_hilo)     # HI/LO (see exc_common)
    lw      $t1, %lo(arch_hilo)($t0)
    lw      $t2, %lo(arch_hilo + 4)($t0)
    sw      $t1, 29*4($a0)
    jr      $ra
    sw      $t2, 30*4($a0)
    .end arch_gctx_save

    .globl arch_gctx_load
    .ent arch_gctx_load
arch_gctx_load:
    GCTX_LOAD_ALL 0, $a0
    lui     $t0, %hi(arch_hilo)     # HI/LO, put back by arch_eret
    lw      $t1, 29*4($a0)
    lw      $t2, 30*4($a0)
    sw      $t1, %lo(arch_hilo)($t0)
    sw      $t2, %lo(arch_hilo + 4)($t0)
    jr      $ra
    ehb
    .end arch_gctx_load

/* ---- the guest TLB ------------------------------------------------------ */
/* Its 16 entries (the M5150's guest context: Config1.MMUSize + 1; not
 * tagged with GuestIDs, so one guest's at a time) as TLBGR reads them,
 * struct arch_tlbe { hi, lo0, lo1, mask } each: arch_guest_tlb_save(t),
 * arch_guest_tlb_load(t); arch_guest_tlb_clear() invalidates every entry
 * (Config1.MMUSize + 1 of them) with distinct VPN2s in kseg0, which the
 * guest TLB never translates. They go through the guest's Index, EntryHi,
 * EntryLo0/1 and PageMask: its context is saved before and loaded after
 * (vcpu_load, the swap). An EHB after each Index write and each TLBG
 * operation (MIPS32 VZ module, MD00846, "Hazards"). Unrolled: 13 / 13 / 7
 * cycles an entry. */
#define GUEST_TLB 16
    .macro  TLB_SAVE1 i
    li      $t0, \i
    mtgc0   $t0, $0, 0              # Index
    ehb
    tlbgr
    ehb
    mfgc0   $t1, $10, 0             # EntryHi
    mfgc0   $t2, $2, 0              # EntryLo0
    mfgc0   $t3, $3, 0              # EntryLo1
    mfgc0   $t4, $5, 0              # PageMask
    sw      $t1, \i*16+0($a0)
    sw      $t2, \i*16+4($a0)
    sw      $t3, \i*16+8($a0)
    sw      $t4, \i*16+12($a0)
    .endm
    .macro  TLB_LOAD1 i
    lw      $t1, \i*16+0($a0)
    lw      $t2, \i*16+4($a0)
    lw      $t3, \i*16+8($a0)
    lw      $t4, \i*16+12($a0)
    li      $t0, \i
    mtgc0   $t0, $0, 0              # Index
    mtgc0   $t1, $10, 0             # EntryHi
    mtgc0   $t2, $2, 0              # EntryLo0
    mtgc0   $t3, $3, 0              # EntryLo1
    mtgc0   $t4, $5, 0              # PageMask
    ehb
    tlbgwi
    .endm
    .globl arch_guest_tlb_save, arch_guest_tlb_load, arch_guest_tlb_clear
    .ent arch_guest_tlb_save
arch_guest_tlb_save:
    .irp    i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    TLB_SAVE1 \i
    .endr
    jr      $ra
    nop
    .end arch_guest_tlb_save

    .ent arch_guest_tlb_load
arch_guest_tlb_load:
    .irp    i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    TLB_LOAD1 \i
    .endr
    jr      $ra
    ehb
    .end arch_guest_tlb_load

    .ent arch_guest_tlb_clear
arch_guest_tlb_clear:
    mfgc0   $t5, $16, 1             # Config1: MMUSize in 30:25
    mtgc0   $zero, $2, 0            # EntryLo0
    mtgc0   $zero, $3, 0            # EntryLo1
    mtgc0   $zero, $5, 0            # PageMask
    ext     $t5, $t5, 25, 6
    addiu   $t5, $t5, 1             # entries (at most 64: bounded)
    li      $t0, 0
    lui     $t1, 0x8000             # kseg0
1:  mtgc0   $t1, $10, 0             # EntryHi: a VPN2 of its own
    mtgc0   $t0, $0, 0              # Index
    ehb
    tlbgwi
    addiu   $t0, $t0, 1
    bne     $t0, $t5, 1b
    addiu   $t1, $t1, 1 << 13
    mtgc0   $zero, $10, 0
    mtgc0   $zero, $0, 0
    jr      $ra
    ehb
    .end arch_guest_tlb_clear

/* ---- the wait for a window's start ------------------------------------- */
/* arch_wait_until(at): returns when Count has reached `at` (a0), or after
 * a1 rounds of the loop (bounded: the caller passes what the lead allows).
 * Its own routine so that the switch's work can be measured from outside
 * without the wait: the switch's part before it ends at arch_wait_until,
 * the part after it starts at arch_wait_done (bench/sched). 5 cycles a
 * round. */
    .globl arch_wait_until, arch_wait_done
    .ent arch_wait_until
arch_wait_until:
    mfc0    $t0, $9                 # Count
1:  subu    $t0, $a0, $t0
    blez    $t0, arch_wait_done
    addiu   $a1, $a1, -1
    bgtz    $a1, 1b
    mfc0    $t0, $9
arch_wait_done:
    jr      $ra
    nop
    .end arch_wait_until

/* ---- the swap ------------------------------------------------------------ */
/*
 * The core timer's own interrupt entry (its vector offset points here:
 * time_init). Its event is the scheduler's (sched_state.event due, a
 * plan set): the swap; else (a queued event, or a switch C does) the one
 * way into C. From a guest its PC and HI/LO are kept as exc_common would
 * (cur->pc, arch_hilo), so the swap finds what it finds when C calls it.
 * A queued event (the scheduler's not due) goes to time_fast (timer.S).
 * 12 cycles to arch_swap.
 */
    .globl swap_vector
    .ent swap_vector
swap_vector:
    lw      $t1, %gp_rel(sched_state + SW_EVENT)($gp) # (set 0's $gp: C's small data)
    mfc0    $t2, $9                 # Count
    lw      $t0, %gp_rel(sched_state + SW_PLAN)($gp)
    subu    $t3, $t2, $t1
    bltz    $t3, time_fast          # not due: a queued event (timer.S)
    mfc0    $t6, $12, 6             # GuestCtl0
    beqz    $t0, exc_common         # the due event is C's
    lw      $t7, %gp_rel(cur)($gp)
    bgez    $t6, 1f                 # GM = 0: from the idle loop
    mfc0    $t8, $14                # EPC: where the guest goes on
    mfhi    $t4
    mflo    $t5
    sw      $t8, VCPU_PC($t7)
    lui     $t7, %hi(arch_hilo)
    sw      $t4, %lo(arch_hilo)($t7)
    sw      $t5, %lo(arch_hilo + 4)($t7)
1:  la      $sp, hv_stack_top
    jal     arch_swap_plan          # (t0: the plan)
    nop
    j       exc_common              # declined: the C path
    nop
    .end swap_vector

/*
 * arch_swap(): the switch sched_state.plan describes, whose event is due
 * (the caller checked). Returns, having changed nothing, when C must do
 * it (a queued event due too, or the guest cannot run); otherwise it
 * ends in the ERET to the guest's first instruction at its window's
 * start. The running guest's PC is in cur->pc and the loaded guest's
 * HI/LO in arch_hilo (exc_common's convention).
 */
    .globl arch_swap, arch_swap_plan
    .ent arch_swap
arch_swap:
    lw      $t0, %gp_rel(sched_state + SW_PLAN)($gp)
arch_swap_plan:                     # (t0: the plan; the hypervisor's $gp: hv_ram, tinyvp.ld)
    lbu     $t8, %gp_rel(evq_len)($gp) # t8: queued events (Compare, below)
    lw      $t1, WIN_VCPU($t0)      # the incoming guest
    beqz    $t8, 1f
    lw      $t4, %gp_rel(evq_head_when)($gp)
    mfc0    $t5, $9
    subu    $t4, $t4, $t5
    blez    $t4, 9f                 # a queued event is due too: C, in order
1:  lbu     $t2, VCPU_STATE($t1)
    addiu   $t7, $gp, %gp_rel(sched_state)
    bnez    $t2, 9f                 # waiting or stopped: C (the window idles)
    lw      $t5, SW_PLAN_FSTART($t7)
    move    $s0, $t7                # s0: the state
    lw      $s6, SW_PLAN_FINC($s0)  # s6: a new frame begins
    move    $s1, $t0                # s1: the window's plan
    move    $s2, $t1                # s2: its guest

    /* the scheduler's state, as sched_boundary + window_start leave it */
    lw      $s4, SW_PLAN_START($s0) # s4: the start
    lw      $s5, SW_OWNER($s0)
    lw      $t4, SW_ACTIVE($s0)
    beqz    $s6, 1f
    sw      $t5, SW_FRAME_START($s0)
    lw      $t2, SW_FRAMES($s0)     # a frame begins: frames + 1 (64 bits)
    lw      $t3, SW_FRAMES+4($s0)
    addiu   $t6, $t2, 1
    sltu    $t7, $t6, $t2
    addu    $t3, $t3, $t7
    sw      $t6, SW_FRAMES($s0)
    sw      $t3, SW_FRAMES+4($s0)
1:  movz    $s5, $zero, $t4         # s5: the closing window's guest, if one was open
    lw      $t0, WIN_INDEX($s1)
    li      $t6, 1
    lw      $t1, WIN_END($s1)
    sw      $t0, SW_WIN($s0)
    sw      $t6, SW_ACTIVE($s0)
    sw      $s2, SW_OWNER($s0)
    sb      $zero, VCPU_YIELDED($s2)
    sw      $s4, SW_START_AT($s0)
    lw      $t2, WIN_NEXT_START($s1)
    addu    $t4, $t5, $t1           # its end
    lw      $t3, WIN_FRAME_ADV($s1)
    sw      $t4, SW_BOUNDARY($s0)
    bne     $t1, $t2, 2f            # idle time follows: that end is C's (no plan)
    move    $t0, $zero
    lw      $t0, WIN_NEXT($s1)      # back to back: the next start is a swap too
    addu    $t5, $t5, $t3           # its frame
    sltu    $t3, $zero, $t3         # a new one
    sw      $t4, SW_PLAN_START($s0)
    sw      $t5, SW_PLAN_FSTART($s0)
    sw      $t3, SW_PLAN_FINC($s0)
    lw      $t6, WIN_VCPU($t0)
    lbu     $t7, VCPU_TLB_USER($s2)
    beq     $t6, $s2, 2f            # the same guest goes on: no lead (nothing to switch)
    lbu     $t6, VCPU_TLB_USER($t6)
    addiu   $t4, $t4, -SCHED_LEAD   # its event, the lead before it
    or      $t6, $t6, $t7
    beqz    $t6, 2f
    nop
    addiu   $t4, $t4, -SCHED_LEAD_TLB # more if either guest uses its TLB
2:  sw      $t0, SW_PLAN($s0)
    sw      $t4, SW_EVENT($s0)

    /* Compare: the earlier of that event and the queue's head, at least
     * SWAP_AHEAD ticks ahead of Count (an interrupt must come); writing
     * it drops the core's request, then the flag is cleared */
    beqz    $t8, 3f                 # no queued event
    lw      $t2, %gp_rel(evq_head_when)($gp)
    subu    $t3, $t2, $t4
    slt     $t3, $t3, $zero
    movn    $t4, $t2, $t3           # the head is earlier
3:  mfc0    $t0, $9
    lw      $t2, SW_ACK_REG($s0)
    addiu   $t0, $t0, 16
    subu    $t1, $t4, $t0
    slt     $t1, $t1, $zero
    movn    $t4, $t0, $t1
    mtc0    $t4, $11                # Compare
    lw      $t1, SW_ACK_BIT($s0)
    beqz    $s6, 4f                 # hv_time: Count seen at least once a
    sw      $t1, 0($t2)             # frame; the core timer's flag cleared
    lw      $t3, %gp_rel(hv_time_last)($gp)
    mfc0    $t4, $9
    lw      $t6, %gp_rel(hv_time_high)($gp)
    sltu    $t7, $t4, $t3           # Count wrapped
    sw      $t4, %gp_rel(hv_time_last)($gp)
    addu    $t6, $t6, $t7
    sw      $t6, %gp_rel(hv_time_high)($gp)

    /* watchdogs (out of line): the closing window's stops, the opening
     * one's runs */
4:  lbu     $t0, %gp_rel(wdt_on_bits)($gp)
    lw      $s3, %gp_rel(hw_vcpu)($gp) # s3: whose context the hardware holds
    bnez    $t0, 20f
    lw      $s6, %gp_rel(arch_hilo)($gp) # s6, s7: HI, LO (put back before the wait)

    /* the guest CP0 context: the loaded guest's out, the incoming one's
     * in (GTOffset is only loaded: it changes only by a trapped Count
     * write, gpsi.c, which keeps it in memory too) */
21: beq     $s3, $s2, 6f            # this guest's already
    lw      $s7, %gp_rel(arch_hilo + 4)($gp)
    beqz    $s3, 5f                 # nobody's yet
    move    $s5, $zero              # s5: the switched-out guest's GuestCtl0Ext (0: none)
    lbu     $s5, VCPU_GCTL0EXT($s3)
    GS  3,  4, 0, VCPU_GCTX, $s3    # Context
    GS  9,  8, 0, VCPU_GCTX, $s3    # BadVAddr
    bnez    $s5, 1f                 # it did not touch the next eight: they are
    mfgc0   $t1, $8, 1              # as the reset left them (BadInstr: at 1)
    GS  0,  0, 0, VCPU_GCTX, $s3    # Index
    GS  1,  2, 0, VCPU_GCTX, $s3    # EntryLo0
    GS  2,  3, 0, VCPU_GCTX, $s3    # EntryLo1
    GS  4,  4, 2, VCPU_GCTX, $s3    # UserLocal
    GS  5,  5, 0, VCPU_GCTX, $s3    # PageMask
    GS  6,  5, 1, VCPU_GCTX, $s3    # PageGrain
    GS  7,  6, 0, VCPU_GCTX, $s3    # Wired
    GS  8,  7, 0, VCPU_GCTX, $s3    # HWREna
    mfgc0   $t1, $8, 1              # BadInstr
1:  sw      $t1, 10*4+VCPU_GCTX($s3)
    GS 11,  8, 2, VCPU_GCTX, $s3    # BadInstrP
    GS 13, 10, 0, VCPU_GCTX, $s3    # EntryHi
    GS 15, 12, 0, VCPU_GCTX, $s3    # Status
    GS 16, 12, 1, VCPU_GCTX, $s3    # IntCtl
    GS 17, 13, 0, VCPU_GCTX, $s3    # Cause
    GS 18, 14, 0, VCPU_GCTX, $s3    # EPC
    GS 19, 14, 2, VCPU_GCTX, $s3    # NestedEPC
    GS 20, 15, 1, VCPU_GCTX, $s3    # EBase
    GS 25, 30, 0, VCPU_GCTX, $s3    # ErrorEPC
    GS 26, 31, 2, VCPU_GCTX, $s3    # KScratch1
    GS 27, 31, 3, VCPU_GCTX, $s3    # KScratch2
    sw      $s6, VCPU_GCTX+29*4($s3) # HI, LO
    sw      $s7, VCPU_GCTX+30*4($s3)
    lw      $t1, %gp_rel(virq_offered)($gp) # its offer, kept for its next window
    mfc0    $t2, $10, 5             # GuestCtl2
    lbu     $t3, VCPU_ID($s3)
    beq     $t1, $t2, 5f
    sw      $t1, VCPU_OFFER($s3)
    li      $t4, 1                  # taken meanwhile: recomputed when it
    sllv    $t4, $t4, $t3           # comes back (its controller "changed")
    lbu     $t6, %gp_rel(board_virq_dirty)($gp)
    or      $t6, $t6, $t4
    sb      $t6, %gp_rel(board_virq_dirty)($gp)
5:  lw      $t1, %gp_rel(tlb_holder)($gp) # the guest TLB: only if a user is involved
    lbu     $t6, VCPU_TLB_USER($s2)
    beq     $t1, $s2, 7f            # it holds its own entries
    or      $t3, $t1, $t6
    bnez    $t3, 22f                # out of line: a guest TLB to switch
    nop
7:  lbu     $t4, VCPU_GCTL0EXT($s2)
    GL  3,  4, 0,   9,  8, 0, VCPU_GCTX, $s2 # Context, BadVAddr
    and     $t3, $t4, $s5
    bnez    $t3, 1f                 # neither touched the next eight: in place
    mtc0    $t4, $11, 4             # GuestCtl0Ext
    GL  0,  0, 0,   1,  2, 0, VCPU_GCTX, $s2 # Index, EntryLo0
    GL  2,  3, 0,   4,  4, 2, VCPU_GCTX, $s2 # EntryLo1, UserLocal
    GL  5,  5, 0,   6,  5, 1, VCPU_GCTX, $s2 # PageMask, PageGrain
    GL  7,  6, 0,   8,  7, 0, VCPU_GCTX, $s2 # Wired, HWREna
1:  GL 10,  8, 1,  11,  8, 2, VCPU_GCTX, $s2 # BadInstr, BadInstrP
    GL 13, 10, 0,  14, 11, 0, VCPU_GCTX, $s2 # EntryHi, Compare
    GL 15, 12, 0,  16, 12, 1, VCPU_GCTX, $s2 # Status, IntCtl
    GL 17, 13, 0,  18, 14, 0, VCPU_GCTX, $s2 # Cause, EPC
    GL 19, 14, 2,  20, 15, 1, VCPU_GCTX, $s2 # NestedEPC, EBase
    GL 21, 16, 0,  23, 16, 3, VCPU_GCTX, $s2 # Config, Config3
    GL 24, 16, 5,  25, 30, 0, VCPU_GCTX, $s2 # Config5, ErrorEPC
    lw      $t1, 26*4+VCPU_GCTX($s2)
    lw      $t2, 27*4+VCPU_GCTX($s2)
    lw      $t3, 28*4+VCPU_GCTX($s2)
    mtgc0   $t1, $31, 2             # KScratch1
    mtgc0   $t2, $31, 3             # KScratch2
    mtc0    $t3, $12, 7             # GTOffset
    lw      $s6, VCPU_GCTX+29*4($s2)
    lw      $s7, VCPU_GCTX+30*4($s2)
    lw      $t1, VCPU_SWITCHES($s2)
    sw      $s2, %gp_rel(hw_vcpu)($gp)
    addiu   $t1, $t1, 1
    sw      $t1, VCPU_SWITCHES($s2)

    /* its interrupt offer: as it left it, unless its controller changed
     * meanwhile (a reset due marks it so too), its Cause.IP1:0 differ
     * from the last sample or it watches them (software interrupts):
     * then C. Its GuestCtl0 is as virq_soft_mode left it: CP0 on, MC off
     * for a guest that does not watch them. */
6:  lbu     $t0, VCPU_ID($s2)
    lbu     $t1, %gp_rel(board_virq_dirty)($gp)
    lbu     $t2, %gp_rel(board_virq_soft_on)($gp)
    sll     $t4, $t0, 2
    addu    $t5, $gp, $t4
    or      $t1, $t1, $t2
    lw      $t5, %gp_rel(arch_soft_ip)($t5)
    srlv    $t1, $t1, $t0
    ehb                             # (the guest CP0 writes above)
    mfgc0   $t3, $13                # guest Cause
    andi    $t1, $t1, 1
    xor     $t5, $t5, $t3
    andi    $t5, $t5, CAUSEF_IP0 | CAUSEF_IP1
    or      $t1, $t1, $t5
    bnez    $t1, 8f                 # out of line: C
    lw      $t6, VCPU_OFFER($s2)
    beq     $s3, $s2, 10f           # it was loaded: its offer is in GuestCtl2 still
    nop
    mtc0    $t6, $10, 5             # GuestCtl2
    sw      $t6, %gp_rel(virq_offered)($gp)
10:
    /* root CP0 for the ERET into it: GuestID, shadow set, EPC, GuestCtl0,
     * Status (IPL 0: a hold ends; CU1 if it owns the FPU; FR as its) */
    lw      $t1, WIN_GCTL1($s1)
    lw      $t2, WIN_SRSCTL($s1)
    lw      $t3, VCPU_PC($s2)
    mtc0    $t1, $10, 4             # GuestCtl1: ID, RID
    mtc0    $t2, $12, 2             # SRSCtl: PSS
    lw      $t4, VCPU_GCTL0($s2)
    mtc0    $t3, $14                # EPC
    lui     $t5, GUESTCTL0_GM >> 16
    or      $t4, $t4, $t5
    mtc0    $t4, $12, 6             # GuestCtl0
    mfc0    $t6, $12                # Status
    mfgc0   $t7, $12                # guest Status
    lw      $t8, %gp_rel(fpu_owner)($gp)
    ins     $t6, $zero, ST0_IPL_SHIFT, 7 # IPL 6:0
    ins     $t6, $zero, 18, 1       # IPL7
    xor     $t8, $t8, $s2
    sltiu   $t8, $t8, 1             # it owns the FPU: CU1
    ins     $t6, $t8, 29, 1
    ext     $t7, $t7, 26, 1         # its FR
    ins     $t6, $t7, 26, 1
    mtc0    $t6, $12
    sw      $s2, %gp_rel(cur)($gp)

    /* the window's first instruction at its start: a root interrupt
     * pending now or after the wait is held until just after it
     * (sched_hold_for_start) */
    mfc0    $t0, $13
    ext     $t0, $t0, 10, 8         # Cause.RIPL
    bnez    $t0, 23f                # out of line
    addiu   $a0, $s4, -SCHED_TAIL
11: mthi    $s6                     # HI, LO: no C after this but sched_hold_for_start (24)
    mtlo    $s7
    jal     arch_wait_until
    li      $a1, SCHED_LEAD
    mfc0    $t0, $13
    ext     $t0, $t0, 10, 8
    bnez    $t0, 24f                # out of line
    ehb
    eret
9:  jr      $ra                     # C does it
    nop

    /* the rare parts, out of line */
20: move    $a0, $s5                # the watchdogs (sched_swap_wdt)
    move    $a1, $s2
    jal     sched_swap_wdt
    move    $a2, $s4
    b       21b
    nop
22: beqz    $t1, 1f                 # the guest TLB: the holder's entries kept
    nop
    jal     arch_guest_tlb_save
    addiu   $a0, $t1, VCPU_TLB
1:  bnez    $t6, 2f
    nop
    jal     arch_guest_tlb_clear    # none for it: cleared
    sw      $zero, %gp_rel(tlb_holder)($gp)
    b       7b
    nop
2:  jal     arch_guest_tlb_load     # its own
    addiu   $a0, $s2, VCPU_TLB
    b       7b
    sw      $s2, %gp_rel(tlb_holder)($gp)
8:  jal     sched_swap_virq         # virq_update as a C switch does it
    move    $a0, $s2
    b       10b
    nop
23: jal     sched_hold_for_start    # a root interrupt pending before the wait
    nop
    b       11b
    addiu   $a0, $s4, -SCHED_TAIL
24: jal     sched_hold_for_start    # one that came during the wait
    nop
    mthi    $s6
    mtlo    $s7
    ehb
    eret
    .end arch_swap

/*
 * Root exception vectors, the TLB refill handler, the single exception
 * path into C, and the few routines C cannot write (RDPGPR/WRPGPR by
 * register number, FPU save/restore, ERET).
 *
 * Model: the hypervisor runs only in exception context (Status.EXL = 1),
 * always in shadow set 0 (SRSCtl.ESS = 0, PRISS = 0), and set 0 belongs to
 * it alone: a guest N runs in set N. So no vector saves a register: every
 * GPR of set 0 is free at every entry. Exceptions taken while the
 * hypervisor runs (EXL = 1) are hypervisor bugs (exc_common checks
 * NestedExc). Cycle counts (vpsim model: 1/instruction, +1 load-use,
 * +5 exception entry, +3 ERET) are next to the hot paths; docs/hypervisor.md
 * has the measured totals.
 */
#include <mips/mipsregs.h>
#include <tinyvp/hypercall.h>

    .set noreorder
    .set noat
    .set virt

/* ---- vectors: EBase (the start of the hypervisor's flash, 4 KB aligned:
 * tinyvp.ld checks; no .align 12 here, gas would pad the section to 4 KB) */
    .section .vectors, "ax"
    .align 2
    .globl hv_ebase
hv_ebase:

/*
 * +0x000 TLB refill. Only guests touch mapped space, so this is a root-TLB
 * miss on a guest-physical address: BadVAddr = GPA, GuestCtl1.RID = ID =
 * the guest (set at entry). Walk the guest's tree (docs/config.md "TLB
 * refill tree"): the root ref by GPA bit 31, then 4-way nodes by two bits
 * each, until a leaf { EntryLo0, EntryLo1, PageMask }; ref 0 = not mapped
 * directly (device page or fault): the slow path in C.
 * Cost: 13 to the first node + 10 per level + 18 for the leaf + ERET;
 * a 64 KB page (7 levels) = 101 cycles, a 4 KB page (10 levels) = 131.
 *
 * The entry goes to the next slot of a round robin (arch_tlb_next, over
 * all 16: Wired = 0), not to Random: one instruction can need two
 * refills (its fetch, then its store's page), and Random counts down once
 * an instruction (MIPS32 PRA, MD00090, "Random"), so when the two refill
 * paths are a multiple of 16 instructions apart the second lands on the
 * first's slot and evicts it, and the instruction refills for ever (a
 * guest's 4 KB stack page and its code page did, with the handler's 112
 * instructions). A round robin never evicts one of the last 15 entries.
 */
refill:
    mfc0    $k0, $10, 4             # GuestCtl1: ID in 7:0
    mfc0    $k1, $8                 # BadVAddr = GPA
    andi    $k0, $k0, 7             # GuestIDs are 3 bits on the M5150
    sll     $k0, $k0, 2
    lui     $t0, %hi(hv_tree_of)
    addu    $t0, $t0, $k0
    lw      $t0, %lo(hv_tree_of)($t0)   # tree base (0: not a guest)
    srl     $t3, $k1, 29
    andi    $t3, $t3, 4             # root node: ref by GPA bit 31
    beqz    $t0, refill_slow
    addu    $t3, $t0, $t3
    b       2f
    li      $t1, 29                 # (s - 2) + 2 for the level below the root
1:  andi    $t3, $t3, 0xc           # ref index * 4: GPA bits [s+1:s]
    addu    $t3, $t2, $t3
2:  lw      $t3, 0($t3)             # ref
    addiu   $t1, $t1, -2            # next level's shift - 2
    beqz    $t3, refill_slow        # nothing mapped here
    andi    $t4, $t3, 1
    bnez    $t4, refill_leaf
    addu    $t2, $t0, $t3           # node, or leaf + 1
    bgez    $t1, 1b                 # at most 15 levels: bounded even if
    srlv    $t3, $k1, $t1           # the tree were malformed (10 is the max)
    b       refill_slow
    nop
refill_leaf:
    lw      $t3, 7($t2)             # PageMask
    lw      $t4, -1($t2)            # EntryLo0
    lw      $t5, 3($t2)             # EntryLo1
    mtc0    $t3, $5
    ori     $t3, $t3, 0x1fff
    nor     $t3, $t3, $zero
    and     $t3, $k1, $t3           # EntryHi.VPN2 = GPA & ~(mask | 0x1fff)
    lui     $t6, %hi(arch_tlb_next)
    lw      $t7, %lo(arch_tlb_next)($t6)
    mtc0    $t4, $2
    mtc0    $t5, $3
    mtc0    $t3, $10                # ASID 0: guest entries are global
    addiu   $t8, $t7, 1
    andi    $t8, $t8, 15            # the root TLB's 16 entries
    mtc0    $t7, $0                 # Index
    sw      $t8, %lo(arch_tlb_next)($t6)
    ehb
    tlbwi                           # tagged GuestCtl1.RID = this guest
    eret
refill_slow:                        # trap_entry(1): came through refill
    j       exc_common_a0
    li      $a0, 1

/* +0x180 general exception (guest exits, GPA faults on invalid/read-only
 * halves, root CpU for the lazy FPU, bus errors, ...). Set 0 is ours: any
 * GPR is free. A guest load or store the root TLB refused (TLBL/TLBS,
 * GPA) goes to the board's fast paths first (board_fast_access: the
 * hottest emulated registers; it jumps to exc_common for anything else).
 * Two exits are handled without C (dispatch: 11 cycles; 13 for GPSI):
 * - a guest's index-type CACHE op (GPSI: hit types run natively with
 *   GuestCtl0.CG), which a bare-board start-up does a thousand times to
 *   initialise caches the hypervisor already owns. Ignored (Index
 *   Writeback Invalidate D, op 0x01, goes to C, which does it; so does a
 *   hit type, should one trap: gpsi.c), EPC + 4; in a delay slot C
 *   emulates the branch. 30 cycles with ERET.
 * - HYPCALL 0 (version) (hc_fast).
 * From microMIPS guest code (EPC bit 0) neither matches: no microMIPS
 * instruction has major opcode 0x2f in a GPSI (it is LDC1), and a
 * microMIPS HYPCALL has bits 15:11 of its code field nonzero here (its
 * code is in 25:16): both go to C, which decodes them (insn_mm.c). */
    .org    0x180
    mfc0    $k0, $13                # Cause
    mfc0    $k1, $12, 6             # GuestCtl0
    ext     $t0, $k0, 2, 5          # ExcCode
    ext     $t1, $k1, 2, 5          # GExcCode (meaningful when ExcCode = GE)
    ins     $t1, $t0, 5, 5          # ExcCode << 5 | GExcCode
    xori    $t0, $t1, EXCCODE_GE << 5 | GEXC_HC
    beqz    $t0, hc_fast
    ori     $t0, $t1, 1 << 5        # TLBL (2) or TLBS (3), GPA:
    xori    $t0, $t0, EXCCODE_TLBS << 5 | GEXC_GPA
    beqz    $t0, board_fast_access  # the board's (fast.S), else exc_common
    xori    $t0, $t1, EXCCODE_GE << 5 | GEXC_GPSI
    bnez    $t0, not_gpsi           # not a GPSI
    mfc0    $t2, $8, 1              # BadInstr
    srl     $k1, $t2, 16
    xori    $k1, $k1, 0x2f << 10 | 0x01
    andi    $k1, $k1, 0xfc1f        # opcode and op field: 0 = CACHE op 0x01
    beqz    $k1, exc_common         # Index Writeback Invalidate D: C
    andi    $t0, $k1, 0x10          # op 0x10..0x1f: a hit type
    bnez    $t0, exc_common         # a trapped hit op (gpsi.c) or not CACHE: C
    andi    $k1, $k1, 0xfc00        # opcode bits only
    bnez    $k1, exc_common         # not CACHE
    nop
    bltz    $k0, exc_common         # Cause.BD: in a delay slot
    mfc0    $k0, $14
    addiu   $k0, $k0, 4
    mtc0    $k0, $14
    ehb
    eret

/* +0x200 interrupts: every vector the hypervisor enables has OFFx = 0x200
 * (the controller's offset; IntCtl.VS != 0, Cause.IV = 1). */
    .org    0x200
    j       exc_common
    nop

/*
 * GHFC (k1 = GuestCtl0, k0 = Cause): a guest with a core software
 * interrupt enabled runs with GuestCtl0.MC, so its exception entries and
 * its ERETs exit here (hv/core/sched.c, virq_soft_mode). Entry (guest EXL
 * or ERL now 1): CP0 = 1, the handler's CP0 instructions run natively.
 * ERET (back to task level): CP0 = 0 again, unless its Cause.IP1:0 rose
 * since the last sample (a yield its handler asked for) or an offered
 * interrupt was taken meanwhile: C then raises the flag, records and
 * re-offers. EPC is already the guest's new PC. Anything else a non-GPSI
 * exit: exc_common (2 cycles for this check). Cycles: entry ~20, ERET ~30.
 */
not_gpsi:
    xori    $t0, $t1, EXCCODE_GE << 5 | GEXC_GHFC
    bnez    $t0, exc_common
    lui     $t3, GUESTCTL0_CP0 >> 16
    mfgc0   $t0, $12, 0             # guest Status
    andi    $t0, $t0, ST0_EXL | ST0_ERL
    beqz    $t0, 1f
    mfgc0   $t4, $13, 0             # guest Cause
    or      $k1, $k1, $t3           # entered a handler: CP0 on
    mtc0    $k1, $12, 6
    ehb
    eret
1:  mfc0    $t5, $10, 4             # GuestCtl1: ID in 2:0
    andi    $t4, $t4, CAUSEF_IP0 | CAUSEF_IP1
    andi    $t5, $t5, 7
    sll     $t5, $t5, 2
    lui     $t6, %hi(arch_soft_ip)
    addu    $t6, $t6, $t5
    lw      $t7, %lo(arch_soft_ip)($t6)
    nor     $t8, $t7, $zero
    and     $t8, $t8, $t4           # rose since the last sample
    bnez    $t8, exc_common
    lui     $t0, %hi(virq_offered)
    lw      $t0, %lo(virq_offered)($t0)
    mfc0    $t1, $10, 5             # GuestCtl2
    bne     $t0, $t1, exc_common    # an offered interrupt was taken
    sw      $t4, %lo(arch_soft_ip)($t6) # a fall: recorded (C agrees)
    nor     $t3, $t3, $zero
    and     $k1, $k1, $t3           # task level: CP0 off
    mtc0    $k1, $12, 6
    ehb
    eret

/*
 * HYPCALL (k0 = Cause). Hypercall 0 (version: v0 = ABI, v1 =
 * GuestCtl1.ID = the guest) right here, written into the guest's shadow
 * set (PSS = the guest). It changes nothing C would look at on the way
 * out, so the exit is the C path's exactly when GuestCtl2 is still what
 * virq_update offered (else an interrupt was taken since, GRIPL cleared:
 * C records it and re-offers). A timer deadline that passed meanwhile is
 * a pending root interrupt, taken at the first guest instruction (what
 * sched_resume's time_due does on the C path). In a delay slot: C (branch emulation).
 * Cycles (vpsim): HYPCALL 1 + entry 5 + vector 8 + 18 here + ERET 3 = 35.
 * Any other code: hcall.c.
 */
hc_fast:
    mfc0    $t4, $8, 1              # BadInstr
    lui     $t5, %hi(virq_offered)
    lw      $t5, %lo(virq_offered)($t5)
    ext     $t4, $t4, 11, 10        # the code
    bnez    $t4, hc_other
    mfc0    $t6, $10, 5             # GuestCtl2
    bltz    $k0, exc_common         # Cause.BD
    mfc0    $t7, $10, 4             # GuestCtl1: ID in 7:0
    bne     $t5, $t6, exc_common    # an offered interrupt was taken
    lui     $t5, TVP_ABI_VERSION >> 16
    andi    $t7, $t7, 0xff
    wrpgpr  $2, $t5                 # v0
    wrpgpr  $3, $t7                 # v1
    mfc0    $t6, $14
    addiu   $t6, $t6, 4
    mtc0    $t6, $14
    ehb
    eret

/*
 * Any other hypercall (t4 = its code, t5 = virq_offered, t6 = GuestCtl2,
 * k0 = Cause): the thin exit. A service of hv_hc_table (hcall.c: those
 * that only compute results) is called straight from here, with the
 * guest's a0..a2 and the code as its arguments (RDPGPR), its 64-bit
 * result written to the guest's v0/v1 (WRPGPR): no exit record, no
 * trap_entry, no sched_resume. HI/LO (the guest's: not in the shadow
 * sets) are kept in s0/s1 across the call, which C preserves. The C
 * path (exc_common) takes what this cannot: no such service or one that
 * is not in the table (yield), a delay slot, microMIPS code (its code
 * field is elsewhere: insn_mm.c), an offered interrupt taken, and any
 * root timer event due within EXIT_BOUND_TICKS (the window's switch
 * event among them: sched_defer decides there). After the service: the
 * guest's virtual controller unchanged (board_virq_dirty), EPC + 4 and
 * ERET; else the end of the C path (hc_thin_resume). A timer deadline
 * that passed meanwhile is a root interrupt taken at the guest's first
 * instruction (as in hc_fast). Cycles: 44 around the service.
 */
#define HC_THIN_BOUND 1200          /* ticks: hv/core/hv.h EXIT_BOUND_TICKS */
hc_other:
    sltiu   $t0, $t4, TVP_HC_COUNT
    beqz    $t0, exc_common         # no such service: C answers ENOSYS
    sll     $t0, $t4, 2
    lui     $t1, %hi(hv_hc_table)
    addu    $t1, $t1, $t0
    lw      $t9, %lo(hv_hc_table)($t1)
    mfc0    $t2, $14                # EPC
    bltz    $k0, exc_common         # Cause.BD: C emulates the branch
    andi    $t0, $t2, 1             # microMIPS
    bnez    $t0, exc_common
    mfc0    $t3, $11                # root Compare: the next timer event
    beqz    $t9, exc_common         # a service C does (yield)
    mfc0    $t0, $9                 # Count
    bne     $t5, $t6, exc_common    # an offered interrupt was taken
    subu    $t3, $t3, $t0
    slti    $t3, $t3, HC_THIN_BOUND
    bnez    $t3, exc_common         # an event is near or due: C (sched_defer)
    mfhi    $s0
    mflo    $s1
    rdpgpr  $a0, $4
    rdpgpr  $a1, $5
    rdpgpr  $a2, $6
    move    $a3, $t4                # the code
    la      $sp, hv_stack_top
    jalr    $t9
    move    $s2, $t2                # EPC (C keeps s0-s8)
    mfc0    $t0, $10, 4             # GuestCtl1: ID in 2:0
    lui     $t1, %hi(board_virq_dirty)
    lbu     $t1, %lo(board_virq_dirty)($t1)
    andi    $t0, $t0, 7
    srlv    $t1, $t1, $t0
    andi    $t1, $t1, 1
    wrpgpr  $2, $v0
    bnez    $t1, hc_thin_c
    wrpgpr  $3, $v1
    addiu   $s2, $s2, 4
    mtc0    $s2, $14
    mthi    $s0
    mtlo    $s1
    ehb
    eret
hc_thin_c:                          # the controller changed: re-offer in C
    lui     $t0, %hi(arch_hilo)     # (the exit may end in another guest)
    sw      $s0, %lo(arch_hilo)($t0)
    sw      $s1, %lo(arch_hilo + 4)($t0)
    jal     hc_thin_resume
    addiu   $a0, $s2, 4
    j       arch_eret
    nop

/* ---- the one way into C ---------------------------------------------- */
    .text
    .globl exc_common
exc_common:
    li      $a0, 0
exc_common_a0:
    mfc0    $t6, $13, 5             # NestedExc: taken inside the hypervisor?
    andi    $t6, $t6, ST0_EXL
    bnez    $t6, exc_nested         # (3 cycles on every way into C)
    mfc0    $t6, $12, 6             # GuestCtl0
exc_c:
    la      $sp, hv_stack_top
    /* HI/LO are not part of the shadow register sets. arch_hilo holds
     * the loaded guest's while it is not running: saved here when the
     * exception came from guest mode (GuestCtl0.GM still 1; the root idle
     * loop runs with GM = 0 and its HI/LO are nobody's), put back on the
     * way into a guest; arch_gctx_save/load move them to and from the
     * partitions' contexts when C switches guests. 7 cycles each way. */
    bgez    $t6, 1f                 # GM = 0: from the idle loop
    mfhi    $t8
    mflo    $t9
    lui     $t7, %hi(arch_hilo)
    sw      $t8, %lo(arch_hilo)($t7)
    sw      $t9, %lo(arch_hilo + 4)($t7)
1:  jal     trap_entry              # decides where to go back to and
    nop                             # ends here (it does not return)
    .globl arch_eret
arch_eret:
    mfc0    $t6, $12, 6             # GuestCtl0
    bgez    $t6, 2f                 # GM = 0: to the idle loop
    lui     $t7, %hi(arch_hilo)
    lw      $t8, %lo(arch_hilo)($t7)
    lw      $t9, %lo(arch_hilo + 4)($t7)
    mthi    $t8
    mtlo    $t9
2:  ehb
    eret

/*
 * An exception taken inside the hypervisor (Status.EXL already 1: MIPS32
 * PRA, MD00090, "Nested Fault": EPC, Cause.BD and the shadow set stay the
 * guest exit's, NestedEPC holds the PC that faulted, NestedExc.EXL = 1).
 * A bus error (DBE) at one of arch_dev_load/arch_dev_store's accesses is
 * the device's answer to a guest's forwarded access: it resumes at
 * arch_dev_fault, which returns false to their caller, with nothing of
 * the exit's state lost (C saved Cause and EPC at entry; sp, ra, s0-s8
 * untouched: they are leaf routines, and this path and the vector before
 * it use only k0/k1, t0-t8, a0). A floating-point exception (FPE) at
 * arch_fpu_restore's CTC1 is a guest's own FCSR written back with a Cause
 * bit its Enable bit (or Cause.E) makes an exception: the guest left it
 * so after its own FPE, and on a bare chip the FCSR keeps it. The CTC1
 * has written FCSR (MIPS32 Vol. II, MD00086, CTC1: FCSR is written, then
 * the exception is signalled): it resumes past it. Anything else goes to
 * C, which panics (trap_nested). 32 cycles from the DBE to
 * arch_dev_fault.
 */
exc_nested:
    mfc0    $t7, $13               # Cause: the nested exception's ExcCode
    ext     $t7, $t7, 2, 5
    xori    $t8, $t7, EXCCODE_FPE
    beqz    $t8, 2f                # an FPE: the guest's FCSR written back?
    xori    $t7, $t7, EXCCODE_DBE
    bnez    $t7, 1f
    mfc0    $t7, $14, 2            # NestedEPC
    la      $t8, arch_dev_try
    subu    $t7, $t7, $t8
    sltiu   $t7, $t7, arch_dev_try_end - arch_dev_try
    bnez    $t7, arch_dev_fault
    nop
1:  la      $sp, hv_stack_top
    jal     trap_nested            # a hypervisor bug: C panics
    nop
2:  mfc0    $t7, $14, 2            # NestedEPC
    la      $t8, arch_fpu_fcsr
    bne     $t7, $t8, 1b
    nop
    j       arch_fpu_fcsr + 4      # past the CTC1: FCSR holds the guest's value
    nop

/*
 * The forwarded device accesses (hv/core/emul.c): bool
 * arch_dev_load(va, size, *val), bool arch_dev_store(va, size, val), va a
 * kseg1 address, size 1, 2 or 4. True: done; false: the access took a bus
 * error (exc_nested). Every access instruction lies between arch_dev_try
 * and arch_dev_try_end, none in a delay slot; a store is followed by
 * SYNC inside the range, so a bus error the bus reports late for a posted
 * write still arrives here (MIPS32 Vol. II, MD00086, SYNC: the stores
 * before it complete first). 7 instructions (a word load) to 10 (a byte
 * store).
 */
    .globl arch_dev_load, arch_dev_store
arch_dev_load:
    addiu   $t0, $a1, -4
    beqz    $t0, 4f
    addiu   $t0, $a1, -2
    beqz    $t0, 2f
    nop
arch_dev_try:
    lbu     $t1, 0($a0)
    b       5f
    nop
2:  lhu     $t1, 0($a0)
    b       5f
    nop
4:  lw      $t1, 0($a0)
5:  sw      $t1, 0($a2)
    jr      $ra
    li      $v0, 1
arch_dev_store:
    addiu   $t0, $a1, -4
    beqz    $t0, 4f
    addiu   $t0, $a1, -2
    beqz    $t0, 2f
    nop
    sb      $a2, 0($a0)
    b       5f
    nop
2:  sh      $a2, 0($a0)
    b       5f
    nop
4:  sw      $a2, 0($a0)
5:  sync
    nop
arch_dev_try_end:
    jr      $ra
    li      $v0, 1
arch_dev_fault:
    jr      $ra
    move    $v0, $zero

    .bss
    .align  3
    .globl arch_hilo
arch_hilo:                          /* HI, LO of the guest being handled */
    .space  8
    .text

/* Root idle: entered with GM = 0 and EXL cleared by ERET; interrupts end
 * it (the handler never returns here unless there is still nothing to
 * run; the loop holds no state). */
    .align 2
    .globl hv_idle_loop
hv_idle_loop:
    wait
    b       hv_idle_loop
    nop


/* ---- a guest's SDBBP ------------------------------------------------------ */
/* The M5150 has no guest debug mode: a guest's SDBBP enters root Debug Mode
 * at the boot flash's debug vector (MIPS EJTAG Specification MD00047, VZ
 * module MD00846), which jumps here with the guest's k0 in DESAVE. Debug
 * Mode cannot switch shadow sets nor run C, so it hands over to a real
 * exception: GuestCtl0.GM and root IE off, the guest's PC (DEPC) kept in
 * ErrorEPC (the hypervisor never sets ERL), its HI/LO saved where
 * exc_common would have (it sees GM = 0 and does not), and DERET to
 * arch_debug_stub, whose SYSCALL is then an ordinary root exception from
 * the guest's shadow set (PSS = the guest's, CSS = 0, EXL = 1).
 * trap_entry knows it by its EPC; arch_debug_return puts GM and IE back.
 * Root EPC holds the guest's k1 meanwhile (the SYSCALL writes it anyway).
 * An SDBBP with root EXL/ERL set or GM = 0 is the hypervisor's own (there
 * is none): skipped. From the SDBBP to the SYSCALL's exception: 31
 * instructions, 40 cycles (vpsim; --measure exc:32..exc:8). */
    .globl arch_debug_entry
arch_debug_entry:
    mfc0    $k0, $12                # root Status
    andi    $k0, $k0, ST0_EXL | ST0_ERL
    bnez    $k0, 8f
    mfc0    $k0, $12, 6             # GuestCtl0
    bgez    $k0, 8f                 # GM = 0
    nop
    ins     $k0, $zero, 31, 1       # GM = 0: the DERET lands in root
    mtc0    $k0, $12, 6
    mfc0    $k0, $12
    ins     $k0, $zero, 0, 1        # root IE = 0 until the SYSCALL is taken
    mtc0    $k0, $12
    mfc0    $k0, $24                # DEPC: the guest's SDBBP (or its branch)
    mtc0    $k0, $30                # ErrorEPC
    mtc0    $k1, $14                # the guest's k1, for a moment
    lui     $k0, %hi(arch_hilo)
    mfhi    $k1
    sw      $k1, %lo(arch_hilo)($k0)
    mflo    $k1
    sw      $k1, %lo(arch_hilo + 4)($k0)
    mfc0    $k1, $14
    la      $k0, arch_debug_stub
    mtc0    $k0, $24
    ehb
    mfc0    $k0, $31                # the guest's k0 back
    deret
8:  mfc0    $k0, $24
    addiu   $k0, $k0, 4
    mtc0    $k0, $24
    ehb
    mfc0    $k0, $31
    deret

    .globl arch_debug_stub
arch_debug_stub:
    syscall                         # root, GM = 0, EXL = 0, IE = 0

/* ---- guest GPRs by number: RDPGPR/WRPGPR encode the register ---------- */
    .globl arch_gpr_get
    .ent arch_gpr_get
arch_gpr_get:
    andi    $a0, $a0, 31
    sll     $a0, $a0, 3
    la      $t0, 1f
    addu    $t0, $t0, $a0
    jr      $t0
    nop
    .globl arch_gpr_get_n           # entry n at 8 n (fast.S jumps there: v0 = GPR n)
arch_gpr_get_n:
1:
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    jr      $ra
    rdpgpr  $v0, $\n
    .endr
    .end arch_gpr_get

    .globl arch_gpr_set
    .ent arch_gpr_set
arch_gpr_set:
    andi    $a0, $a0, 31
    sll     $a0, $a0, 3
    la      $t0, 1f
    addu    $t0, $t0, $a0
    jr      $t0
    nop
1:
    jr      $ra                     # $0 stays zero
    nop
    .irp    n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    jr      $ra
    wrpgpr  $\n, $a1
    .endr
    .end arch_gpr_set

/* ---- guest CP0 by number (reg * 8 + sel), for hv/core/gpsi.c's emulation
 * of a task's MFC0/MTC0: the registers a task of a bare-metal firmware
 * uses. arch_gc0_read(rs, &v) / arch_gc0_write(rs, v): 0 when rs is not
 * one of them. A linear search of the byte list (bounded: its length),
 * then the stub: read 8 bytes, write 16 (MTGC0, EHB). ------------------- */
#define GC0_R(r, s) .byte r * 8 + s
    .macro gc0_rd_stub r, s
    jr      $t4
    mfgc0   $v0, $\r, \s
    .endm
    .macro gc0_wr_stub r, s
    mtgc0   $a1, $\r, \s
    ehb
    jr      $ra
    nop
    .endm
    .section .rodata
gc0_rd_list:                        # the order of the read stubs
    GC0_R(12, 0); GC0_R(13, 0); GC0_R(14, 0); GC0_R(30, 0); GC0_R(12, 1)
    GC0_R(15, 1); GC0_R(4, 2); GC0_R(7, 0); GC0_R(4, 0); GC0_R(31, 2)
    GC0_R(31, 3); GC0_R(8, 0); GC0_R(8, 1); GC0_R(8, 2); GC0_R(14, 2)
    GC0_R(16, 0); GC0_R(16, 1); GC0_R(16, 3); GC0_R(16, 5)
gc0_rd_end:
gc0_wr_list:                        # the order of the write stubs
    GC0_R(14, 0); GC0_R(30, 0); GC0_R(12, 1); GC0_R(15, 1); GC0_R(4, 2)
    GC0_R(7, 0); GC0_R(4, 0); GC0_R(31, 2); GC0_R(31, 3)
gc0_wr_end:
    .text
    .globl arch_gc0_read
    .ent arch_gc0_read
arch_gc0_read:
    la      $t0, gc0_rd_list
    la      $t1, gc0_rd_end
    la      $t3, 2f
1:  lbu     $t2, 0($t0)
    beq     $t2, $a0, 3f
    addiu   $t0, $t0, 1
    bne     $t0, $t1, 1b
    addiu   $t3, $t3, 8
    jr      $ra
    move    $v0, $zero
3:  jalr    $t4, $t3                # the stub: v0 = the register
    nop
    sw      $v0, 0($a1)
    jr      $ra
    li      $v0, 1
2:  gc0_rd_stub 12, 0
    gc0_rd_stub 13, 0
    gc0_rd_stub 14, 0
    gc0_rd_stub 30, 0
    gc0_rd_stub 12, 1
    gc0_rd_stub 15, 1
    gc0_rd_stub 4, 2
    gc0_rd_stub 7, 0
    gc0_rd_stub 4, 0
    gc0_rd_stub 31, 2
    gc0_rd_stub 31, 3
    gc0_rd_stub 8, 0
    gc0_rd_stub 8, 1
    gc0_rd_stub 8, 2
    gc0_rd_stub 14, 2
    gc0_rd_stub 16, 0
    gc0_rd_stub 16, 1
    gc0_rd_stub 16, 3
    gc0_rd_stub 16, 5
    .end arch_gc0_read

    .globl arch_gc0_write
    .ent arch_gc0_write
arch_gc0_write:
    la      $t0, gc0_wr_list
    la      $t1, gc0_wr_end
    la      $t3, 2f
1:  lbu     $t2, 0($t0)
    beq     $t2, $a0, 3f
    addiu   $t0, $t0, 1
    bne     $t0, $t1, 1b
    addiu   $t3, $t3, 16
    jr      $ra
    move    $v0, $zero
3:  jr      $t3                     # the stub returns to the caller
    li      $v0, 1
2:  gc0_wr_stub 14, 0
    gc0_wr_stub 30, 0
    gc0_wr_stub 12, 1
    gc0_wr_stub 15, 1
    gc0_wr_stub 4, 2
    gc0_wr_stub 7, 0
    gc0_wr_stub 4, 0
    gc0_wr_stub 31, 2
    gc0_wr_stub 31, 3
    .end arch_gc0_write

/* ---- FPU: struct fpu_ctx { u64 fpr[32]; u32 fcsr; } ------------------- */
/* FR = 0: the 16 even doubles hold all 32 singles; FR = 1: all 32. */
    .set hardfloat
    .globl arch_fpu_save
    .ent arch_fpu_save
arch_fpu_save:
    cfc1    $t0, $31
    sw      $t0, 256($a0)
    .irp    n, 0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30
    sdc1    $f\n, \n*8($a0)
    .endr
    mfc0    $t0, $12
    sll     $t0, $t0, 5             # Status.FR (bit 26) to the sign
    bgez    $t0, 9f
    nop
    .set push
    .set fp=64
    .irp    n, 1,3,5,7,9,11,13,15,17,19,21,23,25,27,29,31
    sdc1    $f\n, \n*8($a0)
    .endr
    .set pop
9:  jr      $ra
    nop
    .end arch_fpu_save

    .globl arch_fpu_restore
    .ent arch_fpu_restore
arch_fpu_restore:
    .irp    n, 0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30
    ldc1    $f\n, \n*8($a0)
    .endr
    mfc0    $t0, $12
    sll     $t0, $t0, 5
    bgez    $t0, 9f
    lw      $t1, 256($a0)
    .set push
    .set fp=64
    .irp    n, 1,3,5,7,9,11,13,15,17,19,21,23,25,27,29,31
    ldc1    $f\n, \n*8($a0)
    .endr
    .set pop
9:
    .globl arch_fpu_fcsr
arch_fpu_fcsr:                      # (an FPE here resumes at the JR: exc_nested)
    ctc1    $t1, $31
    jr      $ra
    nop
    .end arch_fpu_restore

/* ---- caches ------------------------------------------------------------ */
/* Index Writeback Invalidate (D) of the line a guest named by index:
 * harmless to every other owner (it only writes back and drops a line). */
    .globl arch_dcache_index_wbinv
arch_dcache_index_wbinv:
    jr      $ra
    cache   0x01, 0($a0)


/*
 * The C side of every root exception: what happened (root CP0 at entry),
 * who handles it, and where the ERET goes. The hypervisor runs only here,
 * with Status.EXL = 1, so nothing nests (a nested exception is a
 * hypervisor bug: NestedExc.EXL says so).
 */
#include "hv.h"

/* the exit path's hottest functions: -O2 for these few */
#define HOT_O2 __attribute__((optimize("O2")))

struct exit_info ex;

uint32_t hv_guest_pc(void)
{
    return ex.epc;
}

/* The shell's per-guest exit kinds (hv.h, enum exit_kind), counted once
 * the exit is handled; the switch in trap_entry knows the kind, so this
 * is one increment (~3 cycles; a table lookup here was ~20). */
#if CONFIG_SHELL
#define COUNT_EXIT(k) (cur->st.kind[k]++)
#else
#define COUNT_EXIT(k) ((void)(k))
#endif
_Static_assert(EXK_GSFC == EXK_GPSI + GEXC_GSFC && EXK_HC == EXK_GPSI + GEXC_HC, "GExcCode order");

/* A root interrupt: the hypervisor's own (timer queue, console), or a
 * guest's device interrupt, which is masked at the real controller and
 * left pending in the owner's virtual one (delivered when the owner runs
 * and its enables allow, at once if it runs now). */
HOT_O2 static void irq_entry(void)
{
    irq_t v = board_irq_current();
    guest_id_t g;
    if (v == board_core_timer_vector) {
        time_irq();
    } else if (v == board_sbp_vector && sched_hold_irq(FAULT_BOUND_TICKS)) {
        return; /* a violation is handled like a guest fault: its bound */
    } else if (sched_hold_irq(IRQ_BOUND_TICKS)) {
        return; /* after the switch (its handler could delay it) */
    } else if (v == board_console_tx_vector) {
        console_kick();
        board_irq_ack(v);
    } else if (v == board_console_rx_vector) {
        console_rx();
    } else if (v == board_sbp_vector) {
        health_bus_violations();
    } else if (v != INVALID_IRQ && (g = tvp_irq_owner[v]) != HV_GUEST_ID) {
        board_virq_raise(g, v);
        virq_kick(vcpu_of(g));
    } else if (v != INVALID_IRQ) {
        board_irq_mask(v);
        hv_log("interrupt %u unexpected, masked\n", (unsigned)v);
    }
}

/* What the exit was and who handles it (trap_entry). The snapshot of
 * root CP0 is what the handlers read (ex); each reads the rest it needs
 * itself (BadVAddr, BadInstr, BadInstrP), only when it needs it. */
HOT_O2 static inline __attribute__((always_inline)) bool exit_dispatch(unsigned from_refill)
{
    ex.cause = read_c0_cause();
    ex.epc = read_c0_epc();
    ex.gctl0 = read_c0_guestctl0();
    unsigned code = EXCCODE(ex.cause);
    if (!cur) { /* root idle: only interrupts end it */
        if (code != EXCCODE_INT)
            hv_panic("exception in the idle loop");
        irq_entry();
        return false;
    }
    cur->pc = ex.epc;
    HV_STAT(cur->st.exits);
    /* Not begun when it could overrun the window's switch event
     * (sched_defer): every exit but an interrupt (not the guest's
     * instruction) and the SDBBP hand-over (arch_debug_return first).
     * Root Compare is the timer queue's head, never later than the
     * switch event (the window's boundary is always queued, or its
     * release before it: sched.c): when the head is far enough, so is
     * the event, and sched_defer need not look (~20 cycles). */
    if (code != EXCCODE_INT && code != EXCCODE_SYS &&
        (int32_t)(read_c0_compare() - read_c0_count()) < (int32_t)EXIT_BOUND_TICKS &&
        sched_defer(EXIT_BOUND_TICKS))
        return false;
    unsigned kind, g;
    switch (code) {
    case EXCCODE_INT:
        kind = EXK_INT;
        irq_entry();
        break;
    case EXCCODE_GE:
        g = GEXCCODE(ex.gctl0);
        kind = g <= GEXC_HC ? EXK_GPSI + g : EXK_GE;
        vz_exit();
        break;
    case EXCCODE_MOD: case EXCCODE_TLBL: case EXCCODE_TLBS:
    case EXCCODE_TLBRI: case EXCCODE_TLBXI:
        kind = EXK_GPA;
        emul_gpa_fault(from_refill);
        break;
    case EXCCODE_CPU:
        /* guest CU1 = 1, root CU1 = 0: the lazy FPU. Re-execute the
         * instruction (EPC unchanged) once the guest owns the FPU. */
        kind = EXK_CPU;
        if (((ex.cause & CAUSEF_CE) >> CAUSEB_CE) != 1 || !fpu_take(cur))
            health_fault(HM_FPU, 0);
        break;
    case EXCCODE_SYS:
        /* root never makes a system call: the debug vector's way in
         * (arch_debug_entry) after a guest's SDBBP, that guest's fault */
        kind = EXK_OTHER;
        if (ex.epc == (uint32_t)arch_debug_stub) {
            bool bd;
            ex.epc = cur->pc = arch_debug_return(&bd);
            ex.cause = (ex.cause & ~CAUSEF_BD) | (bd ? CAUSEF_BD : 0);
            health_fault(HM_DEBUG, 0);
        } else {
            health_fault(HM_EXC, 0);
        }
        break;
    case EXCCODE_IBE: case EXCCODE_DBE:
        kind = EXK_OTHER;
        health_fault(HM_BUS, 0);
        break;
    default:
        kind = EXK_OTHER;
        health_fault(HM_EXC, 0);
        break;
    }
    COUNT_EXIT(kind);
    return code != EXCCODE_INT;
}

/* The C side of every exit that is not answered in entry.S (exc_c; an
 * exception inside the hypervisor never gets here: trap_nested). It does
 * not return: it ends in arch_eret, so it keeps no register of its
 * caller (saves none), and from_refill says the refill handler found
 * nothing mapped at the GPA. */
HOT_O2 __attribute__((noreturn)) void trap_entry(unsigned from_refill)
{
    /* sched_resume's common case without the call (~25 cycles): after a
     * guest's own exit (not an interrupt) the guest that exited goes on
     * when nothing is due, it can still run (neither waiting, stopped
     * nor yielded) and its interrupt offer stands (GuestCtl2 as offered,
     * its controller unchanged). It was the window's owner when it
     * exited, and only time_irq changes the owner (sched_boundary),
     * which such an exit runs only through sched_resume (time_poll). */
    if (exit_dispatch(from_refill)) {
        struct vcpu *v = cur;
        if (!board_virq_changed(v->id) && read_c0_guestctl2() == virq_offered &&
            v->state == VCPU_RUNNABLE && !v->yielded &&
            !(evq_len && (int32_t)(evq_head_when - read_c0_count()) <= 0)) {
            write_c0_epc(v->pc);
            arch_eret();
        }
    }
    sched_resume();
    arch_eret();
}

/* entry.S: an exception taken while the hypervisor ran (Status.EXL was
 * already 1; NestedExc.EXL) that is not a forwarded device access's bus
 * error: a hypervisor bug. */
__attribute__((noreturn)) void trap_nested(void)
{
    hv_panic("exception inside the hypervisor");
}

/* The PC after the exiting instruction: the branch's outcome when it sat
 * in a delay slot (BadInstrP holds the branch, EPC points at it). From
 * microMIPS code (EPC bit 0, the ISA mode: MIPS32 PRA MD00090, "EPC")
 * the instruction is ex.ilen bytes long, the bit stays, and the branch
 * may be 16 or 32 bits, its slot too. */
uint32_t exit_next_pc(void)
{
    if (ex.epc & 1) {
        if (ex.cause & CAUSEF_BD)
            return insn_mm_branch_next(ex.badinstrp, ex.epc & ~1u, ex.ilen);
        return ex.epc + ex.ilen;
    }
    if (ex.cause & CAUSEF_BD)
        return insn_branch_next(ex.badinstrp, ex.epc);
    return ex.epc + 4;
}

void exit_advance(void)
{
    cur->pc = exit_next_pc();
}

/* Deliver exception `code` to the guest as its hardware would: guest EPC
 * and BD (unless guest EXL is already set), ExcCode, BadVAddr, EXL, and the
 * guest's general vector (or the BEV one). */
void guest_raise(unsigned code, bool has_badvaddr, uint32_t badvaddr)
{
    uint32_t st = read_gc0_status();
    uint32_t cause = read_gc0_cause() & ~(CAUSEF_EXCCODE | CAUSEF_CE);
    if (!(st & ST0_EXL)) {
        write_gc0_epc(ex.epc);
        cause = (cause & ~CAUSEF_BD) | (ex.cause & CAUSEF_BD);
        write_gc0_status(st | ST0_EXL);
    }
    if (code == EXCCODE_CPU)
        cause |= 1u << CAUSEB_CE;
    if (has_badvaddr)
        write_gc0_badvaddr(badvaddr);
    write_gc0_cause(cause | code << CAUSEB_EXCCODE);
    cur->pc = (st & ST0_BEV) ? 0xbfc00380u : (read_gc0_ebase() & ~0xfffu) + 0x180;
    /* the handler runs in the ISA its Config3.ISAOnExc names (MIPS32 PRA
     * MD00090, "Config3": 1 = microMIPS); EPC keeps the ISA bit it had */
    if (read_gc0_config3() & MIPS_CONF3_ISA_OE)
        cur->pc |= 1;
    virq_soft_mode(cur, true); /* now in its handler (EXL) */
}

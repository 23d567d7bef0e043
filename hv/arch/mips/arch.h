/*
 * The arch seam (MIPS32r5 + VZ): what hv/core calls below it. Everything
 * here runs in root mode, in shadow set 0, with Status.EXL = 1 (the
 * hypervisor only ever runs in exception context; see docs/hypervisor.md).
 */
#ifndef HV_ARCH_MIPS_ARCH_H
#define HV_ARCH_MIPS_ARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "cp0.h"

/* ---- guest registers ---------------------------------------------------- */
/* GPR n of the guest whose shadow set is SRSCtl.PSS (the guest that exited,
 * or the one about to be entered): RDPGPR/WRPGPR through a jump table. */
uint32_t arch_gpr_get(unsigned n);
void arch_gpr_set(unsigned n, uint32_t v);
/* The loaded guest's CP0 register rs = reg * 8 + sel, of those a task
 * uses (entry.S lists them); false / 0: not one of them. */
bool arch_gc0_read(unsigned rs, uint32_t *v);
bool arch_gc0_write(unsigned rs, uint32_t v);
/* FCSR condition code cc (0..7) of the FPU as the guest left it. */
bool arch_fp_cond(unsigned cc);

/* Guest CP0 context kept while a guest is not loaded in the hardware
 * (hv/arch/mips/gctx.c). The order follows HV_GC0_REGS. */
#define HV_GCTX_FIELD(name, reg) uint32_t name;
struct arch_gctx {
    HV_GC0_REGS(HV_GCTX_FIELD)
    uint32_t gtoffset;
    uint32_t hi, lo; /* HI/LO: shared by all shadow sets, so per guest here */
};
#undef HV_GCTX_FIELD
void arch_gctx_save(struct arch_gctx *c);
void arch_gctx_load(const struct arch_gctx *c);
/* Returns when Count reaches `at`, or after `rounds` rounds of its loop
 * (entry.S). */
void arch_wait_until(uint32_t at, uint32_t rounds);
/* The guest context of a chip just out of reset (VZ: Status = BEV | ERL,
 * Config read as the real core's), Count starting from 0 now. */
void arch_gctx_reset(struct arch_gctx *c);
/* Invalidates every guest TLB entry (the guest TLB is the loaded guest's). */
void arch_guest_tlb_clear(void);
/* A guest TLB entry as TLBGR reads it; save/load all of them (they are
 * not tagged with GuestIDs on this core: one guest's at a time). The
 * guest's EntryHi/EntryLo/PageMask/Index must already be saved/loaded
 * around these (they go through them). */
struct arch_tlbe {
    uint32_t hi, lo0, lo1, mask;
};
void arch_guest_tlb_save(struct arch_tlbe *t);
void arch_guest_tlb_load(const struct arch_tlbe *t);

/* ---- FPU ---------------------------------------------------------------- */
struct fpu_ctx {
    uint64_t fpr[32];  /* FR = 1: the 64-bit registers; FR = 0: even regs */
    uint32_t fcsr;
};
/* Save/restore the FPU in the mode Status.FR selects now; root CU1 must be
 * on (the caller's job). */
void arch_fpu_save(struct fpu_ctx *c);
void arch_fpu_restore(const struct fpu_ctx *c);

/* ---- entry, exit, idle --------------------------------------------------- */
/* ERET to what the CP0 state says (EPC, GuestCtl0.GM, SRSCtl.PSS); used
 * once at boot. Every later return goes through the exception path. */
void arch_eret(void) __attribute__((noreturn));
/* Root idle loop (WAIT) entered by ERET with GM = 0 when no guest runs. */
extern const uint32_t hv_idle_loop[];
extern const uint32_t hv_ebase[];
/* Per GuestID: the guest's refill tree (the refill handler reads it). */
extern const uint32_t *hv_tree_of[8];

/* A root TLB entry (random index) for the 8 KB pair at gpa of the loaded
 * guest (GuestCtl1.RID), both halves invalid: a device page the refill
 * found unmapped then faults straight to the general vector, without the
 * tree walk. */
void arch_tlb_add_invalid(uint32_t gpa);
extern uint32_t arch_tlb_next; /* the root TLB slot the next refill or add_invalid writes */

/* A guest's access forwarded to a device (entry.S): va in kseg1, size 1,
 * 2 or 4. false: the device answered with a bus error, caught at a
 * recovery point instead of ending the hypervisor (a load leaves *val
 * unchanged). */
bool arch_dev_load(uint32_t va, unsigned size, uint32_t *val);
bool arch_dev_store(uint32_t va, unsigned size, uint32_t val);

/* Guest-physical page kept out of every guest's map by vpconf (it once
 * held a stub; no longer used, docs/hypervisor.md "The guest LL bit"). */
#define ARCH_LL_STUB_GPA 0x1fbfe000u

/* A guest's SDBBP (entry.S, arch_debug_entry) arrives as a root SYSCALL
 * exception with EPC = arch_debug_stub. arch_debug_return() undoes what
 * the debug vector changed (GuestCtl0.GM, root IE) and gives the guest's
 * PC and whether it was in a branch delay slot (*bd). */
extern const uint32_t arch_debug_stub[];
uint32_t arch_debug_return(bool *bd);

/* GuestCtl2 as the core's virq_update last wrote it: entry.S's fast paths
 * leave the interrupt offer alone only while GuestCtl2 still equals it
 * (else the guest took the offered interrupt: the C path records it). */
extern uint32_t virq_offered;

/* Per GuestID: the guest's Cause.IP1:0 as last sampled (its software
 * interrupts, hv/core): entry.S's GHFC fast path compares and keeps it. */
extern uint32_t arch_soft_ip[8];

/* Cache maintenance for a guest's index-type CACHE op (by index). */
void arch_dcache_index_wbinv(uint32_t index_addr);

/* A guest's hit-type CACHE op done by root at `a` (a kseg0 address of the
 * same memory; MIPS32 CACHE, MD00086): Hit Invalidate I (0x10), Hit
 * Invalidate D (0x11), Hit Writeback Invalidate D (0x15), Hit Writeback D
 * (0x19). Others (the lock ops: the caches are shared) do nothing. */
static inline void arch_cache_hit(unsigned op, uint32_t a)
{
    switch (op) {
    case 0x10: __asm__ volatile("cache 0x10, 0(%0)" : : "r"(a) : "memory"); break;
    case 0x11: __asm__ volatile("cache 0x11, 0(%0)" : : "r"(a) : "memory"); break;
    case 0x15: __asm__ volatile("cache 0x15, 0(%0)" : : "r"(a) : "memory"); break;
    case 0x19: __asm__ volatile("cache 0x19, 0(%0)" : : "r"(a) : "memory"); break;
    default: break;
    }
}

#endif /* HV_ARCH_MIPS_ARCH_H */

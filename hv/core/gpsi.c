/*
 * Guest exits (root Cause.ExcCode = GE): GPSI — the guest's privileged
 * instructions tinyVP emulates so an unmodified bare-board firmware runs;
 * GSFC — a guest write of a sensitive Status/Cause/IntCtl field, done for
 * it; HC — hypercalls; GRR — a reserved instruction (a guest fault).
 * MD00846 (Virtualization Module) section 5, "Guest exceptions": for all of these the
 * instruction did not execute; root completes it and advances EPC.
 */
#include "hv.h"

#define OP(i)  ((i) >> 26)
#define RT(i)  (((i) >> 16) & 31)
#define RD(i)  (((i) >> 11) & 31)
#define SEL(i) ((i) & 7)

/* Guest MFC0 of a register the guest context traps: the value a bare
 * M5150 would give. false: not one tinyVP emulates. */
static bool c0_read(unsigned reg, unsigned sel, uint32_t *v)
{
    switch (reg * 8 + sel) {
    case CP0_RS(CP0_PRID): *v = read_c0_prid(); return true;
    case CP0_RS(CP0_COUNT): *v = read_gc0_count(); return true; /* root Count + GTOffset */
    case CP0_RS(CP0_COMPARE): *v = read_gc0_compare(); return true;
    case CP0_RS(CP0_CONFIG7): *v = read_c0_config7(); return true;
    /* no shadow sets in the guest context; debug/cache-test state is root's */
    case CP0_RS(CP0_SRSCTL): case CP0_RS(CP0_SRSMAP): case CP0_RS(CP0_SRSMAP2):
    case CP0_RS(CP0_CDMMBASE): case CP0_RS(CP0_DEBUG): case CP0_RS(CP0_DEPC):
    case CP0_RS(CP0_DESAVE): case CP0_RS(CP0_ERRCTL): case CP0_RS(CP0_CACHEERR):
    case CP0_RS(CP0_TAGLO): case CP0_RS(CP0_DATALO):
        *v = 0;
        return true;
    default:
        return false;
    }
}

static bool c0_write(unsigned reg, unsigned sel, uint32_t v)
{
    switch (reg * 8 + sel) {
    case CP0_RS(CP0_COUNT): /* guest Count = root Count + GTOffset */
        write_c0_gtoffset(cur->gctx.gtoffset = v - read_c0_count()); /* kept: the swap only loads it */
        if (cur->vt_armed)
            vtimer_arm(cur, read_gc0_compare());
        return true;
    case CP0_RS(CP0_COMPARE): /* also clears the guest's Cause.TI */
        write_gc0_compare(v);
        cur->gctx.compare = v; /* writes that trap are kept in memory too: the switch does not save them */
        vtimer_arm(cur, v);
        return true;
    case CP0_RS(CP0_CONFIG): /* only K0 is writable on the M5150 */
        write_gc0_config(cur->gctx.config = (read_gc0_config() & ~CONF_CM_CMASK) | (v & CONF_CM_CMASK));
        return true;
    case CP0_RS(CP0_CONFIG3):
        write_gc0_config3(cur->gctx.config3 = (read_gc0_config3() & ~MIPS_CONF3_ISA_OE) | (v & MIPS_CONF3_ISA_OE));
        return true;
    case CP0_RS(CP0_CONFIG5):
        write_gc0_config5(cur->gctx.config5 = (read_gc0_config5() & ~MIPS_CONF5_UFR) | (v & MIPS_CONF5_UFR));
        return true;
    /* read-only, or state the guest context does not have: ignored */
    case CP0_RS(CP0_CONFIG1): case CP0_RS(CP0_CONFIG2): case CP0_RS(CP0_CONFIG4):
    case CP0_RS(CP0_CONFIG7): case CP0_RS(CP0_PRID): case CP0_RS(CP0_SRSCTL):
    case CP0_RS(CP0_SRSMAP): case CP0_RS(CP0_SRSMAP2): case CP0_RS(CP0_CDMMBASE):
    case CP0_RS(CP0_DEBUG): case CP0_RS(CP0_DEPC): case CP0_RS(CP0_DESAVE):
    case CP0_RS(CP0_ERRCTL): case CP0_RS(CP0_CACHEERR): case CP0_RS(CP0_TAGLO):
    case CP0_RS(CP0_DATALO):
        return true;
    default:
        return false;
    }
}

/* A guest at task level with a software interrupt enabled runs with
 * GuestCtl0.CP0 = 0 (sched.c, virq_soft_mode): each of its CP0
 * instructions traps and is done here on its own context (MFGC0/MTGC0,
 * never trapping), as the guest's MTC0 would: Cause through the
 * guest-writable mask (DC, IV, WP, IP1:0: MIPS32 M5150 software user's
 * manual MD00980, "Cause"), then a software interrupt it requested is
 * raised at once; a Status change may end task level. The registers are
 * those a task (not a handler) of a bare-metal firmware touches
 * (arch_gc0_read/write, entry.S: Status, Cause, EPC, ErrorEPC, IntCtl,
 * EBase, UserLocal, HWREna, Context, KScratch1/2; BadVAddr, BadInstr/P,
 * NestedEPC, Config0/1/3/5 read only); the guest TLB's are left out: a
 * task-level TLB instruction of a software-interrupt user is a guest
 * fault (docs/hypervisor.md). */
static bool c0_guest_read(unsigned reg, unsigned sel, uint32_t *v)
{
    return arch_gc0_read(reg * 8 + sel, v);
}

#define CAUSE_GUEST_W (CAUSEF_DC | CAUSEF_IV | CAUSEF_WP | CAUSEF_IP0 | CAUSEF_IP1)
static __attribute__((noinline)) bool c0_guest_write(unsigned reg, unsigned sel, uint32_t v)
{
    switch (reg * 8 + sel) {
    case CP0_RS(CP0_CAUSE): /* MTGC0 writes Cause fully: the guest's mask here */
        write_gc0_cause((read_gc0_cause() & ~CAUSE_GUEST_W) | (v & CAUSE_GUEST_W));
        virq_soft_check(cur);
        return true;
    case CP0_RS(CP0_STATUS):
        write_gc0_status(v);
        fpu_sync_fr();
        virq_soft_mode(cur, true);
        return true;
    /* read-only, or written by hardware only */
    case CP0_RS(CP0_BADVADDR): case CP0_RS(CP0_BADINSTR): case CP0_RS(CP0_BADINSTRP):
    case CP0_RS(CP0_NESTEDEPC):
        return true;
    default: /* the rest a task uses (Count, Compare, Config: c0_write) */
        return arch_gc0_write(reg * 8 + sel, v);
    }
}

/* DI/EI (rt = Status, then IE off/on) and ERET of a guest at task level
 * (GuestCtl0.CP0 = 0: see above). false: not one of them. */
static __attribute__((noinline)) bool task_level_insn(uint32_t i)
{
    if (OP(i) == 0x10 && ((i >> 21) & 31) == 0x0b && (i & 0xffdf) == 0x6000) {
        uint32_t next = exit_next_pc(), st = read_gc0_status();
        arch_gpr_set(RT(i), st);
        write_gc0_status((i & 0x20) ? st | ST0_IE : st & ~ST0_IE);
        cur->pc = next;
        return true;
    }
    if (i == 0x42000018u && !(ex.cause & CAUSEF_BD)) { /* ERET (never in a delay slot) */
        uint32_t st = read_gc0_status();
        if (st & ST0_ERL) {
            cur->pc = read_gc0_errorepc();
            write_gc0_status(st & ~ST0_ERL);
        } else {
            cur->pc = read_gc0_epc();
            write_gc0_status(st & ~ST0_EXL);
        }
        virq_soft_mode(cur, true);
        return true;
    }
    return false;
}

/* While a guest has not used its TLB it runs with GuestCtl0.AT = 1, so
 * its first TLB instruction (TLBR/TLBWI/TLBWR/TLBP) or Wired/PageGrain
 * access traps: from then on it owns its guest TLB (AT = 3, entries kept
 * across switches) and the instruction runs again, natively. */
static bool tlb_first_use(uint32_t i)
{
    if (cur->tlb_user || OP(i) != 0x10)
        return false;
    if (i & 0x02000000u) { /* CO: TLBR 1, TLBWI 2, TLBWR 6, TLBP 8 */
        unsigned f = i & 63;
        if (f != 1 && f != 2 && f != 6 && f != 8)
            return false;
    } else {
        unsigned rs = (i >> 21) & 31, rs_sel = RD(i) * 8 + SEL(i);
        if ((rs != 0 && rs != 4) ||
            (rs_sel != CP0_RS(CP0_WIRED) && rs_sel != CP0_RS(CP0_PAGEGRAIN)))
            return false;
    }
    vcpu_tlb_claim(cur);
    return true; /* EPC unchanged: it runs again */
}

/* While a guest has not touched the registers GuestCtl0Ext.MG/OG trap it
 * runs with them (vcpu_cp0_claim): an MFC0/MTC0 that traps with its CP0
 * on and is none of those emulated above is its first use of them. It
 * claims them and runs again, natively. At task level (CP0 off, every
 * access traps) the ones arch_gc0_read/write would touch in the hardware
 * (UserLocal, HWREna) claim them and are emulated as before. */
static bool cp0_first_use(unsigned rs_sel)
{
    if (!cur->gctl0ext)
        return false;
    if (read_c0_guestctl0() & GUESTCTL0_CP0) {
        vcpu_cp0_claim(cur);
        return true; /* EPC unchanged: it runs again */
    }
    if (rs_sel == CP0_RS(CP0_USERLOCAL) || rs_sel == CP0_RS(CP0_HWRENA))
        vcpu_cp0_claim(cur);
    return false;
}

/* WAIT: the guest sleeps until one of its interrupts is pending (not
 * inlined: it keeps the other exits' register use small) */
static __attribute__((noinline)) void wait_exit(void)
{
    exit_advance();
    virq_soft_check(cur); /* "set Cause.IP0, then WAIT" */
    if (!virq_any_pending(cur))
        cur->state = VCPU_WAITING; /* until one of its interrupts is pending */
}

/* A hit-type CACHE op of a guest that traps: guests run with
 * GuestCtl0.CG = 1, so hit ops run natively, and vpsim traps none; should
 * a core trap them at task level (GuestCtl0.CP0 = 0, MIPS VZ MD00846
 * "GuestCtl0"), the op is done by root on the same memory (a kseg0/kseg1
 * address of one of its memory regions) rather than dropped, so a task's
 * writeback before DMA (Harmony's SYS_CACHE_*_by_Addr) is not lost. A
 * mapped address (its guest TLB) or a device: no effect. */
static __attribute__((noinline)) void gpsi_cache_hit(unsigned op, uint32_t va)
{
    if (va < KSEG0 || va >= KSEG2)
        return;
    uint32_t gpa = CPHYSADDR(va);
    const struct tvp_guest *g = cur->cfg;
    for (unsigned k = 0; k < g->nr_regions; k++) {
        const struct tvp_mem_region *r = &g->regions[k];
        if (r->kind != TVP_MEM_SFR && gpa - r->gpa < r->size) {
            arch_cache_hit(op, KSEG0 | (r->rpa + (gpa - r->gpa)));
            return;
        }
    }
}

static __attribute__((noinline)) void gpsi(void)
{
    uint32_t i = ex.badinstr;
    if (tlb_first_use(i))
        return;
    if (OP(i) == 0x10 && !(i & 0x02000000u)) { /* MFC0 / MTC0 */
        unsigned rs = (i >> 21) & 31;
        uint32_t v;
        if (rs == 0x0b && task_level_insn(i)) /* DI, EI */
            return;
        if (rs == 0 && c0_read(RD(i), SEL(i), &v)) {
            uint32_t next = exit_next_pc();
            arch_gpr_set(RT(i), v);
            cur->pc = next;
            return;
        }
        if (rs == 4 && c0_write(RD(i), SEL(i), arch_gpr_get(RT(i)))) {
            exit_advance();
            return;
        }
        if ((rs == 0 || rs == 4) && cp0_first_use(RD(i) * 8 + SEL(i)))
            return;
        if (rs == 0 && c0_guest_read(RD(i), SEL(i), &v)) {
            uint32_t next = exit_next_pc();
            arch_gpr_set(RT(i), v);
            cur->pc = next;
            return;
        }
        if (rs == 4) {
            uint32_t next = exit_next_pc(); /* before the write (a branch reads GPRs only) */
            if (c0_guest_write(RD(i), SEL(i), arch_gpr_get(RT(i)))) {
                cur->pc = next;
                return;
            }
        }
    } else if (i == 0x42000018u) { /* ERET */
        if (task_level_insn(i))
            return;
    } else if (OP(i) == 0x10 && (i & 63) == 0x20) { /* WAIT */
        wait_exit();
        return;
    } else if (OP(i) == 0x2f) { /* CACHE */
        unsigned op = (i >> 16) & 31;
        uint32_t va = arch_gpr_get((i >> 21) & 31) + (uint32_t)(int16_t)i;
        /* the caches are shared: an index writeback-invalidate of the data
         * cache is safe to do for the guest, the rest (tag stores) is not */
        if (op == 0x01)
            arch_dcache_index_wbinv(KSEG0 | (va & 0xfff0));
        else if (op >= 0x10) /* hit types: trapped only at task level (CP0 = 0) */
            gpsi_cache_hit(op, va);
        exit_advance();
        return;
    } else if (OP(i) == 0x1f && (i & 63) == 0x3b && RD(i) == 2) { /* RDHWR CC */
        uint32_t next = exit_next_pc();
        arch_gpr_set(RT(i), read_gc0_count());
        cur->pc = next;
        return;
    }
    health_fault(HM_PRIV, i);
}

/* The write did not happen: do it (every field of these registers is the
 * guest's own; FR also sets the FPU mode root runs the guest with). */
static void gsfc(void)
{
    uint32_t i = ex.badinstr, v = arch_gpr_get(RT(i));
    switch (RD(i) * 8 + SEL(i)) {
    case CP0_RS(CP0_STATUS):
        write_gc0_status(v);
        fpu_sync_fr();
        virq_soft_mode(cur, true);
        break;
    case CP0_RS(CP0_CAUSE):
        write_gc0_cause(v);
        virq_soft_check(cur); /* IP1:0 may have been set with IV or DC */
        break;
    case CP0_RS(CP0_INTCTL): write_gc0_intctl(v); break;
    case CP0_RS(CP0_CONFIG5): write_gc0_config5(cur->gctx.config5 = v); break;
    case CP0_RS(CP0_PAGEGRAIN): write_gc0_pagegrain(v); break;
    default:
        health_fault(HM_PRIV, i);
        return;
    }
    exit_advance();
}

void vz_exit(void)
{
    ex.badinstr = read_c0_badinstr();
    ex.badinstrp = read_c0_badinstrp();
    /* microMIPS: every instruction that exits here is 32 bits; the
     * emulators read its MIPS32 equivalent (a GRR keeps the word) */
    if ((ex.epc & 1) && GEXCCODE(ex.gctl0) <= GEXC_HC) {
        ex.badinstr = insn_mm_to_mips32(ex.badinstr);
        ex.ilen = 4;
    }
    switch (GEXCCODE(ex.gctl0)) {
    case GEXC_GPSI: gpsi(); break;
    case GEXC_GSFC: gsfc(); break;
    case GEXC_HC: hcall(); break;
    case GEXC_GRR: health_fault(HM_INSN, ex.badinstr); break;
    case GEXC_GHFC: /* the change happened; EPC is the guest's new PC */
        /* (MC: a software-interrupt user entered or left a handler: what
         * its handler asked for through Cause.IP1:0 is seen at the ERET) */
        virq_soft_check(cur);
        virq_soft_mode(cur, true);
        break;
    default: health_fault(HM_EXC, 0); break;
    }
}

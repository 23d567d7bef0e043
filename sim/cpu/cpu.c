/*
 * vpsim: the M5150 integer core. One interpreter function (cpu_run_block), a
 * switch on the primary opcode, exceptions through cpu_exception(). Memory is
 * reached through per-4KB host pointers for kseg0/kseg1 (fast path) or the
 * bus/TLB (slow path). Time is c->cycles; see timing.h and docs/simulator.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mips/mipsregs.h>

#include "cpu_int.h"
#include "m5150.h"
#include "timing.h"

#define FAST_ENTRIES (1u << 20) /* one per 4 KB page of the 4 GB space */

static inline uint32_t ld32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}
static inline uint16_t ld16(const uint8_t *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
}
static inline void st32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static inline void st16(uint8_t *p, uint16_t v) { memcpy(p, &v, 2); }

/* ---- set-up ------------------------------------------------------------- */

void cpu_init(struct cpu *c, struct bus *bus, const struct cpu_config *cfg)
{
    memset(c, 0, sizeof *c);
    c->bus = bus;
    c->cp0.prid = cfg && cfg->prid ? cfg->prid : M5150_PRID;
    c->kmap_r = calloc(FAST_ENTRIES, sizeof(uint8_t *));
    c->kmap_w = calloc(FAST_ENTRIES, sizeof(uint8_t *));
    c->null_map = calloc(FAST_ENTRIES, sizeof(uint8_t *));
    c->gmap_r = calloc(FAST_ENTRIES, sizeof(uint8_t *));
    c->gmap_w = calloc(FAST_ENTRIES, sizeof(uint8_t *));
    if (!c->kmap_r || !c->kmap_w || !c->null_map || !c->gmap_r || !c->gmap_w) {
        fprintf(stderr, "vpsim: out of host memory\n");
        exit(2);
    }
    c->limit_cycles = UINT64_MAX;
    c->dev_deadline = UINT64_MAX;
    cpu_reset(c);
}

void cpu_free(struct cpu *c)
{
    free(c->kmap_r);
    free(c->kmap_w);
    free(c->null_map);
    free(c->gmap_r);
    free(c->gmap_w);
    c->kmap_r = c->kmap_w = c->null_map = c->gmap_r = c->gmap_w = NULL;
}

/* Builds the kseg0/kseg1 fast maps from the bus's memory regions. */
static void fastmap_build(struct cpu *c)
{
    memset(c->kmap_r + (0x80000000u >> 12), 0, (0x40000000u >> 12) * sizeof(uint8_t *));
    memset(c->kmap_w + (0x80000000u >> 12), 0, (0x40000000u >> 12) * sizeof(uint8_t *));
    for (unsigned i = 0; i < c->bus->nregions; i++) {
        const struct bus_region *r = &c->bus->region[i];
        if (!r->mem || r->base >= 0x20000000u || r->read_cycles || r->write_cycles)
            continue;
        for (uint32_t off = 0; off < r->size && r->base + off < 0x20000000u; off += 4096) {
            uint32_t pa = r->base + off;
            for (uint32_t seg = 0x80000000u; seg <= 0xA0000000u; seg += 0x20000000u) {
                uint32_t pg = (seg + pa) >> 12;
                if ((r->perm & (BUS_R | BUS_X)) == (BUS_R | BUS_X))
                    c->kmap_r[pg] = r->mem + off;
                if ((r->perm & BUS_W) && !r->on_write)
                    c->kmap_w[pg] = r->mem + off;
            }
        }
    }
    c->bus_gen = c->bus->generation;
}

void cpu_bus_changed(struct cpu *c)
{
    fastmap_build(c);
    cpu_gmap_flush(c);
}

void cpu_reset(struct cpu *c)
{
    memset(c->sets, 0, sizeof c->sets);
    c->hi = c->lo = 0;
    memset(c->tlb, 0, sizeof c->tlb);
    memset(c->gtlb, 0, sizeof c->gtlb);
    for (unsigned i = 0; i < CPU_NTLB; i++) {
        /* distinct, in kseg0: never match (unmapped segment) */
        c->tlb[i].hi = 0x80000000u + (i << 13);
        c->gtlb[i].hi = 0x80000000u + (i << 13);
    }
    if (c->gmap_r)
        cpu_gmap_flush(c);
    cp0_reset(c);
    fpu_reset(c);
    c->pc = 0xBFC00000u;
    c->in_ds = c->cur_ds = false;
    c->waiting = false;
    c->load_dest = 0;
    c->hilo_ready = 0;
    c->stop = CPU_RUNNING;
    fastmap_build(c);
    cpu_status_changed(c);
}

/* ---- state changes ------------------------------------------------------ */

void cpu_set_css(struct cpu *c, unsigned css)
{
    css &= CPU_NSETS - 1;
    c->cp0.srsctl = (c->cp0.srsctl & ~SRSCTL_CSS) | css;
    c->r = c->sets[css];
}

void cpu_mmu_changed(struct cpu *c)
{
    /* The root fast map covers only unmapped kseg0/kseg1, which the TLB
     * cannot change; the guest map depends on the root TLB. */
    cpu_gmap_flush(c);
}

void cpu_recompute_deadline(struct cpu *c)
{
    uint64_t d = c->dev_deadline;
    if (c->timer_due < d)
        d = c->timer_due;
    if (c->gtimer_due < d)
        d = c->gtimer_due;
    if (c->limit_cycles < d)
        d = c->limit_cycles;
    if (c->check_irq || c->stop)
        d = 0; /* a pending interrupt re-check or stop is not lost */
    c->deadline = d;
}

void cpu_set_limit(struct cpu *c, uint64_t cycles)
{
    c->limit_cycles = cycles;
    cpu_recompute_deadline(c);
}

void cpu_request_irq_check(struct cpu *c)
{
    c->check_irq = true;
    c->deadline = 0; /* leave the inner loop at the next boundary */
}

void cpu_status_changed(struct cpu *c)
{
    cpu_vz_mode_update(c);
    uint32_t st = c->gm ? c->gcp0.status : c->cp0.status;
    bool user = (st & ST0_UM) && !(st & (ST0_EXL | ST0_ERL));
    if (user) {
        c->fast_r = c->fast_w = c->null_map;
    } else if (c->gm) {
        c->fast_r = c->gmap_r;
        c->fast_w = c->gmap_w;
    } else {
        c->fast_r = c->kmap_r;
        c->fast_w = c->kmap_w;
    }
    cpu_request_irq_check(c);
}

void cpu_set_deadline(struct cpu *c, uint64_t when)
{
    c->dev_deadline = when;
    cpu_recompute_deadline(c);
}

void cpu_set_eic(struct cpu *c, unsigned ripl, uint32_t voff, unsigned ss)
{
    c->eic_ripl = ripl;
    c->eic_voff = voff;
    c->eic_ss = ss;
    cpu_request_irq_check(c);
}

uint32_t cpu_cause_read(const struct cpu *c)
{
    /* EIC mode: RIPL (17:10) is the level the controller requests now. */
    return (c->cp0.cause & ~CAUSEF_RIPL) | ((uint32_t)(c->eic_ripl & 0xff) << CAUSEB_RIPL);
}

/* ---- exceptions --------------------------------------------------------- */

static uint32_t ebase_addr(const struct cp0 *p)
{
    return 0x80000000u | (p->ebase & M5150_EBASE_W);
}

/* The restart address of the instruction executing now: the branch when it
 * is in a delay slot (a microMIPS branch is 2 or 4 bytes: ds_back). Bit 0 is
 * the ISA mode (MIPS32 Vol. III, MD00090, "EPC": microMIPS sets bit 0). */
static uint32_t exc_epc(const struct cpu *c)
{
    if (!c->cur_ds)
        return c->pc;
    return c->pc - ((c->pc & 1) ? c->ds_back : 4);
}

/* Config3.ISAOnExc: the ISA mode exception handlers are entered in (MD00090,
 * "Config3"; the M5150 resets it to 0, MD00980). */
static uint32_t isa_on_exc(const struct cp0 *p)
{
    return (p->config[3] >> 16) & 1;
}

static unsigned ess(const struct cpu *c)
{
    return (c->cp0.srsctl & SRSCTL_ESS) >> SRSCTL_ESS_SHIFT;
}

/* Exceptions caused by an instruction record it in BadInstr (and the branch
 * in BadInstrP when it sits in a delay slot). */
static bool exc_has_instr(unsigned exccode)
{
    switch (exccode) {
    case EXCCODE_INT: case EXCCODE_IBE: case EXCCODE_DBE:
        return false;
    default:
        return true;
    }
}

/* An exception in Debug Mode re-enters the debug vector (DM stays set):
 * DEPC, Debug.DBD and DExcCode are all that change. */
static void debug_mode_exception(struct cpu *c, unsigned exccode, uint32_t epc)
{
    c->cp0.depc = epc;
    c->cp0.debug = (c->cp0.debug & ~(DEBUG_DBD | DEBUG_DEXCCODE)) | (c->cur_ds ? DEBUG_DBD : 0) |
                   (exccode & 31) << DEBUG_DEXCCODE_SHIFT;
    c->pc = EJTAG_DEBUG_VECTOR | isa_on_exc(&c->cp0);
    c->in_ds = c->cur_ds = false;
    c->load_dest = 0;
    c->fetch_fault = false;
    c->cycles += T_EXC_ENTRY;
}

/* Root exception entry. `off` is the vector offset for BEV=0 (0 = refill),
 * bev_addr the BEV=1 vector; new_css the handler's shadow set. A root
 * exception taken in guest mode leaves guest mode (root EXL becomes 1). */
static void exc_root_css(struct cpu *c, unsigned exccode, uint32_t off, uint32_t bev_addr,
                         unsigned new_css)
{
    struct cp0 *p = &c->cp0;
    c->exc_gm = c->gm;
    uint32_t epc = exc_epc(c);
    if (p->debug & DEBUG_DM) { /* EJTAG MD00047, "Exceptions in Debug Mode" */
        debug_mode_exception(c, exccode, epc);
        return;
    }
    p->nestedexc = p->status & (ST0_EXL | ST0_ERL);
    p->nestedepc = epc;
    if (exc_has_instr(exccode) && !(c->fetch_fault)) {
        p->badinstr = c->cur_insn;
        p->badinstrp = c->cur_ds ? c->prev_insn : 0;
    }
    if (!(p->status & ST0_EXL)) {
        p->epc = epc;
        p->cause = (p->cause & ~CAUSEF_BD) | (c->cur_ds ? CAUSEF_BD : 0);
        if (!(p->status & ST0_BEV) && (p->srsctl & SRSCTL_HSS)) {
            unsigned css = p->srsctl & SRSCTL_CSS;
            p->srsctl = (p->srsctl & ~SRSCTL_PSS) | css << SRSCTL_PSS_SHIFT;
            cpu_set_css(c, new_css);
        }
    } else if (off == 0) {
        off = 0x180; /* refill while EXL=1 goes to the general vector */
        bev_addr = 0xBFC00380u;
    }
    p->cause = (p->cause & ~CAUSEF_EXCCODE) | exccode << CAUSEB_EXCCODE;
    p->status |= ST0_EXL;
    c->pc = ((p->status & ST0_BEV) ? bev_addr : ebase_addr(p) + off) | isa_on_exc(p);
    c->in_ds = c->cur_ds = false;
    c->waiting = false;
    c->load_dest = 0;
    c->fetch_fault = false;
    c->cycles += T_EXC_ENTRY;
    c->stats.exc[exccode & 31]++;
    cpu_status_changed(c);
    if (c->hooks.exception)
        c->hooks.exception(c->hooks.ctx, c, exccode, epc);
}

void cpu_exc_root(struct cpu *c, unsigned exccode, uint32_t off, uint32_t bev_addr)
{
    exc_root_css(c, exccode, off, bev_addr, ess(c));
}

/* Guest exception entry: the guest's own CP0 and vectors (guest EBase or
 * BEV vectors, guest EXL). The guest has no shadow sets. With
 * GuestCtl0.MC=1 (and GuestCtl0Ext.FCD=0) the hardware change of guest EXL
 * is then reported to root as a GHFC exit, at the guest's new PC. */
void cpu_exc_guest(struct cpu *c, unsigned exccode, uint32_t off, uint32_t bev_addr)
{
    struct cp0 *g = &c->gcp0;
    uint32_t epc = exc_epc(c);
    bool exl_was = (g->status & ST0_EXL) != 0;
    if (exc_has_instr(exccode) && !c->fetch_fault) {
        g->badinstr = c->cur_insn;
        g->badinstrp = c->cur_ds ? c->prev_insn : 0;
    }
    if (!exl_was) {
        g->epc = epc;
        g->cause = (g->cause & ~CAUSEF_BD) | (c->cur_ds ? CAUSEF_BD : 0);
    } else if (off == 0) {
        off = 0x180;
        bev_addr = 0xBFC00380u;
    }
    g->cause = (g->cause & ~CAUSEF_EXCCODE) | exccode << CAUSEB_EXCCODE;
    g->status |= ST0_EXL;
    c->pc = ((g->status & ST0_BEV) ? bev_addr : ebase_addr(g) + off) | isa_on_exc(g);
    c->in_ds = c->cur_ds = false;
    c->waiting = false;
    c->load_dest = 0;
    c->fetch_fault = false;
    c->cycles += T_EXC_ENTRY;
    c->stats.guest_exc[exccode & 31]++;
    cpu_status_changed(c);
    if (!exl_was && (c->cp0.guestctl0 & GUESTCTL0_MC) &&
        !(c->cp0.guestctl0ext & GUESTCTL0EXT_FCD))
        cpu_vz_exit(c, GEXC_GHFC);
}

/* Root GE exception for a guest exit. */
void cpu_vz_exit(struct cpu *c, unsigned gexc)
{
    c->cp0.guestctl0 = (c->cp0.guestctl0 & ~GUESTCTL0_GEXC) | gexc << GUESTCTL0_GEXC_SHIFT;
    c->stats.guest_exits[gexc & 31]++;
    if (gexc == GEXC_GHFC)
        c->fetch_fault = true; /* BadInstr is not meaningful for GHFC */
    cpu_exc_root(c, EXCCODE_GE, 0x180, 0xBFC00380u);
}

/* An exception of the instruction executing now, in its own context: the
 * guest's in guest mode (a guest RI becomes a GRR exit when GuestCtl0.RI). */
void cpu_exception(struct cpu *c, unsigned exccode, bool has_badvaddr, uint32_t badvaddr)
{
    if (c->gm) {
        if (exccode == EXCCODE_RI && (c->cp0.guestctl0 & GUESTCTL0_RI)) {
            cpu_vz_exit(c, GEXC_GRR);
            return;
        }
        if (has_badvaddr)
            c->gcp0.badvaddr = badvaddr;
        c->gcp0.cause &= ~CAUSEF_CE;
        cpu_exc_guest(c, exccode, 0x180, 0xBFC00380u);
        return;
    }
    if (has_badvaddr)
        c->cp0.badvaddr = badvaddr;
    c->cp0.cause &= ~CAUSEF_CE;
    cpu_exc_root(c, exccode, 0x180, 0xBFC00380u);
}

/* Coprocessor unusable, in the current context. */
void cpu_exception_cpu(struct cpu *c, unsigned ce)
{
    if (c->gm) {
        c->gcp0.cause = (c->gcp0.cause & ~CAUSEF_CE) | (ce & 3) << CAUSEB_CE;
        cpu_exc_guest(c, EXCCODE_CPU, 0x180, 0xBFC00380u);
        return;
    }
    c->cp0.cause = (c->cp0.cause & ~CAUSEF_CE) | (ce & 3) << CAUSEB_CE;
    cpu_exc_root(c, EXCCODE_CPU, 0x180, 0xBFC00380u);
}

/* A root-taken coprocessor-unusable exit (guest has CU1 but root has not). */
static void root_cpu_exit(struct cpu *c, unsigned ce)
{
    c->cp0.cause = (c->cp0.cause & ~CAUSEF_CE) | (ce & 3) << CAUSEB_CE;
    cpu_exc_root(c, EXCCODE_CPU, 0x180, 0xBFC00380u);
}

/* TLB refill/invalid/modified in the root or the guest context:
 * BadVAddr, Context.BadVPN2, EntryHi.VPN2 (ASID kept). */
static void tlb_exception(struct cpu *c, bool guest, unsigned exccode, uint32_t va, bool refill)
{
    struct cp0 *p = guest ? &c->gcp0 : &c->cp0;
    p->badvaddr = va;
    p->context = (p->context & M5150_CONTEXT_W) | ((va >> 13) << 4 & 0x007FFFF0u);
    p->entryhi = (va & MIPS_ENTRYHI_VPN2) | (p->entryhi & MIPS_ENTRYHI_ASID);
    uint32_t off = refill ? 0x000 : 0x180, bev = refill ? 0xBFC00200u : 0xBFC00380u;
    if (guest) {
        cpu_exc_guest(c, exccode, off, bev);
        return;
    }
    if (refill)
        c->stats.tlb_refill++;
    if (c->gm) {
        /* Root TLB fault on a guest access: BadVAddr holds the GPA. */
        c->cp0.guestctl0 = (c->cp0.guestctl0 & ~GUESTCTL0_GEXC) | GEXC_GPA << GUESTCTL0_GEXC_SHIFT;
        c->stats.guest_exits[GEXC_GPA]++;
    }
    cpu_exc_root(c, exccode, off, bev);
}

static unsigned status_ipl(uint32_t st)
{
    return (st & ST0_IPL) >> ST0_IPL_SHIFT | ((st & ST0_IPL7) ? 0x80u : 0);
}

/* Root interrupts are judged on root Status, also while a guest runs. */
static bool interrupt_pending(const struct cpu *c)
{
    uint32_t st = c->cp0.status;
    /* none in Debug Mode (EJTAG MD00047: interrupts are blocked there) */
    if (!(st & ST0_IE) || (st & (ST0_EXL | ST0_ERL)) || (c->cp0.debug & DEBUG_DM))
        return false;
    return c->eic_ripl > status_ipl(st);
}

static bool guest_interrupt_pending(const struct cpu *c)
{
    uint32_t st = c->gcp0.status;
    if (!c->gm || !(st & ST0_IE) || (st & (ST0_EXL | ST0_ERL)))
        return false;
    return (c->cp0.guestctl2 >> GUESTCTL2_GRIPL_SHIFT) > status_ipl(st);
}

static uint32_t int_offset(const struct cp0 *p, uint32_t voff)
{
    if (!(p->cause & CAUSEF_IV))
        return 0x180;
    return (p->intctl & INTCTL_VS) ? voff : 0x200;
}

/* EIC-mode interrupt entry (the PIC32MZ's controller is always external). */
static void take_interrupt(struct cpu *c)
{
    struct cp0 *p = &c->cp0;
    uint32_t off = int_offset(p, c->eic_voff);
    p->srsctl = (p->srsctl & ~SRSCTL_EICSS) | (c->eic_ss & 15) << SRSCTL_EICSS_SHIFT;
    unsigned ripl = c->eic_ripl;
    c->stats.interrupts++;
    exc_root_css(c, EXCCODE_INT, off, 0xBFC00400u, c->eic_ss);
    if (c->hooks.eic_ack)
        c->hooks.eic_ack(c->hooks.ctx, ripl);
}

/* Injected guest interrupt (GuestCtl2, EIC form): guest Cause.RIPL takes
 * GRIPL, the vector is guest EBase + GVEC (an explicit offset), and the
 * hardware clears GRIPL on acceptance. */
static void take_guest_interrupt(struct cpu *c)
{
    struct cp0 *g = &c->gcp0;
    uint32_t gc2 = c->cp0.guestctl2;
    uint32_t off = int_offset(g, gc2 & GUESTCTL2_GVEC);
    g->cause = (g->cause & ~CAUSEF_RIPL) | (gc2 >> GUESTCTL2_GRIPL_SHIFT) << CAUSEB_RIPL;
    c->cp0.guestctl2 = gc2 & ~GUESTCTL2_GRIPL;
    c->stats.guest_interrupts++;
    cpu_exc_guest(c, EXCCODE_INT, off, 0xBFC00400u);
}

uint32_t cpu_guest_cause_read(const struct cpu *c)
{
    uint32_t gripl = c->cp0.guestctl2 >> GUESTCTL2_GRIPL_SHIFT;
    uint32_t v = c->gcp0.cause;
    if (gripl)
        v = (v & ~CAUSEF_RIPL) | gripl << CAUSEB_RIPL;
    return v;
}

/* ---- address translation ------------------------------------------------ */

enum acc { ACC_LOAD = 0, ACC_STORE = 1, ACC_FETCH = 2 };

/* Looks va up in a TLB; returns the entry's EntryLo for va's page and the
 * page size, or -1 for no match. */
static int tlb_lookup(const struct tlb_entry *t, uint32_t va, uint32_t asid, unsigned gid,
                      uint32_t *lo, uint32_t *half)
{
    for (unsigned i = 0; i < M5150_NTLB; i++) {
        const struct tlb_entry *e = &t[i];
        uint32_t vmask = MIPS_ENTRYHI_VPN2 & ~e->mask;
        if (((e->hi ^ va) & vmask) || e->guestid != gid)
            continue;
        if (!(e->lo[0] & MIPS_ENTRYLO_G) && (e->hi & MIPS_ENTRYHI_ASID) != asid)
            continue;
        *half = ((e->mask | 0x1FFFu) + 1) >> 1; /* size of one page of the pair */
        *lo = e->lo[(va & *half) ? 1 : 0];
        return (int)i;
    }
    return -1;
}

/* One translation stage through a TLB: guest (the guest TLB, guest
 * PageGrain) or root (entries of GuestID gid). Raises the fault. */
static bool tlb_stage(struct cpu *c, bool guest, uint32_t va, enum acc acc, unsigned gid,
                      uint32_t *pa, uint32_t *lo_out)
{
    const struct cp0 *p = guest ? &c->gcp0 : &c->cp0;
    uint32_t lo, half;
    uint32_t asid = (guest || !gid) ? p->entryhi & MIPS_ENTRYHI_ASID : 0;
    if (tlb_lookup(guest ? c->gtlb : c->tlb, va, asid, gid, &lo, &half) < 0) {
        tlb_exception(c, guest, acc == ACC_STORE ? EXCCODE_TLBS : EXCCODE_TLBL, va, true);
        return false;
    }
    if (!(lo & MIPS_ENTRYLO_V)) {
        tlb_exception(c, guest, acc == ACC_STORE ? EXCCODE_TLBS : EXCCODE_TLBL, va, false);
        return false;
    }
    uint32_t pg = p->pagegrain;
    if (acc == ACC_FETCH && (lo & MIPS_ENTRYLO_XI) && (pg & PG_XIE)) {
        tlb_exception(c, guest, (pg & PG_IEC) ? EXCCODE_TLBXI : EXCCODE_TLBL, va, false);
        return false;
    }
    if (acc == ACC_LOAD && (lo & MIPS_ENTRYLO_RI) && (pg & PG_RIE)) {
        tlb_exception(c, guest, (pg & PG_IEC) ? EXCCODE_TLBRI : EXCCODE_TLBL, va, false);
        return false;
    }
    if (acc == ACC_STORE && !(lo & MIPS_ENTRYLO_D)) {
        tlb_exception(c, guest, EXCCODE_MOD, va, false);
        return false;
    }
    uint32_t pfn = (lo & MIPS_ENTRYLO_PFN) >> MIPS_ENTRYLO_PFN_SHIFT;
    *pa = ((pfn << 12) & ~(half - 1)) | (va & (half - 1));
    if (lo_out)
        *lo_out = lo;
    return true;
}

/* Translation without side effects (no exception, no state change) in the
 * context the CPU is in: guest segments/guest TLB then the root TLB entries
 * of the guest's GuestID in guest mode; root segments/TLB otherwise. For
 * debuggers and semihosting. */
bool cpu_debug_translate(const struct cpu *c, uint32_t va, uint32_t *pa)
{
    const struct cp0 *p = c->gm ? &c->gcp0 : &c->cp0;
    uint32_t a, lo, half;
    if (va >= 0x80000000u && va < 0xC0000000u) {
        a = va & 0x1FFFFFFFu;
    } else if (va < 0x80000000u && (p->status & ST0_ERL)) {
        a = va;
    } else {
        if (tlb_lookup(c->gm ? c->gtlb : c->tlb, va, p->entryhi & MIPS_ENTRYHI_ASID, 0, &lo,
                       &half) < 0 || !(lo & MIPS_ENTRYLO_V))
            return false;
        a = ((((lo & MIPS_ENTRYLO_PFN) >> MIPS_ENTRYLO_PFN_SHIFT) << 12) & ~(half - 1)) |
            (va & (half - 1));
    }
    if (!c->gm) {
        *pa = a;
        return true;
    }
    unsigned gid = (c->cp0.guestctl1 & GUESTCTL1_ID) >> GUESTCTL1_ID_SHIFT;
    if (tlb_lookup(c->tlb, a, 0, gid, &lo, &half) < 0 || !(lo & MIPS_ENTRYLO_V))
        return false;
    *pa = ((((lo & MIPS_ENTRYLO_PFN) >> MIPS_ENTRYLO_PFN_SHIFT) << 12) & ~(half - 1)) |
          (a & (half - 1));
    return true;
}

/* Address error in the current context. */
static void address_error(struct cpu *c, enum acc acc, uint32_t va)
{
    cpu_exception(c, acc == ACC_STORE ? EXCCODE_ADES : EXCCODE_ADEL, true, va);
}

/* Segment-level (first stage) mapping of a virtual address in the context
 * p: kseg0/kseg1 fixed, kuseg unmapped while ERL=1, else the TLB. */
static bool stage1(struct cpu *c, bool guest, uint32_t va, enum acc acc, uint32_t *pa)
{
    uint32_t st = guest ? c->gcp0.status : c->cp0.status;
    bool user = (st & ST0_UM) && !(st & (ST0_EXL | ST0_ERL));
    if (va >= 0x80000000u) {
        if (user) {
            address_error(c, acc, va);
            return false;
        }
        if (va < 0xC0000000u) {
            *pa = va & 0x1FFFFFFFu;
            return true;
        }
    } else if (st & ST0_ERL) {
        *pa = va;
        return true;
    }
    return tlb_stage(c, guest, va, acc, 0, pa, NULL);
}

/* --guard (cpu.h): does a guarded range apply to a store by the current
 * guest to any byte of [lo, hi]? */
static struct cpu_guard *guard_hit(struct cpu *c, uint32_t lo, uint32_t hi)
{
    unsigned gid = (c->cp0.guestctl1 & GUESTCTL1_ID) >> GUESTCTL1_ID_SHIFT;
    for (unsigned i = 0; i < c->nguards; i++) {
        struct cpu_guard *g = &c->guard[i];
        if (lo <= g->hi && hi >= g->lo && (g->gid < 0 || (unsigned)g->gid == gid))
            return g;
    }
    return NULL;
}

static void guard_store(struct cpu *c, uint32_t pa, unsigned size)
{
    struct cpu_guard *g = guard_hit(c, pa, pa + size - 1);
    if (!g)
        return;
    if (!g->hits++) {
        g->first_cycle = c->cycles;
        g->first_pc = c->pc;
        g->first_pa = pa;
        g->first_gid = (c->cp0.guestctl1 & GUESTCTL1_ID) >> GUESTCTL1_ID_SHIFT;
    }
}

/* Remembers a guest fast-map page so a flush touches only what was set. */
static void gmap_fill(struct cpu *c, uint32_t va, const struct bus_region *r, uint32_t pa,
                      bool writable)
{
    if (!r->mem || r->read_cycles || r->write_cycles || c->gmap_n >= CPU_GMAP_TRACK)
        return;
    uint32_t pg = va >> 12;
    if (!c->gmap_r[pg])
        c->gmap_pages[c->gmap_n++] = pg;
    c->gmap_r[pg] = r->mem + ((pa & ~0xFFFu) - r->base);
    if (writable && (r->perm & BUS_W) && !r->on_write &&
        !(c->nguards && guard_hit(c, pa & ~0xFFFu, pa | 0xFFFu)))
        c->gmap_w[pg] = c->gmap_r[pg];
}

void cpu_gmap_flush(struct cpu *c)
{
    for (unsigned i = 0; i < c->gmap_n; i++) {
        c->gmap_r[c->gmap_pages[i]] = NULL;
        c->gmap_w[c->gmap_pages[i]] = NULL;
    }
    c->gmap_n = 0;
}

/* Maps va to pa or raises the exception; false when raised. In guest mode
 * two stages: guest segments/guest TLB to a GPA, then root TLB entries of
 * GuestID = GuestCtl1.ID to the physical address. */
static bool translate(struct cpu *c, uint32_t va, enum acc acc, uint32_t *pa)
{
    if (!c->gm)
        return stage1(c, false, va, acc, pa);
    uint32_t gpa, lo;
    if (!stage1(c, true, va, acc, &gpa))
        return false;
    unsigned gid = (c->cp0.guestctl1 & GUESTCTL1_ID) >> GUESTCTL1_ID_SHIFT;
    if (!tlb_stage(c, false, gpa, acc, gid, pa, &lo))
        return false;
    /* Cache unmapped guest kernel segments with their root mapping. */
    if (va >= 0x80000000u && va < 0xC0000000u && !(lo & (MIPS_ENTRYLO_RI | MIPS_ENTRYLO_XI))) {
        const struct bus_region *r = bus_find(c->bus, *pa);
        if (r && (r->perm & (BUS_R | BUS_X)) == (BUS_R | BUS_X))
            gmap_fill(c, va, r, *pa, (lo & MIPS_ENTRYLO_D) != 0);
    }
    return true;
}

bool cpu_load(struct cpu *c, uint32_t va, unsigned size, uint32_t *val)
{
    if (va & (size - 1)) {
        address_error(c, ACC_LOAD, va);
        return false;
    }
    uint8_t *p = c->fast_r[va >> 12];
    if (p) {
        p += va & 0xfff;
        *val = size == 4 ? ld32(p) : size == 2 ? ld16(p) : *p;
        return true;
    }
    uint32_t pa;
    if (!translate(c, va, ACC_LOAD, &pa))
        return false;
    const struct bus_region *r = bus_find(c->bus, pa);
    if (!r || !bus_read(c->bus, pa, size, val)) {
        cpu_exc_root(c, EXCCODE_DBE, 0x180, 0xBFC00380u);
        return false;
    }
    c->cycles += r->read_cycles;
    return true;
}

bool cpu_store(struct cpu *c, uint32_t va, unsigned size, uint32_t val)
{
    if (va & (size - 1)) {
        address_error(c, ACC_STORE, va);
        return false;
    }
    uint8_t *p = c->fast_w[va >> 12];
    if (p) {
        p += va & 0xfff;
        if (size == 4)
            st32(p, val);
        else if (size == 2)
            st16(p, (uint16_t)val);
        else
            *p = (uint8_t)val;
        return true;
    }
    uint32_t pa;
    if (!translate(c, va, ACC_STORE, &pa))
        return false;
    if (c->gm && c->nguards)
        guard_store(c, pa, size);
    const struct bus_region *r = bus_find(c->bus, pa);
    if (!r || !bus_write(c->bus, pa, size, val)) {
        cpu_exc_root(c, EXCCODE_DBE, 0x180, 0xBFC00380u);
        return false;
    }
    c->cycles += r->write_cycles;
    return true;
}

/* Interpreter fast paths: an aligned access to a fast-mapped page is done
 * inline; everything else goes through cpu_load/cpu_store. */
static inline bool load_i(struct cpu *c, uint32_t va, unsigned size, uint32_t *val)
{
    uint8_t *p = c->fast_r[va >> 12];
    if (__builtin_expect(p && !(va & (size - 1)), 1)) {
        p += va & 0xfff;
        *val = size == 4 ? ld32(p) : size == 2 ? ld16(p) : *p;
        return true;
    }
    return cpu_load(c, va, size, val);
}

static inline bool store_i(struct cpu *c, uint32_t va, unsigned size, uint32_t val)
{
    uint8_t *p = c->fast_w[va >> 12];
    if (__builtin_expect(p && !(va & (size - 1)), 1)) {
        p += va & 0xfff;
        if (size == 4)
            st32(p, val);
        else if (size == 2)
            st16(p, (uint16_t)val);
        else
            *p = (uint8_t)val;
        return true;
    }
    return cpu_store(c, va, size, val);
}

/* An instruction fetch of size bytes at va through translation and the bus
 * (the slow path). On a fault there is no instruction word for BadInstr. */
static bool fetch_bus(struct cpu *c, uint32_t va, unsigned size, uint32_t *val)
{
    uint32_t pa;
    c->fetch_fault = true;
    if (!translate(c, va, ACC_FETCH, &pa))
        return false;
    const struct bus_region *r = bus_find(c->bus, pa);
    if (!r || !(r->perm & BUS_X) || !bus_read(c->bus, pa, size, val)) {
        cpu_exc_root(c, EXCCODE_IBE, 0x180, 0xBFC00380u);
        return false;
    }
    c->fetch_fault = false;
    c->cycles += r->read_cycles;
    return true;
}

static bool fetch_slow(struct cpu *c, uint32_t *insn)
{
    if (c->pc & 3) {
        c->fetch_fault = true;
        address_error(c, ACC_FETCH, c->pc);
        return false;
    }
    return fetch_bus(c, c->pc, 4, insn);
}

/* microMIPS fetch of the halfword at va (even): the fast map, else the
 * translated slow path. A fault names va (a 32-bit instruction's second
 * halfword can fault on its own page) with EPC the instruction. */
static bool fetch_half(struct cpu *c, uint32_t va, uint32_t *hw)
{
    uint8_t *p = c->fast_r[va >> 12];
    if (p) {
        *hw = ld16(p + (va & 0xfff));
        return true;
    }
    return fetch_bus(c, va, 2, hw);
}

/* Fetches and decodes the microMIPS instruction at pc (odd). */
static __attribute__((noinline, cold)) bool fetch_mm(struct cpu *c, uint32_t pc, struct mm_insn *d)
{
    uint32_t hw1, hw2;
    if (!fetch_half(c, pc - 1, &hw1))
        return false;
    if (mm_size(hw1) == 2) {
        mm_decode(hw1, 2, d);
        return true;
    }
    if (!fetch_half(c, pc + 1, &hw2))
        return false;
    mm_decode(hw1 << 16 | hw2, 4, d);
    return true;
}

/* ---- branches ----------------------------------------------------------- */

void cpu_branch(struct cpu *c, bool taken, uint32_t target, bool likely)
{
    if (taken) {
        c->in_ds = true;
        c->ds_target = target;
    } else if (likely) {
        c->skip_ds = true;
    } else {
        c->in_ds = true;
        c->ds_target = c->pc + 8;
    }
}

/* ---- helpers for the interpreter ---------------------------------------- */

/* Divide timing: early exit on the dividend's significant bits. */
static unsigned div_cycles(uint32_t dividend)
{
    unsigned bits = dividend ? 32 - (unsigned)__builtin_clz(dividend) : 1;
    unsigned t = T_DIV_MIN + (bits * (T_DIV_MAX - T_DIV_MIN)) / 32;
    return t;
}

static void hilo_wait(struct cpu *c)
{
    if (c->cycles < c->hilo_ready)
        c->cycles = c->hilo_ready;
}

/* CP0 usable in the current context (kernel mode, or CU0). */
static bool cp0_usable(struct cpu *c)
{
    uint32_t st = c->gm ? c->gcp0.status : c->cp0.status;
    if ((st & ST0_CU0) || !(st & ST0_UM) || (st & (ST0_EXL | ST0_ERL)))
        return true;
    cpu_exception_cpu(c, 0);
    return false;
}

/* CP1: the guest's CU1 first (guest CpU), then root's (a root CpU exit,
 * so the hypervisor can switch FPU state lazily and re-execute). */
bool cpu_cp1_usable(struct cpu *c)
{
    if (c->gm) {
        if (!(c->gcp0.status & ST0_CU1)) {
            cpu_exception_cpu(c, 1);
            return false;
        }
        if (!(c->cp0.status & ST0_CU1)) {
            root_cpu_exit(c, 1);
            return false;
        }
        return true;
    }
    if (c->cp0.status & ST0_CU1)
        return true;
    cpu_exception_cpu(c, 1);
    return false;
}

static inline bool cp1_usable(struct cpu *c) { return cpu_cp1_usable(c); }

static void reserved(struct cpu *c)
{
    cpu_exception(c, EXCCODE_RI, false, 0);
}

/* DSP ASE encodings (SPECIAL3 functions). The DSP ASE is not modelled:
 * with Status.MX=0 they raise DSPDis as the hardware does, with MX=1 RI
 * (a documented limitation). */
static bool dsp_special3(unsigned funct)
{
    switch (funct) {
    case 0x0A: case 0x0C: case 0x10: case 0x11: case 0x12: case 0x13:
    case 0x18: case 0x19: case 0x30: case 0x31: case 0x38:
        return true;
    default:
        return false;
    }
}

static void dsp_unusable(struct cpu *c)
{
    if ((c->gm ? c->gcp0.status : c->cp0.status) & ST0_MX)
        reserved(c);
    else
        cpu_exception(c, EXCCODE_DSPDIS, false, 0);
}

static void do_eret(struct cpu *c)
{
    struct cp0 *p = &c->cp0;
    if (p->status & ST0_ERL) {
        c->pc = p->errorepc;
        p->status &= ~ST0_ERL;
    } else {
        c->pc = p->epc;
        p->status &= ~ST0_EXL;
        if ((p->srsctl & SRSCTL_HSS) && !(p->status & ST0_BEV))
            cpu_set_css(c, (p->srsctl & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT);
    }
    c->llbit = false;
    c->cycles += T_ERET;
    cpu_status_changed(c);
}

/* The EJTAG debug exception of an SDBBP (MIPS EJTAG Specification MD00047,
 * "Debug Exception Processing"). No probe is attached (ProbTrap = 0): Debug
 * Mode is entered at 0xBFC00480 with DEPC and Debug.DBD saying where to
 * resume and Debug.DBp that an SDBBP caused it. Debug Mode is root's: the
 * M5150 has no guest debug mode (MD00846 makes Debug, DEPC and DESAVE root
 * registers that a guest access always traps on), so an SDBBP in guest
 * mode enters root Debug Mode too: Debug.DM = 1 leaves guest mode at once
 * (guest mode needs DM = 0) and the vector is fetched in root's address
 * space. GuestCtl0.GM and root Status are not changed, so DERET returns to
 * the mode the exception came from (docs/simulator.md, "Debug Mode").
 * An SDBBP in Debug Mode is a nested debug exception: DM stays set,
 * DExcCode = Bp. */
static void debug_exception(struct cpu *c)
{
    uint32_t epc = exc_epc(c);
    bool from_guest = c->gm;
    c->exc_gm = from_guest;
    if (c->cp0.debug & DEBUG_DM) {
        c->cp0.debug = (c->cp0.debug & ~(DEBUG_DBD | DEBUG_DEXCCODE)) |
                       (c->cur_ds ? DEBUG_DBD : 0) | EXCCODE_BP << DEBUG_DEXCCODE_SHIFT;
    } else {
        c->cp0.debug = (c->cp0.debug & ~(DEBUG_DBD | DEBUG_DBP | DEBUG_DSS)) |
                       (c->cur_ds ? DEBUG_DBD : 0) | DEBUG_DM | DEBUG_DBP;
    }
    c->cp0.depc = epc;
    c->pc = EJTAG_DEBUG_VECTOR | isa_on_exc(&c->cp0);
    c->in_ds = c->cur_ds = false;
    c->waiting = false;
    c->load_dest = 0;
    c->cycles += T_EXC_ENTRY;
    c->stats.debug_exc[from_guest]++;
    cpu_status_changed(c); /* DM = 1: root, whatever GuestCtl0.GM says */
    if (c->hooks.exception)
        c->hooks.exception(c->hooks.ctx, c, CPU_EXC_DEBUG, epc);
}

/* ---- the interpreter ---------------------------------------------------- */

/* rt is a source operand of this primary opcode (load-use stall model). */
static const uint8_t rt_src[64] = {
    [0x00] = 1, [0x04] = 1, [0x05] = 1, [0x14] = 1, [0x15] = 1, [0x11] = 1, [0x1C] = 1,
    [0x1F] = 1, [0x22] = 1, [0x26] = 1, [0x28] = 1, [0x29] = 1, [0x2A] = 1, [0x2B] = 1,
    [0x2E] = 1, [0x38] = 1, [MM_OPCODE] = 1,
};

#define RS ((insn >> 21) & 31)
#define RT ((insn >> 16) & 31)
#define RD ((insn >> 11) & 31)
#define SA ((insn >> 6) & 31)
#define SIMM ((uint32_t)(int32_t)(int16_t)insn)
#define UIMM (insn & 0xFFFFu)
#define R c->r
#define SETR(n, v) do { uint32_t _v = (v); unsigned _n = (n); if (_n) R[_n] = _v; } while (0)
#define BTARGET (pc + 4 + (SIMM << 2))
#define RAISE(code) do { cpu_exception(c, (code), false, 0); goto exc; } while (0)

static void cpu_run_block(struct cpu *c)
{
    while (c->cycles < c->deadline) {
        if (c->hooks.pre_exec && c->hooks.pre_exec(c->hooks.ctx, c)) {
            c->stop = CPU_STOP_BREAK;
            c->deadline = 0;
            return;
        }
        uint32_t pc = c->pc;
        uint32_t insn;
        uint8_t *fp = c->fast_r[pc >> 12];
        c->cur_ds = c->in_ds;
        if (fp && !(pc & 3)) {
            insn = ld32(fp + (pc & 0xfff));
            c->cur_insn = insn;
        } else if (pc & 1) { /* ISA mode microMIPS: decode to MIPS32 or MM_OPCODE */
            if (!fetch_mm(c, pc, &c->mm))
                continue;
            insn = c->mm.mips;
            c->cur_insn = c->mm.raw;
            if (c->in_ds && c->ds_seq) { /* not-taken branch: after this slot */
                c->ds_target = pc + c->mm.size;
                c->ds_seq = false;
            }
            /* From here pc + 4 is the next instruction (the retire code is
             * MIPS32's); the instruction's address stays in c->pc. */
            pc += c->mm.size - 4u;
        } else if (!fetch_slow(c, &insn)) {
            continue;
        } else {
            c->cur_insn = insn;
        }
        c->cycles += T_BASE;
        if (c->load_dest) {
            unsigned op = insn >> 26;
            if (RS == c->load_dest || (RT == c->load_dest && rt_src[op]))
                c->cycles += T_LOAD_USE;
            c->load_dest = 0;
        }
        if (c->hooks.trace) {
            c->cur_isz = (c->pc & 1) ? c->mm.size : 4;
            c->hooks.trace(c->hooks.ctx, c, c->pc, c->cur_insn);
        }
        bool ds = c->in_ds;
        uint32_t ds_target = c->ds_target;
        c->in_ds = false;
        c->skip_ds = false;

        switch (insn >> 26) {
        case 0x00: /* SPECIAL */
            switch (insn & 63) {
            case 0x00: SETR(RD, R[RT] << SA); break; /* SLL, NOP, EHB, SSNOP */
            case 0x01: /* MOVF / MOVT */
                if (!cp1_usable(c))
                    goto exc;
                {
                    unsigned cc = (insn >> 18) & 7;
                    uint32_t bit = cc ? 1u << (24 + cc) : FCSR_FCC0;
                    bool set = (c->fpu.fcsr & bit) != 0;
                    if (set == ((insn >> 16) & 1))
                        SETR(RD, R[RS]);
                }
                break;
            case 0x02:
                if (RS == 1)
                    SETR(RD, SA ? (R[RT] >> SA) | (R[RT] << (32 - SA)) : R[RT]); /* ROTR */
                else if (RS == 0)
                    SETR(RD, R[RT] >> SA); /* SRL */
                else
                    RAISE(EXCCODE_RI);
                break;
            case 0x03: SETR(RD, (uint32_t)((int32_t)R[RT] >> SA)); break;
            case 0x04: SETR(RD, R[RT] << (R[RS] & 31)); break;
            case 0x06: {
                unsigned s = R[RS] & 31;
                if (SA == 1)
                    SETR(RD, s ? (R[RT] >> s) | (R[RT] << (32 - s)) : R[RT]); /* ROTRV */
                else if (SA == 0)
                    SETR(RD, R[RT] >> s);
                else
                    RAISE(EXCCODE_RI);
                break;
            }
            case 0x07: SETR(RD, (uint32_t)((int32_t)R[RT] >> (R[RS] & 31))); break;
            case 0x08: /* JR, JR.HB */
                c->in_ds = true;
                c->ds_target = R[RS];
                break;
            case 0x09: { /* JALR, JALR.HB */
                uint32_t t = R[RS];
                SETR(RD, pc + 8);
                c->in_ds = true;
                c->ds_target = t;
                break;
            }
            case 0x0A: if (R[RT] == 0) SETR(RD, R[RS]); break; /* MOVZ */
            case 0x0B: if (R[RT] != 0) SETR(RD, R[RS]); break; /* MOVN */
            case 0x0C: RAISE(EXCCODE_SYS);
            case 0x0D: RAISE(EXCCODE_BP);
            case 0x0F: c->cycles += T_SYNC; break; /* SYNC */
            case 0x10: hilo_wait(c); SETR(RD, c->hi); break;
            case 0x11: c->hi = R[RS]; break;
            case 0x12: hilo_wait(c); SETR(RD, c->lo); break;
            case 0x13: c->lo = R[RS]; break;
            case 0x18: { /* MULT */
                int64_t p = (int64_t)(int32_t)R[RS] * (int32_t)R[RT];
                c->lo = (uint32_t)p;
                c->hi = (uint32_t)((uint64_t)p >> 32);
                c->hilo_ready = c->cycles + T_MUL_LAT;
                break;
            }
            case 0x19: {
                uint64_t p = (uint64_t)R[RS] * R[RT];
                c->lo = (uint32_t)p;
                c->hi = (uint32_t)(p >> 32);
                c->hilo_ready = c->cycles + T_MUL_LAT;
                break;
            }
            case 0x1A: { /* DIV: result UNPREDICTABLE for /0; no exception */
                int32_t a = (int32_t)R[RS], b = (int32_t)R[RT];
                if (b == 0) {
                    /* leave HI/LO unchanged (documented choice) */
                } else if (a == INT32_MIN && b == -1) {
                    c->lo = (uint32_t)INT32_MIN;
                    c->hi = 0;
                } else {
                    c->lo = (uint32_t)(a / b);
                    c->hi = (uint32_t)(a % b);
                }
                c->hilo_ready = c->cycles + div_cycles(a < 0 ? -(uint32_t)a : (uint32_t)a);
                break;
            }
            case 0x1B: {
                uint32_t a = R[RS], b = R[RT];
                if (b) {
                    c->lo = a / b;
                    c->hi = a % b;
                }
                c->hilo_ready = c->cycles + div_cycles(a);
                break;
            }
            case 0x20: { /* ADD */
                uint32_t s = R[RS] + R[RT];
                if (((R[RS] ^ s) & (R[RT] ^ s)) >> 31)
                    RAISE(EXCCODE_OV);
                SETR(RD, s);
                break;
            }
            case 0x21: SETR(RD, R[RS] + R[RT]); break;
            case 0x22: {
                uint32_t s = R[RS] - R[RT];
                if (((R[RS] ^ R[RT]) & (R[RS] ^ s)) >> 31)
                    RAISE(EXCCODE_OV);
                SETR(RD, s);
                break;
            }
            case 0x23: SETR(RD, R[RS] - R[RT]); break;
            case 0x24: SETR(RD, R[RS] & R[RT]); break;
            case 0x25: SETR(RD, R[RS] | R[RT]); break;
            case 0x26: SETR(RD, R[RS] ^ R[RT]); break;
            case 0x27: SETR(RD, ~(R[RS] | R[RT])); break;
            case 0x2A: SETR(RD, (int32_t)R[RS] < (int32_t)R[RT]); break;
            case 0x2B: SETR(RD, R[RS] < R[RT]); break;
            case 0x30: if ((int32_t)R[RS] >= (int32_t)R[RT]) RAISE(EXCCODE_TR); break;
            case 0x31: if (R[RS] >= R[RT]) RAISE(EXCCODE_TR); break;
            case 0x32: if ((int32_t)R[RS] < (int32_t)R[RT]) RAISE(EXCCODE_TR); break;
            case 0x33: if (R[RS] < R[RT]) RAISE(EXCCODE_TR); break;
            case 0x34: if (R[RS] == R[RT]) RAISE(EXCCODE_TR); break;
            case 0x36: if (R[RS] != R[RT]) RAISE(EXCCODE_TR); break;
            default: RAISE(EXCCODE_RI);
            }
            break;

        case 0x01: { /* REGIMM */
            int32_t s = (int32_t)R[RS];
            bool taken;
            switch (RT) {
            case 0x00: cpu_branch(c, s < 0, BTARGET, false); break;   /* BLTZ */
            case 0x01: cpu_branch(c, s >= 0, BTARGET, false); break;  /* BGEZ */
            case 0x02: cpu_branch(c, s < 0, BTARGET, true); break;    /* BLTZL */
            case 0x03: cpu_branch(c, s >= 0, BTARGET, true); break;   /* BGEZL */
            case 0x08: if (s >= (int32_t)SIMM) RAISE(EXCCODE_TR); break; /* TGEI */
            case 0x09: if (R[RS] >= SIMM) RAISE(EXCCODE_TR); break;    /* TGEIU */
            case 0x0A: if (s < (int32_t)SIMM) RAISE(EXCCODE_TR); break;/* TLTI */
            case 0x0B: if (R[RS] < SIMM) RAISE(EXCCODE_TR); break;     /* TLTIU */
            case 0x0C: if (R[RS] == SIMM) RAISE(EXCCODE_TR); break;    /* TEQI */
            case 0x0E: if (R[RS] != SIMM) RAISE(EXCCODE_TR); break;    /* TNEI */
            case 0x10: taken = s < 0; R[31] = pc + 8; cpu_branch(c, taken, BTARGET, false); break;
            case 0x11: taken = s >= 0; R[31] = pc + 8; cpu_branch(c, taken, BTARGET, false); break;
            case 0x12: taken = s < 0; R[31] = pc + 8; cpu_branch(c, taken, BTARGET, true); break;
            case 0x13: taken = s >= 0; R[31] = pc + 8; cpu_branch(c, taken, BTARGET, true); break;
            case 0x1F: /* SYNCI */
                break;
            default: RAISE(EXCCODE_RI);
            }
            if ((RT & 0x1C) == 0x08 && (RT == 0x0D || RT == 0x0F))
                RAISE(EXCCODE_RI);
            break;
        }
        case 0x02: c->in_ds = true; c->ds_target = (pc & 0xF0000000u) | (insn & 0x03FFFFFFu) << 2; break;
        case 0x1D: /* JALX: to microMIPS (MD00086 "JALX"; target ISA bit 1) */
            R[31] = pc + 8;
            c->in_ds = true;
            c->ds_target = ((pc & 0xF0000000u) | (insn & 0x03FFFFFFu) << 2) | 1u;
            break;
        case MM_OPCODE: { /* microMIPS-only operations (micromips.c) */
            if (!(c->pc & 1))
                RAISE(EXCCODE_RI);
            uint32_t next;
            int rc = mm_exec(c, &c->mm, c->pc, &next);
            if (rc == MM_EXC)
                goto exc;
            if (rc == MM_JUMP)
                pc = next - 4u; /* a compact jump: no delay slot */
            break;
        }
        case 0x03:
            R[31] = pc + 8;
            c->in_ds = true;
            c->ds_target = (pc & 0xF0000000u) | (insn & 0x03FFFFFFu) << 2;
            break;
        case 0x04: cpu_branch(c, R[RS] == R[RT], BTARGET, false); break;
        case 0x05: cpu_branch(c, R[RS] != R[RT], BTARGET, false); break;
        case 0x06: if (RT) RAISE(EXCCODE_RI); cpu_branch(c, (int32_t)R[RS] <= 0, BTARGET, false); break;
        case 0x07: if (RT) RAISE(EXCCODE_RI); cpu_branch(c, (int32_t)R[RS] > 0, BTARGET, false); break;
        case 0x08: { /* ADDI */
            uint32_t s = R[RS] + SIMM;
            if (((R[RS] ^ s) & (SIMM ^ s)) >> 31)
                RAISE(EXCCODE_OV);
            SETR(RT, s);
            break;
        }
        case 0x09: SETR(RT, R[RS] + SIMM); break;
        case 0x0A: SETR(RT, (int32_t)R[RS] < (int32_t)SIMM); break;
        case 0x0B: SETR(RT, R[RS] < SIMM); break;
        case 0x0C: SETR(RT, R[RS] & UIMM); break;
        case 0x0D: SETR(RT, R[RS] | UIMM); break;
        case 0x0E: SETR(RT, R[RS] ^ UIMM); break;
        case 0x0F: if (RS) RAISE(EXCCODE_RI); SETR(RT, UIMM << 16); break;

        case 0x10: /* COP0 */
            if (!cp0_usable(c))
                goto exc;
            if (c->gm) { /* guest mode: guest CP0, trap rules (cpu_vz.c) */
                int rc = cpu_vz_guest_cop0(c, insn);
                if (rc == VZ_EXC)
                    goto exc;
                if (rc == VZ_JUMPED) { /* guest ERET: PC already set */
                    c->insns++;
                    c->prev_insn = c->cur_insn;
                    continue;
                }
                break;
            }
            if (insn & 0x02000000u) { /* CO */
                switch (insn & 63) {
                case 0x01: cpu_tlb_read(c, false); break;
                case 0x02: cpu_tlb_write(c, false, c->cp0.index); break;
                case 0x06: cpu_tlb_write_random(c, false); break;
                case 0x08: cpu_tlb_probe(c, false); break;
                case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0E: case 0x10:
                case 0x28: /* TLBGR TLBGWI TLBGINV TLBGINVF TLBGWR TLBGP HYPCALL */
                    if (cpu_vz_root_cop0(c, insn))
                        goto exc;
                    break;
                case 0x18: /* ERET */
                case 0x38: /* IRET (MCU ASE; chaining not modelled) */
                    if (ds)
                        RAISE(EXCCODE_RI);
                    do_eret(c);
                    c->insns++;
                    continue;
                case 0x1F: /* DERET */
                    if (!(c->cp0.debug & DEBUG_DM))
                        RAISE(EXCCODE_RI);
                    /* Debug Mode ends; the mode is root's or the guest's
                     * again as GuestCtl0.GM and root Status say (EJTAG
                     * MD00047, "DERET"; MD00846: guest mode needs DM = 0) */
                    c->cp0.debug &= ~DEBUG_DM;
                    c->pc = c->cp0.depc;
                    c->cycles += T_ERET;
                    cpu_status_changed(c);
                    c->insns++;
                    continue;
                case 0x20: /* WAIT */
                    c->waiting = true;
                    c->deadline = 0;
                    break;
                default: RAISE(EXCCODE_RI);
                }
                break;
            }
            switch (RS) {
            case 0x00: SETR(RT, cp0_read(c, RD, insn & 7)); break;
            case 0x04: cp0_write(c, RD, insn & 7, R[RT]); break;
            case 0x03: /* MFGC0 / MTGC0 (VZ) */
                if (cpu_vz_root_cop0(c, insn))
                    goto exc;
                break;
            case 0x0A: { /* RDPGPR */
                unsigned pss = (c->cp0.srsctl & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT;
                SETR(RD, c->sets[pss][RT]);
                break;
            }
            case 0x0B: /* DI / EI */
                if ((insn & 0xFFDF) != 0x6000)
                    RAISE(EXCCODE_RI);
                SETR(RT, c->cp0.status);
                if (insn & 0x20)
                    c->cp0.status |= ST0_IE;
                else
                    c->cp0.status &= ~ST0_IE;
                cpu_status_changed(c);
                break;
            case 0x0E: { /* WRPGPR */
                unsigned pss = (c->cp0.srsctl & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT;
                if (RD)
                    c->sets[pss][RD] = R[RT];
                break;
            }
            default: RAISE(EXCCODE_RI);
            }
            break;

        case 0x11: /* COP1 */
            if (!cp1_usable(c) || fpu_exec_cop1(c, insn))
                goto exc;
            break;
        case 0x13: /* COP1X */
            if (!cp1_usable(c) || fpu_exec_cop1x(c, insn))
                goto exc;
            break;
        case 0x12: /* COP2: none on this core */
            cpu_exception_cpu(c, 2);
            goto exc;

        case 0x14: cpu_branch(c, R[RS] == R[RT], BTARGET, true); break;
        case 0x15: cpu_branch(c, R[RS] != R[RT], BTARGET, true); break;
        case 0x16: if (RT) RAISE(EXCCODE_RI); cpu_branch(c, (int32_t)R[RS] <= 0, BTARGET, true); break;
        case 0x17: if (RT) RAISE(EXCCODE_RI); cpu_branch(c, (int32_t)R[RS] > 0, BTARGET, true); break;

        case 0x1C: /* SPECIAL2 */
            switch (insn & 63) {
            case 0x00: case 0x01: case 0x04: case 0x05: { /* MADD MADDU MSUB MSUBU */
                if (RD)
                    { dsp_unusable(c); goto exc; }
                uint64_t acc = (uint64_t)c->hi << 32 | c->lo;
                uint64_t p = (insn & 1) ? (uint64_t)R[RS] * R[RT]
                                        : (uint64_t)((int64_t)(int32_t)R[RS] * (int32_t)R[RT]);
                acc = (insn & 4) ? acc - p : acc + p;
                c->lo = (uint32_t)acc;
                c->hi = (uint32_t)(acc >> 32);
                c->hilo_ready = c->cycles + T_MUL_LAT;
                break;
            }
            case 0x02: SETR(RD, (uint32_t)((int32_t)R[RS] * (int64_t)(int32_t)R[RT])); break;
            case 0x20: SETR(RD, R[RS] ? (uint32_t)__builtin_clz(R[RS]) : 32); break;
            case 0x21: SETR(RD, ~R[RS] ? (uint32_t)__builtin_clz(~R[RS]) : 32); break;
            case 0x3F: /* SDBBP: UHI semihosting in root, else the debug exception
                       * (guest mode: always; docs/simulator.md) */
                if (((insn >> 6) & 0xFFFFF) == UHI_SDBBP_CODE && !c->gm && cpu_uhi_call(c)) {
                    if (c->stop) {
                        c->insns++;
                        return;
                    }
                    break;
                }
                debug_exception(c);
                continue;
            default: RAISE(EXCCODE_RI);
            }
            break;

        case 0x1F: /* SPECIAL3 */
            switch (insn & 63) {
            case 0x00: { /* EXT */
                unsigned pos = SA, size = RD + 1;
                if (pos + size > 32)
                    break; /* UNPREDICTABLE: leave rt unchanged */
                SETR(RT, (R[RS] >> pos) & (size == 32 ? 0xFFFFFFFFu : (1u << size) - 1));
                break;
            }
            case 0x04: { /* INS */
                unsigned pos = SA, msb = RD;
                if (msb < pos)
                    break; /* UNPREDICTABLE */
                unsigned size = msb - pos + 1;
                uint32_t m = (size == 32 ? 0xFFFFFFFFu : (1u << size) - 1) << pos;
                SETR(RT, (R[RT] & ~m) | ((R[RS] << pos) & m));
                break;
            }
            case 0x20: /* BSHFL */
                switch (SA) {
                case 0x02: SETR(RD, ((R[RT] & 0x00FF00FFu) << 8) | ((R[RT] >> 8) & 0x00FF00FFu)); break;
                case 0x10: SETR(RD, (uint32_t)(int32_t)(int8_t)R[RT]); break;
                case 0x18: SETR(RD, (uint32_t)(int32_t)(int16_t)R[RT]); break;
                default: RAISE(EXCCODE_RI);
                }
                break;
            case 0x3B: { /* RDHWR */
                const struct cp0 *x = c->gm ? &c->gcp0 : &c->cp0;
                uint32_t st = x->status;
                bool kernel = !(st & ST0_UM) || (st & (ST0_EXL | ST0_ERL));
                unsigned hw = RD;
                if (!kernel && !(x->hwrena & (1u << hw)))
                    RAISE(EXCCODE_RI);
                uint32_t v;
                switch (hw) {
                case 0: v = (c->gm ? c->gcp0.ebase : c->cp0.ebase) & EBASE_CPUNUM; break;
                case 1: v = M5150_SYNCI_STEP; break;
                case 2:
                    if (c->gm) {
                        if (cpu_vz_guest_rdhwr_cc(c))
                            goto exc;
                        v = cpu_guest_count(c);
                    } else {
                        v = cpu_count(c);
                    }
                    break;
                case 3: v = 2; break; /* Count increments every 2 cycles */
                case 29:
                    if (!(c->cp0.config[3] & 0x2000)) RAISE(EXCCODE_RI);
                    v = c->gm ? c->gcp0.userlocal : c->cp0.userlocal;
                    break;
                default: RAISE(EXCCODE_RI);
                }
                SETR(RT, v);
                break;
            }
            default:
                if (dsp_special3(insn & 63)) {
                    dsp_unusable(c);
                    goto exc;
                }
                RAISE(EXCCODE_RI);
            }
            break;

        /* loads and stores */
        case 0x20: { uint32_t v; if (!load_i(c, R[RS] + SIMM, 1, &v)) goto exc;
            SETR(RT, (uint32_t)(int32_t)(int8_t)v); c->load_dest = RT; break; }
        case 0x21: { uint32_t v; if (!load_i(c, R[RS] + SIMM, 2, &v)) goto exc;
            SETR(RT, (uint32_t)(int32_t)(int16_t)v); c->load_dest = RT; break; }
        case 0x23: { uint32_t v; if (!load_i(c, R[RS] + SIMM, 4, &v)) goto exc;
            SETR(RT, v); c->load_dest = RT; break; }
        case 0x24: { uint32_t v; if (!load_i(c, R[RS] + SIMM, 1, &v)) goto exc;
            SETR(RT, v); c->load_dest = RT; break; }
        case 0x25: { uint32_t v; if (!load_i(c, R[RS] + SIMM, 2, &v)) goto exc;
            SETR(RT, v); c->load_dest = RT; break; }
        case 0x22: case 0x26: { /* LWL / LWR (little-endian) */
            uint32_t va = R[RS] + SIMM, w;
            if (!cpu_load(c, va & ~3u, 4, &w))
                goto exc; /* BadVAddr: the aligned word; see docs */
            unsigned b = va & 3;
            uint32_t old = R[RT], v;
            if ((insn >> 26) == 0x22) { /* LWL: bytes b..0 of w to the top of rt */
                unsigned sh = 8 * (3 - b);
                v = (w << sh) | (sh ? old & (0xFFFFFFFFu >> (32 - sh)) : 0);
            } else { /* LWR: bytes 3..b of w to the bottom of rt */
                unsigned sh = 8 * b;
                v = (w >> sh) | (sh ? old & (0xFFFFFFFFu << (32 - sh)) : 0);
            }
            SETR(RT, v);
            c->load_dest = RT;
            break;
        }
        case 0x28: if (!store_i(c, R[RS] + SIMM, 1, R[RT])) goto exc; break;
        case 0x29: if (!store_i(c, R[RS] + SIMM, 2, R[RT])) goto exc; break;
        case 0x2B: if (!store_i(c, R[RS] + SIMM, 4, R[RT])) goto exc; break;
        case 0x2A: case 0x2E: { /* SWL / SWR */
            uint32_t va = R[RS] + SIMM, w;
            if (!cpu_load(c, va & ~3u, 4, &w))
                goto exc;
            unsigned b = va & 3;
            uint32_t v = R[RT], nw;
            if ((insn >> 26) == 0x2A) { /* SWL: top bytes of rt to bytes b..0 */
                unsigned sh = 8 * (3 - b);
                uint32_t m = 0xFFFFFFFFu >> sh;
                nw = (w & ~m) | (v >> sh);
            } else { /* SWR: bottom bytes of rt to bytes 3..b */
                unsigned sh = 8 * b;
                uint32_t m = 0xFFFFFFFFu << sh;
                nw = (w & ~m) | (v << sh);
            }
            if (!cpu_store(c, va & ~3u, 4, nw))
                goto exc;
            break;
        }
        case 0x2F: /* CACHE */
            if (!cp0_usable(c) || (c->gm && cpu_vz_guest_cache(c, insn)))
                goto exc;
            c->cycles += T_CACHE_OP;
            break;
        case 0x30: { /* LL */
            uint32_t va = R[RS] + SIMM, v;
            if (!cpu_load(c, va, 4, &v))
                goto exc;
            SETR(RT, v);
            if (c->gm) {
                c->gllbit = true;
                c->gcp0.lladdr = va & 0x1FFFFFFFu;
            } else {
                c->llbit = true;
                c->cp0.lladdr = va & 0x1FFFFFFFu; /* physical for kseg0/1 (see docs) */
            }
            c->load_dest = RT;
            break;
        }
        case 0x38: { /* SC */
            uint32_t va = R[RS] + SIMM;
            bool *llb = c->gm ? &c->gllbit : &c->llbit;
            if (*llb) {
                if (!cpu_store(c, va, 4, R[RT]))
                    goto exc;
                SETR(RT, 1);
            } else {
                if (va & 3) {
                    cpu_exception(c, EXCCODE_ADES, true, va);
                    goto exc;
                }
                SETR(RT, 0);
            }
            *llb = false;
            break;
        }
        case 0x31: { /* LWC1 */
            uint32_t v;
            if (!cp1_usable(c) || !load_i(c, R[RS] + SIMM, 4, &v))
                goto exc;
            fpu_set_w(c, RT, v);
            break;
        }
        case 0x35: { /* LDC1 */
            uint32_t va = R[RS] + SIMM, lo, hi;
            if (!cp1_usable(c))
                goto exc;
            if (!fpu_d_ok(c, RT))
                RAISE(EXCCODE_RI);
            if (va & 7) {
                cpu_exception(c, EXCCODE_ADEL, true, va);
                goto exc;
            }
            if (!cpu_load(c, va, 4, &lo) || !cpu_load(c, va + 4, 4, &hi))
                goto exc;
            fpu_set_d(c, RT, (uint64_t)hi << 32 | lo);
            break;
        }
        case 0x39: /* SWC1 */
            if (!cp1_usable(c) || !store_i(c, R[RS] + SIMM, 4, fpu_get_w(c, RT)))
                goto exc;
            break;
        case 0x3D: { /* SDC1 */
            uint32_t va = R[RS] + SIMM;
            if (!cp1_usable(c))
                goto exc;
            if (!fpu_d_ok(c, RT))
                RAISE(EXCCODE_RI);
            if (va & 7) {
                cpu_exception(c, EXCCODE_ADES, true, va);
                goto exc;
            }
            uint64_t d = fpu_get_d(c, RT);
            if (!cpu_store(c, va, 4, (uint32_t)d) || !cpu_store(c, va + 4, 4, (uint32_t)(d >> 32)))
                goto exc;
            break;
        }
        case 0x33: /* PREF */
            break;
        case 0x32: case 0x36: case 0x3A: case 0x3E: /* LWC2/LDC2/SWC2/SDC2 */
            cpu_exception_cpu(c, 2);
            goto exc;
        default:
            RAISE(EXCCODE_RI);
        }

        /* retire */
        c->insns++;
        c->stats.guest_insns += c->gm;
        c->prev_insn = c->cur_insn;
        if (ds && (c->in_ds || c->skip_ds)) {
            /* (decided) A branch or jump in a delay slot is UNPREDICTABLE
             * (MIPS32 Architecture Vol. II, MD00086, "Branch Delay Slot"):
             * vpsim does its side effects (a link register) but not its
             * branch; the first branch's target follows and is no delay
             * slot. Chained slots (a branch to itself in its own slot)
             * would otherwise keep every interrupt off for ever. */
            c->in_ds = false;
            c->skip_ds = false;
        }
        if (c->skip_ds)
            c->pc = pc + 8; /* branch-likely not taken: the slot is annulled */
        else
            c->pc = ds ? ds_target : pc + 4;
        continue;
    exc:
        c->load_dest = 0;
    }
}

/* Handles everything that is due at an instruction boundary: device events,
 * the core timer, the run limit, WAIT and interrupts. */
static void cpu_boundary(struct cpu *c)
{
    if (c->cycles >= c->timer_due)
        cpu_timer_fire(c);
    if (c->cycles >= c->gtimer_due)
        cpu_gtimer_fire(c);
    if (c->cycles >= c->dev_deadline && c->hooks.event) {
        c->dev_deadline = UINT64_MAX;
        c->hooks.event(c->hooks.ctx, c); /* may set a new deadline */
    }
    if (c->cycles >= c->limit_cycles) {
        c->stop = CPU_STOP_LIMIT;
        return;
    }
    c->check_irq = false;
    bool root_irq = interrupt_pending(c);
    if (root_irq || guest_interrupt_pending(c)) {
        if (c->in_ds) {
            /* Interrupts are taken between instructions, never between a
             * branch and its delay slot: wait for the slot to retire. */
            c->check_irq = true;
        } else {
            c->cur_ds = false;
            c->fetch_fault = false;
            if (root_irq) /* a root interrupt wins over a guest one */
                take_interrupt(c);
            else
                take_guest_interrupt(c);
        }
    }
    /* Config7.WII = 1 (M5150): a request that would be taken if IE were 1
     * ends a WAIT even with interrupts disabled; execution goes on after
     * the WAIT (Linux's M5150 idle loop relies on it). */
    if (c->waiting && !(c->cp0.status & (ST0_EXL | ST0_ERL)) &&
        (c->cp0.config[7] & 0x80000000u) &&
        c->eic_ripl > status_ipl(c->cp0.status))
        c->waiting = false;
    cpu_recompute_deadline(c);
    if (c->check_irq)
        c->deadline = c->cycles + 1;
    if (c->waiting) {
        /* WAIT: idle until the next event; nothing runs meanwhile. */
        uint64_t next = c->deadline;
        if (next == UINT64_MAX) {
            c->stop = CPU_STOP_DEADLOCK;
            return;
        }
        if (next > c->cycles)
            c->cycles = next;
        c->deadline = c->cycles; /* handle it on the next boundary */
    }
}

void cpu_run(struct cpu *c)
{
    while (c->stop == CPU_RUNNING) {
        if (c->cycles >= c->deadline || c->waiting)
            cpu_boundary(c);
        if (c->stop != CPU_RUNNING)
            break;
        if (!c->waiting)
            cpu_run_block(c);
    }
}

/*
 * Root CP0 of the M5150: reset values, writable masks and side effects,
 * Count/Compare, and the TLB instructions. Implementation values come from
 * m5150.h; the MIPS32 PRA gives the behaviour.
 */
#include <stdint.h>
#include <string.h>

#include <mips/mipsregs.h>

#include "cpu_int.h"
#include "m5150.h"

void cp0_reset(struct cpu *c)
{
    struct cp0 *p = &c->cp0;
    uint32_t prid = p->prid ? p->prid : M5150_PRID;
    memset(p, 0, sizeof *p);
    p->prid = prid;
    p->status = ST0_BEV | ST0_ERL;
    p->config[0] = M5150_CONFIG0;
    p->config[1] = M5150_CONFIG1;
    p->config[2] = M5150_CONFIG2;
    p->config[3] = M5150_CONFIG3;
    p->config[4] = M5150_CONFIG4;
    p->config[5] = M5150_CONFIG5;
    p->config[7] = M5150_CONFIG7;
    p->srsctl = M5150_SRSCTL;
    p->ebase = M5150_EBASE;
    p->debug = M5150_DEBUG;
    p->wired = 0;
    c->count_base = 0;
    c->count_epoch = c->cycles;
    c->timer_due = UINT64_MAX;
    c->irq_out = 0;
    c->llbit = false;
    cpu_set_css(c, 0);
    /* The guest context starts in its own reset state (VZ spec: guest
     * Status = BEV|ERL); its Config mirrors the root with Config3.VZ = 0. */
    struct cp0 *g = &c->gcp0;
    memset(g, 0, sizeof *g);
    g->status = ST0_BEV | ST0_ERL;
    memcpy(g->config, p->config, sizeof g->config);
    g->config[3] &= ~MIPS_CONF3_VZ;
    g->ebase = M5150_EBASE;
    g->prid = p->prid;
    c->gllbit = false;
    c->gtimer_due = UINT64_MAX;
    cpu_timer_update(c);
}

/* Count runs at half the core clock (SYSCLK/2) unless Cause.DC stops it. */
uint32_t cpu_count(const struct cpu *c)
{
    if (c->cp0.cause & CAUSEF_DC)
        return c->count_base;
    return c->count_base + (uint32_t)((c->cycles - c->count_epoch) >> 1);
}

static void count_set(struct cpu *c, uint32_t v)
{
    c->count_base = v;
    c->count_epoch = c->cycles;
}

/* The cycle at which (Count + offset) next becomes equal to compare: the
 * start of that Count tick. If they are equal now, the next match is a full
 * 2^32-tick wrap away (the timer fires on the increment that makes them
 * equal). UINT64_MAX while Cause.DC stops Count. */
static uint64_t count_match_cycle(const struct cpu *c, uint32_t compare, uint32_t offset)
{
    if (c->cp0.cause & CAUSEF_DC)
        return UINT64_MAX;
    uint64_t k = (c->cycles - c->count_epoch) >> 1; /* ticks so far */
    uint32_t now = c->count_base + (uint32_t)k + offset;
    uint32_t delta = compare - now;
    return c->count_epoch + ((k + (delta ? delta : 0x100000000ull)) << 1);
}

/* Recomputes the cycle at which Count next equals Compare. */
void cpu_timer_update(struct cpu *c)
{
    c->timer_due = count_match_cycle(c, c->cp0.compare, 0);
    cpu_recompute_deadline(c);
}

/* Timer deadline reached: Count == Compare. */
void cpu_timer_fire(struct cpu *c)
{
    c->cp0.cause |= CAUSEF_TI;
    c->timer_due += 0x200000000ull; /* next match after a full Count wrap */
    cpu_irq_lines_update(c);
    cpu_recompute_deadline(c);
}

void cpu_irq_lines_update(struct cpu *c)
{
    unsigned lines = ((c->cp0.cause & CAUSEF_TI) ? 1u : 0u) |
                     ((c->cp0.cause & CAUSEF_IP0) ? 2u : 0u) |
                     ((c->cp0.cause & CAUSEF_IP1) ? 4u : 0u);
    if (lines != c->irq_out) {
        c->irq_out = lines;
        if (c->hooks.irq_lines)
            c->hooks.irq_lines(c->hooks.ctx, lines);
    }
}

static unsigned tlb_random(const struct cpu *c, const struct cp0 *p)
{
    unsigned wired = p->wired & 0x1f;
    if (wired >= M5150_NTLB)
        return M5150_NTLB - 1;
    unsigned span = M5150_NTLB - wired;
    return M5150_NTLB - 1 - (unsigned)(c->insns % span);
}

uint32_t cp0_read(struct cpu *c, unsigned reg, unsigned sel)
{
    return cp0_ctx_read(c, false, reg, sel);
}

void cp0_write(struct cpu *c, unsigned reg, unsigned sel, uint32_t v)
{
    cp0_ctx_write(c, false, reg, sel, v);
}

/* Guest Count = root Count + GTOffset (VZ); it cannot be written. */
uint32_t cpu_guest_count(const struct cpu *c)
{
    return cpu_count(c) + c->cp0.gtoffset;
}

/* Recomputes when the guest Count next equals the guest Compare. On the
 * PIC32MZ that only sets guest Cause.TI (the line reaches no controller). */
void cpu_gtimer_update(struct cpu *c)
{
    c->gtimer_due = count_match_cycle(c, c->gcp0.compare, c->cp0.gtoffset);
    cpu_recompute_deadline(c);
}

void cpu_gtimer_fire(struct cpu *c)
{
    c->gcp0.cause |= CAUSEF_TI;
    c->gtimer_due += 0x200000000ull;
    cpu_recompute_deadline(c);
}

uint32_t cp0_ctx_read(struct cpu *c, bool guest, unsigned reg, unsigned sel)
{
    struct cp0 *p = guest ? &c->gcp0 : &c->cp0;
    switch (reg * 8 + sel) {
    case CP0_RS(CP0_INDEX): return p->index;
    case CP0_RS(CP0_RANDOM): return tlb_random(c, p);
    case CP0_RS(CP0_ENTRYLO0): return p->entrylo0;
    case CP0_RS(CP0_ENTRYLO1): return p->entrylo1;
    case CP0_RS(CP0_CONTEXT): return p->context;
    case CP0_RS(CP0_USERLOCAL): return p->userlocal;
    case CP0_RS(CP0_PAGEMASK): return p->pagemask;
    case CP0_RS(CP0_PAGEGRAIN): return p->pagegrain;
    case CP0_RS(CP0_WIRED): return p->wired;
    case CP0_RS(CP0_HWRENA): return p->hwrena;
    case CP0_RS(CP0_BADVADDR): return p->badvaddr;
    case CP0_RS(CP0_BADINSTR): return M5150_HAS_BADINSTR ? p->badinstr : 0;
    case CP0_RS(CP0_BADINSTRP): return M5150_HAS_BADINSTR ? p->badinstrp : 0;
    case CP0_RS(CP0_COUNT): return guest ? cpu_guest_count(c) : cpu_count(c);
    case CP0_RS(CP0_ENTRYHI): return p->entryhi;
    case CP0_RS(CP0_COMPARE): return p->compare;
    case CP0_RS(CP0_STATUS): return p->status;
    case CP0_RS(CP0_INTCTL): return p->intctl;
    case CP0_RS(CP0_SRSCTL): return guest ? 0 : p->srsctl; /* no guest shadow sets */
    case CP0_RS(CP0_SRSMAP): return p->srsmap;
    case CP0_RS(CP0_VIEW_IPL): return (p->status & ST0_IPL) >> ST0_IPL_SHIFT << 2 |
                                      ((p->status & ST0_IPL7) ? 0x200u : 0);
    case CP0_RS(CP0_CAUSE): return guest ? cpu_guest_cause_read(c) : cpu_cause_read(c);
    case CP0_RS(CP0_VIEW_RIPL):
        return ((guest ? cpu_guest_cause_read(c) : cpu_cause_read(c)) & CAUSEF_RIPL) >>
               CAUSEB_RIPL << 2;
    case CP0_RS(CP0_NESTEDEXC): return p->nestedexc;
    case CP0_RS(CP0_EPC): return p->epc;
    case CP0_RS(CP0_NESTEDEPC): return p->nestedepc;
    case CP0_RS(CP0_PRID): return p->prid;
    case CP0_RS(CP0_EBASE): return 0x80000000u | (p->ebase & M5150_EBASE_W);
    case CP0_RS(CP0_CDMMBASE): return p->cdmmbase;
    case CP0_RS(CP0_CONFIG): return p->config[0];
    case CP0_RS(CP0_CONFIG1): return p->config[1];
    case CP0_RS(CP0_CONFIG2): return p->config[2];
    case CP0_RS(CP0_CONFIG3): return p->config[3];
    case CP0_RS(CP0_CONFIG4): return p->config[4];
    case CP0_RS(CP0_CONFIG5): return p->config[5];
    case CP0_RS(CP0_CONFIG7): return p->config[7];
    case CP0_RS(CP0_LLADDR): return p->lladdr;
    case 18 * 8 + 0: case 18 * 8 + 1: case 18 * 8 + 2: case 18 * 8 + 3:
        return p->watchlo[sel];
    case 19 * 8 + 0: case 19 * 8 + 1: case 19 * 8 + 2: case 19 * 8 + 3:
        return p->watchhi[sel] | (sel < 3 ? 0x80000000u : 0);
    case CP0_RS(CP0_DEBUG): return p->debug;
    case CP0_RS(CP0_DEPC): return p->depc;
    case 25 * 8 + 0: return p->perfctl[0] | 0x80000000u;
    case 25 * 8 + 1: return p->perfcnt[0];
    case 25 * 8 + 2: return p->perfctl[1];
    case 25 * 8 + 3: return p->perfcnt[1];
    case CP0_RS(CP0_ERRCTL): return p->errctl;
    case CP0_RS(CP0_CACHEERR): return p->cacheerr;
    case CP0_RS(CP0_TAGLO): return p->taglo;
    case CP0_RS(CP0_DATALO): return p->datalo;
    case CP0_RS(CP0_ERROREPC): return p->errorepc;
    case CP0_RS(CP0_DESAVE): return p->desave;
    case CP0_RS(CP0_KSCRATCH1): return p->kscratch[0];
    case CP0_RS(CP0_KSCRATCH2): return p->kscratch[1];
    default:
        return guest ? 0 : cpu_vz_cp0_read(c, reg, sel);
    }
}

void cp0_ctx_write(struct cpu *c, bool guest, unsigned reg, unsigned sel, uint32_t v)
{
    struct cp0 *p = guest ? &c->gcp0 : &c->cp0;
#define SETW(field, mask) ((field) = ((field) & ~(uint32_t)(mask)) | ((v) & (uint32_t)(mask)))
    switch (reg * 8 + sel) {
    case CP0_RS(CP0_INDEX): SETW(p->index, 0x8000001Fu & 0x1F); break;
    case CP0_RS(CP0_ENTRYLO0): p->entrylo0 = v & M5150_ENTRYLO_W; break;
    case CP0_RS(CP0_ENTRYLO1): p->entrylo1 = v & M5150_ENTRYLO_W; break;
    case CP0_RS(CP0_CONTEXT): SETW(p->context, M5150_CONTEXT_W); break;
    case CP0_RS(CP0_USERLOCAL): p->userlocal = v; break;
    case CP0_RS(CP0_PAGEMASK): p->pagemask = v & M5150_PAGEMASK_W; break;
    case CP0_RS(CP0_PAGEGRAIN): p->pagegrain = v & M5150_PAGEGRAIN_W; break;
    case CP0_RS(CP0_WIRED): p->wired = v & 0x1f; break;
    case CP0_RS(CP0_HWRENA): p->hwrena = v & M5150_HWRENA_W; break;
    case CP0_RS(CP0_COUNT):
        if (!guest) { /* the guest Count is root Count + GTOffset */
            count_set(c, v);
            cpu_timer_update(c);
            cpu_gtimer_update(c);
        }
        break;
    case CP0_RS(CP0_ENTRYHI):
        if ((p->entryhi ^ v) & MIPS_ENTRYHI_ASID)
            cpu_mmu_changed(c); /* mapped pages in the fast maps: ASID-tagged */
        p->entryhi = v & M5150_ENTRYHI_W;
        break;
    case CP0_RS(CP0_COMPARE):
        p->compare = v;
        p->cause &= ~CAUSEF_TI; /* a Compare write acknowledges the timer */
        if (guest) {
            cpu_gtimer_update(c);
        } else {
            cpu_irq_lines_update(c);
            cpu_timer_update(c);
        }
        break;
    case CP0_RS(CP0_STATUS):
        SETW(p->status, M5150_STATUS_W);
        cpu_status_changed(c);
        break;
    case CP0_RS(CP0_INTCTL): SETW(p->intctl, M5150_INTCTL_W); break;
    case CP0_RS(CP0_SRSCTL): if (!guest) SETW(p->srsctl, M5150_SRSCTL_W); break;
    case CP0_RS(CP0_SRSMAP): p->srsmap = v; break;
    case CP0_RS(CP0_VIEW_IPL):
        p->status = (p->status & ~(ST0_IPL | ST0_IPL7)) | ((v >> 2 & 0x7f) << ST0_IPL_SHIFT) |
                    ((v & 0x200) ? ST0_IPL7 : 0);
        cpu_status_changed(c);
        break;
    case CP0_RS(CP0_CAUSE): {
        uint32_t old = p->cause;
        SETW(p->cause, M5150_CAUSE_W);
        if (guest) { /* guest DC does not stop the guest Count */
            cpu_request_irq_check(c);
            break;
        }
        if ((old ^ p->cause) & CAUSEF_DC) {
            /* Stopping or restarting Count keeps its value continuous. */
            uint32_t now;
            uint32_t saved = p->cause;
            p->cause = old;
            now = cpu_count(c);
            p->cause = saved;
            count_set(c, now);
            cpu_timer_update(c);
            cpu_gtimer_update(c);
        }
        cpu_irq_lines_update(c);
        cpu_request_irq_check(c);
        break;
    }
    case CP0_RS(CP0_NESTEDEXC): break;
    case CP0_RS(CP0_EPC): p->epc = v; break;
    case CP0_RS(CP0_NESTEDEPC): p->nestedepc = v; break;
    case CP0_RS(CP0_EBASE): SETW(p->ebase, M5150_EBASE_W); break;
    case CP0_RS(CP0_CONFIG): SETW(p->config[0], M5150_CONFIG0_W); break;
    case CP0_RS(CP0_CONFIG3): SETW(p->config[3], M5150_CONFIG3_W); break;
    case CP0_RS(CP0_CONFIG5): SETW(p->config[5], M5150_CONFIG5_W); break;
    case 18 * 8 + 0: case 18 * 8 + 1: case 18 * 8 + 2: case 18 * 8 + 3:
        p->watchlo[sel] = v;
        break;
    case 19 * 8 + 0: case 19 * 8 + 1: case 19 * 8 + 2: case 19 * 8 + 3:
        p->watchhi[sel] = v & 0x40FF0FF8u;
        break;
    case CP0_RS(CP0_DEPC): p->depc = v; break;
    case 25 * 8 + 0: p->perfctl[0] = v & 0x7FFFFFFFu; break;
    case 25 * 8 + 1: p->perfcnt[0] = v; break;
    case 25 * 8 + 2: p->perfctl[1] = v & 0x7FFFFFFFu; break;
    case 25 * 8 + 3: p->perfcnt[1] = v; break;
    case CP0_RS(CP0_ERRCTL): p->errctl = v; break;
    case CP0_RS(CP0_TAGLO): p->taglo = v; break;
    case CP0_RS(CP0_DATALO): p->datalo = v; break;
    case CP0_RS(CP0_ERROREPC): p->errorepc = v; break;
    case CP0_RS(CP0_DESAVE): p->desave = v; break;
    case CP0_RS(CP0_KSCRATCH1): p->kscratch[0] = v; break;
    case CP0_RS(CP0_KSCRATCH2): p->kscratch[1] = v; break;
    default:
        if (!guest)
            cpu_vz_cp0_write(c, reg, sel, v);
        break;
    }
#undef SETW
}

/* ---- TLB instructions --------------------------------------------------- */

/* The root TLB instructions act on the root TLB (entries tagged with
 * GuestCtl1.RID); the guest's, and root TLBG*, on the guest TLB through the
 * guest CP0 registers. `guest` selects the pair. */
void cpu_tlb_read(struct cpu *c, bool guest)
{
    struct cp0 *p = guest ? &c->gcp0 : &c->cp0;
    const struct tlb_entry *e = &(guest ? c->gtlb : c->tlb)[p->index & (M5150_NTLB - 1)];
    p->pagemask = e->mask;
    p->entryhi = e->hi;
    p->entrylo0 = e->lo[0];
    p->entrylo1 = e->lo[1];
    if (!guest)
        c->cp0.guestctl1 = (c->cp0.guestctl1 & ~GUESTCTL1_RID) |
                           (uint32_t)e->guestid << GUESTCTL1_RID_SHIFT;
}

void cpu_tlb_write(struct cpu *c, bool guest, unsigned idx)
{
    struct cp0 *p = guest ? &c->gcp0 : &c->cp0;
    struct tlb_entry *e = &(guest ? c->gtlb : c->tlb)[idx & (M5150_NTLB - 1)];
    uint32_t g = p->entrylo0 & p->entrylo1 & MIPS_ENTRYLO_G;
    e->mask = p->pagemask;
    /* VPN2 bits under the mask are kept as written (implementation
     * dependent in the PRA; matching ignores them) */
    e->hi = p->entryhi & (MIPS_ENTRYHI_VPN2 | MIPS_ENTRYHI_ASID);
    e->guestid = guest ? 0 : cpu_vz_root_tlb_gid(c);
    if (e->guestid)
        g = MIPS_ENTRYLO_G; /* entries for a guest ignore the root ASID */
    e->lo[0] = (p->entrylo0 & ~MIPS_ENTRYLO_G) | g;
    e->lo[1] = (p->entrylo1 & ~MIPS_ENTRYLO_G) | g;
    cpu_mmu_changed(c);
}

void cpu_tlb_write_random(struct cpu *c, bool guest)
{
    cpu_tlb_write(c, guest, tlb_random(c, guest ? &c->gcp0 : &c->cp0));
}

void cpu_tlb_probe(struct cpu *c, bool guest)
{
    struct cp0 *p = guest ? &c->gcp0 : &c->cp0;
    const struct tlb_entry *t = guest ? c->gtlb : c->tlb;
    uint32_t asid = p->entryhi & MIPS_ENTRYHI_ASID;
    unsigned gid = guest ? 0 : cpu_vz_root_tlb_gid(c);
    for (unsigned i = 0; i < M5150_NTLB; i++) {
        const struct tlb_entry *e = &t[i];
        uint32_t vmask = MIPS_ENTRYHI_VPN2 & ~e->mask;
        if (((e->hi ^ p->entryhi) & vmask) == 0 && e->guestid == gid &&
            ((e->lo[0] & MIPS_ENTRYLO_G) || (e->hi & MIPS_ENTRYHI_ASID) == asid)) {
            p->index = i;
            return;
        }
    }
    p->index |= MIPS_INDEX_P;
}

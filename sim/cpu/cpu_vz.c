/*
 * The VZ module of the M5150 (MIPS VZ r5 as this core implements it): the
 * root VZ registers, MFGC0/MTGC0 and the TLBG* instructions, and the trap
 * rules for privileged instructions executed in guest mode (GPSI, GSFC, HC,
 * GRR). Exception entry, two-stage translation and interrupt injection are
 * in cpu.c; facts: MIPS Architecture for Programmers Vol. IV-i, Virtualization
 * Module (MD00846), chapters 4 and 5 (guest mode, exceptions, GuestCtl0); decisions:
 * and docs/simulator.md ("VZ module").
 */
#include <mips/mipsregs.h>

#include "cpu_int.h"

/* Capability bits the M5150 reports in GuestCtl0 (read-only): GuestIDs,
 * GuestCtl0Ext and GuestCtl2 present; RAD = 0; no PT/PIP/DRG. */
#define VZ_GUESTCTL0_CAPS   (GUESTCTL0_G1 | GUESTCTL0_G0E | GUESTCTL0_G2)
#define VZ_GUESTCTL0_W      (GUESTCTL0_GM | GUESTCTL0_RI | GUESTCTL0_MC | GUESTCTL0_CP0 | \
                             GUESTCTL0_AT | GUESTCTL0_GT | GUESTCTL0_CG | GUESTCTL0_CF | \
                             GUESTCTL0_SFC2 | GUESTCTL0_SFC1)
#define VZ_GUESTCTL0EXT_W   (GUESTCTL0EXT_MG | GUESTCTL0EXT_BG | GUESTCTL0EXT_OG | \
                             GUESTCTL0EXT_FCD | GUESTCTL0EXT_CGI | GUESTCTL0EXT_NCC)
/* GuestID width: 3 bits (IDs 0..7; 0 is root). Software finds the width by
 * writing all ones (docs/simulator.md). EID is not implemented (the
 * PIC32MZ's interrupt controller is not VZ-aware). */
#define VZ_GUESTID_MASK     0x7u
#define VZ_GUESTCTL1_W      (VZ_GUESTID_MASK | VZ_GUESTID_MASK << GUESTCTL1_RID_SHIFT)
#define VZ_GUESTCTL2_W      (GUESTCTL2_GRIPL | GUESTCTL2_GEICSS | GUESTCTL2_GVEC)
#define VZ_GUESTCTL3_W      GUESTCTL3_GLSS


uint32_t cpu_vz_cp0_read(struct cpu *c, unsigned reg, unsigned sel)
{
    const struct cp0 *p = &c->cp0;
    switch (reg * 8 + sel) {
    case CP0_RS(CP0_GUESTCTL0): return (p->guestctl0 & ~(GUESTCTL0_G1 | GUESTCTL0_G0E |
                                                         GUESTCTL0_G2)) | VZ_GUESTCTL0_CAPS;
    case CP0_RS(CP0_GTOFFSET): return p->gtoffset;
    case CP0_RS(CP0_GUESTCTL0EXT): return p->guestctl0ext;
    case CP0_RS(CP0_GUESTCTL1): return p->guestctl1;
    case CP0_RS(CP0_GUESTCTL2): return p->guestctl2;
    case CP0_RS(CP0_GUESTCTL3): return p->guestctl3;
    default: return 0; /* unimplemented CP0 registers read as zero (PRA) */
    }
}

void cpu_vz_cp0_write(struct cpu *c, unsigned reg, unsigned sel, uint32_t v)
{
    struct cp0 *p = &c->cp0;
    switch (reg * 8 + sel) {
    case CP0_RS(CP0_GUESTCTL0):
        p->guestctl0 = (p->guestctl0 & ~VZ_GUESTCTL0_W) | (v & VZ_GUESTCTL0_W);
        cpu_status_changed(c); /* GM may enter or leave guest mode */
        break;
    case CP0_RS(CP0_GTOFFSET):
        p->gtoffset = v;
        cpu_gtimer_update(c);
        break;
    case CP0_RS(CP0_GUESTCTL0EXT):
        p->guestctl0ext = v & VZ_GUESTCTL0EXT_W;
        break;
    case CP0_RS(CP0_GUESTCTL1):
        if ((p->guestctl1 ^ v) & GUESTCTL1_ID)
            cpu_gmap_flush(c); /* the guest fast map belongs to one GuestID */
        p->guestctl1 = v & VZ_GUESTCTL1_W;
        break;
    case CP0_RS(CP0_GUESTCTL2):
        p->guestctl2 = v & VZ_GUESTCTL2_W;
        cpu_request_irq_check(c);
        break;
    case CP0_RS(CP0_GUESTCTL3):
        p->guestctl3 = v & VZ_GUESTCTL3_W;
        break;
    default:
        break; /* unimplemented: writes ignored */
    }
}

unsigned cpu_vz_root_tlb_gid(const struct cpu *c)
{
    return (c->cp0.guestctl1 & GUESTCTL1_RID) >> GUESTCTL1_RID_SHIFT;
}

void cpu_vz_mode_update(struct cpu *c)
{
    c->gm = (c->cp0.guestctl0 & GUESTCTL0_GM) && !(c->cp0.status & (ST0_EXL | ST0_ERL)) &&
            !(c->cp0.debug & DEBUG_DM);
}

/* ---- root-mode VZ instructions ------------------------------------------ */

/* MTGC0: the guest context's replicated registers are written fully, also
 * the fields the guest itself cannot write (so a hypervisor can restore a
 * context or reflect an exception: Cause.ExcCode/BD/CE, BadVAddr, ...);
 * the rest as a guest MTC0 would (masks and side effects). */
static void mtgc0(struct cpu *c, unsigned rd, unsigned sel, uint32_t v)
{
    struct cp0 *g = &c->gcp0;
    switch (rd * 8 + sel) {
    case CP0_RS(CP0_CAUSE): {
        uint32_t old = g->cause;
        g->cause = v & ~CAUSEF_RIPL;
        g->cause |= old & CAUSEF_RIPL; /* RIPL: the injection latch */
        cpu_request_irq_check(c);
        break;
    }
    case CP0_RS(CP0_BADVADDR): g->badvaddr = v; break;
    case CP0_RS(CP0_BADINSTR): g->badinstr = v; break;
    case CP0_RS(CP0_BADINSTRP): g->badinstrp = v; break;
    case CP0_RS(CP0_CONTEXT): g->context = v; break;
    case CP0_RS(CP0_NESTEDEXC): g->nestedexc = v & (ST0_EXL | ST0_ERL); break;
    case CP0_RS(CP0_LLADDR): g->lladdr = v; break;
    default: cp0_ctx_write(c, true, rd, sel, v); break;
    }
}

bool cpu_vz_root_cop0(struct cpu *c, uint32_t insn)
{
    unsigned rt = (insn >> 16) & 31, rd = (insn >> 11) & 31, sel = insn & 7;
    if (!(insn & 0x02000000u)) { /* rs = 3: MFGC0 / MTGC0 (bits 10:8) */
        switch ((insn >> 8) & 7) {
        case 0: /* MFGC0: the guest register as the guest would see it */
            if (rt)
                c->r[rt] = cp0_ctx_read(c, true, rd, sel);
            return false;
        case 2: /* MTGC0: no GPSI/GSFC; side effects as for the guest */
            mtgc0(c, rd, sel, c->r[rt]);
            cpu_status_changed(c);
            return false;
        default: /* MFHGC0/MTHGC0 need XPA, which the M5150 lacks */
            cpu_exception(c, EXCCODE_RI, false, 0);
            return true;
        }
    }
    switch (insn & 63) {
    case 0x09: cpu_tlb_read(c, true); return false;              /* TLBGR */
    case 0x0A: cpu_tlb_write(c, true, c->gcp0.index); return false; /* TLBGWI */
    case 0x0E: cpu_tlb_write_random(c, true); return false;      /* TLBGWR */
    case 0x10: cpu_tlb_probe(c, true); return false;             /* TLBGP */
    case 0x28: /* HYPCALL in root mode: a GE/HC exception (as Imagination's
                * VZ model does) */
        cpu_vz_exit(c, GEXC_HC);
        return true;
    default: /* TLBGINV/TLBGINVF: Config4.IE = 0 on the M5150 */
        cpu_exception(c, EXCCODE_RI, false, 0);
        return true;
    }
}

/* ---- guest-mode privileged instructions --------------------------------- */

static bool gpsi(struct cpu *c)
{
    cpu_vz_exit(c, GEXC_GPSI);
    return true;
}

/* Guest MFC0/MTC0 of (reg, sel) is a GPSI under the current controls. */
static bool cop0_access_traps(const struct cpu *c, unsigned reg, unsigned sel, bool write)
{
    uint32_t g0 = c->cp0.guestctl0, g0e = c->cp0.guestctl0ext;
    unsigned at = (g0 & GUESTCTL0_AT) >> GUESTCTL0_AT_SHIFT;
    switch (reg * 8 + sel) {
    /* always trapped: identity, shadow sets, debug and cache-test state */
    case CP0_RS(CP0_PRID): case CP0_RS(CP0_SRSCTL): case CP0_RS(CP0_SRSMAP):
    case CP0_RS(CP0_SRSMAP2): case CP0_RS(CP0_CONFIG7): case CP0_RS(CP0_CDMMBASE):
    case CP0_RS(CP0_DEBUG): case CP0_RS(CP0_DEPC): case CP0_RS(CP0_DESAVE):
    case CP0_RS(CP0_ERRCTL): case CP0_RS(CP0_CACHEERR): case CP0_RS(CP0_TAGLO):
    case CP0_RS(CP0_DATALO):
        return true;
    case CP0_RS(CP0_COUNT):
        return write || !(g0 & GUESTCTL0_GT); /* a guest Count write always traps */
    case CP0_RS(CP0_COMPARE):
        return !(g0 & GUESTCTL0_GT);
    case CP0_RS(CP0_CONFIG): case CP0_RS(CP0_CONFIG1): case CP0_RS(CP0_CONFIG2):
    case CP0_RS(CP0_CONFIG3): case CP0_RS(CP0_CONFIG4): case CP0_RS(CP0_CONFIG5):
        return write && !(g0 & GUESTCTL0_CF);
    case CP0_RS(CP0_WIRED): case CP0_RS(CP0_PAGEGRAIN):
        return at != 3;
    case CP0_RS(CP0_USERLOCAL): case CP0_RS(CP0_HWRENA): case CP0_RS(CP0_LLADDR):
        return (g0e & GUESTCTL0EXT_OG) != 0;
    case CP0_RS(CP0_BADVADDR):
        return (g0e & GUESTCTL0EXT_BG) != 0;
    case CP0_RS(CP0_INDEX): case CP0_RS(CP0_ENTRYLO0): case CP0_RS(CP0_ENTRYLO1):
    case CP0_RS(CP0_CONTEXT): case CP0_RS(CP0_PAGEMASK): case CP0_RS(CP0_ENTRYHI):
        return (g0e & GUESTCTL0EXT_MG) != 0;
    case CP0_RS(CP0_RANDOM): case CP0_RS(CP0_BADINSTR): case CP0_RS(CP0_BADINSTRP):
    case CP0_RS(CP0_STATUS): case CP0_RS(CP0_INTCTL): case CP0_RS(CP0_CAUSE):
    case CP0_RS(CP0_EPC): case CP0_RS(CP0_NESTEDEXC): case CP0_RS(CP0_NESTEDEPC):
    case CP0_RS(CP0_EBASE): case CP0_RS(CP0_ERROREPC): case CP0_RS(CP0_KSCRATCH1):
    case CP0_RS(CP0_KSCRATCH2): case CP0_RS(CP0_VIEW_IPL): case CP0_RS(CP0_VIEW_RIPL):
        return false;
    default:
        /* reserved or root-only encodings: GPSI with OG, else RAZ/WI */
        return (g0e & GUESTCTL0EXT_OG) != 0;
    }
}

/* Guest-sensitive fields a guest MTC0 may not change without a GSFC exit
 * (with GuestCtl0Ext.FCD = 0). Status bits 18:16 are IPL bits on the
 * M5150 (8-bit IPL), not sensitive; EXL is not sensitive (docs). */
static uint32_t gsfc_mask(const struct cpu *c, unsigned reg, unsigned sel)
{
    uint32_t g0 = c->cp0.guestctl0;
    switch (reg * 8 + sel) {
    case CP0_RS(CP0_STATUS): {
        uint32_t m = ST0_RP | ST0_FR | ST0_MX | ST0_BEV | ST0_TS | ST0_SR | ST0_NMI | ST0_ERL |
                     ST0_RE;
        if (!(g0 & GUESTCTL0_SFC1))
            m |= ST0_CU1;
        if (!(g0 & GUESTCTL0_SFC2))
            m |= ST0_CU2;
        if (g0 & GUESTCTL0_MC)
            m |= ST0_KSU;
        return m;
    }
    case CP0_RS(CP0_CAUSE): return CAUSEF_DC | CAUSEF_IV;
    case CP0_RS(CP0_INTCTL): return INTCTL_VS;
    case CP0_RS(CP0_CONFIG5): return MIPS_CONF5_UFR;
    default: return 0;
    }
}

static void guest_eret(struct cpu *c)
{
    struct cp0 *g = &c->gcp0;
    if (g->status & ST0_ERL) {
        c->pc = g->errorepc;
        g->status &= ~ST0_ERL;
    } else {
        c->pc = g->epc;
        g->status &= ~ST0_EXL;
    }
    c->gllbit = false; /* a guest ERET clears only the guest LLbit */
    c->in_ds = c->cur_ds = false;
    cpu_status_changed(c);
}

int cpu_vz_guest_cop0(struct cpu *c, uint32_t insn)
{
    uint32_t g0 = c->cp0.guestctl0;
    unsigned rs = (insn >> 21) & 31, rt = (insn >> 16) & 31, rd = (insn >> 11) & 31;
    unsigned sel = insn & 7;
    if (insn & 0x02000000u) { /* CO */
        unsigned funct = insn & 63;
        if (funct == 0x28) { /* HYPCALL: code in BadInstr 20:11 */
            cpu_vz_exit(c, GEXC_HC);
            return VZ_EXC;
        }
        if (!(g0 & GUESTCTL0_CP0) || funct == 0x20) /* no guest CP0; WAIT */
            return gpsi(c), VZ_EXC;
        unsigned at = (g0 & GUESTCTL0_AT) >> GUESTCTL0_AT_SHIFT;
        switch (funct) {
        case 0x01: case 0x02: case 0x06: case 0x08:
            if (at != 3)
                return gpsi(c), VZ_EXC;
            if (funct == 0x01)
                cpu_tlb_read(c, true);
            else if (funct == 0x02)
                cpu_tlb_write(c, true, c->gcp0.index);
            else if (funct == 0x06)
                cpu_tlb_write_random(c, true);
            else
                cpu_tlb_probe(c, true);
            return VZ_RETIRE;
        case 0x18: case 0x38: { /* ERET / IRET */
            if (c->cur_ds)
                break;
            bool exl = (c->gcp0.status & ST0_EXL) && !(c->gcp0.status & ST0_ERL);
            guest_eret(c);
            if (exl && (g0 & GUESTCTL0_MC) && !(c->cp0.guestctl0ext & GUESTCTL0EXT_FCD)) {
                c->fetch_fault = true;
                cpu_vz_exit(c, GEXC_GHFC); /* root EPC = the guest's new PC */
                return VZ_EXC;
            }
            return VZ_JUMPED;
        }
        default:
            break;
        }
        cpu_exception(c, EXCCODE_RI, false, 0);
        return VZ_EXC;
    }
    switch (rs) {
    case 0x00: /* MFC0 */
        if (!(g0 & GUESTCTL0_CP0) || cop0_access_traps(c, rd, sel, false))
            return gpsi(c), VZ_EXC;
        if (rt)
            c->r[rt] = cp0_ctx_read(c, true, rd, sel);
        return VZ_RETIRE;
    case 0x04: { /* MTC0 */
        if (!(g0 & GUESTCTL0_CP0) || cop0_access_traps(c, rd, sel, true))
            return gpsi(c), VZ_EXC;
        uint32_t m = gsfc_mask(c, rd, sel);
        if (m && !(c->cp0.guestctl0ext & GUESTCTL0EXT_FCD) &&
            ((cp0_ctx_read(c, true, rd, sel) ^ c->r[rt]) & m)) {
            cpu_vz_exit(c, GEXC_GSFC); /* the register is not written */
            return VZ_EXC;
        }
        cp0_ctx_write(c, true, rd, sel, c->r[rt]);
        cpu_status_changed(c);
        return VZ_RETIRE;
    }
    case 0x0B: /* DI / EI on the guest Status */
        if ((insn & 0xFFDF) != 0x6000)
            break;
        if (!(g0 & GUESTCTL0_CP0))
            return gpsi(c), VZ_EXC;
        if (rt)
            c->r[rt] = c->gcp0.status;
        if (insn & 0x20)
            c->gcp0.status |= ST0_IE;
        else
            c->gcp0.status &= ~ST0_IE;
        cpu_status_changed(c);
        return VZ_RETIRE;
    case 0x0A: case 0x0E: /* RDPGPR / WRPGPR */
        return gpsi(c), VZ_EXC;
    default:
        break; /* MFGC0/MTGC0 and others: reserved in the guest */
    }
    cpu_exception(c, EXCCODE_RI, false, 0);
    return VZ_EXC;
}

bool cpu_vz_guest_cache(struct cpu *c, uint32_t insn)
{
    unsigned op = (insn >> 18) & 7;
    bool hit = op >= 4;
    uint32_t g0 = c->cp0.guestctl0;
    if ((g0 & GUESTCTL0_CG) && (hit || (c->cp0.guestctl0ext & GUESTCTL0EXT_CGI)))
        return false;
    return gpsi(c);
}

bool cpu_vz_guest_rdhwr_cc(struct cpu *c)
{
    if (c->cp0.guestctl0 & GUESTCTL0_GT)
        return false;
    return gpsi(c);
}

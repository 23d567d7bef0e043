/*
 * The DMA controller as a guest with `dma` emulated sees it (PIC32MZ EF
 * datasheet DS60001320, sec. 10 "Direct Memory Access (DMA) Controller";
 * PIC32 FRM sec. 31): the chip's register page, the channels vpconf gave
 * the guest (tvp_guest.dma_channels) at their chip numbers, and
 * guest-physical addresses in DCHxSSA/DCHxDSA.
 *
 * The transfers run on the real controller, which is in the hypervisor's
 * permission group 0 (it reaches everything): this emulator is what
 * confines it. A channel can move data only while its real CHEN is set,
 * and the controller sets CHEN itself only on a channel with CHCHN; so the
 * one invariant kept here is:
 *
 *   real CHEN or CHCHN set  =>  real SSA/DSA are the translations of the
 *   guest's SSA/SSIZ and DSA/DSIZ, each range wholly inside one region of
 *   the guest's memory (source readable, destination writable) or one of
 *   its exclusive device ranges.
 *
 * Every write that could break it (CON arming the channel, SSA/DSA/SSIZ/
 * DSIZ while armed) validates first; a range outside the guest's map is
 * refused (the real channel is disarmed, a line names the range, the
 * access is a fault for the health monitor) and never reaches the bus.
 *
 * Guest view, register by register: SSA/DSA read back as written
 * (guest-physical); SSIZ, DSIZ, CSIZ, DAT, INT, ECON's fields and the
 * pointers SPTR/DPTR/CPTR (offsets: the same in both terms) are the real
 * channel's; CON is the real one but for CHCHN, which the real channel
 * only gets when the channel it chains from is the guest's too. A start
 * or abort interrupt (SIRQEN/AIRQEN) must be a vector the guest owns.
 * DMASTAT/DMAADDR show the last error of one of its channels, the address
 * translated back. DMACON's ON and SUSPEND are the guest's own (stored:
 * the real controller stays on, the guest's channels do not pause);
 * DMABUSY is set while one of its channels is busy. The CRC generator is
 * one for the chip: it is the guest's whose channel its CRCCH names while
 * CRCEN is set; another guest's write to it then is refused.
 *
 * Other guests' channels read as zero and ignore writes (logged), as
 * other guests' vectors do in the virtual interrupt controller.
 * Channel interrupts are vectors 134 + n, the guest's through vpconf,
 * passed through by the virtual interrupt controller (vintc.c).
 */
#include <stdbool.h>

#include "../../board/board.h"
#include "emu.h"
#include "../../board/pic32mz/pic32mz.h"
#include "tinyvp_limits.h"

#define NCH DMA_DCH_COUNT

/* DMACON (DS60001320 Register 10-1) */
#define DMACON_ON      (1u << 15)
#define DMACON_SUSPEND (1u << 12)
#define DMACON_DMABUSY (1u << 11)
#define DMASTAT_RDWR   (1u << 31)
#define DMASTAT_CH     7u
/* DCRCCON (Register 10-4) */
#define DCRCCON_CRCCH  7u
#define DCRCCON_CRCEN  (1u << 7)
#define DCRCCON_W      0x3f00ffc7u /* BYTO WBO BITO, PLEN CRCTYP CRCAPP CRCEN, CRCCH */
/* DCHxCON (Register 10-7) */
#define DCHCON_CHEDET  (1u << 2)
#define DCHCON_CHCHN   (1u << 5)
#define DCHCON_CHEN    (1u << 7)
#define DCHCON_CHCHNS  (1u << 8)
#define DCHCON_CHBUSY  (1u << 15)
#define DCHCON_W       0xff0029f3u /* CHPIGN, CHPIGNEN, CHPATLEN, CHCHNS, CHEN, CHAED, CHCHN, CHAEN, CHPRI */
/* DCHxECON (Register 10-8) */
#define DCHECON_AIRQEN (1u << 3)
#define DCHECON_SIRQEN (1u << 4)
#define DCHECON_CABORT (1u << 6)
#define DCHECON_CFORCE (1u << 7)
#define DCHECON_W      0x00ffff38u /* CHAIRQ, CHSIRQ, PATEN, SIRQEN, AIRQEN */
#define DCHECON_RESET  0x00ffff00u
#define DCHINT_W       0x00ff00ffu
#define DCHSIZE_W      0xffffu

#define REAL(n, r) SFR(DCH(n) + (r))

struct vch {
    uint32_t ssa, dsa; /* as the guest wrote them (guest-physical) */
    bool chn;          /* the guest's CHCHN */
};

struct vdma {
    uint32_t con;        /* the guest's DMACON: ON, SUSPEND */
    uint32_t stat, addr; /* the last error of one of its channels, its terms */
    struct vch ch[NCH];
    uint8_t ignored;     /* bit n: a write to channel n (not its own) logged */
    uint8_t refused;     /* refusals logged (a storm must not flood the log) */
};

static struct vdma vdma[CONFIG_NR_GUESTS];

#define REFUSED_MAX 32u

/* A refusal's line, the first REFUSED_MAX of a guest's (then its faults
 * still count and its policy still applies: the health monitor's line). */
static bool log_refusal(guest_id_t g)
{
    struct vdma *v = &vdma[g - 1];
    if (!hv_fault_now())
        return false; /* put off: health_fault defers the fault too */
    hv_fault_dma(); /* the refusal to come: a DMA violation */
    return v->refused < REFUSED_MAX && ++v->refused;
}

static const struct tvp_guest *guest(guest_id_t g)
{
    return &tvp_guests[g - 1];
}

static bool owns(const struct tvp_guest *gc, unsigned n)
{
    return n < NCH && ((gc->dma_channels >> n) & 1);
}

/* The guest whose channel n is, or 0. Bounded: seven guests. */
static guest_id_t chan_owner(unsigned n)
{
    for (unsigned g = 0; g < CONFIG_NR_GUESTS; g++)
        if (owns(&tvp_guests[g], n))
            return (guest_id_t)(g + 1);
    return 0;
}

/* 0 in a 16-bit size register is 65536 (DS60001320 Register 10-13). */
static uint32_t size16(uint32_t v)
{
    v &= 0xffffu;
    return v ? v : 0x10000u;
}

/* The real address of guest-physical [gpa, gpa + size): it must lie
 * wholly inside one region of the guest's memory with `perm`, or inside
 * one of its exclusive device ranges (an SFR is at its own address).
 * Bounded by the guest's tables (at most 16 regions, 64 devices). */
bool vdma_xlate(const struct tvp_guest *gc, uint32_t gpa, uint32_t size, unsigned perm,
                uint32_t *rpa)
{
    for (unsigned i = 0; i < gc->nr_regions; i++) {
        const struct tvp_mem_region *r = &gc->regions[i];
        uint32_t off = gpa - r->gpa;
        /* a device page mapped read-only is write-ignore, not the guest's */
        bool dev_ro = r->kind == TVP_MEM_SFR && !(r->perm & TVP_PERM_W);
        if (gpa >= r->gpa && off < r->size && size <= r->size - off && (r->perm & perm) == perm &&
            !dev_ro) {
            *rpa = r->rpa + off;
            return true;
        }
    }
    for (unsigned i = 0; i < gc->nr_devs; i++) {
        const struct tvp_dev_range *d = &gc->devs[i];
        uint32_t off = gpa - d->base;
        if (d->access == TVP_ACCESS_EXCLUSIVE && gpa >= d->base && off < d->size &&
            size <= d->size - off) {
            *rpa = gpa;
            return true;
        }
    }
    return false;
}

/* Real back to guest-physical, for DMAADDR: the region holding it. */
uint32_t vdma_unxlate(const struct tvp_guest *gc, uint32_t rpa)
{
    for (unsigned i = 0; i < gc->nr_regions; i++) {
        const struct tvp_mem_region *r = &gc->regions[i];
        if (rpa >= r->rpa && rpa - r->rpa < r->size)
            return r->gpa + (rpa - r->rpa);
    }
    return rpa; /* an SFR: the same address */
}

static void refuse(guest_id_t g, unsigned n, const char *what, uint32_t a, uint32_t size)
{
    if (log_refusal(g))
        hv_log("guest %s: DMA channel %u: %s 0x%08x..0x%08x is outside its memory: refused\n",
                  guest(g)->name, n, what, a, a + size - 1);
}

/* CHCHN as the real channel may have it: only when the channel it
 * chains from (n - 1, or n + 1 with CHCHNS) is the guest's too. */
static uint32_t real_chn(const struct tvp_guest *gc, unsigned n, uint32_t con, bool chn)
{
    unsigned from = (con & DCHCON_CHCHNS) ? n + 1 : n - 1;
    return chn && owns(gc, from) ? DCHCON_CHCHN : 0;
}

/* Checks both ranges of channel n and writes their translations to the
 * real channel: false (and a line) when one is outside the guest's map. */
static bool arm_check(guest_id_t g, unsigned n, uint32_t ssa, uint32_t ssiz, uint32_t dsa,
                      uint32_t dsiz)
{
    const struct tvp_guest *gc = guest(g);
    uint32_t rs, rd, ss = size16(ssiz), ds = size16(dsiz);
    if (!vdma_xlate(gc, ssa, ss, TVP_PERM_R, &rs)) {
        refuse(g, n, "source", ssa, ss);
        return false;
    }
    if (!vdma_xlate(gc, dsa, ds, TVP_PERM_W, &rd)) {
        refuse(g, n, "destination", dsa, ds);
        return false;
    }
    REAL(n, DCH_SSA) = rs;
    REAL(n, DCH_DSA) = rd;
    return true;
}

static void disarm(unsigned n)
{
    REAL(n, DCH_CON + SFR_CLR) = DCHCON_CHEN | DCHCON_CHCHN;
}

static bool armed(unsigned n)
{
    return (REAL(n, DCH_CON) & (DCHCON_CHEN | DCHCON_CHCHN)) != 0;
}

/* A vector the guest may name as a start or abort event: its own. */
static bool vector_ok(guest_id_t g, uint32_t v)
{
    return v < TVP_NR_VECTORS && tvp_irq_owner[v] == g;
}

/* A register with no checks: the write goes to the real one (through
 * its alias, so the controller's own updates between are kept). */
static void pass(unsigned n, uint32_t r, uint32_t off, uint32_t word, uint32_t lanes, uint32_t wmask)
{
    if (off & 0xc)
        REAL(n, r + (off & 0xc)) = word & lanes & wmask;
    else
        REAL(n, r) = sfr_alias_op(REAL(n, r), off, word, lanes) & wmask;
}

static bool ch_write(guest_id_t g, unsigned n, uint32_t off, uint32_t word, uint32_t lanes)
{
    const struct tvp_guest *gc = guest(g);
    struct vch *c = &vdma[g - 1].ch[n];
    uint32_t r = off & 0xf0;
    switch (r) {
    case DCH_CON: {
        if ((off & 0xc) == 0x4) { /* CLR: atomic, as on the chip; disarms only */
            REAL(n, DCH_CON + SFR_CLR) = word & lanes & DCHCON_W;
            c->chn &= !(word & lanes & DCHCON_CHCHN);
            return true;
        }
        uint32_t real = REAL(n, DCH_CON);
        uint32_t view = (real & ~DCHCON_CHCHN) | (c->chn ? DCHCON_CHCHN : 0);
        uint32_t now = sfr_alias_op(view, off, word, lanes) & DCHCON_W;
        bool chn = now & DCHCON_CHCHN;
        now = (now & ~DCHCON_CHCHN) | real_chn(gc, n, now, chn);
        if ((now & (DCHCON_CHEN | DCHCON_CHCHN)) &&
            !arm_check(g, n, c->ssa, REAL(n, DCH_SSIZ), c->dsa, REAL(n, DCH_DSIZ))) {
            disarm(n);
            return false;
        }
        c->chn = chn;
        /* the real controller on at the first arming (the guest's
         * DMACON.ON is its own) */
        if ((now & (DCHCON_CHEN | DCHCON_CHCHN)) && !(SFR(DMACON) & DMACON_ON))
            SFR(DMACON + SFR_SET) = DMACON_ON;
        REAL(n, DCH_CON) = now;
        return true;
    }
    case DCH_ECON: {
        uint32_t old = REAL(n, DCH_ECON) & DCHECON_W;
        uint32_t now = sfr_alias_op(old, off, word, lanes);
        /* CFORCE/CABORT act when a 1 is written (not through CLR) */
        uint32_t act = (off & 0xc) != 0x4 ? word & lanes & (DCHECON_CFORCE | DCHECON_CABORT) : 0;
        now &= DCHECON_W;
        if (((now & DCHECON_SIRQEN) && !vector_ok(g, (now >> 8) & 0xff)) ||
            ((now & DCHECON_AIRQEN) && !vector_ok(g, (now >> 16) & 0xff))) {
            if (log_refusal(g))
                hv_log("guest %s: DMA channel %u: start/abort interrupt %u/%u is not its own: "
                          "refused\n", gc->name, n, (now >> 8) & 0xff, (now >> 16) & 0xff);
            return false;
        }
        REAL(n, DCH_ECON) = now | act; /* CFORCE/CABORT act as written */
        return true;
    }
    case DCH_INT:
        pass(n, DCH_INT, off, word, lanes, DCHINT_W);
        return true;
    case DCH_SSA:
    case DCH_DSA:
    case DCH_SSIZ:
    case DCH_DSIZ: {
        bool arm = armed(n);
        if (!arm && (r == DCH_SSA || r == DCH_DSA)) { /* the common case: kept */
            uint32_t *v = r == DCH_SSA ? &c->ssa : &c->dsa;
            *v = sfr_alias_op(*v, off, word, lanes);
            return true;
        }
        uint32_t ssa = c->ssa, dsa = c->dsa, ssiz = REAL(n, DCH_SSIZ), dsiz = REAL(n, DCH_DSIZ);
        uint32_t *v = r == DCH_SSA ? &ssa : r == DCH_DSA ? &dsa : r == DCH_SSIZ ? &ssiz : &dsiz;
        *v = sfr_alias_op(*v, off, word, lanes) & (r == DCH_SSA || r == DCH_DSA ? ~0u : DCHSIZE_W);
        if (arm && !arm_check(g, n, ssa, ssiz, dsa, dsiz)) {
            disarm(n);
            return false;
        }
        c->ssa = ssa;
        c->dsa = dsa;
        if (r == DCH_SSIZ)
            REAL(n, DCH_SSIZ) = ssiz;
        else if (r == DCH_DSIZ)
            REAL(n, DCH_DSIZ) = dsiz;
        return true;
    }
    case DCH_CSIZ:
        pass(n, DCH_CSIZ, off, word, lanes, DCHSIZE_W);
        return true;
    case DCH_DAT:
        pass(n, DCH_DAT, off, word, lanes, DCHSIZE_W);
        return true;
    default: /* SPTR, DPTR, CPTR: read-only */
        return true;
    }
}

static uint32_t ch_read(guest_id_t g, unsigned n, uint32_t off)
{
    const struct vch *c = &vdma[g - 1].ch[n];
    switch (off) {
    case DCH_CON:
        return (REAL(n, DCH_CON) & ~DCHCON_CHCHN) | (c->chn ? DCHCON_CHCHN : 0);
    case DCH_SSA: return c->ssa;
    case DCH_DSA: return c->dsa;
    case DCH_ECON: case DCH_INT: case DCH_SSIZ: case DCH_DSIZ: case DCH_SPTR:
    case DCH_DPTR: case DCH_CSIZ: case DCH_CPTR: case DCH_DAT:
        return REAL(n, off);
    default: return 0;
    }
}

/* The guest whose channel the CRC generator serves now, or 0. */
static guest_id_t crc_owner(void)
{
    uint32_t cc = SFR(DCRCCON);
    return (cc & DCRCCON_CRCEN) ? chan_owner(cc & DCRCCON_CRCCH) : 0;
}

static bool crc_write(guest_id_t g, uint32_t off, uint32_t word, uint32_t lanes)
{
    guest_id_t o = crc_owner();
    uint32_t r = off & 0xf0, a = DMA_BASE + r;
    if (o && o != g) {
        if (log_refusal(g))
            hv_log("guest %s: DMA CRC generator in use by guest %s: refused\n",
                      guest(g)->name, guest(o)->name);
        return false;
    }
    uint32_t now = sfr_alias_op(SFR(a), off, word, lanes);
    if (r == DMA_DCRCCON) {
        now &= DCRCCON_W;
        if ((now & DCRCCON_CRCEN) && !owns(guest(g), now & DCRCCON_CRCCH)) {
            if (log_refusal(g))
                hv_log("guest %s: DMA CRC on channel %u, not its own: refused\n",
                          guest(g)->name, now & DCRCCON_CRCCH);
            return false;
        }
    }
    SFR(a) = now;
    return true;
}

/* The last error of the real controller, if one of the guest's channels
 * had it: its DMASTAT/DMAADDR, the address in guest terms. */
static void err_latch(guest_id_t g)
{
    uint32_t st = SFR(DMASTAT), ad = SFR(DMAADDR);
    if ((st || ad) && owns(guest(g), st & DMASTAT_CH)) {
        vdma[g - 1].stat = st;
        vdma[g - 1].addr = vdma_unxlate(guest(g), ad);
    }
}

bool vdma_read(guest_id_t g, uint32_t off, uint32_t *word)
{
    const struct tvp_guest *gc = guest(g);
    struct vdma *v = &vdma[g - 1];
    *word = 0;
    if (off >= DMA_DCH(0) && off < DMA_DCH(NCH)) {
        unsigned n = (off - DMA_DCH(0)) / (DMA_DCH(1) - DMA_DCH(0));
        uint32_t r = (off - DMA_DCH(n));
        if (owns(gc, n) && !(r & 0xc))
            *word = ch_read(g, n, r);
        return true;
    }
    if (off & 0xc)
        return true; /* aliases read as zero */
    switch (off) {
    case DMA_DMACON: {
        bool busy = false;
        for (unsigned n = 0; n < NCH; n++)
            busy |= owns(gc, n) && (REAL(n, DCH_CON) & DCHCON_CHBUSY);
        *word = v->con | (busy ? DMACON_DMABUSY : 0);
        break;
    }
    case DMA_DMASTAT: err_latch(g); *word = v->stat; break;
    case DMA_DMAADDR: err_latch(g); *word = v->addr; break;
    case DMA_DCRCCON:
    case DMA_DCRCDATA:
    case DMA_DCRCXOR: {
        guest_id_t o = crc_owner();
        *word = o && o != g ? 0 : SFR(DMA_BASE + off);
        break;
    }
    default: break;
    }
    return true;
}

bool vdma_write(guest_id_t g, uint32_t off, uint32_t word, uint32_t lanes)
{
    const struct tvp_guest *gc = guest(g);
    struct vdma *v = &vdma[g - 1];
    if (off >= DMA_DCH(0) && off < DMA_DCH(NCH)) {
        unsigned n = (off - DMA_DCH(0)) / (DMA_DCH(1) - DMA_DCH(0));
        if (!owns(gc, n)) {
            if (!((v->ignored >> n) & 1) && (v->ignored |= (uint8_t)(1u << n)))
                hv_log("guest %s: writes to DMA channel %u (not its own) ignored\n",
                          gc->name, n);
            return true;
        }
        return ch_write(g, n, off - DMA_DCH(n), word, lanes);
    }
    if (off >= DMA_DCH(NCH))
        return true; /* past the channels: nothing there */
    switch (off & 0xf0) {
    case DMA_DMACON:
        v->con = sfr_alias_op(v->con, off, word, lanes) & (DMACON_ON | DMACON_SUSPEND);
        return true;
    case DMA_DCRCCON:
    case DMA_DCRCDATA:
    case DMA_DCRCXOR:
        return crc_write(g, off, word, lanes);
    default: /* DMASTAT, DMAADDR: read-only */
        return true;
    }
}

/* The guest's channels stopped and back to their reset values, its CRC
 * generator off (a restarted guest's transfers end with it). */
void vdma_reset(guest_id_t g)
{
    const struct tvp_guest *gc = guest(g);
    if (!gc->dma_channels)
        return;
    if (crc_owner() == g)
        SFR(DCRCCON + SFR_CLR) = DCRCCON_CRCEN;
    for (unsigned n = 0; n < NCH; n++) {
        if (!owns(gc, n))
            continue;
        REAL(n, DCH_CON) = 0;
        REAL(n, DCH_ECON) = DCHECON_RESET | DCHECON_CABORT;
        REAL(n, DCH_INT) = 0;
        REAL(n, DCH_SSA) = REAL(n, DCH_DSA) = 0;
        REAL(n, DCH_SSIZ) = REAL(n, DCH_DSIZ) = REAL(n, DCH_CSIZ) = REAL(n, DCH_DAT) = 0;
    }
    vdma[g - 1] = (struct vdma){.refused = vdma[g - 1].refused}; /* the log limit outlives restarts */
}

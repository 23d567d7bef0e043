/* System-bus protection (sbp.h; decisions in docs/simulator.md,
 * "System-bus protection"). */
#include "sbp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intc.h"
#include "soc.h"

/* The CPU core's seam for "the bus region table changed: rebuild the fast
 * map" (not in sim/cpu yet: weak, so the filter still covers every access
 * that leaves the CPU's fast path — SFRs always — until it exists). */
void cpu_bus_changed(struct cpu *c) __attribute__((weak));

#define SBP_TBASE(t)   (0x1F8F8000u + 0x400u * (t))
#define SBP_FLAG_BASE  0x1F8F0500u /* SBFLAG at +0x10 */
#define CFGCON_PA      0x1F800000u
#define CFGPG_PA       0x1F8000E0u
#define CFGCON_PGLOCK  (1u << 11)

/* Per-target register indexes: logs, then REG/RD/WR of regions 0..8. */
enum { T_ELOG1, T_ELOG2, T_ECON, T_ECLRS, T_ECLRM, T_REG0, T_RD0 = T_REG0 + SBP_NREGIONS,
       T_WR0 = T_RD0 + SBP_NREGIONS, T_NREGS = T_WR0 + SBP_NREGIONS };

#define ELOG1_CODE (0xFu << SBP_ELOG1_CODE_SHIFT)
#define REG_SIZE_SHIFT 3
#define REG_SIZE   (0x1Fu << REG_SIZE_SHIFT)
#define REG_PRI    (1u << 9)
#define REG_BASE   0xFFFFFC00u
#define PERM_RESET 0x7u /* groups 0–2 allowed, 3 denied (DS60001320 Reg. 4-9/4-10) */

/* Regions each target implements (DS60001320 Table 4-6), as a bit mask of region numbers. */
static const uint16_t target_regions[SBP_NTARGETS] = {
    0x003, 0x1FD, 0x007, 0x007, 0x005, 0x007, 0x003,
    0x003, 0x003, 0x003, 0x001, 0x003, 0x001, 0x001,
};

/* Region 0 of each target: its fixed base and size code (2^(SIZE−1) KB). */
static const struct {
    uint32_t base;
    unsigned size;
} target_span[SBP_NTARGETS] = {
    {0x1F8F0000u, 7},  {0x1D000000u, 12}, {0x00000000u, 9},  {0x00040000u, 9},
    {0x20000000u, 18}, {0x1F800000u, 8},  {0x1F820000u, 8},  {0x1F840000u, 8},
    {0x1F860000u, 8},  {0x1F880000u, 8},  {0x1F8E3000u, 3},  {0x1F8E2000u, 3},
    {0x1F8E5000u, 3},  {0x1F8E6000u, 3},
};

struct sbp;

/* A bus region with the protection filter in front of it. */
struct sbp_wrap {
    struct sbp *sbp;
    struct bus_region orig;
    unsigned index; /* in bus.region[] */
};

#define SBP_MAX_WRAP 8

struct sbp_target {
    struct sbp *sbp;
    unsigned t;
    struct sfr_block blk;
    struct sfr_reg regs[T_NREGS];
    uint32_t val[T_NREGS];
    uint8_t kind[T_NREGS]; /* index into regs[] → T_* */
    unsigned nregs;
    int idx[T_NREGS];      /* T_* → index into regs[], −1 absent */
};

struct sbp {
    struct soc *soc;
    struct sbp_target tg[SBP_NTARGETS];
    struct sfr_block flag_blk;
    struct sfr_reg flag_reg;
    uint32_t sbflag;
    bool filter_on;
    struct sbp_wrap wrap[SBP_MAX_WRAP];
    unsigned nwrap;
    bool bypass; /* the DMA (checked already) is using the bus */
};

/* ---- register access helpers ---------------------------------------------- */

static uint32_t tget(const struct sbp_target *tg, unsigned k)
{
    return tg->idx[k] >= 0 ? tg->val[tg->idx[k]] : 0;
}

static void tset(struct sbp_target *tg, unsigned k, uint32_t v)
{
    if (tg->idx[k] >= 0)
        tg->val[tg->idx[k]] = v;
}

static bool region_exists(unsigned t, unsigned y)
{
    return (target_regions[t] >> y) & 1;
}

/* Address ranges of the targets (DS60001320 Section 4, "System Bus
 * Arbitration" and Tables 4-7..4-20); an address in none is not checked. */
static const struct {
    uint32_t lo, hi; /* [lo, hi) */
    uint8_t t;
} target_map[] = {
    {0x00000000u, 0x00040000u, 2},  {0x00040000u, 0x00080000u, 3},
    {0x1D000000u, 0x1D200000u, 1},  {0x1FC00000u, 0x1FC80000u, 1},
    {0x1F800000u, 0x1F820000u, 5},  {0x1F820000u, 0x1F840000u, 6},
    {0x1F840000u, 0x1F860000u, 7},  {0x1F860000u, 0x1F880000u, 8},
    {0x1F880000u, 0x1F8A0000u, 9},  {0x1F8E0000u, 0x1F8E1000u, 1},  /* prefetch */
    {0x1F8E1000u, 0x1F8E2000u, 4},  {0x1F8E2000u, 0x1F8E3000u, 11}, /* EBI, SQI SFRs */
    {0x1F8E3000u, 0x1F8E4000u, 10}, {0x1F8E5000u, 0x1F8E6000u, 12}, /* USB, crypto */
    {0x1F8E6000u, 0x1F8E7000u, 13}, {0x1F8F0000u, 0x1F900000u, 0},  /* RNG, system bus */
    {0x20000000u, 0x30000000u, 4},  {0x30000000u, 0x40000000u, 11}, /* EBI, SQI memory */
};

/* The target an address belongs to, or −1 (not protected). */
static int target_of(uint32_t pa)
{
    for (size_t i = 0; i < sizeof target_map / sizeof target_map[0]; i++)
        if (pa >= target_map[i].lo && pa < target_map[i].hi)
            return target_map[i].t;
    return -1;
}

/* The region of target t holding pa: the defined region (SIZE ≠ 0) with
 * the highest priority level (PRI), the lowest number among equals;
 * region 0 when none matches (docs/simulator.md: overlap rule is ours). */
static unsigned region_of(const struct sbp_target *tg, uint32_t pa)
{
    int best = -1;
    for (unsigned y = 1; y < SBP_NREGIONS; y++) {
        if (!region_exists(tg->t, y))
            continue;
        uint32_t r = tget(tg, T_REG0 + y);
        unsigned sz = (r & REG_SIZE) >> REG_SIZE_SHIFT;
        if (!sz)
            continue;
        uint64_t size = 1024ull << (sz - 1);
        uint32_t base = (uint32_t)((r & REG_BASE) & ~(size - 1));
        if ((uint64_t)(pa - base) >= size || pa < base)
            continue;
        if (best < 0 || ((r & REG_PRI) && !(tget(tg, T_REG0 + (unsigned)best) & REG_PRI)))
            best = (int)y;
    }
    return best < 0 ? 0 : (unsigned)best;
}

static unsigned group_of(struct soc *s, enum sbp_initiator who)
{
    uint32_t pg = 0;
    if (!sfr_peek(s->sfr, CFGPG_PA, &pg))
        return 0;
    unsigned sh = who == SBP_INIT_CPU ? CFGPG_CPUPG_SHIFT
                : who == SBP_INIT_USB ? CFGPG_USBPG_SHIFT
                                      : CFGPG_DMAPG_SHIFT;
    return (pg >> sh) & 3;
}

static void sbflag_update(struct sbp *p)
{
    intc_level(p->soc->intc, IRQ_SBP, p->sbflag != 0);
}

/* ---- the check: the one place a violation's effect is decided -------------- */

bool sbp_check(struct soc *s, enum sbp_initiator who, uint32_t pa, bool write)
{
    struct sbp *p = s->sbp;
    int t = p ? target_of(pa) : -1;
    if (t < 0)
        return true;
    struct sbp_target *tg = &p->tg[t];
    unsigned y = region_of(tg, pa);
    unsigned g = group_of(s, who);
    uint32_t perm = tget(tg, (write ? T_WR0 : T_RD0) + y);
    if ((perm >> g) & 1)
        return true;
    /* Denied: the access is not performed and the initiator gets a bus
     * error (the callers do both); the target logs it (ELOG1/ELOG2, MULTI
     * when a log is already held) and, with ECON.ERRP, flags it in SBFLAG
     * and raises vector 106. */
    uint32_t e1 = tget(tg, T_ELOG1);
    if (e1 & ELOG1_CODE) {
        tset(tg, T_ELOG1, e1 | SBP_ELOG1_MULTI);
    } else {
        tset(tg, T_ELOG1, (uint32_t)(write ? SBP_CMD_WRITE : SBP_CMD_READ) << SBP_ELOG1_CMD_SHIFT |
                              y << SBP_ELOG1_REGION_SHIFT | (uint32_t)who << SBP_ELOG1_INITID_SHIFT |
                              (uint32_t)SBP_CODE_PERMISSION << SBP_ELOG1_CODE_SHIFT);
        tset(tg, T_ELOG2, g);
    }
    if (tget(tg, T_ECON) & SBP_ECON_ERRP) {
        p->sbflag |= 1u << t;
        sbflag_update(p);
    }
    return false;
}

/* ---- DMA accesses ------------------------------------------------------- */

static int master_read(struct soc *s, enum sbp_initiator who, uint32_t pa, unsigned size,
                       uint32_t *val)
{
    if (!sbp_check(s, who, pa, false)) {
        *val = 0;
        return SBP_EDENIED;
    }
    s->sbp->bypass = true;
    bool ok = bus_read(&s->bus, pa, size, val);
    s->sbp->bypass = false;
    return ok ? SBP_OK : SBP_EBUS;
}

static int master_write(struct soc *s, enum sbp_initiator who, uint32_t pa, unsigned size,
                        uint32_t val)
{
    if (!sbp_check(s, who, pa, true))
        return SBP_EDENIED;
    s->sbp->bypass = true;
    /* The DMA writes flash as little as the CPU does (flash regions have no
     * BUS_W): that is a bus error. */
    bool ok = bus_write(&s->bus, pa, size, val);
    s->sbp->bypass = false;
    return ok ? SBP_OK : SBP_EBUS;
}

int sbp_dma_read(struct soc *s, uint32_t pa, unsigned size, uint32_t *val)
{
    return master_read(s, SBP_INIT_DMA_RD, pa, size, val);
}

int sbp_dma_write(struct soc *s, uint32_t pa, unsigned size, uint32_t val)
{
    return master_write(s, SBP_INIT_DMA_WR, pa, size, val);
}

int sbp_usb_read(struct soc *s, uint32_t pa, unsigned size, uint32_t *val)
{
    return master_read(s, SBP_INIT_USB, pa, size, val);
}

int sbp_usb_write(struct soc *s, uint32_t pa, unsigned size, uint32_t val)
{
    return master_write(s, SBP_INIT_USB, pa, size, val);
}

/* ---- the CPU filter ------------------------------------------------------ */

static uint32_t mem_load(const uint8_t *p, unsigned size)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < size; i++)
        v |= (uint32_t)p[i] << (8 * i);
    return v;
}

static void mem_store(uint8_t *p, unsigned size, uint32_t v)
{
    for (unsigned i = 0; i < size; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static bool filt_read(void *dev, uint32_t pa, unsigned size, uint32_t *val)
{
    struct sbp_wrap *w = dev;
    if (!w->sbp->bypass && !sbp_check(w->sbp->soc, SBP_INIT_CPU, pa, false)) {
        *val = 0;
        return false;
    }
    if (w->orig.mem) {
        *val = mem_load(w->orig.mem + (pa - w->orig.base), size);
        return true;
    }
    return w->orig.read && w->orig.read(w->orig.dev, pa, size, val);
}

static bool filt_write(void *dev, uint32_t pa, unsigned size, uint32_t val)
{
    struct sbp_wrap *w = dev;
    if (!w->sbp->bypass && !sbp_check(w->sbp->soc, SBP_INIT_CPU, pa, true))
        return false;
    if (w->orig.mem) {
        mem_store(w->orig.mem + (pa - w->orig.base), size, val);
        bus_mem_written(&w->sbp->soc->bus, w->orig.mem + (pa - w->orig.base), size);
        if (w->orig.on_write)
            w->orig.on_write(w->orig.dev, pa, size);
        return true;
    }
    return w->orig.write && w->orig.write(w->orig.dev, pa, size, val);
}

/* Does some region deny the CPU's group? Then CPU accesses need checking. */
static bool cpu_restricted(struct sbp *p)
{
    unsigned g = group_of(p->soc, SBP_INIT_CPU);
    for (unsigned t = 0; t < SBP_NTARGETS; t++)
        for (unsigned y = 0; y < SBP_NREGIONS; y++)
            if (region_exists(t, y) &&
                (!((tget(&p->tg[t], T_RD0 + y) >> g) & 1) || !((tget(&p->tg[t], T_WR0 + y) >> g) & 1)))
                return true;
    return false;
}

static void filter_set(struct sbp *p, bool on)
{
    if (on == p->filter_on)
        return;
    struct bus *b = &p->soc->bus;
    if (on) {
        p->nwrap = 0;
        for (unsigned i = 0; i < b->nregions && p->nwrap < SBP_MAX_WRAP; i++) {
            struct bus_region *r = &b->region[i];
            if (target_of(r->base) < 0)
                continue;
            struct sbp_wrap *w = &p->wrap[p->nwrap++];
            w->sbp = p;
            w->orig = *r;
            w->index = i;
            r->mem = NULL;
            r->read = filt_read;
            r->write = filt_write;
            r->dev = w;
            r->on_write = NULL;
        }
    } else {
        for (unsigned k = 0; k < p->nwrap; k++)
            b->region[p->wrap[k].index] = p->wrap[k].orig;
        p->nwrap = 0;
    }
    p->filter_on = on;
    b->generation++;
    if (cpu_bus_changed)
        cpu_bus_changed(&p->soc->cpu);
}

void sbp_config_changed(struct soc *s)
{
    if (s->sbp)
        filter_set(s->sbp, cpu_restricted(s->sbp));
}

/* ---- registers ---------------------------------------------------------- */

static bool pg_locked(struct soc *s)
{
    uint32_t v = 0;
    return sfr_peek(s->sfr, CFGCON_PA, &v) && (v & CFGCON_PGLOCK);
}

static uint32_t t_read(void *ctx, unsigned idx, bool peek)
{
    struct sbp_target *tg = ctx;
    unsigned k = tg->kind[idx];
    if (!peek && (k == T_ECLRS || k == T_ECLRM)) {
        /* Reading ECLRS clears the single-error log, ECLRM the multiple-
         * error flag. */
        uint32_t e1 = tget(tg, T_ELOG1);
        tset(tg, T_ELOG1, k == T_ECLRS ? e1 & SBP_ELOG1_MULTI : e1 & ~SBP_ELOG1_MULTI);
        if (k == T_ECLRS) {
            tg->sbp->sbflag &= ~(1u << tg->t);
            sbflag_update(tg->sbp);
        }
    }
    return tg->val[idx];
}

static void t_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct sbp_target *tg = ctx;
    struct soc *s = tg->sbp->soc;
    unsigned k = tg->kind[idx];
    if (k == T_ELOG1) {
        /* CODE and MULTI can be written to 0 (clear), never set. */
        tg->val[idx] = old & (req | ~(ELOG1_CODE | SBP_ELOG1_MULTI));
        if (!(tg->val[idx] & ELOG1_CODE)) {
            tg->sbp->sbflag &= ~(1u << tg->t);
            sbflag_update(tg->sbp);
        }
        return;
    }
    if (k >= T_REG0 && pg_locked(s)) {
        tg->val[idx] = old; /* CFGCON.PGLOCK freezes the permission set-up */
        return;
    }
    if (k >= T_REG0)
        sbp_config_changed(s);
}

static void t_reset(void *ctx)
{
    struct sbp_target *tg = ctx;
    if (tg->t == 0) {
        tg->sbp->sbflag = 0;
        filter_set(tg->sbp, false);
    }
}

static uint32_t flag_read(void *ctx, unsigned idx, bool peek)
{
    struct sbp *p = ctx;
    return p->sbflag;
}

bool sbp_init(struct soc *s)
{
    struct sbp *p = calloc(1, sizeof *p);
    if (!p) {
        fprintf(stderr, "vpsim: out of host memory\n");
        return false;
    }
    s->sbp = p;
    p->soc = s;
    for (unsigned t = 0; t < SBP_NTARGETS; t++) {
        struct sbp_target *tg = &p->tg[t];
        tg->sbp = p;
        tg->t = t;
        for (unsigned k = 0; k < T_NREGS; k++) {
            tg->idx[k] = -1;
            uint16_t off;
            uint32_t reset = 0, wmask = 0;
            unsigned flags = SFR_NOALIAS | SFR_WR;
            if (k < T_REG0) {
                static const uint16_t log_off[T_REG0] = {0x20, 0x24, 0x28, 0x30, 0x38};
                off = log_off[k];
                if (k == T_ELOG1)
                    wmask = ELOG1_CODE | SBP_ELOG1_MULTI;
                else if (k == T_ECON)
                    wmask = SBP_ECON_ERRP;
                else if (k == T_ECLRS || k == T_ECLRM)
                    flags |= SFR_RD;
            } else {
                unsigned y = (k - T_REG0) % SBP_NREGIONS, kind = (k - T_REG0) / SBP_NREGIONS;
                if (!region_exists(t, y))
                    continue;
                off = (uint16_t)(0x40 + 0x20 * y + (kind == 0 ? 0 : kind == 1 ? 0x10 : 0x18));
                if (kind == 0) {
                    /* Region 0 is the whole target, fixed (read-only). */
                    if (y == 0)
                        reset = target_span[t].base | target_span[t].size << REG_SIZE_SHIFT;
                    else
                        wmask = REG_BASE | REG_PRI | REG_SIZE;
                } else {
                    reset = PERM_RESET;
                    wmask = 0xF;
                }
            }
            tg->idx[k] = (int)tg->nregs;
            tg->kind[tg->nregs] = (uint8_t)k;
            tg->regs[tg->nregs++] = (struct sfr_reg){off, reset, wmask, flags};
        }
        static const char *const names[SBP_NTARGETS] = {
            "sbt0", "sbt1", "sbt2", "sbt3", "sbt4", "sbt5", "sbt6",
            "sbt7", "sbt8", "sbt9", "sbt10", "sbt11", "sbt12", "sbt13"};
        tg->blk = (struct sfr_block){
            .name = names[t], .base = SBP_TBASE(t), .size = 0x160, .regs = tg->regs,
            .nregs = tg->nregs, .val = tg->val, .ctx = tg, .read = t_read, .write = t_write,
            .reset = t_reset,
        };
        if (!sfr_register(s->sfr, &tg->blk))
            return false;
    }
    p->flag_reg = (struct sfr_reg){0x10, 0, 0, SFR_RD | SFR_NOALIAS};
    p->flag_blk = (struct sfr_block){
        .name = "sbflag", .base = SBP_FLAG_BASE, .size = 0x20, .regs = &p->flag_reg,
        .nregs = 1, .val = &p->sbflag, .ctx = p, .read = flag_read,
    };
    return sfr_register(s->sfr, &p->flag_blk);
}

void sbp_free(struct soc *s)
{
    if (s->sbp)
        filter_set(s->sbp, false);
    free(s->sbp);
    s->sbp = NULL;
}

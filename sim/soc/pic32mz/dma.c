/* The DMA controller (dma.h; decisions in docs/simulator.md, "DMA"). */
#include "dma.h"

#include <stdio.h>
#include <stdlib.h>

#include "intc.h"
#include "sbp.h"
#include "soc.h"

enum { G_CON, G_STAT, G_ADDR, G_CRCCON, G_CRCDATA, G_CRCXOR, G_N };
enum { C_CON, C_ECON, C_INT, C_SSA, C_DSA, C_SSIZ, C_DSIZ, C_SPTR, C_DPTR, C_CSIZ, C_CPTR,
       C_DAT, C_N };
#define NREGS (G_N + DMA_NCHAN * C_N)
#define CH(n, r) (G_N + (n)*C_N + (r))

struct dma_ch {
    struct dma *d;
    unsigned n;
    struct event ev; /* the cell in progress completes */
    bool busy;       /* a cell is in progress */
    bool pending;    /* a start event waits (DCHxCON.CHEDET) */
    bool pat_have;   /* 2-byte pattern: previous byte seen */
    uint8_t pat_prev;
};

struct dma {
    struct soc *soc;
    struct sfr_block blk;
    struct sfr_reg regs[NREGS];
    uint32_t val[NREGS];
    struct dma_ch ch[DMA_NCHAN];
    uint64_t bytes, transactions;
};

static const char *const dma_ev_names[DMA_NCHAN] = {"dma0", "dma1", "dma2", "dma3",
                                                    "dma4", "dma5", "dma6", "dma7"};

/* ---- helpers ------------------------------------------------------------ */

static uint32_t *reg(struct dma_ch *c, unsigned r)
{
    return &c->d->val[CH(c->n, r)];
}

/* A 16-bit size register: 0 means 65536 (FRM §31). */
static uint32_t size16(uint32_t v)
{
    v &= 0xFFFF;
    return v ? v : 0x10000u;
}

static bool ctl_running(const struct dma *d)
{
    return (d->val[G_CON] & DMACON_ON) && !(d->val[G_CON] & DMACON_SUSPEND);
}

static void dma_status(struct dma *d)
{
    bool any = false;
    for (unsigned n = 0; n < DMA_NCHAN; n++) {
        struct dma_ch *c = &d->ch[n];
        uint32_t *con = reg(c, C_CON);
        *con &= ~(DCHCON_CHBUSY | DCHCON_CHEDET);
        if ((*con & DCHCON_CHEN) || c->busy)
            *con |= DCHCON_CHBUSY;
        if (c->pending)
            *con |= DCHCON_CHEDET;
        any |= c->busy;
        uint32_t in = *reg(c, C_INT);
        intc_level(d->soc->intc, IRQ_DMA(n), (in & (in >> 16) & 0xFF) != 0);
    }
    d->val[G_CON] = (d->val[G_CON] & ~DMACON_DMABUSY) | (any ? DMACON_DMABUSY : 0);
}

/* ---- the cell engine ----------------------------------------------------- */

/* Size of the next bus transaction: the largest of 4, 2, 1 bytes that fits
 * in what is left of the cell and of both buffers and is aligned at both
 * addresses. Pattern matching moves single bytes. */
static unsigned chunk(uint32_t src, uint32_t dst, uint32_t left, bool bytewise)
{
    unsigned k = 4;
    if (bytewise)
        return 1;
    while (k > 1 && (k > left || (src & (k - 1)) || (dst & (k - 1))))
        k >>= 1;
    return k;
}

static uint32_t cell_left(struct dma_ch *c, uint32_t sp, uint32_t dp, uint32_t cp)
{
    uint32_t ssiz = size16(*reg(c, C_SSIZ)), dsiz = size16(*reg(c, C_DSIZ));
    uint32_t left = size16(*reg(c, C_CSIZ)) - cp;
    if (left > ssiz - sp)
        left = ssiz - sp;
    if (left > dsiz - dp)
        left = dsiz - dp;
    return left;
}

/* Transactions the next cell needs (for its duration), without moving. */
static unsigned cell_plan(struct dma_ch *c)
{
    uint32_t ssiz = size16(*reg(c, C_SSIZ)), dsiz = size16(*reg(c, C_DSIZ));
    uint32_t csiz = size16(*reg(c, C_CSIZ)), block = ssiz > dsiz ? ssiz : dsiz;
    uint32_t sp = *reg(c, C_SPTR) & 0xFFFF, dp = *reg(c, C_DPTR) & 0xFFFF;
    uint32_t cp = *reg(c, C_CPTR) & 0xFFFF, done = 0, moved = 0;
    bool bytewise = *reg(c, C_ECON) & DCHECON_PATEN;
    unsigned n = 0;
    /* bytes already moved in this block: the larger buffer's pointer */
    uint32_t in_block = ssiz >= dsiz ? sp : dp;
    while (moved < csiz - cp && in_block + done < block) {
        uint32_t left = cell_left(c, sp, dp, cp + moved);
        unsigned k = chunk(*reg(c, C_SSA) + sp, *reg(c, C_DSA) + dp, left, bytewise);
        sp = (sp + k) % ssiz;
        dp = (dp + k) % dsiz;
        moved += k;
        done += k;
        n++;
    }
    return n ? n : 1;
}

static void crc_feed(struct dma *d, unsigned n, uint32_t v, unsigned k)
{
    uint32_t cc = d->val[G_CRCCON];
    if (!(cc & DCRCCON_CRCEN) || (cc & DCRCCON_CRCCH) != n || (cc & DCRCCON_CRCTYP))
        return;
    /* Serial LFSR, data fed at the top (docs/simulator.md "DMA", CRC):
     * polynomial length PLEN+1, taps DCRCXOR, bytes in transfer order,
     * each byte MSb first, or LSb first with BITO. */
    unsigned len = ((cc & DCRCCON_PLEN) >> DCRCCON_PLEN_SHIFT) + 1;
    uint32_t mask = len >= 32 ? 0xFFFFFFFFu : (1u << len) - 1;
    uint32_t crc = d->val[G_CRCDATA] & mask, taps = d->val[G_CRCXOR] & mask;
    for (unsigned b = 0; b < k; b++) {
        uint8_t byte = (uint8_t)(v >> (8 * b));
        for (unsigned i = 0; i < 8; i++) {
            unsigned bit = (cc & DCRCCON_BITO) ? (byte >> i) & 1 : (byte >> (7 - i)) & 1;
            unsigned fb = ((crc >> (len - 1)) & 1) ^ bit;
            crc = (crc << 1) & mask;
            if (fb)
                crc ^= taps;
        }
    }
    d->val[G_CRCDATA] = crc;
}

static void chan_disable(struct dma_ch *c)
{
    *reg(c, C_CON) &= ~DCHCON_CHEN;
    c->busy = false;
    c->pending = false;
    ev_cancel(&c->d->soc->evq, &c->ev);
}

static void ptr_reset(struct dma_ch *c)
{
    *reg(c, C_SPTR) = *reg(c, C_DPTR) = *reg(c, C_CPTR) = 0;
    c->pat_have = false;
}

static void chan_start(struct dma_ch *c, uint64_t now);

/* Block done on channel c: enable the channels chained to it (FRM §31
 * "Channel chaining": CHCHNS=0 chains from the next higher-priority
 * channel n−1, CHCHNS=1 from the lower-priority n+1). */
static void chain_from(struct dma *d, unsigned n, uint64_t now)
{
    for (unsigned m = 0; m < DMA_NCHAN; m++) {
        struct dma_ch *c = &d->ch[m];
        uint32_t con = *reg(c, C_CON);
        if (!(con & DCHCON_CHCHN) || (con & DCHCON_CHEN))
            continue;
        if ((!(con & DCHCON_CHCHNS) && m == n + 1) || ((con & DCHCON_CHCHNS) && m + 1 == n)) {
            *reg(c, C_CON) |= DCHCON_CHEN;
            if (c->pending)
                chan_start(c, now);
        }
    }
}

/* A transfer error: the access was not done (DMASTAT, DMAADDR, CHERIF). */
static void chan_error(struct dma_ch *c, bool read, uint32_t pa)
{
    struct dma *d = c->d;
    d->val[G_STAT] = (read ? DMASTAT_RDWR : 0) | c->n;
    d->val[G_ADDR] = pa;
    *reg(c, C_INT) |= DCHINT_CHERIF;
    chan_disable(c);
}

static void cell_done(void *ctx, uint64_t when)
{
    struct dma_ch *c = ctx;
    struct dma *d = c->d;
    struct soc *s = d->soc;
    c->busy = false;
    uint32_t ssiz = size16(*reg(c, C_SSIZ)), dsiz = size16(*reg(c, C_DSIZ));
    uint32_t csiz = size16(*reg(c, C_CSIZ));
    uint32_t econ = *reg(c, C_ECON), con = *reg(c, C_CON);
    bool paten = econ & DCHECON_PATEN;
    uint32_t sp = *reg(c, C_SPTR) & 0xFFFF, dp = *reg(c, C_DPTR) & 0xFFFF;
    uint32_t cp = *reg(c, C_CPTR) & 0xFFFF;
    uint32_t flags = 0;
    bool block_done = false;
    while (cp < csiz && !block_done) {
        uint32_t src = *reg(c, C_SSA) + sp, dst = *reg(c, C_DSA) + dp;
        unsigned k = chunk(src, dst, cell_left(c, sp, dp, cp), paten);
        uint32_t v;
        if (sbp_dma_read(s, src, k, &v)) {
            *reg(c, C_SPTR) = sp, *reg(c, C_DPTR) = dp, *reg(c, C_CPTR) = cp;
            chan_error(c, true, src);
            dma_status(d);
            return;
        }
        crc_feed(d, c->n, v, k);
        if (sbp_dma_write(s, dst, k, v)) {
            *reg(c, C_SPTR) = sp, *reg(c, C_DPTR) = dp, *reg(c, C_CPTR) = cp;
            chan_error(c, false, dst);
            dma_status(d);
            return;
        }
        d->bytes += k;
        d->transactions++;
        uint32_t osp = sp, odp = dp;
        sp += k, dp += k, cp += k;
        if (osp < ssiz / 2 && sp >= ssiz / 2)
            flags |= DCHINT_CHSHIF;
        if (odp < dsiz / 2 && dp >= dsiz / 2)
            flags |= DCHINT_CHDHIF;
        bool swrap = sp == ssiz, dwrap = dp == dsiz;
        if (swrap)
            flags |= DCHINT_CHSDIF, sp = 0;
        if (dwrap)
            flags |= DCHINT_CHDDIF, dp = 0;
        block_done = ssiz >= dsiz ? swrap : dwrap;
        if (paten) {
            /* Pattern: DAT[7:0], or with CHPATLEN the two bytes DAT[7:0]
             * then DAT[15:8] in transfer order. */
            uint8_t byte = (uint8_t)v;
            uint32_t pat = *reg(c, C_DAT);
            bool match = (con & DCHCON_CHPATLEN)
                             ? c->pat_have && c->pat_prev == (uint8_t)pat && byte == (uint8_t)(pat >> 8)
                             : byte == (uint8_t)pat;
            c->pat_prev = byte;
            c->pat_have = true;
            if (match)
                block_done = true;
        }
    }
    flags |= DCHINT_CHCCIF;
    cp = 0;
    *reg(c, C_SPTR) = sp, *reg(c, C_DPTR) = dp, *reg(c, C_CPTR) = cp;
    if (block_done) {
        flags |= DCHINT_CHBCIF;
        ptr_reset(c);
        if (!(con & DCHCON_CHAEN)) {
            chan_disable(c);
        }
        chain_from(d, c->n, when);
    }
    *reg(c, C_INT) |= flags;
    /* The next cell: a start event that came meanwhile, or a persistent
     * start source still asserted. */
    uint32_t sirq = (econ >> DCHECON_CHSIRQ_SHIFT) & 0xFF;
    if ((*reg(c, C_CON) & DCHCON_CHEN) &&
        (c->pending || ((econ & DCHECON_SIRQEN) && intc_level_on(s->intc, sirq))))
        chan_start(c, when);
    dma_status(d);
}

/* A start event for channel c at `now`. */
static void chan_start(struct dma_ch *c, uint64_t now)
{
    struct dma *d = c->d;
    uint32_t con = *reg(c, C_CON);
    if (!(con & DCHCON_CHEN)) {
        if (con & DCHCON_CHAED)
            c->pending = true; /* latched while disabled (CHAED) */
        return;
    }
    if (c->busy || !ctl_running(d)) {
        c->pending = true;
        return;
    }
    c->pending = false;
    c->busy = true;
    ev_schedule(&d->soc->evq, &c->ev, now + DMA_T_CELL + (uint64_t)DMA_T_XFER * cell_plan(c));
}

static void chan_abort(struct dma_ch *c, bool by_irq)
{
    chan_disable(c);
    ptr_reset(c);
    if (by_irq)
        *reg(c, C_INT) |= DCHINT_CHTAIF;
}

/* intc listener: an interrupt event (start/abort IRQs). */
static void dma_irq(void *ctx, unsigned v)
{
    struct dma *d = ctx;
    uint64_t now = ev_now(&d->soc->evq);
    bool changed = false;
    for (unsigned n = 0; n < DMA_NCHAN; n++) {
        struct dma_ch *c = &d->ch[n];
        uint32_t econ = *reg(c, C_ECON);
        if ((econ & DCHECON_AIRQEN) && ((econ >> DCHECON_CHAIRQ_SHIFT) & 0xFF) == v &&
            ((*reg(c, C_CON) & DCHCON_CHEN) || c->busy)) {
            chan_abort(c, true);
            changed = true;
        } else if ((econ & DCHECON_SIRQEN) && ((econ >> DCHECON_CHSIRQ_SHIFT) & 0xFF) == v) {
            chan_start(c, now);
            changed = true;
        }
    }
    if (changed)
        dma_status(d);
}

/* ---- registers ---------------------------------------------------------- */

static void dma_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct dma *d = ctx;
    uint64_t now = ev_now(&d->soc->evq);
    if (idx == G_CON) {
        if (ctl_running(d))
            for (unsigned n = 0; n < DMA_NCHAN; n++)
                if (d->ch[n].pending)
                    chan_start(&d->ch[n], now);
    } else if (idx >= G_N) {
        struct dma_ch *c = &d->ch[(idx - G_N) / C_N];
        unsigned r = (idx - G_N) % C_N;
        uint32_t con = *reg(c, C_CON), econ = *reg(c, C_ECON);
        /* A persistent start source already asserted when the channel is
         * enabled (or SIRQEN set) starts it, as its request is still up. */
        bool level = (econ & DCHECON_SIRQEN) &&
                     intc_level_on(d->soc->intc, (econ >> DCHECON_CHSIRQ_SHIFT) & 0xFF);
        if (r == C_CON) {
            if ((old & DCHCON_CHEN) && !(con & DCHCON_CHEN)) {
                c->busy = false; /* a cell in progress is dropped */
                ev_cancel(&d->soc->evq, &c->ev);
            } else if (!(old & DCHCON_CHEN) && (con & DCHCON_CHEN) && (c->pending || level)) {
                chan_start(c, now);
            }
        } else if (r == C_ECON) {
            if (req & DCHECON_CABORT)
                chan_abort(c, false);
            else if ((req & DCHECON_CFORCE) || (level && !(old & DCHECON_SIRQEN) && !c->busy))
                chan_start(c, now);
        }
    }
    dma_status(d);
}

static void dma_reset(void *ctx)
{
    struct dma *d = ctx;
    for (unsigned n = 0; n < DMA_NCHAN; n++) {
        d->ch[n].busy = d->ch[n].pending = d->ch[n].pat_have = false;
    }
    dma_status(d);
}

bool dma_init(struct soc *s)
{
    struct dma *d = calloc(1, sizeof *d);
    if (!d) {
        fprintf(stderr, "vpsim: out of host memory\n");
        return false;
    }
    s->dma = d;
    d->soc = s;
    struct sfr_reg *r = d->regs;
    r[G_CON] = (struct sfr_reg){0x00, 0, DMACON_ON | DMACON_SUSPEND, SFR_WR};
    r[G_STAT] = (struct sfr_reg){0x10, 0, 0, 0};
    r[G_ADDR] = (struct sfr_reg){0x20, 0, 0, 0};
    r[G_CRCCON] = (struct sfr_reg){0x30, 0, 0x39009FC7u, 0};
    r[G_CRCDATA] = (struct sfr_reg){0x40, 0, 0xFFFFFFFFu, 0};
    r[G_CRCXOR] = (struct sfr_reg){0x50, 0, 0xFFFFFFFFu, 0};
    static const struct {
        uint32_t reset, wmask;
    } ch_regs[C_N] = {
        [C_CON] = {0, 0xFF0029F3u},        [C_ECON] = {0x00FFFF00u, 0x00FFFF38u},
        [C_INT] = {0, 0x00FF00FFu},        [C_SSA] = {0, 0xFFFFFFFFu},
        [C_DSA] = {0, 0xFFFFFFFFu},        [C_SSIZ] = {0, 0xFFFF},
        [C_DSIZ] = {0, 0xFFFF},            [C_SPTR] = {0, 0},
        [C_DPTR] = {0, 0},                 [C_CSIZ] = {0, 0xFFFF},
        [C_CPTR] = {0, 0},                 [C_DAT] = {0, 0xFFFF},
    };
    for (unsigned n = 0; n < DMA_NCHAN; n++) {
        for (unsigned k = 0; k < C_N; k++)
            r[CH(n, k)] = (struct sfr_reg){(uint16_t)(0x60 + 0xC0 * n + 0x10 * k),
                                           ch_regs[k].reset, ch_regs[k].wmask, SFR_WR};
        d->ch[n].d = d;
        d->ch[n].n = n;
        ev_init(&d->ch[n].ev, dma_ev_names[n], cell_done, &d->ch[n]);
    }
    d->blk = (struct sfr_block){
        .name = "dma", .base = DMA_BASE, .size = 0x660, .regs = d->regs, .nregs = NREGS,
        .val = d->val, .ctx = d, .write = dma_write, .reset = dma_reset,
    };
    if (!sfr_register(s->sfr, &d->blk))
        return false;
    intc_set_listener(s->intc, dma_irq, d);
    return true;
}

void dma_free(struct soc *s)
{
    free(s->dma);
    s->dma = NULL;
}

void dma_get_stats(struct soc *s, uint64_t *bytes, uint64_t *transactions)
{
    *bytes = s->dma ? s->dma->bytes : 0;
    *transactions = s->dma ? s->dma->transactions : 0;
}

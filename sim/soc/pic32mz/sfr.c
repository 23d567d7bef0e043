/* The SFR window: block table, CLR/SET/INV aliases, byte lanes (sfr.h). */
#include "sfr.h"

#include <stdio.h>
#include <stdlib.h>

#include "soc.h"

#define SFR_CHUNK_SHIFT 8 /* blocks are found per 256 bytes of the window */
#define SFR_NCHUNKS     (PIC32MZ_SFR_SIZE >> SFR_CHUNK_SHIFT)
#define SFR_MAX_BLOCKS  250

#define MAP_IDX(m)   (((m) & 0x3FFFu) - 1u)
#define MAP_ALIAS(m) ((m) >> 14) /* 0 register, 1 CLR, 2 SET, 3 INV */

struct sfr {
    struct sfr_block *block[SFR_MAX_BLOCKS];
    unsigned nblocks;
    uint8_t chunk[SFR_NCHUNKS]; /* block index + 1, 0 = none */
    uint8_t area[SFR_NCHUNKS];  /* AREA_* bits */
};

#define AREA_DECODED 1u /* inside a peripheral's documented range */
#define AREA_BUSERR  2u /* --bus-error: every access a bus error */

void sfr_decode(struct sfr *s, uint32_t base, uint32_t size)
{
    for (uint32_t a = base; a - base < size; a += 1u << SFR_CHUNK_SHIFT)
        if (a - PIC32MZ_SFR_BASE < PIC32MZ_SFR_SIZE)
            s->area[(a - PIC32MZ_SFR_BASE) >> SFR_CHUNK_SHIFT] |= AREA_DECODED;
}

void sfr_bus_error(struct sfr *s, uint32_t base, uint32_t size)
{
    for (uint32_t a = base & ~0xFFu; a - (base & ~0xFFu) < size + (base & 0xFFu);
         a += 1u << SFR_CHUNK_SHIFT)
        if (a - PIC32MZ_SFR_BASE < PIC32MZ_SFR_SIZE)
            s->area[(a - PIC32MZ_SFR_BASE) >> SFR_CHUNK_SHIFT] |= AREA_BUSERR;
}

/* An address in no block: inside a documented range it reads 0 and
 * ignores writes (true); elsewhere a bus error (false). */
static bool area_decoded(const struct sfr *s, uint32_t pa)
{
    uint32_t lo = pa - PIC32MZ_SFR_BASE;
    return lo < PIC32MZ_SFR_SIZE && (s->area[lo >> SFR_CHUNK_SHIFT] & AREA_DECODED);
}

static bool area_buserr(const struct sfr *s, uint32_t pa)
{
    uint32_t lo = pa - PIC32MZ_SFR_BASE;
    return lo < PIC32MZ_SFR_SIZE && (s->area[lo >> SFR_CHUNK_SHIFT] & AREA_BUSERR);
}

struct sfr *sfr_create(void)
{
    return calloc(1, sizeof(struct sfr));
}

void sfr_destroy(struct sfr *s)
{
    if (!s)
        return;
    for (unsigned i = 0; i < s->nblocks; i++) {
        free(s->block[i]->map);
        s->block[i]->map = NULL;
    }
    free(s);
}

bool sfr_register(struct sfr *s, struct sfr_block *b)
{
    uint32_t lo = b->base - PIC32MZ_SFR_BASE;
    if (b->base < PIC32MZ_SFR_BASE || (lo & 0xFF) || !b->size || (b->size & 15) ||
        b->size > PIC32MZ_SFR_SIZE - lo || s->nblocks >= SFR_MAX_BLOCKS || b->nregs >= 0x3FFF) {
        fprintf(stderr, "vpsim: internal error: SFR block %s: bad placement\n", b->name);
        return false;
    }
    uint32_t c0 = lo >> SFR_CHUNK_SHIFT, c1 = (lo + b->size - 1) >> SFR_CHUNK_SHIFT;
    for (uint32_t c = c0; c <= c1; c++)
        if (s->chunk[c]) {
            fprintf(stderr, "vpsim: internal error: SFR block %s overlaps %s\n", b->name,
                    s->block[s->chunk[c] - 1]->name);
            return false;
        }
    b->map = calloc(b->size / 4, sizeof *b->map);
    if (!b->map) {
        fprintf(stderr, "vpsim: out of host memory\n");
        return false;
    }
    for (unsigned i = 0; i < b->nregs; i++) {
        const struct sfr_reg *r = &b->regs[i];
        bool alias = !(r->flags & SFR_NOALIAS);
        unsigned n = alias ? 4 : 1;
        if ((r->off & (alias ? 15 : 3)) || r->off + 4u * n > b->size) {
            fprintf(stderr, "vpsim: internal error: SFR %s reg %u: bad offset 0x%x\n", b->name,
                    i, r->off);
            free(b->map);
            b->map = NULL;
            return false;
        }
        for (unsigned k = 0; k < n; k++) {
            uint16_t *m = &b->map[r->off / 4 + k];
            if (*m) {
                fprintf(stderr, "vpsim: internal error: SFR %s: offset 0x%x used twice\n",
                        b->name, r->off + 4 * k);
                free(b->map);
                b->map = NULL;
                return false;
            }
            *m = (uint16_t)((i + 1) | k << 14);
        }
    }
    s->block[s->nblocks++] = b;
    for (uint32_t c = c0; c <= c1; c++)
        s->chunk[c] = (uint8_t)s->nblocks;
    for (unsigned i = 0; i < b->nregs; i++)
        b->val[i] = b->regs[i].reset;
    return true;
}

struct sfr_block *sfr_find(struct sfr *s, uint32_t pa)
{
    uint32_t lo = pa - PIC32MZ_SFR_BASE;
    if (lo >= PIC32MZ_SFR_SIZE)
        return NULL;
    unsigned c = s->chunk[lo >> SFR_CHUNK_SHIFT];
    if (!c)
        return NULL;
    struct sfr_block *b = s->block[c - 1];
    return pa - b->base < b->size ? b : NULL;
}

/* The register's current value (no side effects). */
static uint32_t reg_value(struct sfr_block *b, unsigned idx)
{
    if ((b->regs[idx].flags & SFR_RD) && b->read)
        return b->read(b->ctx, idx, true);
    return b->val[idx];
}

static uint32_t lanes_of(uint32_t pa, unsigned size)
{
    uint32_t m = size == 4 ? 0xFFFFFFFFu : (1u << (size * 8)) - 1;
    return m << ((pa & 3) * 8);
}

static bool sfr_access_read(struct sfr *s, uint32_t pa, unsigned size, uint32_t *val, bool peek)
{
    struct sfr_block *b = sfr_find(s, pa);
    *val = 0;
    if (!peek && area_buserr(s, pa))
        return false;
    if (!b)
        return area_decoded(s, pa); /* a documented range: reads 0 */
    uint16_t m = b->map[(pa - b->base) >> 2];
    uint32_t v = 0;
    if (m && MAP_ALIAS(m) == 0) {
        unsigned idx = MAP_IDX(m);
        if ((b->regs[idx].flags & SFR_RD) && b->read)
            v = b->read(b->ctx, idx, peek);
        else
            v = b->val[idx];
    }
    v = (v & lanes_of(pa, size)) >> ((pa & 3) * 8);
    *val = v;
    return true;
}

bool sfr_bus_read(void *dev, uint32_t pa, unsigned size, uint32_t *val)
{
    return sfr_access_read(dev, pa, size, val, false);
}

bool sfr_peek(struct sfr *s, uint32_t pa, uint32_t *val)
{
    return sfr_access_read(s, pa, 4, val, true);
}

bool sfr_bus_write(void *dev, uint32_t pa, unsigned size, uint32_t val)
{
    struct sfr *s = dev;
    struct sfr_block *b = sfr_find(s, pa);
    if (area_buserr(s, pa))
        return false;
    if (!b)
        return area_decoded(s, pa); /* a documented range: ignored */
    uint16_t m = b->map[(pa - b->base) >> 2];
    if (!m)
        return true; /* unimplemented register: write ignored */
    unsigned idx = MAP_IDX(m);
    const struct sfr_reg *r = &b->regs[idx];
    uint32_t lanes = lanes_of(pa, size);
    uint32_t v = (val << ((pa & 3) * 8)) & lanes;
    uint32_t old = reg_value(b, idx);
    uint32_t req;
    switch (MAP_ALIAS(m)) {
    case 0: req = (old & ~lanes) | v; break;
    case 1: req = old & ~v; break;
    case 2: req = old | v; break;
    default: req = old ^ v; break;
    }
    b->val[idx] = (b->val[idx] & ~r->wmask) | (req & r->wmask);
    if ((r->flags & SFR_WR) && b->write)
        b->write(b->ctx, idx, old, req, lanes);
    return true;
}

void sfr_reset(struct sfr *s)
{
    for (unsigned i = 0; i < s->nblocks; i++) {
        struct sfr_block *b = s->block[i];
        for (unsigned k = 0; k < b->nregs; k++)
            b->val[k] = b->regs[k].reset;
    }
    for (unsigned i = 0; i < s->nblocks; i++) {
        struct sfr_block *b = s->block[i];
        if (b->reset)
            b->reset(b->ctx);
    }
}

void sfr_clock_changed(struct sfr *s)
{
    for (unsigned i = 0; i < s->nblocks; i++) {
        struct sfr_block *b = s->block[i];
        if (b->clock_changed)
            b->clock_changed(b->ctx);
    }
}

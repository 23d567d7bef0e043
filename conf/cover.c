#include "cover.h"

#include <stdlib.h>
#include <string.h>

#include "mips/mipsregs.h"
#include "tinyvp/config.h"

#define PAGE 0x1000u
#define MAX_PAIR (2u << 20) /* 1 MB pages: 2 MB window */

struct builder {
    const struct cover_region *r;
    int n;
    uint32_t *w;
    int nr, cap, entries;
    int oom;
};

static int intersects(const struct builder *b, uint64_t base, uint64_t size)
{
    for (int i = 0; i < b->n; i++)
        if (b->r[i].gpa < base + size && base < (uint64_t)b->r[i].gpa + b->r[i].size) return 1;
    return 0;
}

/* EntryLo for the half [h, h+p): 0 with *ok=1 when unmapped; the mapping
 * when it lies in one region with the real address p-aligned; *ok=0 else. */
static uint32_t half_lo(const struct builder *b, uint64_t h, uint64_t p, int *ok)
{
    *ok = 1;
    for (int i = 0; i < b->n; i++) {
        const struct cover_region *r = &b->r[i];
        if (r->gpa <= h && h + p <= (uint64_t)r->gpa + r->size) {
            uint32_t rpa = r->rpa + (uint32_t)(h - r->gpa);
            if (rpa % p) break;
            return ((rpa >> 12) << MIPS_ENTRYLO_PFN_SHIFT) | r->lo_attr | MIPS_ENTRYLO_V;
        }
    }
    if (intersects(b, h, p)) *ok = 0;
    return MIPS_ENTRYLO_G; /* invalid half; G kept so G0 & G1 stays set */
}

static int alloc_words(struct builder *b, int n)
{
    if (b->nr + n > b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        while (b->cap < b->nr + n) b->cap *= 2;
        uint32_t *w = realloc(b->w, b->cap * sizeof *w);
        if (!w) { b->oom = 1; return -1; }
        b->w = w;
    }
    int at = b->nr;
    memset(b->w + at, 0, n * sizeof *b->w);
    b->nr += n;
    return at;
}

/* Ref (see config.h) for the window [base, base+size). */
static uint32_t build(struct builder *b, uint64_t base, uint64_t size)
{
    if (!intersects(b, base, size)) return 0;
    if (size <= MAX_PAIR) {
        int ok0, ok1;
        uint64_t p = size / 2;
        uint32_t lo0 = half_lo(b, base, p, &ok0);
        uint32_t lo1 = half_lo(b, base + p, p, &ok1);
        if (ok0 && ok1) {
            int at = alloc_words(b, TVP_TREE_LEAF_WORDS);
            if (at < 0) return 0;
            b->w[at] = lo0;
            b->w[at + 1] = lo1;
            b->w[at + 2] = (uint32_t)(size - 1) & ~0x1fffu; /* PageMask */
            b->w[at + 3] = 0;
            b->entries++;
            return (uint32_t)at * 4 + TVP_TREE_REF_LEAF;
        }
    }
    /* 4 KB-aligned regions always fit an 8 KB window, so size > 8K here */
    int at = alloc_words(b, TVP_TREE_NODE_WORDS);
    if (at < 0) return 0;
    uint64_t q = size / 4;
    for (int i = 0; i < 4; i++) {
        uint32_t ref = build(b, base + i * q, q);
        b->w[at + i] = ref;
    }
    return (uint32_t)at * 4;
}

int cover_build(const struct cover_region *r, int n, struct cover_tree *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < n; i++) {
        if (r[i].gpa % PAGE || r[i].rpa % PAGE || r[i].size % PAGE || !r[i].size) return -1;
        if ((uint64_t)r[i].gpa + r[i].size > 0x100000000ull) return -1;
        for (int j = 0; j < i; j++)
            if (r[j].gpa < r[i].gpa + (uint64_t)r[i].size && r[i].gpa < r[j].gpa + (uint64_t)r[j].size)
                return -1;
    }
    /* regions contiguous in both spaces with the same attributes act as
     * one (a half may then straddle them) */
    struct cover_region *m = malloc((size_t)(n > 0 ? n : 1) * sizeof *m);
    if (!m) return -1;
    int nm = 0;
    for (int k = 0; k < n; k++) { /* insertion by gpa */
        int j = nm++;
        while (j > 0 && m[j - 1].gpa > r[k].gpa) { m[j] = m[j - 1]; j--; }
        m[j] = r[k];
    }
    int w = 0;
    for (int k = 0; k < nm; k++) {
        if (w && m[w - 1].gpa + m[w - 1].size == m[k].gpa && m[w - 1].rpa + m[w - 1].size == m[k].rpa &&
            m[w - 1].lo_attr == m[k].lo_attr)
            m[w - 1].size += m[k].size;
        else
            m[w++] = m[k];
    }
    struct builder b = { .r = m, .n = w };
    alloc_words(&b, TVP_TREE_NODE_WORDS); /* root: window 2^33 */
    uint64_t q = 1ull << TVP_TREE_ROOT_SHIFT;
    for (int i = 0; i < 4; i++) {
        uint32_t ref = build(&b, i * q, q);
        if (!b.oom) b.w[i] = ref;
    }
    free(m);
    if (b.oom) { free(b.w); return -1; }
    out->words = b.w;
    out->nr_words = b.nr;
    out->entries = b.entries;
    return 0;
}

void cover_free(struct cover_tree *t)
{
    free(t->words);
    memset(t, 0, sizeof *t);
}

int cover_walk(const uint32_t *words, uint32_t gpa, uint32_t *lo, uint32_t *pagemask, uint32_t *vpn2)
{
    const uint32_t *node = words;
    for (int shift = TVP_TREE_ROOT_SHIFT; shift >= 13; shift -= 2) {
        uint32_t ref = node[(gpa >> shift) & 3];
        if (!ref) return 0;
        if (ref & TVP_TREE_REF_LEAF) {
            const uint32_t *leaf = words + (ref - 1) / 4;
            uint32_t pm = leaf[2];
            uint32_t half = (pm | 0x1fffu) + 1; /* window size */
            half /= 2;
            *pagemask = pm;
            *lo = (gpa & half) ? leaf[1] : leaf[0];
            *vpn2 = gpa & ~(pm | 0x1fffu);
            return 1;
        }
        node = words + ref / 4;
    }
    return 0; /* malformed tree: deeper than 8 KB windows */
}

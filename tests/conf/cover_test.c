/*
 * Property tests of the page cover (conf/cover.c): random region sets ->
 * the refill tree maps exactly the regions, checked page by page (every
 * mapped page translates to its real page with its attributes; every other
 * page in reach misses or hits an invalid half), and the entry count is
 * minimal, checked against an independent brute-force search on small
 * cases. Prints "ok <name>" / "FAIL <name>: why" lines for tests/conf/run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../conf/cover.h"
#include "mips/mipsregs.h"

#define PAGE 0x1000u

static unsigned rng_state = 12345;
static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return (rng_state >> 8) % n;
}

/* Region that contains page gpa, or NULL. */
static const struct cover_region *owner(const struct cover_region *r, int n, uint32_t gpa)
{
    for (int i = 0; i < n; i++)
        if (gpa >= r[i].gpa && gpa - r[i].gpa < r[i].size) return &r[i];
    return NULL;
}

static int check_exact(const struct cover_region *r, int n, const struct cover_tree *t, uint32_t lo, uint32_t hi,
                       char *why)
{
    for (uint64_t a = lo; a < hi; a += PAGE) {
        uint32_t elo, pm, vpn;
        const struct cover_region *o = owner(r, n, (uint32_t)a);
        int hit = cover_walk(t->words, (uint32_t)a, &elo, &pm, &vpn);
        int valid = hit && (elo & MIPS_ENTRYLO_V);
        if (!o && valid) {
            sprintf(why, "page 0x%08llx is mapped but in no region", (unsigned long long)a);
            return 0;
        }
        if (!o) continue;
        if (!valid) {
            sprintf(why, "page 0x%08llx of a region is not mapped", (unsigned long long)a);
            return 0;
        }
        uint32_t page = ((pm | 0x1fffu) + 1) / 2;
        uint32_t pfn_pa = ((elo & MIPS_ENTRYLO_PFN) >> MIPS_ENTRYLO_PFN_SHIFT) << 12;
        uint32_t pa = pfn_pa + ((uint32_t)a & (page - 1));
        uint32_t want = o->rpa + ((uint32_t)a - o->gpa);
        if (pa != want || (elo & ~(MIPS_ENTRYLO_PFN | MIPS_ENTRYLO_V)) != o->lo_attr) {
            sprintf(why, "page 0x%08llx -> 0x%08x, want 0x%08x (attr 0x%x vs 0x%x)", (unsigned long long)a, pa,
                    want, elo & ~(MIPS_ENTRYLO_PFN | MIPS_ENTRYLO_V), o->lo_attr);
            return 0;
        }
        if (pfn_pa % page || vpn % (2 * page)) {
            sprintf(why, "misaligned entry at 0x%08x", vpn);
            return 0;
        }
    }
    return 1;
}

/* ---- brute force minimum: independent of the tree ---- */

static const struct cover_region *br;
static int bn;
static uint32_t bspace;
static int best;
static uint32_t chosen_base[64], chosen_size[64];

static int window_ok(uint32_t base, uint32_t size)
{
    uint32_t p = size / 2;
    for (int h = 0; h < 2; h++) {
        uint32_t hb = base + h * p;
        const struct cover_region *o = owner(br, bn, hb);
        int any = 0;
        for (uint32_t a = hb; a < hb + p; a += PAGE) any |= owner(br, bn, a) != NULL;
        if (!any) continue;
        if (!o) return 0;
        for (uint32_t a = hb; a < hb + p; a += PAGE) {
            const struct cover_region *q = owner(br, bn, a);
            if (!q || q->lo_attr != o->lo_attr || q->rpa + (a - q->gpa) != o->rpa + (hb - o->gpa) + (a - hb))
                return 0;
        }
        if ((o->rpa + (hb - o->gpa)) % p) return 0;
    }
    return 1;
}

static void search(int depth)
{
    if (depth >= best) return;
    uint32_t first = 0xffffffffu;
    for (uint32_t a = 0; a < bspace && first == 0xffffffffu; a += PAGE) {
        if (!owner(br, bn, a)) continue;
        int covered = 0;
        for (int i = 0; i < depth; i++) covered |= a >= chosen_base[i] && a - chosen_base[i] < chosen_size[i];
        if (!covered) first = a;
    }
    if (first == 0xffffffffu) {
        best = depth;
        return;
    }
    for (uint32_t size = 0x2000; size <= 0x200000; size *= 4) {
        uint32_t base = first & ~(size - 1);
        int clash = 0;
        for (int i = 0; i < depth; i++)
            clash |= base < chosen_base[i] + chosen_size[i] && chosen_base[i] < base + size;
        if (clash || !window_ok(base, size)) continue;
        chosen_base[depth] = base;
        chosen_size[depth] = size;
        search(depth + 1);
    }
}

static int gen(struct cover_region *r, uint32_t space, int maxn)
{
    int n = 0;
    uint32_t attrs[3] = { MIPS_ENTRYLO_G | MIPS_ENTRYLO_D | (3u << 3), MIPS_ENTRYLO_G | (3u << 3) | MIPS_ENTRYLO_XI,
                          MIPS_ENTRYLO_G | MIPS_ENTRYLO_D | (2u << 3) };
    int want = 1 + (int)rnd((unsigned)maxn);
    for (int tries = 0; tries < 50 && n < want; tries++) {
        uint32_t size = PAGE * (1 + rnd(rnd(2) ? 64 : 8));
        uint32_t gpa = PAGE * rnd(space / PAGE);
        if (gpa + size > space) continue;
        int clash = 0;
        for (int i = 0; i < n; i++) clash |= gpa < r[i].gpa + r[i].size && r[i].gpa < gpa + size;
        if (clash) continue;
        /* real address: often nicely aligned, sometimes not */
        uint32_t align = rnd(2) ? (gpa & -gpa ? (gpa & -gpa) : 0x100000) : PAGE;
        if (align > 0x100000) align = 0x100000;
        uint32_t rpa = 0x20000000u + align * (1 + rnd(64));
        if (rnd(3) == 0) rpa = 0x10000000u + PAGE * rnd(4096);
        r[n++] = (struct cover_region){ gpa, rpa, size, attrs[rnd(3)] };
    }
    return n;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 300;
    char why[256];
    int bad = 0;
    /* 1. exactness over a 4 MB space with big regions */
    for (int i = 0; i < rounds && !bad; i++) {
        struct cover_region r[8];
        int n = gen(r, 0x400000, 8);
        struct cover_tree t;
        if (cover_build(r, n, &t)) { printf("FAIL cover-exact: build failed (round %d)\n", i); bad = 1; break; }
        if (!check_exact(r, n, &t, 0, 0x600000, why)) { printf("FAIL cover-exact: round %d: %s\n", i, why); bad = 1; }
        cover_free(&t);
    }
    if (!bad) printf("ok cover-exact (%d random region sets, page by page)\n", rounds);
    /* 2. minimality against brute force in a 256 KB space */
    bad = 0;
    for (int i = 0; i < rounds && !bad; i++) {
        struct cover_region r[4];
        int n = gen(r, 0x40000, 3);
        struct cover_tree t;
        if (cover_build(r, n, &t)) { printf("FAIL cover-minimal: build failed\n"); bad = 1; break; }
        br = r, bn = n, bspace = 0x40000, best = t.entries + 1;
        search(0);
        if (best < t.entries) {
            printf("FAIL cover-minimal: round %d: tree uses %d entries, %d suffice\n", i, t.entries, best);
            bad = 1;
        } else if (best > t.entries) {
            printf("FAIL cover-minimal: round %d: brute force found no cover of %d entries\n", i, t.entries);
            bad = 1;
        }
        cover_free(&t);
    }
    if (!bad) printf("ok cover-minimal (%d cases, brute force)\n", rounds);
    /* 3. known shapes */
    struct cover_region one = { 0, 0x40000, 0x10000, MIPS_ENTRYLO_G };
    struct cover_tree t;
    cover_build(&one, 1, &t);
    printf(t.entries == 1 ? "ok cover-64k-one-entry\n" : "FAIL cover-64k-one-entry: %d entries\n", t.entries);
    cover_free(&t);
    struct cover_region mis = { 0, 0x41000, 0x10000, MIPS_ENTRYLO_G }; /* real not 64K aligned: 4K pages */
    cover_build(&mis, 1, &t);
    printf(t.entries == 8 ? "ok cover-misaligned-4k\n" : "FAIL cover-misaligned-4k: %d entries\n", t.entries);
    cover_free(&t);
    struct cover_region ov[2] = { { 0, 0, 0x2000, 0 }, { 0x1000, 0x5000, 0x1000, 0 } };
    printf(cover_build(ov, 2, &t) ? "ok cover-rejects-overlap\n" : "FAIL cover-rejects-overlap: accepted\n");
    return 0;
}

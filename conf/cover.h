/*
 * Page cover: the minimum set of root TLB entries (even/odd page pairs,
 * pages 4 KB..1 MB, both halves the same size) that maps exactly a guest's
 * regions, never a byte more, emitted as the per-guest refill tree that
 * include/tinyvp/config.h and docs/config.md describe.
 *
 * Why it is minimal: an entry of page size P covers a 2P window aligned to
 * 2P, and 2P is 8K * 4^k, so any two possible entry windows are nested or
 * disjoint, and TLB entries must not overlap. The tree follows exactly that
 * 4-ary nesting; a window becomes one leaf whenever one entry can map it
 * (each half entirely unmapped, or entirely inside one region with the
 * real address aligned to P), which is never worse than splitting it.
 */
#ifndef CONF_COVER_H
#define CONF_COVER_H

#include <stdint.h>

struct cover_region {
    uint32_t gpa, rpa, size; /* 4 KB aligned; regions disjoint in gpa */
    uint32_t lo_attr;        /* EntryLo bits besides PFN/V: C, D, RI, XI, G */
};

struct cover_tree {
    uint32_t *words;
    int nr_words;
    int entries;             /* leaves = minimum TLB entries */
};

/* Builds the tree for n regions; returns 0, or -1 when a region is not 4 KB
 * aligned or regions overlap. */
int cover_build(const struct cover_region *r, int n, struct cover_tree *out);
void cover_free(struct cover_tree *t);
/* Walks as the refill handler does. Returns 1 and the EntryLo of the half
 * holding gpa (which may have V = 0), its PageMask and the EntryHi VPN2;
 * 0 when no entry covers gpa. */
int cover_walk(const uint32_t *words, uint32_t gpa, uint32_t *lo, uint32_t *pagemask, uint32_t *vpn2);

#endif

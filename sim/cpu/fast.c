/*
 * vpsim: the fast loop. A basic-block cache with threaded dispatch in front
 * of the exact interpreter (cpu_run_block in cpu.c).
 *
 * A block is the straight-line MIPS32 code from its first instruction up to
 * and including the delay slot of the first branch or jump (MIPS32
 * Architecture Vol. I, MD00082, "Delay Slots"), or up to the first
 * instruction outside the fast subset, or the end of its 4 KB page. Each
 * instruction is decoded once into an operation: a handler address for a
 * computed goto, register fields, the immediate, and its static cycle
 * cost in the cycle model of timing.h (issue + the load-use stall against
 * the previous instruction, known when both are in the block). The loop
 * keeps pc, cycles and the retired count in locals and writes them back
 * when it leaves. A block's end follows a link to its successor that
 * carries the cost of the step (links are dropped when the read map
 * changes); a branch whose delay slot is a pure register operation runs
 * after it, fused with the end; the last ALU or load result stays in a
 * host register for the next operation that reads it.
 *
 * Exactness (docs/simulator.md, "Speed"): a block is entered only when no
 * instruction in it can start at or after the deadline (timer events,
 * interrupts, the run limit), counting the worst case of its dynamic
 * costs (the load-use stall of its first instruction, HI/LO waits, FPU
 * latencies); otherwise the exact loop runs one instruction. An operation that would
 * not complete on the fast path (a TLB or device access, an overflow, an
 * unaligned address, a store to a page holding code) leaves with the exact
 * state before it and the exact loop executes it, exceptions included.
 *
 * Code changes: blocks are tracked per 256-byte chunk of host memory;
 * pages holding code are kept out of the write fast maps, and every other
 * writer reports through bus->mem_written (fast_mem_written), which drops
 * the blocks the written bytes overlap.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mips/mipsregs.h>

#include "cpu_int.h"
#include "fast.h"
#include "timing.h"

#define MAX_OPS    64          /* instructions per block */
#define NBLOCKS    16384       /* blocks before the cache is flushed */
#define HBITS      16
#define NHASH      (1u << HBITS)
#define MAX_AREAS  8           /* distinct host memories (RAM, flash, boot flash panels) */
#define CHUNK      256         /* invalidation grain */
/* bytes of blocks before the cache is flushed */
#define POOL       ((size_t)NBLOCKS * (sizeof(struct block) + 8 * sizeof(struct fop)))
/* a block's worst case before its last instruction starts is below this
 * (decode ends a block before it would not be): entering it needs no
 * closer look while the cycle count is at least this far from the deadline */
#define MAX_BOUND  1024
#define MAX_WAITS  16          /* instructions with a dynamic cost per block */
/* hash of a block's PC: bit 1 and up (microMIPS PCs are odd, 2 apart) */
#define HASH(pc)   (((pc) >> 1) & (NHASH - 1))

enum {
    K_TERM_JUMP, K_TERM_FALL, K_TERM_EXACT, K_NOP,
    K_FBEQ, K_FBNE, K_FBLEZ, K_FBGTZ, K_FBLTZ, K_FBGEZ, K_FJ, K_FJR, /* a branch fused with the end */
    K_SLL, K_SRL, K_SRA, K_SLLV, K_SRLV, K_SRAV, K_ROTR, K_ROTRV,
    K_MOVZ, K_MOVN, K_ADD, K_ADDU, K_SUB, K_SUBU, K_AND, K_OR, K_XOR, K_NOR, K_SLT, K_SLTU,
    K_MUL, K_CLZ, K_CLO, K_SEB, K_SEH, K_WSBH, K_EXT, K_INS,
    K_ADDI, K_ADDIU, K_SLTI, K_SLTIU, K_ANDI, K_ORI, K_XORI, K_LUI,
    K_MFHI, K_MFLO, K_MTHI, K_MTLO, K_MULT, K_MULTU, K_DIV, K_DIVU,
    K_MADD, K_MADDU, K_MSUB, K_MSUBU,
    K_LB, K_LBU, K_LH, K_LHU, K_LW, K_SB, K_SH, K_SW,
    K_BEQ, K_BNE, K_BLEZ, K_BGTZ, K_BLTZ, K_BGEZ, K_BLTZAL, K_BGEZAL,
    K_BEQL, K_BNEL, K_BLEZL, K_BGTZL, K_BLTZL, K_BGEZL, K_BLTZALL, K_BGEZALL,
    K_J, K_JAL, K_JR, K_JALR, K_MM_JRADDIUSP,
    K_MM_MOVEP,
    K_TGE, K_TGEU, K_TLT, K_TLTU, K_TEQ, K_TNE,
    K_TGEI, K_TGEIU, K_TLTI, K_TLTIU, K_TEQI, K_TNEI,
    K_LWC1, K_SWC1, K_LDC1, K_SDC1, K_FPU, K_FPQ,
    /* variants reading an operand from the last result (lv, run_blocks):
     * _L1 its first source (rs; shifts by sa: rt is _L2), _L2 its rt */
    K_ADDU_L1, K_ADDU_L2, K_SUBU_L1, K_SUBU_L2, K_AND_L1, K_AND_L2, K_OR_L1, K_OR_L2,
    K_XOR_L1, K_XOR_L2, K_NOR_L1, K_NOR_L2, K_SLT_L1, K_SLT_L2, K_SLTU_L1, K_SLTU_L2,
    K_MUL_L1, K_MUL_L2, K_SLL_L2, K_SRL_L2, K_SRA_L2,
    K_ADDIU_L1, K_SLTI_L1, K_SLTIU_L1, K_ANDI_L1, K_ORI_L1, K_XORI_L1,
    K_LB_L1, K_LBU_L1, K_LH_L1, K_LHU_L1, K_LW_L1,
    K_SB_L1, K_SB_L2, K_SH_L1, K_SH_L2, K_SW_L1, K_SW_L2,
    K_BEQ_L1, K_BEQ_L2, K_BNE_L1, K_BNE_L2, K_BLEZ_L1, K_BGTZ_L1, K_BLTZ_L1, K_BGEZ_L1,
    K_FBEQ_L1, K_FBEQ_L2, K_FBNE_L1, K_FBNE_L2, K_FBLEZ_L1, K_FBGTZ_L1, K_FBLTZ_L1,
    K_FBGEZ_L1, K_FJR_L1,
    K_COUNT
};

struct fop {
    const void *h;     /* handler (computed goto) */
    uint32_t imm;      /* immediate: sign/zero-extended, or a branch target */
    uint32_t pc;
    uint32_t insn;     /* the word as fetched (microMIPS: its halfwords), for BadInstrP */
    uint8_t rs, rt, rd, sa;
    uint16_t pre;      /* static cycles of the block before this instruction */
    uint16_t post;     /* ... after its issue and stall (cycles while it executes) */
    uint8_t ld;        /* GPR this instruction loads (0: none): the next one's load-use */
    uint8_t ds;        /* it sits in a delay slot */
};

struct block {
    uint32_t pc;
    uint32_t fall_pc;      /* the fall-through successor's PC */
    /* last successors (fall-through / taken), linked when this block's
     * end found them, valid until the read map changes (unlink_all) */
    struct block *succ[2];
    /* cycles charged on following succ[i]: this block's static cycles and
     * the successor's first load-use stall behind its last instruction */
    uint32_t cost[2];
    uint32_t bound;        /* cycles after entry before the last instruction starts, worst case */
    uint32_t target;       /* a fused branch's target (direct) */
    const uint8_t *host;   /* host address of the first instruction */
    struct block *next_in_page;
    uint32_t reads0;       /* GPRs the first instruction reads (its load-use stall) */
    uint32_t off;          /* bytes [off, off+len) of the area */
    uint16_t len;
    uint16_t n;            /* instructions */
    uint8_t nwait;         /* instructions with a dynamic cost (HI/LO waits, FPU) */
    uint8_t area;
    uint8_t linked;        /* on the list of blocks with links */
    struct fop ops[];      /* n operations and the block's end */
};

struct area {
    uint8_t *mem;
    uint32_t size;
    uint16_t *chunks;        /* per 4 KB page: bit per 256-byte chunk holding code */
    struct block **pages;    /* per 4 KB page: its blocks */
};

struct fast {
    const void *const *labels;
    struct block **hash;
    /* blocks, each with its operations behind it, one after the other */
    uint8_t *pool;
    size_t used;
    unsigned nblocks;
    /* blocks holding links, and the read map's epoch they were made in */
    struct block **linked;
    unsigned nlinked;
    uint32_t link_epoch;
    unsigned gen;            /* flushes so far */
    unsigned kills;          /* blocks dropped so far */
    uint64_t decoded;        /* blocks decoded in all */
    uint64_t mm_decoded;     /* ... of microMIPS code */
    /* code_page_store's last page: its host address (NULL: none) and the
     * chunk bits of the page */
    const uint8_t *cs_host;
    const uint16_t *cs_chunks;
    uint64_t insns;          /* instructions retired in blocks */
    struct area area[MAX_AREAS];
    unsigned nareas;
};

/* The successor of nothing yet: matches no PC (bit 1 set, bit 0 clear: no
 * MIPS32 and no microMIPS PC), links to itself. */
static struct block no_block = {.pc = 2, .succ = {&no_block, &no_block}};

static void mem_written_hook(void *ctx, const uint8_t *p, size_t len)
{
    fast_mem_written(ctx, p, len);
}

void fast_init(struct cpu *c)
{
    struct fast *f = calloc(1, sizeof *f);
    if (f) {
        f->hash = calloc(NHASH, sizeof *f->hash);
        f->pool = malloc(POOL);
        f->linked = calloc(NBLOCKS, sizeof *f->linked);
    }
    if (!f || !f->hash || !f->pool || !f->linked) {
        fprintf(stderr, "vpsim: out of host memory\n");
        exit(2);
    }
    c->fast = f;
    c->bus->mem_written = mem_written_hook;
    c->bus->mem_written_ctx = c;
}

void fast_free(struct cpu *c)
{
    struct fast *f = c->fast;
    if (!f)
        return;
    for (unsigned i = 0; i < f->nareas; i++) {
        free(f->area[i].chunks);
        free(f->area[i].pages);
    }
    free(f->hash);
    free(f->pool);
    free(f->linked);
    free(f);
    c->fast = NULL;
}

/* Drops every block (the pool is full). Write maps stay as they are: a
 * page kept out of them is only slower, never wrong. */
static void flush_all(struct fast *f)
{
    memset(f->hash, 0, NHASH * sizeof *f->hash);
    for (unsigned i = 0; i < f->nareas; i++) {
        memset(f->area[i].chunks, 0, (f->area[i].size >> 12) * sizeof(uint16_t));
        memset(f->area[i].pages, 0, (f->area[i].size >> 12) * sizeof(struct block *));
    }
    f->nblocks = 0;
    f->used = 0;
    f->nlinked = 0;
    f->gen++;
}

/* The read map changed (a TLB write, ASID or mode change: c->map_epoch):
 * a PC may now reach other code, so every link is dropped; blocks are
 * found again by PC and host address and linked anew. Only blocks linked
 * since the last change are visited. */
static void unlink_all(struct fast *f)
{
    for (unsigned i = 0; i < f->nlinked; i++) {
        struct block *b = f->linked[i];
        b->succ[0] = b->succ[1] = &no_block;
        b->linked = 0;
    }
    f->nlinked = 0;
}

/* Links b's end to its successor nb (slot 0: the fall-through PC, 1: any
 * other) and charges cost cycles on following it. */
static __attribute__((noinline)) void link_block(struct fast *f, struct block *b, unsigned slot, struct block *nb, uint32_t cost)
{
    if (!b->linked) {
        b->linked = 1;
        f->linked[f->nlinked++] = b;
    }
    b->succ[slot] = nb;
    b->cost[slot] = cost;
}

static int area_of(const struct fast *f, const uint8_t *p)
{
    for (unsigned i = 0; i < f->nareas; i++)
        if ((size_t)(p - f->area[i].mem) < f->area[i].size)
            return (int)i;
    return -1;
}

/* The area of host pointer p, created from the bus region holding it. */
static int area_get(struct cpu *c, const uint8_t *p)
{
    struct fast *f = c->fast;
    int a = area_of(f, p);
    if (a >= 0 || f->nareas >= MAX_AREAS)
        return a;
    for (unsigned i = 0; i < c->bus->nregions; i++) {
        const struct bus_region *r = &c->bus->region[i];
        if (r->mem && (size_t)(p - r->mem) < r->size) {
            struct area *ar = &f->area[f->nareas];
            ar->mem = r->mem;
            ar->size = r->size;
            ar->chunks = calloc(r->size >> 12, sizeof *ar->chunks);
            ar->pages = calloc(r->size >> 12, sizeof *ar->pages);
            if (!ar->chunks || !ar->pages) {
                fprintf(stderr, "vpsim: out of host memory\n");
                exit(2);
            }
            return (int)f->nareas++;
        }
    }
    return -1;
}

bool fast_code_page(const struct cpu *c, const uint8_t *p)
{
    const struct fast *f = c->fast;
    if (!f)
        return false;
    int a = area_of(f, p);
    return a >= 0 && f->area[a].chunks[(size_t)(p - f->area[a].mem) >> 12];
}

/* A page becomes a code page: keep it out of every write map. The kernel
 * map holds it at kseg0 and kseg1 of each physical alias, and wherever a
 * TLB mapping put it; the guest map wherever a two-stage translation put
 * it (both tracked). */
static void set_aside(uint8_t **w, uint8_t **wc, uint32_t pg)
{
    if (w[pg]) {
        wc[pg] = w[pg];
        w[pg] = NULL;
    }
}

static void protect_page(struct cpu *c, const uint8_t *page)
{
    for (unsigned i = 0; i < c->bus->nregions; i++) {
        const struct bus_region *r = &c->bus->region[i];
        if (!r->mem || (size_t)(page - r->mem) >= r->size || r->base >= 0x20000000u)
            continue;
        uint32_t pa = r->base + (uint32_t)(page - r->mem);
        for (uint32_t seg = 0x80000000u; seg <= 0xA0000000u; seg += 0x20000000u)
            set_aside(c->kmap_w, c->kmap_wc, (seg + pa) >> 12);
    }
    for (unsigned i = 0; i < c->gmap_n; i++)
        if (c->gmap_w[c->gmap_pages[i]] == page)
            set_aside(c->gmap_w, c->gmap_wc, c->gmap_pages[i]);
    for (unsigned i = 0; i < c->kmap_n; i++) /* TLB-mapped pages of the kernel map */
        if (c->kmap_w[c->kmap_pages[i]] == page)
            set_aside(c->kmap_w, c->kmap_wc, c->kmap_pages[i]);
    for (unsigned k = 0; k < 2; k++) /* the user maps */
        for (unsigned i = 0; i < c->umap[k].n; i++)
            if (c->umap[k].w[c->umap[k].pages[i]] == page)
                set_aside(c->umap[k].w, c->umap[k].wc, c->umap[k].pages[i]);
}

static void kill_block(struct fast *f, struct block *b)
{
    f->kills++;
    struct block **h = &f->hash[HASH(b->pc)];
    if (*h == b)
        *h = NULL;
    b->pc = 2; /* matches no lookup or successor check (no_block) */
    b->host = NULL;
}

void fast_mem_written(struct cpu *c, const uint8_t *p, size_t len)
{
    struct fast *f = c->fast;
    if (!f || !len)
        return;
    int a = area_of(f, p);
    if (a < 0)
        return;
    struct area *ar = &f->area[a];
    uint32_t off = (uint32_t)(p - ar->mem);
    uint32_t end = len > ar->size - off ? ar->size : off + (uint32_t)len;
    for (uint32_t pg = off >> 12; pg <= (end - 1) >> 12; pg++) {
        uint32_t lo = pg << 12 > off ? pg << 12 : off, hi = end < (pg + 1) << 12 ? end : (pg + 1) << 12;
        uint16_t want = 0;
        for (uint32_t ch = (lo & 0xFFF) / CHUNK; ch <= ((hi - 1) & 0xFFF) / CHUNK; ch++)
            want |= (uint16_t)(1u << ch);
        if (!(ar->chunks[pg] & want))
            continue;
        for (struct block **pb = &ar->pages[pg]; *pb;) {
            struct block *b = *pb;
            if (b->off < hi && lo < b->off + b->len) {
                kill_block(f, b);
                *pb = b->next_in_page;
            } else {
                pb = &b->next_in_page;
            }
        }
    }
}

/* ---- decoding ------------------------------------------------------------ */

#define F_RS(i) (((i) >> 21) & 31)
#define F_RT(i) (((i) >> 16) & 31)
#define F_RD(i) (((i) >> 11) & 31)
#define F_SA(i) (((i) >> 6) & 31)

/* branches and jumps, compact ones included (they end a block) */
static bool is_branch(unsigned k) { return k >= K_BEQ && k <= K_MM_JRADDIUSP; }
static bool is_load(unsigned k) { return k >= K_LB && k <= K_LW; }

/* The fast kind of an instruction, K_TERM_EXACT when the exact loop must
 * run it. Mirrors the decoder of cpu.c for the subset (the same encodings
 * are accepted; anything it rejects goes to it). Writes to $0 of pure
 * register operations become K_NOP. */
static unsigned classify(uint32_t insn)
{
    unsigned rs = F_RS(insn), rt = F_RT(insn), rd = F_RD(insn), sa = F_SA(insn);
    unsigned k;
    switch (insn >> 26) {
    case 0x00:
        switch (insn & 63) {
        case 0x00: k = K_SLL; break;
        case 0x02: k = rs == 1 ? K_ROTR : rs == 0 ? K_SRL : K_TERM_EXACT; break;
        case 0x03: k = K_SRA; break;
        case 0x04: k = K_SLLV; break;
        case 0x06: k = sa == 1 ? K_ROTRV : sa == 0 ? K_SRLV : K_TERM_EXACT; break;
        case 0x07: k = K_SRAV; break;
        case 0x08: return K_JR;
        case 0x09: return K_JALR;
        case 0x0A: k = K_MOVZ; break;
        case 0x0B: k = K_MOVN; break;
        case 0x10: k = K_MFHI; break;
        case 0x11: return K_MTHI;
        case 0x12: k = K_MFLO; break;
        case 0x13: return K_MTLO;
        case 0x18: return K_MULT;
        case 0x19: return K_MULTU;
        case 0x1A: return K_DIV;
        case 0x1B: return K_DIVU;
        case 0x20: return K_ADD; /* overflow check even with rd = 0 */
        case 0x21: k = K_ADDU; break;
        case 0x22: return K_SUB;
        case 0x23: k = K_SUBU; break;
        case 0x24: k = K_AND; break;
        case 0x25: k = K_OR; break;
        case 0x26: k = K_XOR; break;
        case 0x27: k = K_NOR; break;
        case 0x2A: k = K_SLT; break;
        case 0x2B: k = K_SLTU; break;
        case 0x30: return K_TGE;
        case 0x31: return K_TGEU;
        case 0x32: return K_TLT;
        case 0x33: return K_TLTU;
        case 0x34: return K_TEQ;
        case 0x36: return K_TNE;
        default: return K_TERM_EXACT;
        }
        if (k == K_TERM_EXACT)
            return k;
        if (k == K_MFHI || k == K_MFLO)
            return k; /* its wait is a cost even with rd = 0 */
        return rd ? k : K_NOP;
    case 0x01:
        switch (rt) {
        case 0x00: return K_BLTZ;
        case 0x01: return K_BGEZ;
        case 0x02: return K_BLTZL;
        case 0x03: return K_BGEZL;
        case 0x10: return K_BLTZAL;
        case 0x11: return K_BGEZAL;
        case 0x12: return K_BLTZALL;
        case 0x13: return K_BGEZALL;
        case 0x08: return K_TGEI;
        case 0x09: return K_TGEIU;
        case 0x0A: return K_TLTI;
        case 0x0B: return K_TLTIU;
        case 0x0C: return K_TEQI;
        case 0x0E: return K_TNEI;
        case 0x1F: return K_NOP; /* SYNCI: caches are not modelled */
        default: return K_TERM_EXACT;
        }
    case 0x02: return K_J;
    case 0x03: return K_JAL;
    case 0x04: return K_BEQ;
    case 0x05: return K_BNE;
    case 0x06: return rt ? K_TERM_EXACT : K_BLEZ;
    case 0x07: return rt ? K_TERM_EXACT : K_BGTZ;
    case 0x08: return K_ADDI;
    case 0x09: k = K_ADDIU; break;
    case 0x0A: k = K_SLTI; break;
    case 0x0B: k = K_SLTIU; break;
    case 0x0C: k = K_ANDI; break;
    case 0x0D: k = K_ORI; break;
    case 0x0E: k = K_XORI; break;
    case 0x0F: if (rs) return K_TERM_EXACT; k = K_LUI; break;
    case 0x14: return K_BEQL;
    case 0x15: return K_BNEL;
    case 0x16: return rt ? K_TERM_EXACT : K_BLEZL;
    case 0x17: return rt ? K_TERM_EXACT : K_BGTZL;
    case 0x1C:
        switch (insn & 63) {
        case 0x00: return rd ? K_TERM_EXACT : K_MADD;
        case 0x01: return rd ? K_TERM_EXACT : K_MADDU;
        case 0x04: return rd ? K_TERM_EXACT : K_MSUB;
        case 0x05: return rd ? K_TERM_EXACT : K_MSUBU;
        case 0x02: return rd ? K_MUL : K_NOP;
        case 0x20: return rd ? K_CLZ : K_NOP;
        case 0x21: return rd ? K_CLO : K_NOP;
        default: return K_TERM_EXACT;
        }
    case 0x1F:
        switch (insn & 63) {
        case 0x00: return rt ? K_EXT : K_NOP;
        case 0x04: return rt ? K_INS : K_NOP;
        case 0x20:
            switch (sa) {
            case 0x02: return rd ? K_WSBH : K_NOP;
            case 0x10: return rd ? K_SEB : K_NOP;
            case 0x18: return rd ? K_SEH : K_NOP;
            default: return K_TERM_EXACT;
            }
        default: return K_TERM_EXACT;
        }
    case 0x20: return K_LB;
    case 0x21: return K_LH;
    case 0x23: return K_LW;
    case 0x24: return K_LBU;
    case 0x25: return K_LHU;
    case 0x28: return K_SB;
    case 0x29: return K_SH;
    case 0x2B: return K_SW;
    case 0x33: return K_NOP; /* PREF */
    case 0x31: return K_LWC1;
    case 0x39: return K_SWC1;
    case 0x35: return K_LDC1;
    case 0x3D: return K_SDC1;
    case 0x11: return rs == 8 ? K_TERM_EXACT : K_FPU; /* BC1T/BC1F branch: exact */
    case 0x13: return K_FPU;
    default: return K_TERM_EXACT;
    }
    return rt ? k : K_NOP;
}

/* The load-use stall of insn after a load into ld (cpu.c's rule: its rs
 * field, or its rt field where the opcode reads rt). */
static unsigned stall_after(unsigned ld, uint32_t insn)
{
    if (!ld)
        return 0;
    return F_RS(insn) == ld || (F_RT(insn) == ld && cpu_rt_src[insn >> 26]) ? T_LOAD_USE : 0;
}

/* The fast kind of the microMIPS instruction d at PC p (odd), with its
 * operands in o (rs/rt/rd/sa, imm); K_TERM_EXACT when the exact loop must
 * run it (MD00582: LWM/SWM, LWP/SWP, LWXS, BC1F/BC1T and whatever the
 * MIPS32 subset leaves out). A branch's operands follow the MIPS32 handler
 * it reuses: the target in imm, the link (if any) is the block's
 * fall-through PC, checked by the caller. *compact: no delay slot. */
static unsigned mm_classify(const struct mm_insn *d, uint32_t p, struct fop *o, bool *compact)
{
    uint32_t next = p + d->size; /* odd: the ISA bit of targets and links */
    *compact = false;
    if (d->link && d->link != 31 && d->kind != MM_JR && d->kind != MM_MOVEP)
        return K_TERM_EXACT; /* (their handlers link ra; JALR links any GPR) */
    switch (d->kind) {
    case MM_MIPS32: {
        unsigned k = classify(d->mips);
        return is_branch(k) ? K_TERM_EXACT : k; /* (mm_decode makes none) */
    }
    case MM_BEQ: case MM_BNE: case MM_BEQZC: case MM_BNEZC:
        o->rs = d->a;
        o->rt = d->b;
        o->imm = next + (uint32_t)d->imm;
        *compact = d->kind == MM_BEQZC || d->kind == MM_BNEZC;
        return d->kind == MM_BEQ || d->kind == MM_BEQZC ? K_BEQ : K_BNE;
    case MM_BLTZ: case MM_BGEZ: case MM_BLEZ: case MM_BGTZ:
        o->rs = d->a;
        o->imm = next + (uint32_t)d->imm;
        switch (d->kind) {
        case MM_BLTZ: return d->link ? K_BLTZAL : K_BLTZ;
        case MM_BGEZ: return d->link ? K_BGEZAL : K_BGEZ;
        case MM_BLEZ: return K_BLEZ;
        default: return K_BGTZ;
        }
    case MM_J:
        o->imm = (next & 0xF8000000u) | (uint32_t)d->imm | 1u;
        return d->link ? K_JAL : K_J;
    case MM_JALX: /* to MIPS32 */
        o->imm = (next & 0xF0000000u) | (uint32_t)d->imm;
        return d->link ? K_JAL : K_J;
    case MM_JR:
        o->rs = d->a;
        o->rd = d->link;
        *compact = !d->slot;
        return d->link ? K_JALR : K_JR;
    case MM_JRADDIUSP:
        o->imm = (uint32_t)d->imm;
        *compact = true;
        return K_MM_JRADDIUSP;
    case MM_MOVEP: /* rd, sa <- rs, rt */
        o->rs = d->c;
        o->rt = d->link;
        o->rd = d->a;
        o->sa = d->b;
        return K_MM_MOVEP;
    case MM_ADDIUPC: /* a constant: LUI's handler */
        o->rt = d->a;
        o->imm = ((p - 1) & ~3u) + (uint32_t)d->imm;
        return K_LUI;
    default:
        return K_TERM_EXACT;
    }
}

/* The register fields and immediate of a MIPS32 word (or microMIPS
 * equivalent) into o. */
static void set_fields(struct fop *o, uint32_t insn)
{
    o->rs = (uint8_t)F_RS(insn);
    o->rt = (uint8_t)F_RT(insn);
    o->rd = (uint8_t)F_RD(insn);
    o->sa = (uint8_t)F_SA(insn);
    switch (insn >> 26) {
    case 0x0C: case 0x0D: case 0x0E: o->imm = insn & 0xFFFFu; break;
    case 0x0F: o->imm = (insn & 0xFFFFu) << 16; break;
    default: o->imm = (uint32_t)(int32_t)(int16_t)insn; break;
    }
}

/* Decodes the block at pc (host address h of its first instruction). A
 * microMIPS block (odd pc, MD00582 sec. 2.1) is decoded through
 * mm_decode: ops keep the MIPS32-equivalent word's fields (the cycle model
 * of cpu.c uses them too) and the raw halfwords as their word (BadInstrP).
 */
static __attribute__((noinline)) struct block *decode(struct cpu *c, uint32_t pc, const uint8_t *h)
{
    struct fast *f = c->fast;
    int a = area_get(c, h);
    if (a < 0)
        return NULL;
    if (f->nblocks >= NBLOCKS || f->used + sizeof(struct block) + (MAX_OPS + 1) * sizeof(struct fop) > POOL)
        flush_all(f);
    struct area *ar = &f->area[a];
    struct block *b = (struct block *)(f->pool + f->used);
    f->nblocks++;
    f->decoded++;
    struct fop *ops = b->ops;
    memset(b, 0, sizeof *b);
    b->succ[0] = b->succ[1] = &no_block;
    b->pc = pc;
    b->host = h;
    b->area = (uint8_t)a;
    b->off = (uint32_t)(h - ar->mem);

    const bool mm = pc & 1;
    f->mm_decoded += mm;
    const uint32_t pc0 = pc & ~1u; /* the address of the first instruction */
    unsigned n = 0, prev_ld = 0, cyc = 0, term = K_TERM_FALL;
    bool in_slot = false;
    uint32_t p = pc, link = 0; /* link: the link value the branch before the slot writes */
    for (;;) {
        uint32_t addr = p & ~1u, insn, raw, size = 4;
        const uint8_t *hp = h + (addr - pc0);
        struct fop *o = &ops[n];
        memset(o, 0, sizeof *o);
        unsigned k;
        bool compact = false;
        if (mm) {
            uint32_t hw1 = ld16(hp);
            size = mm_size(hw1);
        }
        if ((addr & 0xFFF) + size > 0x1000 || (n && !(addr & 0xFFF))) {
            /* on the next page, which may map elsewhere: a slot there
             * needs the exact loop, and so does its branch */
            if (in_slot) {
                n--;
                p = ops[n].pc;
                cyc = ops[n].pre;
            }
            term = in_slot || !n ? K_TERM_EXACT : K_TERM_FALL;
            break;
        }
        if (mm) {
            struct mm_insn d;
            raw = size == 2 ? ld16(hp) : (uint32_t)ld16(hp) << 16 | ld16(hp + 2);
            mm_decode(raw, size, &d);
            insn = d.mips;
            set_fields(o, insn);
            k = mm_classify(&d, p, o, &compact); /* (its own fields, imm) */
            if (in_slot && link && p + size != link)
                k = K_TERM_EXACT; /* a slot of another size than the link assumes */
            if (is_branch(k))
                link = d.link ? p + size + d.slot : 0;
        } else {
            raw = insn = ld32(hp);
            k = classify(insn);
            set_fields(o, insn);
            if (is_branch(k) && k != K_JR && k != K_JALR)
                o->imm = k == K_J || k == K_JAL ? (p & 0xF0000000u) | (insn & 0x03FFFFFFu) << 2
                                               : p + 4 + (o->imm << 2);
        }
        if (in_slot && (k == K_TERM_EXACT || is_branch(k))) {
            /* the slot needs the exact loop: so does its branch */
            n--;
            p = ops[n].pc;
            cyc = ops[n].pre; /* the branch is not in the block after all */
            term = K_TERM_EXACT;
            break;
        }
        if (k == K_TERM_EXACT) {
            term = K_TERM_EXACT;
            break;
        }
        if (!mm && is_branch(k) && (p & 0xFFF) == 0xFFC) {
            term = K_TERM_EXACT; /* its delay slot is on the next page */
            break;
        }
        if ((k == K_MFHI || k == K_MFLO || k == K_FPU) && b->nwait >= MAX_WAITS) {
            /* the block's worst case stays below MAX_BOUND: it ends
             * before this instruction (or before its branch) */
            if (in_slot) {
                n--;
                p = ops[n].pc;
                cyc = ops[n].pre;
            }
            term = K_TERM_FALL;
            break;
        }
        if (!n)
            b->reads0 = ((1u << F_RS(insn)) | (cpu_rt_src[insn >> 26] ? 1u << F_RT(insn) : 0)) & ~1u;
        unsigned stall = n ? stall_after(prev_ld, insn) : 0;
        o->insn = raw;
        o->pc = p;
        o->ds = in_slot;
        o->pre = (uint16_t)cyc;
        cyc += T_BASE + stall;
        o->post = (uint16_t)cyc;
        o->ld = is_load(k) ? o->rt : 0;
        prev_ld = o->ld;
        if (k == K_FPU)
            o->imm = insn; /* the word fpu.c executes */
        if (k >= K_MADD && k <= K_MSUBU)
            o->imm = insn & 63; /* which of the four */
        if (k == K_MFHI || k == K_MFLO || k == K_FPU)
            b->nwait++;
        if (k == K_FPU && (insn >> 26) == 0x11 && ((insn >> 21) & 31) == 17 && (insn & 63) <= 2) {
            k = K_FPQ; /* ADD.D, SUB.D, MUL.D: fs, ft, fd in rd, rt, sa */
            o->rs = (uint8_t)(insn & 63);
        }
        o->h = (const void *)(uintptr_t)k; /* linked to the handler below */
        n++;
        p += size;
        if (in_slot || compact) {
            term = K_TERM_JUMP;
            break;
        }
        if (is_branch(k)) {
            in_slot = true;
            continue;
        }
        if (n >= MAX_OPS) {
            term = K_TERM_FALL;
            break;
        }
    }
    memset(&ops[n], 0, sizeof ops[n]); /* (the pool is reused: no stale fields) */
    ops[n].h = (const void *)(uintptr_t)term;
    ops[n].pc = p;
    ops[n].pre = ops[n].post = (uint16_t)cyc;
    b->fall_pc = p; /* after the delay slot, or the next instruction */
    ops[n].imm = n; /* for the block's end: its count, last load and word */
    ops[n].ld = n ? ops[n - 1].ld : 0;
    ops[n].insn = n ? ops[n - 1].insn : 0;
    /* A conditional branch (BEQ, BNE, BLEZ, BGTZ, BLTZ, BGEZ), J or JR
     * whose delay slot is a register operation that cannot fault and
     * writes no register the branch reads: the slot runs first, then the
     * branch and the block's end as one op (a dispatch less per block; the
     * order is invisible, nothing can stop between them). ops[n] stays
     * the end (its count, cycles, load and word) */
    const unsigned last_pre = n ? ops[n - 1].pre : 0;
    if (term == K_TERM_JUMP && n >= 2 && ops[n - 1].ds) {
        struct fop *br = &ops[n - 2], *sl = &ops[n - 1];
        unsigned bk = (unsigned)(uintptr_t)br->h, sk = (unsigned)(uintptr_t)sl->h;
        unsigned dest = (sk >= K_ADDIU && sk <= K_LUI) || sk == K_EXT || sk == K_INS ? sl->rt : sl->rd;
        bool pure = sk == K_NOP || (sk >= K_SLL && sk <= K_INS && sk != K_ADD && sk != K_SUB) ||
                    (sk >= K_ADDIU && sk <= K_LUI);
        unsigned fk = 0;
        switch (bk) {
        case K_BEQ: fk = K_FBEQ; break;
        case K_BNE: fk = K_FBNE; break;
        case K_BLEZ: fk = K_FBLEZ; break;
        case K_BGTZ: fk = K_FBGTZ; break;
        case K_BLTZ: fk = K_FBLTZ; break;
        case K_BGEZ: fk = K_FBGEZ; break;
        case K_J: fk = K_FJ; break;
        case K_JR: fk = K_FJR; break;
        }
        bool reads_rs = bk != K_J, reads_rt = bk == K_BEQ || bk == K_BNE;
        /* (an FPU call-out that drops code goes on at the next op's PC,
         * leave_after: not behind a moved slot) */
        unsigned pk = n >= 3 ? (unsigned)(uintptr_t)ops[n - 3].h : K_NOP;
        if (fk && pure && pk != K_FPU && pk != K_FPQ && (sk == K_NOP || dest == 0 ||
                           ((!reads_rs || dest != br->rs) && (!reads_rt || dest != br->rt)))) {
            struct fop fb = ops[n];
            fb.h = (const void *)(uintptr_t)fk;
            fb.rs = br->rs;
            fb.rt = br->rt;
            b->target = br->imm;
            *br = *sl;
            br->ds = 0;
            ops[n - 1] = fb;
        }
    }
    /* Operands from the last result: run_blocks keeps the value the last
     * producer (below) wrote in a host register, lv, as well as in its
     * GPR; an op reading that GPR next (no other write to it between)
     * takes lv, so that a chain of dependent instructions does not wait
     * for the host's store-to-load forwarding through c->r. Tracked in
     * the order the ops run (after the fusion above); nothing at entry. */
    for (unsigned i = 0, lvreg = 0; i < n; i++) {
        struct fop *o = &ops[i];
        unsigned k = (unsigned)(uintptr_t)o->h, v = k;
        bool r1 = lvreg && o->rs == lvreg, r2 = lvreg && o->rt == lvreg;
        switch (k) {
#define V12(K) case K: v = r1 ? K##_L1 : r2 ? K##_L2 : k; break
#define V1(K) case K: v = r1 ? K##_L1 : k; break
#define V2(K) case K: v = r2 ? K##_L2 : k; break
        V12(K_ADDU); V12(K_SUBU); V12(K_AND); V12(K_OR); V12(K_XOR); V12(K_NOR);
        V12(K_SLT); V12(K_SLTU); V12(K_MUL); V2(K_SLL); V2(K_SRL); V2(K_SRA);
        V1(K_ADDIU); V1(K_SLTI); V1(K_SLTIU); V1(K_ANDI); V1(K_ORI); V1(K_XORI);
        V1(K_LB); V1(K_LBU); V1(K_LH); V1(K_LHU); V1(K_LW);
        V12(K_SB); V12(K_SH); V12(K_SW); V12(K_BEQ); V12(K_BNE);
        V1(K_BLEZ); V1(K_BGTZ); V1(K_BLTZ); V1(K_BGEZ);
        V12(K_FBEQ); V12(K_FBNE); V1(K_FBLEZ); V1(K_FBGTZ); V1(K_FBLTZ); V1(K_FBGEZ); V1(K_FJR);
#undef V12
#undef V1
#undef V2
        }
        o->h = (const void *)(uintptr_t)v;
        switch (k) {
        /* producers: they set lv to what they write */
        case K_ADDU: case K_SUBU: case K_AND: case K_OR: case K_XOR: case K_NOR:
        case K_SLT: case K_SLTU: case K_MUL: case K_SLL: case K_SRL: case K_SRA:
            lvreg = o->rd;
            break;
        case K_ADDIU: case K_SLTI: case K_SLTIU: case K_ANDI: case K_ORI: case K_XORI:
        case K_LUI: case K_LB: case K_LBU: case K_LH: case K_LHU: case K_LW:
            lvreg = o->rt; /* (a load into $0: 0, none) */
            break;
        /* writing no GPR */
        case K_NOP: case K_SB: case K_SH: case K_SW: case K_MTHI: case K_MTLO:
        case K_MULT: case K_MULTU: case K_DIV: case K_DIVU:
        case K_MADD: case K_MADDU: case K_MSUB: case K_MSUBU:
        case K_BEQ: case K_BNE: case K_BLEZ: case K_BGTZ: case K_BLTZ: case K_BGEZ:
        case K_BEQL: case K_BNEL: case K_BLEZL: case K_BGTZL: case K_BLTZL: case K_BGEZL:
        case K_J: case K_JR: case K_TGE: case K_TGEU: case K_TLT: case K_TLTU: case K_TEQ:
        case K_TNE: case K_TGEI: case K_TGEIU: case K_TLTI: case K_TLTIU: case K_TEQI:
        case K_TNEI: case K_LWC1: case K_SWC1: case K_LDC1: case K_SDC1: case K_FPQ:
        case K_FBEQ: case K_FBNE: case K_FBLEZ: case K_FBGTZ: case K_FBLTZ: case K_FBGEZ:
        case K_FJ: case K_FJR:
            break;
        default: /* any other may write a GPR without lv */
            lvreg = 0;
            break;
        }
    }
    for (unsigned i = 0; i <= n; i++)
        ops[i].h = f->labels[(uintptr_t)ops[i].h];
    b->n = (uint16_t)n;
    b->len = p != pc ? p - pc : 4;
    /* worst case from entry (the first instruction's load-use stall
     * charged) before the last instruction starts: its static cycles, the
     * dynamic costs: a HI/LO
     * wait is at most a divide's latency (HI/LO are ready at most that long
     * after the MULT/DIV issued, before or in the block), an FPU
     * instruction's latency or slow-path access less */
    b->bound = last_pre + b->nwait * T_DIV_MAX;
    f->used += sizeof(struct block) + (n + 1) * sizeof(struct fop);

    uint32_t page = b->off >> 12;
    uint32_t last = b->off + b->len - 1; /* (the same page) */
    uint16_t bits = 0;
    for (uint32_t ch = (b->off & 0xFFF) / CHUNK; ch <= (last & 0xFFF) / CHUNK; ch++)
        bits |= (uint16_t)(1u << ch);
    if (!ar->chunks[page])
        protect_page(c, ar->mem + ((size_t)page << 12));
    ar->chunks[page] |= bits;
    b->next_in_page = ar->pages[page];
    ar->pages[page] = b;
    f->hash[HASH(pc)] = b;
    return b;
}

/* ---- the loop ------------------------------------------------------------ */

/* A store to a page set aside from the write map because it holds code
 * (fast_wc: the store is allowed there): done here when the chunk it hits
 * holds none (the host byte address), else NULL (the exact loop stores and
 * drops the code). */
static inline __attribute__((always_inline)) uint8_t *code_page_store(struct cpu *c, uint32_t va)
{
    uint8_t *pg = c->fast_wc[va >> 12];
    struct fast *f = c->fast;
    if (!pg)
        return NULL;
    if (pg != f->cs_host) {
        int a = area_of(f, pg);
        if (a < 0)
            return NULL;
        f->cs_host = pg;
        f->cs_chunks = &f->area[a].chunks[(size_t)(pg - f->area[a].mem) >> 12];
    }
    if (*f->cs_chunks & (1u << ((va & 0xFFF) / CHUNK)))
        return NULL;
    return pg + (va & 0xFFF);
}

static void run_blocks(struct cpu *c)
{
    static const void *const labels[K_COUNT] = {
        [K_TERM_JUMP] = &&term_jump, [K_TERM_FALL] = &&term_fall, [K_TERM_EXACT] = &&bail,
        [K_NOP] = &&nop,
        [K_FBEQ] = &&fbeq, [K_FBNE] = &&fbne, [K_FBLEZ] = &&fblez, [K_FBGTZ] = &&fbgtz,
        [K_FBLTZ] = &&fbltz, [K_FBGEZ] = &&fbgez, [K_FJ] = &&fj, [K_FJR] = &&fjr,
        [K_SLL] = &&sll, [K_SRL] = &&srl, [K_SRA] = &&sra, [K_SLLV] = &&sllv, [K_SRLV] = &&srlv,
        [K_SRAV] = &&srav, [K_ROTR] = &&rotr, [K_ROTRV] = &&rotrv,
        [K_MOVZ] = &&movz, [K_MOVN] = &&movn, [K_ADD] = &&add, [K_ADDU] = &&addu, [K_SUB] = &&sub,
        [K_SUBU] = &&subu, [K_AND] = &&and, [K_OR] = &&or, [K_XOR] = &&xor, [K_NOR] = &&nor,
        [K_SLT] = &&slt, [K_SLTU] = &&sltu,
        [K_MUL] = &&mul, [K_CLZ] = &&clz, [K_CLO] = &&clo, [K_SEB] = &&seb, [K_SEH] = &&seh,
        [K_WSBH] = &&wsbh, [K_EXT] = &&ext, [K_INS] = &&ins,
        [K_ADDI] = &&addi, [K_ADDIU] = &&addiu, [K_SLTI] = &&slti, [K_SLTIU] = &&sltiu,
        [K_ANDI] = &&andi, [K_ORI] = &&ori, [K_XORI] = &&xori, [K_LUI] = &&lui,
        [K_MFHI] = &&mfhi, [K_MFLO] = &&mflo, [K_MTHI] = &&mthi, [K_MTLO] = &&mtlo,
        [K_MULT] = &&mult, [K_MULTU] = &&multu, [K_DIV] = &&div, [K_DIVU] = &&divu,
        [K_MADD] = &&madd, [K_MADDU] = &&madd, [K_MSUB] = &&madd, [K_MSUBU] = &&madd,
        [K_LB] = &&lb, [K_LBU] = &&lbu, [K_LH] = &&lh, [K_LHU] = &&lhu, [K_LW] = &&lw,
        [K_SB] = &&sb, [K_SH] = &&sh, [K_SW] = &&sw,
        [K_BEQ] = &&beq, [K_BNE] = &&bne, [K_BLEZ] = &&blez, [K_BGTZ] = &&bgtz,
        [K_BLTZ] = &&bltz, [K_BGEZ] = &&bgez, [K_BLTZAL] = &&bltzal, [K_BGEZAL] = &&bgezal,
        [K_BEQL] = &&beql, [K_BNEL] = &&bnel, [K_BLEZL] = &&blezl, [K_BGTZL] = &&bgtzl,
        [K_BLTZL] = &&bltzl, [K_BGEZL] = &&bgezl, [K_BLTZALL] = &&bltzall,
        [K_BGEZALL] = &&bgezall,
        [K_J] = &&j, [K_JAL] = &&jal, [K_JR] = &&jr, [K_JALR] = &&jalr,
        [K_MM_JRADDIUSP] = &&mm_jraddiusp, [K_MM_MOVEP] = &&mm_movep,
        [K_TGE] = &&tge, [K_TGEU] = &&tgeu, [K_TLT] = &&tlt, [K_TLTU] = &&tltu,
        [K_TEQ] = &&teq, [K_TNE] = &&tne, [K_TGEI] = &&tgei, [K_TGEIU] = &&tgeiu,
        [K_TLTI] = &&tlti, [K_TLTIU] = &&tltiu, [K_TEQI] = &&teqi, [K_TNEI] = &&tnei,
        [K_LWC1] = &&lwc1, [K_SWC1] = &&swc1, [K_LDC1] = &&ldc1, [K_SDC1] = &&sdc1,
        [K_FPU] = &&fpu, [K_FPQ] = &&fpq,
        [K_ADDU_L1] = &&addu_l1, [K_ADDU_L2] = &&addu_l2, [K_SUBU_L1] = &&subu_l1,
        [K_SUBU_L2] = &&subu_l2, [K_AND_L1] = &&and_l1, [K_AND_L2] = &&and_l2,
        [K_OR_L1] = &&or_l1, [K_OR_L2] = &&or_l2, [K_XOR_L1] = &&xor_l1, [K_XOR_L2] = &&xor_l2,
        [K_NOR_L1] = &&nor_l1, [K_NOR_L2] = &&nor_l2, [K_SLT_L1] = &&slt_l1, [K_SLT_L2] = &&slt_l2,
        [K_SLTU_L1] = &&sltu_l1, [K_SLTU_L2] = &&sltu_l2, [K_MUL_L1] = &&mul_l1,
        [K_MUL_L2] = &&mul_l2, [K_SLL_L2] = &&sll_l2, [K_SRL_L2] = &&srl_l2, [K_SRA_L2] = &&sra_l2,
        [K_ADDIU_L1] = &&addiu_l1, [K_SLTI_L1] = &&slti_l1, [K_SLTIU_L1] = &&sltiu_l1,
        [K_ANDI_L1] = &&andi_l1, [K_ORI_L1] = &&ori_l1, [K_XORI_L1] = &&xori_l1,
        [K_LB_L1] = &&lb_l1, [K_LBU_L1] = &&lbu_l1, [K_LH_L1] = &&lh_l1, [K_LHU_L1] = &&lhu_l1,
        [K_LW_L1] = &&lw_l1, [K_SB_L1] = &&sb_l1, [K_SB_L2] = &&sb_l2, [K_SH_L1] = &&sh_l1,
        [K_SH_L2] = &&sh_l2, [K_SW_L1] = &&sw_l1, [K_SW_L2] = &&sw_l2,
        [K_BEQ_L1] = &&beq_l1, [K_BEQ_L2] = &&beq_l2, [K_BNE_L1] = &&bne_l1, [K_BNE_L2] = &&bne_l2,
        [K_BLEZ_L1] = &&blez_l1, [K_BGTZ_L1] = &&bgtz_l1, [K_BLTZ_L1] = &&bltz_l1,
        [K_BGEZ_L1] = &&bgez_l1,
        [K_FBEQ_L1] = &&fbeq_l1, [K_FBEQ_L2] = &&fbeq_l2, [K_FBNE_L1] = &&fbne_l1,
        [K_FBNE_L2] = &&fbne_l2, [K_FBLEZ_L1] = &&fblez_l1, [K_FBGTZ_L1] = &&fbgtz_l1,
        [K_FBLTZ_L1] = &&fbltz_l1, [K_FBGEZ_L1] = &&fbgez_l1, [K_FJR_L1] = &&fjr_l1,
    };
    struct fast *f = c->fast;
    f->labels = labels;
    if (f->link_epoch != c->map_epoch) { /* the maps change only outside */
        unlink_all(f);
        f->link_epoch = c->map_epoch;
    }

    uint32_t *const R = c->r;
    uint8_t **const fr = c->fast_r;
    uint8_t **const fw = c->fast_w;
    const uint64_t deadline = c->deadline;
    /* below this count every block may be entered (MAX_BOUND) */
    const uint64_t soft = deadline > MAX_BOUND ? deadline - MAX_BOUND : 0;
    const uint64_t insns0 = c->insns;
    const bool gm0 = c->gm;
    /* CP1 usable (the guest's CU1 and, in guest mode, root's): Status
     * changes only in the exact loop */
    const bool cu1 = (c->cp0.status & ST0_CU1) && (!gm0 || (c->gcp0.status & ST0_CU1));
    /* Status.FR of the running context (fpu.c's fr64): changes only there too */
    const bool fr64 = ((gm0 ? c->gcp0.status : c->cp0.status) & ST0_FR) != 0;
    uint64_t insns = insns0;
    /* cycles: at a block boundary the count; inside a block its base (the
     * count at entry, the first instruction's stall and the dynamic costs
     * so far), to which each op's pre/post adds its static cycles */
    uint64_t cyc = c->cycles;
    /* load-use: the GPR loaded by the last retired instruction is
     * last->ld, or ld while last is NULL (and always ld in the look-up) */
    unsigned ld = c->load_dest;
    uint32_t npc = c->pc;       /* next PC at a block boundary / after a delay slot */
    struct block *b = &no_block, *nb, *from = NULL;
    const struct fop *op;
    const struct fop *last = NULL; /* the last retired op (prev_insn) */
    uint32_t lv = 0; /* the last producer's result (decode: "Operands from the last result") */

#define NEXT do { op++; goto *op->h; } while (0)
#define RS_ R[op->rs]
#define RT_ R[op->rt]
#define NOW (cyc + op->post)
/* enters block nb (cyc: the count at its entry, its first stall charged);
 * the asm tells the copies apart (they are not merged into one jump) */
#define ENTER(tag)                                                             \
    do {                                                                       \
        if (__builtin_expect(cyc >= soft, 0))                                  \
            goto near_deadline;                                                \
        __asm__ volatile("# enter " tag);                                      \
        b = nb;                                                                \
        op = b->ops;                                                           \
        goto *op->h;                                                           \
    } while (0)
#define CUR_LD (last ? last->ld : ld)
    goto find;

term_jump: /* the delay slot retired: go on at npc (the terminal op holds
            * the count, cycles, load and word of the last instruction).
            * A link matches when its block's PC is npc: a block's PC is
            * aligned (microMIPS: odd) and a killed block's matches none.
            * Each way enters its block from a jump of its own (ENTER), so
            * that the host predicts each from its own history */
    last = op;
    insns += op->imm;
follow: /* (npc, last, insns set) */
    nb = b->succ[1];
    if (__builtin_expect(nb->pc == npc, 1)) {
        cyc += b->cost[1];
        ENTER("1");
    }
    nb = b->succ[0];
    if (nb->pc == npc) {
        cyc += b->cost[0];
        ENTER("0");
    }
    goto miss;
term_fall:
    last = op;
    insns += op->imm;
    npc = op->pc;
    nb = b->succ[0];
    if (__builtin_expect(nb->pc == npc, 1)) {
        cyc += b->cost[0];
        ENTER("f");
    }
    goto miss;
near_deadline: /* cyc: the count at nb's entry, its first stall charged */
    if (cyc + nb->bound >= deadline) {
        cyc -= (nb->reads0 >> last->ld) & 1 ? T_LOAD_USE : 0; /* the exact loop charges it */
        goto out; /* could cross the deadline: the exact loop */
    }
    b = nb;
    op = b->ops;
    goto *op->h;

miss: /* the end of b found no link to npc: look it up, then link it */
    cyc += last->post;
    ld = last->ld;
    from = b;
    goto find;
retired_op: /* retired through op, an instruction */
    insns += (uint64_t)(last - b->ops) + 1;
    cyc += last->post;
    ld = last->ld;
    from = NULL;
find: { /* npc is a block start, cyc the count there, ld current; from:
         * the block whose end links to it (NULL: none) */
        uint8_t *const *fe = &fr[npc >> 12];
        if ((npc & 3) == 2 || !*fe)
            goto out;
        const uint8_t *h = *fe + (npc & 0xFFE);
        nb = f->hash[HASH(npc)];
        if (!nb || nb->pc != npc || nb->host != h) {
            unsigned gen = f->gen;
            if (last) { /* a flush would reuse its memory */
                c->prev_insn = last->insn;
                last = NULL;
            }
            nb = decode(c, npc, h);
            if (!nb)
                goto out;
            if (gen != f->gen)
                from = NULL; /* flushed: it no longer exists */
        }
        unsigned stall = (nb->reads0 >> ld) & 1 ? T_LOAD_USE : 0;
        if (from)
            link_block(f, from, npc != from->fall_pc, nb, from->ops[from->n].post + stall);
        if (cyc + stall + nb->bound >= deadline)
            goto out; /* could cross the deadline: the exact loop */
        cyc += stall;
        b = nb;
        op = b->ops;
        goto *op->h;
    }

bail: /* the instruction at op runs in the exact loop, from the exact state before it */
    if (op != b->ops) {
        last = op - 1;
        insns += (uint64_t)(last - b->ops) + 1;
        cyc += op->pre;
    } else {
        cyc -= (b->reads0 >> CUR_LD) & 1 ? T_LOAD_USE : 0; /* the exact loop charges it */
    }
    c->in_ds = op->ds;
    c->ds_target = npc;
    if (op->ds) { /* (microMIPS: the branch's size, EPC of a fault in the slot) */
        c->ds_back = (uint8_t)(op->pc - op[-1].pc);
        c->ds_seq = false;
    }
    npc = op->pc;
    goto out_ds;

out:
    c->in_ds = false;
out_ds:
    c->pc = npc;
    c->cycles = cyc;
    c->load_dest = (uint8_t)CUR_LD;
    if (last)
        c->prev_insn = last->insn;
    c->insns = insns;
out_exc: /* (an exception in a call-out already wrote the state) */
    f->insns += c->insns - insns0;
    if (gm0)
        c->stats.guest_insns += c->insns - insns0;
    return;

leave_after: /* the op retired and dropped code: look the next block up again */
    last = op;
    if (!op->ds)
        npc = op[1].pc;
    goto retired_op;

    /* a branch-likely not taken: the slot is annulled, retire the branch */
likely_nt:
    last = op;
    npc = op->pc + 8;
    goto retired_op;

    /* a branch fused with the block's end (its delay slot ran before it) */
#define FBR(cond)                                                              \
    do {                                                                       \
        last = op;                                                             \
        insns += op->imm;                                                      \
        npc = (cond) ? b->target : b->fall_pc;                                 \
        goto follow;                                                           \
    } while (0)
/* BEQ, BNE, BLEZ, BGTZ, BLTZ, BGEZ and their variants with an operand
 * from lv: labels prefix##name, each M(its condition) */
#define COND_BRANCHES(M, prefix)                                               \
    prefix##beq: M(RS_ == RT_);                                                \
    prefix##bne: M(RS_ != RT_);                                                \
    prefix##blez: M((int32_t)RS_ <= 0);                                        \
    prefix##bgtz: M((int32_t)RS_ > 0);                                         \
    prefix##bltz: M((int32_t)RS_ < 0);                                         \
    prefix##bgez: M((int32_t)RS_ >= 0);                                        \
    prefix##beq_l1: M(lv == RT_);                                              \
    prefix##beq_l2: M(RS_ == lv);                                              \
    prefix##bne_l1: M(lv != RT_);                                              \
    prefix##bne_l2: M(RS_ != lv);                                              \
    prefix##blez_l1: M((int32_t)lv <= 0);                                      \
    prefix##bgtz_l1: M((int32_t)lv > 0);                                       \
    prefix##bltz_l1: M((int32_t)lv < 0);                                       \
    prefix##bgez_l1: M((int32_t)lv >= 0);
COND_BRANCHES(FBR, f)
fjr_l1:
    last = op;
    insns += op->imm;
    npc = lv;
    goto follow;
fj:
    last = op;
    insns += op->imm;
    npc = b->target;
    goto follow;
fjr:
    last = op;
    insns += op->imm;
    npc = RS_;
    goto follow;
#undef FBR
nop: NEXT;
/* producers set lv to what they write; _L1/_L2 take an operand from it */
#define SHI(name, e)                                                           \
    name: { uint32_t y = RT_; R[op->rd] = lv = (e); NEXT; }                    \
    name##_l2: { uint32_t y = lv; R[op->rd] = lv = (e); NEXT; }
SHI(sll, y << op->sa)
SHI(srl, y >> op->sa)
SHI(sra, (uint32_t)((int32_t)y >> op->sa))
#undef SHI
sllv: R[op->rd] = RT_ << (RS_ & 31); NEXT;
srlv: R[op->rd] = RT_ >> (RS_ & 31); NEXT;
srav: R[op->rd] = (uint32_t)((int32_t)RT_ >> (RS_ & 31)); NEXT;
rotr: {
        uint32_t v = RT_;
        unsigned s = op->sa;
        R[op->rd] = s ? (v >> s) | (v << (32 - s)) : v;
        NEXT;
    }
rotrv: {
        uint32_t v = RT_;
        unsigned s = RS_ & 31;
        R[op->rd] = s ? (v >> s) | (v << (32 - s)) : v;
        NEXT;
    }
movz: if (RT_ == 0) R[op->rd] = RS_; NEXT;
movn: if (RT_ != 0) R[op->rd] = RS_; NEXT;
add: {
        uint32_t a = RS_, bb = RT_, s = a + bb;
        if (((a ^ s) & (bb ^ s)) >> 31)
            goto bail;
        if (op->rd)
            R[op->rd] = s;
        NEXT;
    }
sub: {
        uint32_t a = RS_, bb = RT_, s = a - bb;
        if (((a ^ bb) & (a ^ s)) >> 31)
            goto bail;
        if (op->rd)
            R[op->rd] = s;
        NEXT;
    }
#define ALU2(name, e)                                                          \
    name: { uint32_t x = RS_, y = RT_; R[op->rd] = lv = (e); NEXT; }           \
    name##_l1: { uint32_t x = lv, y = RT_; R[op->rd] = lv = (e); NEXT; }       \
    name##_l2: { uint32_t x = RS_, y = lv; R[op->rd] = lv = (e); NEXT; }
ALU2(addu, x + y)
ALU2(subu, x - y)
ALU2(and, x & y)
ALU2(or, x | y)
ALU2(xor, x ^ y)
ALU2(nor, ~(x | y))
ALU2(slt, (int32_t)x < (int32_t)y)
ALU2(sltu, x < y)
ALU2(mul, (uint32_t)((int32_t)x * (int64_t)(int32_t)y))
#undef ALU2
clz: { uint32_t v = RS_; R[op->rd] = v ? (uint32_t)__builtin_clz(v) : 32; NEXT; }
clo: { uint32_t v = ~RS_; R[op->rd] = v ? (uint32_t)__builtin_clz(v) : 32; NEXT; }
seb: R[op->rd] = (uint32_t)(int32_t)(int8_t)RT_; NEXT;
seh: R[op->rd] = (uint32_t)(int32_t)(int16_t)RT_; NEXT;
wsbh: { uint32_t v = RT_; R[op->rd] = ((v & 0x00FF00FFu) << 8) | ((v >> 8) & 0x00FF00FFu); NEXT; }
ext: {
        unsigned pos = op->sa, size = op->rd + 1u;
        if (pos + size <= 32)
            R[op->rt] = (RS_ >> pos) & (size == 32 ? 0xFFFFFFFFu : (1u << size) - 1);
        NEXT;
    }
ins: {
        unsigned pos = op->sa, msb = op->rd;
        if (msb >= pos) {
            unsigned size = msb - pos + 1;
            uint32_t m = (size == 32 ? 0xFFFFFFFFu : (1u << size) - 1) << pos;
            R[op->rt] = (RT_ & ~m) | ((RS_ << pos) & m);
        }
        NEXT;
    }
addi: {
        uint32_t a = RS_, s = a + op->imm;
        if (((a ^ s) & (op->imm ^ s)) >> 31)
            goto bail;
        if (op->rt)
            R[op->rt] = s;
        NEXT;
    }
#define ALUI(name, e)                                                          \
    name: { uint32_t x = RS_; R[op->rt] = lv = (e); NEXT; }                    \
    name##_l1: { uint32_t x = lv; R[op->rt] = lv = (e); NEXT; }
ALUI(addiu, x + op->imm)
ALUI(slti, (int32_t)x < (int32_t)op->imm)
ALUI(sltiu, x < op->imm)
ALUI(andi, x & op->imm)
ALUI(ori, x | op->imm)
ALUI(xori, x ^ op->imm)
#undef ALUI
lui: R[op->rt] = lv = op->imm; NEXT;

mfhi:
    if (NOW < c->hilo_ready)
        cyc += c->hilo_ready - NOW;
    if (op->rd)
        R[op->rd] = c->hi;
    NEXT;
mflo:
    if (NOW < c->hilo_ready)
        cyc += c->hilo_ready - NOW;
    if (op->rd)
        R[op->rd] = c->lo;
    NEXT;
mthi: c->hi = RS_; NEXT;
mtlo: c->lo = RS_; NEXT;
mult: {
        int64_t p = (int64_t)(int32_t)RS_ * (int32_t)RT_;
        c->lo = (uint32_t)p;
        c->hi = (uint32_t)((uint64_t)p >> 32);
        c->hilo_ready = NOW + T_MUL_LAT;
        NEXT;
    }
multu: {
        uint64_t p = (uint64_t)RS_ * RT_;
        c->lo = (uint32_t)p;
        c->hi = (uint32_t)(p >> 32);
        c->hilo_ready = NOW + T_MUL_LAT;
        NEXT;
    }
div: {
        int32_t a = (int32_t)RS_, d = (int32_t)RT_;
        if (d == 0) {
            /* HI/LO unchanged (cpu.c) */
        } else if (a == INT32_MIN && d == -1) {
            c->lo = (uint32_t)INT32_MIN;
            c->hi = 0;
        } else {
            c->lo = (uint32_t)(a / d);
            c->hi = (uint32_t)(a % d);
        }
        c->hilo_ready = NOW + cpu_div_cycles(a < 0 ? -(uint32_t)a : (uint32_t)a);
        NEXT;
    }
divu: {
        uint32_t a = RS_, d = RT_;
        if (d) {
            c->lo = a / d;
            c->hi = a % d;
        }
        c->hilo_ready = NOW + cpu_div_cycles(a);
        NEXT;
    }
madd: {
        uint64_t acc = (uint64_t)c->hi << 32 | c->lo;
        uint32_t fn = op->imm; /* the function field (decode) */
        uint64_t p = (fn & 1) ? (uint64_t)RS_ * RT_
                              : (uint64_t)((int64_t)(int32_t)RS_ * (int32_t)RT_);
        acc = (fn & 4) ? acc - p : acc + p;
        c->lo = (uint32_t)acc;
        c->hi = (uint32_t)(acc >> 32);
        c->hilo_ready = NOW + T_MUL_LAT;
        NEXT;
    }

#define LOAD(base, size, conv)                                                 \
    do {                                                                       \
        uint32_t va = (base) + op->imm;                                        \
        const uint8_t *p = fr[va >> 12];                                       \
        if (__builtin_expect(!p || (va & ((size) - 1)), 0))                    \
            goto bail;                                                         \
        p += va & 0xFFF;                                                       \
        uint32_t v = lv = conv;                                                \
        if (op->rt)                                                            \
            R[op->rt] = v;                                                     \
        NEXT;                                                                  \
    } while (0)
lb: LOAD(RS_, 1, (uint32_t)(int32_t)(int8_t)*p);
lbu: LOAD(RS_, 1, *p);
lh: LOAD(RS_, 2, (uint32_t)(int32_t)(int16_t)ld16(p));
lhu: LOAD(RS_, 2, ld16(p));
lw: LOAD(RS_, 4, ld32(p));
lb_l1: LOAD(lv, 1, (uint32_t)(int32_t)(int8_t)*p);
lbu_l1: LOAD(lv, 1, *p);
lh_l1: LOAD(lv, 2, (uint32_t)(int32_t)(int16_t)ld16(p));
lhu_l1: LOAD(lv, 2, ld16(p));
lw_l1: LOAD(lv, 4, ld32(p));

#define STORE(size, put) STORE_AT(RS_, size, put)
#define STORE_AT(base, size, put)                                              \
    do {                                                                       \
        uint32_t va = (base) + op->imm;                                        \
        uint8_t *p = fw[va >> 12];                                             \
        if (__builtin_expect(p && !(va & ((size) - 1)), 1))                    \
            p += va & 0xFFF;                                                   \
        else if ((va & ((size) - 1)) || !(p = code_page_store(c, va)))         \
            goto bail;                                                         \
        put;                                                                   \
        NEXT;                                                                  \
    } while (0)
sb: STORE(1, *p = (uint8_t)RT_);
sh: STORE(2, st16(p, (uint16_t)RT_));
sw: STORE(4, st32(p, RT_));
sb_l1: STORE_AT(lv, 1, *p = (uint8_t)RT_);
sh_l1: STORE_AT(lv, 2, st16(p, (uint16_t)RT_));
sw_l1: STORE_AT(lv, 4, st32(p, RT_));
sb_l2: STORE(1, *p = (uint8_t)lv);
sh_l2: STORE(2, st16(p, (uint16_t)lv));
sw_l2: STORE(4, st32(p, lv));

#define BR(cond)                                                               \
    do {                                                                       \
        npc = (cond) ? op->imm : b->fall_pc;                                   \
        NEXT;                                                                  \
    } while (0)
#define BRL(cond)                                                              \
    do {                                                                       \
        if (cond) { npc = op->imm; NEXT; }                             \
        goto likely_nt;                                                        \
    } while (0)
COND_BRANCHES(BR, )
#undef COND_BRANCHES
bltzal: { bool t = (int32_t)RS_ < 0; R[31] = b->fall_pc; BR(t); }
bgezal: { bool t = (int32_t)RS_ >= 0; R[31] = b->fall_pc; BR(t); }
beql: BRL(RS_ == RT_);
bnel: BRL(RS_ != RT_);
blezl: BRL((int32_t)RS_ <= 0);
bgtzl: BRL((int32_t)RS_ > 0);
bltzl: BRL((int32_t)RS_ < 0);
bgezl: BRL((int32_t)RS_ >= 0);
bltzall: { bool t = (int32_t)RS_ < 0; R[31] = op->pc + 8; BRL(t); }
bgezall: { bool t = (int32_t)RS_ >= 0; R[31] = op->pc + 8; BRL(t); }
j: npc = op->imm; NEXT;
jal: R[31] = b->fall_pc; npc = op->imm; NEXT;
jr: npc = RS_; NEXT;
jalr: {
        uint32_t t = RS_;
        if (op->rd)
            R[op->rd] = b->fall_pc;
        npc = t;
        NEXT;
    }
mm_jraddiusp: { /* to ra, sp += imm, no delay slot (MD00582 "JRADDIUSP") */
        uint32_t t = R[31];
        R[29] += op->imm;
        npc = t;
        NEXT;
    }
mm_movep: { /* MD00582 "MOVEP": both sources read first */
        uint32_t v1 = RS_, v2 = RT_;
        R[op->rd] = v1;
        R[op->sa] = v2;
        NEXT;
    }
#define TRAP(cond) do { if (cond) goto bail; NEXT; } while (0)
tge: TRAP((int32_t)RS_ >= (int32_t)RT_);
tgeu: TRAP(RS_ >= RT_);
tlt: TRAP((int32_t)RS_ < (int32_t)RT_);
tltu: TRAP(RS_ < RT_);
teq: TRAP(RS_ == RT_);
tne: TRAP(RS_ != RT_);
tgei: TRAP((int32_t)RS_ >= (int32_t)op->imm);
tgeiu: TRAP(RS_ >= op->imm);
tlti: TRAP((int32_t)RS_ < (int32_t)op->imm);
tltiu: TRAP(RS_ < op->imm);
teqi: TRAP(RS_ == op->imm);
tnei: TRAP(RS_ != op->imm);

    /* the FPU's register file as Status.FR lays it out (fpu.c, "FR"):
     * FR = 1, 64-bit registers; FR = 0, a double in an even/odd pair of
     * low words (an odd register: the exact loop's RI) */
#define FPR c->fpu.fpr
#define SET_W(r, v) (FPR[r] = (FPR[r] & 0xFFFFFFFF00000000ull) | (uint32_t)(v))
lwc1: {
        uint32_t va = RS_ + op->imm;
        const uint8_t *p = fr[va >> 12];
        if (!cu1 || !p || (va & 3))
            goto bail;
        SET_W(op->rt, ld32(p + (va & 0xFFF)));
        NEXT;
    }
ldc1: {
        uint32_t va = RS_ + op->imm;
        const uint8_t *p = fr[va >> 12];
        unsigned r = op->rt;
        if (!cu1 || !p || (va & 7) || (!fr64 && (r & 1)))
            goto bail;
        p += va & 0xFFF;
        if (fr64) {
            FPR[r] = (uint64_t)ld32(p + 4) << 32 | ld32(p);
        } else {
            SET_W(r, ld32(p));
            SET_W(r + 1, ld32(p + 4));
        }
        NEXT;
    }
swc1: {
        if (!cu1)
            goto bail;
        STORE(4, st32(p, (uint32_t)FPR[op->rt]));
    }
sdc1: {
        unsigned r = op->rt;
        if (!cu1 || (!fr64 && (r & 1)))
            goto bail;
        uint32_t lo = (uint32_t)FPR[r], hi = fr64 ? (uint32_t)(FPR[r] >> 32) : (uint32_t)FPR[r + 1];
        STORE(8, (st32(p, lo), st32(p + 4, hi)));
    }
#undef SET_W
#undef FPR
fpq: /* ADD.D, SUB.D, MUL.D (func in rs): fpu.c's common case, else all of it */
    if (cu1) {
        int q = fpu_quick_d(c, op->rs, op->rd, op->rt, op->sa);
        if (q >= 0) {
            cyc += (unsigned)q;
            NEXT;
        }
    }
fpu: { /* the FPU's own code (fpu.c), called with the state it expects */
        if (!cu1)
            goto bail;
        int q = fpu_quick(c, op->imm); /* (the common case needs none of it) */
        if (q >= 0) {
            cyc += (unsigned)q;
            NEXT;
        }
        uint64_t t = NOW;
        unsigned kills = f->kills;
        c->cycles = t;
        c->pc = op->pc;
        c->cur_insn = op->insn;
        c->cur_ds = op->ds;
        if (op->ds)
            c->ds_back = (uint8_t)(op->pc - op[-1].pc);
        c->in_ds = c->skip_ds = false;
        if (op != b->ops)
            c->prev_insn = op[-1].insn;
        else if (last)
            c->prev_insn = last->insn;
        c->insns = insns + (uint64_t)(op - b->ops);
        c->load_dest = 0;
        if ((op->imm >> 26) == 0x11 ? fpu_exec_cop1(c, op->imm) : fpu_exec_cop1x(c, op->imm))
            goto out_exc; /* the exception was taken, as in the exact loop */
        cyc += c->cycles - t; /* its latency */
        if (kills != f->kills)
            goto leave_after;
        NEXT;
    }

#undef TRAP
#undef NEXT
#undef RS_
#undef RT_
#undef NOW
#undef ENTER
#undef CUR_LD
#undef LOAD
#undef STORE
#undef STORE_AT
#undef BR
#undef BRL
}

void fast_run(struct cpu *c)
{
    if (c->exact || !c->fast || c->hooks.trace || c->hooks.pre_exec || c->nguards) {
        cpu_run_block(c, false);
        return;
    }
    while (c->cycles < c->deadline && c->stop == CPU_RUNNING) {
        /* blocks start at a valid PC (aligned, or odd: microMIPS) outside
         * a delay slot, on a page the fetch map
         * holds (user mode, device or TLB-missing pages: the exact loop) */
        if (!c->in_ds && (c->pc & 3) != 2 && c->fast_r[c->pc >> 12]) {
            run_blocks(c);
            if (c->cycles >= c->deadline || c->stop != CPU_RUNNING)
                break;
        }
        cpu_run_block(c, true);
    }
}

void fast_stats(const struct cpu *c, uint64_t *insns, uint64_t *blocks, uint64_t *mm_blocks)
{
    *insns = c->fast ? c->fast->insns : 0;
    *blocks = c->fast ? c->fast->decoded : 0;
    *mm_blocks = c->fast ? c->fast->mm_decoded : 0;
}

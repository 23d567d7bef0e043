/*
 * tests/diff/gen: writes a random but valid MIPS32r5 program (GNU assembler
 * source) for differential testing of vpsim against QEMU. The program is a
 * series of independent blocks; tests/diff/harness.S sets each block's
 * initial state from its descriptor, runs it, and prints a digest of the
 * state it leaves (GPRs, HI/LO, FCSR, FPRs, scratch memory, exceptions).
 *
 *   gen [-b BLOCKS] [-n MAXLEN] [-B ONLY] [-f] [-x CLASSES] [-o CLASSES]
 *       [-X MNEMONICS] SEED
 *
 * Block k's contents depend only on (SEED, k), so -B k regenerates block k
 * of a larger program alone. -f makes the digest list every scratch word.
 * -x excludes instruction classes, -o keeps only the listed ones (comma
 * separated names, see class_names); -X never emits the listed mnemonics
 * (e.g. -X tgei,recip.s, to look past a known bug). Everything the generator avoids, and
 * why, is listed in tests/diff/README.md; the rules are enforced here:
 *  - nothing UNPREDICTABLE: divisors are guarded against zero, HI/LO and
 *    the upper halves of FPRs (FR=1, after a 32-bit write) are tracked and
 *    never read while they may be UNPREDICTABLE (the digest masks them),
 *    FR=0 blocks use even registers for 64-bit formats and no L format;
 *  - branches only go forward inside their block, never sit in a delay
 *    slot, and their delay slot holds one instruction that cannot raise an
 *    exception (and, after a linking branch, does not touch the link
 *    register), so every block terminates and the harness can skip
 *    exceptions with EPC + 4;
 *  - loads and stores stay inside the 1 KB scratch buffer ($gp points at
 *    its middle and is never written by the random code).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCRATCH_SIZE 1024
#define SCRATCH_HALF (SCRATCH_SIZE / 2)
#define REG_K0 26
#define REG_K1 27
#define REG_GP 28
#define REG_SP 29
#define REG_RA 31

/* ---- output buffers ---------------------------------------------------- */
struct sbuf {
    char *p;
    size_t n, cap;
};

static void sb_vprintf(struct sbuf *s, const char *fmt, va_list ap)
{
    for (;;) {
        va_list aq;
        va_copy(aq, ap);
        size_t room = s->cap - s->n;
        int w = vsnprintf(s->p ? s->p + s->n : NULL, room, fmt, aq);
        va_end(aq);
        if (w < 0) {
            perror("vsnprintf");
            exit(2);
        }
        if ((size_t)w < room) {
            s->n += (size_t)w;
            return;
        }
        s->cap = (s->cap + (size_t)w + 1) * 2;
        s->p = realloc(s->p, s->cap);
        if (!s->p) {
            perror("realloc");
            exit(2);
        }
    }
}

static void sb_printf(struct sbuf *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(struct sbuf *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(s, fmt, ap);
    va_end(ap);
}

/* ---- random numbers (splitmix64: tiny, and stable across hosts) -------- */
static uint64_t rng;

static uint64_t rnd64(void)
{
    uint64_t z = (rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static uint32_t rnd32(void) { return (uint32_t)(rnd64() >> 32); }
static int rnd(int n) { return n > 0 ? (int)(rnd64() % (uint64_t)n) : 0; }
static bool chance(int pct) { return rnd(100) < pct; }
static int range(int lo, int hi) { return lo + rnd(hi - lo + 1); }
#define PICK(a) ((a)[rnd((int)(sizeof(a) / sizeof((a)[0])))])

/* ---- instruction classes ----------------------------------------------- */
enum cls {
    CL_ALU, CL_SHIFT, CL_BITS, CL_CMOV, CL_MULDIV, CL_DIV, CL_MEM, CL_UNAL,
    CL_LLSC, CL_BRANCH, CL_JUMP, CL_EXC, CL_FARITH, CL_FCVT, CL_FCMP,
    CL_FMOVE, CL_FMADD, CL_FRECIP, CL_FMEM, CL_FXFER, CL_FCSR, CL_FBRANCH,
    CL_MISC, CL_SMC, CL_MM, CL_N
};
static const char *const class_names[CL_N] = {
    "alu", "shift", "bits", "cmov", "muldiv", "div", "mem", "unal",
    "llsc", "branch", "jump", "exc", "farith", "fcvt", "fcmp",
    "fmove", "fmadd", "frecip", "fmem", "fxfer", "fcsr", "fbranch",
    "misc", "smc", "mm",
};
static const int class_weight[CL_N] = {
    [CL_ALU] = 14, [CL_SHIFT] = 6, [CL_BITS] = 6, [CL_CMOV] = 3,
    [CL_MULDIV] = 7, [CL_DIV] = 3, [CL_MEM] = 9, [CL_UNAL] = 4,
    [CL_LLSC] = 1, [CL_BRANCH] = 6, [CL_JUMP] = 2, [CL_EXC] = 3,
    [CL_FARITH] = 8, [CL_FCVT] = 6, [CL_FCMP] = 4, [CL_FMOVE] = 4,
    [CL_FMADD] = 3, [CL_FRECIP] = 1, [CL_FMEM] = 5, [CL_FXFER] = 4,
    [CL_FCSR] = 2, [CL_FBRANCH] = 3, [CL_MISC] = 1,
    [CL_SMC] = 1, [CL_MM] = 8,
};
static bool class_on[CL_N];
/* -m: microMIPS bodies (.set micromips), for QEMU's M14Kc: no FPU, no
 * branch-likely (microMIPS has none), no MIPS32 self-modifying words; the
 * "mm" class adds what only microMIPS has. */
static bool mm;

/* ---- per-block state ----------------------------------------------------- */
struct block {
    int k;           /* block number */
    int n;           /* items in the body */
    int fr;          /* Status.FR for this block */
    int item;        /* current item index */
    int horizon;     /* items before this one may be skipped by a branch */
    bool cond;       /* the current item may not execute */
    bool in_ds;      /* generating a delay-slot instruction */
    bool ds_noexc;   /* ... which must not raise an exception (see gen_branch) */
    int avoid;       /* GPR a delay slot must not touch (link register), -1 */
    /* HI/LO may be UNPREDICTABLE (MUL; MTHI/MTLO after an unread result) */
    bool hi_undef, lo_undef, pair_unread;
    /* FR=1: FPR upper half may be UNPREDICTABLE (after a 32-bit write) */
    bool f_undef[32];
    struct sbuf *body;
};
static struct block *B;

static void emit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void emit(const char *fmt, ...)
{
    va_list ap;
    sb_printf(B->body, "\t");
    va_start(ap, fmt);
    sb_vprintf(B->body, fmt, ap);
    va_end(ap);
    sb_printf(B->body, "\n");
}

/* A label on an instruction that may raise an exception on purpose: the
 * run script accepts exceptions only at these addresses (and checks that
 * QEMU never takes another one, i.e. that the generator is right). */
static void xok_label(void) { sb_printf(B->body, "XOK_%d_%d:\n", B->k, B->item); }
/* Every branch gets a label XB_: an exception in its delay slot reports
 * EPC = the branch with Cause.BD set (unless an earlier branch jumped
 * straight to the slot's instruction: then it is no delay slot). */
static void branch_label(void) { sb_printf(B->body, "XB_%d_%d:\n", B->k, B->item); }

/* ---- register choice ----------------------------------------------------- */
/* Writable by random code: everything but $0, $k0, $k1, $gp (scratch
 * pointer) and $sp. */
static const int wregs[] = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14,
                            15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 30, 31};

static int gw(void)
{
    for (;;) {
        int r = PICK(wregs);
        if (r != B->avoid)
            return r;
    }
}
static int gw_not(int a, int b)
{
    for (;;) {
        int r = gw();
        if (r != a && r != b)
            return r;
    }
}
/* Readable: also $0, $gp and $sp (never $k0/$k1, which the harness and the
 * exception handler change). */
static int gr(void)
{
    if (chance(6))
        return 0;
    if (chance(3))
        return chance(50) ? REG_GP : REG_SP;
    return gw();
}
/* Destination of an ALU operation: rarely $0 (the write must vanish). */
static int gd(void) { return chance(3) ? 0 : gw(); }

/* FPR choice. FR=0: 64-bit formats need even registers. FR=1: a 64-bit
 * source must not have an UNPREDICTABLE upper half. */
static int f32(void) { return rnd(32); }
static int f64_dst(void) { return B->fr ? rnd(32) : 2 * rnd(16); }
static int f64_src(void)
{
    if (!B->fr)
        return 2 * rnd(16);
    int ok[32], n = 0;
    for (int i = 0; i < 32; i++)
        if (!B->f_undef[i])
            ok[n++] = i;
    return n ? ok[rnd(n)] : -1;
}
/* After a 32-bit write (FR=1) the upper half is UNPREDICTABLE. */
static void fw32(int f)
{
    if (B->fr)
        B->f_undef[f] = true;
}
/* After an unconditional 64-bit write both halves are defined. */
static void fw64(int f)
{
    if (!B->cond)
        B->f_undef[f] = false;
}

/* ---- values -------------------------------------------------------------- */
static uint32_t gpr_value(void)
{
    static const uint32_t special[] = {0,          1,          0xffffffff, 0x7fffffff, 0x80000000,
                                       0x80000001, 0x7ffffffe, 0xffff,     0x8000,     0x7fff,
                                       0xffff8000, 0x00010000, 0xfffffffe, 0x55555555, 0xaaaaaaaa};
    switch (rnd(8)) {
    case 0:
    case 1:
        return (uint32_t)range(-16, 16);
    case 2:
        return PICK(special);
    case 3:
        return (uint32_t)range(-40000, 40000);
    default:
        return rnd32();
    }
}

static int16_t imm16(void)
{
    static const int16_t special[] = {0, 1, -1, 0x7fff, -0x8000, 0x7ffe, -0x7fff, 0x100, -0x100};
    switch (rnd(4)) {
    case 0:
        return PICK(special);
    case 1:
        return (int16_t)range(-16, 16);
    default:
        return (int16_t)rnd32();
    }
}

static uint32_t f32_bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}
static uint64_t f64_bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

static uint32_t single_value(void)
{
    static const uint32_t special[] = {
        0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x7fc00000,
        0xffc00000, 0x7fc12345, 0x7f800001, 0x7fa00000, 0xffa5a5a5, 0x00000001, 0x807fffff,
        0x00800000, 0x80800000, 0x7f7fffff, 0xff7fffff, 0x3f000000, 0x3fc00000, 0x40200000,
        0xbfc00000, 0x4f000000, 0xcf000000, 0x4effffff, 0x5f000000, 0xdf000000, 0x34000000};
    switch (rnd(10)) {
    case 0:
    case 1:
        return PICK(special);
    case 2:
        return f32_bits((float)range(-1000, 1000) + (chance(50) ? 0.5f : 0.0f));
    case 3:
        return rnd32();
    case 4: { /* near the underflow or overflow threshold, or subnormal */
        uint32_t sign = chance(50) ? 0x80000000u : 0;
        uint32_t exp = (uint32_t)(chance(50) ? range(0, 26) : range(230, 254));
        return sign | exp << 23 | (rnd32() & 0x7fffff);
    }
    default: {
        uint32_t sign = chance(50) ? 0x80000000u : 0;
        uint32_t exp = (uint32_t)range(127 - 30, 127 + 40);
        return sign | exp << 23 | (rnd32() & 0x7fffff);
    }
    }
}

static uint64_t double_value(void)
{
    static const uint64_t special[] = {
        0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull,
        0xbff0000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
        0x7ff8000000000000ull, 0xfff8000000000000ull, 0x7ff8000012345678ull,
        0x7ff0000000000001ull, 0x7ff4000000000000ull, 0xfff5a5a5a5a5a5a5ull,
        0x0000000000000001ull, 0x800fffffffffffffull, 0x0010000000000000ull,
        0x7fefffffffffffffull, 0xffefffffffffffffull, 0x3fe0000000000000ull,
        0x41e0000000000000ull, 0xc1e0000000000000ull, 0x41dfffffffc00000ull,
        0x41dfffffffe00000ull, 0x43e0000000000000ull, 0xc3e0000000000000ull,
        0x4330000000000000ull, 0x3cb0000000000000ull, 0x47efffffe0000000ull,
        0x36a0000000000000ull, 0x380fffffe0000000ull};
    switch (rnd(10)) {
    case 0:
    case 1:
        return PICK(special);
    case 2:
        return f64_bits((double)range(-100000, 100000) + (chance(50) ? 0.5 : 0.25 * rnd(4)));
    case 3:
        return rnd64();
    case 4: { /* near the underflow or overflow threshold, or subnormal */
        uint64_t sign = chance(50) ? 0x8000000000000000ull : 0;
        uint64_t exp = (uint64_t)(chance(50) ? range(0, 56) : range(1990, 2046));
        return sign | exp << 52 | (rnd64() & 0xfffffffffffffull);
    }
    default: {
        uint64_t sign = chance(50) ? 0x8000000000000000ull : 0;
        uint64_t exp = (uint64_t)range(1023 - 40, 1023 + 70);
        return sign | exp << 52 | (rnd64() & 0xfffffffffffffull);
    }
    }
}

/* One 64-bit FPR image: a double, two singles, integers, or noise. */
static uint64_t fpr_value(void)
{
    switch (rnd(10)) {
    case 0:
    case 1:
    case 2:
    case 3:
        return double_value();
    case 4:
    case 5:
    case 6:
        return (uint64_t)single_value() << 32 | single_value();
    case 7: {
        int64_t v = chance(50) ? (int64_t)range(-3000, 3000) : (int64_t)(int32_t)gpr_value();
        if (chance(20))
            v = (int64_t)rnd64() >> rnd(40);
        return (uint64_t)v;
    }
    case 8:
        return (uint64_t)rnd32() << 32 | (uint32_t)range(-100, 100);
    default:
        return rnd64();
    }
}

/* FCSR as the harness and CTC1 write it: RM, flags, FCCs random; no
 * enables (no FP traps), FS = 0, cause bits other than E (E would trap
 * at once); the read-only ABS2008/NAN2008 bits random (writes ignored). */
static uint32_t fcsr_value(bool with_cause)
{
    uint32_t v = (uint32_t)rnd(4) | (uint32_t)rnd(32) << 2;
    if (with_cause)
        v |= (uint32_t)rnd(32) << 12;
    v |= (uint32_t)rnd(4) << 18;
    v |= rnd32() & 0xfe800000u; /* FCC7..1 (31:25), FCC0 (23) */
    return v;
}

/* ---- generators: each emits one item; in a delay slot exactly one
 * instruction that cannot raise an exception. Return false to retry. ---- */
static const char *gname(int r)
{
    static char buf[8][8];
    static int i;
    i = (i + 1) % 8;
    snprintf(buf[i], sizeof buf[i], "$%d", r);
    return buf[i];
}

static bool gen_alu(void)
{
    static const char *const rrr[] = {"addu", "subu", "and", "or",   "xor",
                                      "nor",  "slt",  "sltu"};
    int rs = gr(), rt = gr();
    switch (rnd(4)) {
    case 0:
    case 1:
        emit("%s %s, %s, %s", PICK(rrr), gname(gd()), gname(rs), gname(rt));
        return true;
    case 2: {
        static const char *const si[] = {"addiu", "slti", "sltiu"};
        static const char *const ui[] = {"andi", "ori", "xori"};
        if (chance(50))
            emit("%s %s, %s, %d", PICK(si), gname(gd()), gname(rs), imm16());
        else
            emit("%s %s, %s, 0x%x", PICK(ui), gname(gd()), gname(rs), (uint16_t)imm16());
        return true;
    }
    default:
        emit("lui %s, 0x%x", gname(gw()), (uint16_t)imm16());
        return true;
    }
}

static bool gen_shift(void)
{
    static const char *const imm[] = {"sll", "srl", "sra", "rotr"};
    static const char *const var[] = {"sllv", "srlv", "srav", "rotrv"};
    /* rd is never $0 for shifts: sll $0,$0,n encodes NOP/SSNOP/EHB/PAUSE. */
    if (chance(55))
        emit("%s %s, %s, %d", PICK(imm), gname(gw()), gname(gr()), rnd(32));
    else
        emit("%s %s, %s, %s", PICK(var), gname(gw()), gname(gr()), gname(gr()));
    return true;
}

static bool gen_bits(void)
{
    switch (rnd(5)) {
    case 0:
        emit("%s %s, %s", chance(50) ? "clz" : "clo", gname(gd()), gname(gr()));
        return true;
    case 1: {
        static const char *const ops[] = {"seb", "seh", "wsbh"};
        emit("%s %s, %s", PICK(ops), gname(gd()), gname(gr()));
        return true;
    }
    case 2:
    case 3: {
        int pos = rnd(32), size = range(1, 32 - pos);
        emit("ext %s, %s, %d, %d", gname(gd()), gname(gr()), pos, size);
        return true;
    }
    default: {
        int pos = rnd(32), size = range(1, 32 - pos);
        emit("ins %s, %s, %d, %d", gname(gd()), gname(gr()), pos, size);
        return true;
    }
    }
}

static bool gen_cmov(void)
{
    if (mm || chance(60))
        emit("%s %s, %s, %s", chance(50) ? "movn" : "movz", gname(gd()), gname(gr()),
             gname(gr()));
    else
        emit("%s %s, %s, $fcc%d", chance(50) ? "movf" : "movt", gname(gd()), gname(gr()),
             rnd(8));
    return true;
}

/* HI/LO bookkeeping (MIPS32 Vol. II, MUL / MTHI / MTLO restrictions). */
static void hilo_result(void)
{
    if (!B->cond)
        B->hi_undef = B->lo_undef = false;
    B->pair_unread = true;
}

static bool gen_muldiv(void)
{
    switch (rnd(6)) {
    case 0:
        emit("mul %s, %s, %s", gname(gd()), gname(gr()), gname(gr()));
        B->hi_undef = B->lo_undef = true;
        return true;
    case 1:
        emit("%s %s, %s", chance(50) ? "mult" : "multu", gname(gr()), gname(gr()));
        hilo_result();
        return true;
    case 2: {
        static const char *const ops[] = {"madd", "maddu", "msub", "msubu"};
        if (B->hi_undef || B->lo_undef)
            return false;
        emit("%s %s, %s", PICK(ops), gname(gr()), gname(gr()));
        hilo_result();
        return true;
    }
    case 3: {
        bool hi = chance(50);
        if (hi ? B->hi_undef : B->lo_undef)
            return false;
        emit("%s %s", hi ? "mfhi" : "mflo", gname(gd()));
        if (!B->cond)
            B->pair_unread = false;
        return true;
    }
    default: {
        bool hi = chance(50);
        emit("%s %s", hi ? "mthi" : "mtlo", gname(gr()));
        if (B->pair_unread) {
            if (hi)
                B->lo_undef = true;
            else
                B->hi_undef = true;
        }
        if (!B->cond) {
            if (hi)
                B->hi_undef = false;
            else
                B->lo_undef = false;
        }
        return true;
    }
    }
}

/* DIV/DIVU with the divisor forced non-zero (division by zero leaves HI/LO
 * UNPREDICTABLE): ori t, $0, v; movz rt, t, rt; div $0, rs, rt. */
static bool gen_div(void)
{
    const char *op = chance(50) ? "div" : "divu";
    if (B->in_ds)
        return false;
    if (chance(8)) { /* INT_MIN / -1: defined, no exception */
        int rs = gw(), rt = gw_not(rs, -1);
        emit("lui %s, 0x8000", gname(rs));
        emit("addiu %s, $0, -1", gname(rt));
        emit("%s $0, %s, %s", op, gname(rs), gname(rt));
    } else if (chance(5)) {
        emit("%s $0, %s, %s", op, gname(gr()), gname(chance(50) ? REG_GP : REG_SP));
    } else {
        int rs = gr(), rt = gw(), t = gw_not(rt, rs);
        emit("ori %s, $0, %d", gname(t), range(1, 0xffff));
        emit("movz %s, %s, %s", gname(rt), gname(t), gname(rt));
        emit("%s $0, %s, %s", op, gname(rs), gname(rt));
    }
    hilo_result();
    return true;
}

/* An aligned offset from $gp for an access of `size` bytes. */
static int mem_off(int size) { return (range(-SCRATCH_HALF, SCRATCH_HALF - size) / size) * size; }

/* A memory access "op reg, off(base)": either $gp-relative, or through a
 * fresh base register (addiu base, $gp, d) when not in a delay slot.
 * Returns the base register to use and prints the setup. */
static int mem_base(int *off)
{
    if (B->in_ds || chance(60))
        return REG_GP;
    int base = gw();
    int d = range(-SCRATCH_HALF, SCRATCH_HALF);
    emit("addiu %s, $%d, %d", gname(base), REG_GP, d);
    *off -= d;
    return base;
}

static bool gen_mem(void)
{
    static const struct {
        const char *op;
        int size;
        bool store;
    } ops[] = {{"lb", 1, false}, {"lbu", 1, false}, {"lh", 2, false}, {"lhu", 2, false},
               {"lw", 4, false}, {"sb", 1, true},   {"sh", 2, true},  {"sw", 4, true}};
    int i = rnd((int)(sizeof ops / sizeof ops[0]));
    int off = mem_off(ops[i].size);
    int base = mem_base(&off);
    int rt = ops[i].store ? gr() : gd();
    emit("%s %s, %d(%s)", ops[i].op, gname(rt), off, gname(base));
    return true;
}

static bool gen_unal(void)
{
    static const char *const ops[] = {"lwl", "lwr", "swl", "swr"};
    int i = rnd(4);
    int off = range(-SCRATCH_HALF, SCRATCH_HALF - 1);
    /* often a LWL/LWR (SWL/SWR) pair on the same unaligned word */
    if (!B->in_ds && chance(40)) {
        off = range(-SCRATCH_HALF, SCRATCH_HALF - 4);
        int r = i < 2 ? gw() : gr();
        if (i < 2) {
            emit("lwl %s, %d($%d)", gname(r), off + 3, REG_GP);
            emit("lwr %s, %d($%d)", gname(r), off, REG_GP);
        } else {
            emit("swl %s, %d($%d)", gname(r), off + 3, REG_GP);
            emit("swr %s, %d($%d)", gname(r), off, REG_GP);
        }
        return true;
    }
    int base = mem_base(&off);
    emit("%s %s, %d(%s)", ops[i], gname(i < 2 ? gd() : gr()), off, gname(base));
    return true;
}

/* LL, a few ALU operations, SC to the same word: the SC succeeds. Rarely a
 * SYSCALL in between: its ERET clears LLbit, so the SC fails. */
static bool gen_llsc(void)
{
    if (B->in_ds)
        return false;
    int off = mem_off(4);
    emit("ll %s, %d($%d)", gname(gw()), off, REG_GP);
    int n = rnd(4);
    for (int i = 0; i < n; i++)
        gen_alu();
    if (class_on[CL_EXC] && chance(10)) {
        xok_label();
        emit("syscall %d", rnd(mm ? 1024 : 1 << 20));
    }
    emit("sc %s, %d($%d)", gname(gw()), off, REG_GP);
    return true;
}

/* Instructions that raise exceptions on purpose (never in a delay slot):
 * ADD/ADDI/SUB overflow, traps, SYSCALL, BREAK, misaligned accesses.
 * Also in delay slots (one instruction there). */
static bool gen_exc(void)
{
    if (B->in_ds && B->ds_noexc)
        return false;
    int what = rnd(10);
    if (what <= 2) {
        /* operands near the overflow boundary half of the time */
        int rs = gr(), rt = gr();
        if (!B->in_ds && chance(50)) {
            rs = gw();
            emit("lui %s, 0x%x", gname(rs), chance(50) ? 0x7fff : 0x8000);
        }
        xok_label();
        switch (rnd(3)) {
        case 0:
            emit("add %s, %s, %s", gname(gd()), gname(rs), gname(rt));
            break;
        case 1:
            emit("sub %s, %s, %s", gname(gd()), gname(rs), gname(rt));
            break;
        default:
            emit("addi %s, %s, %d", gname(gd()), gname(rs), imm16());
            break;
        }
    } else if (what <= 5) {
        static const char *const rr[] = {"teq", "tne", "tge", "tgeu", "tlt", "tltu"};
        static const char *const ri[] = {"teqi", "tnei", "tgei", "tgeiu", "tlti", "tltiu"};
        xok_label();
        if (chance(50)) {
            int rs = gr(), rt = chance(30) ? rs : gr();
            if (chance(50))
                emit("%s %s, %s", PICK(rr), gname(rs), gname(rt));
            else
                emit("%s %s, %s, %d", PICK(rr), gname(rs), gname(rt), rnd(mm ? 16 : 1024));
        } else {
            emit("%s %s, %d", PICK(ri), gname(gr()), imm16());
        }
    } else if (what == 6) {
        xok_label();
        if (chance(50))
            emit("syscall %d", rnd(mm ? 1024 : 1 << 20));
        else
            emit("break %d", rnd(1024));
    } else {
        static const struct {
            const char *op;
            int size, kind; /* kind: 0 gpr load, 1 gpr store, 2 fp32, 3 fp64 */
        } ops[] = {{"lh", 2, 0},   {"lhu", 2, 0},  {"sh", 2, 1},   {"lw", 4, 0},
                   {"sw", 4, 1},   {"ll", 4, 0},   {"lwc1", 4, 2},
                   {"swc1", 4, 2}, {"ldc1", 8, 3}, {"sdc1", 8, 3}};
        int i = rnd((int)(sizeof ops / sizeof ops[0]));
        if (ops[i].kind >= 2 && !class_on[CL_FMEM])
            return false;
        int off = mem_off(ops[i].size) + range(1, ops[i].size - 1);
        if (off > SCRATCH_HALF - ops[i].size)
            off -= ops[i].size;
        xok_label();
        if (ops[i].kind == 0)
            emit("%s %s, %d($%d)", ops[i].op, gname(gd()), off, REG_GP);
        else if (ops[i].kind == 1)
            emit("%s %s, %d($%d)", ops[i].op, gname(gr()), off, REG_GP);
        else if (ops[i].kind == 2)
            emit("%s $f%d, %d($%d)", ops[i].op, f32(), off, REG_GP);
        else
            emit("%s $f%d, %d($%d)", ops[i].op, f64_dst(), off, REG_GP);
    }
    return true;
}

/* Instructions with no architectural effect here: barriers, hints,
 * no-ops (never PAUSE, which waits for LLbit to clear). */
static bool gen_misc(void)
{
    switch (rnd(7)) {
    case 0:
        emit("nop");
        break;
    case 1:
        emit("ssnop");
        break;
    case 2:
        emit("ehb");
        break;
    case 3:
        emit("sync");
        break;
    case 4:
        emit("sync %d", PICK(((const int[]){0, 4, 16, 17, 18, 19})));
        break;
    case 5:
        emit("pref %d, %d($%d)", PICK(((const int[]){0, 1, 4, 5, 6, 7})), mem_off(1), REG_GP);
        break;
    default:
        emit("synci %d($%d)", mem_off(1), REG_GP);
        break;
    }
    return true;
}

/* Self-modifying code, done the architected way: store a new instruction
 * over a NOP further on, SYNCI its address, SYNC, and reach it with JR.HB
 * (MIPS32 r5 Vol. II, SYNCI). The new instruction is a random ALU one. */
static bool gen_smc(void)
{
    if (B->in_ds)
        return false;
    int rs = gr(), rt = gr(), rd = gw();
    uint32_t imm = (uint16_t)imm16(), insn;
    static const uint32_t funct[] = {0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2a, 0x2b};
    switch (rnd(4)) {
    case 0:
    case 1:
        insn = (uint32_t)rs << 21 | (uint32_t)rt << 16 | (uint32_t)rd << 11 | PICK(funct);
        break;
    case 2: /* ADDIU, ORI, XORI */
        insn = PICK(((const uint32_t[]){9, 13, 14})) << 26 | (uint32_t)rs << 21 |
               (uint32_t)rd << 16 | imm;
        break;
    default: /* LUI */
        insn = 15u << 26 | (uint32_t)rd << 16 | imm;
        break;
    }
    int a = gw(), t = gw_not(a, -1);
    emit("lui %s, %%hi(S%d_%d)", gname(a), B->k, B->item);
    emit("addiu %s, %s, %%lo(S%d_%d)", gname(a), gname(a), B->k, B->item);
    emit("lui %s, 0x%x", gname(t), insn >> 16);
    emit("ori %s, %s, 0x%x", gname(t), gname(t), insn & 0xffff);
    emit("sw %s, 0(%s)", gname(t), gname(a));
    emit("synci 0(%s)", gname(a));
    emit("sync");
    emit("jr.hb %s", gname(a));
    emit("nop");
    sb_printf(B->body, "S%d_%d:\n", B->k, B->item);
    emit("nop");
    return true;
}

/* ---- FPU --------------------------------------------------------------- */
static bool gen_farith(void)
{
    static const char *const bin[] = {"add", "sub", "mul", "div"};
    static const char *const un[] = {"sqrt", "abs", "neg"};
    bool d = chance(50), unary = chance(30);
    const char *op = unary ? PICK(un) : PICK(bin);
    if (d) {
        int a = f64_src(), b = f64_src();
        if (a < 0)
            return false;
        int fd = f64_dst();
        if (unary)
            emit("%s.d $f%d, $f%d", op, fd, a);
        else
            emit("%s.d $f%d, $f%d, $f%d", op, fd, a, b);
        fw64(fd);
    } else {
        int fd = f32();
        if (unary)
            emit("%s.s $f%d, $f%d", op, fd, f32());
        else
            emit("%s.s $f%d, $f%d, $f%d", op, fd, f32(), f32());
        fw32(fd);
    }
    return true;
}

static bool gen_fcvt(void)
{
    /* dst/src formats: 's', 'd', 'w', 'l' */
    static const struct {
        const char *op;
        char dst, src;
    } ops[] = {{"cvt.s.d", 's', 'd'},   {"cvt.s.w", 's', 'w'},   {"cvt.s.l", 's', 'l'},
               {"cvt.d.s", 'd', 's'},   {"cvt.d.w", 'd', 'w'},   {"cvt.d.l", 'd', 'l'},
               {"cvt.w.s", 'w', 's'},   {"cvt.w.d", 'w', 'd'},   {"cvt.l.s", 'l', 's'},
               {"cvt.l.d", 'l', 'd'},   {"round.w.s", 'w', 's'}, {"round.w.d", 'w', 'd'},
               {"round.l.s", 'l', 's'}, {"round.l.d", 'l', 'd'}, {"trunc.w.s", 'w', 's'},
               {"trunc.w.d", 'w', 'd'}, {"trunc.l.s", 'l', 's'}, {"trunc.l.d", 'l', 'd'},
               {"ceil.w.s", 'w', 's'},  {"ceil.w.d", 'w', 'd'},  {"ceil.l.s", 'l', 's'},
               {"ceil.l.d", 'l', 'd'},  {"floor.w.s", 'w', 's'}, {"floor.w.d", 'w', 'd'},
               {"floor.l.s", 'l', 's'}, {"floor.l.d", 'l', 'd'}};
    int i = rnd((int)(sizeof ops / sizeof ops[0]));
    bool src64 = ops[i].src == 'd' || ops[i].src == 'l';
    bool dst64 = ops[i].dst == 'd' || ops[i].dst == 'l';
    /* L format needs FR=1 (UNPREDICTABLE with FR=0) */
    if (!B->fr && (ops[i].src == 'l' || ops[i].dst == 'l'))
        return false;
    int fs = src64 ? f64_src() : f32();
    if (fs < 0)
        return false;
    int fd = dst64 ? f64_dst() : f32();
    emit("%s $f%d, $f%d", ops[i].op, fd, fs);
    if (dst64)
        fw64(fd);
    else
        fw32(fd);
    return true;
}

static bool gen_fcmp(void)
{
    static const char *const cond[] = {"f",   "un",   "eq",  "ueq", "olt", "ult", "ole", "ule",
                                       "sf",  "ngle", "seq", "ngl", "lt",  "nge", "le",  "ngt"};
    bool d = chance(50);
    int a = d ? f64_src() : f32(), b = d ? f64_src() : f32();
    if (a < 0)
        return false;
    if (chance(30))
        b = a;
    emit("c.%s.%s $fcc%d, $f%d, $f%d", PICK(cond), d ? "d" : "s", rnd(8), a, b);
    return true;
}

static bool gen_fmove(void)
{
    bool d = chance(50);
    int fs = d ? f64_src() : f32();
    if (fs < 0)
        return false;
    int fd = d ? f64_dst() : f32();
    const char *fmt = d ? "d" : "s";
    bool conditional = true;
    switch (rnd(4)) {
    case 0:
        emit("mov.%s $f%d, $f%d", fmt, fd, fs);
        conditional = false;
        break;
    case 1:
        emit("%s.%s $f%d, $f%d, $fcc%d", chance(50) ? "movf" : "movt", fmt, fd, fs, rnd(8));
        break;
    default:
        emit("%s.%s $f%d, $f%d, %s", chance(50) ? "movz" : "movn", fmt, fd, fs, gname(gr()));
        break;
    }
    /* a conditional 64-bit move leaves an UNPREDICTABLE upper half as it was */
    if (!d)
        fw32(fd);
    else if (!conditional)
        fw64(fd);
    return true;
}

static bool gen_fmadd(void)
{
    static const char *const ops[] = {"madd", "msub", "nmadd", "nmsub"};
    bool d = chance(50);
    if (d) {
        int r = f64_src(), s = f64_src(), t = f64_src();
        if (r < 0)
            return false;
        int fd = f64_dst();
        emit("%s.d $f%d, $f%d, $f%d, $f%d", PICK(ops), fd, r, s, t);
        fw64(fd);
    } else {
        int fd = f32();
        emit("%s.s $f%d, $f%d, $f%d, $f%d", PICK(ops), fd, f32(), f32(), f32());
        fw32(fd);
    }
    return true;
}

static bool gen_frecip(void)
{
    const char *op = chance(50) ? "recip" : "rsqrt";
    if (chance(50)) {
        int fs = f64_src();
        if (fs < 0)
            return false;
        int fd = f64_dst();
        emit("%s.d $f%d, $f%d", op, fd, fs);
        fw64(fd);
    } else {
        int fd = f32();
        emit("%s.s $f%d, $f%d", op, fd, f32());
        fw32(fd);
    }
    return true;
}

static bool gen_fmem(void)
{
    int what = rnd(B->in_ds ? 4 : 6);
    if (what < 4) {
        bool d = what >= 2, store = what & 1;
        int off = mem_off(d ? 8 : 4);
        int base = mem_base(&off);
        int ft;
        if (d) {
            ft = store ? f64_src() : f64_dst();
            if (ft < 0)
                return false;
        } else {
            ft = f32();
        }
        emit("%s $f%d, %d(%s)", d ? (store ? "sdc1" : "ldc1") : (store ? "swc1" : "lwc1"), ft,
             off, gname(base));
        if (!store) {
            if (d)
                fw64(ft);
            else
                fw32(ft);
        }
        return true;
    }
    /* indexed: addiu idx, $0, off; op fd, idx($gp) or $gp(idx) */
    static const struct {
        const char *op;
        int size;
        bool store, unaligned;
    } ops[] = {{"lwxc1", 4, false, false}, {"swxc1", 4, true, false},
               {"ldxc1", 8, false, false}, {"sdxc1", 8, true, false},
               {"luxc1", 8, false, true},  {"suxc1", 8, true, true}};
    int i = rnd((int)(sizeof ops / sizeof ops[0]));
    if (ops[i].unaligned && !B->fr) /* LUXC1/SUXC1 need FR=1 (QEMU: RI) */
        return false;
    int size = ops[i].size;
    int off = ops[i].unaligned ? range(-SCRATCH_HALF, SCRATCH_HALF - 1) : mem_off(size);
    int ft;
    if (size == 8) {
        ft = ops[i].store ? f64_src() : f64_dst();
        if (ft < 0)
            return false;
    } else {
        ft = f32();
    }
    int idx = gw();
    emit("addiu %s, $0, %d", gname(idx), off);
    if (chance(50))
        emit("%s $f%d, %s($%d)", ops[i].op, ft, gname(idx), REG_GP);
    else
        emit("%s $f%d, $%d(%s)", ops[i].op, ft, REG_GP, gname(idx));
    if (!ops[i].store) {
        if (size == 8)
            fw64(ft);
        else
            fw32(ft);
    }
    return true;
}

static bool gen_fxfer(void)
{
    switch (rnd(4)) {
    case 0:
        emit("mfc1 %s, $f%d", gname(gd()), f32());
        return true;
    case 1: {
        int fs = f32();
        emit("mtc1 %s, $f%d", gname(gr()), fs);
        fw32(fs);
        return true;
    }
    case 2: {
        int fs = f64_src();
        if (fs < 0)
            return false;
        emit("mfhc1 %s, $f%d", gname(gd()), fs);
        return true;
    }
    default: {
        /* MTHC1 writes the upper half; the lower one is always defined */
        int fs = f64_dst();
        emit("mthc1 %s, $f%d", gname(gr()), fs);
        fw64(fs);
        return true;
    }
    }
}

static bool gen_fcsr(void)
{
    static const int readable[] = {25, 26, 28, 31}; /* not FIR: differs by CPU */
    if (B->in_ds || chance(50)) {
        emit("cfc1 %s, $%d", gname(gd()), PICK(readable));
        return true;
    }
    uint32_t v;
    int fcr = PICK(readable);
    switch (fcr) {
    case 25: /* FCCR */
        v = rnd32() & 0xff;
        break;
    case 26: /* FEXR: cause V,Z,O,U,I and flags (no E) */
        v = (uint32_t)rnd(32) << 12 | (uint32_t)rnd(32) << 2;
        break;
    case 28: /* FENR: RM only (enables and FS stay 0) */
        v = (uint32_t)rnd(4);
        break;
    default:
        v = fcsr_value(true);
        break;
    }
    int t = gw();
    emit("lui %s, 0x%x", gname(t), v >> 16);
    emit("ori %s, %s, 0x%x", gname(t), gname(t), v & 0xffff);
    emit("ctc1 %s, $%d", gname(t), fcr);
    return true;
}

/* ---- branches ------------------------------------------------------------ */
static bool gen_item(void);

/* Emits the delay slot (item B->item + 1) of the branch just emitted, whose
 * target is item t; leaves B->item on the slot (the caller's loop steps
 * past it). The slot runs whenever the branch does, unless it is likely. */
static void delay_slot(bool likely, int avoid, int t)
{
    bool cond_before = B->cond;
    B->item++;
    sb_printf(B->body, "L%d_%d:\n", B->k, B->item);
    B->cond = cond_before || likely || B->item < B->horizon;
    B->in_ds = true;
    B->avoid = avoid;
    while (!gen_item())
        ;
    B->in_ds = false;
    B->ds_noexc = false;
    B->avoid = -1;
    if (t > B->horizon)
        B->horizon = t;
}

/* A forward target: an item after the delay slot, at most the block end. */
static int branch_target(void)
{
    int t = B->item + 2 + (chance(50) ? rnd(3) : rnd(16));
    return t > B->n ? B->n : t;
}

static bool gen_branch(void)
{
    if (B->in_ds || B->item + 2 > B->n)
        return false;
    static const struct {
        const char *op;
        int nregs;
        bool likely, link;
    } ops[] = {{"beq", 2, false, false},    {"bne", 2, false, false},
               {"blez", 1, false, false},   {"bgtz", 1, false, false},
               {"bltz", 1, false, false},   {"bgez", 1, false, false},
               {"beql", 2, true, false},    {"bnel", 2, true, false},
               {"blezl", 1, true, false},   {"bgtzl", 1, true, false},
               {"bltzl", 1, true, false},   {"bgezl", 1, true, false},
               {"bltzal", 1, false, true},  {"bgezal", 1, false, true},
               {"bltzall", 1, true, true},  {"bgezall", 1, true, true},
               {"b", 0, false, false},      {"bal", 0, false, true}};
    int i = rnd((int)(sizeof ops / sizeof ops[0]));
    if (mm && ops[i].likely) /* microMIPS has no branch-likely */
        return false;
    int t = branch_target();
    int rs = gr(), rt = chance(25) ? rs : gr();
    if (ops[i].link) /* BxxZAL with rs = 31 is UNPREDICTABLE */
        while (rs == REG_RA)
            rs = gr();
    /* QEMU turns branches that can never be taken (BNE r, r; BGTZ, BLTZ,
     * BLTZAL $0) into plain instructions: an exception in their delay slot
     * gets no Cause.BD there, unlike the architecture. Not tested. */
    B->ds_noexc = (strcmp(ops[i].op, "bne") == 0 && rs == rt) ||
                  (rs == 0 && (strcmp(ops[i].op, "bgtz") == 0 || strcmp(ops[i].op, "bltz") == 0 ||
                               strcmp(ops[i].op, "bltzal") == 0));
    branch_label();
    if (ops[i].nregs == 2)
        emit("%s %s, %s, L%d_%d", ops[i].op, gname(rs), gname(rt), B->k, t);
    else if (ops[i].nregs == 1)
        emit("%s %s, L%d_%d", ops[i].op, gname(rs), B->k, t);
    else
        emit("%s L%d_%d", ops[i].op, B->k, t);
    delay_slot(ops[i].likely, ops[i].link ? REG_RA : -1, t);
    return true;
}

static bool gen_fbranch(void)
{
    static const char *const ops[] = {"bc1f", "bc1t", "bc1fl", "bc1tl"};
    if (B->in_ds || B->item + 2 > B->n)
        return false;
    int i = rnd(4);
    int t = branch_target();
    branch_label();
    emit("%s $fcc%d, L%d_%d", ops[i], rnd(8), B->k, t);
    delay_slot(i >= 2, -1, t);
    return true;
}

static bool gen_jump(void)
{
    if (B->in_ds || B->item + 2 > B->n)
        return false;
    int t = branch_target();
    int kind = rnd(6);
    if (kind == 0) {
        branch_label();
        emit("j L%d_%d", B->k, t);
        delay_slot(false, -1, t);
    } else if (kind == 1) {
        branch_label();
        emit("jal L%d_%d", B->k, t);
        delay_slot(false, REG_RA, t);
    } else {
        /* through a register: lui/addiu r, L; jr/jalr[.hb] */
        int r = gw();
        bool hb = chance(30);
        emit("lui %s, %%hi(L%d_%d)", gname(r), B->k, t);
        emit("addiu %s, %s, %%lo(L%d_%d)", gname(r), gname(r), B->k, t);
        branch_label();
        if (kind == 2) {
            emit("jr%s %s", hb ? ".hb" : "", gname(r));
            delay_slot(false, -1, t);
        } else {
            int rd = chance(40) ? REG_RA : gw_not(r, -1); /* rd = rs is UNPREDICTABLE */
            if (rd == r)
                rd = gw_not(r, -1);
            emit("jalr%s %s, %s", hb ? ".hb" : "", gname(rd), gname(r));
            delay_slot(false, rd, t);
        }
    }
    return true;
}

/* ---- microMIPS-only instructions (-m) ------------------------------------
 * (MIPS Architecture Vol. II-B, microMIPS32, MD00582.) Registers of the
 * 16-bit forms come from their 3-bit sets; $sp points into the scratch
 * buffer in -m programs (harness.S), so the $sp-relative 16-bit forms stay
 * inside it. */
static const int gpr3[] = {16, 17, 2, 3, 4, 5, 6, 7};

static int gw3(void)
{
    for (;;) {
        int r = PICK(gpr3);
        if (r != B->avoid)
            return r;
    }
}

/* A branch or jump of the "mm" class with a delay slot, target item t. */
static void mm_slot(int link, int t) { delay_slot(false, link, t); }

/* The 16-bit delay slot JALS/JALRS/BxxZALS require (MD00582: any other is
 * UNPREDICTABLE): a 16-bit ALU instruction, named by its 16-bit mnemonic. */
static void mm_slot16(int link, int t)
{
    bool cond_before = B->cond;
    B->item++;
    sb_printf(B->body, "L%d_%d:\n", B->k, B->item);
    B->cond = true;
    (void)cond_before;
    B->avoid = link;
    int d = gw3();
    switch (rnd(6)) {
    case 0: emit("%s %s, %s, %s", chance(50) ? "addu16" : "subu16", gname(d), gname(PICK(gpr3)), gname(PICK(gpr3))); break;
    case 1: emit("%s %s, %s", PICK(((const char *const[]){"and16", "or16", "xor16"})), gname(d), gname(PICK(gpr3))); break;
    case 2: emit("not16 %s, %s", gname(d), gname(PICK(gpr3))); break;
    case 3: emit("%s %s, %s, %d", chance(50) ? "sll16" : "srl16", gname(d), gname(PICK(gpr3)), range(1, 8)); break;
    case 4: emit("andi16 %s, %s, %d", gname(d), gname(PICK(gpr3)), PICK(((const int[]){1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, 128, 255, 32768, 65535}))); break;
    default: emit("li16 %s, %d", gname(d), chance(10) ? -1 : rnd(127)); break;
    }
    B->avoid = -1;
    if (t > B->horizon)
        B->horizon = t;
}

static bool gen_mm(void)
{
    int what = rnd(16);
    if (B->in_ds && what >= 6)
        what = rnd(6);
    switch (what) {
    case 0: { /* 16-bit ALU forms (the assembler picks them for these registers) */
        static const char *const rrr[] = {"addu", "subu"};
        static const char *const rr[] = {"and", "or", "xor"};
        int d = gw3();
        switch (rnd(6)) {
        case 0: emit("%s %s, %s, %s", PICK(rrr), gname(d), gname(PICK(gpr3)), gname(PICK(gpr3))); break;
        case 1: emit("%s %s, %s, %s", PICK(rr), gname(d), gname(d), gname(PICK(gpr3))); break;
        case 2: emit("not %s, %s", gname(d), gname(PICK(gpr3))); break;
        case 3: emit("%s %s, %s, %d", chance(50) ? "sll" : "srl", gname(d), gname(PICK(gpr3)), range(1, 8)); break;
        case 4: emit("andi %s, %s, %d", gname(d), gname(PICK(gpr3)),
                     PICK(((const int[]){128, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, 255, 32768, 65535})));
                break;
        default: emit("li %s, %d", gname(d), chance(10) ? -1 : rnd(127)); break;
        }
        return true;
    }
    case 1: { /* 16-bit ADDIU forms and MOVE */
        int d = gw3();
        switch (rnd(4)) {
        case 0: emit("addiu %s, %s, %d", gname(d), gname(PICK(gpr3)), PICK(((const int[]){1, 4, 8, 12, 16, 20, 24, -1}))); break;
        case 1: emit("addiu %s, $sp, %d", gname(d), 4 * rnd(64)); break;
        case 2: { int r = gw(); emit("addiu %s, %s, %d", gname(r), gname(r), range(-8, 7)); break; }
        default: emit("move %s, %s", gname(gw()), gname(gr())); break;
        }
        return true;
    }
    case 2: { /* 16-bit loads/stores: base in the 3-bit set, or $sp, or $gp */
        if (B->in_ds)
            return false;
        static const struct { const char *op; int size; bool store; } ops[] = {
            {"lbu", 1, false}, {"lhu", 2, false}, {"lw", 4, false},
            {"sb", 1, true},   {"sh", 2, true},   {"sw", 4, true}};
        int i = rnd(6);
        int base = gw3(), off = ops[i].size * rnd(15);
        if (i == 0 && chance(10))
            off = -1;
        emit("addiu %s, $%d, %d", gname(base), REG_GP, ops[i].size * range(-100, 100));
        if (ops[i].store)
            emit("%s %s, %d(%s)", ops[i].op, gname(PICK(((const int[]){0, 17, 2, 3, 4, 5, 6, 7}))), off, gname(base));
        else
            emit("%s %s, %d(%s)", ops[i].op, gname(gw3()), off, gname(base));
        return true;
    }
    case 3: /* LWSP/SWSP, LWGP */
        if (chance(40)) {
            bool st = chance(50);
            emit("%s %s, %d($sp)", st ? "sw" : "lw", gname(st ? gr() : gw()), 4 * rnd(32));
        } else {
            emit("lw %s, %d($%d)", gname(gw3()), 4 * range(-64, 63), REG_GP);
        }
        return true;
    case 4: { /* MOVEP */
        static const int dst[8][2] = {{5, 6}, {5, 7}, {6, 7}, {4, 21}, {4, 22}, {4, 5}, {4, 6}, {4, 7}};
        static const int src[] = {0, 17, 2, 3, 16, 18, 19, 20};
        int p = rnd(8);
        if (B->in_ds) /* 16-bit only: not in a 32-bit delay slot */
            return false;
        emit("movep %s, %s, %s, %s", gname(dst[p][0]), gname(dst[p][1]), gname(PICK(src)), gname(PICK(src)));
        return true;
    }
    case 5: /* ADDIUPC (the result depends on the PC: the same in both runs);
             * not in a delay slot, where QEMU takes the branch's PC (the
             * MIPS16e rule; README.md, "microMIPS") */
        if (B->in_ds)
            return false;
        emit("addiupc %s, %d", gname(gw3()), 4 * range(-4096, 4096));
        return true;
    case 6: { /* LWP / SWP rd, rd + 1 */
        int rd;
        do
            rd = range(1, 30);
        while ((rd >= 25 && rd <= 29) || rd + 1 == B->avoid || rd == B->avoid);
        int off = mem_off(4);
        if (off > SCRATCH_HALF - 8)
            off -= 4;
        emit("%s %s, %d($%d)", chance(50) ? "lwp" : "swp", gname(rd), off, REG_GP);
        return true;
    }
    case 7: { /* LWM32 / SWM32 {s0.., fp, ra} */
        int n = range(1, 9), ra = chance(50);
        if (ra && B->avoid == REG_RA)
            ra = 0;
        int off = mem_off(4);
        if (off > SCRATCH_HALF - 4 * (n + ra))
            off = SCRATCH_HALF - 4 * (n + ra);
        char list[32];
        if (n == 1)
            snprintf(list, sizeof list, "$16");
        else if (n <= 8)
            snprintf(list, sizeof list, "$16-$%d", 15 + n);
        else
            snprintf(list, sizeof list, "$16-$23,$30");
        emit("%s %s%s, %d($%d)", chance(50) ? "lwm32" : "swm32", list, ra ? ",$31" : "", off, REG_GP);
        return true;
    }
    case 8: { /* LWM16 / SWM16 {s0.., ra}, off($sp) */
        int n = range(1, 4);
        char list[16];
        snprintf(list, sizeof list, n == 1 ? "$16" : "$16-$%d", 15 + n);
        emit("%s %s,$31, %d($sp)", chance(50) ? "lwm16" : "swm16", list, 4 * rnd(16 - n));
        return true;
    }
    case 9: { /* LWXS rd, index(base) */
        int idx = gw(), rd = gw();
        emit("li %s, %d", gname(idx), range(-SCRATCH_HALF / 4, SCRATCH_HALF / 4 - 1));
        emit("lwxs %s, %s($%d)", gname(rd), gname(idx), REG_GP);
        return true;
    }
    case 10: { /* compact branches: BEQZC / BNEZC (no delay slot) */
        if (B->item + 1 > B->n)
            return false;
        int t = B->item + 1 + (chance(50) ? rnd(3) : rnd(16));
        if (t > B->n)
            t = B->n;
        emit("%s %s, L%d_%d", chance(50) ? "beqzc" : "bnezc", gname(gr()), B->k, t);
        if (t > B->horizon)
            B->horizon = t;
        return true;
    }
    case 11: { /* B16 / BEQZ16 / BNEZ16 (short targets), with a delay slot */
        if (B->item + 2 > B->n)
            return false;
        int t = B->item + 2 + rnd(3);
        if (t > B->n)
            t = B->n;
        branch_label();
        if (chance(30))
            emit("b16 L%d_%d", B->k, t);
        else
            emit("%s %s, L%d_%d", chance(50) ? "beqz16" : "bnez16", gname(PICK(gpr3)), B->k, t);
        mm_slot(-1, t);
        return true;
    }
    case 12: { /* BLTZALS / BGEZALS / JALS: 16-bit delay slot */
        if (B->item + 2 > B->n)
            return false;
        int t = branch_target(), rs;
        do
            rs = gr();
        while (rs == REG_RA);
        branch_label();
        switch (rnd(3)) {
        case 0: emit("bltzals %s, L%d_%d", gname(rs), B->k, t); break;
        case 1: emit("bgezals %s, L%d_%d", gname(rs), B->k, t); break;
        default: emit("jals L%d_%d", B->k, t); break;
        }
        mm_slot16(REG_RA, t);
        return true;
    }
    case 13: case 14: { /* register jumps: JRC, JR16, JALR16, JALRS16, JALRS (.HB) */
        if (B->item + 2 > B->n)
            return false;
        int t = branch_target(), r = gw();
        emit("lui %s, %%hi(L%d_%d)", gname(r), B->k, t);
        emit("addiu %s, %s, %%lo(L%d_%d)", gname(r), gname(r), B->k, t);
        int kind = rnd(5);
        if (kind == 0) { /* compact: no slot */
            emit("jrc %s", gname(r));
            if (t > B->horizon)
                B->horizon = t;
            return true;
        }
        branch_label();
        if (kind == 1) {
            emit("jr16 %s", gname(r));
            mm_slot(-1, t);
        } else if (kind == 2 && r != REG_RA) {
            emit("jalr16 %s", gname(r));
            mm_slot(REG_RA, t);
        } else if (kind == 3 && r != REG_RA) {
            emit("jalrs16 %s", gname(r));
            mm_slot16(REG_RA, t);
        } else {
            int rd = gw_not(r, -1);
            emit("jalrs%s %s, %s", chance(30) ? ".hb" : "", gname(rd), gname(r));
            mm_slot16(rd, t);
        }
        return true;
    }
    default: { /* JRADDIUSP: $sp -= 4n first, so $sp ends where it was */
        if (B->in_ds || B->avoid == REG_RA || B->item + 1 > B->n)
            return false;
        int t = B->item + 1 + rnd(8), n = rnd(32);
        if (t > B->n)
            t = B->n;
        emit("lui $31, %%hi(L%d_%d)", B->k, t);
        emit("addiu $31, $31, %%lo(L%d_%d)", B->k, t);
        emit("addiu $sp, $sp, %d", -4 * n);
        emit("jraddiusp %d", 4 * n);
        if (t > B->horizon)
            B->horizon = t;
        return true;
    }
    }
}

typedef bool (*gen_fn)(void);
static const gen_fn generators[CL_N] = {
    [CL_ALU] = gen_alu,       [CL_SHIFT] = gen_shift,     [CL_BITS] = gen_bits,
    [CL_CMOV] = gen_cmov,     [CL_MULDIV] = gen_muldiv,   [CL_DIV] = gen_div,
    [CL_MEM] = gen_mem,       [CL_UNAL] = gen_unal,       [CL_LLSC] = gen_llsc,
    [CL_BRANCH] = gen_branch, [CL_JUMP] = gen_jump,       [CL_EXC] = gen_exc,
    [CL_FARITH] = gen_farith, [CL_FCVT] = gen_fcvt,       [CL_FCMP] = gen_fcmp,
    [CL_FMOVE] = gen_fmove,   [CL_FMADD] = gen_fmadd,     [CL_FRECIP] = gen_frecip,
    [CL_FMEM] = gen_fmem,     [CL_FXFER] = gen_fxfer,     [CL_FCSR] = gen_fcsr,
    [CL_FBRANCH] = gen_fbranch, [CL_MISC] = gen_misc,
    [CL_SMC] = gen_smc,       [CL_MM] = gen_mm,
};

/* -X: mnemonics never to emit (to look past a known bug). */
static char **excluded;
static int n_excluded;

static bool text_has_excluded(const char *p, const char *end)
{
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        if (*p == '\t') {
            size_t len = strcspn(p + 1, " \n");
            for (int i = 0; i < n_excluded; i++)
                if (strlen(excluded[i]) == len && strncmp(p + 1, excluded[i], len) == 0)
                    return true;
        }
        p = eol + 1;
    }
    return false;
}

/* Makes state the random code may overwrite later visible in the digest:
 * stores a GPR, an FPR or FCSR (the Cause bits of the last operation) to
 * the scratch buffer, whose contents are part of the digest. */
static void observe(void)
{
    int what = rnd(100);
    if (what < 50) {
        emit("sw %s, %d($%d)", gname(gr()), mem_off(4), REG_GP);
    } else if (what < 85 && class_on[CL_FMEM]) {
        int f = chance(50) ? f64_src() : -1;
        if (f >= 0)
            emit("sdc1 $f%d, %d($%d)", f, mem_off(8), REG_GP);
        else
            emit("swc1 $f%d, %d($%d)", f32(), mem_off(4), REG_GP);
    } else if (class_on[CL_FCSR]) {
        int t = gw();
        emit("cfc1 %s, $31", gname(t));
        emit("sw %s, %d($%d)", gname(t), mem_off(4), REG_GP);
    }
}

static bool gen_class(int c)
{
    struct block saved = *B;
    size_t mark = B->body->n;
    bool ok = generators[c]();
    if (ok && n_excluded &&
        text_has_excluded(B->body->p + mark, B->body->p + B->body->n)) {
        saved.body->n = mark;
        *B = saved;
        return false;
    }
    if (ok && !B->in_ds && class_on[CL_MEM] && chance(20))
        observe();
    return ok;
}

static bool gen_item(void)
{
    int total = 0;
    for (int c = 0; c < CL_N; c++)
        if (class_on[c])
            total += class_weight[c];
    int x = rnd(total);
    for (int c = 0; c < CL_N; c++) {
        if (!class_on[c])
            continue;
        if (x < class_weight[c])
            return gen_class(c);
        x -= class_weight[c];
    }
    return false;
}

/* ---- a block: entry, body, exit, descriptor ------------------------------ */
static void gen_block(uint64_t seed, int k, int maxlen, struct sbuf *text, struct sbuf *data,
                      bool last)
{
    struct block blk = {0};
    struct sbuf body = {0};
    rng = seed ^ (0xD1B54A32D192ED03ull * (uint64_t)(k + 1));
    rnd64();
    blk.k = k;
    blk.fr = rnd(2);
    if (mm)
        blk.fr = 0; /* no FPU (QEMU's M14Kc) */
    blk.n = range(maxlen / 4 > 4 ? maxlen / 4 : 4, maxlen);
    blk.avoid = -1;
    blk.body = &body;
    B = &blk;

    /* initial state, drawn first so it does not depend on the body */
    uint32_t gpr[32];
    for (int r = 0; r < 32; r++)
        gpr[r] = gpr_value();
    uint64_t fpr[32];
    for (int f = 0; f < 32; f++)
        fpr[f] = fpr_value();
    uint32_t hi = gpr_value(), lo = gpr_value(), fcsr = fcsr_value(false);
    if (chance(60))
        fcsr &= ~0x7cu; /* no Flags yet: the digest shows which ones the block raised */
    uint32_t bufseed = rnd32() | 1;

    while (blk.item < blk.n) {
        sb_printf(&body, "L%d_%d:\n", k, blk.item);
        blk.cond = blk.item < blk.horizon;
        while (!gen_item())
            ;
        blk.item++; /* a branch left item on its delay slot */
    }
    sb_printf(&body, "L%d_%d:\n", k, blk.n);

    sb_printf(text, "\n# block %d: FR=%d, %d items\n", k, blk.fr, blk.n);
    if (mm) /* -m: a MIPS32 entry stub (the harness jumps to it), a microMIPS body */
        sb_printf(text, "\t.set nomicromips\n\t.align 2\n");
    sb_printf(text, "B%d_entry:\n", k);
    sb_printf(text, "\tlui $26, %%hi(D%d)\n\tj block_enter\n\taddiu $26, $26, %%lo(D%d)\n", k, k);
    if (mm)
        sb_printf(text, "\t.set micromips\n");
    sb_printf(text, "B%d_body:\n%.*s", k, (int)body.n, body.p ? body.p : "");
    if (mm) /* to the MIPS32 harness through a register (no JALX for a J) */
        sb_printf(text, "\tlui $26, %%hi(D%d)\n\taddiu $26, $26, %%lo(D%d)\n"
                        "\tlui $27, %%hi(block_exit)\n\taddiu $27, $27, %%lo(block_exit)\n"
                        "\tjr $27\n\tnop\n", k, k);
    else
        sb_printf(text, "\tlui $26, %%hi(D%d)\n\tj block_exit\n\taddiu $26, $26, %%lo(D%d)\n", k, k);
    free(body.p);

    uint32_t fprdef = 0;
    for (int f = 0; f < 32; f++)
        if (!blk.f_undef[f])
            fprdef |= 1u << f;
    sb_printf(data, "\t.align 3\nD%d:\n", k);
    sb_printf(data, "\t.word %d, %d, 0x%08x, %d, 0x%08x\n", k, blk.fr, bufseed,
              (blk.hi_undef ? 0 : 1) | (blk.lo_undef ? 0 : 2), fprdef);
    if (last)
        sb_printf(data, "\t.word B%d_body, diff_done\n", k);
    else
        sb_printf(data, "\t.word B%d_body, B%d_entry\n", k, k + 1);
    sb_printf(data, "\t.word 0x%08x, 0x%08x, 0x%08x\n", fcsr, hi, lo);
    for (int r = 0; r < 32; r++) {
        if (r == REG_GP)
            sb_printf(data, "\t.word scratch + %d\n", SCRATCH_HALF);
        else if (r == REG_SP) /* -m: in the scratch buffer (16-bit $sp forms) */
            sb_printf(data, mm ? "\t.word scratch + 128\n" : "\t.word __stack_top\n");
        else if (r == 0 || r == REG_K0 || r == REG_K1)
            sb_printf(data, "\t.word 0\n");
        else
            sb_printf(data, "\t.word 0x%08x\n", gpr[r]);
    }
    /* FR=1: 32 doublewords. FR=0: 32 words, pairs (even = low word). */
    for (int f = 0; f < 32; f++) {
        if (blk.fr)
            sb_printf(data, "\t.word 0x%08x, 0x%08x\n", (uint32_t)fpr[f],
                      (uint32_t)(fpr[f] >> 32));
        else
            sb_printf(data, "\t.word 0x%08x\n",
                      f & 1 ? (uint32_t)(fpr[f / 2] >> 32) : (uint32_t)fpr[f / 2]);
    }
    B = NULL;
}

/* ---- main ---------------------------------------------------------------- */
static void usage(void)
{
    fprintf(stderr,
            "usage: gen [-b BLOCKS] [-n MAXLEN] [-B ONLY] [-f] [-x CLASSES] [-o CLASSES]\n"
            "           [-X MNEMONICS] [-m] SEED\n"
            "classes:");
    for (int c = 0; c < CL_N; c++)
        fprintf(stderr, " %s", class_names[c]);
    fprintf(stderr, "\n");
    exit(2);
}

static void set_classes(const char *list, bool on)
{
    char *copy = strdup(list);
    for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
        int c;
        for (c = 0; c < CL_N; c++)
            if (strcmp(tok, class_names[c]) == 0)
                break;
        if (c == CL_N) {
            fprintf(stderr, "gen: unknown class '%s'\n", tok);
            usage();
        }
        class_on[c] = on;
    }
    free(copy);
}

static long num_arg(const char *s)
{
    char *end;
    long v = strtol(s, &end, 0);
    if (!*s || *end || v < 0) {
        fprintf(stderr, "gen: bad number '%s'\n", s);
        usage();
    }
    return v;
}

int main(int argc, char **argv)
{
    int blocks = 20, maxlen = 120, only = -1, full = 0;
    const char *seed_arg = NULL;
    for (int c = 0; c < CL_N; c++)
        class_on[c] = true;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] == '-' && a[1] && !a[2] && strchr("bnBxoX", a[1])) {
            if (++i >= argc)
                usage();
            if (a[1] == 'b')
                blocks = (int)num_arg(argv[i]);
            else if (a[1] == 'n')
                maxlen = (int)num_arg(argv[i]);
            else if (a[1] == 'B')
                only = (int)num_arg(argv[i]);
            else if (a[1] == 'x')
                set_classes(argv[i], false);
            else if (a[1] == 'X') {
                char *copy = strdup(argv[i]);
                for (char *t = strtok(copy, ","); t; t = strtok(NULL, ",")) {
                    excluded = realloc(excluded, sizeof *excluded * (size_t)(n_excluded + 1));
                    excluded[n_excluded++] = strdup(t);
                }
                free(copy);
            }
            else {
                for (int c = 0; c < CL_N; c++)
                    class_on[c] = false;
                set_classes(argv[i], true);
            }
        } else if (strcmp(a, "-f") == 0) {
            full = 1;
        } else if (strcmp(a, "-m") == 0) {
            mm = true;
        } else if (a[0] != '-' && !seed_arg) {
            seed_arg = a;
        } else {
            usage();
        }
    }
    if (mm) { /* no FPU on QEMU's microMIPS CPUs; no MIPS32 words to store */
        for (int c = CL_FARITH; c <= CL_FBRANCH; c++)
            class_on[c] = false;
        class_on[CL_SMC] = false;
    } else {
        class_on[CL_MM] = false;
    }
    if (!seed_arg || blocks < 1 || maxlen < 4 || maxlen > 5000 || (only >= 0 && only >= blocks))
        usage();
    char *end;
    uint64_t seed = strtoull(seed_arg, &end, 0);
    if (*end)
        usage();
    bool any = false;
    for (int c = 0; c < CL_N; c++)
        any |= class_on[c] && c != CL_BRANCH && c != CL_JUMP && c != CL_FBRANCH &&
               c != CL_DIV && c != CL_LLSC && c != CL_EXC;
    if (!any) { /* delay slots need a class with single instructions */
        fprintf(stderr, "gen: enable at least one straight-line class\n");
        return 2;
    }

    struct sbuf text = {0}, data = {0};
    int first = only >= 0 ? only : 0, lastb = only >= 0 ? only : blocks - 1;
    for (int k = first; k <= lastb; k++)
        gen_block(seed, k, maxlen, &text, &data, k == lastb);

    printf("# generated by tests/diff/gen seed=%s blocks=%d maxlen=%d only=%d\n", seed_arg,
           blocks, maxlen, only);
    printf("\t.set noreorder\n\t.set noat\n\t.set nomacro\n\t.set fp=64\n");
    if (mm)
        printf("\t.set nomicromips\n");
    printf("\t.text\n\t.globl diff_main\ndiff_main:\n");
    fwrite(text.p, 1, text.n, stdout);
    printf("\n\t.data\n\t.globl diff_full_dump\n\t.align 2\ndiff_full_dump:\n\t.word %d\n", full);
    fwrite(data.p, 1, data.n, stdout);
    free(text.p);
    free(data.p);
    return ferror(stdout) ? 1 : 0;
}

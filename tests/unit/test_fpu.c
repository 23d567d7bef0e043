/*
 * Unit tests of the FPU (sim/cpu/fpu.c), linked with a stub CPU that records
 * the exceptions, branches and memory accesses the FPU asks for.
 * Expected values are IEEE 754 bit patterns worked out by hand (comments
 * give the reasoning), never computed by the code under test.
 */
#include <fenv.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <mips/mipsregs.h>

#include "cpu/cpu.h"

/* ---- stub CPU ------------------------------------------------------------- */

static struct cpu cpu;
static struct cpu *const c = &cpu;

static int exc_count;
static unsigned exc_code;
static bool exc_has_bad;
static uint32_t exc_bad;

static int br_count;
static bool br_taken, br_likely;
static uint32_t br_target;

#define MEM_BASE 0x1000u
static uint8_t mem[64];
static int mem_loads, mem_stores;

void cpu_exception(struct cpu *cp, unsigned exccode, bool has_badvaddr, uint32_t badvaddr)
{
    exc_count++;
    exc_code = exccode;
    exc_has_bad = has_badvaddr;
    exc_bad = badvaddr;
}

void cpu_branch(struct cpu *cp, bool taken, uint32_t target, bool likely)
{
    br_count++;
    br_taken = taken;
    br_target = target;
    br_likely = likely;
}

bool cpu_load(struct cpu *cp, uint32_t va, unsigned size, uint32_t *val)
{
    if (va < MEM_BASE || va + size > MEM_BASE + sizeof mem || (va & (size - 1))) {
        cpu_exception(cp, EXCCODE_ADEL, true, va);
        return false;
    }
    uint32_t v = 0;
    memcpy(&v, &mem[va - MEM_BASE], size); /* host is little-endian like the target */
    *val = v;
    mem_loads++;
    return true;
}

bool cpu_store(struct cpu *cp, uint32_t va, unsigned size, uint32_t val)
{
    if (va < MEM_BASE || va + size > MEM_BASE + sizeof mem || (va & (size - 1))) {
        cpu_exception(cp, EXCCODE_ADES, true, va);
        return false;
    }
    memcpy(&mem[va - MEM_BASE], &val, size);
    mem_stores++;
    return true;
}

/* ---- harness ----------------------------------------------------------------- */

static int failures;
static char why[256];
static bool bad;

#define EXPECT(cond, ...) do { if (!bad && !(cond)) { bad = true; \
    snprintf(why, sizeof why, __VA_ARGS__); } } while (0)
#define EQ(got, want) do { uint64_t _g = (uint64_t)(got), _w = (uint64_t)(want); \
    EXPECT(_g == _w, "line %d: %s = 0x%" PRIx64 ", expected 0x%" PRIx64, __LINE__, \
           #got, _g, _w); } while (0)

static void reset(bool fr)
{
    memset(&cpu, 0, sizeof cpu);
    c->r = c->sets[0];
    c->pc = 0x80001000u;
    c->cp0.status = ST0_CU1 | (fr ? ST0_FR : 0);
    fpu_reset(c);
    exc_count = 0;
    exc_code = 99;
    br_count = 0;
    memset(mem, 0, sizeof mem);
    mem_loads = mem_stores = 0;
}

static void begin(void)
{
    bad = false;
    why[0] = 0;
    reset(true);
}

static void end(const char *name)
{
    if (bad) {
        failures++;
        printf("FAIL %s: %s\n", name, why);
    } else {
        printf("ok %s\n", name);
    }
}

/* ---- encoders ---------------------------------------------------------------- */

enum { S = 16, D = 17, W = 20, L = 21, PS = 22 };

static uint32_t cop1(unsigned fmt, unsigned ft, unsigned fs, unsigned fd, unsigned func)
{
    return 0x44000000u | fmt << 21 | ft << 16 | fs << 11 | fd << 6 | func;
}
static uint32_t cop1_rs(unsigned rs, unsigned rt, unsigned fs)
{
    return 0x44000000u | rs << 21 | rt << 16 | fs << 11;
}
static uint32_t ccmp(unsigned fmt, unsigned ft, unsigned fs, unsigned cc, unsigned cond)
{
    return cop1(fmt, ft, fs, cc << 2, 48 + cond);
}
static uint32_t cop1x(unsigned base, unsigned index, unsigned fs, unsigned fd, unsigned func)
{
    return 0x4C000000u | base << 21 | index << 16 | fs << 11 | fd << 6 | func;
}

enum { ADD = 0, SUB, MUL, DIV, SQRT, ABS, MOV, NEG, ROUND_L, TRUNC_L, CEIL_L, FLOOR_L,
       ROUND_W, TRUNC_W, CEIL_W, FLOOR_W, MOVCF = 17, MOVZ, MOVN, RECIP = 21, RSQRT,
       CVT_S = 32, CVT_D, CVT_W = 36, CVT_L };

static bool run(uint32_t insn) { return fpu_exec_cop1(c, insn); }
static bool runx(uint32_t insn) { return fpu_exec_cop1x(c, insn); }

static void set_rm(unsigned rm) { c->fpu.fcsr = (c->fpu.fcsr & ~3u) | rm; }
static void set_enables(unsigned en) { c->fpu.fcsr = (c->fpu.fcsr & ~(0x1Fu << 7)) | en << 7; }
static unsigned cause(void) { return (c->fpu.fcsr >> 12) & 0x3F; }
static unsigned flags(void) { return (c->fpu.fcsr >> 2) & 0x1F; }

#define V 16u
#define Z 8u
#define O 4u
#define U 2u
#define I 1u
#define E 32u

/* Binary S op: fd=f2 ← f0 op f1. Returns the result word. */
static uint32_t bin_s(unsigned func, uint32_t a, uint32_t b)
{
    fpu_set_w(c, 0, a);
    fpu_set_w(c, 1, b);
    fpu_set_w(c, 2, 0xDEADBEEFu);
    run(cop1(S, 1, 0, 2, func));
    return fpu_get_w(c, 2);
}
static uint64_t bin_d(unsigned func, uint64_t a, uint64_t b)
{
    fpu_set_d(c, 0, a);
    fpu_set_d(c, 2, b);
    fpu_set_d(c, 4, 0xDEADBEEFDEADBEEFull);
    run(cop1(D, 2, 0, 4, func));
    return fpu_get_d(c, 4);
}
static uint64_t un(unsigned fmt, unsigned func, uint64_t a, bool dst64)
{
    if (fmt == D || fmt == L) fpu_set_d(c, 0, a); else fpu_set_w(c, 0, (uint32_t)a);
    fpu_set_d(c, 4, 0xDEADBEEFDEADBEEFull);
    run(cop1(fmt, 0, 0, 4, func));
    return dst64 ? fpu_get_d(c, 4) : fpu_get_w(c, 4);
}

/* ---- tests ------------------------------------------------------------------- */

static void t_reset_regs(void)
{
    begin();
    EQ(run(cop1_rs(2, 8, 0)), 0); /* CFC1 t0, FIR */
    EQ(c->r[8], 0x11F3A700u);
    run(cop1_rs(2, 9, 31));
    EQ(c->r[9], 0x000C0000u);
    /* FIR and the fixed FCSR bits are read-only */
    c->r[10] = 0xFFFFFFFFu;
    run(cop1_rs(6, 10, 0));
    run(cop1_rs(2, 8, 0));
    EQ(c->r[8], 0x11F3A700u);
    c->r[10] = 0; /* try to clear NAN2008/ABS2008 */
    run(cop1_rs(6, 10, 31));
    EQ(c->fpu.fcsr, 0x000C0000u);
    c->r[10] = 0xFFFFFFFFu & ~(0x3Fu << 12) & ~(0x1Fu << 7); /* no cause/enables */
    EQ(run(cop1_rs(6, 10, 31)), 0);
    /* writable: FCC 31:25, FS 24, FCC0 23, flags 6:2, RM; fixed 19:18 */
    EQ(c->fpu.fcsr, 0xFF8C007Fu);
    EQ(exc_count, 0);
    end("fpu_reset_fir_fcsr");
}

static void t_ctrl_views(void)
{
    begin();
    c->r[8] = 0xA5; /* FCC 7..0 = 1010 0101 */
    run(cop1_rs(6, 8, 25));
    /* FCC0 (bit 23) = 1, FCC2 (26), FCC5 (29), FCC7 (31) */
    EQ(c->fpu.fcsr, 0x000C0000u | 1u << 23 | 1u << 26 | 1u << 29 | 1u << 31);
    run(cop1_rs(2, 9, 25));
    EQ(c->r[9], 0xA5);
    /* FENR: enables 11:7, FS at 2, RM 1:0 */
    c->r[8] = 0x00000F87u; /* all enables, FS, RM = 3 */
    run(cop1_rs(6, 8, 28));
    EQ(c->fpu.fcsr & 0x01000F83u, 0x01000F83u);
    run(cop1_rs(2, 9, 28));
    EQ(c->r[9], 0x00000F87u);
    /* FEXR: cause 17:12, flags 6:2; enables are on, so writing a cause traps */
    c->r[8] = 0x0000007Cu; /* flags only */
    EQ(run(cop1_rs(6, 8, 26)), 0);
    run(cop1_rs(2, 9, 26));
    EQ(c->r[9], 0x7C);
    c->r[8] = 1u << 12; /* Cause.I with Enable.I → FPE after the write */
    EQ(run(cop1_rs(6, 8, 26)), 1);
    EQ(exc_code, EXCCODE_FPE);
    EQ(cause(), I);
    run(cop1_rs(2, 9, 31));
    EQ(c->r[9], c->fpu.fcsr);
    end("fpu_ctrl_views");
}

static void t_cause_e(void)
{
    begin();
    c->r[8] = 0x000C0000u | FCSR_CAUSE_E; /* no enables: E always traps */
    EQ(run(cop1_rs(6, 8, 31)), 1);
    EQ(exc_code, EXCCODE_FPE);
    EQ(cause(), E);
    /* UFR (1), FRE (5) and unknown control registers are reserved */
    exc_count = 0;
    EQ(run(cop1_rs(2, 8, 1)), 1);
    EQ(exc_code, EXCCODE_RI);
    EQ(run(cop1_rs(6, 0, 4)), 1);
    EQ(exc_code, EXCCODE_RI);
    end("fpu_cause_e_and_reserved_ctrl");
}

static void t_add_round(void)
{
    begin();
    EQ(bin_s(ADD, 0x3F800000u, 0x40000000u), 0x40400000u); /* 1 + 2 = 3 */
    EQ(cause(), 0);
    /* 1 + 2^-24: exactly half an ulp of 1.0 → ties to even = 1.0 */
    EQ(bin_s(ADD, 0x3F800000u, 0x33800000u), 0x3F800000u);
    EQ(cause(), I);
    EQ(flags(), I);
    set_rm(2); /* +inf */
    EQ(bin_s(ADD, 0x3F800000u, 0x33800000u), 0x3F800001u);
    set_rm(1); /* zero */
    EQ(bin_s(ADD, 0x3F800000u, 0x33800000u), 0x3F800000u);
    set_rm(3); /* -inf */
    EQ(bin_s(ADD, 0xBF800000u, 0xB3800000u), 0xBF800001u);
    set_rm(2);
    EQ(bin_s(ADD, 0xBF800000u, 0xB3800000u), 0xBF800000u);
    /* 1 + 3*2^-25 (0x33C00000) = 1 + 0.75 ulp → nearest rounds up */
    set_rm(0);
    EQ(bin_s(ADD, 0x3F800000u, 0x33C00000u), 0x3F800001u);
    /* x - x = +0 except in round-down, where it is -0 */
    EQ(bin_s(SUB, 0x40490FDBu, 0x40490FDBu), 0x00000000u);
    set_rm(3);
    EQ(bin_s(SUB, 0x40490FDBu, 0x40490FDBu), 0x80000000u);
    EQ(cause(), 0);
    /* the host is left in round-to-nearest */
    EQ(fegetround(), FE_TONEAREST);
    set_rm(0);
    /* 0.1 + 0.2 = 0.30000000000000004 */
    EQ(bin_d(ADD, 0x3FB999999999999Aull, 0x3FC999999999999Aull), 0x3FD3333333333334ull);
    EQ(cause(), I);
    set_rm(1); /* toward zero: 0x...33 */
    EQ(bin_d(ADD, 0x3FB999999999999Aull, 0x3FC999999999999Aull), 0x3FD3333333333333ull);
    EQ(fegetround(), FE_TONEAREST);
    end("fpu_add_sub_rounding");
}

static void t_mul_div_sqrt(void)
{
    begin();
    EQ(bin_s(MUL, 0x40400000u, 0x40800000u), 0x41400000u); /* 3 * 4 = 12 */
    EQ(bin_d(DIV, 0x3FF0000000000000ull, 0x4008000000000000ull), 0x3FD5555555555555ull); /* 1/3 */
    EQ(cause(), I);
    set_rm(2);
    EQ(bin_d(DIV, 0x3FF0000000000000ull, 0x4008000000000000ull), 0x3FD5555555555556ull);
    set_rm(0);
    EQ(un(D, SQRT, 0x4000000000000000ull, true), 0x3FF6A09E667F3BCDull); /* sqrt 2 */
    EQ(cause(), I);
    EQ(un(S, SQRT, 0x41800000u, false), 0x40800000u); /* sqrt 16 = 4 */
    EQ(cause(), 0);
    EQ(un(S, SQRT, 0x80000000u, false), 0x80000000u); /* sqrt -0 = -0 */
    EQ(un(S, SQRT, 0xBF800000u, false), 0x7FC00000u); /* sqrt -1: default NaN */
    EQ(cause(), V);
    EQ(un(S, RECIP, 0x40800000u, false), 0x3E800000u); /* 1/4 */
    EQ(un(S, RSQRT, 0x40800000u, false), 0x3F000000u); /* 1/sqrt 4 */
    EQ(un(D, RECIP, 0x4008000000000000ull, true), 0x3FD5555555555555ull);
    EQ(cause(), I);
    EQ(un(D, RECIP, 0x0000000000000000ull, true), 0x7FF0000000000000ull);
    EQ(cause(), Z);
    EQ(flags(), I | V | Z);
    end("fpu_mul_div_sqrt_recip");
}

static void t_special(void)
{
    begin();
    EQ(bin_s(DIV, 0x3F800000u, 0x00000000u), 0x7F800000u); /* 1/0 = +inf */
    EQ(cause(), Z);
    EQ(bin_s(DIV, 0xBF800000u, 0x00000000u), 0xFF800000u);
    EQ(bin_s(DIV, 0x00000000u, 0x00000000u), 0x7FC00000u); /* 0/0 */
    EQ(cause(), V);
    EQ(bin_d(SUB, 0x7FF0000000000000ull, 0x7FF0000000000000ull), 0x7FF8000000000000ull);
    EQ(cause(), V);
    EQ(bin_s(MUL, 0x7F800000u, 0x00000000u), 0x7FC00000u); /* inf * 0 */
    /* overflow: 2^127 * 2 */
    EQ(bin_s(MUL, 0x7F000000u, 0x40000000u), 0x7F800000u);
    EQ(cause(), O | I);
    set_rm(1);
    EQ(bin_s(MUL, 0x7F000000u, 0x40000000u), 0x7F7FFFFFu);
    set_rm(3);
    EQ(bin_s(MUL, 0x7F000000u, 0x40000000u), 0x7F7FFFFFu);
    EQ(bin_s(MUL, 0xFF000000u, 0x40000000u), 0xFF800000u);
    set_rm(0);
    /* exact tiny result: 2^-126 * 0.5 = 2^-127, no underflow when untrapped */
    EQ(bin_s(MUL, 0x00800000u, 0x3F000000u), 0x00400000u);
    EQ(cause(), 0);
    /* inexact tiny: (2^-126 + 2^-149) / 2 → tie → even 0x00400000 */
    EQ(bin_s(MUL, 0x00800001u, 0x3F000000u), 0x00400000u);
    EQ(cause(), U | I);
    /* subnormal operands are used as they are: 2^-149 * 2^23 = 2^-126 */
    EQ(bin_s(MUL, 0x00000001u, 0x4B000000u), 0x00800000u);
    EQ(cause(), 0);
    end("fpu_special_values");
}

static void t_nan(void)
{
    begin();
    uint32_t qa = 0x7FC00001u, qb = 0xFFC00002u, sa = 0x7F800003u, sb = 0xFF800004u;
    EQ(bin_s(ADD, qa, 0x3F800000u), qa); /* QNaN propagates, no Invalid */
    EQ(cause(), 0);
    EQ(bin_s(ADD, 0x3F800000u, qb), qb);
    EQ(bin_s(ADD, qa, qb), qa); /* first QNaN */
    EQ(bin_s(MUL, sa, 0x3F800000u), 0x7FC00003u); /* SNaN quieted */
    EQ(cause(), V);
    EQ(bin_s(MUL, qa, sb), 0xFFC00004u); /* SNaN wins over QNaN */
    EQ(cause(), V);
    EQ(bin_s(SUB, sa, sb), 0x7FC00003u);
    EQ(bin_d(ADD, 0x7FF0000000000001ull, 0x3FF0000000000000ull), 0x7FF8000000000001ull);
    EQ(cause(), V);
    /* ABS/NEG/MOV are non-arithmetic: the SNaN is untouched, nothing raised */
    c->fpu.fcsr = (c->fpu.fcsr & ~(0x3Fu << 12)) | I << 12; /* a stale cause stays */
    EQ(un(S, ABS, 0xFF800001u, false), 0x7F800001u);
    EQ(un(S, NEG, 0x7F800001u, false), 0xFF800001u);
    EQ(un(D, NEG, 0x7FF0000000000001ull, true), 0xFFF0000000000001ull);
    EQ(un(D, ABS, 0x8000000000000000ull, true), 0);
    EQ(un(S, MOV, 0x7F800001u, false), 0x7F800001u);
    EQ(cause(), I);
    /* S <-> D keeps the payload and quiets */
    EQ(un(S, CVT_D, 0x7F800001u, true), 0x7FF8000020000000ull);
    EQ(cause(), V);
    EQ(un(S, CVT_D, 0xFFC00001u, true), 0xFFF8000020000000ull);
    EQ(cause(), 0);
    EQ(un(D, CVT_S, 0x7FF0000020000000ull, false), 0x7FC00001u);
    EQ(cause(), V);
    end("fpu_nan_2008");
}

static void t_traps(void)
{
    begin();
    set_enables(Z);
    fpu_set_w(c, 2, 0x12345678u);
    fpu_set_w(c, 0, 0x3F800000u);
    fpu_set_w(c, 1, 0);
    EQ(run(cop1(S, 1, 0, 2, DIV)), 1);
    EQ(exc_code, EXCCODE_FPE);
    EQ(fpu_get_w(c, 2), 0x12345678u); /* not written */
    EQ(cause(), Z);
    EQ(flags(), 0); /* no flags when trapping */
    /* an untrapped op clears the cause and sets flags */
    exc_count = 0;
    fpu_set_w(c, 1, 0x40400000u);
    EQ(run(cop1(S, 1, 0, 2, DIV)), 0);
    EQ(exc_count, 0);
    EQ(cause(), I);
    EQ(flags(), I);
    /* inexact enabled: 1/3 traps */
    set_enables(I);
    EQ(run(cop1(S, 1, 0, 2, DIV)), 1);
    EQ(cause(), I);
    /* overflow enabled: O|I in cause */
    set_enables(O);
    fpu_set_w(c, 0, 0x7F000000u);
    fpu_set_w(c, 1, 0x40000000u);
    EQ(run(cop1(S, 1, 0, 2, MUL)), 1);
    EQ(cause(), O | I);
    /* underflow enabled: an exact tiny result traps too (IEEE 754 trap rule) */
    set_enables(U);
    fpu_set_w(c, 0, 0x00800000u);
    fpu_set_w(c, 1, 0x3F000000u);
    EQ(run(cop1(S, 1, 0, 2, MUL)), 1);
    EQ(cause(), U);
    /* invalid enabled */
    set_enables(V);
    fpu_set_w(c, 2, 0x12345678u);
    fpu_set_w(c, 0, 0x7F800001u);
    EQ(run(cop1(S, 1, 0, 2, ADD)), 1);
    EQ(cause(), V);
    EQ(fpu_get_w(c, 2), 0x12345678u);
    end("fpu_enables_trap");
}

static void t_flush(void)
{
    begin();
    c->fpu.fcsr |= FCSR_FS;
    EQ(bin_s(MUL, 0x00800000u, 0x3F000000u), 0x00000000u);
    EQ(cause(), U | I);
    EQ(bin_s(MUL, 0x80800000u, 0x3F000000u), 0x80000000u);
    EQ(bin_d(MUL, 0x0010000000000000ull, 0x3FE0000000000000ull), 0);
    EQ(bin_s(MUL, 0x00800000u, 0x3F800000u), 0x00800000u); /* normal: kept */
    EQ(cause(), 0);
    end("fpu_flush_to_zero");
}

static void t_to_int(void)
{
    begin();
    /* 2.5 (0x40200000): CVT.W by RM */
    EQ(un(S, CVT_W, 0x40200000u, false), 2);
    EQ(cause(), I);
    set_rm(2); EQ(un(S, CVT_W, 0x40200000u, false), 3);
    set_rm(1); EQ(un(S, CVT_W, 0x40200000u, false), 2);
    set_rm(3); EQ(un(S, CVT_W, 0xC0200000u, false), 0xFFFFFFFDu); /* -2.5 → -3 */
    set_rm(2);
    /* explicit modes ignore RM: ROUND 3.5 → 4, 2.5 → 2 */
    EQ(un(S, ROUND_W, 0x40600000u, false), 4);
    EQ(un(S, ROUND_W, 0x40200000u, false), 2);
    /* -2.7 (0xC02CCCCD) */
    EQ(un(S, TRUNC_W, 0xC02CCCCDu, false), 0xFFFFFFFEu);
    EQ(un(S, CEIL_W, 0xC02CCCCDu, false), 0xFFFFFFFEu);
    EQ(un(S, FLOOR_W, 0xC02CCCCDu, false), 0xFFFFFFFDu);
    EQ(cause(), I);
    EQ(un(S, TRUNC_W, 0x42F60000u, false), 123); /* exact */
    EQ(cause(), 0);
    /* 2008 rules: NaN → 0, out of range saturates, Invalid only */
    EQ(un(S, TRUNC_W, 0x7FC00000u, false), 0);
    EQ(cause(), V);
    EQ(un(S, TRUNC_W, 0xFFC00000u, false), 0);
    EQ(un(S, TRUNC_W, 0x4F32D05Eu, false), 0x7FFFFFFFu); /* 3e9 */
    EQ(cause(), V);
    EQ(un(S, TRUNC_W, 0xCF32D05Eu, false), 0x80000000u);
    EQ(un(S, TRUNC_W, 0xCF000000u, false), 0x80000000u); /* -2^31 fits */
    EQ(cause(), 0);
    EQ(un(S, TRUNC_W, 0x7F800000u, false), 0x7FFFFFFFu);
    EQ(un(S, TRUNC_W, 0xFF800000u, false), 0x80000000u);
    /* double: 2147483647.5 rounds to nearest-even 2^31 → saturates */
    EQ(un(D, ROUND_W, 0x41DFFFFFFFE00000ull, false), 0x7FFFFFFFu);
    EQ(cause(), V);
    EQ(un(D, TRUNC_W, 0x41DFFFFFFFE00000ull, false), 0x7FFFFFFFu);
    EQ(cause(), I);
    /* 64-bit (FR=1) */
    EQ(un(D, TRUNC_L, 0x43E0000000000000ull, true), 0x7FFFFFFFFFFFFFFFull); /* 2^63 */
    EQ(cause(), V);
    EQ(un(D, TRUNC_L, 0xC3E0000000000000ull, true), 0x8000000000000000ull);
    EQ(cause(), 0);
    EQ(un(D, CVT_L, 0x4340000000000001ull, true), 0x0020000000000002ull); /* 2^53+2 */
    EQ(un(S, CEIL_L, 0x3F000000u, true), 1);
    EQ(un(S, FLOOR_L, 0xBF000000u, true), 0xFFFFFFFFFFFFFFFFull);
    EQ(un(D, ROUND_L, 0x7FF8000000000000ull, true), 0);
    EQ(cause(), V);
    end("fpu_convert_to_int");
}

static void t_from_int(void)
{
    begin();
    EQ(un(W, CVT_S, 0x01000001u, false), 0x4B800000u); /* 2^24+1 → tie → even */
    EQ(cause(), I);
    set_rm(2);
    EQ(un(W, CVT_S, 0x01000001u, false), 0x4B800001u);
    EQ(un(W, CVT_S, 0xFFFFFFFFu, false), 0xBF800000u); /* -1 */
    EQ(un(W, CVT_D, 0x80000000u, true), 0xC1E0000000000000ull); /* -2^31 */
    EQ(cause(), 0);
    set_rm(0);
    EQ(un(L, CVT_D, 0x0020000000000001ull, true), 0x4340000000000000ull);
    EQ(cause(), I);
    EQ(un(L, CVT_S, 0x8000000000000000ull, false), 0xDF000000u); /* -2^63 */
    EQ(cause(), 0);
    /* S <-> D */
    EQ(un(D, CVT_S, 0x3FB999999999999Aull, false), 0x3DCCCCCDu); /* 0.1 */
    EQ(cause(), I);
    set_rm(1);
    EQ(un(D, CVT_S, 0x3FB999999999999Aull, false), 0x3DCCCCCCu);
    EQ(un(S, CVT_D, 0x3DCCCCCDu, true), 0x3FB99999A0000000ull);
    EQ(cause(), 0);
    set_rm(0);
    EQ(un(D, CVT_S, 0x7E37E43C8800759Cull, false), 0x7F800000u); /* 1e300 */
    EQ(cause(), O | I);
    EQ(un(S, CVT_D, 0x00000001u, true), 0x36A0000000000000ull); /* 2^-149 exact */
    EQ(cause(), 0);
    end("fpu_convert_from_int_and_fp");
}

static void t_compare(void)
{
    begin();
    fpu_set_w(c, 0, 0x3F800000u); /* 1 */
    fpu_set_w(c, 1, 0x40000000u); /* 2 */
    fpu_set_w(c, 2, 0x7FC00000u); /* QNaN */
    fpu_set_w(c, 3, 0x7F800001u); /* SNaN */
    fpu_set_w(c, 4, 0x80000000u); /* -0 */
    fpu_set_w(c, 5, 0x00000000u); /* +0 */
    /* conds: 0 F, 1 UN, 2 EQ, 3 UEQ, 4 OLT, 5 ULT, 6 OLE, 7 ULE, +8 signalling */
    run(ccmp(S, 1, 0, 0, 4)); EQ(c->fpu.fcsr >> 23 & 1, 1); /* 1 < 2 */
    run(ccmp(S, 0, 1, 0, 4)); EQ(c->fpu.fcsr >> 23 & 1, 0);
    run(ccmp(S, 5, 4, 3, 2)); EQ(c->fpu.fcsr >> 27 & 1, 1); /* -0 == +0, cc3 */
    run(ccmp(S, 0, 0, 7, 6)); EQ(c->fpu.fcsr >> 31 & 1, 1); /* 1 <= 1, cc7 */
    run(ccmp(S, 2, 0, 1, 1)); EQ(c->fpu.fcsr >> 25 & 1, 1); /* UN */
    EQ(cause(), 0);
    run(ccmp(S, 2, 0, 1, 4)); EQ(c->fpu.fcsr >> 25 & 1, 0); /* OLT quiet */
    EQ(cause(), 0);
    run(ccmp(S, 2, 0, 1, 5)); EQ(c->fpu.fcsr >> 25 & 1, 1); /* ULT */
    run(ccmp(S, 2, 0, 1, 12)); EQ(c->fpu.fcsr >> 25 & 1, 0); /* LT signals */
    EQ(cause(), V);
    run(ccmp(S, 3, 0, 1, 3)); EQ(c->fpu.fcsr >> 25 & 1, 1); /* UEQ, SNaN */
    EQ(cause(), V);
    run(ccmp(S, 1, 0, 1, 0)); EQ(c->fpu.fcsr >> 25 & 1, 0); /* F */
    EQ(cause(), 0);
    run(ccmp(S, 1, 0, 1, 15)); EQ(c->fpu.fcsr >> 25 & 1, 1); /* NGT: 1 <= 2 */
    /* doubles */
    fpu_set_d(c, 8, 0x3FF0000000000000ull);
    fpu_set_d(c, 10, 0x3FF0000000000001ull);
    run(ccmp(D, 10, 8, 2, 4)); EQ(c->fpu.fcsr >> 26 & 1, 1);
    run(ccmp(D, 10, 8, 2, 2)); EQ(c->fpu.fcsr >> 26 & 1, 0);
    /* trapping compare leaves the CC alone */
    set_enables(V);
    c->fpu.fcsr |= 1u << 28; /* cc4 = 1 */
    EQ(run(ccmp(S, 2, 0, 4, 8)), 1); /* SF with a QNaN: Invalid → trap */
    EQ(exc_code, EXCCODE_FPE);
    EQ(c->fpu.fcsr >> 28 & 1, 1);
    EQ(cause(), V);
    end("fpu_compare");
}

static void t_branch_movcf(void)
{
    begin();
    c->fpu.fcsr |= 1u << 27; /* cc3 */
    /* BC1T cc3, offset -4 */
    EQ(run(0x45000000u | 3u << 18 | 1u << 16 | 0xFFFCu), 0);
    EQ(br_count, 1); EQ(br_taken, 1); EQ(br_likely, 0);
    EQ(br_target, 0x80001000u + 4 - 16);
    /* BC1FL cc3: not taken, likely */
    run(0x45000000u | 3u << 18 | 1u << 17 | 0x0010u);
    EQ(br_taken, 0); EQ(br_likely, 1); EQ(br_target, 0x80001000u + 4 + 64);
    /* BC1F cc0 (clear): taken */
    run(0x45000000u | 0x0001u);
    EQ(br_taken, 1);
    /* MOVT.S f2, f0, cc3 ; MOVF.S f3, f0, cc3 */
    fpu_set_w(c, 0, 0x11111111u);
    fpu_set_w(c, 2, 0x22222222u);
    fpu_set_w(c, 3, 0x33333333u);
    run(cop1(S, 3 << 2 | 1, 0, 2, MOVCF));
    run(cop1(S, 3 << 2 | 0, 0, 3, MOVCF));
    EQ(fpu_get_w(c, 2), 0x11111111u);
    EQ(fpu_get_w(c, 3), 0x33333333u);
    /* MOVZ.D / MOVN.D on GPR t0 */
    fpu_set_d(c, 4, 0x0123456789ABCDEFull);
    fpu_set_d(c, 6, 0);
    c->r[8] = 5;
    run(cop1(D, 8, 4, 6, MOVZ));
    EQ(fpu_get_d(c, 6), 0);
    run(cop1(D, 8, 4, 6, MOVN));
    EQ(fpu_get_d(c, 6), 0x0123456789ABCDEFull);
    EQ(exc_count, 0);
    end("fpu_branch_and_conditional_moves");
}

static void t_moves_fr(void)
{
    begin();
    /* FR=1: 64-bit registers, MFHC1/MTHC1 = upper half of the same register */
    c->r[8] = 0x89ABCDEFu; c->r[9] = 0x01234567u;
    run(cop1_rs(4, 8, 3));  /* MTC1 t0, f3 */
    run(cop1_rs(7, 9, 3));  /* MTHC1 t1, f3 */
    EQ(c->fpu.fpr[3], 0x0123456789ABCDEFull);
    run(cop1_rs(0, 10, 3)); EQ(c->r[10], 0x89ABCDEFu);
    run(cop1_rs(3, 11, 3)); EQ(c->r[11], 0x01234567u);
    run(cop1_rs(0, 0, 3)); EQ(c->r[0], 0); /* $zero stays zero */
    /* MTC1 keeps the upper word */
    c->r[8] = 0; run(cop1_rs(4, 8, 3));
    EQ(c->fpu.fpr[3], 0x0123456700000000ull);
    /* FR=1: .D on odd registers is fine */
    fpu_set_d(c, 1, 0x3FF0000000000000ull);
    EQ(run(cop1(D, 1, 1, 5, ADD)), 0);
    EQ(fpu_get_d(c, 5), 0x4000000000000000ull);

    /* FR=0: 32-bit registers, doubles in even/odd pairs */
    reset(false);
    c->r[8] = 0x00000000u; c->r[9] = 0x3FF00000u; /* 1.0 */
    run(cop1_rs(4, 8, 0));  /* MTC1 t0, f0 (low word) */
    run(cop1_rs(4, 9, 1));  /* MTC1 t1, f1 (high word) */
    EQ(fpu_get_d(c, 0), 0x3FF0000000000000ull);
    EQ(run(cop1(D, 0, 0, 2, ADD)), 0); /* f2:f3 = 2.0 */
    run(cop1_rs(0, 10, 2)); EQ(c->r[10], 0);
    run(cop1_rs(0, 11, 3)); EQ(c->r[11], 0x40000000u);
    run(cop1_rs(3, 12, 2)); EQ(c->r[12], 0x40000000u); /* MFHC1 f2 = f3 */
    c->r[13] = 0x40080000u;
    run(cop1_rs(7, 13, 2)); /* MTHC1 → f3 */
    run(cop1_rs(0, 11, 3)); EQ(c->r[11], 0x40080000u);
    EQ(exc_count, 0);
    /* odd register for a .D operand: RI */
    EQ(run(cop1(D, 0, 1, 2, ADD)), 1); EQ(exc_code, EXCCODE_RI);
    exc_code = 0;
    EQ(run(cop1(D, 0, 0, 3, ADD)), 1); EQ(exc_code, EXCCODE_RI);
    exc_code = 0;
    EQ(run(cop1_rs(3, 12, 3)), 1); EQ(exc_code, EXCCODE_RI); /* MFHC1 f3 */
    exc_code = 0;
    EQ(run(cop1(S, 0, 0, 1, CVT_D)), 1); EQ(exc_code, EXCCODE_RI);
    /* .L needs FR=1 */
    exc_code = 0;
    EQ(run(cop1(D, 0, 0, 2, TRUNC_L)), 1); EQ(exc_code, EXCCODE_RI);
    exc_code = 0;
    EQ(run(cop1(L, 0, 0, 2, CVT_D)), 1); EQ(exc_code, EXCCODE_RI);
    /* .S on odd registers is fine in FR=0 */
    fpu_set_w(c, 5, 0x3F800000u);
    fpu_set_w(c, 7, 0x3F800000u);
    exc_count = 0;
    EQ(run(cop1(S, 7, 5, 9, ADD)), 0);
    EQ(fpu_get_w(c, 9), 0x40000000u);
    EQ(fpu_d_ok(c, 9), 0);
    EQ(fpu_d_ok(c, 8), 1);
    end("fpu_moves_and_fr_modes");
}

static void t_madd(void)
{
    begin();
    /* MADD.S fd, fr, fs, ft = fs*ft + fr: fr=$f1 (1), fs=$f2 (2), ft=$f3 (3) */
    fpu_set_w(c, 1, 0x3F800000u);
    fpu_set_w(c, 2, 0x40000000u);
    fpu_set_w(c, 3, 0x40400000u);
    runx(cop1x(1, 3, 2, 4, 0x20)); EQ(fpu_get_w(c, 4), 0x40E00000u); /* 7 */
    runx(cop1x(1, 3, 2, 4, 0x28)); EQ(fpu_get_w(c, 4), 0x40A00000u); /* MSUB 5 */
    runx(cop1x(1, 3, 2, 4, 0x30)); EQ(fpu_get_w(c, 4), 0xC0E00000u); /* NMADD -7 */
    runx(cop1x(1, 3, 2, 4, 0x38)); EQ(fpu_get_w(c, 4), 0xC0A00000u); /* NMSUB -5 */
    /* two roundings: a = 1 + 2^-30, a*a = 1 + 2^-29 + 2^-60 rounds to
     * 1 + 2^-29; minus (1 + 2^-29) gives +0 (a fused op would give 2^-60) */
    fpu_set_d(c, 6, 0x3FF0000000400000ull);
    fpu_set_d(c, 8, 0x3FF0000000800000ull);
    runx(cop1x(8, 6, 6, 10, 0x29)); /* MSUB.D f10, f8, f6, f6 */
    EQ(fpu_get_d(c, 10), 0);
    EQ(cause(), I);
    /* NMADD of a NaN flips its sign too */
    fpu_set_w(c, 2, 0x7FC00001u);
    runx(cop1x(1, 3, 2, 4, 0x30)); EQ(fpu_get_w(c, 4), 0xFFC00001u);
    /* reserved: MADD.PS and fmt 2 */
    EQ(runx(cop1x(1, 3, 2, 4, 0x26)), 1); EQ(exc_code, EXCCODE_RI);
    EQ(runx(cop1x(1, 3, 2, 4, 0x22)), 1);
    /* FR=0: odd .D operand */
    reset(false);
    EQ(runx(cop1x(1, 2, 4, 6, 0x21)), 1); EQ(exc_code, EXCCODE_RI);
    end("fpu_madd_family");
}

static void t_indexed(void)
{
    begin();
    c->r[4] = MEM_BASE; c->r[5] = 8;
    fpu_set_w(c, 1, 0xCAFEF00Du);
    EQ(runx(cop1x(4, 5, 1, 0, 8)), 0); /* SWXC1 f1, t1(a0) */
    EQ(mem[8], 0x0D); EQ(mem[11], 0xCA);
    EQ(runx(cop1x(4, 5, 0, 2, 0)), 0); /* LWXC1 f2 */
    EQ(fpu_get_w(c, 2), 0xCAFEF00Du);
    fpu_set_d(c, 3, 0x1122334455667788ull);
    c->r[5] = 16;
    EQ(runx(cop1x(4, 5, 3, 0, 9)), 0); /* SDXC1 */
    EQ(mem[16], 0x88); EQ(mem[23], 0x11);
    EQ(runx(cop1x(4, 5, 0, 6, 1)), 0); /* LDXC1 */
    EQ(fpu_get_d(c, 6), 0x1122334455667788ull);
    /* misaligned LDXC1/SDXC1: address error with BadVAddr */
    c->r[5] = 20;
    EQ(runx(cop1x(4, 5, 0, 6, 1)), 1);
    EQ(exc_code, EXCCODE_ADEL); EQ(exc_has_bad, 1); EQ(exc_bad, MEM_BASE + 20);
    EQ(runx(cop1x(4, 5, 3, 0, 9)), 1);
    EQ(exc_code, EXCCODE_ADES);
    /* LUXC1/SUXC1 ignore the low 3 address bits */
    c->r[5] = 21;
    EQ(runx(cop1x(4, 5, 0, 8, 5)), 0);
    EQ(fpu_get_d(c, 8), 0x1122334455667788ull);
    fpu_set_d(c, 9, 0xA1A2A3A4A5A6A7A8ull);
    c->r[5] = 31;
    EQ(runx(cop1x(4, 5, 9, 0, 13)), 0);
    EQ(mem[24], 0xA8); EQ(mem[31], 0xA1);
    /* PREFX does nothing */
    int l = mem_loads;
    EQ(runx(cop1x(4, 5, 1, 0, 15)), 0);
    EQ(mem_loads, l);
    /* FR=0 odd double register: RI before any access */
    reset(false);
    c->r[4] = MEM_BASE;
    EQ(runx(cop1x(4, 0, 0, 3, 1)), 1); EQ(exc_code, EXCCODE_RI);
    EQ(mem_loads, 0);
    end("fpu_indexed_load_store");
}

static void t_reserved(void)
{
    begin();
    struct { uint32_t insn; const char *what; } cases[] = {
        { cop1(PS, 2, 0, 4, ADD), "ADD.PS" },
        { cop1(S, 0, 0, 4, CVT_S), "CVT.S.S" },
        { cop1(D, 0, 0, 4, CVT_D), "CVT.D.D" },
        { cop1(S, 0, 0, 4, 28), "RECIP2" },
        { cop1(S, 0, 0, 4, 38), "CVT.PS.S" },
        { cop1(S, 0, 0, 4, 16), "SEL (r6)" },
        { cop1(W, 0, 0, 4, ADD), "ADD.W" },
        { cop1(W, 0, 0, 4, CVT_W), "CVT.W.W" },
        { cop1(S, 2, 0, 1 << 2 | 1, 48), "CABS (3D)" },
        { cop1(S, 2 << 2 | 2, 0, 4, MOVCF), "MOVCF bit 17" },
        { cop1_rs(1, 8, 0), "DMFC1" },
        { cop1_rs(5, 8, 0), "DMTC1" },
        { cop1_rs(9, 0, 0), "BC1ANY2" },
        { cop1_rs(18, 0, 0), "fmt 18" },
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        exc_code = 0;
        bool r = run(cases[i].insn);
        EXPECT(r && exc_code == EXCCODE_RI, "%s: returned %d, exccode %u", cases[i].what, r, exc_code);
    }
    end("fpu_reserved_encodings");
}

static void t_cycles(void)
{
    begin();
    uint64_t t0 = c->cycles;
    bin_s(ADD, 0x3F800000u, 0x3F800000u);
    EQ(c->cycles - t0, 3); /* T_FP_ADD_S - 1 */
    t0 = c->cycles;
    bin_d(DIV, 0x3F800000u, 0x3F800000u);
    EQ(c->cycles - t0, 31); /* T_FP_DIV_D - 1 */
    t0 = c->cycles;
    un(S, MOV, 0, false);
    EQ(c->cycles - t0, 0);
    end("fpu_cycle_model");
}

int main(void)
{
    t_reset_regs();
    t_ctrl_views();
    t_cause_e();
    t_add_round();
    t_mul_div_sqrt();
    t_special();
    t_nan();
    t_traps();
    t_flush();
    t_to_int();
    t_from_int();
    t_compare();
    t_branch_movcf();
    t_moves_fr();
    t_madd();
    t_indexed();
    t_reserved();
    t_cycles();
    return failures ? 1 : 0;
}

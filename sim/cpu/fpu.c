/*
 * vpsim: the M5150 floating-point unit (CP1), MIPS32 release 5.
 *
 * What the model is (docs/simulator.md, "FPU (CP1)", says why):
 *  - FIR = 0x11F3A700 (S, D, W, L, F64, Has2008, UFRP; no PS, no MIPS-3D).
 *  - FCSR.NAN2008 = FCSR.ABS2008 = 1, read-only: IEEE 754-2008 NaNs (quiet
 *    NaN has the fraction MSB set; default NaN 0x7FC00000 /
 *    0x7FF8000000000000), ABS/NEG/MOV are non-arithmetic, float → integer
 *    conversions saturate (NaN → 0). MAC2008 = 0: MADD & co. round twice.
 *  - Register file: c->fpu.fpr[32], 64 bits each. Status.FR = 1: the 32
 *    64-bit registers. FR = 0: 32 32-bit registers, register i is the low
 *    word of fpr[i]; a double in the even/odd pair i, i+1 keeps its low word
 *    in fpr[i] and its high word in fpr[i+1]. A 64-bit operand with an odd
 *    register number in FR = 0 (and any .L operation in FR = 0) raises RI.
 *    Writing a 32-bit value keeps the upper word of the 64-bit register
 *    (the architecture leaves it UNPREDICTABLE; QEMU keeps it too).
 *  - Arithmetic is done on the host FPU (IEEE binary32/binary64 with SSE or
 *    equivalent: no excess precision), under the rounding mode of FCSR.RM
 *    set (MXCSR on x86-64, fesetround() elsewhere) around the single
 *    operation and put back to round-to-nearest after it; the exceptions
 *    are read back the same way.
 *    Operands reach the host operation through volatile objects, which
 *    keeps the compiler from moving it across the fenv calls. NaN operands
 *    never reach the host: their propagation is decided here (first SNaN,
 *    then first QNaN, operand order fs, ft; an SNaN is quieted).
 *  - Exceptions: every arithmetic instruction (not moves, ABS/NEG, CFC1 …)
 *    first clears FCSR.Cause, then sets Cause to what it raised. If
 *    Cause & Enables (or Cause.E) is non-zero it takes the FP exception
 *    (ExcCode FPE) without writing its destination or the Flags; otherwise
 *    it ORs Cause into Flags and writes its destination. With the Underflow
 *    trap enabled, an exact tiny result also signals Underflow (IEEE 754).
 *  - FCSR.FS = 1 flushes tiny (subnormal) results to zero of the same sign,
 *    signalling Underflow and Inexact; subnormal operands are used as they
 *    are. FS = 0 (the reset value): subnormals are handled exactly.
 *  - Every valid encoding is implemented in hardware: Cause.E is only ever
 *    set by CTC1. Reserved encodings (PS format, MIPS-3D, MIPS64-only, r6
 *    encodings) raise RI.
 */
#include <fenv.h>
#include <math.h>
#include <string.h>

#include <mips/mipsregs.h>

#include "cpu.h"
#include "m5150.h"
#include "timing.h"

/* FCSR bits software may write (RM, Flags, Enables, Cause, FCC, FS);
 * NAN2008/ABS2008 read as one, MAC2008/FO/FN and bits 22:21 as zero. */
#define FCSR_WMASK 0xFF83FFFFu
#define FCSR_FIXED (FCSR_NAN2008 | FCSR_ABS2008)

/* IEEE exception bits, in the order of the FCSR Flags/Enables/Cause fields. */
#define X_I FCSR_FLAG_I
#define X_U FCSR_FLAG_U
#define X_O FCSR_FLAG_O
#define X_Z FCSR_FLAG_Z
#define X_V FCSR_FLAG_V
#define X_E 32u /* Cause only: unimplemented operation */

/* fmt field values (COP1 rs) */
enum { FMT_S = 16, FMT_D = 17, FMT_W = 20, FMT_L = 21 };

/* COP1 rs values below the formats */
enum {
    RS_MFC1 = 0, RS_CFC1 = 2, RS_MFHC1 = 3, RS_MTC1 = 4, RS_CTC1 = 6,
    RS_MTHC1 = 7, RS_BC = 8,
};

/* COP1 function values for fmt S/D (and CVT.S/CVT.D for W/L) */
enum {
    F_ADD = 0, F_SUB = 1, F_MUL = 2, F_DIV = 3, F_SQRT = 4, F_ABS = 5,
    F_MOV = 6, F_NEG = 7, F_ROUND_L = 8, F_TRUNC_L = 9, F_CEIL_L = 10,
    F_FLOOR_L = 11, F_ROUND_W = 12, F_TRUNC_W = 13, F_CEIL_W = 14,
    F_FLOOR_W = 15, F_MOVCF = 17, F_MOVZ = 18, F_MOVN = 19, F_RECIP = 21,
    F_RSQRT = 22, F_CVT_S = 32, F_CVT_D = 33, F_CVT_W = 36, F_CVT_L = 37,
    F_C = 48,
};

/* Conversions to integer: how the value is rounded. */
enum { RND_RM = -1, RND_NEAREST = 0, RND_ZERO = 1, RND_UP = 2, RND_DOWN = 3 };

#define S_SIGN   0x80000000u
#define S_QUIET  0x00400000u
#define S_DNAN   0x7FC00000u
#define D_SIGN   0x8000000000000000ull
#define D_QUIET  0x0008000000000000ull
#define D_DNAN   0x7FF8000000000000ull

/* ---- register views ------------------------------------------------------ */

static inline bool fr64(const struct cpu *c)
{
    /* the mode of the running context: the guest's Status.FR in guest mode */
    return ((c->gm ? c->gcp0.status : c->cp0.status) & ST0_FR) != 0;
}

bool fpu_d_ok(const struct cpu *c, unsigned r)
{
    return fr64(c) || (r & 1) == 0;
}

uint32_t fpu_get_w(const struct cpu *c, unsigned fs)
{
    return (uint32_t)c->fpu.fpr[fs & 31];
}

void fpu_set_w(struct cpu *c, unsigned fd, uint32_t v)
{
    uint64_t *p = &c->fpu.fpr[fd & 31];
    *p = (*p & 0xFFFFFFFF00000000ull) | v;
}

uint64_t fpu_get_d(const struct cpu *c, unsigned fs)
{
    fs &= 31;
    if (fr64(c))
        return c->fpu.fpr[fs];
    fs &= ~1u;
    return ((uint64_t)(uint32_t)c->fpu.fpr[fs + 1] << 32) | (uint32_t)c->fpu.fpr[fs];
}

void fpu_set_d(struct cpu *c, unsigned fd, uint64_t v)
{
    fd &= 31;
    if (fr64(c)) {
        c->fpu.fpr[fd] = v;
        return;
    }
    fd &= ~1u;
    fpu_set_w(c, fd, (uint32_t)v);
    fpu_set_w(c, fd + 1, (uint32_t)(v >> 32));
}

/* The high word of a 64-bit register (MFHC1/MTHC1). */
static uint32_t get_hi(const struct cpu *c, unsigned fs)
{
    return fr64(c) ? (uint32_t)(c->fpu.fpr[fs] >> 32) : (uint32_t)c->fpu.fpr[fs | 1];
}

static void set_hi(struct cpu *c, unsigned fs, uint32_t v)
{
    if (fr64(c))
        c->fpu.fpr[fs] = ((uint64_t)v << 32) | (uint32_t)c->fpu.fpr[fs];
    else
        fpu_set_w(c, fs | 1, v);
}

void fpu_reset(struct cpu *c)
{
    memset(c->fpu.fpr, 0, sizeof c->fpu.fpr);
    c->fpu.fir = M5150_FIR;
    c->fpu.fcsr = M5150_FCSR_RESET;
}

/* ---- condition codes ----------------------------------------------------- */

static inline unsigned fcc_shift(unsigned cc)
{
    return cc ? 24 + cc : 23;
}

static inline bool fcc_get(const struct cpu *c, unsigned cc)
{
    return (c->fpu.fcsr >> fcc_shift(cc)) & 1;
}

static inline void fcc_set(struct cpu *c, unsigned cc, bool v)
{
    uint32_t m = 1u << fcc_shift(cc);
    c->fpu.fcsr = v ? (c->fpu.fcsr | m) : (c->fpu.fcsr & ~m);
}

/* ---- bits and classes ---------------------------------------------------- */

static inline float f32(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static inline uint32_t u32(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static inline double f64(uint64_t u) { double f; memcpy(&f, &u, 8); return f; }
static inline uint64_t u64(double f) { uint64_t u; memcpy(&u, &f, 8); return u; }

static inline bool s_nan(uint32_t x) { return (x & ~S_SIGN) > 0x7F800000u; }
static inline bool s_snan(uint32_t x) { return s_nan(x) && !(x & S_QUIET); }
static inline bool s_sub(uint32_t x) { return (x & 0x7F800000u) == 0 && (x & 0x007FFFFFu); }
static inline bool d_nan(uint64_t x) { return (x & ~D_SIGN) > 0x7FF0000000000000ull; }
static inline bool d_snan(uint64_t x) { return d_nan(x) && !(x & D_QUIET); }
static inline bool d_sub(uint64_t x)
{
    return (x & 0x7FF0000000000000ull) == 0 && (x & 0x000FFFFFFFFFFFFFull);
}

static inline bool is_nan(bool dbl, uint64_t x) { return dbl ? d_nan(x) : s_nan((uint32_t)x); }
static inline bool is_snan(bool dbl, uint64_t x) { return dbl ? d_snan(x) : s_snan((uint32_t)x); }
static inline uint64_t quiet(bool dbl, uint64_t x) { return x | (dbl ? D_QUIET : S_QUIET); }

/* NaN result of an operation with NaN operands (n of them in ops[]):
 * the first SNaN quieted, else the first QNaN. Invalid if any SNaN. */
static uint64_t nan_pick(bool dbl, const uint64_t *ops, unsigned n, unsigned *x)
{
    for (unsigned i = 0; i < n; i++)
        if (is_snan(dbl, ops[i])) {
            *x |= X_V;
            return quiet(dbl, ops[i]);
        }
    for (unsigned i = 0; i < n; i++)
        if (is_nan(dbl, ops[i]))
            return ops[i];
    return dbl ? D_DNAN : S_DNAN; /* not reached */
}

/* ---- host floating point ------------------------------------------------- */

#if defined(__SSE2__)
/* x86-64: the host's binary32/binary64 arithmetic runs in SSE, so its
 * rounding mode and IEEE flags are MXCSR. Reading and writing MXCSR
 * directly is an order of magnitude cheaper than glibc's fenv calls (which
 * also save and restore the x87 environment) and gives the same result. */
#include <xmmintrin.h>
#define MXCSR_FLAGS 0x3Fu /* IE DE ZE OE UE PE */
#define MXCSR_RC    0x6000u
static const unsigned host_rc[4] = { 0x0000u, 0x6000u, 0x4000u, 0x2000u }; /* RN RZ RP RM */

static void host_begin(unsigned rm)
{
    unsigned m = _mm_getcsr() & ~(MXCSR_FLAGS | MXCSR_RC);
    _mm_setcsr(m | host_rc[rm]);
}

static unsigned host_end(unsigned rm)
{
    unsigned m = _mm_getcsr();
    unsigned x = 0;
    if (rm)
        _mm_setcsr(m & ~MXCSR_RC);
    if (m & 0x20u) x |= X_I;
    if (m & 0x10u) x |= X_U;
    if (m & 0x08u) x |= X_O;
    if (m & 0x04u) x |= X_Z;
    if (m & 0x01u) x |= X_V;
    return x;
}
#else
static const int host_rm[4] = { FE_TONEAREST, FE_TOWARDZERO, FE_UPWARD, FE_DOWNWARD };

static void host_begin(unsigned rm)
{
    feclearexcept(FE_ALL_EXCEPT);
    if (rm)
        fesetround(host_rm[rm]);
}

static unsigned host_end(unsigned rm)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    unsigned x = 0;
    if (rm)
        fesetround(FE_TONEAREST);
    if (e & FE_INEXACT)   x |= X_I;
    if (e & FE_UNDERFLOW) x |= X_U;
    if (e & FE_OVERFLOW)  x |= X_O;
    if (e & FE_DIVBYZERO) x |= X_Z;
    if (e & FE_INVALID)   x |= X_V;
    return x;
}
#endif

enum hop { H_ADD, H_SUB, H_MUL, H_DIV, H_SQRT };

/* The common case of a D-format ADD, SUB or MUL without the host's flags:
 * round to nearest, normal operands below 2^1022, a normal result at or
 * above 2^-1021 (so no overflow, no underflow, no invalid operation
 * whatever the tininess rule). Its only possible exception is then
 * Inexact, decided exactly: for a sum by the error term of Knuth's
 * TwoSum (exact in binary64 without overflow), for a product by the 106-bit
 * integer product of the significands (IEEE 754-2008 sec. 4.3: the result
 * is inexact iff the bits rounded away are not all zero). A sum with one
 * zero operand and one normal is that operand, exact. Outside those
 * cases: false, and the host's flags decide (host_begin/host_end, whose
 * MXCSR writes cost more than the operation). */
static inline __attribute__((always_inline)) bool quick_d(enum hop op, uint64_t a, uint64_t b,
                                                           uint64_t *res, unsigned *x)
{
    unsigned ea = (unsigned)(a >> 52) & 0x7FF, eb = (unsigned)(b >> 52) & 0x7FF;
    if (ea - 1 >= 0x7FC || eb - 1 >= 0x7FC) { /* zero, subnormal, >= 2^1022, inf */
        if ((op != H_ADD && op != H_SUB) || ((a << 1) == 0) == ((b << 1) == 0))
            return false;
        /* one operand is a zero, the other not: the sum is the other
         * operand (for 0 - b its negation) exactly, when that is normal
         * (IEEE 754-2008 sec. 6.3: a zero's sign matters only for a zero
         * sum) */
        uint64_t o = (a << 1) ? a : (op == H_SUB ? b ^ D_SIGN : b);
        unsigned eo = (unsigned)(o >> 52) & 0x7FF;
        if (eo - 1 >= 0x7FE) /* subnormal, inf, NaN */
            return false;
        *res = o;
        return true;
    }
    double A = f64(a), B = f64(op == H_SUB ? b ^ D_SIGN : b), r;
    bool inexact;
    if (op == H_MUL) {
        r = A * B;
        const uint64_t frac = 0x000FFFFFFFFFFFFFull, one = 1ull << 52;
        unsigned __int128 m = (unsigned __int128)((a & frac) | one) * ((b & frac) | one);
        unsigned drop = (m >> 105) ? 53 : 52; /* the product has 106 or 105 bits */
        inexact = ((uint64_t)m & ((1ull << drop) - 1)) != 0;
    } else if (op == H_ADD || op == H_SUB) {
        r = A + B;
        double bv = r - A;
        inexact = (A - (r - bv)) + (B - bv) != 0;
    } else {
        return false;
    }
    uint64_t ur = u64(r);
    unsigned er = (unsigned)(ur >> 52) & 0x7FF;
    if (er - 2 >= 0x7FD) /* tiny (or zero: an exact sum, but its sign rules stay the host's) or inf */
        return false;
    *res = ur;
    if (inexact)
        *x |= X_I;
    return true;
}

/* One IEEE operation in format S or D on non-NaN operands. */
static uint64_t host_op(bool dbl, enum hop op, uint64_t a, uint64_t b, unsigned rm, unsigned *x)
{
    uint64_t res;
    if (dbl && !rm && quick_d(op, a, b, &res, x))
        return res;
    if (dbl) {
        volatile double va = f64(a), vb = f64(b), vr = 0;
        host_begin(rm);
        switch (op) {
        case H_ADD: vr = va + vb; break;
        case H_SUB: vr = va - vb; break;
        case H_MUL: vr = va * vb; break;
        case H_DIV: vr = va / vb; break;
        case H_SQRT: vr = sqrt(va); break;
        }
        *x |= host_end(rm);
        res = u64(vr);
        if (d_nan(res))
            res = D_DNAN;
    } else {
        volatile float va = f32((uint32_t)a), vb = f32((uint32_t)b), vr = 0;
        host_begin(rm);
        switch (op) {
        case H_ADD: vr = va + vb; break;
        case H_SUB: vr = va - vb; break;
        case H_MUL: vr = va * vb; break;
        case H_DIV: vr = va / vb; break;
        case H_SQRT: vr = sqrtf(va); break;
        }
        *x |= host_end(rm);
        res = u32(vr);
        if (s_nan((uint32_t)res))
            res = S_DNAN;
    }
    return res;
}

/* Post-processing of a rounded floating-point result: the trapped-underflow
 * rule and flush-to-zero. */
static uint64_t fp_result(const struct cpu *c, bool dbl, uint64_t r, unsigned *x)
{
    bool tiny = dbl ? d_sub(r) : s_sub((uint32_t)r);
    if (!tiny)
        return r;
    uint32_t fcsr = c->fpu.fcsr;
    if ((fcsr >> FCSR_ENABLES_SHIFT) & X_U)
        *x |= X_U;
    if (fcsr & FCSR_FS) {
        *x |= X_U | X_I;
        r &= dbl ? D_SIGN : S_SIGN;
    }
    return r;
}

/* Arithmetic with MIPS NaN rules; b unused for SQRT. */
static uint64_t arith(const struct cpu *c, bool dbl, enum hop op, uint64_t a, uint64_t b, unsigned *x)
{
    uint64_t ops[2] = { a, b };
    unsigned n = op == H_SQRT ? 1 : 2;
    if (is_nan(dbl, a) || (n == 2 && is_nan(dbl, b)))
        return nan_pick(dbl, ops, n, x);
    return fp_result(c, dbl, host_op(dbl, op, a, b, c->fpu.fcsr & FCSR_RM, x), x);
}

/* ---- conversions ----------------------------------------------------------- */

/* Float (S or D) → 32/64-bit integer, IEEE 754-2008 rules: NaN → 0, out of
 * range → the nearest of INT_MIN/INT_MAX, both Invalid; Inexact when the
 * rounded value differs. `how` is RND_* (RND_RM: FCSR.RM). */
static uint64_t to_int(const struct cpu *c, bool dbl, uint64_t a, bool is64, int how, unsigned *x)
{
    if (is_nan(dbl, a)) {
        *x |= X_V;
        return 0;
    }
    double v = dbl ? f64(a) : (double)f32((uint32_t)a); /* exact */
    if (how == RND_RM)
        how = (int)(c->fpu.fcsr & FCSR_RM);
    double r;
    switch (how) {
    case RND_ZERO: r = trunc(v); break;
    case RND_UP:   r = ceil(v); break;
    case RND_DOWN: r = floor(v); break;
    default:       r = nearbyint(v); break; /* host mode is round-to-nearest-even */
    }
    double lim = is64 ? 9223372036854775808.0 : 2147483648.0; /* 2^63, 2^31 */
    if (r >= lim) {
        *x |= X_V;
        return is64 ? 0x7FFFFFFFFFFFFFFFull : 0x7FFFFFFFu;
    }
    if (r < -lim) {
        *x |= X_V;
        return is64 ? 0x8000000000000000ull : 0x80000000u;
    }
    if (r != v)
        *x |= X_I;
    if (is64)
        return (uint64_t)(int64_t)r;
    return (uint32_t)(int32_t)r;
}

/* Integer (W or L) → float (S or D), rounded by FCSR.RM. */
static uint64_t from_int(const struct cpu *c, bool to_dbl, uint64_t a, bool is64, unsigned *x)
{
    unsigned rm = c->fpu.fcsr & FCSR_RM;
    int64_t v = is64 ? (int64_t)a : (int64_t)(int32_t)(uint32_t)a;
    uint64_t res;
    if (to_dbl && !is64) /* a 32-bit integer is a double exactly: nothing raised */
        return u64((double)(int32_t)(uint32_t)a);
    if (to_dbl) {
        volatile int64_t vi = v;
        volatile double vr;
        host_begin(rm);
        vr = (double)vi;
        *x |= host_end(rm);
        res = u64(vr);
    } else {
        volatile int64_t vi = v;
        volatile float vr;
        host_begin(rm);
        vr = (float)vi;
        *x |= host_end(rm);
        res = u32(vr);
    }
    return res;
}

/* S ↔ D. */
static uint64_t cvt_fp(const struct cpu *c, bool from_dbl, uint64_t a, unsigned *x)
{
    if (from_dbl) {
        if (d_nan(a)) {
            if (d_snan(a))
                *x |= X_V;
            /* sign, and the fraction's top 22 bits below the quiet bit */
            return (uint32_t)((a >> 32) & S_SIGN) | S_DNAN |
                   (uint32_t)((a >> 29) & 0x003FFFFFu);
        }
        unsigned rm = c->fpu.fcsr & FCSR_RM;
        volatile double va = f64(a);
        volatile float vr;
        host_begin(rm);
        vr = (float)va;
        *x |= host_end(rm);
        return fp_result(c, false, u32(vr), x);
    }
    uint32_t s = (uint32_t)a;
    if (s_nan(s)) {
        if (s_snan(s))
            *x |= X_V;
        return ((uint64_t)(s & S_SIGN) << 32) | D_DNAN | ((uint64_t)(s & 0x003FFFFFu) << 29);
    }
    return u64((double)f32(s)); /* exact, raises nothing */
}

/* ---- exception delivery ------------------------------------------------------ */

static bool reserved(struct cpu *c)
{
    cpu_exception(c, EXCCODE_RI, false, 0);
    return true;
}

/* End of an arithmetic instruction: Cause ← x; trap, or accumulate Flags.
 * Returns true if the FP exception was taken (destination not written). */
static bool fp_finish(struct cpu *c, unsigned x)
{
    uint32_t fcsr = c->fpu.fcsr & ~(0x3Fu << FCSR_CAUSE_SHIFT);
    fcsr |= (x & 0x3Fu) << FCSR_CAUSE_SHIFT;
    unsigned en = ((fcsr >> FCSR_ENABLES_SHIFT) & 0x1Fu) | X_E;
    if (x & en) {
        c->fpu.fcsr = fcsr;
        cpu_exception(c, EXCCODE_FPE, false, 0);
        return true;
    }
    c->fpu.fcsr = fcsr | ((x & 0x1Fu) << FCSR_FLAGS_SHIFT);
    return false;
}

/* After a CTC1: FPE if a Cause bit is enabled, or Cause.E. */
static bool fp_check_cause(struct cpu *c)
{
    uint32_t fcsr = c->fpu.fcsr;
    unsigned cause = (fcsr >> FCSR_CAUSE_SHIFT) & 0x3Fu;
    unsigned en = ((fcsr >> FCSR_ENABLES_SHIFT) & 0x1Fu) | X_E;
    if (cause & en) {
        cpu_exception(c, EXCCODE_FPE, false, 0);
        return true;
    }
    return false;
}

static inline void charge(struct cpu *c, unsigned latency)
{
    c->cycles += latency - 1;
}

/* ---- control registers (CFC1/CTC1) --------------------------------------------- */

static bool cfc1(struct cpu *c, unsigned fs, uint32_t *v)
{
    uint32_t f = c->fpu.fcsr;
    switch (fs) {
    case FPU_FIR:  *v = c->fpu.fir; return true;
    case FPU_FCCR: *v = ((f >> 24) & 0xFEu) | ((f >> 23) & 1u); return true;
    case FPU_FEXR: *v = f & 0x0003F07Cu; return true;
    case FPU_FENR: *v = (f & 0x00000F83u) | ((f >> 22) & 4u); return true;
    case FPU_FCSR: *v = f; return true;
    default:       return false; /* incl. UFR (1): Config5.UFR not modelled */
    }
}

static bool ctc1(struct cpu *c, unsigned fs, uint32_t v)
{
    uint32_t f = c->fpu.fcsr;
    switch (fs) {
    case FPU_FIR:
        return true; /* read-only */
    case FPU_FCCR:
        f = (f & 0x017FFFFFu) | ((v & 0xFEu) << 24) | ((v & 1u) << 23);
        break;
    case FPU_FEXR:
        f = (f & ~0x0003F07Cu) | (v & 0x0003F07Cu);
        break;
    case FPU_FENR:
        f = (f & ~(0x00000F83u | FCSR_FS)) | (v & 0x00000F83u) | ((v & 4u) << 22);
        break;
    case FPU_FCSR:
        f = v;
        break;
    default:
        return false;
    }
    c->fpu.fcsr = (f & FCSR_WMASK) | FCSR_FIXED;
    return true;
}

/* ---- COP1 (opcode 0x11) ---------------------------------------------------------- */

static bool exec_fmt(struct cpu *c, uint32_t insn);

bool fpu_exec_cop1(struct cpu *c, uint32_t insn)
{
    unsigned rs = (insn >> 21) & 31, rt = (insn >> 16) & 31, fs = (insn >> 11) & 31;
    uint32_t v;

    switch (rs) {
    case RS_MFC1:
        if (rt)
            c->r[rt] = fpu_get_w(c, fs);
        return false;
    case RS_MTC1:
        fpu_set_w(c, fs, c->r[rt]);
        return false;
    case RS_MFHC1:
        if (!fpu_d_ok(c, fs))
            return reserved(c);
        if (rt)
            c->r[rt] = get_hi(c, fs);
        return false;
    case RS_MTHC1:
        if (!fpu_d_ok(c, fs))
            return reserved(c);
        set_hi(c, fs, c->r[rt]);
        return false;
    case RS_CFC1:
        if (!cfc1(c, fs, &v))
            return reserved(c);
        if (rt)
            c->r[rt] = v;
        return false;
    case RS_CTC1:
        if (!ctc1(c, fs, c->r[rt]))
            return reserved(c);
        return fp_check_cause(c);
    case RS_BC: {
        /* BC1F/BC1T/BC1FL/BC1TL: cc 20:18, nd 17, tf 16 */
        unsigned cc = (insn >> 18) & 7;
        bool nd = (insn >> 17) & 1, tf = (insn >> 16) & 1;
        uint32_t target = c->pc + 4 + ((uint32_t)(int32_t)(int16_t)insn << 2);
        cpu_branch(c, fcc_get(c, cc) == tf, target, nd);
        return false;
    }
    case FMT_S:
    case FMT_D:
    case FMT_W:
    case FMT_L:
        return exec_fmt(c, insn);
    default:
        /* DMFC1/DMTC1 (MIPS64), BC1ANY2/4 (MIPS-3D), PS, r6 encodings */
        return reserved(c);
    }
}

/* Operand access by format. */
static inline uint64_t rd_fmt(const struct cpu *c, unsigned fmt, unsigned r)
{
    return (fmt == FMT_D || fmt == FMT_L) ? fpu_get_d(c, r) : fpu_get_w(c, r);
}

static inline void wr_fmt(struct cpu *c, unsigned fmt, unsigned r, uint64_t v)
{
    if (fmt == FMT_D || fmt == FMT_L)
        fpu_set_d(c, r, v);
    else
        fpu_set_w(c, r, (uint32_t)v);
}

static inline bool is64fmt(unsigned fmt) { return fmt == FMT_D || fmt == FMT_L; }

/* Register operands valid for their formats in the current FR mode. */
static inline bool regs_ok(const struct cpu *c, unsigned fmt, unsigned r)
{
    if (!is64fmt(fmt))
        return true;
    if (fmt == FMT_L && !fr64(c))
        return false;
    return fpu_d_ok(c, r);
}

static const unsigned lat_add[2] = { T_FP_ADD_S, T_FP_ADD_D };
static const unsigned lat_mul[2] = { T_FP_MUL_S, T_FP_MUL_D };
static const unsigned lat_div[2] = { T_FP_DIV_S, T_FP_DIV_D };
static const unsigned lat_sqrt[2] = { T_FP_SQRT_S, T_FP_SQRT_D };
static const unsigned lat_recip[2] = { T_FP_RECIP_S, T_FP_RECIP_D };
static const unsigned lat_rsqrt[2] = { T_FP_RSQRT_S, T_FP_RSQRT_D };
static const unsigned lat_madd[2] = { T_FP_MADD_S, T_FP_MADD_D };

static bool exec_fmt(struct cpu *c, uint32_t insn)
{
    unsigned fmt = (insn >> 21) & 31, ft = (insn >> 16) & 31;
    unsigned fs = (insn >> 11) & 31, fd = (insn >> 6) & 31, func = insn & 63;
    bool fp = fmt == FMT_S || fmt == FMT_D; /* floating format */
    bool dbl = fmt == FMT_D;
    unsigned x = 0;
    uint64_t a, b, r;

    if (!fp) {
        /* W and L: only CVT.S and CVT.D exist */
        if ((func != F_CVT_S && func != F_CVT_D) || !regs_ok(c, fmt, fs))
            return reserved(c);
        unsigned dfmt = func == F_CVT_S ? FMT_S : FMT_D;
        if (!regs_ok(c, dfmt, fd))
            return reserved(c);
        charge(c, T_FP_CVT);
        r = from_int(c, dfmt == FMT_D, rd_fmt(c, fmt, fs), fmt == FMT_L, &x);
        r = fp_result(c, dfmt == FMT_D, r, &x);
        if (fp_finish(c, x))
            return true;
        wr_fmt(c, dfmt, fd, r);
        return false;
    }

    if (func >= F_C) {
        /* C.cond.fmt: cc 10:8; bit 6 set is CABS (MIPS-3D) */
        if ((insn >> 6) & 1 || !regs_ok(c, fmt, fs) || !regs_ok(c, fmt, ft))
            return reserved(c);
        unsigned cond = func & 15, cc = (insn >> 8) & 7;
        a = rd_fmt(c, fmt, fs);
        b = rd_fmt(c, fmt, ft);
        bool res;
        charge(c, T_FP_CMP);
        if (is_nan(dbl, a) || is_nan(dbl, b)) {
            if ((cond & 8) || is_snan(dbl, a) || is_snan(dbl, b))
                x |= X_V;
            res = cond & 1;
        } else {
            /* ordered: host comparisons of non-NaNs raise nothing */
            bool lt = dbl ? f64(a) < f64(b) : f32((uint32_t)a) < f32((uint32_t)b);
            bool eq = dbl ? f64(a) == f64(b) : f32((uint32_t)a) == f32((uint32_t)b);
            res = ((cond & 4) && lt) || ((cond & 2) && eq);
        }
        if (fp_finish(c, x))
            return true;
        fcc_set(c, cc, res);
        return false;
    }

    switch (func) {
    case F_ADD: case F_SUB: case F_MUL: case F_DIV: {
        if (!regs_ok(c, fmt, fs) || !regs_ok(c, fmt, ft) || !regs_ok(c, fmt, fd))
            return reserved(c);
        static const enum hop hops[4] = { H_ADD, H_SUB, H_MUL, H_DIV };
        static const unsigned *const lats[4] = { lat_add, lat_add, lat_mul, lat_div };
        charge(c, lats[func][dbl]);
        r = arith(c, dbl, hops[func], rd_fmt(c, fmt, fs), rd_fmt(c, fmt, ft), &x);
        break;
    }
    case F_SQRT: case F_RECIP: case F_RSQRT: {
        if (!regs_ok(c, fmt, fs) || !regs_ok(c, fmt, fd))
            return reserved(c);
        uint64_t one = dbl ? 0x3FF0000000000000ull : 0x3F800000u;
        a = rd_fmt(c, fmt, fs);
        if (func == F_SQRT) {
            charge(c, lat_sqrt[dbl]);
            r = arith(c, dbl, H_SQRT, a, 0, &x);
        } else if (func == F_RECIP) {
            /* full precision: 1 / fs, rounded once */
            charge(c, lat_recip[dbl]);
            r = arith(c, dbl, H_DIV, one, a, &x);
        } else {
            /* 1 / sqrt(fs), rounded after each step */
            charge(c, lat_rsqrt[dbl]);
            r = arith(c, dbl, H_SQRT, a, 0, &x);
            r = arith(c, dbl, H_DIV, one, r, &x);
        }
        break;
    }
    case F_ABS: case F_MOV: case F_NEG: {
        /* non-arithmetic (ABS2008 = 1): no Cause change, never traps */
        if (!regs_ok(c, fmt, fs) || !regs_ok(c, fmt, fd))
            return reserved(c);
        uint64_t sign = dbl ? D_SIGN : S_SIGN;
        a = rd_fmt(c, fmt, fs);
        charge(c, T_FP_MOVE);
        if (func == F_ABS)
            a &= ~sign;
        else if (func == F_NEG)
            a ^= sign;
        wr_fmt(c, fmt, fd, a);
        return false;
    }
    case F_MOVCF: case F_MOVZ: case F_MOVN: {
        if (!regs_ok(c, fmt, fs) || !regs_ok(c, fmt, fd))
            return reserved(c);
        bool move;
        if (func == F_MOVCF) {
            if ((ft >> 1) & 1) /* bit 17 is zero in MOVF/MOVT */
                return reserved(c);
            move = fcc_get(c, ft >> 2) == (ft & 1);
        } else {
            move = (c->r[ft] == 0) == (func == F_MOVZ);
        }
        charge(c, T_FP_MOVE);
        if (move)
            wr_fmt(c, fmt, fd, rd_fmt(c, fmt, fs));
        return false;
    }
    case F_ROUND_L: case F_TRUNC_L: case F_CEIL_L: case F_FLOOR_L:
    case F_ROUND_W: case F_TRUNC_W: case F_CEIL_W: case F_FLOOR_W:
    case F_CVT_W: case F_CVT_L: {
        bool l = func == F_CVT_L || func < F_ROUND_W;
        unsigned dfmt = l ? FMT_L : FMT_W;
        int how = (func == F_CVT_W || func == F_CVT_L) ? RND_RM : (int)(func & 3);
        if (!regs_ok(c, fmt, fs) || !regs_ok(c, dfmt, fd))
            return reserved(c);
        charge(c, T_FP_CVT);
        r = to_int(c, dbl, rd_fmt(c, fmt, fs), l, how, &x);
        if (fp_finish(c, x))
            return true;
        wr_fmt(c, dfmt, fd, r);
        return false;
    }
    case F_CVT_S: case F_CVT_D: {
        unsigned dfmt = func == F_CVT_S ? FMT_S : FMT_D;
        if (dfmt == fmt || !regs_ok(c, fmt, fs) || !regs_ok(c, dfmt, fd))
            return reserved(c);
        charge(c, T_FP_CVT);
        r = cvt_fp(c, dbl, rd_fmt(c, fmt, fs), &x);
        if (fp_finish(c, x))
            return true;
        wr_fmt(c, dfmt, fd, r);
        return false;
    }
    default:
        /* r6 SEL/SELEQZ/…, MIPS-3D RECIP1/2 RSQRT1/2, CVT.PS.S, reserved */
        return reserved(c);
    }

    if (fp_finish(c, x))
        return true;
    wr_fmt(c, fmt, fd, r);
    return false;
}

/* The fast loop's shortcut (fast.c): ADD.D, SUB.D and MUL.D in the case
 * quick_d decides, and only when nothing traps (the Inexact enable clear or
 * the result exact), so that the effect is exec_fmt's to the bit: FCSR
 * Cause and Flags, the destination, the latency. Returns the cycles
 * charged, or -1 (nothing done: fpu_exec_cop1 runs it). */
int fpu_quick(struct cpu *c, uint32_t insn)
{
    unsigned func = insn & 63, fs = (insn >> 11) & 31, ft = (insn >> 16) & 31, fd = (insn >> 6) & 31;
    if ((insn >> 26) != 0x11 || (insn >> 21 & 31) != FMT_D || func > F_MUL) /* COP1 only */
        return -1;
    return fpu_quick_d(c, func, fs, ft, fd);
}

/* fpu_quick of ADD.D (func 0), SUB.D (1) or MUL.D (2) fd, fs, ft, decoded
 * by the caller. */
int fpu_quick_d(struct cpu *c, unsigned func, unsigned fs, unsigned ft, unsigned fd)
{
    uint32_t fcsr = c->fpu.fcsr;
    if (fcsr & FCSR_RM)
        return -1;
    const bool fr = fr64(c);
    if (!fr && ((fs | ft | fd) & 1))
        return -1;
    static const enum hop hops[3] = { H_ADD, H_SUB, H_MUL };
    uint64_t r;
    unsigned x = 0;
    const uint64_t *f = c->fpu.fpr; /* (fpu_get_d: FR = 0, the even/odd pair) */
    uint64_t a = fr ? f[fs] : (uint64_t)(uint32_t)f[fs + 1] << 32 | (uint32_t)f[fs];
    uint64_t b = fr ? f[ft] : (uint64_t)(uint32_t)f[ft + 1] << 32 | (uint32_t)f[ft];
    if (!quick_d(hops[func], a, b, &r, &x))
        return -1;
    if (x & ((fcsr >> FCSR_ENABLES_SHIFT) & 0x1Fu))
        return -1; /* it traps: the full path */
    c->fpu.fcsr = (fcsr & ~(0x3Fu << FCSR_CAUSE_SHIFT)) | x << FCSR_CAUSE_SHIFT | x << FCSR_FLAGS_SHIFT;
    if (fr) { /* fpu_set_d's layout, as fpu_get_d's above */
        c->fpu.fpr[fd] = r;
    } else {
        fpu_set_w(c, fd, (uint32_t)r);
        fpu_set_w(c, fd + 1, (uint32_t)(r >> 32));
    }
    return (int)(func == F_MUL ? lat_mul[1] : lat_add[1]) - 1; /* charge() */
}

/* ---- COP1X (opcode 0x13) ---------------------------------------------------------- */

enum {
    X_LWXC1 = 0, X_LDXC1 = 1, X_LUXC1 = 5, X_SWXC1 = 8, X_SDXC1 = 9,
    X_SUXC1 = 13, X_PREFX = 15,
};

static bool load_d(struct cpu *c, uint32_t va, uint64_t *v)
{
    uint32_t lo, hi;
    if (!cpu_load(c, va, 4, &lo) || !cpu_load(c, va + 4, 4, &hi))
        return false;
    *v = ((uint64_t)hi << 32) | lo;
    return true;
}

static bool store_d(struct cpu *c, uint32_t va, uint64_t v)
{
    return cpu_store(c, va, 4, (uint32_t)v) && cpu_store(c, va + 4, 4, (uint32_t)(v >> 32));
}

bool fpu_exec_cop1x(struct cpu *c, uint32_t insn)
{
    unsigned base = (insn >> 21) & 31, index = (insn >> 16) & 31;
    unsigned fs = (insn >> 11) & 31, fd = (insn >> 6) & 31, func = insn & 63;
    uint32_t va = c->r[base] + c->r[index];
    uint32_t w;
    uint64_t d;

    switch (func) {
    case X_LWXC1:
        if (!cpu_load(c, va, 4, &w))
            return true;
        fpu_set_w(c, fd, w);
        return false;
    case X_LDXC1:
    case X_LUXC1:
        if (!fpu_d_ok(c, fd))
            return reserved(c);
        if (func == X_LUXC1) {
            va &= ~7u;
        } else if (va & 7) {
            cpu_exception(c, EXCCODE_ADEL, true, va);
            return true;
        }
        if (!load_d(c, va, &d))
            return true;
        fpu_set_d(c, fd, d);
        return false;
    case X_SWXC1:
        return !cpu_store(c, va, 4, fpu_get_w(c, fs));
    case X_SDXC1:
    case X_SUXC1:
        if (!fpu_d_ok(c, fs))
            return reserved(c);
        if (func == X_SUXC1) {
            va &= ~7u;
        } else if (va & 7) {
            cpu_exception(c, EXCCODE_ADES, true, va);
            return true;
        }
        return !store_d(c, va, fpu_get_d(c, fs));
    case X_PREFX:
        return false; /* a hint; no cache model */
    default:
        break;
    }

    /* MADD/MSUB/NMADD/NMSUB.fmt: op 5:3, fmt 2:0 (0 = S, 1 = D; 6 = PS absent) */
    unsigned op = func >> 3, f3 = func & 7;
    if (op < 4 || f3 > 1)
        return reserved(c);
    bool dbl = f3 == 1;
    unsigned fmt = dbl ? FMT_D : FMT_S, fr = base, ft = index;
    if (!regs_ok(c, fmt, fr) || !regs_ok(c, fmt, fs) || !regs_ok(c, fmt, ft) ||
        !regs_ok(c, fmt, fd))
        return reserved(c);
    unsigned x = 0;
    charge(c, lat_madd[dbl]);
    /* MAC2008 = 0: the product is rounded, then the sum (two roundings). */
    uint64_t p = arith(c, dbl, H_MUL, rd_fmt(c, fmt, fs), rd_fmt(c, fmt, ft), &x);
    uint64_t r = arith(c, dbl, (op & 1) ? H_SUB : H_ADD, p, rd_fmt(c, fmt, fr), &x);
    if (op & 2) /* NMADD/NMSUB: the result negated, NaN included */
        r ^= dbl ? D_SIGN : S_SIGN;
    if (fp_finish(c, x))
        return true;
    wr_fmt(c, fmt, fd, r);
    return false;
}

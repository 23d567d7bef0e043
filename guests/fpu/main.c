/*
 * fpu: double and single precision on the M5150's FPU, printed with the
 * runtime's fixed-point formatter (rt_fmt_double). crt0 turned the FPU on
 * as XC32's start-up does for hard-float code (Status.CU1 = 1, FR = 1) with
 * FCSR = 0 (round to nearest, no traps).
 *
 * Expected values (tests/guests/expect/fpu.txt): the mathematical
 * constants to 9 decimals; sum of 0.1f a thousand times in single
 * precision 99.999046; the bits of 0.1 + 0.2 and 0.3; CVT.W.D of 2.5,
 * -2.5, 3.5 in the four rounding modes; the IEEE flags of the classic
 * exceptional operations.
 */
#include "rt.h"

/* Operands the compiler cannot fold: the FPU must do the work. */
static volatile double one = 1.0, zero = 0.0, two = 2.0, minus_one = -1.0, big = 1e308,
                       tiny = 1e-308, ten = 10.0, tenth = 0.1, fifth = 0.2, three_tenths = 0.3;
static volatile float onef = 1.0f, twof = 2.0f, threef = 3.0f, tenthf = 0.1f;
static volatile int thousand = 1000;

static void show(const char *what, double v, unsigned decimals)
{
    char buf[32];
    rt_fmt_double(buf, v, decimals);
    rt_printf("%-34s %s\n", what, buf);
}

/* atan(1/x) for an integer x > 1, by its Taylor series. */
static double atan_inv(double x)
{
    double x2 = x * x, term = 1 / x, sum = 0;
    for (int k = 0; k < 40; k++) {
        double t = term / (2 * k + 1);
        sum += (k & 1) ? -t : t;
        term /= x2;
    }
    return sum;
}

static int32_t cvt_w_d(double d)
{
    int32_t r;
    __asm__ volatile(".set push; .set hardfloat\n\t"
                     "cvt.w.d $f2, %1\n\t"
                     "mfc1 %0, $f2\n\t"
                     ".set pop"
                     : "=r"(r)
                     : "f"(d)
                     : "$f2");
    return r;
}

static void flags_of(const char *what, double (*op)(void))
{
    write_fpu_fcsr(0);
    double r = op();
    uint32_t fl = (read_fpu_fcsr() >> FCSR_FLAGS_SHIFT) & 0x1F;
    char buf[32], flags[16];
    int n = 0;
    if (fl & FCSR_FLAG_V) flags[n++] = 'V';
    if (fl & FCSR_FLAG_Z) flags[n++] = 'Z';
    if (fl & FCSR_FLAG_O) flags[n++] = 'O';
    if (fl & FCSR_FLAG_U) flags[n++] = 'U';
    if (fl & FCSR_FLAG_I) flags[n++] = 'I';
    flags[n] = 0;
    rt_fmt_double(buf, r, 3);
    rt_printf("%-14s = %-6s flags %s\n", what, buf, n ? flags : "-");
}

static double div_by_zero(void) { return one / zero; }
static double zero_by_zero(void) { return zero / zero; }
static double sqrt_minus_one(void) { return __builtin_sqrt(minus_one); }
static double overflow(void) { return big * ten; }
static double underflow(void) { return tiny * 1e-10; }
static double third(void) { return one / 3; }

static uint64_t bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

int main(void)
{
    board_init();
    uint32_t fir = read_fpu_fir();
    rt_printf("fpu: %s%s FPU, %s registers, Status.FR = %lu\n", (fir & (1u << 16)) ? "single" : "",
              (fir & (1u << 17)) ? " and double precision" : "", (fir & (1u << 22)) ? "64-bit" : "32-bit",
              (unsigned long)((read_c0_status() & ST0_FR) ? 1 : 0));

    show("sqrt(2)", __builtin_sqrt(two), 9);
    show("pi = 16 atan(1/5) - 4 atan(1/239)", 16 * atan_inv(5) - 4 * atan_inv(239), 9);
    double e = 0, term = 1;
    for (int k = 1; k <= 20; k++) {
        e += term;
        term /= k;
    }
    show("e = sum 1/k!", e, 9);
    double basel = 0;
    for (int k = 1; k <= thousand; k++)
        basel += one / ((double)k * k);
    show("sum 1/k^2, k = 1..1000", basel, 9);

    show("sqrtf(2) (single)", __builtin_sqrtf(twof), 7);
    show("1/3 (single)", onef / threef, 8);
    float s = 0;
    for (int i = 0; i < thousand; i++)
        s += tenthf;
    show("0.1f added 1000 times (single)", s, 6);

    double sum = tenth + fifth;
    rt_printf("0.1 + 0.2 = 0x%016llx, 0.3 = 0x%016llx: %s\n", (unsigned long long)bits(sum),
              (unsigned long long)bits(three_tenths), sum == three_tenths ? "equal" : "not equal");

    static const char *const modes[4] = {"nearest", "toward zero", "toward +inf", "toward -inf"};
    for (unsigned rm = 0; rm < 4; rm++) {
        write_fpu_fcsr(rm);
        int32_t a = cvt_w_d(2.5 * one), b = cvt_w_d(-2.5 * one), c = cvt_w_d(3.5 * one);
        write_fpu_fcsr(0);
        rt_printf("round %-11s: 2.5 -> %ld, -2.5 -> %ld, 3.5 -> %ld\n", modes[rm], (long)a, (long)b,
                  (long)c);
    }

    flags_of("1/0", div_by_zero);
    flags_of("0/0", zero_by_zero);
    flags_of("sqrt(-1)", sqrt_minus_one);
    flags_of("1e308 * 10", overflow);
    flags_of("1e-308 * 1e-10", underflow);
    flags_of("1/3", third);
    write_fpu_fcsr(0);
    return 0;
}

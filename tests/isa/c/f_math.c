/* Floating point in C (m5100 hard float only; no 64-bit integer <-> double
 * conversions: Debian's libgcc helpers for those are PIC and do not link): results known exactly or
 * by well-known constants, computed with series and Newton iterations. */
#include "../../lib/test.h"

static volatile double dv[] = {2.0, 0.1, 3.0, 1e300, -0.0};
static volatile float fv[] = {1.5f, 0.25f};

static double my_exp(double x)
{
    double term = 1, sum = 1;
    for (int n = 1; n < 40; n++) {
        term *= x / n;
        sum += term;
    }
    return sum;
}

static double newton_sqrt(double a)
{
    double x = a;
    for (int i = 0; i < 60; i++)
        x = 0.5 * (x + a / x);
    return x;
}

static double fabs_(double x) { return x < 0 ? -x : x; }

int main(void)
{
    double two = dv[0];
    CHECK(__builtin_sqrt(two) * __builtin_sqrt(two) - two < 1e-15);
    CHECK(fabs_(newton_sqrt(two) - 1.4142135623730951) < 1e-15);
    CHECK(fabs_(my_exp(1.0 + dv[4]) - 2.718281828459045) < 1e-14);
    /* 0.1 * 3 is not 0.3 in binary, exactly this far off */
    double p = dv[1] * dv[2];
    CHECK(p != 0.3);
    CHECK(p - 0.3 == 5.551115123125783e-17);
    /* exact integer conversions */
    CHECK_EQ((int)(dv[0] * 1e9), 2000000000);
    CHECK_EQ((int)(-dv[2] * 2.5), -7);
    CHECK_EQ((unsigned)(dv[2] * 1e9), 3000000000u);
    CHECK((double)(int)-dv[0] * 1e6 == -2000000.0);
    /* overflow to infinity, signed zero */
    double big = dv[3] * dv[3];
    CHECK(big > 1e308 && big == big + 1);
    CHECK(1.0 / dv[4] < 0);
    /* float <-> double */
    float f = fv[0] * fv[1];
    CHECK(f == 0.375f);
    CHECK((double)f == 0.375);
    CHECK((float)dv[1] != dv[1]);
    /* pi by Leibniz-Machin: 16 atan(1/5) - 4 atan(1/239) */
    double pi = 0;
    for (int k = 0; k < 2; k++) {
        double x = k ? 1.0 / 239 : 1.0 / 5, t = x, s = 0;
        for (int n = 1; n < 60; n += 2) {
            s += t / n;
            t *= -x * x;
        }
        pi += k ? -4 * s : 16 * s;
    }
    CHECK(fabs_(pi - 3.141592653589793) < 1e-15);
    return t_done("isa/c f_math");
}

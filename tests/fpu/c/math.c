/* Floating-point maths with known results, built for m5100 (hard float)
 * at -O0 and -O2. Inputs come through volatile objects so the compiler
 * cannot fold the computations away. */
#include "../../lib/test.h"

static uint64_t dbits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static double dabs(double x) { return x < 0 ? -x : x; }

static volatile double v_two = 2.0, v_one = 1.0, v_five = 5.0, v_239 = 239.0;
static volatile float vf_tenth = 0.1f, vf_three = 3.0f;

/* atan(1/x) by its Taylor series */
static double atan_inv(double x)
{
    double x2 = x * x, term = 1.0 / x, sum = 0;
    for (int k = 0; k < 40; k++) {
        double t = term / (2 * k + 1);
        sum += (k & 1) ? -t : t;
        term /= x2;
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

int main(void)
{
    /* sqrt: the SQRT.D instruction and Newton's method */
    double s2 = __builtin_sqrt(v_two);
    CHECK_EQ(dbits(s2), 0x3FF6A09E667F3BCDull);
    /* Newton's iteration settles on a neighbour of the rounded root */
    uint64_t nb = dbits(newton_sqrt(v_two));
    CHECK(nb == 0x3FF6A09E667F3BCDull || nb == 0x3FF6A09E667F3BCCull);
    CHECK_EQ(fbits(__builtin_sqrtf((float)v_two)), 0x3FB504F3u);
    CHECK_EQ(dbits(s2 * s2), 0x4000000000000001ull); /* sqrt(2)^2 rounds up */

    /* pi by Machin's formula */
    double pi = 16 * atan_inv(v_five) - 4 * atan_inv(v_239);
    CHECK(dabs(pi - 3.141592653589793) < 1e-15);

    /* e = sum 1/n! */
    double e = 0, f = 1;
    for (int n = 1; n < 25; n++) {
        e += 1 / f;
        f *= n;
    }
    CHECK(dabs(e - 2.718281828459045) < 1e-15);

    /* harmonic number H_1000 (float and double) */
    double h = 0;
    float hf = 0;
    for (int n = 1; n <= 1000; n++) {
        h += v_one / n;
        hf += (float)v_one / (float)n;
    }
    CHECK(dabs(h - 7.485470860550345) < 1e-12);
    CHECK(dabs((double)hf - 7.485470860550345) < 1e-4);

    /* single precision: 0.1f * 3 and 1/3 */
    CHECK_EQ(fbits(vf_tenth * vf_three), 0x3E99999Au);
    CHECK_EQ(fbits(1.0f / vf_three), 0x3EAAAAABu);
    /* summing 0.1 ten times is not 1 in double */
    double acc = 0;
    for (int i = 0; i < 10; i++)
        acc += (double)vf_tenth * 0 + 0.1 * v_one;
    CHECK_EQ(dbits(acc), 0x3FEFFFFFFFFFFFFFull);

    /* a 3x3 system by Gauss-Jordan: A x = b with x = (1, -2, 3) */
    volatile double A0[3][3] = { { 2, 1, -1 }, { -3, -1, 2 }, { -2, 1, 2 } };
    volatile double b0[3] = { -3, 5, 2 };
    double A[3][4];
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++)
            A[i][j] = A0[i][j];
        A[i][3] = b0[i];
    }
    for (int p = 0; p < 3; p++) {
        int best = p;
        for (int i = p + 1; i < 3; i++)
            if (dabs(A[i][p]) > dabs(A[best][p]))
                best = i;
        for (int j = 0; j < 4; j++) {
            double t = A[p][j];
            A[p][j] = A[best][j];
            A[best][j] = t;
        }
        double piv = A[p][p];
        for (int j = 0; j < 4; j++)
            A[p][j] /= piv;
        for (int i = 0; i < 3; i++) {
            if (i == p)
                continue;
            double m = A[i][p];
            for (int j = 0; j < 4; j++)
                A[i][j] -= m * A[p][j];
        }
    }
    CHECK(dabs(A[0][3] - 1) < 1e-12);
    CHECK(dabs(A[1][3] + 2) < 1e-12);
    CHECK(dabs(A[2][3] - 3) < 1e-12);

    /* integer-valued matrix product: exact */
    volatile float M[2][2] = { { 1.5f, -2 }, { 4, 0.25f } };
    float P[2][2];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            P[i][j] = M[i][0] * M[0][j] + M[i][1] * M[1][j];
    CHECK_EQ(fbits(P[0][0]), fbits(-5.75f));  /* 2.25 - 8 */
    CHECK_EQ(fbits(P[0][1]), fbits(-3.5f));   /* -3 - 0.5 */
    CHECK_EQ(fbits(P[1][0]), fbits(7.0f));    /* 6 + 1 */
    CHECK_EQ(fbits(P[1][1]), fbits(-7.9375f)); /* -8 + 0.0625 */

    return t_done("fpu/c_math");
}

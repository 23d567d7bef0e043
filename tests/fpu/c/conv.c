/* Conversions and comparisons in C (m5100 hard float, -O0 and -O2):
 * float <-> double <-> int, truncation toward zero, unsigned conversions,
 * ordered compares. (64-bit integer conversions need libgcc's helpers, which
 * Debian builds PIC only: they do not link into these static images.) */
#include "../../lib/test.h"

static uint64_t dbits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }

static volatile double vd[] = { 3.7, -3.7, 0.5, -0.5, 2147483647.0, -2147483648.0, 1e10 };
static volatile int vi[] = { 16777217, -1, 0x7FFFFFFF, (int)0x80000000 };
static volatile unsigned vu = 0xFFFFFFFFu;
static volatile double vpow = 9007199254740993.0;      /* rounds to 2^53 */
static volatile float vf = 0.1f;

int main(void)
{
    CHECK_EQ((int)vd[0], 3);
    CHECK_EQ((int)vd[1], -3);
    CHECK_EQ((int)vd[2], 0);
    CHECK_EQ((int)vd[3], 0);
    CHECK_EQ((int)vd[4], 0x7FFFFFFF);
    CHECK_EQ((unsigned)(int)vd[5], 0x80000000u);
    CHECK_EQ((unsigned)vd[0], 3u);

    CHECK_EQ(fbits((float)vi[0]), 0x4B800000u); /* 2^24 + 1 → 2^24 */
    CHECK_EQ(fbits((float)vi[1]), 0xBF800000u);
    CHECK_EQ(dbits((double)vi[2]), 0x41DFFFFFFFC00000ull);
    CHECK_EQ(dbits((double)vi[3]), 0xC1E0000000000000ull);
    CHECK_EQ(dbits((double)vu), 0x41EFFFFFFFE00000ull);
    CHECK_EQ(fbits((float)vu), 0x4F800000u);
    CHECK_EQ(dbits(vpow), 0x4340000000000000ull);

    CHECK_EQ(dbits((double)vf), 0x3FB99999A0000000ull);
    CHECK_EQ(fbits((float)(double)vf), 0x3DCCCCCDu);
    CHECK_EQ(fbits((float)vd[0]), 0x406CCCCDu);

    /* comparisons */
    volatile double a = 1.0, b = 1.0 + 0x1p-52, z = 0.0, nz = -0.0;
    CHECK(a < b);
    CHECK(!(b < a));
    CHECK(a <= a);
    CHECK(b > a);
    CHECK(a != b);
    CHECK(z == nz);
    volatile float fa = 1.0f, fb = 2.0f;
    CHECK(fa < fb && fb >= fa && !(fa == fb));
    int cnt = 0;
    for (volatile double x = 0; x < 1.0; x += 0.125)
        cnt++;
    CHECK_EQ(cnt, 8);
    return t_done("fpu/c_conv");
}

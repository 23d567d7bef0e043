/* 64-bit arithmetic (libgcc division/modulo), 32-bit edge cases, bit
 * manipulation; quotients are also checked by multiplying back. */
#include "../../lib/test.h"

static volatile unsigned long long u64v[] = {
    0xffffffffffffffffull, 1000000000000000000ull, 987654321ull, 10,
    0x123456789abcdef0ull, 0xfedcba98ull, 0x8000000000000000ull, 7,
};
static volatile long long s64v[] = {-1000000000000000ll, 7, -7, 2};
static volatile unsigned u32v[] = {0xffffffffu, 0x80000000u, 12345u, 0xf0f0f0f0u, 1u};

static int popcount_loop(unsigned long long v)
{
    int n = 0;
    while (v) {
        v &= v - 1;
        n++;
    }
    return n;
}

static unsigned bitrev32(unsigned v)
{
    unsigned r = 0;
    for (int i = 0; i < 32; i++, v >>= 1)
        r = (r << 1) | (v & 1);
    return r;
}

static unsigned long long isqrt64(unsigned long long n)
{
    unsigned long long x = 0, bit = 1ull << 62;
    while (bit > n)
        bit >>= 2;
    while (bit) {
        if (n >= x + bit) {
            n -= x + bit;
            x = (x >> 1) + bit;
        } else {
            x >>= 1;
        }
        bit >>= 2;
    }
    return x;
}

int main(void)
{
    unsigned long long a = u64v[0], b = u64v[3];
    CHECK_EQ(a / b, 1844674407370955161ull);
    CHECK_EQ(a % b, 5);
    a = u64v[1];
    b = u64v[2];
    unsigned long long q = a / b, r = a % b;
    CHECK_EQ(q, 1012499999ull);
    CHECK_EQ(r, 975154321ull);
    CHECK_EQ(q * b + r, a);
    CHECK_EQ(u64v[4] * u64v[5], 0xcf13578ad05ebe80ull);
    CHECK_EQ(u64v[6] >> 13, 0x0004000000000000ull);
    CHECK_EQ((unsigned long long)((long long)u64v[6] >> 13), 0xfffc000000000000ull);
    CHECK_EQ(u64v[4] << 36, 0xabcdef0000000000ull);
    CHECK_EQ(u64v[4] >> 36, 0x0000000001234567ull);
    CHECK_EQ(u64v[4] % u64v[7], 0x123456789abcdef0ull % 7);
    /* the same identity for a spread of divisors */
    int bad = 0;
    unsigned long long n = u64v[4];
    for (unsigned long long d = 1; d < 0x100000000000ull; d = d * 3 + 1) {
        unsigned long long qq = n / d, rr = n % d;
        if (rr >= d || qq * d + rr != n)
            bad++;
    }
    CHECK_EQ(bad, 0);

    long long sa = s64v[0], sb = s64v[1];
    CHECK_EQ(sa / sb, -142857142857142ll);
    CHECK_EQ(sa % sb, -6);
    CHECK_EQ(s64v[2] / s64v[3], -3);
    CHECK_EQ(s64v[2] % s64v[3], -1);
    CHECK_EQ(s64v[1] / -s64v[3], -3);
    CHECK_EQ(s64v[1] % -s64v[3], 1);
    CHECK_EQ(sa * sb, -7000000000000000ll);
    CHECK(sa < sb);
    CHECK((unsigned long long)sa > (unsigned long long)sb);
    CHECK_EQ(-sa, 1000000000000000ll);

    /* 32-bit edges */
    unsigned x = u32v[0], y = u32v[1];
    CHECK_EQ(x + 1u, 0);
    CHECK_EQ(x / 3u, 0x55555555u);
    CHECK_EQ((int)x / 2, 0);
    CHECK_EQ((int)y >> 31, -1);
    CHECK_EQ(y >> 31, 1);
    CHECK_EQ((unsigned long long)x * x, 0xfffffffe00000001ull);
    CHECK_EQ((long long)(int)x * (int)y, 0x80000000ll);
    CHECK_EQ(u32v[2] % 100u, 45);
    CHECK_EQ((int)-u32v[2] % 100, -45);
    CHECK_EQ((int)-u32v[2] / 100, -123);

    /* bits */
    CHECK_EQ(popcount_loop(u64v[4]), 32);
    CHECK_EQ(__builtin_popcountll(u64v[4]), 32);
    CHECK_EQ(__builtin_popcount(u32v[3]), 16);
    CHECK_EQ(__builtin_clz(u32v[2]), 18);
    CHECK_EQ(__builtin_ctz(u32v[3]), 4);
    CHECK_EQ(__builtin_clzll(u64v[5]), 32);
    CHECK_EQ(__builtin_ctzll(u64v[6]), 63);
    CHECK_EQ(bitrev32(u32v[4]), 0x80000000u);
    CHECK_EQ(bitrev32(0x12345678u ^ u32v[4] ^ 1u), 0x1e6a2c48u);
    CHECK_EQ(__builtin_bswap32(0x11223344u ^ u32v[4] ^ 1u), 0x44332211u);
    CHECK_EQ(__builtin_bswap64(u64v[4]), 0xf0debc9a78563412ull);
    unsigned rot = u32v[3] ^ 0x0000000fu;  /* 0xf0f0f0ff */
    CHECK_EQ((rot >> 4) | (rot << 28), 0xff0f0f0fu);
    /* bitfields */
    struct {
        unsigned a : 3, b : 7, c : 22;
    } bf = {0};
    bf.a = u32v[0];
    bf.b = 0x55;
    bf.c = u32v[2];
    CHECK_EQ(bf.a, 7);
    CHECK_EQ(bf.b, 0x55);
    CHECK_EQ(bf.c, 12345);
    /* integer square roots */
    CHECK_EQ(isqrt64(u64v[1]), 1000000000ull);
    CHECK_EQ(isqrt64(u64v[0]), 0xffffffffull);
    CHECK_EQ(isqrt64(99), 9);
    return t_done("isa/c arith64");
}

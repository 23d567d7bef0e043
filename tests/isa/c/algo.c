/* Integer algorithms with independently known results: sorting (checked
 * for order and by a permutation-invariant sum), CRC-32, a prime sieve,
 * gcd, decimal bignum arithmetic (2^100, 30!), recursion. */
#include "../../lib/test.h"

static volatile unsigned seed_v = 12345;

static unsigned lcg(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

static void insertion_sort(int *a, int n)
{
    for (int i = 1; i < n; i++) {
        int v = a[i], j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void quick_sort(int *a, int lo, int hi)
{
    while (lo < hi) {
        int p = a[(lo + hi) / 2], i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p)
                i++;
            while (a[j] > p)
                j--;
            if (i <= j) {
                int t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        }
        if (j - lo < hi - i) {
            quick_sort(a, lo, j);
            lo = i;
        } else {
            quick_sort(a, i, hi);
            hi = j;
        }
    }
}

static unsigned crc32(const void *data, size_t n)
{
    const unsigned char *p = data;
    unsigned c = 0xffffffffu;
    while (n--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & -(c & 1));
    }
    return ~c;
}

static unsigned crc_table[256];
static unsigned crc32_table(const void *data, size_t n)
{
    const unsigned char *p = data;
    if (!crc_table[1])
        for (unsigned i = 0; i < 256; i++) {
            unsigned c = i;
            for (int k = 0; k < 8; k++)
                c = c & 1 ? (c >> 1) ^ 0xedb88320u : c >> 1;
            crc_table[i] = c;
        }
    unsigned c = 0xffffffffu;
    while (n--)
        c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return ~c;
}

static unsigned char sieve_buf[10001];
static int sieve(int n)
{
    int count = 0;
    memset(sieve_buf, 1, sizeof sieve_buf);
    for (int i = 2; i <= n; i++) {
        if (!sieve_buf[i])
            continue;
        count++;
        for (int j = i * i; j <= n; j += i)
            sieve_buf[j] = 0;
    }
    return count;
}

static unsigned gcd(unsigned a, unsigned b)
{
    return b ? gcd(b, a % b) : a;
}

static unsigned gcd_binary(unsigned a, unsigned b)
{
    int shift = 0;
    if (!a || !b)
        return a | b;
    while (!((a | b) & 1))
        a >>= 1, b >>= 1, shift++;
    while (!(a & 1))
        a >>= 1;
    do {
        while (!(b & 1))
            b >>= 1;
        if (a > b) {
            unsigned t = a;
            a = b;
            b = t;
        }
        b -= a;
    } while (b);
    return a << shift;
}

/* little-endian base-10^4 bignum */
struct big {
    int n;
    unsigned short d[32];
};
static void big_set(struct big *b, unsigned v)
{
    b->n = 0;
    do {
        b->d[b->n++] = v % 10000;
        v /= 10000;
    } while (v);
}
static void big_mul(struct big *b, unsigned m)
{
    unsigned carry = 0;
    for (int i = 0; i < b->n; i++) {
        unsigned t = b->d[i] * m + carry;
        b->d[i] = t % 10000;
        carry = t / 10000;
    }
    while (carry) {
        b->d[b->n++] = carry % 10000;
        carry /= 10000;
    }
}
static void big_str(const struct big *b, char *out)
{
    char *p = out + t_snprintf(out, 8, "%u", b->d[b->n - 1]);
    for (int i = b->n - 2; i >= 0; i--)
        p += t_snprintf(p, 8, "%04u", b->d[i]);
}

static int fib_rec(int n)
{
    return n < 2 ? n : fib_rec(n - 1) + fib_rec(n - 2);
}

static int ackermann(int m, int n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static int a1[300], a2[300];

int main(void)
{
    unsigned s = seed_v;
    long long sum0 = 0, sum1 = 0, sum2 = 0;
    for (int i = 0; i < 300; i++) {
        a1[i] = (int)(lcg(&s) % 20001) - 10000;
        a2[i] = a1[i];
        sum0 += a1[i];
    }
    insertion_sort(a1, 300);
    quick_sort(a2, 0, 299);
    int ordered = 1, same = 1;
    for (int i = 0; i < 300; i++) {
        if (i && a1[i - 1] > a1[i])
            ordered = 0;
        if (a1[i] != a2[i])
            same = 0;
        sum1 += a1[i];
        sum2 += a2[i];
    }
    CHECK_EQ(ordered, 1);
    CHECK_EQ(same, 1);
    CHECK_EQ(sum1, sum0);
    CHECK_EQ(sum2, sum0);

    CHECK_EQ(crc32("123456789", 9), 0xcbf43926u);
    CHECK_EQ(crc32_table("123456789", 9), 0xcbf43926u);
    CHECK_EQ(crc32("The quick brown fox jumps over the lazy dog", 43), 0x414fa339u);
    CHECK_EQ(crc32("", 0), 0);

    CHECK_EQ(sieve(10000), 1229);
    CHECK_EQ(sieve(100), 25);

    CHECK_EQ(gcd(1071, 462), 21);
    CHECK_EQ(gcd_binary(1071, 462), 21);
    CHECK_EQ(gcd(832040, 514229), 1);
    CHECK_EQ(gcd_binary(0x7fffffff, 0x7ffff), 1);
    CHECK_EQ(gcd_binary(3u << 20, 9u << 12), 3u << 12);

    struct big b;
    char str[80];
    big_set(&b, 1);
    for (int i = 0; i < 100; i++)
        big_mul(&b, 2);
    big_str(&b, str);
    CHECK(strcmp(str, "1267650600228229401496703205376") == 0);
    big_set(&b, 1);
    for (unsigned i = 2; i <= 30; i++)
        big_mul(&b, i);
    big_str(&b, str);
    CHECK(strcmp(str, "265252859812191058636308480000000") == 0);

    CHECK_EQ(fib_rec(24), 46368);
    int fa = 0, fb = 1;
    for (int i = 0; i < 30; i++) {
        int t = fa + fb;
        fa = fb;
        fb = t;
    }
    CHECK_EQ(fa, 832040);
    CHECK_EQ(ackermann(2, 3), 9);
    CHECK_EQ(ackermann(3, 3), 61);
    return t_done("isa/c algo");
}

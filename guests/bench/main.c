/*
 * bench: a CPU-bound workload (integer, memory and floating point) that
 * prints a checksum and how long it took in core-timer ticks (100 MHz).
 * `make bench` runs it bare and as a tinyVP partition: the ratio of the
 * tick counts is the guest slowdown; the checksum must not change.
 *
 * The workload, defined precisely so that another program can recompute
 * the checksum (tests/guests/bench_model.py does):
 *   seed = 2463534242
 *   4 rounds r = 0..3:
 *     a[0..4095]: xorshift32 from x = seed (x ^= x << 13; x ^= x >> 17;
 *                 x ^= x << 5; a[i] = x), all uint32
 *     sort a ascending (bottom-up merge sort through a second array)
 *     sort = fold of s = s * 31 + a[i] from s = 0 (uint32)
 *     crc  = CRC-32 (IEEE, reflected 0xEDB88320, init and final xor
 *            0xFFFFFFFF, bitwise) of the 16384 bytes of a, little-endian
 *     mandel = sum of the escape iteration counts of z -> z^2 + c, in
 *            double, over c = (-2 + 3 x / 32) + i (-1.2 + 2.4 y / 24),
 *            x = 0..31, y = 0..23, from z = 0, at most 64 + 16 r
 *            iterations, escaping when |z|^2 > 4 (tested before each step)
 *     seed = sort ^ crc ^ mandel
 *   checksum = the final seed
 * Output: one line per round, "bench: checksum 0x...", then
 * "bench: N ticks (M.mmm ms)" (the only line that depends on the machine).
 */
#include "rt.h"

#define N 4096
static uint32_t a[N], b[N];

static void fill(uint32_t x)
{
    for (unsigned i = 0; i < N; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        a[i] = x;
    }
}

static void merge_sort(void)
{
    uint32_t *src = a, *dst = b;
    for (unsigned w = 1; w < N; w *= 2) {
        for (unsigned lo = 0; lo < N; lo += 2 * w) {
            unsigned mid = lo + w < N ? lo + w : N, hi = lo + 2 * w < N ? lo + 2 * w : N;
            unsigned i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                dst[k++] = src[i] <= src[j] ? src[i++] : src[j++];
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, sizeof a);
}

static uint32_t fold(void)
{
    uint32_t s = 0;
    for (unsigned i = 0; i < N; i++)
        s = s * 31 + a[i];
    return s;
}

static uint32_t crc32(const uint8_t *p, size_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
    return crc ^ 0xFFFFFFFFu;
}

static uint32_t mandel(unsigned maxit)
{
    uint32_t total = 0;
    for (int y = 0; y < 24; y++) {
        double ci = -1.2 + 2.4 * y / 24;
        for (int x = 0; x < 32; x++) {
            double cr = -2.0 + 3.0 * x / 32;
            double zr = 0, zi = 0;
            unsigned it = 0;
            while (it < maxit) {
                double zr2 = zr * zr, zi2 = zi * zi;
                if (zr2 + zi2 > 4.0)
                    break;
                zi = 2 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                it++;
            }
            total += it;
        }
    }
    return total;
}

int main(void)
{
    board_init();
    rt_printf("bench: integer, memory and floating-point workload, 4 rounds\n");
    uint32_t seed = 2463534242u;
    uint32_t t0 = rt_ticks();
    for (unsigned r = 0; r < 4; r++) {
        fill(seed);
        merge_sort();
        uint32_t s = fold();
        uint32_t crc = crc32((const uint8_t *)a, sizeof a);
        uint32_t m = mandel(64 + 16 * r);
        seed = s ^ crc ^ m;
        rt_printf("bench: round %u: sort 0x%08lx crc 0x%08lx mandel %lu\n", r, (unsigned long)s,
                  (unsigned long)crc, (unsigned long)m);
    }
    uint32_t ticks = rt_ticks() - t0;
    rt_printf("bench: checksum 0x%08lx\n", (unsigned long)seed);
    rt_printf("bench: %lu ticks (%lu.%03lu ms)\n", (unsigned long)ticks,
              (unsigned long)(ticks / RT_CT_PER_MS), (unsigned long)(ticks % RT_CT_PER_MS / (RT_CT_PER_MS / 1000)));
    return 0;
}

/*
 * CPU-bound bare-metal workload for measuring the simulator: sorting, CRC,
 * integer and double matrix multiply, string work. Prints a checksum (so
 * runs can be compared between simulators) and exits through UHI.
 * ROUNDS scales the run length.
 */
#include "test.h"

#ifndef ROUNDS
#define ROUNDS 40
#endif

static uint32_t rng = 12345;
static uint32_t next(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

static int arr[4096];

static void sort(int *a, int lo, int hi)
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
            sort(a, lo, j);
            lo = i;
        } else {
            sort(a, i, hi);
            hi = j;
        }
    }
}

static uint32_t crc32(const uint8_t *p, unsigned n)
{
    uint32_t c = 0xFFFFFFFFu;
    while (n--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & -(c & 1));
    }
    return ~c;
}

#define N 24
static int ia[N][N], ib[N][N], ic[N][N];
static double da[N][N], db[N][N], dc[N][N];

static char s1[512], s2[512];

int main(void)
{
    uint32_t sum = 0;
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < 4096; i++)
            arr[i] = (int)next();
        sort(arr, 0, 4095);
        for (int i = 1; i < 4096; i++)
            if (arr[i - 1] > arr[i])
                return 2;
        sum += crc32((const uint8_t *)arr, sizeof arr);
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                ia[i][j] = (int)(next() & 255);
                ib[i][j] = (int)(next() & 255);
                da[i][j] = (double)ia[i][j] / 7.0;
                db[i][j] = (double)ib[i][j] * 0.5;
            }
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                int acc = 0;
                double dacc = 0;
                for (int k = 0; k < N; k++) {
                    acc += ia[i][k] * ib[k][j];
                    dacc += da[i][k] * db[k][j];
                }
                ic[i][j] = acc;
                dc[i][j] = dacc;
            }
        for (int i = 0; i < N; i++)
            sum += (uint32_t)ic[i][i] + (uint32_t)(int)dc[i][N - 1 - i];
        for (int k = 0; k < 64; k++) {
            for (int i = 0; i < 511; i++)
                s1[i] = (char)('a' + (next() % 26));
            s1[511] = 0;
            strcpy(s2, s1);
            sum += (uint32_t)strlen(s2) + (uint32_t)(strcmp(s1, s2) == 0);
            memmove(s2 + 1, s2, 256);
            sum += (uint32_t)memcmp(s1, s2, 64);
        }
    }
    t_printf("workload checksum %08x\n", sum);
    return 0;
}

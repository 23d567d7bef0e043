/*
 * hilo: HI/LO are not part of the shadow register sets, so the hypervisor
 * must keep each partition's. Two of these run side by side in short
 * windows (hilo.yaml): each multiplies, waits a while (a window switch or
 * an exit lands in between most of the time), then reads LO; the other
 * partition's multiplications (and the hypervisor's own) must not show.
 */
#include "rt.h"

#define N 200000u

int main(void)
{
    board_init();
    unsigned errors = 0, expect = 0;
    for (unsigned i = 1; i <= N; i++) {
        unsigned lo;
        expect += 2 * i - 1; /* i * i, without HI/LO */
        __asm__ volatile("multu %1, %1\n\t"
                         ".rept 24\n\tnop\n\t.endr\n\t"
                         "mflo %0"
                         : "=r"(lo)
                         : "r"(i)
                         : "hi", "lo");
        if (lo != expect)
            errors++;
    }
    rt_printf("hilo: %u products, %u wrong\n", N, errors);
    rt_exit(errors ? 1 : 0);
}

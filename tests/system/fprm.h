/*
 * fprm: floating-point work under one rounding mode (FCSR.RM = FPRM_MODE),
 * long enough to be cut by many window switches, with its accumulators in
 * FPU registers and its FCSR flags accumulating. Two builds (fprm_up.c:
 * toward +inf, fprm_down.c: toward -inf) run side by side (fprm.yaml):
 * each must print what it prints alone, so the lazy FPU switch keeps
 * every register and FCSR of each partition.
 */
#include "rt.h"

static volatile double one = 1.0, third = 1.0 / 3.0;
static volatile float onef = 1.0f;

static uint64_t bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

int main(void)
{
    board_init();
    write_fpu_fcsr(FPRM_MODE);
    double s = 0, p = one, t = third;
    float f = 0;
    for (unsigned round = 1; round <= 6; round++) {
        for (unsigned k = 1; k <= 4000; k++) {
            s += one / (double)k;
            p *= 1.0 + t / (double)(k + round);
            f += onef / (float)k;
            t = t * 0.999 + 1e-9;
        }
        rt_printf("fprm %s: round %u sum %016llx prod %016llx float %08lx fcsr %08lx\n",
                  FPRM_NAME, round, (unsigned long long)bits(s), (unsigned long long)bits(p),
                  (unsigned long)(bits((double)f) >> 29), (unsigned long)read_fpu_fcsr());
    }
    rt_printf("fprm %s: done\n", FPRM_NAME);
    return 0;
}

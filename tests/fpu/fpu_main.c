/* C side of the FPU assembly test programs: installs the exception hook,
 * runs the body (fpu_run) and prints what the checks logged. */
#include "../lib/test.h"

struct fpu_fail {
    uint32_t line, got, expected, pad;
};

extern const char fpu_name[];
extern volatile uint32_t fpu_fail_n;
extern volatile struct fpu_fail fpu_fail_log[16];
void fpu_run(void);
void fpu_exc_handler(void);

int main(void)
{
    exc_hook = (void *)fpu_exc_handler;
    fpu_run();
    exc_hook = 0;
    uint32_t n = fpu_fail_n;
    for (uint32_t i = 0; i < n && i < 16; i++)
        t_printf("FAIL %s:%u: got 0x%08x, expected 0x%08x\n", fpu_name,
                 (unsigned)fpu_fail_log[i].line, (unsigned)fpu_fail_log[i].got,
                 (unsigned)fpu_fail_log[i].expected);
    if (n > 16)
        t_printf("(%u more failures not shown)\n", (unsigned)(n - 16));
    t_failures += (int)n;
    return t_done(fpu_name);
}

/* Bare-metal test runtime: formatted output through UHI write (the
 * formatting and string functions are tlib's). */
#include "test.h"

int t_failures;

int t_printf(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int r = t_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    uhi_write(1, buf, r < (int)sizeof buf ? (unsigned)r : sizeof buf - 1);
    return r;
}

void t_puts(const char *s)
{
    uhi_write(1, s, strlen(s));
}

int t_done(const char *name)
{
    if (t_failures)
        t_printf("%s: %d check(s) failed\n", name, t_failures);
    else
        t_printf("%s: all checks passed\n", name);
    return t_failures ? 1 : 0;
}

void test_unexpected_exception(uint32_t cause, uint32_t epc, uint32_t badvaddr)
    __attribute__((noreturn));
void test_unexpected_exception(uint32_t cause, uint32_t epc, uint32_t badvaddr)
{
    t_printf("unexpected exception: cause 0x%08x (ExcCode %u) epc 0x%08x badvaddr 0x%08x\n", cause,
             (cause >> 2) & 31, epc, badvaddr);
    uhi_exit(99);
}

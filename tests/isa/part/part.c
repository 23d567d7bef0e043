/*
 * The ISA C programs (tests/isa/c) as tinyVP partitions: the same object
 * files that print through UHI semihosting on the bare simulator, linked
 * with the example guests' runtime (guests/rt) instead of tests/lib. This
 * file is their test runtime on the partition's console: t_printf and
 * t_done as tests/lib/test.c has them, the text written to the console
 * UART (a partition has no semihosting: its SDBBP is its fault). main()
 * is the program's; the runtime's start-up calls it and prints
 * "[exit N]" with its value.
 */
#include <stdarg.h>
#include "rt.h"

int t_failures;

static void console_up(void)
{
    static int up;
    if (!up) { /* on first use: clocks, the console's pins and UART4 */
        up = 1;
        board_init();
    }
}

int t_printf(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    console_up();
    va_start(ap, fmt);
    int r = tlib_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    rt_puts(buf);
    return r;
}

int t_done(const char *name)
{
    if (t_failures)
        t_printf("%s: %d check(s) failed\n", name, t_failures);
    else
        t_printf("%s: all checks passed\n", name);
    return t_failures ? 1 : 0;
}

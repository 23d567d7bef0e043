/* rt_printf (rt.h): tlib's printf core onto the console. */
#include "rt.h"

static void put_console(void *ctx, char c)
{
    (void)ctx;
    rt_putc(c);
}

int rt_vprintf(const char *fmt, va_list ap)
{
    return tlib_vformat(put_console, NULL, fmt, ap);
}

int rt_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = rt_vprintf(fmt, ap);
    va_end(ap);
    return n;
}

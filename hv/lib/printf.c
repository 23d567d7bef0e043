/* A small printf for the root console: no buffers, no floating point. */
#include <stdbool.h>

#include "lib.h"

#include "../board/board.h"

static void out_num(void (*putc)(char), uint32_t v, unsigned base, bool upper, int width,
                    char pad, bool left, bool neg)
{
    char buf[12];
    int n = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        buf[n++] = digits[v % base];
        v /= base;
    } while (v && n < (int)sizeof buf);
    if (neg)
        buf[n++] = '-';
    int fill = width > n ? width - n : 0;
    if (!left)
        while (fill-- > 0)
            putc(pad);
    while (n > 0)
        putc(buf[--n]);
    if (left)
        while (fill-- > 0)
            putc(' ');
}

void fmt_out(void (*putc)(char), const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            putc(*fmt);
            continue;
        }
        char pad = ' ';
        bool left = false;
        int width = 0;
        fmt++;
        if (*fmt == '-') {
            left = true;
            fmt++;
        }
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9' && width < 100)
            width = width * 10 + (*fmt++ - '0');
        if (*fmt == 'l')
            fmt++;
        switch (*fmt) {
        case 'c': putc((char)va_arg(ap, int)); break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            int n = 0;
            if (!s)
                s = "(null)";
            while (s[n] && n < 256)
                n++;
            for (int i = n; !left && i < width; i++)
                putc(' ');
            for (int i = 0; i < n; i++)
                putc(s[i]);
            for (int i = n; left && i < width; i++)
                putc(' ');
            break;
        }
        case 'd': {
            int32_t v = va_arg(ap, int32_t);
            out_num(putc, v < 0 ? -(uint32_t)v : (uint32_t)v, 10, false, width, pad, left, v < 0);
            break;
        }
        case 'u': out_num(putc, va_arg(ap, uint32_t), 10, false, width, pad, left, false); break;
        case 'p': putc('0'); putc('x'); width = 8; pad = '0'; /* fall through */
        case 'x': out_num(putc, va_arg(ap, uint32_t), 16, false, width, pad, left, false); break;
        case 'X': out_num(putc, va_arg(ap, uint32_t), 16, true, width, pad, left, false); break;
        case '\0': return;
        default: putc(*fmt); break;
        }
    }
}

static void console_putc(char c)
{
    if (c == '\n')
        hv_console_putc('\r');
    hv_console_putc(c);
}

void hv_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fmt_out(console_putc, fmt, ap);
    va_end(ap);
}

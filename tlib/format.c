/* The printf core of tlib.h: one pass over the format, each character
 * handed to the caller's put function. The conversions follow C11
 * 7.21.6.1. Plain characters go straight out; each conversion makes its
 * characters (a number whole in a small buffer: prefix, zeros, digits)
 * and one loop writes every field with its padding. Written for size: the
 * hypervisor links it. */
#include <stdbool.h>

#include "tlib.h"

/* The widest integer converted: 64 bits, unless built with TLIB_SMALL
 * (tlib.h: the subset for the hypervisor, no libgcc division helper). */
#ifdef TLIB_SMALL
typedef uint32_t uval_t;
#else
typedef uint64_t uval_t;
#endif

enum { F_LEFT = 1, F_ZERO = 2, F_PLUS = 4, F_SPACE = 8 };

int tlib_vformat(tlib_put_fn put, void *ctx, const char *fmt, va_list ap)
{
    int len = 0;
    for (; *fmt; fmt++) {
        if (*fmt != '%' || *++fmt == '%') { /* a character as it is; %% */
            put(ctx, *fmt);
            len++;
            continue;
        }
        char buf[TLIB_NUM_MAX];
        const char *s = buf; /* the field: s[0..n) */
        int n = 1, flags = 0, width = 0, prec = -1;
        for (;; fmt++) {
#ifndef TLIB_SMALL
            static const char flag_chars[] = "-0+ ";
#else
            static const char flag_chars[] = "-0";
#endif
            int i = 0;
            while (flag_chars[i] && flag_chars[i] != *fmt)
                i++;
            if (!flag_chars[i])
                break;
            flags |= 1 << i;
        }
#ifndef TLIB_SMALL
        /* the width, then the precision after a point: digits (at most
         * 5) or * (the next argument) */
        int num[2] = {0, -1};
        for (int k = 0; k < 2; k++) {
            if (k) {
                if (*fmt != '.')
                    break;
                fmt++;
                num[1] = 0;
            }
            if (*fmt == '*') {
                fmt++;
                num[k] = va_arg(ap, int);
            }
            for (int i = 0; i < 5 && *fmt >= '0' && *fmt <= '9'; i++)
                num[k] = num[k] * 10 + (*fmt++ - '0');
        }
        width = num[0];
        if (width < 0) {
            flags |= F_LEFT;
            width = -width;
        }
        prec = num[1] < 0 ? -1 : num[1]; /* negative: as if none */
#else
        for (int i = 0; i < 5 && *fmt >= '0' && *fmt <= '9'; i++)
            width = width * 10 + (*fmt++ - '0');
#endif
        int lng = 0;
        for (;; fmt++) {
            if (*fmt == 'l') lng++;
            else if (*fmt != 'h' && *fmt != 'z') break; /* h: promoted; l, z: 32 bits */
        }
        char c = *fmt;
        if (!c)
            break;
        if (c == 's') {
            s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            int max = (unsigned)prec < TLIB_STR_MAX ? prec : TLIB_STR_MAX;
            for (n = 0; n < max && s[n];)
                n++;
        } else if (c == 'c') {
            buf[0] = (char)va_arg(ap, int);
        } else if (c == 'd' || c == 'i' || c == 'u' || c == 'x' || c == 'X' || c == 'o' ||
                   c == 'p') {
            /* a number, made from the end of buf: prefix (sign or "0x"),
             * zeros, digits; at most TLIB_NUM_MAX in all */
            uval_t v;
            char sign = 0;
            unsigned base = c == 'o' ? 8 : c == 'x' || c == 'X' || c == 'p' ? 16 : 10;
#ifndef TLIB_SMALL
            if (lng >= 2 && c != 'p')
                v = va_arg(ap, unsigned long long);
            else
#endif
                v = va_arg(ap, unsigned);
            if (c == 'd' || c == 'i') {
#ifndef TLIB_SMALL
                if (lng >= 2) {
                    if ((int64_t)v < 0)
                        sign = '-', v = -v;
                } else
#endif
                if ((int32_t)v < 0)
                    sign = '-', v = -(uint32_t)v;
#ifndef TLIB_SMALL
                if (!sign)
                    sign = flags & F_PLUS ? '+' : flags & F_SPACE ? ' ' : 0;
#endif
            }
            if (c == 'p')
                prec = 8, flags &= F_LEFT;
            int npre = (sign != 0) + (c == 'p') * 2;
            if ((flags & (F_LEFT | F_ZERO)) == F_ZERO && prec < 0)
                prec = width - npre;
            if (prec > (int)sizeof buf - npre)
                prec = (int)sizeof buf - npre;
            char *end = buf + sizeof buf, *p = end;
            while (v && p > buf + npre) {
                /* "A" | 0x20 is "a"; the digits have that bit set */
                *--p = (char)("0123456789ABCDEF"[v % base] | (c == 'X' ? 0 : 0x20));
                v /= base; /* 64-bit only when built so */
            }
            if (p == end && prec < 0) /* the zero no precision asked for */
                *--p = '0';
            while (end - p < prec)
                *--p = '0';
            if (c == 'p')
                *--p = 'x', *--p = '0';
            if (sign)
                *--p = sign;
            s = p;
            n = (int)(end - p);
        } else { /* unknown: written as it stands */
            buf[0] = '%';
            buf[1] = c;
            n = 2;
        }
        /* the field, padded with spaces to the width */
        int fill = width > n ? width - n : 0;
        int lead = flags & F_LEFT ? 0 : fill;
        for (int i = 0; i < n + fill; i++, len++)
            put(ctx, i < lead || i >= lead + n ? ' ' : s[i - lead]);
    }
    return len;
}

/* ---- into a buffer ---- */

struct buf {
    char *p;
    size_t size, len;
};

static void put_buf(void *ctx, char c)
{
    struct buf *b = ctx;
    if (b->len + 1 < b->size)
        b->p[b->len] = c;
    b->len++;
}

int tlib_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct buf b = {buf, size, 0};
    int n = tlib_vformat(put_buf, &b, fmt, ap);
    if (size)
        buf[b.len < size ? b.len : size - 1] = 0;
    return n;
}

int tlib_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = tlib_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

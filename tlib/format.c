/* The printf core of tlib.h: one pass over the format, each character
 * handed to the caller's put function. The conversions follow C11
 * 7.21.6.1. Plain characters go straight out; each conversion makes its
 * characters (a number whole in a small buffer: prefix, zeros, digits)
 * and one loop writes every field with its padding. Written for size: the
 * hypervisor links it. */
#include <stdbool.h>

#include "tlib.h"

/* A field: s[0..n) padded with spaces to width, on the left or (left)
 * the right; the count written. */
static int put_field(tlib_put_fn put, void *ctx, const char *s, int n, int width, bool left)
{
    int fill = width > n ? width - n : 0;
    int lead = left ? 0 : fill;
    for (int i = 0; i < n + fill; i++)
        put(ctx, i < lead || i >= lead + n ? ' ' : s[i - lead]);
    return n + fill;
}

#ifdef TLIB_SMALL
/* The hypervisor's subset (tlib.h): %s, %u and %x of 32 bits, flags - and
 * 0, a width in digits; anything else is written as it stands. 32-bit
 * division only (no libgcc helper). */
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
        int n = 2, width = 0;
        bool left = false, zero = false;
        for (;; fmt++) {
            if (*fmt == '-')
                left = true;
            else if (*fmt == '0')
                zero = true;
            else
                break;
        }
        for (int i = 0; i < 5 && *fmt >= '0' && *fmt <= '9'; i++)
            width = width * 10 + (*fmt++ - '0');
        char c = *fmt;
        if (!c)
            break;
        if (c == 's') {
            s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            for (n = 0; n < TLIB_STR_MAX && s[n];)
                n++;
        } else if (c == 'u' || c == 'x') {
            /* digits from the end of buf, then the zeros a width asks for */
            uint32_t v = va_arg(ap, unsigned), base = c == 'x' ? 16 : 10;
            char *end = buf + sizeof buf, *p = end;
            do {
                *--p = "0123456789abcdef"[v % base];
                v /= base;
            } while (v);
            while (zero && !left && p > buf && end - p < width)
                *--p = '0';
            s = p;
            n = (int)(end - p);
        } else { /* not in the subset: written as it stands */
            buf[0] = '%';
            buf[1] = c;
        }
        len += put_field(put, ctx, s, n, width, left);
    }
    return len;
}
#else
typedef uint64_t uval_t; /* the widest integer converted */

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
            static const char flag_chars[] = "-0+ ";
            int i = 0;
            while (flag_chars[i] && flag_chars[i] != *fmt)
                i++;
            if (!flag_chars[i])
                break;
            flags |= 1 << i;
        }
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
            if (lng >= 2 && c != 'p')
                v = va_arg(ap, unsigned long long);
            else
                v = va_arg(ap, unsigned);
            if (c == 'd' || c == 'i') {
                if (lng >= 2) {
                    if ((int64_t)v < 0)
                        sign = '-', v = -v;
                } else
                if ((int32_t)v < 0)
                    sign = '-', v = -(uint32_t)v;
                if (!sign)
                    sign = flags & F_PLUS ? '+' : flags & F_SPACE ? ' ' : 0;
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
                v /= base;
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
        len += put_field(put, ctx, s, n, width, flags & F_LEFT);
    }
    return len;
}
#endif

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

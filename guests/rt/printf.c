/* A small printf (rt.h): integers, characters, strings; no floating point. */
#include "rt.h"

struct sink {
    void (*put)(struct sink *s, char c);
    char *buf;
    size_t size, len;
};

static void put_console(struct sink *s, char c)
{
    rt_putc(c);
    s->len++;
}

static void put_buf(struct sink *s, char c)
{
    if (s->len + 1 < s->size)
        s->buf[s->len] = c;
    s->len++;
}

static void pad(struct sink *s, char c, int n)
{
    while (n-- > 0)
        s->put(s, c);
}

enum { F_LEFT = 1, F_ZERO = 2, F_PLUS = 4, F_SPACE = 8 };

/* One integer conversion: magnitude v, its sign, base, flags, width,
 * precision (minimum digits, -1 = none). */
static void put_int(struct sink *s, uint64_t v, bool neg, unsigned base, bool upper, int flags,
                    int width, int prec)
{
    char digits[24];
    int n = 0;
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    if (base == 10 && v <= 0xFFFFFFFFu) { /* the common case without 64-bit division */
        uint32_t w = (uint32_t)v;
        do {
            digits[n++] = set[w % 10];
            w /= 10;
        } while (w);
    } else {
        do {
            digits[n++] = set[v % base];
            v /= base;
        } while (v);
    }
    if (prec == 0 && n == 1 && digits[0] == '0')
        n = 0;
    char sign = neg ? '-' : (flags & F_PLUS) ? '+' : (flags & F_SPACE) ? ' ' : 0;
    int zeros = prec > n ? prec - n : 0;
    int len = n + zeros + (sign != 0);
    if (!(flags & F_LEFT) && (flags & F_ZERO) && prec < 0) {
        zeros += width - len;
        len = width;
    }
    if (!(flags & F_LEFT))
        pad(s, ' ', width - len);
    if (sign)
        s->put(s, sign);
    pad(s, '0', zeros);
    while (n)
        s->put(s, digits[--n]);
    if (flags & F_LEFT)
        pad(s, ' ', width - len);
}

static void format(struct sink *s, const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            s->put(s, *fmt);
            continue;
        }
        int flags = 0, width = 0, prec = -1, lng = 0;
        for (;; fmt++) {
            char f = fmt[1];
            if (f == '-') flags |= F_LEFT;
            else if (f == '0') flags |= F_ZERO;
            else if (f == '+') flags |= F_PLUS;
            else if (f == ' ') flags |= F_SPACE;
            else break;
        }
        fmt++;
        if (*fmt == '*') {
            width = va_arg(ap, int);
            if (width < 0) {
                flags |= F_LEFT;
                width = -width;
            }
            fmt++;
        } else {
            while (*fmt >= '0' && *fmt <= '9')
                width = width * 10 + (*fmt++ - '0');
        }
        if (*fmt == '.') {
            prec = 0;
            fmt++;
            if (*fmt == '*') {
                prec = va_arg(ap, int);
                fmt++;
            } else {
                while (*fmt >= '0' && *fmt <= '9')
                    prec = prec * 10 + (*fmt++ - '0');
            }
        }
        for (;; fmt++) {
            if (*fmt == 'l') lng++;
            else if (*fmt == 'z') lng = 1; /* size_t is 32 bits */
            else if (*fmt != 'h') break;   /* promoted to int anyway */
        }
        char c = *fmt;
        if (!c)
            break;
        switch (c) {
        case 'd':
        case 'i': {
            int64_t v = lng >= 2 ? va_arg(ap, long long) : lng ? va_arg(ap, long) : va_arg(ap, int);
            put_int(s, v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0, 10, false, flags, width, prec);
            break;
        }
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            uint64_t v = lng >= 2 ? va_arg(ap, unsigned long long)
                         : lng    ? va_arg(ap, unsigned long)
                                  : va_arg(ap, unsigned);
            unsigned base = c == 'u' ? 10 : c == 'o' ? 8 : 16;
            put_int(s, v, false, base, c == 'X', flags & ~(F_PLUS | F_SPACE), width, prec);
            break;
        }
        case 'p':
            pad(s, ' ', width - 10);
            s->put(s, '0');
            s->put(s, 'x');
            put_int(s, (uintptr_t)va_arg(ap, void *), false, 16, false, 0, 8, -1);
            break;
        case 'c':
            if (!(flags & F_LEFT))
                pad(s, ' ', width - 1);
            s->put(s, (char)va_arg(ap, int));
            if (flags & F_LEFT)
                pad(s, ' ', width - 1);
            break;
        case 's': {
            const char *str = va_arg(ap, const char *);
            if (!str)
                str = "(null)";
            int n = 0;
            while (str[n] && (prec < 0 || n < prec))
                n++;
            if (!(flags & F_LEFT))
                pad(s, ' ', width - n);
            for (int i = 0; i < n; i++)
                s->put(s, str[i]);
            if (flags & F_LEFT)
                pad(s, ' ', width - n);
            break;
        }
        case '%':
            s->put(s, '%');
            break;
        default: /* unknown: shown as it was written */
            s->put(s, '%');
            s->put(s, c);
            break;
        }
    }
}

int rt_vprintf(const char *fmt, va_list ap)
{
    struct sink s = {.put = put_console};
    format(&s, fmt, ap);
    return (int)s.len;
}

int rt_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = rt_vprintf(fmt, ap);
    va_end(ap);
    return n;
}

int rt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink s = {.put = put_buf, .buf = buf, .size = size};
    format(&s, fmt, ap);
    if (size)
        buf[s.len < size ? s.len : size - 1] = 0;
    return (int)s.len;
}

int rt_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = rt_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

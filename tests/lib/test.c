/* Bare-metal test runtime: formatted output through UHI write. */
#include "test.h"

int t_failures;

void *memcpy(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    while (n--)
        *dp++ = *sp++;
    return d;
}

void *memmove(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    if (dp < sp) {
        while (n--)
            *dp++ = *sp++;
    } else {
        while (n--)
            dp[n] = sp[n];
    }
    return d;
}

void *memset(void *d, int c, size_t n)
{
    unsigned char *dp = d;
    while (n--)
        *dp++ = (unsigned char)c;
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x - *y;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

char *strcpy(char *d, const char *s)
{
    char *r = d;
    while ((*d++ = *s++))
        ;
    return r;
}

struct out {
    char *buf;
    size_t n, len;
};

static void out_c(struct out *o, char c)
{
    if (o->len + 1 < o->n)
        o->buf[o->len] = c;
    o->len++;
}

static void out_num(struct out *o, unsigned long long v, unsigned base, int width, char pad,
                    int neg, int upper)
{
    char tmp[24];
    int i = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        tmp[i++] = digits[v % base];
        v /= base;
    } while (v);
    if (neg)
        tmp[i++] = '-';
    for (int w = i; w < width; w++)
        out_c(o, pad);
    while (i)
        out_c(o, tmp[--i]);
}

int t_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    struct out o = {buf, n, 0};
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            out_c(&o, *fmt);
            continue;
        }
        fmt++;
        char pad = ' ';
        int width = 0, lng = 0;
        if (*fmt == '0')
            pad = '0', fmt++;
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l')
            lng++, fmt++;
        unsigned long long u;
        long long s;
        switch (*fmt) {
        case 'd':
        case 'i':
            s = lng >= 2 ? va_arg(ap, long long) : lng ? va_arg(ap, long) : va_arg(ap, int);
            out_num(&o, s < 0 ? -(unsigned long long)s : (unsigned long long)s, 10, width, pad,
                    s < 0, 0);
            break;
        case 'u':
        case 'x':
        case 'X':
            u = lng >= 2 ? va_arg(ap, unsigned long long)
                : lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            out_num(&o, u, *fmt == 'u' ? 10 : 16, width, pad, 0, *fmt == 'X');
            break;
        case 'p':
            out_num(&o, (uintptr_t)va_arg(ap, void *), 16, 8, '0', 0, 0);
            break;
        case 's': {
            const char *str = va_arg(ap, const char *);
            int len = (int)strlen(str);
            for (int w = len; w < width; w++)
                out_c(&o, ' ');
            while (*str)
                out_c(&o, *str++);
            break;
        }
        case 'c':
            out_c(&o, (char)va_arg(ap, int));
            break;
        case '%':
            out_c(&o, '%');
            break;
        default:
            out_c(&o, '?');
            break;
        }
    }
    if (n)
        buf[o.len < n ? o.len : n - 1] = 0;
    return (int)o.len;
}

int t_snprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = t_vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

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

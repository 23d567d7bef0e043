/* String functions of tlib.h (C11 7.24). GCC may emit calls to memcpy,
 * memset, memmove and memcmp for struct copies and initialisers even in
 * freestanding code (GCC manual, "Standards", -ffreestanding). */
#include "tlib.h"

void *memcpy(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
#ifndef __OPTIMIZE_SIZE__
    /* Word copy when both pointers and the length are word-aligned. */
    if ((((uintptr_t)dp | (uintptr_t)sp | n) & 3) == 0) {
        uint32_t *dw = d;
        const uint32_t *sw = s;
        for (n /= 4; n; n--)
            *dw++ = *sw++;
        return d;
    }
#endif
    while (n--)
        *dp++ = *sp++;
    return d;
}

void *memmove(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    if (dp <= sp || dp >= sp + n)
        return memcpy(d, s, n);
    while (n--)
        dp[n] = sp[n];
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

/* Unit tests of tlib's printf core (tlib/format.c), built for the host:
 * each format is written by tlib_snprintf and by the host C library's
 * snprintf (C11 7.21.6.1 is the contract of both) and the two must agree,
 * character for character and in the returned length; then what C leaves
 * to the implementation (%p, an unknown conversion, a null %s), truncation
 * and the NUL. test_tlib_small runs the same with TLIB_SMALL (the
 * hypervisor's build): only its subset is compared with the C library, and
 * what it leaves out is checked to stay out. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "tlib.h"

/* Odd formats on purpose (unknown conversions, a trailing %, null %s). */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wformat-overflow"
#pragma GCC diagnostic ignored "-Wformat-truncation"

#ifdef TLIB_SMALL
#define SUITE "tlib-small"
#else
#define SUITE "tlib"
#endif

static int failures;

static void report(const char *name, int ok, const char *got, const char *want)
{
    if (ok) {
        printf("ok " SUITE "/%s\n", name);
    } else {
        printf("FAIL " SUITE "/%s: got \"%s\", want \"%s\"\n", name, got, want);
        failures++;
    }
}

/* SAME(name, fmt, args...): tlib and the C library agree. */
#define SAME(name, ...)                                                            \
    do {                                                                           \
        char a[128], b[128];                                                       \
        int na = tlib_snprintf(a, sizeof a, __VA_ARGS__);                          \
        int nb = snprintf(b, sizeof b, __VA_ARGS__);                               \
        report(name, na == nb && !strcmp(a, b), a, b);                             \
    } while (0)

/* IS(name, want, fmt, args...): tlib writes exactly `want`. */
#define IS(name, want, ...)                                                        \
    do {                                                                           \
        char a[128];                                                               \
        int na = tlib_snprintf(a, sizeof a, __VA_ARGS__);                          \
        report(name, na == (int)strlen(want) && !strcmp(a, want), a, want);        \
    } while (0)

/* Through the callback: counts and collects what tlib_vformat hands out. */
struct sink {
    char buf[64];
    int n;
};
static void put(void *ctx, char c)
{
    struct sink *s = ctx;
    if (s->n < (int)sizeof s->buf - 1)
        s->buf[s->n++] = c;
}
static int vformat(struct sink *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = tlib_vformat(put, s, fmt, ap);
    va_end(ap);
    s->buf[s->n] = 0;
    return n;
}

int main(void)
{
    /* the subset every build has */
    SAME("plain", "abc %% def");
    SAME("u", "%u %u %u", 0u, 42u, UINT_MAX);
    SAME("x", "%x %x %x", 0xdeadbeefu, 0u, 0x10u);
    SAME("width", "[%5u] [%8x] [%1u]", 42u, 0xabcu, 12345u);
    SAME("zero-pad", "[%08x] [%03u] [%02u] [%010u]", 0x1234u, 7u, 123u, 0u);
    SAME("left", "[%-6u] [%-8s] [%-3x] [%-05u]", 42u, "ab", 0xfu, 3u);
    SAME("s", "[%s] [%8s] [%-4s] [%s]", "hello", "hv", "x", "");
    SAME("hv-lines", "tinyVP:  %u %-15s %-8s %8u %6u %10u  at %08x", 3u, "calc", "running",
         12u, 0u, 123456u, 0x9d000948u);
    IS("null-string", "(null)", "%s", (const char *)NULL);
    IS("unknown", "%q", "%q");
    IS("percent-end", "ab", "ab%");

    /* buffer: cut to size - 1, NUL-terminated, full length returned */
    {
        char b[8];
        memset(b, 'z', sizeof b);
        int n = tlib_snprintf(b, 5, "%s-%u", "abcdef", 7u);
        report("truncate", n == 8 && !strcmp(b, "abcd") && b[5] == 'z', b, "abcd");
        n = tlib_snprintf(b, 0, "%u", 12345u);
        report("size-0", n == 5 && b[0] == 'a', "", "");
    }
    {
        struct sink s = {0};
        int n = vformat(&s, "[%4u|%s]", 7u, "x");
        report("callback", n == 8 && !strcmp(s.buf, "[   7|x]"), s.buf, "[   7|x]");
    }

#ifndef TLIB_SMALL
    /* the full build: signed, octal, upper-case hex, characters, pointers,
     * length modifiers, 64-bit, precision, *, + and space */
    SAME("d", "%d %d %d %d", 0, -1, INT_MAX, INT_MIN);
    SAME("X-o", "%X %o %o", 0xdeadbeefu, 8u, 0u);
    SAME("d-width", "[%3d] [%05d] [%-3d] [%-05d]", -7, -42, -1, 3);
    SAME("c", "[%c%c] [%3c] [%-3c]", 'o', 'k', 'x', 'y');
    SAME("h", "%hu %hd %hhu", (unsigned short)7, (short)-3, (unsigned char)200);
#if ULONG_MAX == UINT_MAX /* l and z are 32 bits on the target; a 64-bit host skips them */
    SAME("l-z", "%lu %ld %zu %lx", 42ul, -3l, (size_t)9, 0xfful);
#endif
    IS("pointer", "[0x0000abcd]", "[%p]", (void *)0xabcd);
    SAME("ll", "%llu %lld %llx %016llx", 18446744073709551615ull, -9223372036854775807ll - 1,
         0x123456789abcdefull, 0xfedcba9876543210ull);
    SAME("ll-small", "%llu %lld", 5ull, -5ll);
    SAME("precision", "[%.3u] [%.0u] [%.0d] [%5.3d] [%-6.4x] [%.2s] [%.10s]", 5u, 0u, 0, -7,
         0xau, "abc", "ab");
    SAME("star", "[%*u] [%-*u] [%*d] [%.*s] [%0*u]", 5, 1u, 4, 2u, -4, 3, 2, "abc", 6, 42u);
    SAME("plus-space", "[%+d] [% d] [%+d] [% 5d] [%+05d]", 5, 5, -5, 3, 9);
    SAME("zero-ignored", "[%-05u] [%05.2u]", 3u, 3u);
#else
    /* TLIB_SMALL: s, u, x only; no precision, no *, no + or space flags,
     * no length modifiers: each written as it stands, its argument unread */
    IS("small-no-precision", "%.3u", "%.3u", 5u);
    IS("small-no-plus", "%+d", "%+d", 5);
    IS("small-no-d-c-p", "[%d] [%c] [%p] [%o] [%X] 7", "[%d] [%c] [%p] [%o] [%X] %u", 7u);
    IS("small-no-l", "%lu", "%lu", 5ul);
#endif
    printf("%s: %d failure(s)\n", SUITE, failures);
    return 0;
}

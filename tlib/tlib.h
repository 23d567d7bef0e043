/*
 * tlib: the freestanding C library of tinyVP's target code — the
 * hypervisor (hv/), the example guests (guests/rt) and the bare-metal test
 * programs (tests/lib) all link it. No libc, no heap, no state: string
 * functions, one printf core that hands each character to a callback, and
 * (fmt_double.c, for hard-float consumers) fixed-point text of a double.
 *
 * Each consumer compiles these sources with its own flags (the hypervisor
 * -Os soft-float, guests -O2 hard-float, tests their own); what a flag
 * changes is said where it matters: built for size (-Os, which defines
 * __OPTIMIZE_SIZE__) memcpy has no word loop; with -DTLIB_SMALL (the
 * hypervisor, whose flash footprint counts) the printf core is the subset
 * said at tlib_vformat, and needs no libgcc division helper. The rules
 * that build it for each consumer: tlib/rules.mk and theirs.
 */
#ifndef TLIB_TLIB_H
#define TLIB_TLIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ---- string.c: what GCC may call even in freestanding code, and a few
 * the programs use (C11 7.24). ---- */
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
char *strcpy(char *d, const char *s);

/* ---- format.c: the printf core. ---- */
/* Receives each character of the result in order; ctx is the caller's. */
typedef void (*tlib_put_fn)(void *ctx, char c);

/* Formats like C's vprintf (C11 7.21.6.1), the subset: conversions
 * d i u x X o c s p %; flags - 0 + space; a width and a precision, each
 * a number or *; length modifiers hh h l ll z (l and z are 32 bits). %p is
 * "0x" and 8 hex digits. An unknown conversion is written as it stands
 * ("%q"); %s of a null pointer writes "(null)" and writes at most
 * TLIB_STR_MAX characters. Returns the number of characters given to put.
 * Built with TLIB_SMALL (the hypervisor's build), the subset is what the
 * hypervisor prints: conversions s, u and x (32 bits) and %%, flags - and
 * 0, a width in digits; any other conversion is written as it stands
 * ("%d"), its argument not read. */
#define TLIB_STR_MAX 4096 /* longest %s */
#define TLIB_NUM_MAX 32   /* longest number with its sign and zeros */
int tlib_vformat(tlib_put_fn put, void *ctx, const char *fmt, va_list ap);

/* vsnprintf/snprintf into buf of `size` bytes (C11 7.21.6.12): the result
 * is cut to size - 1 characters and always NUL-terminated when size > 0;
 * returns the length of the whole result. */
int tlib_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int tlib_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- fmt_double.c (hard-float consumers only) ---- */
/* Writes v with `decimals` digits after the point (0..9, more is 9),
 * rounded to nearest, ties away from zero: "-1.250", "inf", "-inf",
 * "nan"; |v| >= 1e18 is written as "big" ("-big"). buf needs 32 bytes.
 * Returns the length. */
int tlib_fmt_double(char *buf, double v, unsigned decimals);

#endif

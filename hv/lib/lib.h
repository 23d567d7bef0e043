/* No libc in the hypervisor: the little it needs. */
#ifndef HV_LIB_LIB_H
#define HV_LIB_LIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);

/* printf subset: %c %s %d %u %x %X %p, flags '0' and '-', a width, 'l'
 * (ignored: long is 32 bits). Output goes to putc one character at a time. */
void fmt_out(void (*putc)(char), const char *fmt, va_list ap);

/* The root console: hv_printf("tinyVP: ...") */
void hv_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif

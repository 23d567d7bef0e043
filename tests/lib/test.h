/* Runtime for bare-metal test programs: UHI output/exit, small printf,
 * and the checks tests report with. Runs on vpsim and on QEMU malta. */
#ifndef TESTS_LIB_TEST_H
#define TESTS_LIB_TEST_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "tlib.h"

int uhi_write(int fd, const void *buf, unsigned len);
void uhi_exit(int code) __attribute__((noreturn));
extern void *volatile exc_hook; /* general/refill/interrupt vector target */

int t_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* tlib_vformat's formats (tlib/tlib.h) */
#define t_vsnprintf tlib_vsnprintf
#define t_snprintf  tlib_snprintf
void t_puts(const char *s);

extern int t_failures;
/* CHECK(cond): counts and reports a failure with its line. */
#define CHECK(c) do { if (!(c)) { t_failures++; \
    t_printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)
#define CHECK_EQ(a, b) do { unsigned long long _a = (unsigned long long)(a), \
    _b = (unsigned long long)(b); if (_a != _b) { t_failures++; \
    t_printf("FAIL %s:%d: %s == 0x%llx, expected 0x%llx\n", __FILE__, __LINE__, \
    #a, _a, _b); } } while (0)
/* End of a test program: prints a verdict and returns the exit status. */
int t_done(const char *name);

#endif

/* Runtime for bare-metal test programs: UHI output/exit, small printf,
 * and the checks tests report with. Runs on vpsim and on QEMU malta. */
#ifndef TESTS_LIB_TEST_H
#define TESTS_LIB_TEST_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

int uhi_write(int fd, const void *buf, unsigned len);
void uhi_exit(int code) __attribute__((noreturn));
extern void *volatile exc_hook; /* general/refill/interrupt vector target */

int t_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int t_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int t_snprintf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
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

void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
char *strcpy(char *d, const char *s);

#endif

/*
 * Quantities with units as the configuration writes them: sizes ("64K",
 * "1M", "4096", "0x1000"), addresses ("0x1D040000"), times ("10ms",
 * "500 us", "1s"). All return 0 on success, -1 with *why set on error.
 */
#ifndef CONF_UNITS_H
#define CONF_UNITS_H

#include <stdint.h>

int units_size(const char *s, uint32_t *out, const char **why);
int units_addr(const char *s, uint32_t *out, const char **why);
int units_time_us(const char *s, uint32_t *out, const char **why);
int units_uint(const char *s, uint32_t max, uint32_t *out, const char **why);
/* "64K", "1M", "0x1234" style, for messages and reports */
void units_fmt_size(char *buf, int n, uint32_t size);

#endif

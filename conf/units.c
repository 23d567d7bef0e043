#include "units.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Parses an unsigned integer (decimal or 0x hex), returns the end. */
static const char *parse_num(const char *s, uint64_t *v, int *ok)
{
    uint64_t x = 0;
    int digits = 0;
    *ok = 0;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s += 2;
        while (isxdigit((unsigned char)*s)) {
            int d = isdigit((unsigned char)*s) ? *s - '0' : (tolower((unsigned char)*s) - 'a' + 10);
            x = x * 16 + d;
            if (x > 0xffffffffull) return s;
            s++, digits++;
        }
    } else {
        while (isdigit((unsigned char)*s)) {
            x = x * 10 + (uint64_t)(*s - '0');
            if (x > 0xffffffffull) return s;
            s++, digits++;
        }
    }
    *ok = digits > 0;
    *v = x;
    return s;
}

int units_uint(const char *s, uint32_t max, uint32_t *out, const char **why)
{
    uint64_t v;
    int ok;
    const char *e = parse_num(s, &v, &ok);
    if (!ok || *e) { *why = "expected a non-negative integer"; return -1; }
    if (v > max) { *why = "out of range"; return -1; }
    *out = (uint32_t)v;
    return 0;
}

int units_size(const char *s, uint32_t *out, const char **why)
{
    uint64_t v;
    int ok;
    const char *e = parse_num(s, &v, &ok);
    if (!ok) { *why = "expected a size such as 4096, 0x1000, 64K or 1M"; return -1; }
    while (*e == ' ') e++;
    uint64_t mul = 1;
    if (*e == 'K' || *e == 'k') mul = 1024, e++;
    else if (*e == 'M' || *e == 'm') mul = 1024 * 1024, e++;
    if (mul != 1 && (*e == 'B' || *e == 'b')) e++;
    if (*e) { *why = "expected a size such as 4096, 0x1000, 64K or 1M"; return -1; }
    v *= mul;
    if (v > 0xffffffffull) { *why = "size too large"; return -1; }
    *out = (uint32_t)v;
    return 0;
}

int units_addr(const char *s, uint32_t *out, const char **why)
{
    uint64_t v;
    int ok;
    const char *e = parse_num(s, &v, &ok);
    if (!ok || *e) { *why = "expected an address such as 0x1D040000"; return -1; }
    *out = (uint32_t)v;
    return 0;
}

int units_time_us(const char *s, uint32_t *out, const char **why)
{
    uint64_t v;
    int ok;
    const char *e = parse_num(s, &v, &ok);
    if (!ok) { *why = "expected a time such as 500us, 10ms or 1s"; return -1; }
    while (*e == ' ') e++;
    uint64_t mul;
    if (!strcmp(e, "us")) mul = 1;
    else if (!strcmp(e, "ms")) mul = 1000;
    else if (!strcmp(e, "s")) mul = 1000000;
    else if (!*e && v == 0) mul = 1;
    else { *why = "expected a time with a unit (us, ms, s), such as 500us or 10ms"; return -1; }
    v *= mul;
    if (v > 0xffffffffull / 200) { *why = "time too large"; return -1; }
    *out = (uint32_t)v;
    return 0;
}

void units_fmt_size(char *buf, int n, uint32_t size)
{
    if (size && size % (1024 * 1024) == 0) snprintf(buf, n, "%uM", size >> 20);
    else if (size && size % 1024 == 0) snprintf(buf, n, "%uK", size >> 10);
    else snprintf(buf, n, "0x%x", size);
}

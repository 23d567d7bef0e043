/* tlib_fmt_double (tlib.h): fixed-point text of a double, without libc.
 * Hard-float code only (its consumers are the guests). */
#include <stdbool.h>

#include "tlib.h"

static const uint32_t pow10[10] = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
};

int tlib_fmt_double(char *buf, double v, unsigned decimals)
{
    if (decimals > 9)
        decimals = 9;
    if (v != v)
        return tlib_snprintf(buf, 32, "nan");
    bool neg = v < 0 || (v == 0 && 1 / v < 0);
    if (neg)
        v = -v;
    if (v > 1.7976931348623157e308)
        return tlib_snprintf(buf, 32, "%sinf", neg ? "-" : "");
    if (v >= 1e18)
        return tlib_snprintf(buf, 32, "%sbig", neg ? "-" : "");
    /* Integer part exactly (v < 2^60), in two 32-bit halves so that no
     * 64-bit conversion helper is needed (Debian's libgcc has them only as
     * PIC code); the fraction scaled and rounded to nearest, ties away from
     * zero, carrying into the integer part. */
    double hi = (double)(uint32_t)(v / 4294967296.0);
    double rest = v - hi * 4294967296.0; /* exact, < 2^32 */
    uint32_t lo = (uint32_t)rest;
    double frac = rest - (double)lo;
    uint64_t ip = (uint64_t)(uint32_t)hi << 32 | lo;
    uint32_t scale = pow10[decimals];
    uint32_t fp = (uint32_t)(frac * scale + 0.5);
    if (fp >= scale) {
        fp -= scale;
        ip++;
    }
    if (!decimals)
        return tlib_snprintf(buf, 32, "%s%llu", neg ? "-" : "", (unsigned long long)ip);
    return tlib_snprintf(buf, 32, "%s%llu.%0*lu", neg ? "-" : "", (unsigned long long)ip,
                       (int)decimals, (unsigned long)fp);
}

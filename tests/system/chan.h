/*
 * chan: two partitions (chan_a.c writes, chan_b.c reads; chan.yaml) use
 * the channel library (include/tinyvp/channel.h, guests/lib/channel.c,
 * linked beside them as any firmware would add it: tests/system/rules.mk). Each
 * guest prints every result; tests/system/run compares them exactly with
 * the results docs/hypervisor.md "Channels" documents. The two sides keep
 * in step through the ports themselves (polling, yielding the rest of the
 * window between polls), so the output does not depend on how much of a
 * window a step takes. Only meaningful under tinyVP.
 */
#include "rt.h"

#include <tinyvp/channel.h>

enum { P_SAMP = 0, P_QUEUE = 1, P_ACK = 2, P_BACK = 3, P_NONE = 4 };
#define MAXMSG 256

/* 32K of RAM from guest-physical 0 (chan.yaml): its last byte and beyond */
#define RAM_END 0x80008000u

/* message k of `len` bytes: byte i = (seed + 7 i) mod 251 */
static inline void fill(uint8_t *p, unsigned len, unsigned seed)
{
    for (unsigned i = 0; i < len; i++)
        p[i] = (uint8_t)((seed + 7u * i) % 251u);
}

static inline int same(const uint8_t *p, unsigned len, unsigned seed)
{
    for (unsigned i = 0; i < len; i++)
        if (p[i] != (uint8_t)((seed + 7u * i) % 251u))
            return 0;
    return 1;
}

static inline void yield(void)
{
    tvp_hc_yield(0, 0, 0);
}

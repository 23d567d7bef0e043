/*
 * Channels at run time: ARINC-653 style sampling and queuing ports
 * (docs/hypervisor.md "Channels", include/tinyvp/hypercall.h services 4..8).
 *
 * vpconf has laid every channel out in one pool (tvp_channels[]: kind,
 * writer, reader mask, msg_size, depth, pool_offset); the pool is a static
 * array here, in hypervisor RAM, which no guest maps. A channel is `depth`
 * slots of round4(msg_size + 4) bytes: a length word, then the message.
 * A sampling channel has one slot (its latest message and the time it was
 * written); a queuing channel is a ring of `depth` slots with one reader.
 *
 * Each call copies one message at most, between the caller's buffer and
 * the pool: at most TVP_CHAN_MSG_MAX bytes (vpconf refuses larger
 * messages), which bounds the call's cost (measured in docs/benchmarks.md).
 * Nothing is left half done: every check comes before the first byte moves,
 * and a hypercall runs with interrupts off, so a reader never sees a
 * message being written.
 */
#include "hv.h"

#include <mips/mipsregs.h>

_Static_assert(CONFIG_CHANNEL_POOL_BYTES % 4 == 0, "channel slots are whole words");
_Static_assert(TVP_CHAN_MSG_MAX % 4 == 0, "word copy");

/* The pool (one spare word keeps the array valid with no channels). */
static uint32_t chan_pool[CONFIG_CHANNEL_POOL_BYTES / 4 + 1];

/* Run-time state of a channel: for sampling, `count` is 1 once written and
 * `stamp` the hv_time() of the last write; for queuing, `head` is the
 * oldest message's slot and `count` how many are held (<= depth <= 64). */
struct chan_state {
    uint64_t stamp;
    uint8_t head, count;
};
static struct chan_state chan_st[CONFIG_NR_CHANNELS ? CONFIG_NR_CHANNELS : 1];

static inline uint32_t slot_words(const struct tvp_channel *c)
{
    return (c->msg_size + 4u + 3u) / 4u;
}

static inline uint32_t *slot(const struct tvp_channel *c, unsigned i)
{
    return &chan_pool[c->pool_offset / 4u + i * slot_words(c)];
}

/*
 * The caller's buffer [va, va + len) as a hypervisor pointer (kseg0 or kseg1), or 0.
 * va must be a kseg0/kseg1 address; the whole range, first and last byte,
 * must lie in one of the guest's regions, translated guest-physical ->
 * real through its region table (regions are 4 KB aligned and contiguous
 * in real memory, so one region holding both ends holds every page
 * between). `to_guest`: the hypervisor will write there, so only the
 * guest's writable RAM; otherwise readable RAM or flash (a message may be
 * a constant), never a device page. The hypervisor reaches the buffer
 * cached (kseg0) only when the guest does (a kseg0 address in a cacheable
 * region), else uncached (kseg1): an uncached guest read never misses a
 * line the hypervisor left dirty in the data cache, and the hypervisor
 * never reads a stale line over what the guest stored uncached (MIPS32
 * M5150 software user's manual MD00980, "Caches": kseg1 is uncached).
 */
static uint8_t *chan_buf(uint32_t va, uint32_t len, bool to_guest)
{
    if (va < KSEG0 || va >= KSEG2)
        return 0;
    uint32_t gpa = CPHYSADDR(va);
    if (gpa + len < gpa || gpa + len > 0x20000000u)
        return 0;
    const struct tvp_guest *g = cur->cfg;
    for (unsigned k = 0; k < g->nr_regions; k++) {
        const struct tvp_mem_region *r = &g->regions[k];
        if (gpa - r->gpa >= r->size || len > r->size - (gpa - r->gpa))
            continue;
        bool ok = to_guest ? (r->kind == TVP_MEM_RAM && (r->perm & TVP_PERM_W))
                           : (r->kind != TVP_MEM_SFR && (r->perm & TVP_PERM_R));
        if (!ok)
            return 0;
        uint32_t seg = va < KSEG1 && r->cache != TVP_CACHE_UNCACHED ? KSEG0 : KSEG1;
        return (uint8_t *)(seg | (r->rpa + (gpa - r->gpa)));
    }
    return 0;
}

/* Unaligned words: GCC makes LWL/LWR and SWL/SWR of these (MIPS32 Vol. II,
 * the unaligned load/store pairs), so a guest buffer at any alignment is
 * copied a word per step; the pool side is word aligned. */
struct __attribute__((packed, may_alias)) uword { uint32_t w; };

/* Four words per step (the loop is most of a long call's cost), then the
 * last 0..3 words and 0..3 bytes. len <= TVP_CHAN_MSG_MAX. */
static void copy_in(uint32_t *dst, const uint8_t *src, uint32_t len)
{
    const struct uword *s = (const struct uword *)src;
    uint32_t *end = dst + (len >> 4) * 4u;
    while (dst != end) {
        uint32_t a = s[0].w, b = s[1].w, c = s[2].w, d = s[3].w;
        dst[0] = a, dst[1] = b, dst[2] = c, dst[3] = d;
        dst += 4, s += 4;
    }
    for (end = dst + ((len >> 2) & 3u); dst != end; dst++, s++)
        *dst = s->w;
    uint8_t *db = (uint8_t *)dst;
    const uint8_t *sb = (const uint8_t *)s;
    for (uint32_t k = 0; k < (len & 3u); k++)
        db[k] = sb[k];
}

static void copy_out(uint8_t *dst, const uint32_t *src, uint32_t len)
{
    struct uword *d = (struct uword *)dst;
    const uint32_t *end = src + (len >> 4) * 4u;
    while (src != end) {
        uint32_t a = src[0], b = src[1], c = src[2], e = src[3];
        d[0].w = a, d[1].w = b, d[2].w = c, d[3].w = e;
        d += 4, src += 4;
    }
    for (end = src + ((len >> 2) & 3u); src != end; d++, src++)
        d->w = *src;
    uint8_t *db = (uint8_t *)d;
    const uint8_t *sb = (const uint8_t *)src;
    for (uint32_t k = 0; k < (len & 3u); k++)
        db[k] = sb[k];
}

/* Core-timer ticks -> microseconds, saturated at 0xFFFFFFFF (71 minutes):
 * below 2^32 ticks (43 s at 100 MHz) by the reciprocal multiply
 * (hv_ticks_us32), above by two 32-bit divisions by a constant in 16-bit
 * digits, no libgcc. */
static uint32_t age_us(uint64_t ticks)
{
    if (!(ticks >> 32))
        return hv_ticks_us32((uint32_t)ticks);
    if (ticks >= (uint64_t)US_TICKS << 32)
        return 0xffffffffu;
    uint32_t hi = (uint32_t)(ticks >> 32), lo = (uint32_t)ticks; /* hi < US_TICKS */
    uint32_t x = hi << 16 | lo >> 16;
    uint32_t y = (x % US_TICKS) << 16 | (lo & 0xffffu);
    return (x / US_TICKS) << 16 | y / US_TICKS;
}

/* The checks every call starts with, in this order: the port exists, is of
 * the call's kind (status: either), and the caller is its writer
 * (`write`) or one of its readers (status: either). */
static int32_t chan_port(uint32_t port, int kind, int write, const struct tvp_channel **out)
{
#if CONFIG_NR_CHANNELS == 0
    (void)port, (void)kind, (void)write, (void)out;
    return TVP_CH_EPORT;
#else
    if (port >= CONFIG_NR_CHANNELS)
        return TVP_CH_EPORT;
    const struct tvp_channel *c = &tvp_channels[port];
    if (kind >= 0 && c->kind != kind)
        return TVP_CH_EKIND;
    bool w = c->source == cur->id, r = (c->dest_mask >> cur->id) & 1u;
    if (write > 0 ? !w : write == 0 ? !r : !(w || r))
        return TVP_CH_EDIR;
    *out = c;
    return TVP_CH_OK;
#endif
}

/* write/send: len 1..msg_size from the caller's buffer into slot `i` */
static int32_t chan_put(const struct tvp_channel *c, unsigned i, uint32_t va, uint32_t len)
{
    if (len == 0 || len > c->msg_size)
        return TVP_CH_ESIZE;
    const uint8_t *p = chan_buf(va, len, false);
    if (!p)
        return TVP_HC_EFAULT;
    uint32_t *s = slot(c, i);
    s[0] = len;
    copy_in(s + 1, p, len);
    return TVP_CH_OK;
}

/* read/receive: slot `i`'s message into a caller's buffer of `size` bytes;
 * the length, or an error with nothing copied */
static int32_t chan_get(const struct tvp_channel *c, unsigned i, uint32_t va, uint32_t size)
{
    const uint32_t *s = slot(c, i);
    uint32_t len = s[0];
    if (size < len)
        return TVP_CH_ESIZE;
    uint8_t *p = chan_buf(va, len, true);
    if (!p)
        return TVP_HC_EFAULT;
    copy_out(p, s + 1, len);
    return (int32_t)len;
}

uint64_t chan_hcall(uint32_t port, uint32_t va, uint32_t len, unsigned code)
{
    const struct tvp_channel *c = 0;
    uint32_t v1 = 0;
    int32_t r;
    switch (code) {
    case TVP_HC_SAMPLING_WRITE:
        r = chan_port(port, TVP_CHAN_SAMPLING, 1, &c);
        if (r == TVP_CH_OK && (r = chan_put(c, 0, va, len)) == TVP_CH_OK) {
            chan_st[port].count = 1;
            chan_st[port].stamp = hv_time();
        }
        break;
    case TVP_HC_SAMPLING_READ:
        r = chan_port(port, TVP_CHAN_SAMPLING, 0, &c);
        if (r == TVP_CH_OK)
            r = chan_st[port].count ? chan_get(c, 0, va, len) : TVP_CH_EMPTY;
        if (r >= 0)
            v1 = age_us(hv_time() - chan_st[port].stamp);
        break;
    case TVP_HC_QUEUING_SEND:
        r = chan_port(port, TVP_CHAN_QUEUING, 1, &c);
        if (r == TVP_CH_OK) {
            struct chan_state *st = &chan_st[port];
            unsigned i = st->head + st->count;
            if (i >= c->depth)
                i -= c->depth;
            /* a full queue refuses before the buffer is looked at: a status */
            r = st->count >= c->depth ? TVP_CH_FULL : chan_put(c, i, va, len);
            if (r == TVP_CH_OK)
                st->count++;
        }
        break;
    case TVP_HC_QUEUING_RECV:
        r = chan_port(port, TVP_CHAN_QUEUING, 0, &c);
        if (r == TVP_CH_OK) {
            struct chan_state *st = &chan_st[port];
            r = st->count ? chan_get(c, st->head, va, len) : TVP_CH_EMPTY;
            if (r >= 0) {
                if (++st->head >= c->depth)
                    st->head = 0;
                v1 = --st->count;
            }
        }
        break;
    default: /* TVP_HC_PORT_STATUS */
        r = chan_port(port, -1, -1, &c);
        if (r == TVP_CH_OK) {
            const struct chan_state *st = &chan_st[port];
            r = st->count;
            if (c->kind == TVP_CHAN_QUEUING)
                v1 = c->depth;
            else
                v1 = st->count ? age_us(hv_time() - st->stamp) : 0xffffffffu;
        }
        break;
    }
    HV_STAT(cur->st.hcalls);
    return (uint64_t)v1 << 32 | (uint32_t)r;
}

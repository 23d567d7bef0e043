/* Physical bus: region table, slow-path accesses (see bus.h). */
#include "bus.h"

#include <string.h>

struct bus_region *bus_add(struct bus *b, const struct bus_region *r)
{
    if (b->nregions >= BUS_MAX_REGIONS || (r->base & 0xfff) || (r->size & 0xfff) || !r->size)
        return NULL;
    for (unsigned i = 0; i < b->nregions; i++) {
        const struct bus_region *o = &b->region[i];
        if (r->base < o->base + o->size && o->base < r->base + r->size)
            return NULL;
    }
    b->region[b->nregions] = *r;
    b->generation++;
    return &b->region[b->nregions++];
}

const struct bus_region *bus_find(const struct bus *b, uint32_t pa)
{
    for (unsigned i = 0; i < b->nregions; i++) {
        const struct bus_region *r = &b->region[i];
        if (pa - r->base < r->size)
            return r;
    }
    return NULL;
}

static uint32_t mem_get(const uint8_t *p, unsigned size)
{
    switch (size) {
    case 1:
        return p[0];
    case 2:
        return (uint32_t)p[0] | (uint32_t)p[1] << 8;
    default:
        return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    }
}

static void mem_put(uint8_t *p, unsigned size, uint32_t v)
{
    p[0] = (uint8_t)v;
    if (size >= 2)
        p[1] = (uint8_t)(v >> 8);
    if (size == 4) {
        p[2] = (uint8_t)(v >> 16);
        p[3] = (uint8_t)(v >> 24);
    }
}

bool bus_read(const struct bus *b, uint32_t pa, unsigned size, uint32_t *val)
{
    const struct bus_region *r = bus_find(b, pa);
    if (!r || !(r->perm & (BUS_R | BUS_X)))
        return false;
    if (r->mem) {
        *val = mem_get(r->mem + (pa - r->base), size);
        return true;
    }
    return r->read && r->read(r->dev, pa, size, val);
}

bool bus_write(struct bus *b, uint32_t pa, unsigned size, uint32_t val)
{
    const struct bus_region *r = bus_find(b, pa);
    if (!r || !(r->perm & BUS_W))
        return false;
    if (r->mem) {
        mem_put(r->mem + (pa - r->base), size, val);
        bus_mem_written(b, r->mem + (pa - r->base), size);
        if (r->on_write)
            r->on_write(r->dev, pa, size);
        return true;
    }
    return r->write && r->write(r->dev, pa, size, val);
}

bool bus_write_debug(struct bus *b, uint32_t pa, const void *data, size_t len)
{
    const uint8_t *d = data;
    while (len) {
        const struct bus_region *r = bus_find(b, pa);
        if (!r || !r->mem)
            return false;
        size_t n = r->size - (pa - r->base);
        if (n > len)
            n = len;
        memcpy(r->mem + (pa - r->base), d, n);
        bus_mem_written(b, r->mem + (pa - r->base), n);
        if (r->on_write)
            r->on_write(r->dev, pa, (unsigned)(n > 4 ? 4 : n));
        pa += (uint32_t)n;
        d += n;
        len -= n;
    }
    return true;
}

bool bus_read_debug(const struct bus *b, uint32_t pa, void *data, size_t len)
{
    uint8_t *d = data;
    while (len) {
        const struct bus_region *r = bus_find(b, pa);
        if (!r || !r->mem)
            return false;
        size_t n = r->size - (pa - r->base);
        if (n > len)
            n = len;
        memcpy(d, r->mem + (pa - r->base), n);
        pa += (uint32_t)n;
        d += n;
        len -= n;
    }
    return true;
}

void bus_mem_written(struct bus *b, const uint8_t *p, size_t len)
{
    if (b->mem_written)
        b->mem_written(b->mem_written_ctx, p, len);
}

/*
 * The CPU's view of the physical address space: a table of regions.
 *
 * The CPU core knows no PIC32 peripheral. The SoC layer (sim/soc/...) fills a
 * struct bus with regions: memory regions backed by a host buffer (RAM,
 * flash) that the core may access directly, and device regions reached
 * through read/write callbacks (the SFR window). A physical address in no
 * region is a bus error (IBE on fetch, DBE on data).
 */
#ifndef SIM_CPU_BUS_H
#define SIM_CPU_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum bus_perm {
    BUS_R = 1, /* data reads */
    BUS_W = 2, /* data writes by the CPU (flash is not CPU-writable) */
    BUS_X = 4, /* instruction fetch */
};

/* Device callbacks. size is 1, 2 or 4; pa is naturally aligned.
 * Return true on success, false for a bus error. */
typedef bool (*bus_read_fn)(void *dev, uint32_t pa, unsigned size, uint32_t *val);
typedef bool (*bus_write_fn)(void *dev, uint32_t pa, unsigned size, uint32_t val);

struct bus_region {
    const char *name;
    uint32_t base; /* physical, 4 KB aligned */
    uint32_t size; /* bytes, multiple of 4 KB */
    unsigned perm; /* enum bus_perm */
    uint8_t *mem;  /* host memory (little-endian image), or NULL for a device */
    bus_read_fn read;
    bus_write_fn write;
    void *dev;
    /* Extra cycles an access costs beyond the 1-cycle cache/pipeline hit
     * (the cycle model; see docs/simulator.md). */
    unsigned read_cycles;
    unsigned write_cycles;
    /* Called after the CPU stored into mem (so decoded-code caches or
     * watchers can react); may be NULL. */
    void (*on_write)(void *dev, uint32_t pa, unsigned size);
};

#define BUS_MAX_REGIONS 24

struct bus {
    struct bus_region region[BUS_MAX_REGIONS];
    unsigned nregions;
    /* Bumped whenever the region table changes, so cached lookups drop. */
    unsigned generation;
    /* Told about every write to a memory region's host buffer other than
     * the CPU's host-pointer stores (slow-path stores, DMA, the loader, a
     * debugger, flash programming), so decoded code can be dropped. */
    void (*mem_written)(void *ctx, const uint8_t *p, size_t len);
    void *mem_written_ctx;
};

/* Adds a region; returns it, or NULL if the table is full or it overlaps. */
struct bus_region *bus_add(struct bus *b, const struct bus_region *r);
/* The region holding pa, or NULL. */
const struct bus_region *bus_find(const struct bus *b, uint32_t pa);
/* Slow-path accesses used by the core, the loader and DMA-like masters.
 * Return false on a bus error (no region, or permission). Memory regions
 * honour perm; `debug` accesses (loader, gdb) ignore BUS_W on memory. */
bool bus_read(const struct bus *b, uint32_t pa, unsigned size, uint32_t *val);
bool bus_write(struct bus *b, uint32_t pa, unsigned size, uint32_t val);
bool bus_write_debug(struct bus *b, uint32_t pa, const void *data, size_t len);
bool bus_read_debug(const struct bus *b, uint32_t pa, void *data, size_t len);
/* Reports a write to memory made without bus_write (mem_written). */
void bus_mem_written(struct bus *b, const uint8_t *p, size_t len);

#endif /* SIM_CPU_BUS_H */

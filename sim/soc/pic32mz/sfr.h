/*
 * The PIC32MZ SFR window (0x1F800000–0x1F8FFFFF): a table of peripheral
 * blocks, and the one place where the chip's bus-level SFR rules live.
 *
 * How a device registers (see timer.c for a small complete example):
 *
 *   1. Describe its registers in a table of struct sfr_reg, one entry per
 *      register: offset in the block, reset value, the bits software can
 *      write, flags. An enum of indexes into that table names them:
 *
 *        enum { TMR_CON, TMR_TMR, TMR_PR, TMR_NREGS };
 *        static const struct sfr_reg tmr_regs[TMR_NREGS] = {
 *            [TMR_CON] = {0x00, 0x0000, 0xA0FE, SFR_WR},
 *            [TMR_TMR] = {0x10, 0x0000, 0xFFFF, SFR_RD | SFR_WR},
 *            [TMR_PR]  = {0x20, 0xFFFF, 0xFFFF, SFR_WR},
 *        };
 *
 *   2. Fill a struct sfr_block (name, physical base, size, the table, a
 *      uint32_t val[] array the device owns, hooks, ctx) and call
 *      sfr_register(). The device reads and writes its own registers as
 *      blk->val[TMR_CON] etc. (the framework never caches anything else).
 *
 *   3. Hooks, all optional:
 *      - read(ctx, idx, peek): registers flagged SFR_RD. Return the current
 *        value. peek=false: a real CPU/DMA read (side effects allowed: pop a
 *        FIFO, trigger a reset); peek=true: the framework needs the value
 *        for a CLR/SET/INV read-modify-write or a debugger — no side effects.
 *      - write(ctx, idx, old, req, lanes): registers flagged SFR_WR, called
 *        after the framework stored val[idx] = (val[idx] & ~wmask) |
 *        (req & wmask). old: the value before; req: the full value software
 *        asked for (the alias operation already applied: a CLR/SET/INV or a
 *        byte write arrives as a plain write of the whole register); lanes:
 *        the byte lanes the access touched (0x000000FF … 0xFFFFFFFF), for
 *        registers where a partial write means something (WDTCON+2 key).
 *      - reset(ctx): after a chip reset set val[] to the table's reset
 *        values. Re-arm events, drop FIFOs, lower interrupt outputs here.
 *      - clock_changed(ctx): a PBxDIV changed (clock.h); reschedule.
 *
 * The bus rules (docs/simulator.md, "PIC32MZ EF peripherals"):
 *   - a register without SFR_NOALIAS has CLR at +4, SET at +8, INV at +0xC;
 *     a write there is old & ~v, old | v, old ^ v; reading an alias
 *     address returns 0;
 *   - byte and halfword accesses reach the byte lanes of the 32-bit
 *     register they fall in (the peripheral bus has byte enables);
 *   - an address inside a block that is no register (or alias) reads 0 and
 *     ignores writes; so does an address in no block that lies inside a
 *     peripheral's documented SFR range (sfr_decode: soc.c's memory map,
 *     DS60001320 Table 4-2): the chip decodes each peripheral's whole
 *     range. Anywhere else in the window an access is a bus error
 *     (DBE/IBE);
 *   - every access costs the SFR region's read_cycles/write_cycles.
 *
 * Chip reset (POR, RSWRST, WDT, DMT): soc_reset() cancels all events
 * (event.h), then sfr_reset() resets every block in registration order,
 * then the CPU. Devices learn about it only through their reset hooks.
 */
#ifndef SIM_SOC_PIC32MZ_SFR_H
#define SIM_SOC_PIC32MZ_SFR_H

#include <stdbool.h>
#include <stdint.h>

/* Alias offsets (PIC32 "atomic" registers). */
#define SFR_CLR 0x4u
#define SFR_SET 0x8u
#define SFR_INV 0xCu

/* Physical ↔ kseg1 (the addresses the manuals print). */
#define SFR_PA(kseg1) ((uint32_t)(kseg1) & 0x1FFFFFFFu)

enum sfr_flags {
    SFR_RD = 1,      /* call the block's read hook */
    SFR_WR = 2,      /* call the block's write hook */
    SFR_NOALIAS = 4, /* no CLR/SET/INV registers at +4/+8/+0xC */
};

struct sfr_reg {
    uint16_t off;   /* offset in the block, 4-aligned (16-aligned if aliased) */
    uint32_t reset; /* value after any chip reset */
    uint32_t wmask; /* bits a software write stores; others are the device's */
    unsigned flags; /* enum sfr_flags */
};

struct sfr_block {
    const char *name;
    uint32_t base; /* physical, 256-byte aligned */
    uint32_t size; /* bytes, multiple of 16 */
    const struct sfr_reg *regs;
    unsigned nregs;
    uint32_t *val; /* nregs current values, owned by the device */
    void *ctx;
    uint32_t (*read)(void *ctx, unsigned idx, bool peek);
    void (*write)(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes);
    void (*reset)(void *ctx);
    void (*clock_changed)(void *ctx);
    /* --- private to sfr.c --- */
    uint16_t *map; /* per word of the block: 0 none, else idx+1 | alias << 14 */
};

struct sfr;

struct sfr *sfr_create(void);
void sfr_destroy(struct sfr *s);
/* Adds a block; the block must stay alive as long as s. Returns false (a
 * program bug: overlap, bad alignment, table error) with a message. */
bool sfr_register(struct sfr *s, struct sfr_block *b);
/* Marks [base, base+size) (256-byte granules) as a peripheral's documented
 * range: an address there in no block reads 0 and ignores writes. */
void sfr_decode(struct sfr *s, uint32_t base, uint32_t size);
/* Test aid (vpsim --bus-error): every CPU/DMA access to the 256-byte
 * granules of [base, base+size) is a bus error, as a peripheral that does
 * not answer on a real board; sfr_peek still reads. */
void sfr_bus_error(struct sfr *s, uint32_t base, uint32_t size);
/* The block holding pa, or NULL. */
struct sfr_block *sfr_find(struct sfr *s, uint32_t pa);

/* struct bus_region callbacks for the SFR window (dev = struct sfr *). */
bool sfr_bus_read(void *dev, uint32_t pa, unsigned size, uint32_t *val);
bool sfr_bus_write(void *dev, uint32_t pa, unsigned size, uint32_t val);
/* Side-effect-free read for debuggers and tests (false: not in a block). */
bool sfr_peek(struct sfr *s, uint32_t pa, uint32_t *val);

/* Chip reset of every block: values to reset values, then reset hooks. */
void sfr_reset(struct sfr *s);
/* Tells every block a peripheral clock changed. */
void sfr_clock_changed(struct sfr *s);

#endif

/* The flash controller (nvm.h). Registers (DS60001320 §5 / XC32 header):
 * NVMCON 0xBF800600 (WR 15, WREN 14, WRERR 13, LVDERR 12, NVMOP 3:0),
 * NVMKEY +0x10, NVMADDR +0x20, NVMDATA0–3 +0x30…+0x60, NVMSRCADDR +0x70.
 * Programming only clears bits (flash cells go 1 → 0); erasing sets them. */
#include "nvm.h"

#include <stdlib.h>
#include <string.h>

#include "intc.h"
#include "soc.h"

#define NVM_BASE 0x1F800600u

enum { N_CON, N_KEY, N_ADDR, N_DATA0, N_DATA1, N_DATA2, N_DATA3, N_SRCADDR, N_NREGS };

#define CON_WR     (1u << 15)
#define CON_WREN   (1u << 14)
#define CON_WRERR  (1u << 13)
#define CON_LVDERR (1u << 12)
#define CON_NVMOP  0xFu

#define KEY1 0xAA996655u
#define KEY2 0x556699AAu

enum { OP_NOP = 0, OP_WORD = 1, OP_QUAD = 2, OP_ROW = 3, OP_PAGE = 4, OP_LOWER = 5,
       OP_UPPER = 6, OP_ALL = 7 };

#define ROW_BYTES  2048u
#define PAGE_BYTES 16384u

/* Operation times (L confidence: typical datasheet orders of magnitude,
 * docs/simulator.md). In SYSCLK cycles at 200 MHz. */
static const uint64_t op_cycles[8] = {
    [OP_WORD] = 20 * 200,        /* 20 µs */
    [OP_QUAD] = 40 * 200,        /* 40 µs */
    [OP_ROW] = 2000 * 200,       /* 2 ms */
    [OP_PAGE] = 20000 * 200,     /* 20 ms */
    [OP_LOWER] = 100000 * 200,   /* 100 ms */
    [OP_UPPER] = 100000 * 200,
    [OP_ALL] = 200000 * 200,     /* 200 ms */
};

/* NVMCON: WR is set only by the unlocked sequence (handled in the write
 * hook); NVMKEY is write-only and reads 0. */
static const struct sfr_reg nvm_regs[N_NREGS] = {
    [N_CON] = {0x00, 0x0000, CON_WREN | CON_NVMOP, SFR_WR},
    [N_KEY] = {0x10, 0x0000, 0x00000000, SFR_WR | SFR_NOALIAS},
    [N_ADDR] = {0x20, 0x0000, 0xFFFFFFFFu, 0},
    [N_DATA0] = {0x30, 0x0000, 0xFFFFFFFFu, 0},
    [N_DATA1] = {0x40, 0x0000, 0xFFFFFFFFu, 0},
    [N_DATA2] = {0x50, 0x0000, 0xFFFFFFFFu, 0},
    [N_DATA3] = {0x60, 0x0000, 0xFFFFFFFFu, 0},
    [N_SRCADDR] = {0x70, 0x0000, 0xFFFFFFFFu, 0},
};

struct nvm {
    struct soc *soc;
    struct sfr_block blk;
    uint32_t val[N_NREGS];
    unsigned key;    /* 0, 1 after KEY1, 2 after KEY2 (unlocked for one WR) */
    struct event done;
};

/* Host memory of a flash address (program flash or a boot flash panel). */
static uint8_t *flash_ptr(struct soc *s, uint32_t pa, uint32_t len)
{
    pa &= 0x1FFFFFFFu;
    if (pa >= PIC32MZ_FLASH_BASE && pa - PIC32MZ_FLASH_BASE + len <= PIC32MZ_FLASH_SIZE)
        return s->flash + (pa - PIC32MZ_FLASH_BASE);
    static const uint32_t boot[4] = {PIC32MZ_BOOT_LOWER, PIC32MZ_BOOT_UPPER, PIC32MZ_BOOT1,
                                     PIC32MZ_BOOT2};
    for (unsigned i = 0; i < 4; i++)
        if (pa >= boot[i] && pa - boot[i] + len <= PIC32MZ_BOOT_SIZE)
            return s->boot[i & 1] + (pa - boot[i]);
    return NULL;
}

static void program(uint8_t *dst, const uint8_t *src, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++)
        dst[i] &= src[i];
}

/* Performs the operation when it completes; false: address error. */
static bool perform(struct nvm *n, unsigned op)
{
    struct soc *s = n->soc;
    uint32_t addr = n->val[N_ADDR];
    uint8_t data[16];
    uint8_t *p;
    switch (op) {
    case OP_WORD:
    case OP_QUAD: {
        uint32_t len = op == OP_WORD ? 4 : 16;
        if (addr & (len - 1) || !(p = flash_ptr(s, addr, len)))
            return false;
        for (unsigned i = 0; i < len / 4; i++) {
            uint32_t w = n->val[N_DATA0 + i];
            memcpy(data + 4 * i, &w, 4); /* little-endian host, as the chip */
        }
        program(p, data, len);
        bus_mem_written(&s->bus, p, len);
        return true;
    }
    case OP_ROW: {
        uint8_t row[ROW_BYTES];
        addr &= ~(ROW_BYTES - 1);
        if (!(p = flash_ptr(s, addr, ROW_BYTES)) ||
            !bus_read_debug(&s->bus, n->val[N_SRCADDR] & 0x1FFFFFFFu, row, ROW_BYTES))
            return false;
        program(p, row, ROW_BYTES);
        bus_mem_written(&s->bus, p, ROW_BYTES);
        return true;
    }
    case OP_PAGE:
        addr &= ~(PAGE_BYTES - 1);
        if (!(p = flash_ptr(s, addr, PAGE_BYTES)))
            return false;
        memset(p, 0xFF, PAGE_BYTES);
        bus_mem_written(&s->bus, p, PAGE_BYTES);
        return true;
    case OP_LOWER:
        memset(s->flash, 0xFF, PIC32MZ_FLASH_SIZE / 2);
        bus_mem_written(&s->bus, s->flash, PIC32MZ_FLASH_SIZE / 2);
        return true;
    case OP_UPPER:
        memset(s->flash + PIC32MZ_FLASH_SIZE / 2, 0xFF, PIC32MZ_FLASH_SIZE / 2);
        bus_mem_written(&s->bus, s->flash + PIC32MZ_FLASH_SIZE / 2, PIC32MZ_FLASH_SIZE / 2);
        return true;
    case OP_ALL:
        memset(s->flash, 0xFF, PIC32MZ_FLASH_SIZE);
        bus_mem_written(&s->bus, s->flash, PIC32MZ_FLASH_SIZE);
        return true;
    default:
        return false;
    }
}

static void nvm_done(void *ctx, uint64_t when)
{
    struct nvm *n = ctx;
    unsigned op = n->val[N_CON] & CON_NVMOP;
    if (!perform(n, op))
        n->val[N_CON] |= CON_WRERR;
    n->val[N_CON] &= ~CON_WR;
    intc_raise(n->soc->intc, IRQ_FLASH);
}

static void nvm_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct nvm *n = ctx;
    uint32_t *v = n->val;
    if (idx == N_KEY) {
        /* KEY1 then KEY2 back to back arms one WR; anything else disarms */
        if (req == KEY1)
            n->key = 1;
        else if (req == KEY2 && n->key == 1)
            n->key = 2;
        else
            n->key = 0;
        v[N_KEY] = 0;
        return;
    }
    /* NVMCON */
    if (old & CON_WR) { /* busy: nothing changes (no abort is modelled) */
        v[N_CON] = old;
        return;
    }
    /* WRERR/LVDERR are cleared by software writing 0 (with WREN = 0) */
    v[N_CON] = (v[N_CON] & ~(CON_WRERR | CON_LVDERR)) |
               (old & req & (CON_WRERR | CON_LVDERR));
    if ((req & CON_WR) && !(old & CON_WR)) {
        unsigned op = req & CON_NVMOP;
        if (n->key == 2 && (req & CON_WREN) && (old & CON_WREN) && op != OP_NOP) {
            v[N_CON] |= CON_WR;
            ev_schedule(&n->soc->evq, &n->done, ev_now(&n->soc->evq) + op_cycles[op & 7]);
        } else if (n->key != 2 || !(old & CON_WREN)) {
            v[N_CON] |= CON_WRERR; /* WR without the unlock, or WREN not set first */
        }
    }
    n->key = 0;
}

static void nvm_reset(void *ctx)
{
    struct nvm *n = ctx;
    n->key = 0;
}

bool nvm_init(struct soc *s)
{
    struct nvm *n = calloc(1, sizeof *n);
    if (!n)
        return false;
    n->soc = s;
    s->nvm = n;
    n->blk = (struct sfr_block){
        .name = "nvm", .base = NVM_BASE, .size = 0x100, .regs = nvm_regs, .nregs = N_NREGS,
        .val = n->val, .ctx = n, .write = nvm_write, .reset = nvm_reset,
    };
    ev_init(&n->done, "nvm", nvm_done, n);
    return sfr_register(s->sfr, &n->blk);
}

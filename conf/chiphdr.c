/*
 * chiphdr: writes the PIC32MZ register header of tinyVP's target code
 * (hv/, guests/, tests/) from the chip data vpconf holds (pic32mzef.c), so
 * that an address, a vector or a register offset is written in one place.
 *
 *   chiphdr OUT.h
 *
 * The header has plain #defines only (numbers are unsigned in C through
 * PIC32MZ_U, plain in assembly), so that assembly (.S) includes it too:
 *   RAM_PHYS, FLASH_PHYS, BOOT_PHYS, SFR_PHYS, DEVCFG_PHYS, DEVCFG_BASE, sizes
 *   <DEV>_PHYS, <DEV>_BASE   a device's SFR block, physical and kseg1
 *                            (UART4_BASE, INTC_BASE, PORTA_BASE, ...)
 *   <KIND>_BASE(n), <KIND>_STRIDE, <KIND>_FIRST, <KIND>_LAST
 *                            numbered devices evenly spaced (UART_BASE(4);
 *                            ports by index: PORT_BASE(0) is port A)
 *   <KIND>_<REG>, <KIND>_<REG>(i), <KIND>_<REG>_COUNT
 *                            a register's offset in its kind's block
 *                            (UART_STA, INTC_IFS(1), DCH_SSA)
 *   <REG>, <REG>(i)          and its kseg1 address, for a device there is
 *                            one of (INTCON, IFS(1), OSCCON, PBDIV(2))
 *   VEC_<NAME>, VEC_<NAME>_IFS, VEC_<NAME>_BIT
 *                            an interrupt vector, and its flag's IFSn/IECn
 *                            register index and bit (DS60001320 Table 7-2)
 *   INTC_NR_VECTORS, INTC_NR_WORDS
 * A register offset outside its kind's SFR range is an error (exit 1).
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chip.h"

#define KSEG1 0xA0000000u

static const struct chip *chip = &chip_pic32mzef;
static FILE *out;

static void upper(char *dst, const char *src, size_t size)
{
    size_t i = 0;
    for (; src[i] && i + 1 < size; i++)
        dst[i] = (char)toupper((unsigned char)src[i]);
    dst[i] = 0;
}

/* A device's kind and number: "uart4" -> "uart", 4; "porta" -> "port", 0;
 * "intc" -> "intc", -1. */
static int kind_of(const char *name, char *kind, size_t size)
{
    size_t n = strlen(name), k = n;
    while (k > 0 && isdigit((unsigned char)name[k - 1]))
        k--;
    int idx = -1;
    if (k < n && k > 0) {
        idx = atoi(name + k);
    } else if (n == 5 && !strncmp(name, "port", 4) && name[4] >= 'a' && name[4] <= 'k') {
        k = 4;
        idx = name[4] - 'a';
    } else {
        k = n;
    }
    if (k >= size) k = size - 1;
    memcpy(kind, name, k);
    kind[k] = 0;
    return idx;
}

static void memory(void)
{
    fprintf(out, "/* ---- memory ---- */\n");
    fprintf(out, "#define RAM_PHYS PIC32MZ_U(0x%08x)\n#define RAM_SIZE PIC32MZ_U(0x%x)\n",
            chip->ram_base, chip->ram_size);
    fprintf(out, "#define FLASH_PHYS PIC32MZ_U(0x%08x)\n#define FLASH_SIZE PIC32MZ_U(0x%x)\n",
            chip->flash_base, chip->flash_size);
    fprintf(out, "#define BOOT_PHYS PIC32MZ_U(0x%08x)\n", chip->boot_base);
    fprintf(out, "#define SFR_PHYS PIC32MZ_U(0x%08x)\n#define SFR_SIZE PIC32MZ_U(0x%x)\n",
            chip->sfr_base, chip->sfr_size);
    fprintf(out, "/* configuration words DEVCFG3, 2, 1, 0 at +0x0, +0x4, +0x8, +0xC */\n");
    fprintf(out, "#define DEVCFG_PHYS PIC32MZ_U(0x%08x)\n#define DEVCFG_BASE PIC32MZ_U(0x%08x)\n\n",
            chip->devcfg_addr, chip->devcfg_addr | KSEG1);
}

static void bases(void)
{
    fprintf(out, "/* ---- SFR blocks: physical and kseg1 (uncached) base ---- */\n");
    for (int i = 0; i < chip->nr_devices; i++) {
        const struct chip_device *d = &chip->devices[i];
        char up[32];
        upper(up, d->name, sizeof up);
        for (int r = 0; r < CHIP_MAX_RANGES && d->ranges[r].size; r++) {
            char suffix[4] = "";
            if (r) snprintf(suffix, sizeof suffix, "%d", r);
            fprintf(out, "#define %s_PHYS%s PIC32MZ_U(0x%08x) /* %s */\n", up, suffix,
                    d->ranges[r].base, r ? "second range" : d->what);
            fprintf(out, "#define %s_BASE%s PIC32MZ_U(0x%08x)\n", up, suffix,
                    d->ranges[r].base | KSEG1);
        }
    }
}

/* Numbered devices of one kind whose bases are evenly spaced. */
static void families(void)
{
    fprintf(out, "\n/* ---- numbered devices: the base of number n ---- */\n");
    for (int i = 0; i < chip->nr_devices; i++) {
        char kind[32], k2[32];
        int first = kind_of(chip->devices[i].name, kind, sizeof kind);
        if (first < 0 || !chip->devices[i].ranges[0].size) continue;
        bool seen = false;
        for (int j = 0; j < i; j++)
            if (kind_of(chip->devices[j].name, k2, sizeof k2) >= 0 && !strcmp(k2, kind))
                seen = true;
        if (seen) continue;
        int last = first, n = 1;
        long stride = 0;
        bool even = true;
        for (int j = i + 1; j < chip->nr_devices; j++) {
            int idx = kind_of(chip->devices[j].name, k2, sizeof k2);
            if (idx < 0 || strcmp(k2, kind)) continue;
            long s =
                ((long)chip->devices[j].ranges[0].base - (long)chip->devices[i].ranges[0].base) /
                (idx - first);
            if (n == 1) stride = s;
            if (s != stride || idx != last + 1 ||
                (long)chip->devices[i].ranges[0].base + stride * (idx - first) !=
                    (long)chip->devices[j].ranges[0].base)
                even = false;
            last = idx;
            n++;
        }
        if (n < 2 || !even) continue;
        char up[32], dev[32];
        upper(up, kind, sizeof up);
        upper(dev, chip->devices[i].name, sizeof dev);
        fprintf(out,
                "#define %s_FIRST %d\n#define %s_LAST %d\n#define %s_STRIDE PIC32MZ_U(0x%lx)\n", up,
                first, up, last, up, stride);
        if (first)
            fprintf(out, "#define %s_BASE(n) (%s_BASE + PIC32MZ_U(0x%lx) * ((n) - %d))\n", up, dev,
                    stride, first);
        else
            fprintf(out, "#define %s_BASE(n) (%s_BASE + PIC32MZ_U(0x%lx) * (n))\n", up, dev,
                    stride);
    }
}

/* The size of a kind's register block: its first device's first range;
 * 0 for a sub-block (a DMA channel, a bus target). */
static uint32_t kind_size(const char *kind)
{
    for (int i = 0; i < chip->nr_devices; i++) {
        char k[32];
        kind_of(chip->devices[i].name, k, sizeof k);
        if (!strcmp(k, kind)) return chip->devices[i].ranges[0].size;
    }
    return 0;
}

/* A kind that is one device (intc, osc, ...), not numbered ones (uart)
 * nor a sub-block (dch). */
static bool single(const char *kind)
{
    const struct chip_device *d = chip_device(chip, kind);
    char k[32];
    return d && d->ranges[0].size && kind_of(d->name, k, sizeof k) < 0;
}

static int registers(void)
{
    int errors = 0;
    fprintf(out, "\n/* ---- register offsets in their kind's block ---- */\n");
    for (int i = 0; i < chip->nr_regs; i++) {
        const struct chip_reg *r = &chip->regs[i];
        char kind[32], name[32];
        upper(kind, r->kind, sizeof kind);
        upper(name, r->name, sizeof name);
        unsigned count = r->count ? r->count : 1;
        uint32_t end = r->off + (count - 1) * r->stride + 4u;
        uint32_t size = kind_size(r->kind);
        if (size && end > size) {
            fprintf(stderr, "chiphdr: %s %s: offset 0x%x past the end of its block (0x%x)\n",
                    r->kind, r->name, end - 4u, size);
            errors++;
        }
        if (count == 1) {
            fprintf(out, "#define %s_%s PIC32MZ_U(0x%03x)\n", kind, name, r->off);
        } else {
            if (r->first)
                fprintf(out,
                        "#define %s_%s(i) (PIC32MZ_U(0x%03x) + PIC32MZ_U(0x%x) * ((i) - %u))\n",
                        kind, name, r->off, r->stride, r->first);
            else
                fprintf(out, "#define %s_%s(i) (PIC32MZ_U(0x%03x) + PIC32MZ_U(0x%x) * (i))\n", kind,
                        name, r->off, r->stride);
            fprintf(out, "#define %s_%s_COUNT %u\n", kind, name, count);
        }
        /* a device of which there is one: the register's own address too */
        if (single(r->kind)) {
            if (count == 1)
                fprintf(out, "#define %s (%s_BASE + %s_%s)\n", name, kind, kind, name);
            else
                fprintf(out, "#define %s(i) (%s_BASE + %s_%s(i))\n", name, kind, kind, name);
        }
    }
    return errors;
}

static void vectors(void)
{
    fprintf(out, "\n/* ---- interrupt vectors; flag and enable: IFSn/IECn bit b ---- */\n");
    fprintf(out, "#define INTC_NR_VECTORS %u\n", chip->nr_vectors);
    fprintf(out, "#define INTC_NR_WORDS %u\n", (chip->nr_vectors + 31u) / 32u);
    for (unsigned v = 0; v < chip->nr_vectors; v++) {
        if (!chip->vector_names[v]) continue;
        char up[32];
        upper(up, chip->vector_names[v], sizeof up);
        fprintf(out, "#define VEC_%s %u\n#define VEC_%s_IFS %u\n#define VEC_%s_BIT %u\n", up, v, up,
                v / 32, up, v % 32);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: chiphdr OUT.h\n");
        return 2;
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
    out = fopen(tmp, "w");
    if (!out) {
        perror(tmp);
        return 1;
    }
    fprintf(out,
            "/* %s: SFR blocks, register offsets and interrupt vectors for\n"
            " * target code. Generated by conf/chiphdr.c from conf/pic32mzef.c,\n"
            " * vpconf's chip data: do not edit. Plain #defines, for C and assembly. */\n"
            "#ifndef PIC32MZ_CHIP_H\n#define PIC32MZ_CHIP_H\n\n"
            "/* addresses and offsets are unsigned in C, plain numbers in assembly */\n"
            "#ifdef __ASSEMBLER__\n#define PIC32MZ_U(x) x\n#else\n#define PIC32MZ_U(x) "
            "x##u\n#endif\n\n",
            chip->name);
    memory();
    bases();
    families();
    int errors = registers();
    vectors();
    fprintf(out, "\n#endif\n");
    if (fclose(out) != 0 || errors) {
        remove(tmp);
        return 1;
    }
    if (rename(tmp, argv[1]) != 0) {
        perror(argv[1]);
        return 1;
    }
    return 0;
}

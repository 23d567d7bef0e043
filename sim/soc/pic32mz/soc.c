/* PIC32MZ EF memory map: RAM, program flash, boot flash panels and aliases,
 * and the SFR window. */
#include "soc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cpu/timing.h"

/* The SFR window. Until a peripheral model claims an address, an access is
 * a bus error, as outside any peripheral block on the chip. */
static bool sfr_none_read(void *dev, uint32_t pa, unsigned size, uint32_t *val)
{
    return false;
}

static bool sfr_none_write(void *dev, uint32_t pa, unsigned size, uint32_t val)
{
    return false;
}

bool soc_init(struct soc *s, const struct soc_options *opt)
{
    memset(s, 0, sizeof *s);
    s->ram = calloc(1, PIC32MZ_RAM_SIZE);
    s->flash = malloc(PIC32MZ_FLASH_SIZE);
    s->boot[0] = malloc(PIC32MZ_BOOT_SIZE);
    s->boot[1] = malloc(PIC32MZ_BOOT_SIZE);
    if (!s->ram || !s->flash || !s->boot[0] || !s->boot[1]) {
        fprintf(stderr, "vpsim: out of host memory\n");
        soc_free(s);
        return false;
    }
    memset(s->flash, 0xFF, PIC32MZ_FLASH_SIZE);
    memset(s->boot[0], 0xFF, PIC32MZ_BOOT_SIZE);
    memset(s->boot[1], 0xFF, PIC32MZ_BOOT_SIZE);

    const struct bus_region regions[] = {
        {.name = "ram", .base = PIC32MZ_RAM_BASE, .size = PIC32MZ_RAM_SIZE,
         .perm = BUS_R | BUS_W | BUS_X, .mem = s->ram},
        {.name = "flash", .base = PIC32MZ_FLASH_BASE, .size = PIC32MZ_FLASH_SIZE,
         .perm = BUS_R | BUS_X, .mem = s->flash},
        {.name = "sfr", .base = PIC32MZ_SFR_BASE, .size = PIC32MZ_SFR_SIZE,
         .perm = BUS_R | BUS_W, .read = sfr_none_read, .write = sfr_none_write, .dev = s,
         .read_cycles = T_SFR_READ, .write_cycles = T_SFR_WRITE},
        {.name = "boot-lower", .base = PIC32MZ_BOOT_LOWER, .size = PIC32MZ_BOOT_SIZE,
         .perm = BUS_R | BUS_X, .mem = s->boot[0]},
        {.name = "boot-upper", .base = PIC32MZ_BOOT_UPPER, .size = PIC32MZ_BOOT_SIZE,
         .perm = BUS_R | BUS_X, .mem = s->boot[1]},
        {.name = "boot1", .base = PIC32MZ_BOOT1, .size = PIC32MZ_BOOT_SIZE,
         .perm = BUS_R | BUS_X, .mem = s->boot[0]},
        {.name = "boot2", .base = PIC32MZ_BOOT2, .size = PIC32MZ_BOOT_SIZE,
         .perm = BUS_R | BUS_X, .mem = s->boot[1]},
    };
    for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++)
        if (!bus_add(&s->bus, &regions[i])) {
            fprintf(stderr, "vpsim: internal error: bad region %s\n", regions[i].name);
            soc_free(s);
            return false;
        }
    struct cpu_config cc = {.prid = opt ? opt->prid : 0};
    cpu_init(&s->cpu, &s->bus, &cc);
    return true;
}

void soc_free(struct soc *s)
{
    cpu_free(&s->cpu);
    free(s->ram);
    free(s->flash);
    free(s->boot[0]);
    free(s->boot[1]);
    memset(s, 0, sizeof *s);
}

void soc_reset(struct soc *s)
{
    cpu_reset(&s->cpu);
}

bool soc_load_write(void *soc, uint32_t pa, const uint8_t *data, size_t len)
{
    struct soc *s = soc;
    const struct bus_region *r = bus_find(&s->bus, pa);
    if (!r || !r->mem || len > r->size - (pa - r->base))
        return false;
    return bus_write_debug(&s->bus, pa, data, len);
}

/* PIC32MZ EF memory map: RAM, program flash, boot flash panels and aliases,
 * and the SFR window. */
#include "soc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cpu/timing.h"
#include "dma.h"
#include "intc.h"
#include "nvm.h"
#include "regfile.h"
#include "sbp.h"
#include "ports.h"
#include "sysctl.h"
#include "timer.h"
#include "uart.h"
#include "usb.h"

/* The peripheral models, in reset order. Each init registers its SFR
 * blocks (sfr.h) and events (event.h) and returns false on a host error. */
typedef bool (*soc_dev_init_fn)(struct soc *s);
static const soc_dev_init_fn soc_devices[] = {
    intc_init, /* first: the others raise interrupts from their reset hooks */
    sysctl_init, /* second: its reset reads DEVCFG and sets the clocks */
    timers_init,
    ports_init,
    sbp_init,
    uart_init,
    dma_init, /* after intc: listens to its interrupt events */
    nvm_init,
    regfile_init,
    usb_init, /* after intc and sbp */
    NULL, /* end (keeps the table non-empty while devices are added) */
};

/* The SFR memory map (DS60001320 Table 4-2, "SFR Memory Map"): the range
 * each peripheral decodes. An address inside one reads 0 and ignores
 * writes where no register is (sfr.h); the gaps between them, and the
 * ranges of what the PIC32MZ2048EFG100 does not have (CAN1/2 at
 * 0x1F880000, the crypto engine at 0x1F8E5000, ports H..K), are bus
 * errors. */
static const struct {
    uint32_t base, size;
} soc_sfr_map[] = {
    {0x1F800000u, 0x400},   /* configuration, PMD, CFGEBIx, CFGPG */
    {0x1F800600u, 0x200},   /* flash controller */
    {0x1F800800u, 0x200},   /* watchdog timer */
    {0x1F800A00u, 0x200},   /* deadman timer */
    {0x1F800C00u, 0x200},   /* RTCC */
    {0x1F800E00u, 0x200},   /* CVREF */
    {0x1F801200u, 0x200},   /* oscillator */
    {0x1F801400u, 0x400},   /* PPS */
    {0x1F810000u, 0x1000},  /* interrupt controller */
    {0x1F811000u, 0x1000},  /* DMA */
    {0x1F820000u, 0xA00},   /* I2C1..5 */
    {0x1F821000u, 0xC00},   /* SPI1..6 */
    {0x1F822000u, 0xC00},   /* UART1..6 */
    {0x1F82E000u, 0x200},   /* PMP */
    {0x1F840000u, 0x1200},  /* timers 1..9 */
    {0x1F842000u, 0x1200},  /* input capture 1..9 */
    {0x1F844000u, 0x1200},  /* output compare 1..9 */
    {0x1F84B000u, 0x1000},  /* ADC */
    {0x1F84C000u, 0x200},   /* comparators 1, 2 */
    {0x1F860000u, 0x700},   /* ports A..G (the 100-pin part) */
    {0x1F882000u, 0x1000},  /* Ethernet */
    {0x1F884000u, 0x100},   /* USBCRCON (USB clock and reset control) */
    {0x1F8E0000u, 0x1000},  /* prefetch */
    {0x1F8E1000u, 0x1000},  /* EBI */
    {0x1F8E2000u, 0x1000},  /* SQI */
    {0x1F8E3000u, 0x1000},  /* USB */
    {0x1F8E6000u, 0x1000},  /* RNG */
    {0x1F8F0000u, 0x10000}, /* system bus */
};

/* CPU hooks: the event queue drives the CPU deadline. */
static void soc_set_deadline(void *ctx, uint64_t when)
{
    struct soc *s = ctx;
    cpu_set_deadline(&s->cpu, when); /* keeps a pending interrupt re-check */
}

static void soc_cpu_event(void *ctx, struct cpu *c)
{
    struct soc *s = ctx;
    ev_dispatch(&s->evq);
}

static void soc_cpu_irq_lines(void *ctx, unsigned lines)
{
    struct soc *s = ctx;
    intc_cpu_lines(s->intc, lines);
}

static void soc_cpu_eic_ack(void *ctx, unsigned ripl)
{
    struct soc *s = ctx;
    intc_cpu_ack(s->intc, ripl);
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
    s->sfr = sfr_create();
    if (!s->sfr) {
        fprintf(stderr, "vpsim: out of host memory\n");
        soc_free(s);
        return false;
    }

    const struct bus_region regions[] = {
        {.name = "ram", .base = PIC32MZ_RAM_BASE, .size = PIC32MZ_RAM_SIZE,
         .perm = BUS_R | BUS_W | BUS_X, .mem = s->ram},
        {.name = "flash", .base = PIC32MZ_FLASH_BASE, .size = PIC32MZ_FLASH_SIZE,
         .perm = BUS_R | BUS_X, .mem = s->flash},
        {.name = "sfr", .base = PIC32MZ_SFR_BASE, .size = PIC32MZ_SFR_SIZE,
         .perm = BUS_R | BUS_W, .read = sfr_bus_read, .write = sfr_bus_write, .dev = s->sfr,
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
    s->cpu.hooks.ctx = s;
    s->cpu.hooks.event = soc_cpu_event;
    s->cpu.hooks.irq_lines = soc_cpu_irq_lines;
    s->cpu.hooks.eic_ack = soc_cpu_eic_ack;
    ev_queue_init(&s->evq, &s->cpu.cycles, soc_set_deadline, s);
    clk_reset(&s->clk);
    for (size_t i = 0; soc_devices[i]; i++)
        if (!soc_devices[i](s)) {
            soc_free(s);
            return false;
        }
    for (size_t i = 0; i < sizeof soc_sfr_map / sizeof soc_sfr_map[0]; i++)
        sfr_decode(s->sfr, soc_sfr_map[i].base, soc_sfr_map[i].size);
    soc_reset(s);
    return true;
}

void soc_free(struct soc *s)
{
    cpu_free(&s->cpu);
    sfr_destroy(s->sfr);
    /* device state (each *_init's allocation) */
    free(s->intc);
    free(s->sys);
    free(s->timers);
    free(s->ports);
    free(s->uart);
    free(s->dma);
    free(s->sbp);
    free(s->nvm);
    regfile_free(s->regfile);
    free(s->usb);
    free(s->ram);
    free(s->flash);
    free(s->boot[0]);
    free(s->boot[1]);
    memset(s, 0, sizeof *s);
}

void soc_reset_cause(struct soc *s, uint32_t rcon)
{
    s->reset_cause = rcon;
    ev_reset(&s->evq);
    clk_reset(&s->clk);
    cpu_reset(&s->cpu);
    sfr_reset(s->sfr);
    if (s->boot_entry)
        s->cpu.pc = s->boot_entry;
    s->reset_cause = 0;
}

void soc_reset(struct soc *s)
{
    soc_reset_cause(s, RCON_POR | RCON_BOR);
}

void soc_request_reset(struct soc *s, uint32_t rcon)
{
    s->reset_cause |= rcon;
    s->cpu.stop = CPU_STOP_RESET;
    s->cpu.deadline = 0; /* leave the run loop after this instruction */
}

void soc_run(struct soc *s)
{
    for (;;) {
        cpu_run(&s->cpu);
        if (s->cpu.stop != CPU_STOP_RESET)
            return;
        soc_reset_cause(s, s->reset_cause);
    }
}

bool soc_load_write(void *soc, uint32_t pa, const uint8_t *data, size_t len)
{
    struct soc *s = soc;
    const struct bus_region *r = bus_find(&s->bus, pa);
    if (!r || !r->mem || len > r->size - (pa - r->base))
        return false;
    return bus_write_debug(&s->bus, pa, data, len);
}

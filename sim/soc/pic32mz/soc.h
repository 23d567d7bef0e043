/*
 * The PIC32MZ EF SoC model (PIC32MZ2048EFG100): memory map and, through the
 * SFR window, the peripherals. The CPU sees it only as a struct bus and the
 * EIC interface (sim/cpu/cpu.h).
 */
#ifndef SIM_SOC_PIC32MZ_SOC_H
#define SIM_SOC_PIC32MZ_SOC_H

#include <stdbool.h>
#include <stdint.h>

#include "../../cpu/bus.h"
#include "../../cpu/cpu.h"
#include "clock.h"
#include "event.h"
#include "sfr.h"

/* Physical memory map (DS60001320, NuttX pic32mzef_memorymap.h). */
#define PIC32MZ_RAM_BASE     0x00000000u
#define PIC32MZ_RAM_SIZE     (512u * 1024)
#define PIC32MZ_FLASH_BASE   0x1D000000u
#define PIC32MZ_FLASH_SIZE   (2048u * 1024)
#define PIC32MZ_SFR_BASE     0x1F800000u
#define PIC32MZ_SFR_SIZE     0x00100000u
#define PIC32MZ_BOOT_LOWER   0x1FC00000u /* lower boot alias: the boot panel */
#define PIC32MZ_BOOT_UPPER   0x1FC20000u /* upper boot alias: the other panel */
#define PIC32MZ_BOOT1        0x1FC40000u /* boot flash 1 */
#define PIC32MZ_BOOT2        0x1FC60000u /* boot flash 2 */
#define PIC32MZ_BOOT_SIZE    0x14000u    /* 80 KB per panel */
#define PIC32MZ_DEVCFG3      0x1FC0FFC0u /* DEVCFG3..0 at FFC0..FFCC */

struct soc;

struct soc_options {
    uint32_t prid; /* 0: the M5150 default */
};

/* RCON reset-cause bits (DS60001320 RCON; docs/simulator.md). */
#define RCON_POR   (1u << 0)
#define RCON_BOR   (1u << 1)
#define RCON_IDLE  (1u << 2)
#define RCON_SLEEP (1u << 3)
#define RCON_WDTO  (1u << 4)
#define RCON_DMTO  (1u << 5)
#define RCON_SWR   (1u << 6)
#define RCON_EXTR  (1u << 7)
#define RCON_CMR   (1u << 9)

struct soc {
    struct cpu cpu;
    struct bus bus;
    uint8_t *ram;
    uint8_t *flash;
    uint8_t *boot[2];    /* boot flash panels 1 and 2 */
    struct sfr *sfr;     /* the SFR window: every peripheral's registers */
    struct evq evq;      /* device events on the cycle timeline */
    struct soc_clocks clk;
    /* Why the chip is being reset (RCON_* bits), read by sysctl's reset hook. */
    uint32_t reset_cause;
    /* A host-side stand-in for a boot loader: when an image has nothing at
     * the reset vector, every reset starts at this entry point (0 = none,
     * run the boot flash at 0xBFC00000). */
    uint32_t boot_entry;
    /* DEVCFG0..3 the board's boot loader would leave when the image has
     * none (all four words erased in boot flash); see sysctl.c. */
    uint32_t devcfg_default[4];
    bool has_devcfg_default;

    /* Peripheral models: each *_init(soc) allocates its state, registers
     * its SFR blocks and stores itself here for the others to reach. */
    struct intc *intc;
    struct sysctl *sys;
    struct timers *timers;
    struct ports *ports;
    struct uarts *uart;  /* uart.h: UART1–6 */
    struct dma *dma;     /* dma.h: DMA controller */
    struct sbp *sbp;     /* sbp.h: system-bus protection */
    struct nvm *nvm;     /* nvm.h: flash controller */
    struct regfile *regfile; /* regfile.h: peripherals without behaviour */
    struct usb *usb;     /* usb.h: USB controller (its DMA engine) */

    /* The board on this chip (sim/board), or NULL. */
    struct board *board;
};

/* Creates the chip with erased flash (0xFF) and zeroed RAM; returns false
 * (with a message on stderr) if host memory runs out. */
bool soc_init(struct soc *s, const struct soc_options *opt);
void soc_free(struct soc *s);
/* Chip reset (power-on): CPU and peripherals; memory contents stay.
 * Call it once after the image is loaded (DEVCFG words are read here). */
void soc_reset(struct soc *s);
/* A reset with the given RCON cause bits (soc_reset is RCON_POR|RCON_BOR). */
void soc_reset_cause(struct soc *s, uint32_t rcon);
/* Devices: ask for a chip reset (RSWRST, WDT, DMT). The current
 * instruction completes, then soc_run() resets the chip and goes on. */
void soc_request_reset(struct soc *s, uint32_t rcon);
/* Runs the CPU until it stops for a reason other than a chip reset. */
void soc_run(struct soc *s);
/* Loader sink: writes into RAM/flash/boot flash (ignoring write protection). */
bool soc_load_write(void *soc, uint32_t pa, const uint8_t *data, size_t len);

#endif

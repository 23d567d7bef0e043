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

struct soc {
    struct cpu cpu;
    struct bus bus;
    uint8_t *ram;
    uint8_t *flash;
    uint8_t *boot[2];    /* boot flash panels 1 and 2 */
    struct sfr *sfr;     /* the peripherals (sfr.c); NULL until attached */
};

/* Creates the chip with erased flash (0xFF) and zeroed RAM; returns false
 * (with a message on stderr) if host memory runs out. */
bool soc_init(struct soc *s, const struct soc_options *opt);
void soc_free(struct soc *s);
/* Chip reset (power-on): CPU and peripherals; memory contents stay. */
void soc_reset(struct soc *s);
/* Loader sink: writes into RAM/flash/boot flash (ignoring write protection). */
bool soc_load_write(void *soc, uint32_t pa, const uint8_t *data, size_t len);

#endif

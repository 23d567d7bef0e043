/*
 * Chip and board data: the PIC32MZ EF device library and the boards built
 * on it. Data only (tables in pic32mzef.c and boards.c); the checker and the
 * emitter take every address, vector, PMD bit and bus-protection target from
 * here, so a second chip or board is a new table, not new code.
 */
#ifndef CONF_CHIP_H
#define CONF_CHIP_H

#include <stdint.h>

#include "tinyvp/config.h"

#define CHIP_MAX_RANGES 3
#define CHIP_MAX_VECS   12

/* Physical SFR range of a device. */
struct chip_range {
    uint32_t base, size;
};

/* Interrupt vectors [first, first+count). */
struct chip_vecs {
    uint16_t first, count;
};

#define CHIP_HV_ONLY   0x01u  /* never given to a guest (bus protection, NVM ...) */
#define CHIP_IMPLICIT  0x02u  /* every guest has it, emulated (interrupt controller) */

struct chip_device {
    const char *name;
    const char *what;               /* one-line description for reports */
    struct chip_range ranges[CHIP_MAX_RANGES];
    struct chip_vecs vecs[CHIP_MAX_VECS];
    int8_t sb_target;               /* system-bus protection target, -1 none */
    int8_t pmd_reg;                 /* PMDn (1..7), 0 = no PMD bit */
    int8_t pmd_bit;
    int8_t dma_pg_shift;            /* CFGPG field of a DMA initiator, -1 none */
    uint8_t default_access;         /* enum tvp_access */
    uint8_t emulator;               /* enum tvp_emulator the hv has, or NONE */
    uint8_t flags;                  /* CHIP_* */
};

/* System-bus protection target (DS60001320 Section 4, Tables 4-7..4-20). */
struct chip_sb_target {
    uint32_t base, size;            /* physical range it guards */
    uint8_t nr_regions;             /* programmable regions 1..n (0 is fixed) */
};

/* A guest-physical range the hypervisor maps something of its own into in
 * every guest: no guest memory region may overlap it. */
struct chip_reserved {
    uint32_t base, size;
    const char *what;
};

/* A register, or an array of them, at an offset in the register block of
 * a kind of device: "uart" (every uart1..6), "intc", or a sub-block such
 * as a DMA channel ("dch"). The target code's register header is
 * generated from these (conf/chiphdr.c). count > 1: registers
 * first..first+count-1, `stride` bytes apart. */
struct chip_reg {
    const char *kind;
    const char *name;
    uint16_t off;
    uint16_t count;
    uint16_t stride;
    uint8_t first;
};


/* A register of a kind of device (as in struct chip_reg) put back to its
 * reset value when the guest that has the device exclusive restarts: the
 * value, or CHIP_RESET_PINS / CHIP_RESET_ANALOG (a port's TRIS and ANSEL
 * reset to its bonded / analog pins). count > 1: count registers `stride`
 * apart (the DMA channels). Written in table order: the module off first. */
#define CHIP_RESET_PINS   0xFFFFFFF1u
#define CHIP_RESET_ANALOG 0xFFFFFFF2u
struct chip_reset {
    const char *kind;
    uint16_t off, count, stride;
    uint32_t value;
};

/* Peripheral pin select (DS60001320 sec. 12 "I/O Ports", 12.4
 * "Peripheral Pin Select"). A pin is port << 4 | bit (port 0 = A .. 6 = G).
 * Each function is in one of four groups; an input function's register
 * (at reg_off in the PPS block) selects one pin of its group by the
 * pin's index there (Table 12-2); an output function is written, as
 * `value`, into the RPxnR register of a pin of its group (Table 12-3:
 * every pin of a group takes the same functions). */
#define CHIP_PPS_GROUPS  4
#define CHIP_PPS_SEL     16
#define CHIP_PIN_NONE    0xFFu
#define CHIP_PIN(port, bit) ((uint8_t)((port) << 4 | (bit)))

struct chip_pps_in {
    const char *name;    /* "U1RX" */
    const char *device;  /* the peripheral it belongs to, "uart1" */
    uint16_t reg_off;    /* its selection register, from pps_base */
    uint8_t group;       /* 0..3 */
};

struct chip_pps_out {
    const char *name;    /* "U1TX" */
    const char *device;
    uint8_t group;
    uint8_t value;       /* written into the pin's RPxnR */
};

/* Packages' I/O ports: the pins a port has on this package, the pins that
 * are analog-capable (ANSEL resets to 1: a digital input reads 0 until it
 * is cleared). */
#define CHIP_MAX_PORTS 10

struct chip {
    const char *name;
    const struct chip_device *devices;
    int nr_devices;
    uint32_t sfr_base, sfr_size;
    uint32_t ram_base, ram_size;
    uint32_t flash_base, flash_size;
    uint32_t boot_base, boot_view_size;  /* lower boot alias a guest sees */
    uint32_t boot_upper_off;             /* the upper alias (panel 2), from boot_base */
    uint32_t boot_panel_off;             /* a panel's own address, from its alias */
    uint32_t devcfg_addr;                /* DEVCFG3..0 in the boot alias */
    uint16_t nr_vectors;
    uint32_t pmd_base;                   /* PMD1; PMDn at +0x10*(n-1) */
    uint32_t cfgpg_addr;
    uint32_t sb_base;                    /* target x block at +0x400*x */
    const struct chip_sb_target *sb_targets;
    int nr_sb_targets;
    /* names of interrupt vectors, for "interrupts:" entries and reports */
    const char *const *vector_names;
    const struct chip_reserved *gpa_reserved;
    int nr_gpa_reserved;
    /* register layouts of the device kinds */
    const struct chip_reg *regs;
    int nr_regs;
    /* reset values of the devices a guest may have exclusive */
    const struct chip_reset *resets;
    int nr_resets;
    /* I/O ports and peripheral pin select (12.4): bonded and analog pins
     * per port (bit n = pin n), the PPS block, its pin groups (index =>
     * pin, CHIP_PIN_NONE where this package has none) and functions */
    int nr_ports;
    uint16_t port_pins[CHIP_MAX_PORTS], port_analog[CHIP_MAX_PORTS];
    uint32_t port_base;                  /* port A; port n at +0x100*n */
    uint32_t pps_base;
    uint16_t pps_out_off;                /* RPA0R; RPxnR at +0x40*port+4*n */
    const uint8_t (*pps_groups)[CHIP_PPS_SEL];
    const struct chip_pps_in *pps_in;
    int nr_pps_in;
    const struct chip_pps_out *pps_out;
    int nr_pps_out;
};

struct board_write {
    uint32_t addr, value;
    const char *why;
};

struct board {
    const char *name;
    const struct chip *chip;
    const char *console;             /* device the hypervisor console uses */
    const struct board_write *console_setup;
    int nr_console_setup;
    uint32_t sysclk_hz, count_hz, pbclk_hz, posc_hz;
    uint32_t hv_flash_default, hv_ram_default;
};

const struct board *board_find(const char *name);
extern const struct board *const boards[];
extern const int nr_boards;
const struct chip_device *chip_device(const struct chip *c, const char *name);
/* Vector number for "113", "uart1_rx", ...; -1 when unknown. */
int chip_vector(const struct chip *c, const char *name);
/* Pin "RPD3" (want_rp: the RP form) or "RD3" to port << 4 | bit; -1 when the
 * text is no such name (bonding is not checked). */
int chip_pin_parse(const char *s, int want_rp);
/* The group index that selects pin p, or -1. */
int chip_pps_index(const struct chip *c, int group, int p);

extern const struct chip chip_pic32mzef;

#endif

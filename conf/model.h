/*
 * The checked system: everything the configuration says, resolved to real
 * addresses, owners and tables. check.c builds it from the loaded YAML
 * (reporting every mistake), emit.c writes it out. Nothing here is
 * partially valid: emit runs only when diag_errors() == 0.
 */
#ifndef CONF_MODEL_H
#define CONF_MODEL_H

#include <stdint.h>

#include "chip.h"
#include "cover.h"
#include "diag.h"
#include <tinyvp/image.h>
#include "schema.h"

#define M_MAX_REGIONS 48
#define M_MAX_DEVS    80

struct m_region {
    char name[24];
    uint32_t gpa, rpa, size;
    uint8_t kind, perm, cache, dma;
    int pool;          /* 0 RAM, 1 flash, -1 not from a pool (SFR) */
    int fixed;         /* real address given in the config */
    int placed;
    int alias;         /* 1 + index of the region it shows again at another address, or 0 */
    struct pos pos;
};

struct m_devuse {
    const struct chip_device *dev;
    uint8_t access;    /* enum tvp_access */
    uint8_t emulator;
    uint8_t redundant; /* contained in another device of the same guest */
    struct pos pos;
};

#define M_MAX_PINS 64

/* A pin of a guest (its `pins:` entry): a PPS function on it, or a port pin
 * it drives (gpio). */
struct m_pin {
    uint8_t pin;        /* port << 4 | bit */
    uint8_t gpio;       /* 1: a gpio entry; 0: a PPS function */
    uint8_t output;     /* PPS: an output function (RPxnR) */
    uint8_t value;      /* PPS: the value its register gets */
    uint8_t console;    /* PPS: the hypervisor console's (a console guest may write it as is) */
    uint16_t reg_off;   /* PPS: its register, from the PPS block */
    const char *func;   /* PPS: "U1TX" */
    struct pos pos;
};

struct m_guest {
    const struct y_guest *y;
    char name[24];
    int id;            /* 1..7 */
    struct pos pos;    /* of its name */
    struct image img;
    int img_ok;
    uint8_t boot_panel_seen; /* bit 0: content at panel 1's own address, bit 1: panel 2's */
    char *image_path;  /* as resolved */
    struct m_region regions[M_MAX_REGIONS];
    int nr_regions;
    struct m_devuse devs[M_MAX_DEVS];
    int nr_devs;
    struct tvp_dev_range list[M_MAX_DEVS + 4];
    int nr_list;
    uint16_t irqs[TVP_NR_VECTORS];
    int nr_irqs;
    uint32_t entry;
    int dma_group;
    uint32_t zone_base, zone_size;
    int zone_in_ram;
    uint8_t dma_chans; /* bit n: DMA channel n, through the emulator */
    struct pos dma_chans_pos;
    uint8_t flags, on_fault;
    uint8_t health[TVP_HM_KINDS]; /* enum tvp_on_fault per enum tvp_hm_kind */
    int has_health;    /* `health:` given (the report lists the actions) */
    uint8_t max_restarts;
    uint32_t within_ms; /* 0: no restart budget */
    struct cover_tree tree;
    struct m_pin pins[M_MAX_PINS];
    int nr_pins;
    int has_window;
};

struct m_window {
    int guest;         /* index into guests */
    uint32_t start_us, dur_us;
    struct pos pos;
};

struct m_channel {
    const struct y_channel *y;
    int kind, source;
    uint8_t dest_mask;
    uint32_t msg_size, depth, pool_offset, bytes;
};

struct m_write {
    uint32_t addr, value;
    char why[96];
};

struct model {
    const char *config_path;
    const struct board *board;
    const struct chip *chip;
    int shell;
    uint32_t hv_flash_base, hv_flash_size, hv_ram_base, hv_ram_size;
    struct m_guest guests[TVP_MAX_GUESTS];
    int nr_guests;
    struct m_window windows[TVP_MAX_WINDOWS];
    int nr_windows;
    uint32_t major_frame_us;
    int windows_bad;   /* a window was invalid: skip "no window" */
    struct m_channel channels[TVP_MAX_CHANNELS];
    int nr_channels;
    uint32_t channel_pool_bytes;
    uint8_t irq_owner[TVP_NR_VECTORS];
    struct m_write writes[256];
    int nr_writes;
    int tlb_total;
};

struct check_opts {
    const char *config_path;
    const char *const *image_dirs; /* searched first, in order */
    int nr_image_dirs;
};

/* Fills m from sys; every problem goes to diag. */
void check_system(const struct y_system *sys, const struct check_opts *o, struct model *m);
void model_free(struct model *m);

#endif

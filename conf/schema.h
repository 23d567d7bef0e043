/*
 * The configuration schema: the libcyaml schema tables are the one
 * definition of which keys exist, their types, enumerations and counts.
 * schema_validate() walks the positioned libyaml tree against these same
 * tables to report every mistake with its line and column (libcyaml stops
 * at the first and has no "did you mean"); schema_load() then lets libcyaml
 * load the validated document into the structs below.
 * docs/config.md documents every key.
 */
#ifndef CONF_SCHEMA_H
#define CONF_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

enum y_on_fault { Y_FAULT_RESTART = 0, Y_FAULT_STOP, Y_FAULT_REFLECT, Y_FAULT_LOG };
/* a `health:` action: 0 when the key is not given (then on_fault applies) */
enum y_action { Y_ACT_UNSET = 0, Y_ACT_RESTART, Y_ACT_STOP, Y_ACT_REFLECT, Y_ACT_LOG };
enum y_cache { Y_CACHE_DEFAULT = 0, Y_CACHE_CACHED, Y_CACHE_UNCACHED, Y_CACHE_WRITE_THROUGH };
enum y_pool { Y_POOL_RAM = 0, Y_POOL_FLASH };
enum y_chan_kind { Y_CHAN_SAMPLING = 0, Y_CHAN_QUEUING };

struct y_hypervisor {
    char *console;
    bool *shell;
    char *flash;
    char *ram;
};

struct y_window {
    char *guest;
    char *start;
    char *duration;
};

struct y_schedule {
    char *major_frame;
    struct y_window *windows;
    unsigned windows_count;
};

struct y_device {
    char *name;
    int access; /* enum tvp_access (conf/access.h); TVP_ACCESS_NONE: not given, the library's default */
};

struct y_region {
    char *name;
    char *at;
    char *size;
    char *real;
    char *perm;
    int cache; /* enum y_cache */
    int pool;  /* enum y_pool */
};

struct y_dma_zone {
    char *at;
    char *size;
};

/* `health:` of a guest: an action per error kind (the keys in the order
 * of enum tvp_hm_kind), the restart budget */
struct y_health {
    int kind[7]; /* enum y_action, indexed by enum tvp_hm_kind */
    int *max_restarts;
    char *within;
};

struct y_guest {
    char *name;
    char *image;
    char *flash;
    char *flash_at;
    char *boot_flash;
    char *ram;
    char *ram_at;
    char *entry;
    struct y_region *regions;
    unsigned regions_count;
    struct y_device *devices;
    unsigned devices_count;
    char **interrupts;
    unsigned interrupts_count;
    int *dma_group;
    struct y_dma_zone *dma_zone;
    int *dma_channels; /* DMA channel numbers, with dma emulated */
    unsigned dma_channels_count;
    bool *fpu;
    bool *console;
    int on_fault; /* enum y_on_fault */
    struct y_health *health;
};

struct y_channel {
    char *name;
    int kind; /* enum y_chan_kind */
    char *from;
    char **to;
    unsigned to_count;
    char *msg_size;
    int *depth;
};

struct y_system {
    char *board;
    struct y_hypervisor *hypervisor;
    struct y_schedule *schedule;
    struct y_guest *guests;
    unsigned guests_count;
    struct y_channel *channels;
    unsigned channels_count;
};

/* Validates the current ytree document; problems go to diag. */
void schema_validate(void);
/* Loads buf with libcyaml; NULL (and a diag error) on failure. */
struct y_system *schema_load(const unsigned char *buf, size_t len);
void schema_free(struct y_system *sys);

#endif

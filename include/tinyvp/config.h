/*
 * tinyVP static configuration schema: the types of the tables that vpconf
 * generates (build/<cfg>/gen/tinyvp_config.c) and the hypervisor reads.
 *
 * Contract: vpconf has checked everything these tables say (no overlaps, no
 * device or interrupt owned twice, windows inside the frame, ...), so the
 * hypervisor never validates them at boot. All tables are const and live in
 * flash. The generated tinyvp_limits.h gives the CONFIG_* counts the
 * hypervisor sizes its own arrays with; the generated C file checks its
 * tables against them with _Static_assert.
 *
 * This header is freestanding (stdint only) and is included both by the
 * cross-compiled hypervisor and by host code (vpconf, tests), so it must not
 * depend on pointer size except through the pointer members themselves.
 * docs/config.md describes every table; the TLB tree layout below is also
 * described there, word by word, for the assembly refill handler.
 */
#ifndef TINYVP_CONFIG_H
#define TINYVP_CONFIG_H

#include <stdint.h>

/* ---- hard limits of the design (not configurable) ----------------------- */
#define TVP_MAX_GUESTS      7   /* shadow sets 1..7, GuestIDs 1..7 */
#define TVP_MAX_DMA_GROUPS  2   /* bus-protection permission groups 1, 2 */
#define TVP_TLB_ENTRIES     16  /* M5150 root TLB (Config1.MMUSize+1) */
#define TVP_NR_VECTORS      214 /* PIC32MZ EF interrupt vectors 0..213 */
/* Interrupt vectors one guest may own (its devices' and its console's):
 * the virtual interrupt controller keeps a guest's vectors in one 32-bit
 * word, 8 of them for the core's (timer, software, the console UART's). */
#define TVP_MAX_GUEST_IRQS  24
#define TVP_MAX_WINDOWS     64
#define TVP_MAX_CHANNELS    32
#define TVP_NAME_MAX        15  /* guest/channel/region names, chars */
/* Largest channel message: a channel hypercall copies at most this many
 * bytes, which bounds its cost (docs/hypervisor.md "Channels"). */
#define TVP_CHAN_MSG_MAX    256

#define TVP_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* The guest-physical page of the hypervisor's LL-bit detour stub: mapped
 * read/execute into every guest by a wired root TLB entry
 * (hv/arch/mips: ARCH_LL_STUB_GPA, checked equal), so no guest memory may
 * be there. A hole of the PIC32MZ map; vpconf's chip data reserves it. */
#define TVP_LL_STUB_GPA   0x1FBFE000u
#define TVP_LL_STUB_SIZE  0x1000u

/* Small IDs with an INVALID_ sentinel (STYLE.md). Guest 0 is the hypervisor. */
typedef uint8_t guest_id_t;
#define HV_GUEST_ID       ((guest_id_t)0)
#define INVALID_GUEST_ID  ((guest_id_t)0xff)
typedef uint16_t irq_t;
#define INVALID_IRQ       ((irq_t)0xffff)
typedef uint16_t device_id_t;
#define INVALID_DEVICE_ID ((device_id_t)0xffff)

/* How a guest may touch a device range. */
enum tvp_access {
    TVP_ACCESS_NONE = 0,          /* not the guest's: any access is a fault */
    TVP_ACCESS_EXCLUSIVE,         /* straight to hardware */
    TVP_ACCESS_EMULATED,          /* trapped, handled by an emulator */
    TVP_ACCESS_WRITE_IGNORE,      /* reads from hardware, writes dropped */
    TVP_ACCESS_WRITE_IGNORE_LOG,  /* as above, each dropped write logged */
};

/* Emulators the hypervisor has (hv/board/pic32mz). */
enum tvp_emulator {
    TVP_EMU_NONE = 0,
    TVP_EMU_EVIC,          /* interrupt controller, per-guest virtual copy */
    TVP_EMU_CONSOLE_UART,  /* the shared console UART, per-guest virtual */
    TVP_EMU_DMA,           /* DMA controller with address correction */
    TVP_EMU_USB,           /* USB controller: its DMA addresses corrected */
    TVP_EMU_COUNT,
};

enum tvp_on_fault {
    TVP_ON_FAULT_RESTART = 0,
    TVP_ON_FAULT_STOP,
    TVP_ON_FAULT_REFLECT,
    TVP_ON_FAULT_LOG,      /* counted and logged; the guest goes on (docs/config.md "health") */
};

/* The health monitor's error kinds (ARINC 653 Part 1, sec. 2.4 "Health
 * monitoring": an error, its level, the action the configuration names).
 * Each guest has an action (enum tvp_on_fault) per kind: `health:` of its
 * configuration, `on_fault` for the kinds it does not name. */
enum tvp_hm_kind {
    TVP_HM_MEMORY = 0,     /* an access or fetch outside its map, a device access refused */
    TVP_HM_ILLEGAL,        /* a reserved, privileged (VZ, CP0) or unknown instruction */
    TVP_HM_FPU,            /* FPU use without `fpu: true` */
    TVP_HM_BUS,            /* a bus error on its own access */
    TVP_HM_WATCHDOG,       /* its own watchdog ran out (in its windows) */
    TVP_HM_DMA,            /* its DMA refused by the DMA emulator or blocked by the bus protection */
    TVP_HM_DEBUG,          /* SDBBP */
    TVP_HM_KINDS,
};

/* A guest restart budget: at most max_restarts restarts in any span of
 * within_ms; the restart past it stops the guest. within_ms 0: none. */
#define TVP_HM_MAX_RESTARTS 32u

/* Memory region kinds, in a guest's guest-physical map. */
enum tvp_mem_kind {
    TVP_MEM_RAM = 0,   /* guest RAM, from guest-physical 0 */
    TVP_MEM_FLASH,     /* guest program flash, from 0x1D000000 */
    TVP_MEM_BOOT,      /* guest view of boot flash, from 0x1FC00000 */
    TVP_MEM_EXTRA,     /* an extra region from the config */
    TVP_MEM_SFR,       /* a whole-page device range mapped through */
};

#define TVP_PERM_R 1u
#define TVP_PERM_W 2u
#define TVP_PERM_X 4u

/* Cache attribute = EntryLo.C values used here (PIC32MZ / M5150). */
#define TVP_CACHE_WT        1u  /* write-through, write-allocate */
#define TVP_CACHE_UNCACHED  2u
#define TVP_CACHE_WB        3u  /* cacheable write-back, write-allocate */

/* A guest memory region: guest-physical [gpa, gpa+size) is real
 * [rpa, rpa+size). 4 KB aligned, sorted by gpa, disjoint. */
struct tvp_mem_region {
    uint32_t gpa;
    uint32_t rpa;
    uint32_t size;
    uint8_t kind;   /* enum tvp_mem_kind */
    uint8_t perm;   /* TVP_PERM_* */
    uint8_t cache;  /* TVP_CACHE_* */
    uint8_t dma;    /* 1: inside the guest's DMA zone (gpa == rpa) */
};

/*
 * A device range of a guest that the refill tree does NOT map directly:
 * emulated ranges, write-ignore ranges and every range that shares its 4 KB
 * page with registers the guest must not reach (sub-page protection).
 * An access to such a page misses in the TLB; the access emulator then
 * looks the address up here (sorted by base, disjoint, binary-searchable)
 * and performs, drops, logs or emulates it per `access`. A miss here is a
 * guest fault. Addresses are physical (= guest-physical for SFRs).
 */
struct tvp_dev_range {
    uint32_t base;
    uint32_t size;
    uint8_t access;    /* enum tvp_access */
    uint8_t emulator;  /* enum tvp_emulator, for TVP_ACCESS_EMULATED */
    device_id_t device;  /* index into tvp_device_names */
};

/*
 * Per-guest TLB refill tree (a uint32_t array; full description with the
 * walk loop in docs/config.md "TLB refill tree"):
 *   word 0..3   root node: window 2^33 (the whole 32-bit space), shift 31
 *   node        4 refs; child i covers bits [shift+1:shift] == i of the GPA;
 *               the child window is a quarter of the node window
 *   ref         0: nothing mapped there (slow path: device list / fault)
 *               ref & 1: leaf at byte offset (ref - 1) from the tree start
 *               otherwise: node at byte offset ref from the tree start
 *   leaf        { EntryLo0, EntryLo1, PageMask, 0 }; the entry covers the
 *               whole window of the ref that points to it; a half with
 *               EntryLo.V = 0 maps nothing. EntryHi.VPN2 =
 *               GPA & ~(PageMask | 0x1fff); GuestCtl1.RID = guest id.
 * Nodes are 16-byte aligned (the array is); refs are multiples of 4 (+1).
 */
#define TVP_TREE_ROOT_SHIFT  31
#define TVP_TREE_REF_LEAF    1u
#define TVP_TREE_NODE_WORDS  4
#define TVP_TREE_LEAF_WORDS  4

/* A PPS register a guest's `pins:` assign (docs/config.md "pins"): the
 * hypervisor writes `value` at boot; the guest's own writes of that
 * register are accepted when they store the same value, every other PPS
 * write of the guest is refused and logged. off is from the PPS block
 * (0x1F801400); sorted by off. */
struct tvp_pin {
    uint16_t off;
    uint8_t value;
    uint8_t pad;
};

#define TVP_GUEST_FPU      0x01u
#define TVP_GUEST_CONSOLE  0x02u

struct tvp_guest {
    const char *name;
    guest_id_t id;         /* 1..7 = GuestID = shadow set */
    uint8_t on_fault;      /* enum tvp_on_fault */
    uint8_t dma_group;     /* 0 none, else 1..TVP_MAX_DMA_GROUPS */
    uint8_t flags;         /* TVP_GUEST_* */
    uint32_t entry;        /* first guest PC (guest virtual, kseg0/1) */
    uint32_t dma_zone_base, dma_zone_size;  /* gpa == rpa; 0 size: none */
    uint8_t dma_channels;  /* bit n: DMA channel n is the guest's, through the
                              DMA emulator (chip numbering); 0: none */
    const uint32_t *tlb_tree;        /* see above */
    uint16_t tlb_tree_words;
    uint16_t tlb_min_entries;        /* entries to map all of it at once */
    const struct tvp_mem_region *regions;
    uint16_t nr_regions;
    uint16_t nr_devs;
    const struct tvp_dev_range *devs;
    const irq_t *irqs;               /* vectors routed to it, ascending */
    uint16_t nr_irqs;
    uint16_t nr_pins;                /* 0: its PPS writes are dropped as before */
    const struct tvp_pin *pins;
    uint8_t health[TVP_HM_KINDS];    /* enum tvp_on_fault per enum tvp_hm_kind */
    uint8_t max_restarts;            /* the restart budget (within_ms 0: none) */
    uint32_t within_ms;
    uint16_t nr_reset_writes;        /* its exclusive devices back to their reset values */
    const struct tvp_setup_write *reset_writes; /* (kseg1 stores, in order) on its restart */
};

/* A schedule window: the guest owns the CPU from start for duration, in
 * core-timer ticks (Count runs at SYSCLK/2) and in microseconds. Sorted by
 * start, disjoint, inside the major frame. Gaps are hypervisor idle time. */
struct tvp_window {
    uint32_t start_ticks, duration_ticks;
    uint32_t start_us, duration_us;
    guest_id_t guest;
};

enum tvp_channel_kind { TVP_CHAN_SAMPLING = 0, TVP_CHAN_QUEUING };

/* An inter-partition port. Storage is hypervisor RAM: the hypervisor owns
 * one pool of CONFIG_CHANNEL_POOL_BYTES; this channel uses
 * [pool_offset, pool_offset + depth * (msg_size + 4)) (4 = length word). */
struct tvp_channel {
    const char *name;
    uint8_t kind;        /* enum tvp_channel_kind */
    guest_id_t source;
    uint8_t dest_mask;   /* bit n: guest n may read */
    uint8_t pad;
    uint16_t msg_size, depth;
    uint32_t pool_offset;
};

/* Board setup: 32-bit stores the hypervisor does once at boot, in order,
 * before any guest runs (PMD, PPS for the console, bus protection, CFGPG).
 * Addresses are kseg1. Unlock sequences (SYSKEY) are done by the code. */
struct tvp_setup_write {
    uint32_t addr;
    uint32_t value;
};

/* The generated tables (tinyvp_config.c). Counts are CONFIG_* constants
 * from the generated tinyvp_limits.h. */
extern const struct tvp_guest tvp_guests[];
extern const struct tvp_window tvp_windows[];
extern const struct tvp_channel tvp_channels[];
extern const struct tvp_setup_write tvp_setup_writes[];
extern const guest_id_t tvp_irq_owner[TVP_NR_VECTORS]; /* 0 = hypervisor */
extern const char *const tvp_device_names[];
/* Names of the PPS input-select registers by (offset from the PPS block) / 4,
 * NULL where none; for the hypervisor's refusal messages. */
extern const char *const tvp_pps_in_names[]; /* CONFIG_PPS_IN_REGS entries */

#endif /* TINYVP_CONFIG_H */

/*
 * vpsim: the M5150 core (MIPS32 release 5, root mode, FPU; VZ in cpu_vz.c).
 *
 * Contract with the rest of the simulator:
 *  - memory and devices are reached only through struct bus (bus.h);
 *  - interrupts come from an external interrupt controller (EIC) through
 *    cpu_set_eic(); the core's own interrupt sources (Count/Compare timer,
 *    software interrupts Cause.IP1:0) are reported through irq_lines();
 *  - time is the cycle counter c->cycles (one SYSCLK cycle each). A device
 *    model asks for a callback at a future cycle with cpu_set_deadline();
 *    cpu_run() returns to the caller (or calls hooks.event) when it is due.
 */
#ifndef SIM_CPU_CPU_H
#define SIM_CPU_CPU_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"

#define CPU_NSETS   8  /* shadow register sets (SRSCtl.HSS = 7) */
#define CPU_NTLB    16 /* root TLB entries */

struct tlb_entry {
    uint32_t mask;    /* PageMask (bits 28:13) */
    uint32_t hi;      /* EntryHi: VPN2 | ASID (EHINV unused: no TLBINV) */
    uint32_t lo[2];   /* EntryLo0 / EntryLo1 as written (G kept in both) */
    uint8_t guestid;  /* VZ: GuestID the entry belongs to (0 = root) */
};

/* A CP0 register file. The root context and (with VZ) the guest context
 * use the same layout. Fields hold architectural values; writable masks
 * and side effects live in cp0.c. */
struct cp0 {
    uint32_t index, random_unused, entrylo0, entrylo1, context, userlocal;
    uint32_t pagemask, pagegrain, wired, hwrena;
    uint32_t badvaddr, badinstr, badinstrp;
    uint32_t count_unused; /* Count is derived from cycles; see cpu_count() */
    uint32_t entryhi, compare;
    uint32_t status, intctl, srsctl, srsmap, srsmap2;
    uint32_t cause, epc, nestedexc, nestedepc;
    uint32_t prid, ebase, cdmmbase;
    uint32_t config[8];
    uint32_t lladdr;
    uint32_t watchlo[4], watchhi[4];
    uint32_t debug, depc, desave;
    uint32_t perfctl[2], perfcnt[2];
    uint32_t errctl, cacheerr, taglo, datalo;
    uint32_t errorepc;
    uint32_t kscratch[2];
    /* VZ root-only registers */
    uint32_t guestctl0, guestctl0ext, guestctl1, guestctl2, guestctl3;
    uint32_t gtoffset;
};

struct fpu {
    uint64_t fpr[32]; /* 64-bit registers; FR=0 pairs documented in fpu.c */
    uint32_t fcsr;    /* FCSR (31); FCCR/FEXR/FENR are views of it */
    uint32_t fir;     /* FIR (0), read-only */
};

enum cpu_stop {
    CPU_RUNNING = 0,
    CPU_STOP_EXIT,     /* UHI exit: exit_code valid */
    CPU_STOP_LIMIT,    /* cycle or instruction limit reached */
    CPU_STOP_DEADLOCK, /* WAIT with nothing that could ever wake it */
    CPU_STOP_BREAK,    /* breakpoint / debugger / external request */
    CPU_STOP_RESET,    /* a device asked for a chip reset */
};

/* Exception statistics, one counter per ExcCode, plus refill separately. */
struct cpu_stats {
    uint64_t exc[32];        /* root exceptions by ExcCode */
    uint64_t tlb_refill;     /* of which root TLB refills */
    uint64_t interrupts;     /* root interrupts taken */
    uint64_t guest_exits[32];/* GE exits by GExcCode, and GPA/GVA faults */
    uint64_t guest_exc[32];  /* exceptions taken inside the guest */
    uint64_t guest_interrupts;
    uint64_t guest_insns;    /* instructions retired in guest mode */
    uint64_t debug_exc[2];   /* debug exceptions (SDBBP) from root [0], guest mode [1] */
};

#define CPU_GMAP_TRACK 512 /* guest fast-map pages remembered for flushing */
#define CPU_MAX_GUARDS 8 /* --guard ranges */

/* A decoded microMIPS instruction (sim/cpu/mm_decode.c): an equivalent
 * MIPS32 word, or (kind != 0) an operation only microMIPS has. */
struct mm_insn {
    uint32_t raw;   /* halfwords as BadInstr holds them (16-bit: bits 15:0) */
    uint32_t mips;  /* the equivalent MIPS32 word (or MM_OPCODE << 26) */
    int32_t imm;    /* branch offset, address offset, immediate */
    uint8_t size;   /* 2 or 4 bytes */
    uint8_t kind;   /* enum mm_kind (cpu_int.h) */
    uint8_t a, b, c;/* registers (per kind) */
    uint8_t link;   /* link register (0: none) */
    uint8_t slot;   /* delay-slot size the link skips (0: compact, no slot) */
};

struct cpu;

struct cpu_hooks {
    void *ctx;
    /* The deadline set with cpu_set_deadline() has been reached. */
    void (*event)(void *ctx, struct cpu *c);
    /* The core's interrupt outputs changed: bit 0 timer (Cause.TI),
     * bit 1 software 0 (Cause.IP0), bit 2 software 1 (Cause.IP1). */
    void (*irq_lines)(void *ctx, unsigned lines);
    /* The core took the interrupt the EIC presented (acknowledge). */
    void (*eic_ack)(void *ctx, unsigned ripl);
    /* UHI semihosting output (fd 1 or 2). NULL: write to stdout/stderr. */
    void (*uhi_write)(void *ctx, int fd, const void *buf, unsigned len);
    /* Optional: called at each instruction boundary before the fetch of the
     * instruction at c->pc; returning true stops the run there
     * (c->stop = CPU_STOP_BREAK) with nothing charged (debugger stops). */
    bool (*pre_exec)(void *ctx, struct cpu *c);
    /* Optional trace of every retired instruction (NULL = off; slow path). */
    void (*trace)(void *ctx, struct cpu *c, uint32_t pc, uint32_t insn);
    /* Optional hook on every exception entry (for statistics/benchmarks);
     * exccode CPU_EXC_DEBUG: an EJTAG debug exception (it has no ExcCode). */
    void (*exception)(void *ctx, struct cpu *c, unsigned exccode, uint32_t epc);
};

#define CPU_EXC_DEBUG 32u /* hooks.exception: the debug exception (Debug Mode entry) */

struct cpu {
    /* --- hot state --- */
    uint32_t *r;           /* current shadow set: sets[SRSCtl.CSS] */
    uint32_t pc;
    uint32_t ds_target;    /* next PC once the delay-slot insn retires */
    bool in_ds;            /* the next instruction to run is a delay slot */
    bool cur_ds;           /* the instruction executing now is in a delay slot */
    bool skip_ds;          /* branch-likely not taken: annul the slot */
    uint32_t hi, lo;
    uint64_t cycles;       /* simulated SYSCLK cycles since reset */
    uint64_t insns;        /* retired instructions */
    uint64_t deadline;     /* min(device deadline, timer, limit) */
    uint64_t dev_deadline;
    uint64_t limit_cycles; /* stop when reached (UINT64_MAX = none) */
    bool check_irq;        /* re-evaluate interrupts at the next boundary */
    enum cpu_stop stop;
    int exit_code;

    /* cycle model state */
    uint8_t load_dest;     /* GPR loaded by the previous insn (0 = none) */
    uint64_t hilo_ready;   /* cycle at which HI/LO results are available */

    /* --- architectural state --- */
    uint32_t sets[CPU_NSETS][32];
    struct cp0 cp0;
    struct tlb_entry tlb[CPU_NTLB];
    struct fpu fpu;
    bool llbit;
    uint32_t count_base;   /* Count value at cycle count_epoch */
    uint64_t count_epoch;
    uint64_t timer_due;    /* cycle at which Count reaches Compare */
    unsigned irq_out;      /* last value reported through irq_lines */

    /* --- VZ module --- */
    bool gm;               /* guest mode (GuestCtl0.GM && !EXL && !ERL && !DM) */
    bool exc_gm;           /* the exception being entered was taken in guest mode
                            * (for the exception hook: it may come before any
                            * guest instruction retired, e.g. the refill of the
                            * first fetch after ERET) */
    struct cp0 gcp0;       /* the guest CP0 context */
    struct tlb_entry gtlb[CPU_NTLB]; /* the guest TLB (docs: a separate array) */
    bool gllbit;
    uint64_t gtimer_due;   /* cycle at which guest Count reaches guest Compare */
    uint32_t prev_insn;    /* last retired instruction word (BadInstrP) */
    uint32_t cur_insn;     /* the instruction executing (BadInstr) */
    bool fetch_fault;      /* the exception is on the fetch: no BadInstr */
    /* guest fast map: guest kseg0/kseg1 page → host page, for the current
     * GuestCtl1.ID, filled on demand from successful two-stage lookups */
    uint8_t **gmap_r, **gmap_w;
    uint32_t gmap_pages[CPU_GMAP_TRACK];
    unsigned gmap_n;
    /* root kernel fast map: TLB-mapped pages (kuseg, kseg2/3) filled on
     * demand like the guest map, dropped on TLB writes, ASID changes and
     * ERL changes */
    uint32_t kmap_pages[CPU_GMAP_TRACK];
    unsigned kmap_n;
    uint32_t map_erl;      /* root and guest Status.ERL the maps were filled with */

    /* EIC inputs */
    unsigned eic_ripl;
    uint32_t eic_voff;
    unsigned eic_ss;

    /* WAIT: the core is idle until an interrupt is taken */
    bool waiting;

    /* --- environment --- */
    struct bus *bus;
    struct cpu_hooks hooks;
    struct cpu_stats stats;

    /* fast data/fetch map of the current mode: host pointers per 4 KB
     * page (index va >> 12; a software TLB, docs/simulator.md); NULL =
     * slow path */
    uint8_t **fast_r;
    uint8_t **fast_w;
    uint8_t **kmap_r, **kmap_w; /* kernel-mode maps (user mode: umap below) */
    /* write maps of the pages kept out of kmap_w/gmap_w because they hold
     * decoded code (fast.c): the fast loop stores there itself when the
     * chunk it hits holds none; fast_wc is the one of the current mode */
    uint8_t **kmap_wc, **gmap_wc, **fast_wc;
    uint32_t map_epoch;    /* bumped when fast_r or an entry of a read map changes */
    /* user-mode fast maps, root [0] and guest [1]: TLB-mapped kuseg pages
     * filled on demand, dropped with the others */
    struct cpu_umap {
        uint8_t **r, **w, **wc;
        uint32_t pages[CPU_GMAP_TRACK];
        unsigned n;
    } umap[2];
    unsigned bus_gen;

    /* --guard: physical ranges no guest-mode store may reach (a check of
     * the hypervisor from outside it). A store the guest makes (after both
     * translation stages) into a guarded range is counted, the first one
     * remembered; guarded pages never enter the guest fast map for writes,
     * so every such store takes the checked slow path. */
    struct cpu_guard {
        uint32_t lo, hi;       /* physical, inclusive */
        int gid;               /* only stores by this GuestID; -1: any guest */
        uint64_t hits;
        uint64_t first_cycle;
        uint32_t first_pc, first_pa;
        unsigned first_gid;
    } guard[CPU_MAX_GUARDS];
    unsigned nguards;

    /* --- microMIPS (sim/cpu/micromips.c) --- */
    uint8_t ds_back;       /* size of the branch before the delay slot */
    bool ds_seq;           /* branch not taken: go on after the slot */
    uint8_t cur_isz;       /* size of the instruction executing (2 or 4; trace) */
    struct mm_insn mm;     /* the instruction executing, decoded */
    /* the fast loop (fast.c): decoded blocks; exact = only the exact
     * per-instruction interpreter (--exact) */
    struct fast *fast;
    bool exact;
};

/* Implementation-specific values the model exposes (docs/simulator.md). */
struct cpu_config {
    uint32_t prid;    /* default 0x0001A700 */
};

void cpu_init(struct cpu *c, struct bus *bus, const struct cpu_config *cfg);
void cpu_free(struct cpu *c);
/* Cold reset: CP0 to its reset state, PC to the reset vector 0xBFC00000. */
void cpu_reset(struct cpu *c);
/* Runs until c->stop becomes non-zero. */
void cpu_run(struct cpu *c);

/* The bus region table changed (a region added, or wrapped by a filter
 * such as bus protection): rebuild the fast maps. */
void cpu_bus_changed(struct cpu *c);
/* Stop the run (CPU_STOP_LIMIT) at this cycle (UINT64_MAX = never). */
void cpu_set_limit(struct cpu *c, uint64_t cycles);
/* Devices: request hooks.event at cycle `when` (UINT64_MAX = none). */
void cpu_set_deadline(struct cpu *c, uint64_t when);
/* EIC outputs: requested level (0 = none), vector offset, shadow set. */
void cpu_set_eic(struct cpu *c, unsigned ripl, uint32_t voff, unsigned ss);

/* Current Count value (Count runs at half the CPU clock). */
uint32_t cpu_count(const struct cpu *c);

/* Raise an exception with the given ExcCode for the instruction at c->pc
 * (Cause.BD/EPC from c->in_ds). badvaddr is written when has_badvaddr.
 * After it returns, the caller must not retire the instruction. */
void cpu_exception(struct cpu *c, unsigned exccode, bool has_badvaddr, uint32_t badvaddr);
/* Coprocessor unusable for unit `ce`. */
void cpu_exception_cpu(struct cpu *c, unsigned ce);

/* Branch helper for instructions outside the core (BC1T/BC1F): the next
 * instruction is a delay slot, then control goes to target if taken.
 * A not-taken branch-likely annuls its delay slot. */
void cpu_branch(struct cpu *c, bool taken, uint32_t target, bool likely);

/* Virtual-memory accesses by the core and helpers. Return false when an
 * exception was raised (TLB, address error, bus error). */
bool cpu_load(struct cpu *c, uint32_t va, unsigned size, uint32_t *val);
bool cpu_store(struct cpu *c, uint32_t va, unsigned size, uint32_t val);

/* Virtual → physical in the current context with no side effects (no
 * exception); false if unmapped. For debuggers and semihosting. */
bool cpu_debug_translate(const struct cpu *c, uint32_t va, uint32_t *pa);

/* CP0 access (cp0.c). */
uint32_t cp0_read(struct cpu *c, unsigned reg, unsigned sel);
void cp0_write(struct cpu *c, unsigned reg, unsigned sel, uint32_t val);
/* Recompute interrupt request state after Status/Cause/EIC changes. */
void cpu_update_irq(struct cpu *c);

/* FPU (fpu.c). Each returns true if it raised an exception (the caller
 * then does not retire the instruction). CU1 was already checked. */
void fpu_reset(struct cpu *c);
bool fpu_exec_cop1(struct cpu *c, uint32_t insn);  /* opcode 0x11 */
/* insn (a COP1 or COP1X word) if it is the common ADD.D/SUB.D/MUL.D that
 * raises no exception, with fpu_exec_cop1's exact effect: the cycles it
 * adds, or -1 (nothing done). */
int fpu_quick(struct cpu *c, uint32_t insn);
/* the same for ADD.D (func 0), SUB.D (1), MUL.D (2) fd, fs, ft decoded */
int fpu_quick_d(struct cpu *c, unsigned func, unsigned fs, unsigned ft, unsigned fd);
bool fpu_exec_cop1x(struct cpu *c, uint32_t insn); /* opcode 0x13 */
/* Register views honouring Status.FR (used by LWC1/SWC1/LDC1/SDC1,
 * MFC1/MTC1 and the gdb stub). */
uint32_t fpu_get_w(const struct cpu *c, unsigned fs);
void fpu_set_w(struct cpu *c, unsigned fd, uint32_t v);
uint64_t fpu_get_d(const struct cpu *c, unsigned fs);
void fpu_set_d(struct cpu *c, unsigned fd, uint64_t v);
/* True if the register number is valid as a 64-bit operand in the
 * current mode (FR=0 requires an even number). */
bool fpu_d_ok(const struct cpu *c, unsigned r);

#endif /* SIM_CPU_CPU_H */

/*
 * tinyVP core: the partitions (vcpus), the exit being handled, and the
 * functions of hv/core. The core knows no register address (hv/board) and
 * no instruction of the CPU beyond what insn.c and insn_mm.c decode.
 */
#ifndef HV_CORE_HV_H
#define HV_CORE_HV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tinyvp/config.h>
#include <tinyvp/hypercall.h>

#include "tinyvp_limits.h"
#include "../arch/mips/arch.h"
#include "../board/board.h"
#include "tlib.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* A function run once or rarely (start-up, the panic), never on an exit's
 * path, kept a function of its own (not inlined into hv_main by LTO) so
 * that tinyvp.ld can place it in a gap of boot flash ("boot flash gaps"). */
#define HV_BOOT_GAP __attribute__((noinline))
/* A rarely run function whose switch costs less flash as compares than
 * as a jump table (a table in .rodata: 4 bytes a case, plus its address
 * load); the exits' own dispatch keeps its tables. */
#ifndef HV_NO_JUMP_TABLES
#define HV_NO_JUMP_TABLES __attribute__((optimize("no-jump-tables")))
#endif

/* The root console: hv_printf (tlib_vformat; "\n" goes out as "\r\n");
 * hv_log("...") prints "tinyVP: ..." (every log line starts so). */
void hv_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void hv_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The release, from the top-level VERSION file (the Makefile passes it). */
#ifndef TINYVP_VERSION
#define TINYVP_VERSION "?"
#endif
#define TINYVP_VERSION_STR TINYVP_VERSION

enum vcpu_state {
    VCPU_RUNNABLE = 0,
    VCPU_WAITING,      /* in WAIT until one of its interrupts is pending */
    VCPU_STOPPED,      /* by the health monitor (on_fault: stop) */
};

/* Health-monitor fault kinds (health.c names them in the log). */
enum hm_fault {
    HM_MEM = 0,   /* data access outside the guest's map */
    HM_FETCH,     /* instruction fetch outside the guest's map */
    HM_DEV,       /* an access the device (emulator) refuses */
    HM_INSN,      /* reserved/unimplemented instruction (GRR) */
    HM_PRIV,      /* privileged instruction tinyVP does not emulate */
    HM_BUS,       /* bus error on the guest's own access */
    HM_FPU,       /* FPU use by a guest without `fpu: true` */
    HM_EXC,       /* any other exception taken in root */
    HM_DEBUG,     /* SDBBP (the guest has no debug mode) */
    HM_SBP,       /* its DMA blocked by the bus protection (vector 106) */
    HM_DMA,       /* a DMA transfer the DMA emulator refuses (from HM_DEV: hv_fault_dma) */
    HM_WDT,       /* its watchdog ran out (wdt.c) */
    HM_NR
};

/* Exit kinds the shell's `stats` counts per guest (trap_entry, after
 * each exit that went through C). */
enum exit_kind {
    EXK_OTHER = 0, /* bus errors and any other exception */
    EXK_INT,       /* a root interrupt while the guest ran */
    EXK_GPSI,      /* VZ: privileged sensitive instruction (GExcCode 0) */
    EXK_GSFC,      /* VZ: guest software field change (1) */
    EXK_HC,        /* VZ: hypercall (2) */
    EXK_GE,        /* VZ: any other guest exit (GRR, GHFC, ...) */
    EXK_GPA,       /* root TLB: a guest-physical access (emulation, refill slow path) */
    EXK_CPU,       /* root CpU: the lazy FPU */
    EXK_NR
};

/* vcpu.reset_req: a reset due at the end of the current exit */
enum { RESET_REQ_SW = 1, RESET_REQ_WDT = 2 };

struct vcpu {
    const struct tvp_guest *cfg;
    uint8_t state;           /* enum vcpu_state */
    uint8_t id;              /* = cfg->id: GuestID and shadow set */
    uint8_t vt_armed;        /* its virtual core timer is set */
    uint32_t vt_rest;        /* ticks from its timer slot's deadline on to the match (time.c) */
    uint8_t yielded;         /* gave up the rest of its window */
    uint8_t tlb_user;        /* uses its guest TLB: entries kept across switches */
    uint16_t restarts;
    uint32_t pc;             /* guest PC to resume at */
    uint32_t gctl0;          /* its GuestCtl0 (AT: root-controlled until it uses its TLB) */
    uint32_t offer;          /* the GuestCtl2 it was offered when switched out (the swap reloads it) */
    uint8_t reset_req;       /* RESET_REQ_*: due at the end of this exit */
    uint8_t gctl0ext;        /* its GuestCtl0Ext: MG | OG until it touches those registers (vcpu_cp0_claim) */
    struct arch_gctx gctx;   /* guest CP0 while not loaded */
    struct arch_tlbe tlb[TVP_TLB_ENTRIES]; /* its guest TLB while not loaded (tlb_user) */
    struct {
        uint32_t exits, hcalls, emul, faults, switches;
#if CONFIG_SHELL
        uint32_t kind[EXK_NR];   /* exits by enum exit_kind */
#endif
    } st;
};
/* A count only the shell shows (st: all but faults, which the health
 * monitor's log limit reads): kept only in a system with the shell. */
#define HV_STAT(x) ((void)(CONFIG_SHELL && ++(x)))


/* The exit being handled: root CP0 as it was at entry. */
struct exit_info {
    uint32_t cause, epc, badvaddr, badinstr, badinstrp, gctl0;
    /* EPC bit 0 set (microMIPS): the exiting instruction's length, 2 or 4,
     * set by whoever decodes it (vz_exit, emul); badinstr is then the
     * MIPS32 equivalent for the VZ exits (insn_mm_to_mips32) */
    uint8_t ilen;
};

extern struct vcpu vcpus[CONFIG_NR_GUESTS];
extern struct vcpu *cur;         /* the guest the last ERET entered; NULL: idle */
extern struct exit_info ex;

static inline unsigned idx_of(const struct vcpu *v)
{
    return (unsigned)(v - vcpus);
}

static inline struct vcpu *vcpu_of(guest_id_t g)
{
    return &vcpus[g - 1]; /* vpconf numbers the guests 1.. in table order */
}

/* trap.c */
void trap_entry(unsigned from_refill) __attribute__((noreturn));
void trap_nested(void) __attribute__((noreturn));
void exit_advance(void);         /* cur->pc past the instruction of `ex` */
uint32_t exit_next_pc(void);
void guest_raise(unsigned exccode, bool has_badvaddr, uint32_t badvaddr);

/* vcpu.c: partitions, the context switch, the lazy FPU */
void vcpu_init_all(void);
void vcpu_reset(struct vcpu *v);
void vcpu_stop(struct vcpu *v);
bool vcpu_load(struct vcpu *v);  /* v's guest context into the hardware */
bool vcpu_loaded(const struct vcpu *v); /* the hardware holds v's guest CP0 now */
void vcpu_tlb_claim(struct vcpu *v); /* v uses its guest TLB from now on */
void vcpu_cp0_claim(struct vcpu *v); /* v (loaded) touched its MMU/other CP0 registers: switched with it from now on */
extern uint8_t vcpu_gctl0ext_traps;   /* GuestCtl0Ext.MG | OG if the core has them, else 0 (vz_init) */
bool virq_any_pending(struct vcpu *v); /* an interrupt pending (the offer left to virq_update) */
void virq_kick(struct vcpu *v);  /* v's virtual controller changed */
void virq_soft(struct vcpu *v, uint32_t ip); /* its Cause.IP1:0 changed from arch_soft_ip */
void virq_soft_mode(struct vcpu *v, bool running); /* GuestCtl0 MC/CP0 (sched.c) */
/* the running guest's Cause.IP1:0 against the last sample (a few cycles) */
static inline __attribute__((always_inline)) void virq_soft_check(struct vcpu *v)
{
    uint32_t ip = read_gc0_cause() & (CAUSEF_IP0 | CAUSEF_IP1);
    if (ip != arch_soft_ip[v->id & 7])
        virq_soft(v, ip);
}
bool fpu_take(struct vcpu *v);   /* root CpU: give v the FPU */
void fpu_sync_fr(void);          /* root Status.FR follows the guest's */
void fpu_save_cur(struct fpu_ctx **ctx); /* the guest's FPU image, saved */
void fpu_restore_cur(void);

/* insn.c, insn_mm.c: instruction decoding (MIPS32, microMIPS32) */
#include "insn.h"

/* emul.c */
void emul_gpa_fault(bool from_refill);

/* gpsi.c (VZ exits) and hcall.c */
void vz_exit(void);
void hcall(void);
/* A hypercall service: the guest's a0..a2 and the service's number; v0 =
 * the low word of the result, v1 the high word (hcall.c, hv_hc_table) */
typedef uint64_t (*hc_fn)(uint32_t a0, uint32_t a1, uint32_t a2, unsigned code);
extern const hc_fn hv_hc_table[TVP_HC_COUNT];
void hc_thin_resume(uint32_t next); /* entry.S: the thin exit's end through C */
/* chan.c: TVP_HC_SAMPLING_WRITE..TVP_HC_PORT_STATUS; time.c: TVP_HC_TIME */
uint64_t chan_hcall(uint32_t port, uint32_t va, uint32_t len, unsigned code);
uint64_t hc_time(uint32_t a0, uint32_t a1, uint32_t a2, unsigned code);

/* sched.c: the cyclic schedule (ARINC-653 windows) */
void sched_init(void);
void sched_boundary(void);       /* the scheduler's event (sched_state.event): a window starts or ends */
/* The scheduler's state the swap shares (swap.h has the offsets). */
struct sched_win;
struct sched_sw {
    uint32_t event;                /* Count of the next scheduler event */
    const struct sched_win *plan;  /* the window it starts by the swap, or 0 */
    uint32_t plan_start, plan_fstart, plan_finc; /* its start, its frame's, a new frame */
    uint32_t win, active;          /* the current (or next) window; inside it */
    struct vcpu *owner;            /* its guest while active */
    uint32_t boundary;             /* Count of the next boundary */
    uint32_t start_at;             /* the open window's start */
    uint32_t frame_start;          /* Count at the current major frame's start */
    uint32_t ack_reg, ack_bit;     /* the core timer's flag: CLR register, bit */
    uint64_t frames;               /* major frames completed (64 bits: a 1 ms frame would wrap 32 in 50 days) */
};
extern struct sched_sw sched_state;
void arch_swap(void);            /* swap.S: returns only when C must switch */
void swap_vector(void);          /* swap.S: the core timer's interrupt entry */
extern struct vcpu *hw_vcpu;     /* whose guest context the hardware holds (vcpu.c) */
extern struct vcpu *tlb_holder;  /* whose entries the guest TLB holds */
extern struct vcpu *fpu_owner;
extern uint8_t wdt_on_bits;      /* bit idx_of(v): v's watchdog is on (wdt.c) */
void vcpu_tlb_switch(struct vcpu *v); /* the guest TLB for v (vcpu_load's part) */
void sched_hold_for_start(void); /* a root interrupt pending at a window's start: held until just after it */
void sched_swap_wdt(struct vcpu *out, struct vcpu *in, uint32_t when);
void sched_swap_virq(struct vcpu *in);
void sched_tlb_claimed(void);    /* the running guest now uses its TLB: its window's switch begins earlier */
bool sched_window_open(const struct vcpu *v); /* v's window is open now */
void wdt_window(struct vcpu *v, bool open, uint32_t now); /* wdt.c */
void wdt_expired(struct vcpu *v);                        /* EV_WDT */
void wdt_early_clear(struct vcpu *v);                    /* reset_req */
void tpc_expired(struct vcpu *v);                        /* EV_TPC */
void sched_yield(void);          /* cur gives up the rest of its window */
bool sched_defer(uint32_t cost); /* an exit of `cost` ticks would overrun the window: not begun */
bool sched_hold_irq(uint32_t cost); /* an interrupt too close to the switch: held until after it */
/* Bounds of the hypervisor's work per exit, in Count ticks (2 CPU cycles
 * each), with margin over the worst measured over the hostile cases
 * (tests/bounded: each exit's root time from vpsim's events;
 * docs/hypervisor.md "Bounded exits" lists them): an ordinary exit
 * (EXIT_BOUND_TICKS, from trap_entry to the ERET; the console-write
 * hypercall is the longest), a guest fault (FAULT_BOUND_TICKS, from
 * health_fault: its log lines, a restart; the DMA emulator's refusal
 * line comes first) and an interrupt's handler
 * (IRQ_BOUND_TICKS; a console kick is the longest). */
#define EXIT_BOUND_TICKS   1200u
#define FAULT_BOUND_TICKS  12000u
#define IRQ_BOUND_TICKS    1200u
void sched_resume(void);         /* CP0 set for the ERET to `cur` or idle */
unsigned sched_window(bool *open, uint64_t *frames); /* the current (or next) window */

/* time.c: the clock and its one event queue (a slot per kind and guest) */
#define EV_VTIMER(i)  (i)                            /* i = idx_of(vcpu) */
#define EV_UART(i)    (CONFIG_NR_GUESTS + (i))
#define EV_WDT(i)     (2u * CONFIG_NR_GUESTS + (i)) /* its watchdog (wdt.c) */
#define EV_TPC(i)     (3u * CONFIG_NR_GUESTS + (i)) /* its interrupt proximity timer */
uint64_t hv_time(void);          /* core-timer ticks since boot (64 bits: never wraps) */
void time_init(void);
void ev_set(unsigned slot, uint32_t when); /* at a Count less than 2^31 ticks from now */
void ev_cancel(unsigned slot);
void time_irq(void);             /* the core-timer interrupt: due events */
void time_program(void);         /* Compare: the earlier of the scheduler's event and the queue's head */
extern uint32_t hv_time_last, hv_time_high; /* hv_time's Count and wraps (the swap keeps them too) */
extern uint32_t evq_head_when;
extern uint8_t evq_len;          /* the timer queue's armed events (0: none) */
/* Something is due: Compare (the earlier of the scheduler's event and
 * the queue's head, or a little later: swap.S) reached (before an ERET). */
static inline bool time_due(void)
{
    return (int32_t)(read_c0_compare() - read_c0_count()) <= 0;
}
/* Ticks per microsecond, and a 32-bit tick count divided by it as a
 * multiply by its reciprocal: n / US_TICKS = (n * US_MAGIC) >> (32 +
 * US_SHIFT) for every 32-bit n (Granlund and Montgomery, "Division by
 * Invariant Integers using Multiplication", PLDI 1994, sec. 4: exact when
 * US_MAGIC * US_TICKS - 2^(32 + US_SHIFT) <= 2^US_SHIFT). One MULTU and
 * MFHI: 7 cycles where a DIVU takes up to 38. (time.c, chan.c) */
#define US_TICKS (CONFIG_COUNT_HZ / 1000000u)
#define US_SHIFT (31 - __builtin_clz(US_TICKS)) /* floor(log2(US_TICKS)) */
#define US_MAGIC ((uint32_t)(((1ull << (32 + US_SHIFT)) + US_TICKS - 1) / US_TICKS))
_Static_assert(US_TICKS > 1 && US_TICKS < 0x10000u && (US_TICKS & (US_TICKS - 1)) != 0,
               "ticks per microsecond: not a power of two (then a shift would do)");
_Static_assert((uint64_t)US_MAGIC * US_TICKS - (1ull << (32 + US_SHIFT)) <= (1ull << US_SHIFT),
               "the reciprocal is exact for every 32-bit count");

static inline uint32_t hv_ticks_us32(uint32_t n)
{
    return (uint32_t)(((uint64_t)n * US_MAGIC) >> 32) >> US_SHIFT;
}
void vtimer_arm(struct vcpu *v, uint32_t guest_compare);
void vtimer_disarm(struct vcpu *v);
void vtimer_fire(struct vcpu *v, uint32_t when);

/* console.c: per-source buffers, line tags, input focus */
void console_init(void);
void console_kick(void);         /* the UART TX interrupt: more bytes out */
unsigned hv_console_write(guest_id_t g, const char *p, unsigned n); /* what fits, at once */
void console_rx(void);           /* the UART RX interrupt: typed input */
void console_pace(struct vcpu *v); /* EV_UART */
void console_flush(void);
bool console_focus(unsigned g);  /* input to guest g (1..7) or the hypervisor (0) */

/* shell.c: the hypervisor shell (input while the hypervisor has the focus,
 * `shell: true`). Bounded work per call; replies never wait for the wire. */
void shell_input(char c);        /* a character typed for the hypervisor */
bool shell_poll(void);           /* the reply's next lines, as the console has room; true: more */

/* health.c: the health monitor (docs/hypervisor.md "Health monitor") */
void health_fault(enum hm_fault kind, uint32_t addr);
void health_bus_violations(void); /* vector 106: each logged violation to its guest */
/* v's watchdog ran out: its action; true when v goes on as it was (log) */
bool health_watchdog(struct vcpu *v, const char *why);
void health_budget_clear(struct vcpu *v); /* the shell's restart: a fresh restart budget */
void hv_panic(const char *why) __attribute__((noreturn));
/* A guest's fault as the shell shows it (`faults`, `log`). */
struct hm_rec {
    uint32_t t_ms;       /* ms since boot */
    uint32_t pc, addr;   /* EPC, BadVAddr (or the address the fault names) */
    uint16_t seq;        /* the order of faults over all guests */
    uint8_t kind, action; /* enum hm_fault, enum tvp_on_fault */
};
#define HM_KEEP 4u       /* faults kept per guest */
unsigned health_log_count(void);             /* all guests' kept faults */
/* the next older kept fault: floor 0x10000 first, then as it leaves it */
const struct hm_rec *health_log_next(unsigned *floor, guest_id_t *g);
unsigned health_guest_count(const struct vcpu *v); /* v's kept faults */
const struct hm_rec *health_guest_get(const struct vcpu *v, unsigned i); /* newest first */
uint32_t health_kind_count(const struct vcpu *v, unsigned hm_kind); /* by enum tvp_hm_kind */
unsigned health_budget_used(const struct vcpu *v); /* restarts in its budget's span now */
const char *health_kind_name(unsigned kind);
const char *health_policy_name(unsigned policy);
extern const char *const health_class_names[TVP_HM_KINDS];
uint32_t hv_uptime(uint32_t *ms); /* seconds since boot, and the ms past them */

#endif /* HV_CORE_HV_H */

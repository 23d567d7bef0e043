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
    uint8_t reset_req;       /* RESET_REQ_*: due at the end of this exit */
    struct arch_gctx gctx;   /* guest CP0 while not loaded */
    struct arch_tlbe tlb[TVP_TLB_ENTRIES]; /* its guest TLB while not loaded (tlb_user) */
    struct {
        uint32_t exits, hcalls, emul, faults, switches;
#if CONFIG_SHELL
        uint32_t kind[EXK_NR];   /* exits by enum exit_kind */
#endif
    } st;
};


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
void trap_entry(unsigned from_refill);
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
void chan_hcall(unsigned code); /* chan.c: TVP_HC_SAMPLING_WRITE..TVP_HC_PORT_STATUS */

/* sched.c: the cyclic schedule (ARINC-653 windows) */
void sched_init(void);
void sched_boundary(uint32_t when); /* EV_WINDOW: a window starts or ends */
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
#define EV_WINDOW     0u
#define EV_VTIMER(i)  (1u + (i))                     /* i = idx_of(vcpu) */
#define EV_UART(i)    (1u + CONFIG_NR_GUESTS + (i))
#define EV_WDT(i)     (1u + 2u * CONFIG_NR_GUESTS + (i)) /* its watchdog (wdt.c) */
#define EV_TPC(i)     (1u + 3u * CONFIG_NR_GUESTS + (i)) /* its interrupt proximity timer */
uint64_t hv_time(void);          /* core-timer ticks since boot (64 bits: never wraps) */
void time_init(void);
void ev_set(unsigned slot, uint32_t when); /* at a Count less than 2^31 ticks from now */
void ev_cancel(unsigned slot);
void time_irq(void);             /* the core-timer interrupt: due events */
extern uint32_t evq_head_when;
extern bool evq_any;
static inline void time_poll(void) /* the same, if one is due, before an ERET */
{
    if (evq_any && (int32_t)(evq_head_when - read_c0_count()) <= 0)
        time_irq();
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

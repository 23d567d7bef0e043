/*
 * tinyVP core: the partitions (vcpus), the exit being handled, and the
 * functions of hv/core. The core knows no register address (hv/board) and
 * no instruction of the CPU beyond what insn.c decodes.
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
#include "../lib/lib.h"

#define TINYVP_VERSION_STR "1.0"

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
    HM_NR
};

struct vcpu {
    const struct tvp_guest *cfg;
    uint8_t state;           /* enum vcpu_state */
    uint8_t id;              /* = cfg->id: GuestID and shadow set */
    uint8_t vt_armed;        /* its virtual core timer is set */
    uint16_t restarts;
    uint32_t pc;             /* guest PC to resume at */
    uint32_t vt_deadline;    /* root Count when its Count reaches Compare */
    struct arch_gctx gctx;   /* guest CP0 while not loaded */
    struct {
        uint32_t exits, hcalls, emul, faults;
    } st;
};

/* The exit being handled: root CP0 as it was at entry. */
struct exit_info {
    uint32_t cause, epc, badvaddr, badinstr, badinstrp, gctl0;
};

extern struct vcpu vcpus[CONFIG_NR_GUESTS];
extern struct vcpu *cur;         /* loaded in the hardware; NULL: idle */
extern struct exit_info ex;

/* trap.c */
void trap_entry(unsigned from_refill);
void exit_advance(void);         /* cur->pc past the instruction of `ex` */
uint32_t exit_next_pc(void);
void guest_raise(unsigned exccode, bool has_badvaddr, uint32_t badvaddr);

/* vcpu.c: partitions, the lazy FPU, the (part 1) scheduler */
void vcpu_init_all(void);
void vcpu_reset(struct vcpu *v);
void vcpu_stop(struct vcpu *v);
void sched_yield(void);
void sched_resume(void);         /* CP0 set for the ERET to `cur` or idle */
bool fpu_take(struct vcpu *v);   /* root CpU: give v the FPU */
void fpu_sync_fr(void);          /* root Status.FR follows the guest's */
void fpu_save_cur(struct fpu_ctx **ctx); /* the guest's FPU image, saved */
void fpu_restore_cur(void);

/* insn.c: MIPS32 decoding (the one place; microMIPS will be a second) */
struct mem_op {
    uint8_t size;      /* bytes moved: 1, 2, 4 or 8 (LDC1/SDC1) */
    uint8_t store;
    uint8_t sign;      /* sign-extend a load */
    uint8_t kind;      /* enum mem_kind */
    uint8_t reg;       /* rt (GPR or FPR) */
    uint32_t ea;       /* effective (guest virtual) address */
};
enum mem_kind { MEM_PLAIN, MEM_LEFT, MEM_RIGHT, MEM_LL, MEM_SC, MEM_FPU, MEM_CACHE };
bool insn_mem(uint32_t insn, struct mem_op *op);
uint32_t insn_branch_next(uint32_t branch, uint32_t pc);

/* emul.c */
void emul_gpa_fault(bool from_refill);

/* gpsi.c (VZ exits) and hcall.c */
void vz_exit(void);
void hcall(void);

/* time.c: the clock and the guests' virtual core timers */
uint64_t hv_time(void);          /* core-timer ticks since boot */
void vtimer_arm(struct vcpu *v, uint32_t guest_compare);
void vtimer_fire(struct vcpu *v);
void vtimer_irq(void);

/* console.c */
void console_kick(void);
void console_flush(void);

/* health.c */
void health_fault(enum hm_fault kind, uint32_t addr);
void hv_panic(const char *why) __attribute__((noreturn));

#endif /* HV_CORE_HV_H */

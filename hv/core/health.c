/*
 * Health monitor: a guest's fault is logged (guest, PC, cause, address)
 * and handled by the guest's on_fault policy. It costs only that guest;
 * the hypervisor never stops because of one.
 */
#include "hv.h"

static const char *const hm_names[HM_NR] = {
    [HM_MEM] = "access outside its map",
    [HM_FETCH] = "fetch outside its map",
    [HM_DEV] = "device access refused",
    [HM_INSN] = "reserved instruction",
    [HM_PRIV] = "privileged instruction",
    [HM_BUS] = "bus error",
    [HM_FPU] = "FPU use without fpu: true",
    [HM_EXC] = "exception",
    [HM_DEBUG] = "debug instruction",
    [HM_SBP] = "bus-protection violation",
};
static const char *const policy_names[] = {
    [TVP_ON_FAULT_RESTART] = "restart",
    [TVP_ON_FAULT_STOP] = "stop",
    [TVP_ON_FAULT_REFLECT] = "reflect",
};

#define HM_LOG_MAX 32 /* per guest: a fault loop must not flood the console */

/* What the guest's own hardware would have raised for it. */
static unsigned reflect_code(enum hm_fault kind)
{
    switch (kind) {
    case HM_MEM:
    case HM_DEV: return EXCCODE_DBE; /* a bare chip: a bus error */
    case HM_FETCH: return EXCCODE_IBE;
    case HM_INSN:
    case HM_PRIV: return EXCCODE_RI;
    case HM_FPU: return EXCCODE_CPU;
    case HM_DEBUG: return EXCCODE_BP; /* no guest debug mode: a breakpoint */
    default: return EXCCODE(ex.cause);
    }
}

/* The last HM_KEEP faults of all guests, for the shell's `log`: a ring,
 * oldest overwritten. */
#if CONFIG_SHELL
#define HM_KEEP 8u
#else
#define HM_KEEP 1u /* unused */
#endif
static struct hm_rec hm_ring[HM_KEEP];
static uint32_t hm_total; /* faults ever recorded */

unsigned health_log_count(void)
{
    return CONFIG_SHELL ? (hm_total < HM_KEEP ? hm_total : HM_KEEP) : 0;
}

const struct hm_rec *health_log_get(unsigned i)
{
    return &hm_ring[(hm_total - health_log_count() + i) % HM_KEEP];
}

const char *health_kind_name(unsigned kind)
{
    return kind < HM_NR ? hm_names[kind] : "?";
}

const char *health_policy_name(unsigned policy)
{
    return policy < ARRAY_SIZE(policy_names) ? policy_names[policy] : "stop";
}

/* board.h: an emulator's refusal (a fault to come) may begin now */
bool hv_fault_now(void)
{
    return !sched_defer(FAULT_BOUND_TICKS);
}

void health_fault(enum hm_fault kind, uint32_t addr)
{
    struct vcpu *v = cur;
    unsigned policy = v->cfg->on_fault;
    /* a fault (its log line, a restart) takes longer than an ordinary
     * exit: not begun when it could overrun the window (sched_defer); the
     * guest raises it again at its next window */
    if (sched_defer(FAULT_BOUND_TICKS))
        return;
    v->st.faults++;
    if (CONFIG_SHELL) {
        struct hm_rec *r = &hm_ring[hm_total++ % HM_KEEP];
        uint32_t ms, s = hv_uptime(&ms);
        *r = (struct hm_rec){s, ms, ex.epc, ex.cause, addr, v->id, (uint8_t)kind, (uint8_t)policy};
    }
    if (v->st.faults <= HM_LOG_MAX)
        hv_printf("tinyVP: guest %s: %s at pc %08x (cause %08x, addr %08x): %s\n",
                  v->cfg->name, hm_names[kind], ex.epc, ex.cause, addr,
                  health_policy_name(policy));
    if (v->st.faults == HM_LOG_MAX)
        hv_printf("tinyVP: guest %s: further faults not logged\n", v->cfg->name);
    switch (policy) {
    case TVP_ON_FAULT_RESTART:
        vcpu_reset(v);
        v->restarts++;
        sched_yield(); /* the others run before it starts again */
        break;
    case TVP_ON_FAULT_REFLECT: {
        unsigned code = reflect_code(kind);
        guest_raise(code, code == EXCCODE_ADEL || code == EXCCODE_ADES, addr);
        break;
    }
    default:
        vcpu_stop(v);
        break;
    }
}

/* The guest whose DMA group is g (1, 2), or 0. */
static guest_id_t group_owner(unsigned g)
{
    for (unsigned i = 0; g && i < CONFIG_NR_GUESTS; i++)
        if (tvp_guests[i].dma_group == g)
            return tvp_guests[i].id;
    return HV_GUEST_ID;
}

/*
 * Vector 106: the bus protection blocked accesses (the board reads and
 * clears the targets' logs). A violation by a guest's permission group
 * (its exclusive DMA initiators) is that guest's fault, whether it runs
 * or not: logged with what the log says, handled by its policy --
 * restart, stop, or reflect, which for an asynchronous DMA error is what
 * its own chip gives it: the channel's error flag (CHERIF) and nothing
 * more. Group 0 is the hypervisor's and the CPU's: logged only. Bounded:
 * one report per call (board_sbp_next clears it; SBFLAG is a level, so
 * the next one raises the interrupt again), held near a window switch.
 */
void health_bus_violations(void)
{
    struct board_sbp_err e;
    for (unsigned k = 0; k < 1 && board_sbp_next(&e); k++) { /* one a call: SBFLAG is a level */
        guest_id_t g = group_owner(e.group);
        if (g == HV_GUEST_ID) {
            hv_printf("tinyVP: bus-protection violation by group %u: initiator %u %s target %u "
                      "region %u%s\n", e.group, e.initiator, e.write ? "write to" : "read from",
                      e.target, e.region, e.multi ? " (and more)" : "");
            continue;
        }
        struct vcpu *v = vcpu_of(g);
        unsigned policy = v->cfg->on_fault;
        v->st.faults++;
        if (CONFIG_SHELL) {
            struct hm_rec *r = &hm_ring[hm_total++ % HM_KEEP];
            uint32_t ms, s = hv_uptime(&ms);
            *r = (struct hm_rec){s, ms, 0, 0, e.addr, g, (uint8_t)HM_SBP, (uint8_t)policy};
        }
        if (v->st.faults <= HM_LOG_MAX)
            hv_printf("tinyVP: guest %s: %s: %s %s %08x (target %u, region %u, group %u%s): %s\n",
                      v->cfg->name, hm_names[HM_SBP], e.dma ? "DMA" : "initiator",
                      e.write ? "write to" : "read from", e.addr, e.target, e.region, e.group,
                      e.multi ? ", and more" : "", health_policy_name(policy));
        if (v->state == VCPU_STOPPED)
            continue;
        if (policy == TVP_ON_FAULT_RESTART) {
            vcpu_reset(v);
            v->restarts++;
            if (v == cur)
                sched_yield();
        } else if (policy == TVP_ON_FAULT_STOP) {
            vcpu_stop(v);
        } /* reflect: the channel's CHERIF, as on its own chip */
    }
    board_irq_ack(board_sbp_vector);
}

void hv_panic(const char *why)
{
    clear_c0_status(ST0_IE);
    console_flush();
    board_console_tx_irq(false);
    hv_printf("tinyVP: PANIC: %s (epc %08x cause %08x)\n", why, read_c0_epc(), read_c0_cause());
    console_flush();
    for (;;) /* a hypervisor bug: halt (a debugger or the watchdog takes over) */
        __asm__ volatile("wait");
}

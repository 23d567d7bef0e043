/*
 * Health monitor, as ARINC 653 Part 1 (sec. 2.4 "Health monitoring")
 * describes one at partition level: each guest error is recognised,
 * classified into a kind (enum tvp_hm_kind: memory, illegal, fpu, bus,
 * watchdog, dma, debug) and handled by the action the configuration
 * gives that guest for that kind (`health:`, else `on_fault`):
 *
 *   log      counted and logged; the guest goes on past the error: a
 *            faulting instruction is skipped (a load leaves its register
 *            as it was), a watchdog gets a new period, a DMA violation
 *            leaves the channel's error flag as its chip would. Where
 *            there is nothing to skip (a fetch outside its map, an
 *            instruction bus error, SDBBP in a delay slot) log reflects.
 *   reflect  the exception its own hardware would have raised
 *            (reflect_code); a watchdog: the chip's watchdog reset.
 *   restart  from its entry, its devices reset (board_guest_reset), its
 *            RCON saying why (SWR after a fault, WDTO after its watchdog);
 *            within its restart budget (max_restarts within a time),
 *            past it stopped, logged once.
 *   stop     never runs again (the shell's `restart` may start it).
 *
 * It costs only that guest; the hypervisor never stops because of one.
 * The shell's `faults` and `log` show what is kept here: per guest the
 * last HM_KEEP faults and a count per kind.
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
    [HM_DMA] = "DMA transfer refused",
    [HM_WDT] = "watchdog timeout",
};
/* each fault's kind, whose action applies */
static const uint8_t hm_class[HM_NR] = {
    [HM_MEM] = TVP_HM_MEMORY,   [HM_FETCH] = TVP_HM_MEMORY, [HM_DEV] = TVP_HM_MEMORY,
    [HM_INSN] = TVP_HM_ILLEGAL, [HM_PRIV] = TVP_HM_ILLEGAL, [HM_EXC] = TVP_HM_ILLEGAL,
    [HM_BUS] = TVP_HM_BUS,      [HM_FPU] = TVP_HM_FPU,      [HM_DEBUG] = TVP_HM_DEBUG,
    [HM_SBP] = TVP_HM_DMA,      [HM_DMA] = TVP_HM_DMA,      [HM_WDT] = TVP_HM_WATCHDOG,
};
const char *const health_class_names[TVP_HM_KINDS] = {
    [TVP_HM_MEMORY] = "memory", [TVP_HM_ILLEGAL] = "illegal", [TVP_HM_FPU] = "fpu",
    [TVP_HM_BUS] = "bus",       [TVP_HM_WATCHDOG] = "watchdog", [TVP_HM_DMA] = "dma",
    [TVP_HM_DEBUG] = "debug",
};
static const char *const policy_names[] = {
    [TVP_ON_FAULT_RESTART] = "restart",
    [TVP_ON_FAULT_STOP] = "stop",
    [TVP_ON_FAULT_REFLECT] = "reflect",
    [TVP_ON_FAULT_LOG] = "log",
};

#define HM_LOG_MAX 32 /* per guest: a fault loop must not flood the console */

/* The actions this system can take: those some guest's description names
 * (vpconf: CONFIG_HM_ACTIONS), reflect where log has nothing to skip,
 * restart for a reflected watchdog, stop past a restart budget. The code
 * of the others is left out. */
#define HM_ACTS (CONFIG_HM_ACTIONS | \
                 (CONFIG_HM_ACTIONS >> TVP_ON_FAULT_LOG & 1u) << TVP_ON_FAULT_REFLECT | \
                 (CONFIG_HM_ACTIONS >> TVP_ON_FAULT_REFLECT & 1u) << TVP_ON_FAULT_RESTART | \
                 (CONFIG_HM_BUDGETS ? 1u << TVP_ON_FAULT_STOP : 0u))
#define HM_MAY(a) ((HM_ACTS >> (a) & 1u) != 0)

/* What the guest's own hardware would have raised for it. */
static unsigned reflect_code(enum hm_fault kind)
{
    switch (kind) {
    case HM_MEM:
    case HM_DMA:
    case HM_DEV: return EXCCODE_DBE; /* a bare chip: a bus error */
    case HM_FETCH: return EXCCODE_IBE;
    case HM_INSN:
    case HM_PRIV: return EXCCODE_RI;
    case HM_FPU: return EXCCODE_CPU;
    case HM_DEBUG: return EXCCODE_BP; /* no guest debug mode: a breakpoint */
    default: return EXCCODE(ex.cause);
    }
}

/* Per guest: the last faults (a ring, newest at head - 1), the count per
 * kind (saturating), the restart budget's last restarts (ms since boot, a
 * ring of max_restarts). */
#if CONFIG_SHELL
#define HM_RING HM_KEEP
#else
#define HM_RING 1u /* unused: nothing to show them */
#endif
#define HM_BUDGET (CONFIG_HM_MAX_RESTARTS ? CONFIG_HM_MAX_RESTARTS : 1)
struct hm_guest {
    struct hm_rec ring[HM_RING];
    uint16_t count[CONFIG_SHELL ? TVP_HM_KINDS : 1];
    uint8_t head, kept;
    uint8_t rs_next, rs_kept;
    uint32_t rs_ms[HM_BUDGET];
};
static struct hm_guest hm[CONFIG_NR_GUESTS];
static uint16_t hm_seq;     /* faults ever recorded (wraps; orders the rings) */
static bool dma_refusal;    /* hv_fault_dma: the coming HM_DEV is a DMA one */

static uint32_t now_ms(void)
{
    uint32_t ms, s = hv_uptime(&ms);
    return s * 1000u + ms;
}

static void record(struct vcpu *v, enum hm_fault kind, unsigned action, uint32_t pc, uint32_t addr)
{
    v->st.faults++;
    if (!CONFIG_SHELL)
        return;
    struct hm_guest *h = &hm[idx_of(v)];
    h->ring[h->head] = (struct hm_rec){now_ms(), pc, addr, hm_seq++, (uint8_t)kind, (uint8_t)action};
    h->head = (uint8_t)((h->head + 1) % HM_RING);
    h->kept += h->kept < HM_RING;
    uint16_t *c = &h->count[hm_class[kind]];
    *c += *c != 0xffffu;
}

unsigned health_guest_count(const struct vcpu *v)
{
    return CONFIG_SHELL ? hm[idx_of(v)].kept : 0;
}

const struct hm_rec *health_guest_get(const struct vcpu *v, unsigned i)
{
    const struct hm_guest *h = &hm[idx_of(v)];
    return &h->ring[(h->head + HM_RING - 1 - i) % HM_RING];
}

uint32_t health_kind_count(const struct vcpu *v, unsigned kind)
{
    return CONFIG_SHELL && kind < TVP_HM_KINDS ? hm[idx_of(v)].count[kind] : 0;
}

unsigned health_log_count(void)
{
    unsigned n = 0;
    for (unsigned g = 0; g < CONFIG_NR_GUESTS; g++)
        n += health_guest_count(&vcpus[g]);
    return n;
}

/* The oldest kept fault of all guests younger than *floor (an age:
 * hm_seq - seq in 16 bits, the kept ones being the last few of the
 * sequence; start with 0x10000), *floor set to its age. One pass over at
 * most 7 x HM_KEEP records. */
const struct hm_rec *health_log_next(unsigned *floor, guest_id_t *g)
{
    const struct hm_rec *best = 0;
    unsigned best_age = 0;
    for (unsigned n = 0; n < CONFIG_NR_GUESTS; n++)
        for (unsigned j = 0; j < health_guest_count(&vcpus[n]); j++) {
            const struct hm_rec *r = health_guest_get(&vcpus[n], j);
            unsigned age = (uint16_t)(hm_seq - r->seq);
            if (age < *floor && (!best || age > best_age)) {
                best = r, best_age = age;
                *g = vcpus[n].id;
            }
        }
    *floor = best_age;
    return best;
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

/* board.h: the refusal to come is the DMA emulator's */
void hv_fault_dma(void)
{
    dma_refusal = true;
}

/* ---- the restart budget ------------------------------------------------- */

/* Restarts of v within the last within_ms, now. */
static unsigned budget_used(const struct vcpu *v, uint32_t now)
{
    const struct hm_guest *h = &hm[idx_of(v)];
    unsigned n = 0;
    for (unsigned i = 0; i < h->rs_kept; i++)
        n += now - h->rs_ms[i] < v->cfg->within_ms;
    return n;
}

unsigned health_budget_used(const struct vcpu *v)
{
    return CONFIG_HM_BUDGETS && v->cfg->within_ms ? budget_used(v, now_ms()) : 0;
}

void health_budget_clear(struct vcpu *v)
{
    hm[idx_of(v)].rs_kept = 0;
    hm[idx_of(v)].rs_next = 0;
}

/* A restart the budget allows (then counted in it), or false: spent. The
 * (max_restarts + 1)-th restart in any span of within_ms is refused.
 * (CONFIG_HM_BUDGETS 0: no guest has a budget, and the code is left out.) */
static bool budget_take(struct vcpu *v)
{
    const struct tvp_guest *c = v->cfg;
    struct hm_guest *h = &hm[idx_of(v)];
    if (!CONFIG_HM_BUDGETS || !c->within_ms)
        return true;
    uint32_t now = now_ms();
    if (budget_used(v, now) >= c->max_restarts)
        return false;
    if (c->max_restarts) { /* the ring holds the last max_restarts restarts */
        h->rs_ms[h->rs_next] = now;
        h->rs_next = (uint8_t)((h->rs_next + 1) % c->max_restarts);
        h->rs_kept += h->rs_kept < c->max_restarts;
    }
    return true;
}

/* The action taken: a restart past the budget is a stop (and true in
 * *spent: the caller logs it, after the fault's line). */
static unsigned budget_check(struct vcpu *v, unsigned action, bool *spent)
{
    *spent = action == TVP_ON_FAULT_RESTART && !budget_take(v);
    return *spent ? TVP_ON_FAULT_STOP : action;
}

static void budget_spent(const struct vcpu *v)
{
    const struct tvp_guest *c = v->cfg;
    bool s = c->within_ms % 1000u == 0;
    hv_log("guest %s: restart budget (%u in %u %s) spent: stopped\n", c->name,
              (unsigned)c->max_restarts, s ? c->within_ms / 1000u : c->within_ms, s ? "s" : "ms");
}

/* v restarts (why: its RCON cause). The running guest gives up its
 * window (the others run before it starts again) when yield; else it
 * resumes at its entry. */
static void restart(struct vcpu *v, enum board_reset_why why, bool yield)
{
    board_guest_reset_cause(v->id, why);
    vcpu_reset(v);
    v->restarts++;
    if (v == cur) {
        if (yield)
            sched_yield();
        else
            board_virq_dirty |= (uint8_t)(1u << v->id); /* resumed at its entry */
    }
}

/* ---- faults ----------------------------------------------------------- */

/* log: whether there is an instruction to skip (not for a fetch outside
 * its map: its PC is outside; nor an instruction bus error; nor SDBBP in
 * a delay slot: the branch is in the guest's memory, not at hand) */
static bool skippable(enum hm_fault kind)
{
    return !(kind == HM_FETCH || (kind == HM_BUS && EXCCODE(ex.cause) == EXCCODE_IBE) ||
             (kind == HM_DEBUG && (ex.cause & CAUSEF_BD)));
}

/* log: the running guest goes on after the faulting instruction */
static void skip(enum hm_fault kind)
{
    if (kind == HM_DEBUG) { /* EPC: the SDBBP, from the debug hand-over */
        cur->pc = ex.epc + 4;
        return;
    }
    if (ex.cause & CAUSEF_BD) /* root BadInstrP: still this exception's */
        ex.badinstrp = read_c0_badinstrp();
    exit_advance();
}

HV_NO_JUMP_TABLES void health_fault(enum hm_fault kind, uint32_t addr)
{
    struct vcpu *v = cur;
    /* a fault (its log line, a restart) takes longer than an ordinary
     * exit: not begun when it could overrun the window (sched_defer); the
     * guest raises it again at its next window */
    if (sched_defer(FAULT_BOUND_TICKS))
        return;
    if (CONFIG_EMU_DMA && kind == HM_DEV && dma_refusal)
        kind = HM_DMA;
    dma_refusal = false;
    unsigned action = v->cfg->health[hm_class[kind]];
    if (HM_MAY(TVP_ON_FAULT_LOG) && action == TVP_ON_FAULT_LOG && !skippable(kind))
        action = TVP_ON_FAULT_REFLECT; /* nothing to skip */
    bool spent;
    action = budget_check(v, action, &spent);
    record(v, kind, action, ex.epc, addr);
    if (v->st.faults <= HM_LOG_MAX)
        hv_log("guest %s: %s at pc %08x (cause %08x, addr %08x): %s\n",
                  v->cfg->name, hm_names[kind], ex.epc, ex.cause, addr,
                  health_policy_name(action));
    if (v->st.faults == HM_LOG_MAX)
        hv_log("guest %s: further faults not logged\n", v->cfg->name);
    if (spent)
        budget_spent(v);
    if (HM_MAY(TVP_ON_FAULT_LOG) && action == TVP_ON_FAULT_LOG) {
        skip(kind);
    } else if (HM_MAY(TVP_ON_FAULT_REFLECT) && action == TVP_ON_FAULT_REFLECT) {
        unsigned code = reflect_code(kind);
        guest_raise(code, code == EXCCODE_ADEL || code == EXCCODE_ADES, addr);
    } else if (HM_MAY(TVP_ON_FAULT_RESTART) &&
               (action == TVP_ON_FAULT_RESTART || !HM_MAY(TVP_ON_FAULT_STOP))) {
        restart(v, BOARD_RESET_SW, true);
    } else {
        vcpu_stop(v);
    }
}

/* wdt.c: v's watchdog ran out in its windows, or was cleared in its
 * closed window (`why`, for the log). reflect is what its chip does, a
 * watchdog reset: restart with WDTO. */
bool health_watchdog(struct vcpu *v, const char *why)
{
    unsigned action = v->cfg->health[TVP_HM_WATCHDOG];
    if (action == TVP_ON_FAULT_REFLECT)
        action = TVP_ON_FAULT_RESTART; /* what its chip does: a watchdog reset */
    bool spent;
    action = budget_check(v, action, &spent);
    record(v, HM_WDT, action, v->pc, 0);
    if (v->st.faults <= HM_LOG_MAX)
        hv_log("guest %s: %s: %s\n", v->cfg->name, why, health_policy_name(action));
    if (spent)
        budget_spent(v);
    if (HM_MAY(TVP_ON_FAULT_LOG) && action == TVP_ON_FAULT_LOG)
        return true;
    if (HM_MAY(TVP_ON_FAULT_STOP) && action == TVP_ON_FAULT_STOP)
        vcpu_stop(v);
    else
        restart(v, BOARD_RESET_WDT, false);
    return false;
}

/* The guest whose DMA group is g (1, 2), or 0. (CONFIG_DMA_GROUPS 0: no
 * guest has one, every report is the hypervisor's group's, and the guest
 * part of health_bus_violations is left out.) */
static guest_id_t group_owner(unsigned g)
{
    for (unsigned i = 0; CONFIG_DMA_GROUPS && g && i < CONFIG_NR_GUESTS; i++)
        if (tvp_guests[i].dma_group == g)
            return tvp_guests[i].id;
    return HV_GUEST_ID;
}

/*
 * Vector 106: the bus protection blocked accesses (the board reads and
 * clears the targets' logs). A violation by a guest's permission group
 * (its exclusive DMA initiators) is that guest's fault of kind dma,
 * whether it runs or not: logged with what the log says, handled by its
 * action -- restart, stop, or reflect and log, which for an asynchronous
 * DMA error are what its own chip gives it: the channel's error flag
 * (CHERIF) and nothing more. Group 0 is the hypervisor's and the CPU's:
 * logged only. Bounded: one report per call (board_sbp_next clears it;
 * SBFLAG is a level, so the next one raises the interrupt again), held
 * near a window switch.
 */
__attribute__((noinline)) void health_bus_violations(void) /* cold: out of irq_entry */
{
    struct board_sbp_err e;
    for (unsigned k = 0; k < 1 && board_sbp_next(&e); k++) { /* one a call: SBFLAG is a level */
        guest_id_t g = group_owner(e.group);
        if (g == HV_GUEST_ID) {
            hv_log("bus-protection violation by group %u: initiator %u %s target %u "
                      "region %u%s\n", e.group, e.initiator, e.write ? "write to" : "read from",
                      e.target, e.region, e.multi ? " (and more)" : "");
            continue;
        }
        struct vcpu *v = vcpu_of(g);
        unsigned action = v->cfg->health[TVP_HM_DMA];
        bool spent = false;
        if (v->state != VCPU_STOPPED)
            action = budget_check(v, action, &spent);
        record(v, HM_SBP, action, 0, e.addr);
        if (v->st.faults <= HM_LOG_MAX)
            hv_log("guest %s: %s: %s %s %08x (target %u, region %u, group %u%s): %s\n",
                      v->cfg->name, hm_names[HM_SBP], e.dma ? "DMA" : "initiator",
                      e.write ? "write to" : "read from", e.addr, e.target, e.region, e.group,
                      e.multi ? ", and more" : "", health_policy_name(action));
        if (spent)
            budget_spent(v);
        if (v->state == VCPU_STOPPED)
            continue;
        if (action == TVP_ON_FAULT_RESTART)
            restart(v, BOARD_RESET_SW, true);
        else if (action == TVP_ON_FAULT_STOP)
            vcpu_stop(v);
        /* reflect, log: the channel's CHERIF, as on its own chip */
    }
    board_irq_ack(board_sbp_vector);
}

void hv_panic(const char *why)
{
    clear_c0_status(ST0_IE);
    console_flush();
    board_console_tx_irq(false);
    hv_log("PANIC: %s (epc %08x cause %08x)\n", why, read_c0_epc(), read_c0_cause());
    console_flush();
    for (;;) /* a hypervisor bug: halt (a debugger or the watchdog takes over) */
        __asm__ volatile("wait");
}

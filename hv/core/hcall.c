/*
 * Hypercalls (HYPCALL code = service, include/tinyvp/hypercall.h): a
 * table, args in a0..a3, results in v0/v1, resume after the HYPCALL.
 */
#include "hv.h"

#define R_V0 2
#define R_V1 3
#define R_A0 4
#define R_A1 5
#define R_A2 6

/* A guest buffer in one of its memory regions (kseg0/kseg1 addresses):
 * the hypervisor's kseg0 address of it, or 0. */
static const char *guest_buf(uint32_t va, uint32_t len)
{
    if (va < KSEG0 || va >= KSEG2 || len > TVP_HC_CONSOLE_MAX)
        return 0;
    uint32_t gpa = CPHYSADDR(va);
    const struct tvp_guest *g = cur->cfg;
    for (unsigned k = 0; k < g->nr_regions; k++) {
        const struct tvp_mem_region *r = &g->regions[k];
        if ((r->perm & TVP_PERM_R) && gpa - r->gpa < r->size && len <= r->size - (gpa - r->gpa))
            return (const char *)(KSEG0 | (r->rpa + (gpa - r->gpa)));
    }
    return 0;
}

/* TVP_HC_CONSOLE_WRITE: a0 = buffer, a1 = length; v1 is left as it was. */
static uint64_t hc_console_write(uint32_t va, uint32_t len, uint32_t a2, unsigned code)
{
    (void)a2, (void)code;
    HV_STAT(cur->st.hcalls);
    const char *p = guest_buf(va, len);
    int32_t r = TVP_HC_EFAULT;
    /* into the guest's own console buffer (tagged lines): what fits, at
     * most TVP_HC_CONSOLE_CHUNK bytes (a bounded exit: the guest calls
     * again for the rest) */
    if (p)
        r = (int32_t)hv_console_write(cur->id, p, len < TVP_HC_CONSOLE_CHUNK ? len : TVP_HC_CONSOLE_CHUNK);
    return (uint64_t)arch_gpr_get(R_V1) << 32 | (uint32_t)r;
}

/* The services that only compute their results (v0, v1: the low and
 * high word of the value returned) from their arguments: none switches,
 * waits or faults the guest, each is bounded (docs/hypervisor.md
 * "Hypercalls"). entry.S's thin exit calls them straight from the
 * general vector (arguments in registers, no exit record); hcall() below
 * for the same services when they come the long way (in a delay slot,
 * from microMIPS code, near a window switch). Each counts itself in the
 * shell's hcalls. 0: a service hcall() does itself. */
const hc_fn hv_hc_table[TVP_HC_COUNT] = {
    [TVP_HC_CONSOLE_WRITE] = hc_console_write,
    [TVP_HC_TIME] = hc_time,
    [TVP_HC_SAMPLING_WRITE ... TVP_HC_PORT_STATUS] = chan_hcall,
};

/* Hypercall 0 is answered in entry.S (hc_fast) unless it sits in a delay
 * slot or an interrupt offer needs the C path; hcall() does all of them. */
_Static_assert(TVP_ABI_VERSION == 0x00010000 && TVP_HC_VERSION == 0,
               "entry.S's hc_fast answers version with lui v0, 1");

void hcall(void)
{
    unsigned code = (ex.badinstr >> 11) & 0x3ff;
    uint32_t next = exit_next_pc();
    hc_fn fn = code < TVP_HC_COUNT ? hv_hc_table[code] : 0;
    if (fn) {
        uint64_t r = fn(arch_gpr_get(R_A0), arch_gpr_get(R_A1), arch_gpr_get(R_A2), code);
        arch_gpr_set(R_V0, (uint32_t)r);
        arch_gpr_set(R_V1, (uint32_t)(r >> 32));
        cur->pc = next;
        return;
    }
    HV_STAT(cur->st.hcalls);
    switch (code) {
    case TVP_HC_VERSION:
        arch_gpr_set(R_V0, TVP_ABI_VERSION);
        arch_gpr_set(R_V1, cur->id);
        break;
    case TVP_HC_YIELD:
        arch_gpr_set(R_V0, 0);
        cur->pc = next;
        sched_yield();
        return;
    default:
        arch_gpr_set(R_V0, (uint32_t)TVP_HC_ENOSYS);
        break;
    }
    cur->pc = next;
}

/* entry.S's thin exit, when the service left the guest's virtual
 * controller changed (board_virq_changed): the rest of the exit as the
 * C path ends it (re-offer, and whatever is due). */
void hc_thin_resume(uint32_t next)
{
    cur->pc = next;
    sched_resume();
}

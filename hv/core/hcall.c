/*
 * Hypercalls (HYPCALL code = service, include/tinyvp/hypercall.h): a
 * table, args in a0..a3, results in v0/v1, resume after the HYPCALL.
 */
#include "hv.h"

#define R_V0 2
#define R_V1 3
#define R_A0 4
#define R_A1 5

/* 64-bit by a small constant without libgcc: schoolbook division in
 * 16-bit digits, each step a 32-bit division by a constant (the compiler
 * makes those multiplications): 3 steps instead of 32 shift-subtracts. */
#define US_TICKS (CONFIG_COUNT_HZ / 1000000u)
_Static_assert(US_TICKS > 0 && US_TICKS < 0x10000u, "hv_time_us: 16-bit digits");

static inline uint64_t ticks_to_us(uint64_t n)
{
    uint32_t hi = (uint32_t)(n >> 32), lo = (uint32_t)n;
    uint32_t x = (hi % US_TICKS) << 16 | lo >> 16;
    uint32_t y = (x % US_TICKS) << 16 | (lo & 0xffffu);
    return (uint64_t)(hi / US_TICKS) << 32 | (x / US_TICKS) << 16 | y / US_TICKS;
}

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

static int32_t hc_console_write(uint32_t va, uint32_t len)
{
    const char *p = guest_buf(va, len);
    if (!p)
        return TVP_HC_EFAULT;
    /* into the guest's own console buffer (tagged lines): what fits, at
     * most TVP_HC_CONSOLE_CHUNK bytes (a bounded exit: the guest calls
     * again for the rest) */
    return (int32_t)hv_console_write(cur->id, p, len < TVP_HC_CONSOLE_CHUNK ? len : TVP_HC_CONSOLE_CHUNK);
}

/* Hypercall 0 is answered in entry.S (hc_fast) unless it sits in a delay
 * slot or an interrupt offer needs the C path; hcall() does all of them. */
_Static_assert(TVP_ABI_VERSION == 0x00010000 && TVP_HC_VERSION == 0,
               "entry.S's hc_fast answers version with lui v0, 1");

void hcall(void)
{
    unsigned code = (ex.badinstr >> 11) & 0x3ff;
    uint32_t next = exit_next_pc();
    cur->st.hcalls++;
    switch (code) {
    case TVP_HC_VERSION:
        arch_gpr_set(R_V0, TVP_ABI_VERSION);
        arch_gpr_set(R_V1, cur->id);
        break;
    case TVP_HC_CONSOLE_WRITE:
        arch_gpr_set(R_V0, (uint32_t)hc_console_write(arch_gpr_get(R_A0), arch_gpr_get(R_A1)));
        break;
    case TVP_HC_YIELD:
        arch_gpr_set(R_V0, 0);
        cur->pc = next;
        sched_yield();
        return;
    case TVP_HC_TIME: {
        uint64_t us = ticks_to_us(hv_time());
        arch_gpr_set(R_V0, (uint32_t)us);
        arch_gpr_set(R_V1, (uint32_t)(us >> 32));
        break;
    }
    case TVP_HC_SAMPLING_WRITE ... TVP_HC_PORT_STATUS:
        chan_hcall(code);
        break;
    default:
        arch_gpr_set(R_V0, (uint32_t)TVP_HC_ENOSYS);
        break;
    }
    cur->pc = next;
}

/*
 * The guest CP0 context of the VZ module: save, load and reset it, and
 * clear the guest TLB. The hardware holds one guest context; the
 * hypervisor keeps the others in memory (issue 7 switches them).
 */
#include "arch.h"

#define SAVE_ONE(name, reg) c->name = read_gc0_##name();
#define LOAD_ONE(name, reg) write_gc0_##name(c->name);

void arch_gctx_save(struct arch_gctx *c)
{
    HV_GC0_REGS(SAVE_ONE)
    c->gtoffset = read_c0_gtoffset();
}

void arch_gctx_load(const struct arch_gctx *c)
{
    HV_GC0_REGS(LOAD_ONE)
    write_c0_gtoffset(c->gtoffset);
}

/* Reset state of a guest context (VZ spec; M5150 reset values): Status =
 * BEV | ERL, EBase = 0x80000000, kseg0 uncached (Config.K0 = 2); Config1/3
 * keep the values the core shows its guests (read-only). Count restarts
 * from 0 as on a chip just out of reset. */
void arch_gctx_reset(struct arch_gctx *c)
{
    uint32_t config1 = read_gc0_config1(), config3 = read_gc0_config3();
    *c = (struct arch_gctx){0};
    c->status = ST0_BEV | ST0_ERL;
    c->ebase = KSEG0;
    c->config = (read_gc0_config() & ~CONF_CM_CMASK) | CONF_CM_UNCACHED;
    c->config1 = config1;
    c->config3 = config3 & ~MIPS_CONF3_ISA_OE;
    c->gtoffset = -read_c0_count();
}

void arch_guest_tlb_clear(void)
{
    unsigned n = ((read_gc0_config1() & MIPS_CONF1_TLBS) >> MIPS_CONF1_TLBS_SHIFT) + 1;
    write_gc0_entrylo0(0);
    write_gc0_entrylo1(0);
    write_gc0_pagemask(0);
    for (unsigned i = 0; i < n && i < 64; i++) {
        /* distinct VPN2s in kseg0, which the guest TLB never translates */
        write_gc0_entryhi(KSEG0 + (i << 13));
        write_gc0_index(i);
        __asm__ volatile(".set push\n\t.set virt\n\ttlbgwi\n\tehb\n\t.set pop" ::: "memory");
    }
    write_gc0_entryhi(0);
    write_gc0_index(0);
}

void arch_tlb_add_invalid(uint32_t gpa)
{
    write_c0_pagemask(PM_4K);
    write_c0_entrylo0(MIPS_ENTRYLO_G);
    write_c0_entrylo1(MIPS_ENTRYLO_G);
    write_c0_entryhi(gpa & MIPS_ENTRYHI_VPN2);
    __asm__ volatile("tlbwr\n\tehb" ::: "memory");
}

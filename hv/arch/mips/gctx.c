/*
 * The guest CP0 context of the VZ module: save, load and reset it, and
 * clear the guest TLB. The hardware holds one guest context; the
 * hypervisor keeps the others in memory and switches them.
 */
#include <stddef.h>

#include "arch.h"
#include "tlb.h"

#define TVP_GUEST_TLB 16u /* M5150 guest context: Config1.MMUSize + 1 */

/* arch_gctx_save/load are in entry.S (a word per register in the
 * HV_GC0_REGS order, then GTOffset, HI, LO). */
#define GCTX_CHECK(name, reg) +1
_Static_assert(sizeof(struct arch_gctx) == 4 * (0 HV_GC0_REGS(GCTX_CHECK) + 3) &&
                   offsetof(struct arch_gctx, status) == 15 * 4 &&
                   offsetof(struct arch_gctx, kscratch2) == 27 * 4 &&
                   offsetof(struct arch_gctx, gtoffset) == 28 * 4 &&
                   offsetof(struct arch_gctx, hi) == 29 * 4 && offsetof(struct arch_gctx, lo) == 30 * 4,
               "entry.S knows struct arch_gctx word by word");

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

/* The root TLB's next entry to replace (entry.S's refill handler too):
 * round robin over all of them (tlb.h). */
uint32_t arch_tlb_next;
_Static_assert((ARCH_ROOT_TLB_ENTRIES & (ARCH_ROOT_TLB_ENTRIES - 1)) == 0, "the index wraps by a mask");

void arch_tlb_add_invalid(uint32_t gpa)
{
    write_c0_pagemask(PM_4K);
    write_c0_entrylo0(MIPS_ENTRYLO_G);
    write_c0_entrylo1(MIPS_ENTRYLO_G);
    write_c0_entryhi(gpa & MIPS_ENTRYHI_VPN2);
    write_c0_index(arch_tlb_next);
    arch_tlb_next = (arch_tlb_next + 1) & (ARCH_ROOT_TLB_ENTRIES - 1);
    __asm__ volatile("ehb\n\ttlbwi\n\tehb" ::: "memory");
}

/* The guest TLB has TVP_TLB_ENTRIES entries here (guest Config1.MMUSize). */
void arch_guest_tlb_save(struct arch_tlbe *t)
{
    for (unsigned i = 0; i < TVP_GUEST_TLB; i++) {
        write_gc0_index(i);
        __asm__ volatile(".set push\n\t.set virt\n\ttlbgr\n\tehb\n\t.set pop" ::: "memory");
        t[i].hi = read_gc0_entryhi();
        t[i].lo0 = read_gc0_entrylo0();
        t[i].lo1 = read_gc0_entrylo1();
        t[i].mask = read_gc0_pagemask();
    }
}

void arch_guest_tlb_load(const struct arch_tlbe *t)
{
    for (unsigned i = 0; i < TVP_GUEST_TLB; i++) {
        write_gc0_index(i);
        write_gc0_entryhi(t[i].hi);
        write_gc0_entrylo0(t[i].lo0);
        write_gc0_entrylo1(t[i].lo1);
        write_gc0_pagemask(t[i].mask);
        __asm__ volatile(".set push\n\t.set virt\n\ttlbgwi\n\tehb\n\t.set pop" ::: "memory");
    }
}

uint32_t arch_soft_ip[8];

/* ---- a guest's SDBBP (entry.S, arch_debug_entry) ---------------------------- */
uint32_t arch_debug_return(bool *bd)
{
    write_c0_guestctl0(read_c0_guestctl0() | GUESTCTL0_GM);
    set_c0_status(ST0_IE); /* EXL = 1: nothing is taken before the ERET */
    *bd = (read_c0_debug() & DEBUG_DBD) != 0;
    return read_c0_errorepc();
}

/* ---- FCSR condition codes (delay-slot emulation of BC1F/BC1T) --------------- */
/* The branch executed, so the guest owned the FPU and root CU1 is on; if
 * not, it cannot have been taken. FCC0 is FCSR bit 23, FCC1..7 bits 25..31
 * (MIPS32 PRA MD00090, FPU "FCSR"). */
bool arch_fp_cond(unsigned cc)
{
    uint32_t fcsr;
    if (!(read_c0_status() & ST0_CU1))
        return false;
    __asm__ volatile(".set push\n\t.set hardfloat\n\tcfc1 %0, $31\n\t.set pop" : "=r"(fcsr));
    return (fcsr >> (cc ? 24 + cc : 23)) & 1;
}

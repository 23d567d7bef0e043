/*
 * The guest CP0 context of the VZ module: save, load and reset it, and
 * clear the guest TLB. The hardware holds one guest context; the
 * hypervisor keeps the others in memory and switches them.
 */
#include <stddef.h>

#include "arch.h"
#include <tinyvp/config.h>

/* arch_gctx_save/load and the guest TLB's save/load/clear are in swap.S (a word per register in the
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

/* The root TLB's next slot (the refill handler's round robin, entry.S):
 * an invalid entry for an emulated page takes it too. */
uint32_t arch_tlb_next;
_Static_assert(TVP_TLB_ENTRIES == 16, "entry.S's refill handler counts 16 root TLB entries");

void arch_tlb_add_invalid(uint32_t gpa)
{
    write_c0_pagemask(PM_4K);
    write_c0_entrylo0(MIPS_ENTRYLO_G);
    write_c0_entrylo1(MIPS_ENTRYLO_G);
    write_c0_entryhi(gpa & MIPS_ENTRYHI_VPN2);
    write_c0_index(arch_tlb_next);
    arch_tlb_next = (arch_tlb_next + 1) % TVP_TLB_ENTRIES;
    __asm__ volatile("tlbwi\n\tehb" ::: "memory");
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

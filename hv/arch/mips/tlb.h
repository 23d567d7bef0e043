/*
 * The root TLB as the hypervisor fills it (C and assembly): the M5150 of
 * the PIC32MZ EF has 16 dual entries (its Config1.MMUSize reads 15:
 * MIPS32 PRA, MD00090, "Config1 Register"), none wired; entries are
 * replaced in order, the oldest first (arch_tlb_next: the next index).
 */
#ifndef HV_ARCH_MIPS_TLB_H
#define HV_ARCH_MIPS_TLB_H

#define ARCH_ROOT_TLB_ENTRIES 16

#endif /* HV_ARCH_MIPS_TLB_H */

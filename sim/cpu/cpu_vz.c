/*
 * The VZ module of the M5150: root-side registers. Guest mode, the guest CP0
 * context and guest exits are the next step (issue "vpsim part 3"); until
 * then the VZ registers read as zero and ignore writes, so root software
 * sees no guest mode available.
 */
#include "cpu_int.h"

uint32_t cpu_vz_cp0_read(struct cpu *c, unsigned reg, unsigned sel)
{
    return 0; /* unimplemented CP0 registers read as zero (PRA) */
}

void cpu_vz_cp0_write(struct cpu *c, unsigned reg, unsigned sel, uint32_t v)
{
}

unsigned cpu_vz_root_tlb_gid(const struct cpu *c)
{
    return 0;
}

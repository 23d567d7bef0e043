/*
 * cp0peek: the partition beside two cp0ctx ones (cp0ctx.yaml) that never
 * touches their registers by MFC0/MTC0. It reads UserLocal the way a
 * thread library does, RDHWR 29 (allowed in kernel mode, and not trapped
 * by GuestCtl0Ext.OG), over many windows: it must always see its own
 * reset value, never what the other partitions wrote there (the switch
 * leaves those registers in place only between guests that both never
 * touched them, docs/hypervisor.md "Switching guests").
 */
#include "rt.h"

#define N 40000u

int main(void)
{
    board_init();
    unsigned foreign = 0;
    uint32_t t0 = rt_ticks();
    for (unsigned i = 0; i < N; i++) {
        uint32_t v;
        __asm__ volatile(".set push\n\t.set mips32r2\n\trdhwr %0, $29\n\t.set pop" : "=r"(v));
        foreign += v != 0;
    }
    rt_printf("cp0peek: %u reads over %u ticks, %u foreign\n", N, (unsigned)(rt_ticks() - t0), foreign);
    rt_exit(foreign ? 1 : 0);
}

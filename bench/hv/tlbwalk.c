/*
 * tlbwalk: stores to one word of every 4 KB page of a memory map that needs
 * more root TLB entries than the M5150 has (16), so that the hypervisor's
 * refill handler runs steadily (bench/hv/tlb.yaml: 252 KB of RAM, 8
 * entries; eight 12 KB regions, 2 entries each). bench/hv/run measures
 * each refill from outside (exc:3..guest-entry: TLBS refill to the retry).
 * Console: "tlbwalk: N pages, P passes" at the start, "tlbwalk: done".
 */
#include "rt.h"

#define PASSES 100
#define RAM_KB 252
#define NREG 8
#define REG_BASE 0x80100000u /* tlb.yaml: regions at 0x00100000 + 64K i */
#define REG_STEP 0x10000u
#define REG_KB 12

void bench_tlb_touch(uint32_t *const *list, unsigned n);

static uint32_t *list[(RAM_KB - 32) / 4 + NREG * REG_KB / 4];

int main(void)
{
    board_init();
    unsigned n = 0;
    /* RAM above the first 32 KB (the runtime's data, bss and stack) */
    for (uint32_t off = 32 * 1024; off < RAM_KB * 1024; off += 4096)
        list[n++] = (uint32_t *)(0x80000000u + off);
    for (unsigned r = 0; r < NREG; r++)
        for (uint32_t off = 0; off < REG_KB * 1024; off += 4096)
            list[n++] = (uint32_t *)(REG_BASE + r * REG_STEP + off);
    rt_printf("tlbwalk: %u pages, %u passes\n", n, PASSES);
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    for (unsigned p = 0; p < PASSES; p++)
        bench_tlb_touch(list, n);
    rt_printf("tlbwalk: done\n");
    return 0;
}

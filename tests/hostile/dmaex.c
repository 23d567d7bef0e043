/*
 * dmaex: a partition that owns the DMA controller exclusively (dma_group
 * 1, its RAM at real 0 and its DMA zone: tests/hostile/sbp.yaml) and
 * copies, with physical addresses as on a bare board, into its neighbour's
 * RAM (real 0x40000) and into the hypervisor's RAM (real 0x70000). The bus
 * protection blocks both: the channel stops with CHERIF, and tinyVP must
 * report each violation (vector 106) and apply this guest's policy
 * (reflect: nothing more than CHERIF). A copy inside its own RAM works
 * before and after. Registers: DS60001320, sec. 10.
 */
#include "rt.h"

#define KVA_TO_PA(v) ((uint32_t)(uintptr_t)(v) & 0x1fffffffu)
#define REG(a) (*(volatile uint32_t *)(a))
#define XDMACON 0xbf811000u
#define XDMASTAT 0xbf811010u
#define XDMAADDR 0xbf811020u
#define XDCH0 0xbf811060u
#define CH(r) REG(XDCH0 + (r))
#define SET 0x8
#define CHEN (1u << 7)
#define CFORCE (1u << 7)
#define CHERIF (1u << 0)
#define CHBCIF (1u << 3)

static uint8_t src[256], dst[256];

static const char *copy(uint32_t to)
{
    CH(0x00) = 0;
    CH(0x10) = 0x00ffff00u;
    CH(0x20) = 0;
    CH(0x30) = KVA_TO_PA(src);
    CH(0x40) = to;
    CH(0x50) = CH(0x60) = CH(0x90) = sizeof src;
    CH(0x00 + SET) = CHEN;
    CH(0x10 + SET) = CFORCE;
    for (unsigned i = 0; i < 100000; i++) {
        uint32_t f = CH(0x20);
        if (f & CHERIF)
            return "blocked (CHERIF)";
        if (f & CHBCIF)
            return "DONE";
    }
    return "no end";
}

int main(void)
{
    board_init();
    for (unsigned i = 0; i < sizeof src; i++)
        ((volatile uint8_t *)src)[i] = 0xa5;
    rt_printf("dmaex: up\n");
    uint32_t t0 = read_c0_count();
    while (read_c0_count() - t0 < 2 * RT_CT_PER_MS) /* the victim fills its RAM */
        ;
    REG(XDMACON + SET) = 1u << 15;
    rt_printf("dmaex: own RAM: %s\n", copy(KVA_TO_PA(dst)));
    rt_delay_ms(20);
    rt_printf("dmaex: neighbour's RAM: %s, DMAADDR %08x\n", copy(0x40000), (unsigned)REG(XDMAADDR));
    rt_delay_ms(20);
    rt_printf("dmaex: hypervisor's RAM: %s, DMAADDR %08x\n", copy(0x70000), (unsigned)REG(XDMAADDR));
    rt_delay_ms(20);
    rt_printf("dmaex: own RAM again: %s\n", copy(KVA_TO_PA(dst)));
    rt_printf("dmaex: done\n");
    for (;;)
        rt_wait();
}

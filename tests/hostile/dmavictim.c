/*
 * dmavictim: the neighbour of dmaevil (tests/hostile/dma.yaml), its RAM
 * at real 0x40000. It fills most of its RAM with a pattern, then checks
 * it for 40 ms of its own time while the attacker aims DMA at it, and
 * says whether it is intact.
 */
#include "rt.h"

static uint8_t buf[0x5000];

int main(void)
{
    board_init();
    for (unsigned i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(i * 7 + 1);
    rt_printf("dmavictim: up\n");
    unsigned bad = 0;
    uint32_t t0 = read_c0_count();
    while (read_c0_count() - t0 < 1000 * RT_CT_PER_MS)
        for (unsigned i = 0; i < sizeof buf; i += 61)
            bad += ((volatile uint8_t *)buf)[i] != (uint8_t)(i * 7 + 1);
    for (unsigned i = 0; i < sizeof buf; i++)
        bad += buf[i] != (uint8_t)(i * 7 + 1);
    rt_printf("dmavictim: %s\n", bad ? "CHANGED" : "intact");
    for (;;)
        rt_wait();
}

/*
 * llstub: touches the page of tinyVP's LL-bit detour stub (guest-physical
 * 0x1FBFE000) outside the detour, after windows of another partition
 * have run (each of its window starts went through the detour). The page
 * is mapped only while the detour runs, so this is its ordinary fault:
 * -DREAD a load, -DFETCH a jump there (tests/bounded/run).
 */
#include "rt.h"

int main(void)
{
    board_init();
    rt_printf("llstub: up\n");
    uint32_t t0 = read_c0_count();
    while (read_c0_count() - t0 < 25 * RT_CT_PER_MS) /* several windows */
        ;
#if defined(READ)
    rt_printf("llstub: read %08x\n", (unsigned)*(volatile uint32_t *)0x9FBFE000u);
#elif defined(FETCH)
    ((void (*)(void))0x9FBFE000u)();
#else
#error "READ or FETCH"
#endif
    rt_printf("llstub: survived\n");
    return 0;
}

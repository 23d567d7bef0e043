/*
 * snoop: a partition that looks at and pokes another partition's
 * interrupt flags, enables and priorities (Timer2 and Timer3, vectors 9
 * and 14, which irqwin owns) while they are in use. Its own interrupt
 * controller shows them as absent: they read as zero and writes to them
 * are ignored (tests/system/run checks the lines, and that irqwin is
 * not disturbed). Output, 20 times:
 *   snoop: IFS0 00000000 IEC0 00000000 IPC2 00000000 IPC3 00000000
 * then "snoop: done".
 */
#include "rt.h"

#define T2T3 ((1u << VEC_TIMER2) | (1u << VEC_TIMER3))

int main(void)
{
    board_init();
    for (unsigned k = 0; k < 20; k++) {
        uint32_t ifs = SFR(IFS(0)) & T2T3, iec = SFR(IEC(0)) & T2T3;
        uint32_t ipc2 = SFR(IPC(2)) & 0x0000ff00u, ipc3 = SFR(IPC(3)) & 0x00ff0000u;
        rt_printf("snoop: IFS0 %08lx IEC0 %08lx IPC2 %08lx IPC3 %08lx\n", (unsigned long)ifs,
                  (unsigned long)iec, (unsigned long)ipc2, (unsigned long)ipc3);
        SFR_CLR(IFS(0)) = T2T3; /* someone else's flags: no effect */
        SFR_CLR(IEC(0)) = T2T3;
        SFR_SET(IFS(0)) = T2T3;
        SFR(IPC(2)) = 0;
        uint32_t c0 = rt_ticks();
        while (rt_ticks() - c0 < 1000 * RT_CT_PER_US)
            ;
    }
    rt_printf("snoop: done\n");
    return 0;
}

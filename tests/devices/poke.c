/*
 * poke: a partition whose device answers with a bus error. It owns timers
 * 4 and 5 (sub-page ranges: the hypervisor forwards each access);
 * tests/devices/run starts vpsim with --bus-error on timer 5's registers,
 * as a real board can answer (a peripheral that does not respond). It
 * reads timer 4 (fine), then loads and stores timer 5: each is a bus
 * error inside the hypervisor's forwarded access, which must become this
 * partition's fault under its on_fault policy (stop: nothing after
 * "poke: load"; reflect: a DBE here, handled below) while its neighbour
 * (tests/hostile/tick.c) runs on.
 */
#include "rt.h"

static volatile unsigned dbe;

uint32_t rt_exception(struct rt_frame *f)
{
    unsigned code = (f->cause >> 2) & 31;
    dbe++;
    rt_printf("poke: exception %u at %08lx\n", code, (unsigned long)f->epc);
    if (code != 7 || dbe > 4)
        rt_exit(128 + (int)code);
    return f->epc + 4; /* past the access (none sits in a delay slot) */
}

int main(void)
{
    rt_uart_init(WIFIRE_CONSOLE_UART, RT_CONSOLE_BAUD);
    uint32_t pr4 = SFR(TPR(4));
    rt_printf("poke: timer4 PR %08lx\n", (unsigned long)pr4);
    rt_printf("poke: load\n");
    uint32_t v = SFR(TMR(5));
    rt_printf("poke: after load (%lu exceptions)\n", (unsigned long)dbe);
    SFR(TPR(5)) = v;
    rt_printf("poke: after store (%lu exceptions)\n", (unsigned long)dbe);
    rt_printf("poke: done\n");
    return 0;
}

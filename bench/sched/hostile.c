/*
 * hostile: a guest that tries to keep the CPU and to delay the next
 * window: interrupts off, IPL at its maximum, and a loop whose every
 * iteration is the hypervisor's slowest exit path, an emulated load (the
 * interrupt controller's IFS0) in a branch delay slot (decode, emulation,
 * branch emulation). A window boundary that falls while the hypervisor
 * handles one of these waits for it: the worst case for window jitter
 * (bench/sched/hostile.yaml).
 */
#include "rt.h"

void bench_hostile(volatile uint32_t *reg) __attribute__((noreturn));

int main(void)
{
    rt_irq_off();
    write_c0_status(read_c0_status() | ST0_IPL | ST0_IPL7);
    bench_hostile(&SFR(IFS(0)));
}

/*
 * hostile: a partition that sleeps 2 ms (so its neighbour runs), then
 * attacks once, chosen at build time (-DATTACK_x). tinyVP's health monitor
 * must apply its on_fault policy and keep the other partition running.
 * The storm attack starts at once and faults again and again (restart:
 * at every start; reflect: its handler resumes at the faulting store).
 */
#include "rt.h"

static volatile uint32_t sink;

#ifdef ATTACK_storm
/* on_fault: reflect: the fault handler resumes at the faulting store, so
 * the fault repeats as fast as the partition runs */
uint32_t rt_exception(struct rt_frame *f)
{
    return f->epc;
}
#endif

static void attack(void)
{
#if defined(ATTACK_ram)        /* RAM beyond its own 32 KB */
    *(volatile uint32_t *)0x80010000u = 1;
#elif defined(ATTACK_hvram)    /* the hypervisor's RAM, uncached */
    *(volatile uint32_t *)0xA0070000u = 0xdeadbeefu;
#elif defined(ATTACK_device)   /* UART1: not in its device list */
    sink = SFR(UART_BASE(1));
#elif defined(ATTACK_flash)    /* its own program flash: read-only */
    *(volatile uint32_t *)0x9D000000u = 0;
#elif defined(ATTACK_fetch)    /* execute from a device page */
    ((void (*)(void))CFG_BASE)();
#elif defined(ATTACK_mfgc0)    /* a root-only (VZ) instruction */
    __asm__ volatile(".set push\n\t.set virt\n\tmfgc0 $t0, $12, 0\n\t.set pop" ::: "$8");
#elif defined(ATTACK_rdpgpr)   /* a shadow-set instruction */
    __asm__ volatile("rdpgpr $t0, $sp" ::: "$8");
#elif defined(ATTACK_undef)    /* a reserved encoding (SPECIAL funct 0x3f) */
    __asm__ volatile(".word 0x0000003f");
#elif defined(ATTACK_sdbbp)     /* a debug breakpoint: a guest has no debug mode */
    __asm__ volatile("sdbbp 0x55");
#elif defined(ATTACK_uhi)       /* a UHI exit (semihosting is not a guest's) */
    __asm__ volatile("move $a0, $zero\n\tli $t9, 1\n\tsdbbp 1" ::: "$4", "$25", "memory");
#elif defined(ATTACK_storm)     /* RAM beyond its own, again and again */
    *(volatile uint32_t *)0x80010000u = 1;
#elif defined(ATTACK_fpu)      /* nothing: crt0 enabling the FPU is enough */
#else
#error "ATTACK_x"
#endif
}

int main(void)
{
    board_init();
    rt_printf("hostile: up\n");
#ifndef ATTACK_storm /* a storm starts at once */
    uint32_t t0 = read_c0_count();
    while (read_c0_count() - t0 < 2 * RT_CT_PER_MS)
        ;
#endif
    attack();
    rt_printf("hostile: survived\n");
    return 0;
}

/*
 * probe: the guest whose exits bench/hv/run measures from outside with
 * vpsim --measure (the hypervisor carries no benchmark code). A bare-board
 * firmware built with the example runtime (guests/rt); its measured
 * instructions are in hot.S. Phases, REPS times each, in this order:
 *
 *   hc      HYPCALL 0 (version)                        bench_hc_insn
 *   hct     HYPCALL 3 (time, a service in C)           bench_hct_insn
 *   intc    LW IFS0, SW IFS0CLR (emulated controller)  bench_ld/st_intc_insn
 *   uart    LW U4STA, SW U4TXREG (console UART)        bench_ld/st_uart_insn
 *   dma     LW DCH0INT, SW DCH0SSA (DMA emulator: a real and a virtual
 *           register), SW DCH0CONSET = CHEN (arming: both ranges checked
 *           and translated; never forced: no transfer)
 *                                          bench_ld_dma_insn, bench_st_dma(arm)_insn
 *   ct      core-timer interrupt (the virtual timer): Compare = Count + 3000,
 *           spin until the handler (which clears IFS0.0) sets the flag
 *   dev     Timer2 interrupt (a device the guest owns), period 50 us, the
 *           same handler shape; needs interrupt pass-through:
 *           without it the guest spins here until the run's time limit
 *
 *
 * Channel mode (bench/hv/chan.yaml: two probes, a sampling port of 16 and
 * one of 256 bytes and a queue of 64 256-byte messages from guest 1 to
 * guest 2; the probe finds the ports with
 * a status hypercall, which bench/hv/probe.yaml's lone probe gets
 * refused): guest 1 writes each sampling port REPS times (bench_chw16/256_insn)
 * and sends CH_DEPTH 256-byte messages to a queue (bench_qs256_insn), and
 * yields; guest 2 reads each sampling port REPS times (bench_chr16/256_insn)
 * and receives the queued messages (bench_qr256_insn).
 *
 * Console: "probe: PHASE" before each phase, "probe: done" at the end.
 * bench/hv/probe.yaml gives it a 1 s frame, longer than the run, so that no
 * window boundary (a root timer interrupt) falls into a phase.
 */
#include "rt.h"

#include <tinyvp/hypercall.h>

#define REPS 1000

void bench_hc(unsigned n);
void bench_hct(unsigned n);
void bench_ld_intc(volatile uint32_t *reg, unsigned n);
void bench_ld_uart(volatile uint32_t *reg, unsigned n);
void bench_st_intc(volatile uint32_t *reg, uint32_t v, unsigned n);
void bench_st_uart(volatile uint32_t *txreg, uint32_t c);
void bench_ld_dma(volatile uint32_t *reg, unsigned n);
void bench_st_dma(volatile uint32_t *reg, uint32_t v, unsigned n);
void bench_st_dmaarm(volatile uint32_t *reg, uint32_t v, unsigned n);
static uint8_t dma_src[64], dma_dst[64];
void bench_spin_ct(volatile uint32_t *flag);
void bench_spin_dev(volatile uint32_t *flag);
void bench_chw16(unsigned port, const void *buf, unsigned len, unsigned n);
void bench_chw256(unsigned port, const void *buf, unsigned len, unsigned n);
void bench_chr16(unsigned port, void *buf, unsigned len, unsigned n);
void bench_chr256(unsigned port, void *buf, unsigned len, unsigned n);
void bench_qs256(unsigned port, const void *buf, unsigned len, unsigned n);
void bench_qr256(unsigned port, void *buf, unsigned len, unsigned n);
static uint8_t ch_buf[256];
#define CH_DEPTH 64 /* chan.yaml: q256's depth */

static volatile uint32_t flag;

static void irq(unsigned vec)
{
    rt_irq_clear(vec);
    flag = 1;
}

/* A line per phase, then quiet: the line is sent (and the hypervisor's
 * console has drained it) before the phase starts, so that no console
 * interrupt falls into the measurements. */
static void phase(const char *name)
{
    rt_printf("probe: %s\n", name);
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    rt_delay_ms(2);
}

_Static_assert(TVP_HC_PORT_STATUS == 8, "hc_status encodes HYPCALL 8");
static long hc_status(unsigned port)
{
    register long a0 __asm__("$4") = (long)port;
    register long v0 __asm__("$2");
    __asm__ volatile(".word 0x42000028 + (8 << 11)" : "=r"(v0) : "r"(a0) : "$3", "memory");
    return v0;
}

/* chan.yaml: guest 1 writes, guest 2 reads (ports 0: 16 bytes, 1: 256) */
static void channels(void)
{
    long id;
    tvp_hc_version(0, 0, &id);
    phase(id == 1 ? "chw" : "chr");
    if (id == 1) {
        for (unsigned i = 0; i < sizeof ch_buf; i++)
            ch_buf[i] = (uint8_t)i;
        bench_chw16(0, ch_buf, 16, REPS);
        bench_chw256(1, ch_buf, 256, REPS);
        bench_qs256(2, ch_buf, 256, CH_DEPTH);
        phase("done");
        for (;;)
            tvp_hc_yield(0, 0, 0);
    }
    while (hc_status(1) < 1) /* the writer's window first */
        tvp_hc_yield(0, 0, 0);
    bench_chr16(0, ch_buf, sizeof ch_buf, REPS);
    bench_chr256(1, ch_buf, sizeof ch_buf, REPS);
    bench_qr256(2, ch_buf, sizeof ch_buf, CH_DEPTH);
    phase(ch_buf[255] == 255 ? "done" : "wrong data");
    for (;;)
        tvp_hc_yield(0, 0, 0);
}

int main(void)
{
    board_init();
    rt_delay_ms(30); /* the hypervisor's banner leaves the console */
    if (hc_status(0) >= 0)
        channels();
    phase("hc");
    bench_hc(REPS);
    bench_hct(REPS);

    phase("intc");
    bench_ld_intc(&SFR(IFS(0)), REPS);
    bench_st_intc(&SFR_CLR(IFS(0)), 1u << VEC_CORE_SW0, REPS);

    phase("uart");
    bench_ld_uart(&SFR(USTA(WIFIRE_CONSOLE_UART)), REPS);
    for (unsigned i = 0; i < 200; i++) {
        while (SFR(USTA(WIFIRE_CONSOLE_UART)) & USTA_UTXBF)
            ;
        bench_st_uart(&SFR(UTXREG(WIFIRE_CONSOLE_UART)), "0123456789"[i % 10]);
    }
    rt_puts("\n");

    phase("dma"); /* DS60001320 sec. 10: DCH0 at 0xBF811060 */
    SFR(DCH(0) + DCH_SSIZ) = sizeof dma_src;
    SFR(DCH(0) + DCH_DSIZ) = sizeof dma_dst;
    SFR(DCH(0) + DCH_CSIZ) = sizeof dma_dst;
    SFR(DCH(0) + DCH_DSA) = (uint32_t)(uintptr_t)dma_dst & 0x1fffffffu;
    bench_ld_dma(&SFR(DCH(0) + DCH_INT), REPS);
    bench_st_dma(&SFR(DCH(0) + DCH_SSA), (uint32_t)(uintptr_t)dma_src & 0x1fffffffu, REPS);
    bench_st_dmaarm(&SFR(DCH(0) + DCH_CON + 8), 1u << 7, REPS); /* CONSET = CHEN */
    SFR(DCH(0) + DCH_CON) = 0;

    phase("ct");
    rt_irq_attach(VEC_CORE_TIMER, irq, 3);
    rt_irq_on();
    for (unsigned i = 0; i < REPS; i++) {
        flag = 0;
        write_c0_compare(read_c0_count() + 3000);
        bench_spin_ct(&flag);
    }
    rt_irq_disable(VEC_CORE_TIMER);

    phase("dev");
    rt_irq_attach(VEC_TIMER2, irq, 3);
    rt_timer_start(2, 5000);
    for (unsigned i = 0; i < REPS; i++) {
        flag = 0;
        bench_spin_dev(&flag);
    }
    rt_timer_stop(2);
    rt_irq_disable(VEC_TIMER2);
    phase("done");
    return 0;
}

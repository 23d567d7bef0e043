/*
 * The PIC32MZ EF interrupt controller (EVIC) in external-interrupt-
 * controller (EIC) mode: INTCON, PRISS, INTSTAT, IPTMR, IFS0–6, IEC0–6,
 * IPC0–53, OFF000–213 at 0xBF810000.
 *
 * Devices raise their interrupt sources through this interface:
 *  - intc_raise(ic, v): a non-persistent (edge) source had its event
 *    (timer period match, core timer match): IFS bit v is set. The flag
 *    stays until software clears it.
 *  - intc_level(ic, v, on): a persistent (level) source (UART RX/TX/fault,
 *    change notice): while `on`, the IFS bit is set and comes back right
 *    after software clears it. Call it whenever the condition may change.
 *  - intc_ext_pin(ic, n, level): the input of external interrupt INTn
 *    (n = 0..4) changed level; the controller detects the edge selected
 *    by INTCON.INTnEP. The port model calls it through the PPS mapping.
 * The controller recomputes, after every change, the highest-priority
 * pending and enabled vector and presents (level, vector offset, shadow
 * set) to the CPU with cpu_set_eic(). Arbitration and the decisions behind
 * it are described in docs/simulator.md ("Interrupt controller").
 */
#ifndef SIM_SOC_PIC32MZ_INTC_H
#define SIM_SOC_PIC32MZ_INTC_H

#include <stdbool.h>
#include <stdint.h>

#define INTC_BASE    0x1F810000u
#define INTC_NVEC    214 /* vectors 0..213 */

/* Vector numbers (XC32 p32mz2048efg100.h). */
#define IRQ_CORE_TIMER 0
#define IRQ_CORE_SW0   1
#define IRQ_CORE_SW1   2
#define IRQ_INT0       3
#define IRQ_INT(n)     (3u + 5u * (n)) /* INT0..INT4: 3, 8, 13, 18, 23 */
/* Timers 1..9: 4, 9, 14, 19, 24, 28, 32, 36, 40. */
#define IRQ_TIMER(n)   ((n) <= 5 ? 5u * (n) - 1u : 4u * (n) + 4u)
#define IRQ_SBP        106
#define IRQ_CN(port)   (118u + (port)) /* change notice, port A=0 .. G=6 */
#define IRQ_DMA(ch)    (134u + (ch))
#define IRQ_FLASH      167

/* INTCON / PRISS / INTSTAT fields. */
#define INTCON_MVEC     (1u << 12)
#define INTCON_TPC_SHIFT 8
#define INTCON_TPC      (7u << 8)
#define INTCON_INTEP(n) (1u << (n))
#define PRISS_SS0       1u

struct soc;
struct intc;

bool intc_init(struct soc *s);
/* Does vector v exist on this chip (has an IFS bit and an OFF register)? */
bool intc_vector_exists(unsigned v);
void intc_raise(struct intc *ic, unsigned v);
void intc_level(struct intc *ic, unsigned v, bool on);
void intc_ext_pin(struct intc *ic, unsigned n, bool level);
/* Interrupt events for the DMA controller (DCHxECON.CHSIRQ/CHAIRQ start
 * and abort on a source's event whatever IEC says): fn(ctx, v) runs each
 * time hardware sets IFS bit v (an edge source's event, a persistent
 * source asserting or coming back after a clear). It must not re-enter
 * the controller synchronously (schedule an event instead). */
void intc_set_listener(struct intc *ic, void (*fn)(void *ctx, unsigned v), void *ctx);
/* A pure observer of the same events, for measurements (one). */
void intc_set_probe(struct intc *ic, void (*fn)(void *ctx, unsigned v), void *ctx);
/* Is persistent source v asserted now (intc_level)? */
bool intc_level_on(const struct intc *ic, unsigned v);
/* CPU side (wired by soc.c to struct cpu_hooks). */
void intc_cpu_lines(struct intc *ic, unsigned lines);
void intc_cpu_ack(struct intc *ic, unsigned ripl);

#endif

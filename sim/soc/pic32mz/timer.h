/*
 * Timers 1–9 (Type A: T1; Type B: T2–T9, pairs 2/3, 4/5, 6/7, 8/9 as
 * 32-bit timers), clocked from PBCLK3 through their prescalers.
 *
 * Event-driven: a running timer keeps (count, cycle) at its last tick and
 * one event at its next period match; TMR is computed when read. On
 * TMR = PR the next tick zeroes TMR and sets the flag (period PR + 1).
 * Decisions (external clock, gate, PR = 0) in docs/simulator.md.
 */
#ifndef SIM_SOC_PIC32MZ_TIMER_H
#define SIM_SOC_PIC32MZ_TIMER_H

#include <stdbool.h>

#define TIMER_BASE 0x1F840000u /* Tn at TIMER_BASE + 0x200 (n - 1) */

struct soc;
bool timers_init(struct soc *s);

#endif

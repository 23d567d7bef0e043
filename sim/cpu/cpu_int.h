/* Internal interfaces between the files of the CPU core (not for devices). */
#ifndef SIM_CPU_CPU_INT_H
#define SIM_CPU_CPU_INT_H

#include "cpu.h"

/* cp0.c */
void cp0_reset(struct cpu *c);
void cpu_timer_update(struct cpu *c);
void cpu_timer_fire(struct cpu *c);
void cpu_irq_lines_update(struct cpu *c);
void cpu_tlb_read(struct cpu *c);
void cpu_tlb_write(struct cpu *c, unsigned idx);
void cpu_tlb_write_random(struct cpu *c);
void cpu_tlb_probe(struct cpu *c);

/* cpu.c */
void cpu_set_css(struct cpu *c, unsigned css);
void cpu_status_changed(struct cpu *c);
void cpu_mmu_changed(struct cpu *c);
void cpu_recompute_deadline(struct cpu *c);
void cpu_request_irq_check(struct cpu *c);
uint32_t cpu_cause_read(const struct cpu *c);

/* cpu_vz.c: the VZ module (root side seams). */
uint32_t cpu_vz_cp0_read(struct cpu *c, unsigned reg, unsigned sel);
void cpu_vz_cp0_write(struct cpu *c, unsigned reg, unsigned sel, uint32_t v);
unsigned cpu_vz_root_tlb_gid(const struct cpu *c);

/* uhi.c: semihosting; returns true if the SDBBP was a UHI call. */
bool cpu_uhi_call(struct cpu *c);

#endif

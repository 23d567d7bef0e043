/* Internal interfaces between the files of the CPU core (not for devices). */
#ifndef SIM_CPU_CPU_INT_H
#define SIM_CPU_CPU_INT_H

#include "cpu.h"

/* cp0.c */
void cp0_reset(struct cpu *c);
void cpu_timer_update(struct cpu *c);
void cpu_timer_fire(struct cpu *c);
void cpu_irq_lines_update(struct cpu *c);
void cpu_tlb_read(struct cpu *c, bool guest);
void cpu_tlb_write(struct cpu *c, bool guest, unsigned idx);
void cpu_tlb_write_random(struct cpu *c, bool guest);
void cpu_tlb_probe(struct cpu *c, bool guest);
uint32_t cp0_ctx_read(struct cpu *c, bool guest, unsigned reg, unsigned sel);
void cp0_ctx_write(struct cpu *c, bool guest, unsigned reg, unsigned sel, uint32_t v);
uint32_t cpu_guest_count(const struct cpu *c);
void cpu_gtimer_update(struct cpu *c);
void cpu_gtimer_fire(struct cpu *c);

/* cpu.c */
void cpu_set_css(struct cpu *c, unsigned css);
void cpu_status_changed(struct cpu *c);
void cpu_mmu_changed(struct cpu *c);
void cpu_recompute_deadline(struct cpu *c);
void cpu_request_irq_check(struct cpu *c);
uint32_t cpu_cause_read(const struct cpu *c);
uint32_t cpu_guest_cause_read(const struct cpu *c);
/* Exceptions by destination. */
void cpu_exc_root(struct cpu *c, unsigned exccode, uint32_t off, uint32_t bev_addr);
void cpu_exc_guest(struct cpu *c, unsigned exccode, uint32_t off, uint32_t bev_addr);
/* A guest exit: root GE exception with GuestCtl0.GExcCode = gexc. */
void cpu_vz_exit(struct cpu *c, unsigned gexc);
/* Re-evaluates guest mode after root Status/GuestCtl0/Debug changes. */
void cpu_vz_mode_update(struct cpu *c);
/* Guest-mode handling of privileged instructions (cpu_vz.c). Each returns
 * true if an exception or exit was raised (the instruction did not retire). */
enum { VZ_RETIRE = 0, VZ_EXC = 1, VZ_JUMPED = 2 };
int cpu_vz_guest_cop0(struct cpu *c, uint32_t insn); /* VZ_* */
bool cpu_vz_guest_cache(struct cpu *c, uint32_t insn);
bool cpu_vz_guest_rdhwr_cc(struct cpu *c);
/* Root-mode VZ instructions: MFGC0/MTGC0 (COP0 rs=3), TLBG*, HYPCALL. */
bool cpu_vz_root_cop0(struct cpu *c, uint32_t insn);
void cpu_gmap_flush(struct cpu *c);

/* cpu_vz.c: the VZ module (root side seams). */
uint32_t cpu_vz_cp0_read(struct cpu *c, unsigned reg, unsigned sel);
void cpu_vz_cp0_write(struct cpu *c, unsigned reg, unsigned sel, uint32_t v);
unsigned cpu_vz_root_tlb_gid(const struct cpu *c);

/* micromips.c: the microMIPS32 decoder (pure) and the execution of what has
 * no MIPS32 equivalent. A decoded instruction is either an equivalent MIPS32
 * word (kind MM_MIPS32) or, with primary opcode MM_OPCODE, an MM_* kind. */
#define MM_OPCODE 0x3Bu /* a primary opcode MIPS32 r5 leaves reserved */
enum mm_kind {
    MM_MIPS32 = 0, MM_BEQ, MM_BNE, MM_BLTZ, MM_BGEZ, MM_BLEZ, MM_BGTZ, MM_BEQZC, MM_BNEZC,
    MM_BC1F, MM_BC1T, MM_J, MM_JALX, MM_JR, MM_JRADDIUSP, MM_MOVEP, MM_ADDIUPC,
    MM_LWP, MM_SWP, MM_LWM, MM_SWM, MM_LWXS,
};
enum { MM_RETIRE = 0, MM_EXC = 1, MM_JUMP = 2 };
/* 16-bit if the major opcode's low 3 bits are 1..3 (MD00582 sec. 6.2). */
static inline unsigned mm_size(uint32_t hw1)
{
    unsigned m = (hw1 >> 10) & 7;
    return (m >= 1 && m <= 3) ? 2 : 4;
}
void mm_decode(uint32_t raw, unsigned size, struct mm_insn *d);
/* Executes an MM_OPCODE instruction at pc (odd); MM_JUMP: *next is the PC. */
int mm_exec(struct cpu *c, const struct mm_insn *d, uint32_t pc, uint32_t *next);
/* cpu.c: CP1 usable in the current context (raises CpU otherwise). */
bool cpu_cp1_usable(struct cpu *c);

/* uhi.c: semihosting; returns true if the SDBBP was a UHI call. */
bool cpu_uhi_call(struct cpu *c);

#endif

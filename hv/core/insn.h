/*
 * Instruction decoding for the emulators (insn.c: MIPS32; insn_mm.c:
 * microMIPS32): the memory access of a trapped load/store, where a
 * branch goes (delay-slot emulation), and the MIPS32 equivalent of a
 * trapping microMIPS instruction. Guest registers and the FPU condition
 * codes are read through the two functions declared here, so these files
 * build on the host too (tests/unit/test_insn.c).
 */
#ifndef HV_CORE_INSN_H
#define HV_CORE_INSN_H

#include <stdbool.h>
#include <stdint.h>

/* (as hv.h) a rarely run switch as compares: no jump table in flash */
#ifndef HV_NO_JUMP_TABLES
#define HV_NO_JUMP_TABLES __attribute__((optimize("no-jump-tables")))
#endif

uint32_t arch_gpr_get(unsigned n);
bool arch_fp_cond(unsigned cc); /* FCSR condition code cc (0..7) */

struct mem_op {
    uint8_t size;      /* bytes moved: 1, 2, 4 or 8 (LDC1/SDC1); MEM_MULTI: 4 each word */
    uint8_t store;
    uint8_t sign;      /* sign-extend a load */
    uint8_t kind;      /* enum mem_kind */
    uint8_t reg;       /* rt (GPR or FPR); MEM_MULTI: the number of words */
    uint8_t len;       /* the instruction's length in bytes: 4, or 2 (microMIPS 16-bit) */
    uint32_t regs;     /* MEM_MULTI: the GPRs, one bit each, word k to the k-th lowest */
    uint32_t ea;       /* effective (guest virtual) address */
};
enum mem_kind { MEM_PLAIN, MEM_LEFT, MEM_RIGHT, MEM_LL, MEM_SC, MEM_FPU, MEM_CACHE, MEM_MULTI };

/* MIPS32 */
bool insn_mem(uint32_t insn, struct mem_op *op);
uint32_t insn_branch_next(uint32_t branch, uint32_t pc);

/*
 * microMIPS32 (MIPS32 microMIPS Instruction Set, MD00582). An instruction
 * word as BadInstr/BadInstrP hold it: a 32-bit instruction with its first
 * halfword (the major opcode) in bits 31:16; a 16-bit one in bits 15:0
 * with bits 31:16 zero (MIPS32 PRA MD00090, "BadInstr Register"). One
 * in bits 31:16 with 15:0 zero is taken as well.
 */
bool insn_mm_mem(uint32_t insn, struct mem_op *op);
/* Where execution continues after the delay slot of the branch or jump
 * `branch` at pc (bit 0 clear) whose slot is slot_len bytes: the target
 * with its ISA bit (bit 0: 1 microMIPS, 0 MIPS32), or pc + its length +
 * slot_len, bit 0 set. */
/* A load/store or branch word's length, 2 or 4 (not for the VZ exits:
 * DI with rs 0 reads as a 16-bit word). */
unsigned insn_mm_len(uint32_t insn);
uint32_t insn_mm_branch_next(uint32_t branch, uint32_t pc, unsigned slot_len);
/* The MIPS32 instruction that does what the microMIPS one does, for the
 * exits the hypervisor emulates from the instruction word (CP0 moves,
 * DI/EI, ERET, WAIT, CACHE, RDHWR, the TLB operations, HYPCALL, SDBBP);
 * 0 (a MIPS32 NOP, which no exit decodes as anything) for the rest. */
uint32_t insn_mm_to_mips32(uint32_t insn);

#endif /* HV_CORE_INSN_H */

/*
 * vpsim: a MIPS32r5 disassembler for traces and the debugger.
 *
 * Covers every encoding the core executes (sim/cpu): the integer ISA,
 * CP0 (with the M5150's and VZ's register names), the VZ instructions
 * (MFGC0/MTGC0, HYPCALL, TLBG*), the FPU (COP1, COP1X). The text follows
 * GNU objdump: ABI register names, objdump's aliases (nop, move, li, b,
 * bal, beqz, negu, ...), hex for logical immediates and codes, decimal for
 * arithmetic immediates and offsets. Branch and jump targets are resolved
 * and printed as 0x%x. The differences from objdump that remain are listed
 * in docs/simulator.md ("Traces and debugging") and tests/debug/run.
 */
#ifndef SIM_HOST_DISASM_H
#define SIM_HOST_DISASM_H

#include <stddef.h>
#include <stdint.h>

/* Writes "mnemonic\toperands" (or just "mnemonic") for the instruction
 * word `insn` at address `pc` into buf (always NUL-terminated when n > 0).
 * Returns 1 when the word is an instruction the core executes, 0 when it
 * is not (the text is then ".word\t0x..." as objdump prints it). */
int disasm(uint32_t pc, uint32_t insn, char *buf, size_t n);

/* microMIPS: the instruction of `size` bytes (2 or 4) at pc (bit 0 may be
 * the ISA bit); raw as BadInstr holds it (16-bit: bits 15:0; 32-bit: the
 * first halfword in 31:16). Same text conventions and return value. */
int disasm_mm(uint32_t pc, uint32_t raw, unsigned size, char *buf, size_t n);

/* ABI name of GPR r (0..31): "zero", "at", ..., "ra". */
const char *disasm_gpr_name(unsigned r);

#endif /* SIM_HOST_DISASM_H */

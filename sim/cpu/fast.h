/*
 * vpsim: the fast execution loop (fast.c). Basic blocks of MIPS32 and
 * microMIPS code are
 * decoded once into arrays of pre-decoded operations and run by threaded
 * dispatch; anything outside the common subset, and every instruction
 * that could cross the next deadline, runs through the exact interpreter
 * of cpu.c one instruction at a time. Both give the same instruction
 * counts, cycle counts and architectural state (docs/simulator.md,
 * "Speed").
 */
#ifndef SIM_CPU_FAST_H
#define SIM_CPU_FAST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cpu;

/* Set-up and tear-down (cpu_init/cpu_free). */
void fast_init(struct cpu *c);
void fast_free(struct cpu *c);

/* Runs until c->cycles reaches c->deadline or the run stops, through
 * decoded blocks where allowed (no per-instruction hook, not --exact),
 * otherwise through the exact interpreter. */
void fast_run(struct cpu *c);

/* Host memory [p, p+len) was written by something (CPU store through the
 * bus, DMA, NVM, loader, debugger): decoded blocks holding those bytes are
 * dropped. */
void fast_mem_written(struct cpu *c, const uint8_t *p, size_t len);

/* Does the 4 KB host page starting at p hold decoded code? Such pages are
 * kept out of the CPU's host-pointer write maps, so every store to them
 * takes the slow path and reaches fast_mem_written. */
bool fast_code_page(const struct cpu *c, const uint8_t *p);

/* Instructions retired in decoded blocks, blocks decoded, and of those the
 * microMIPS ones, so far. */
void fast_stats(const struct cpu *c, uint64_t *insns, uint64_t *blocks, uint64_t *mm_blocks);

#endif /* SIM_CPU_FAST_H */

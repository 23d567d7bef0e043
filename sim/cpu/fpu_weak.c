/* Temporary weak fallbacks so vpsim links before fpu.c lands: every COP1
 * instruction raises RI. Removed once fpu.c is in. */
#include <mips/mipsregs.h>

#include "cpu.h"

__attribute__((weak)) void fpu_reset(struct cpu *c) { c->fpu.fcsr = 0x000C0000u; }
__attribute__((weak)) bool fpu_exec_cop1(struct cpu *c, uint32_t insn)
{
    cpu_exception(c, EXCCODE_RI, false, 0);
    return true;
}
__attribute__((weak)) bool fpu_exec_cop1x(struct cpu *c, uint32_t insn)
{
    cpu_exception(c, EXCCODE_RI, false, 0);
    return true;
}
__attribute__((weak)) uint32_t fpu_get_w(const struct cpu *c, unsigned fs) { return (uint32_t)c->fpu.fpr[fs]; }
__attribute__((weak)) void fpu_set_w(struct cpu *c, unsigned fd, uint32_t v) { c->fpu.fpr[fd] = v; }
__attribute__((weak)) uint64_t fpu_get_d(const struct cpu *c, unsigned fs) { return c->fpu.fpr[fs]; }
__attribute__((weak)) void fpu_set_d(struct cpu *c, unsigned fd, uint64_t v) { c->fpu.fpr[fd] = v; }
__attribute__((weak)) bool fpu_d_ok(const struct cpu *c, unsigned r) { return true; }

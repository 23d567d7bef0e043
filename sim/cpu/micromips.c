/*
 * vpsim: execution of the microMIPS-only operations (branches and jumps with
 * their microMIPS offsets, links and ISA-mode rules, compact branches,
 * LWM/SWM, LWP/SWP, MOVEP, ADDIUPC, LWXS, JRADDIUSP), decoded by
 * mm_decode.c, whose header explains the design (MIPS Architecture Vol.
 * II-B, microMIPS32, MD00582).
 */
#include <mips/mipsregs.h>

#include "cpu_int.h"
#include "timing.h"

/* ---- execution of the microMIPS-only operations ------------------------- */

/* A branch or jump with a delay slot: the slot is the next instruction; its
 * size is known only once it is fetched, so a not-taken branch asks cpu.c
 * to go on sequentially after it (ds_seq). ds_back is the branch's size
 * (EPC of an exception in the slot is the branch: MD00090, "Cause.BD"). */
static void mm_branch(struct cpu *c, const struct mm_insn *d, bool taken, uint32_t target)
{
    c->in_ds = true;
    c->ds_back = d->size;
    c->ds_seq = !taken;
    c->ds_target = target;
}

static void set_link(struct cpu *c, const struct mm_insn *d, uint32_t pc)
{
    if (d->link)
        c->r[d->link] = pc + d->size + d->slot; /* pc is odd: ISA bit 1 */
}

int mm_exec(struct cpu *c, const struct mm_insn *d, uint32_t pc, uint32_t *next)
{
    uint32_t *R = c->r;
    uint32_t base = pc + d->size; /* odd: the address after the branch, ISA bit */
    switch (d->kind) {
    case MM_BEQ: { bool t = R[d->a] == R[d->b]; mm_branch(c, d, t, base + (uint32_t)d->imm); break; }
    case MM_BNE: { bool t = R[d->a] != R[d->b]; mm_branch(c, d, t, base + (uint32_t)d->imm); break; }
    case MM_BLTZ: case MM_BGEZ: {
        int32_t s = (int32_t)R[d->a];
        bool t = d->kind == MM_BLTZ ? s < 0 : s >= 0;
        set_link(c, d, pc);
        mm_branch(c, d, t, base + (uint32_t)d->imm);
        break;
    }
    case MM_BLEZ: mm_branch(c, d, (int32_t)R[d->a] <= 0, base + (uint32_t)d->imm); break;
    case MM_BGTZ: mm_branch(c, d, (int32_t)R[d->a] > 0, base + (uint32_t)d->imm); break;
    case MM_BEQZC: case MM_BNEZC: /* compact: no delay slot */
        if ((R[d->a] == 0) == (d->kind == MM_BEQZC)) {
            *next = base + (uint32_t)d->imm;
            return MM_JUMP;
        }
        break;
    case MM_BC1F: case MM_BC1T: {
        if (!cpu_cp1_usable(c))
            return MM_EXC;
        uint32_t bit = d->c ? 1u << (24 + d->c) : FCSR_FCC0;
        bool set = (c->fpu.fcsr & bit) != 0;
        mm_branch(c, d, set == (d->kind == MM_BC1T), base + (uint32_t)d->imm);
        break;
    }
    case MM_J: { /* J32 / JAL32 / JALS: region of the slot's address */
        uint32_t t = ((pc + d->size) & 0xF8000000u) | (uint32_t)d->imm | 1u;
        set_link(c, d, pc);
        mm_branch(c, d, true, t);
        break;
    }
    case MM_JALX: { /* to MIPS32: 4-byte aligned target, ISA bit 0 */
        uint32_t t = ((pc + d->size) & 0xF0000000u) | (uint32_t)d->imm;
        set_link(c, d, pc);
        mm_branch(c, d, true, t);
        break;
    }
    case MM_JR: { /* JR16 JRC JALR16 JALRS16 JALR(.HB) JALRS(.HB): bit 0 = ISA mode */
        uint32_t t = R[d->a];
        set_link(c, d, pc);
        if (!d->slot) { /* JRC */
            *next = t;
            return MM_JUMP;
        }
        mm_branch(c, d, true, t);
        break;
    }
    case MM_JRADDIUSP: {
        uint32_t t = R[31];
        R[29] += (uint32_t)d->imm;
        *next = t;
        return MM_JUMP;
    }
    case MM_MOVEP: {
        uint32_t v1 = R[d->c], v2 = R[d->link];
        R[d->a] = v1;
        R[d->b] = v2;
        break;
    }
    case MM_LWXS: {
        uint32_t v;
        if (!cpu_load(c, R[d->a] + (R[d->b] << 2), 4, &v))
            return MM_EXC;
        if (d->c)
            R[d->c] = v;
        c->load_dest = d->c;
        break;
    }
    case MM_ADDIUPC:
        R[d->a] = ((pc - 1) & ~3u) + (uint32_t)d->imm;
        break;
    case MM_LWP: case MM_SWP: {
        uint32_t va = R[d->a] + (uint32_t)d->imm, v0, v1;
        unsigned r = d->b;
        if (d->kind == MM_LWP) {
            if (!cpu_load(c, va, 4, &v0) || !cpu_load(c, va + 4, 4, &v1))
                return MM_EXC;
            if (r)
                R[r] = v0;
            if (r < 31)
                R[r + 1] = v1;
            c->load_dest = (uint8_t)((r + 1) & 31);
        } else {
            if (!cpu_store(c, va, 4, R[r]) || !cpu_store(c, va + 4, 4, R[(r + 1) & 31]))
                return MM_EXC;
        }
        c->cycles += T_MULTI_WORD;
        break;
    }
    case MM_LWM: case MM_SWM: { /* s0..s7, fp (count 9), then ra; ascending addresses */
        uint32_t va = R[d->a] + (uint32_t)d->imm;
        unsigned n = d->b & 15, k = 0;
        uint8_t regs[10];
        for (unsigned i = 0; i < n; i++)
            regs[k++] = (uint8_t)(i < 8 ? 16 + i : 30);
        if (d->b & 16)
            regs[k++] = 31;
        for (unsigned i = 0; i < k; i++, va += 4) {
            if (d->kind == MM_LWM) {
                uint32_t v;
                if (!cpu_load(c, va, 4, &v))
                    return MM_EXC;
                R[regs[i]] = v;
            } else if (!cpu_store(c, va, 4, R[regs[i]])) {
                return MM_EXC;
            }
        }
        if (d->kind == MM_LWM)
            c->load_dest = regs[k - 1];
        c->cycles += (uint64_t)(k - 1) * T_MULTI_WORD;
        break;
    }
    default:
        cpu_exception(c, EXCCODE_RI, false, 0);
        return MM_EXC;
    }
    return MM_RETIRE;
}

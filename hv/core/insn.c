/*
 * MIPS32 instruction decoding for the emulators: the memory access of a
 * trapped load/store, and where a branch goes (delay-slot emulation).
 * The microMIPS decoders sit beside these (insn_mm.c). Guest registers and
 * the FPU condition codes are read through the arch seam (insn.h).
 */
#include "insn.h"

#define OP(i)  ((i) >> 26)
#define RS(i)  (((i) >> 21) & 31)
#define RT(i)  (((i) >> 16) & 31)
#define RD(i)  (((i) >> 11) & 31)
#define FS(i)  (((i) >> 11) & 31)
#define FD(i)  (((i) >> 6) & 31)
#define SIMM(i) ((uint32_t)(int32_t)(int16_t)(i))

/* opcode → size | flags, for the I-type loads and stores */
#define M_ST   0x10u
#define M_SX   0x20u
#define M_KIND(k) ((uint32_t)(k) << 8)
static const uint16_t mem_ops[64] = {
    [0x20] = 1 | M_SX,                 /* LB */
    [0x21] = 2 | M_SX,                 /* LH */
    [0x22] = 4 | M_KIND(MEM_LEFT),     /* LWL */
    [0x23] = 4,                        /* LW */
    [0x24] = 1,                        /* LBU */
    [0x25] = 2,                        /* LHU */
    [0x26] = 4 | M_KIND(MEM_RIGHT),    /* LWR */
    [0x28] = 1 | M_ST,                 /* SB */
    [0x29] = 2 | M_ST,                 /* SH */
    [0x2a] = 4 | M_ST | M_KIND(MEM_LEFT),  /* SWL */
    [0x2b] = 4 | M_ST,                 /* SW */
    [0x2e] = 4 | M_ST | M_KIND(MEM_RIGHT), /* SWR */
    [0x2f] = M_KIND(MEM_CACHE),        /* CACHE */
    [0x30] = 4 | M_KIND(MEM_LL),       /* LL */
    [0x31] = 4 | M_KIND(MEM_FPU),      /* LWC1 */
    [0x33] = M_KIND(MEM_CACHE),        /* PREF */
    [0x35] = 8 | M_KIND(MEM_FPU),      /* LDC1 */
    [0x38] = 4 | M_ST | M_KIND(MEM_SC),    /* SC */
    [0x39] = 4 | M_ST | M_KIND(MEM_FPU),   /* SWC1 */
    [0x3d] = 8 | M_ST | M_KIND(MEM_FPU),   /* SDC1 */
};

bool insn_mem(uint32_t i, struct mem_op *op)
{
    uint32_t m;
    if (OP(i) == 0x13) { /* COP1X indexed: base + index */
        switch (i & 63) {
        case 0x00: m = 4; op->reg = FD(i); break;          /* LWXC1 */
        case 0x01: case 0x05: m = 8; op->reg = FD(i); break; /* LDXC1 LUXC1 */
        case 0x08: m = 4 | M_ST; op->reg = FS(i); break;   /* SWXC1 */
        case 0x09: case 0x0d: m = 8 | M_ST; op->reg = FS(i); break; /* SDXC1 SUXC1 */
        case 0x0f: m = 0; op->reg = 0; break;              /* PREFX */
        default: return false;
        }
        m |= M_KIND(m ? MEM_FPU : MEM_CACHE);
        op->ea = arch_gpr_get(RS(i)) + arch_gpr_get(RT(i));
        if ((i & 63) == 0x05 || (i & 63) == 0x0d)
            op->ea &= ~7u; /* unaligned forms ignore the low bits */
    } else {
        m = mem_ops[OP(i)];
        if (!m)
            return false;
        op->reg = RT(i);
        op->ea = arch_gpr_get(RS(i)) + SIMM(i);
    }
    op->len = 4;
    op->regs = 0;
    op->size = m & 0xf;
    op->store = (m & M_ST) != 0;
    op->sign = (m & M_SX) != 0;
    op->kind = (uint8_t)(m >> 8);
    return true;
}

/* Where execution continues after the delay slot of the branch at pc:
 * its target when taken, else pc + 8. Every MIPS32 branch and jump,
 * likely forms included (a likely branch whose slot ran was taken). */
HV_NO_JUMP_TABLES uint32_t insn_branch_next(uint32_t b, uint32_t pc)
{
    uint32_t target = pc + 4 + (SIMM(b) << 2);
    bool taken;
    switch (OP(b)) {
    case 0x00: /* JR, JALR (and .HB) */
        if ((b & 63) == 0x08 || (b & 63) == 0x09)
            return arch_gpr_get(RS(b));
        return pc + 8;
    case 0x01: /* REGIMM: BLTZ BGEZ BLTZL BGEZL BLTZAL BGEZAL BLTZALL BGEZALL */
        if ((RT(b) & 0x0c) != 0)
            return pc + 8;
        taken = ((int32_t)arch_gpr_get(RS(b)) < 0) != (RT(b) & 1);
        break;
    case 0x02: case 0x03: /* J, JAL: the delay slot's 256 MB region */
        return ((pc + 4) & 0xf0000000u) | ((b & 0x03ffffffu) << 2);
    case 0x1d: /* JALX: the same region, to microMIPS (MD00086, JALX) */
        return ((pc + 4) & 0xf0000000u) | ((b & 0x03ffffffu) << 2) | 1;
    case 0x04: case 0x14: /* BEQ BEQL */
        taken = arch_gpr_get(RS(b)) == arch_gpr_get(RT(b));
        break;
    case 0x05: case 0x15: /* BNE BNEL */
        taken = arch_gpr_get(RS(b)) != arch_gpr_get(RT(b));
        break;
    case 0x06: case 0x16: /* BLEZ BLEZL */
        taken = (int32_t)arch_gpr_get(RS(b)) <= 0;
        break;
    case 0x07: case 0x17: /* BGTZ BGTZL */
        taken = (int32_t)arch_gpr_get(RS(b)) > 0;
        break;
    case 0x11: /* BC1F BC1T BC1FL BC1TL */
        if (RS(b) != 0x08)
            return pc + 8;
        taken = arch_fp_cond((b >> 18) & 7) == ((b >> 16) & 1);
        break;
    default:
        return pc + 8;
    }
    return taken ? target : pc + 8;
}

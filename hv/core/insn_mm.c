/*
 * microMIPS32 decoding for the emulators (insn.h): the trapped load or
 * store of a microMIPS guest, the branch or jump whose delay slot held a
 * trapping instruction, and the MIPS32 equivalent of a trapping CP0,
 * cache, TLB or HYPCALL instruction (so gpsi.c and hcall.c decode one
 * encoding). Encodings: MIPS32 microMIPS Instruction Set, MD00582 rev
 * 5.04, chapter 5 (instruction formats) and chapter 6 (opcode maps).
 *
 * Load/store forms: 16-bit LBU16 LHU16 LW16 LWSP16 LWGP16 SB16 SH16 SW16
 * SWSP16 LWM16 SWM16; 32-bit LB LBU LH LHU LW SB SH SW, LWL LWR SWL SWR,
 * LL SC, LWP SWP, LWM32 SWM32, LWXS, LWC1 SWC1 LDC1 SDC1, LWXC1 SWXC1
 * LDXC1 SDXC1 LUXC1 SUXC1, and CACHE/PREF/PREFX (no effect on a device).
 * The M5150 has no EVA, no CP2 and no 64-bit forms; anything else is not
 * a load/store here (false: the caller makes it the guest's fault).
 */
#include "insn.h"

#define OP(i)     ((i) >> 26)             /* major opcode of a 32-bit instruction */
#define RT(i)     (((i) >> 21) & 31)      /* 32-bit: first register field */
#define RS(i)     (((i) >> 16) & 31)      /* 32-bit: second register field */
#define SX(v, n)  ((uint32_t)((int32_t)((uint32_t)(v) << (32 - (n))) >> (32 - (n))))

/* 16-bit register fields (MD00582 table 6.x "16-bit instruction register
 * encodings"): loads' targets and every base; the stores' sources. */
static const uint8_t gpr3[8] = {16, 17, 2, 3, 4, 5, 6, 7};
static const uint8_t gpr3_st[8] = {0, 17, 2, 3, 4, 5, 6, 7};

/* A major opcode whose bits 2:0 are 1, 2 or 3 is a 16-bit instruction
 * (MD00582 sec. 6.1, the major opcode table). */
static bool op16(uint32_t halfword)
{
    unsigned c = (halfword >> 10) & 7;
    return c >= 1 && c <= 3;
}

/* The word with a 16-bit instruction in bits 15:0. */
static uint32_t norm(uint32_t i)
{
    if (!(i & 0xffffu) && op16(i >> 16))
        return i >> 16;
    return i;
}

static bool is16(uint32_t i)
{
    return !(i >> 16) && op16(i);
}

unsigned insn_mm_len(uint32_t i)
{
    return is16(norm(i)) ? 2 : 4;
}

/* opcode -> size | flags, for the 32-bit immediate-offset forms */
#define M_ST   0x10u
#define M_SX   0x20u
#define M_KIND(k) ((uint32_t)(k) << 8)
static const uint16_t mem32_ops[64] = {
    [0x07] = 1 | M_SX,                 /* LB32 */
    [0x05] = 1,                        /* LBU32 */
    [0x0f] = 2 | M_SX,                 /* LH32 */
    [0x0d] = 2,                        /* LHU32 */
    [0x3f] = 4,                        /* LW32 */
    [0x06] = 1 | M_ST,                 /* SB32 */
    [0x0e] = 2 | M_ST,                 /* SH32 */
    [0x3e] = 4 | M_ST,                 /* SW32 */
    [0x27] = 4 | M_KIND(MEM_FPU),      /* LWC1 */
    [0x26] = 4 | M_ST | M_KIND(MEM_FPU),   /* SWC1 */
    [0x2f] = 8 | M_KIND(MEM_FPU),      /* LDC1 */
    [0x2e] = 8 | M_ST | M_KIND(MEM_FPU),   /* SDC1 */
};

/* POOL32C (0x18) function (bits 15:12) -> size | flags: 12-bit offsets */
static const uint16_t pool32c_ops[16] = {
    [0x0] = 4 | M_KIND(MEM_LEFT),          /* LWL */
    [0x1] = 4 | M_KIND(MEM_RIGHT),         /* LWR */
    [0x2] = M_KIND(MEM_CACHE),             /* PREF */
    [0x3] = 4 | M_KIND(MEM_LL),            /* LL */
    [0x8] = 4 | M_ST | M_KIND(MEM_LEFT),   /* SWL */
    [0x9] = 4 | M_ST | M_KIND(MEM_RIGHT),  /* SWR */
    [0xb] = 4 | M_ST | M_KIND(MEM_SC),     /* SC */
};

static void set(struct mem_op *op, uint32_t m, unsigned reg, uint32_t ea, unsigned len)
{
    op->size = m & 0xf;
    op->store = (m & M_ST) != 0;
    op->sign = (m & M_SX) != 0;
    op->kind = (uint8_t)(m >> 8);
    op->reg = (uint8_t)reg;
    op->regs = 0;
    op->ea = ea;
    op->len = (uint8_t)len;
}

/* LWM/SWM, LWP/SWP: 4-byte words to or from the registers of `regs`. */
static bool set_multi(struct mem_op *op, uint32_t regs, bool store, uint32_t ea, unsigned len)
{
    unsigned n = 0;
    for (unsigned r = 0; r < 32; r++)
        n += (regs >> r) & 1;
    set(op, 4 | (store ? M_ST : 0) | M_KIND(MEM_MULTI), n, ea, len);
    op->regs = regs;
    return true;
}

/* LWM32/SWM32's reglist (bits 25:21): s0.. (count 1..8), s0-s7 and fp
 * (count 9), ra with bit 4 (MD00582, LWM32). */
static bool reglist32(unsigned rl, uint32_t *regs)
{
    unsigned n = rl & 15;
    if (n > 9 || rl == 0)
        return false;
    *regs = (n > 8 ? 0xffu << 16 | 1u << 30 : ((1u << n) - 1) << 16) | (rl & 16 ? 1u << 31 : 0);
    return true;
}

/* Each form's size and flags, register and address are worked out, then
 * one set() records them (one register read, one call, for all forms). */
static bool mem16(uint32_t i, struct mem_op *op)
{
    unsigned rt = gpr3[(i >> 7) & 7], base = gpr3[(i >> 4) & 7];
    uint32_t m, off = i & 15;
    switch (i >> 10) {
    case 0x02: m = 1; off = off == 15 ? ~0u : off; break; /* LBU16: offset 0..14, 15 = -1 */
    case 0x0a: m = 2; off <<= 1; break;                      /* LHU16 */
    case 0x1a: m = 4; off <<= 2; break;                      /* LW16 */
    case 0x22: m = 1 | M_ST; rt = gpr3_st[(i >> 7) & 7]; break;             /* SB16 */
    case 0x2a: m = 2 | M_ST; rt = gpr3_st[(i >> 7) & 7]; off <<= 1; break;  /* SH16 */
    case 0x3a: m = 4 | M_ST; rt = gpr3_st[(i >> 7) & 7]; off <<= 2; break;  /* SW16 */
    case 0x12: /* LWSP16 */
    case 0x32: /* SWSP16 */
        m = 4 | (i >> 10 == 0x32 ? M_ST : 0);
        rt = (i >> 5) & 31;
        base = 29;
        off = (i & 31) << 2;
        break;
    case 0x19: /* LWGP16: a signed 7-bit word offset from gp */
        m = 4;
        base = 28;
        off = SX(i, 7) << 2;
        break;
    case 0x11: /* POOL16C: LWM16 (bits 9:6 = 4), SWM16 (5): s0..s(n), ra */
        if (((i >> 6) & 15) != 4 && ((i >> 6) & 15) != 5)
            return false;
        return set_multi(op, ((2u << ((i >> 4) & 3)) - 1) << 16 | 1u << 31, ((i >> 6) & 15) == 5,
                         arch_gpr_get(29) + (off << 2), 2);
    default:
        return false;
    }
    set(op, m, rt, arch_gpr_get(base) + off, 2);
    return true;
}

bool insn_mm_mem(uint32_t i, struct mem_op *op)
{
    i = norm(i);
    if (is16(i))
        return mem16(i, op);
    uint32_t m, regs, base = arch_gpr_get(RS(i)), ea = base + SX(i, 12);
    unsigned reg = RT(i);
    switch (OP(i)) {
    case 0x18: /* POOL32C */
        m = pool32c_ops[(i >> 12) & 15];
        if (!m)
            return false;
        break;
    case 0x08: /* POOL32B: LWP 1, SWP 9, LWM32 5, SWM32 13, CACHE 6 */
        switch ((i >> 12) & 15) {
        case 0x1: case 0x9: /* rd, rd + 1 (rd = 31 is reserved) */
            if (RT(i) == 31)
                return false;
            return set_multi(op, 3u << RT(i), (i >> 12) & 8, ea, 4);
        case 0x5: case 0xd:
            if (!reglist32(RT(i), &regs))
                return false;
            return set_multi(op, regs, (i >> 12) & 8, ea, 4);
        case 0x6:
            m = M_KIND(MEM_CACHE);
            reg = 0;
            break;
        default:
            return false;
        }
        break;
    case 0x15: /* POOL32F, the indexed FPU forms: index 25:21, base 20:16, fd/fs 15:11 */
        reg = (i >> 11) & 31;
        switch (i & 0x7ff) {
        case 0x048: m = 4; break;                 /* LWXC1 */
        case 0x088: m = 4 | M_ST; break;          /* SWXC1 */
        case 0x0c8: case 0x148: m = 8; break;     /* LDXC1 LUXC1 */
        case 0x108: case 0x188: m = 8 | M_ST; break; /* SDXC1 SUXC1 */
        case 0x1a0: /* PREFX */
            m = M_KIND(MEM_CACHE);
            reg = 0;
            break;
        default:
            return false;
        }
        ea = base + arch_gpr_get(RT(i));
        if (m & 0xf)
            m |= M_KIND(MEM_FPU);
        if ((i & 0x7ff) == 0x148 || (i & 0x7ff) == 0x188)
            ea &= ~7u; /* the unaligned forms ignore the low bits */
        break;
    case 0x00: /* POOL32A: LWXS rd, index(base): index * 4 + base */
        if ((i & 0x7ff) != 0x118)
            return false;
        m = 4;
        reg = (i >> 11) & 31;
        ea = base + (arch_gpr_get(RT(i)) << 2);
        break;
    default:
        m = mem32_ops[OP(i)];
        if (!m)
            return false;
        ea = base + SX(i, 16);
        break;
    }
    set(op, m, reg, ea, 4);
    return true;
}

HV_NO_JUMP_TABLES uint32_t insn_mm_branch_next(uint32_t b, uint32_t pc, unsigned slot_len)
{
    b = norm(b);
    unsigned blen = is16(b) ? 2 : 4;
    uint32_t fall = (pc + blen + slot_len) | 1, target;
    int32_t v;
    bool taken;
    if (blen == 2) {
        switch (b >> 10) {
        case 0x33: /* B16 */
            return (pc + 2 + (SX(b, 10) << 1)) | 1;
        case 0x23: case 0x2b: /* BEQZ16, BNEZ16 */
            taken = (arch_gpr_get(gpr3[(b >> 7) & 7]) == 0) == (b >> 10 == 0x23);
            return taken ? (pc + 2 + (SX(b, 7) << 1)) | 1 : fall;
        case 0x11: /* POOL16C: JR16 0x0c, JALR16 0x0e, JALRS16 0x0f (JRC: no slot) */
            switch ((b >> 5) & 31) {
            case 0x0c: case 0x0e: case 0x0f:
                return arch_gpr_get(b & 31);
            default:
                return fall;
            }
        default:
            return fall;
        }
    }
    target = (pc + 4 + (SX(b, 16) << 1)) | 1;
    switch (OP(b)) {
    case 0x25: /* BEQ32 */
        return arch_gpr_get(RT(b)) == arch_gpr_get(RS(b)) ? target : fall;
    case 0x2d: /* BNE32 */
        return arch_gpr_get(RT(b)) != arch_gpr_get(RS(b)) ? target : fall;
    case 0x10: /* POOL32I: the condition in bits 25:21, rs in 20:16 */
        v = (int32_t)arch_gpr_get(RS(b));
        switch (RT(b)) {
        case 0x00: case 0x01: case 0x11: taken = v < 0; break;   /* BLTZ BLTZAL BLTZALS */
        case 0x02: case 0x03: case 0x13: taken = v >= 0; break;  /* BGEZ BGEZAL BGEZALS */
        case 0x04: taken = v <= 0; break;                        /* BLEZ */
        case 0x06: taken = v > 0; break;                         /* BGTZ */
        case 0x1c: case 0x1d: /* BC1F, BC1T: cc in 20:18 */
            taken = arch_fp_cond((b >> 18) & 7) == (RT(b) == 0x1d);
            break;
        default: /* compact (BEQZC, BNEZC: no slot); BPOSGE32: not emulated (not taken) */
            return fall;
        }
        return taken ? target : fall;
    case 0x35: case 0x3d: case 0x1d: /* J32, JAL32, JALS32: the slot's 128 MB region */
        return ((pc + 4) & 0xf8000000u) | (b & 0x03ffffffu) << 1 | 1;
    case 0x3c: /* JALX32: to MIPS32, in the slot's 256 MB region */
        return ((pc + 4) & 0xf0000000u) | (b & 0x03ffffffu) << 2;
    case 0x00: /* POOL32A: JALR, JALR.HB, JALRS, JALRS.HB (JR = JALR with rt 0) */
        switch (b & 0xffff) {
        case 0x0f3c: case 0x1f3c: case 0x4f3c: case 0x5f3c:
            return arch_gpr_get(RS(b));
        default:
            return fall;
        }
    default:
        return fall;
    }
}

uint32_t insn_mm_to_mips32(uint32_t i)
{
    /* always a 32-bit instruction (no 16-bit one exits this way): DI
     * with rs 0 is 0x0000477c, which a 16-bit reading would take */
    if (!(i & 0xffffu) && op16(i >> 16))
        return 0;
    if (OP(i) == 0x08 && ((i >> 12) & 15) == 6) /* CACHE op, off12(base) */
        return 0xbc000000u | RS(i) << 21 | RT(i) << 16 | (SX(i, 12) & 0xffffu);
    if (OP(i) != 0x00)
        return 0;
    if ((i & 0xc7ffu) == 0x00fcu) /* MFC0 rt, rs, sel (sel in 13:11) */
        return 0x40000000u | RT(i) << 16 | RS(i) << 11 | ((i >> 11) & 7);
    if ((i & 0xc7ffu) == 0x02fcu) /* MTC0 */
        return 0x40800000u | RT(i) << 16 | RS(i) << 11 | ((i >> 11) & 7);
    if (RT(i) == 0 && (i & 0xffffu) == 0x477cu) /* DI rs */
        return 0x41606000u | RS(i) << 16;
    if (RT(i) == 0 && (i & 0xffffu) == 0x577cu) /* EI rs */
        return 0x41606020u | RS(i) << 16;
    if ((i & 0xffffu) == 0x6b3cu) /* RDHWR rt, rs */
        return 0x7c00003bu | RT(i) << 16 | RS(i) << 11;
    if ((i & 0x0fffu) != 0x037cu)
        return 0;
    /* POOL32AXf x37c: bits 15:12 -> the MIPS32 COP0 function */
    static const uint8_t co_fn[16] = {
        [0x0] = 0x08, [0x1] = 0x01, [0x2] = 0x02, [0x3] = 0x06, /* TLBP TLBR TLBWI TLBWR */
        [0x9] = 0x20, [0xc] = 0x28, [0xe] = 0x1f, [0xf] = 0x18, /* WAIT HYPCALL DERET ERET */
    };
    unsigned fn = co_fn[(i >> 12) & 15];
    if (fn == 0x28) /* HYPCALL code (25:16) */
        return 0x42000028u | ((i >> 16) & 0x3ff) << 11;
    if (fn == 0x20) /* WAIT */
        return 0x42000020u;
    return fn && !(i >> 16) ? 0x42000000u | fn : 0; /* the rest: no operand fields */
}

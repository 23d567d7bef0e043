/*
 * vpsim: the microMIPS32 release 5 instruction set of the M5150: the decoder
 * (mm_decode.c, pure: also linked into host tools) and the execution of the
 * microMIPS-only operations (micromips.c) (MIPS
 * Architecture for Programmers Vol. II-B: microMIPS32 Instruction Set,
 * MD00582; MIPS32 M5150 Software User's Manual, MD00980, "microMIPS").
 *
 * Decode and execute are separate. mm_decode() is a pure function of the
 * instruction bits: most microMIPS instructions have an exact MIPS32
 * equivalent (same operation, other field layout or a narrower immediate),
 * and the decoder gives that MIPS32 word, which the interpreter in cpu.c
 * then executes with the very code it uses for MIPS32 (loads, stores, ALU,
 * CP0, FPU, traps, exceptions). What has no MIPS32 equivalent (branches and
 * jumps with their microMIPS offsets, link values and ISA-mode rules, the
 * compact branches, LWM/SWM, LWP/SWP, MOVEP, ADDIUPC, JRADDIUSP) decodes to
 * MM_OP (a primary opcode MIPS32 leaves unused) with a kind and operands,
 * executed by mm_exec().
 *
 * The ISA mode is bit 0 of c->pc (MD00582 sec. 2.1 "ISA Mode"): odd PC =
 * microMIPS, fetch address PC - 1. EPC/ErrorEPC/DEPC and link registers keep
 * that bit as the architecture defines them.
 */
#include <string.h>

#include <mips/mipsregs.h>

#include "cpu_int.h"

/* 3-bit register fields of the 16-bit forms (MD00582 table 6.x "16-bit
 * instruction register encodings"). */
static const uint8_t gpr3[8] = {16, 17, 2, 3, 4, 5, 6, 7};
static const uint8_t gpr3_st[8] = {0, 17, 2, 3, 4, 5, 6, 7};   /* SB16/SH16/SW16 source */
static const uint8_t movep_src[8] = {0, 17, 2, 3, 16, 18, 19, 20};
static const uint8_t movep_dst[8][2] = {{5, 6}, {5, 7}, {6, 7}, {4, 21}, {4, 22}, {4, 5}, {4, 6}, {4, 7}};
static const uint16_t andi16_imm[16] = {128, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, 255, 32768, 65535};
static const int8_t addiur2_imm[8] = {1, 4, 8, 12, 16, 20, 24, -1};

/* MIPS32 word builders. */
static uint32_t mR(unsigned rs, unsigned rt, unsigned rd, unsigned sa, unsigned funct)
{
    return (rs & 31) << 21 | (rt & 31) << 16 | (rd & 31) << 11 | (sa & 31) << 6 | (funct & 63);
}
static uint32_t mI(unsigned op, unsigned rs, unsigned rt, uint32_t imm)
{
    return op << 26 | (rs & 31) << 21 | (rt & 31) << 16 | (imm & 0xFFFFu);
}
static uint32_t sext(uint32_t v, unsigned bits)
{
    return (uint32_t)((int32_t)(v << (32 - bits)) >> (32 - bits));
}

#define RI_WORD 0xFC000000u /* MIPS32 opcode 0x3F: reserved instruction */

/* An MM_OP instruction (executed by mm_exec). rs/rt fields are the GPRs it
 * reads, for the load-use interlock model of cpu.c. */
static void op(struct mm_insn *d, unsigned kind, unsigned rs, unsigned rt)
{
    d->kind = (uint8_t)kind;
    d->mips = mI(MM_OPCODE, rs, rt, 0);
}

static void br(struct mm_insn *d, unsigned kind, unsigned rs, unsigned rt, int32_t off, unsigned link,
               unsigned slot)
{
    op(d, kind, rs, rt);
    d->a = (uint8_t)rs;
    d->b = (uint8_t)rt;
    d->imm = off;
    d->link = (uint8_t)link;
    d->slot = (uint8_t)slot;
}

/* ---- 16-bit instructions ------------------------------------------------ */

static void decode16(uint32_t w, struct mm_insn *d)
{
    unsigned r97 = gpr3[(w >> 7) & 7], r64 = gpr3[(w >> 4) & 7], r31 = gpr3[(w >> 1) & 7];
    unsigned r95 = (w >> 5) & 31, r40 = w & 31;
    switch (w >> 10) {
    case 0x01: /* POOL16A: ADDU16 / SUBU16 rd, rs(3:1), rt(6:4) */
        d->mips = mR(r31, r64, r97, 0, (w & 1) ? 0x23 : 0x21);
        return;
    case 0x02: { /* LBU16: offset 15 means -1 */
        uint32_t off = w & 15;
        d->mips = mI(0x24, r64, r97, off == 15 ? 0xFFFFu : off);
        return;
    }
    case 0x03: /* MOVE16 = ADDU rd, rs, $0 (to $0: the NOP, printed so) */
        d->mips = r95 ? mR(r40, 0, r95, 0, 0x21) : 0;
        return;
    case 0x09: { /* POOL16B: SLL16 / SRL16, shift 0 encodes 8 */
        unsigned sa = (w >> 1) & 7;
        d->mips = mR(0, r64, r97, sa ? sa : 8, (w & 1) ? 0x02 : 0x00);
        return;
    }
    case 0x0A: d->mips = mI(0x25, r64, r97, (w & 15) << 1); return; /* LHU16 */
    case 0x0B: d->mips = mI(0x0C, r64, r97, andi16_imm[w & 15]); return; /* ANDI16 */
    case 0x11: { /* POOL16C */
        unsigned rt = gpr3[(w >> 3) & 7], rs = gpr3[w & 7];
        switch ((w >> 6) & 15) {
        case 0: d->mips = mR(rs, 0, rt, 0, 0x27); return;  /* NOT16 = NOR rt, rs, $0 */
        case 1: d->mips = mR(rt, rs, rt, 0, 0x26); return;  /* XOR16 */
        case 2: d->mips = mR(rt, rs, rt, 0, 0x24); return;  /* AND16 */
        case 3: d->mips = mR(rt, rs, rt, 0, 0x25); return;  /* OR16 */
        case 4: case 5: /* LWM16 / SWM16 {s0..,ra}, off(sp) */
            op(d, ((w >> 6) & 15) == 4 ? MM_LWM : MM_SWM, 29, 0);
            d->a = 29;
            d->b = (uint8_t)(((w >> 4) & 3) + 1) | 0x10; /* s0.. count, ra */
            d->imm = (int32_t)((w & 15) << 2);
            return;
        default: break;
        }
        switch ((w >> 5) & 31) {
        case 0x0C: br(d, MM_JR, r40, 0, 0, 0, 2); return;             /* JR16 */
        case 0x0D: br(d, MM_JR, r40, 0, 0, 0, 0); return;             /* JRC */
        case 0x0E: br(d, MM_JR, r40, 0, 0, 31, 4); return;            /* JALR16 (32-bit slot) */
        case 0x0F: br(d, MM_JR, r40, 0, 0, 31, 2); return;            /* JALRS16 */
        case 0x10: d->mips = mR(0, 0, r40, 0, 0x10); return;          /* MFHI16 */
        case 0x12: d->mips = mR(0, 0, r40, 0, 0x12); return;          /* MFLO16 */
        case 0x18: /* JRADDIUSP: jump to ra, sp += imm << 2, no delay slot */
            br(d, MM_JRADDIUSP, 31, 29, (int32_t)(r40 << 2), 0, 0);
            return;
        default: break;
        }
        switch ((w >> 4) & 63) {
        case 0x28: d->mips = (w & 15) << 16 | 0x0D; return;           /* BREAK16 */
        case 0x2C: d->mips = 0x7000003Fu | (w & 15) << 6; return;     /* SDBBP16 */
        default: break;
        }
        d->mips = RI_WORD;
        return;
    }
    case 0x12: d->mips = mI(0x23, 29, r95, r40 << 2); return; /* LWSP */
    case 0x13: /* POOL16D */
        if (w & 1) { /* ADDIUSP: 9-bit encoded immediate << 2 */
            uint32_t e = (w >> 1) & 0x1FF;
            uint32_t v = e < 2 ? e + 256 : e >= 510 ? e - 768 : sext(e, 9);
            d->mips = mI(0x09, 29, 29, v << 2);
        } else { /* ADDIUS5 rd, rd, simm4 */
            d->mips = mI(0x09, r95, r95, sext((w >> 1) & 15, 4));
        }
        return;
    case 0x19: d->mips = mI(0x23, 28, r97, sext(w & 0x7F, 7) << 2); return; /* LWGP */
    case 0x1A: d->mips = mI(0x23, r64, r97, (w & 15) << 2); return;          /* LW16 */
    case 0x1B: /* POOL16E */
        if (w & 1) /* ADDIUR1SP rd, sp, uimm6 << 2 */
            d->mips = mI(0x09, 29, r97, ((w >> 1) & 63) << 2);
        else       /* ADDIUR2 rd, rs, encoded */
            d->mips = mI(0x09, r64, r97, (uint32_t)(int32_t)addiur2_imm[(w >> 1) & 7]);
        return;
    case 0x21: /* POOL16F: MOVEP rd, re, rs, rt */
        if (w & 1)
            break;
        op(d, MM_MOVEP, movep_src[(w >> 1) & 7], movep_src[(w >> 4) & 7]);
        d->a = movep_dst[(w >> 7) & 7][0];
        d->b = movep_dst[(w >> 7) & 7][1];
        d->c = movep_src[(w >> 1) & 7];
        d->link = movep_src[(w >> 4) & 7];
        return;
    case 0x22: d->mips = mI(0x28, r64, gpr3_st[(w >> 7) & 7], w & 15); return;          /* SB16 */
    case 0x2A: d->mips = mI(0x29, r64, gpr3_st[(w >> 7) & 7], (w & 15) << 1); return;   /* SH16 */
    case 0x3A: d->mips = mI(0x2B, r64, gpr3_st[(w >> 7) & 7], (w & 15) << 2); return;   /* SW16 */
    case 0x32: d->mips = mI(0x2B, 29, r95, r40 << 2); return;                           /* SWSP */
    case 0x23: br(d, MM_BEQ, r97, 0, (int32_t)(sext(w & 0x7F, 7) << 1), 0, 0); return;    /* BEQZ16 */
    case 0x2B: br(d, MM_BNE, r97, 0, (int32_t)(sext(w & 0x7F, 7) << 1), 0, 0); return;    /* BNEZ16 */
    case 0x33: br(d, MM_BEQ, 0, 0, (int32_t)(sext(w & 0x3FF, 10) << 1), 0, 0); return;    /* B16 */
    case 0x3B: { /* LI16: 127 means -1 */
        uint32_t v = w & 0x7F;
        d->mips = mI(0x09, 0, r97, v == 0x7F ? 0xFFFFu : v);
        return;
    }
    default: break;
    }
    d->mips = RI_WORD;
}

/* ---- 32-bit instructions ------------------------------------------------ */

/* COP1 fmt codes of MIPS32 (S, D, W, L, PS). */
enum { F_S = 16, F_D = 17, F_W = 20, F_L = 21, F_PS = 22 };

static uint32_t cop1(unsigned fmt, unsigned ft, unsigned fs, unsigned fd, unsigned funct)
{
    return 0x11u << 26 | mR(fmt, ft, fs, fd, funct);
}

static void decode_pool32f(uint32_t w, struct mm_insn *d)
{
    unsigned ft = (w >> 21) & 31, fs = (w >> 16) & 31, fd = (w >> 11) & 31;
    static const uint8_t fmt2[4] = {F_S, F_D, F_PS, 0};
    switch (w & 63) {
    case 0x30: { /* ADD SUB MUL DIV .fmt */
        static const uint8_t f[4] = {0, 1, 2, 3};
        if ((w >> 10) & 1 || !fmt2[(w >> 8) & 3])
            break;
        d->mips = cop1(fmt2[(w >> 8) & 3], ft, fs, fd, f[(w >> 6) & 3]);
        return;
    }
    case 0x38: /* MOVN.fmt (7:6 = 0) / MOVZ.fmt (1) */
        if ((w >> 10) & 1 || ((w >> 6) & 3) > 1 || !fmt2[(w >> 8) & 3])
            break;
        d->mips = cop1(fmt2[(w >> 8) & 3], ft, fs, fd, ((w >> 6) & 1) ? 0x12 : 0x13);
        return;
    case 0x20: /* MOVF.fmt (8:6 = 0) / MOVT.fmt (1): ft dest, fs source */
        if (((w >> 7) & 3) || ((w >> 11) & 3) || !fmt2[(w >> 9) & 3])
            break;
        d->mips = cop1(fmt2[(w >> 9) & 3], ((w >> 13) & 7) << 2 | ((w >> 6) & 1), fs, ft, 0x11);
        return;
    case 0x01: case 0x09: case 0x21: case 0x29: case 0x02: case 0x0A: case 0x22: case 0x2A: {
        /* MADD MSUB NMADD NMSUB .S/.D: COP1X fr, ft, fs, fd */
        unsigned m = w & 63, fr = (w >> 6) & 31;
        unsigned o = (m & 2 ? 6 : 4) + ((m >> 5) & 1);
        d->mips = 0x13u << 26 | mR(fr, ft, fs, fd, o << 3 | ((m >> 3) & 1));
        return;
    }
    case 0x08: { /* indexed FP loads/stores: index (25:21), base (20:16) */
        static const uint8_t f[8] = {0xFF, 0x00, 0x08, 0x01, 0x09, 0x05, 0x0D, 0xFF};
        unsigned x = (w >> 6) & 31;
        if (x > 7 || f[x] == 0xFF)
            break;
        bool st = f[x] & 8;
        d->mips = 0x13u << 26 | mR(fs, ft, st ? fd : 0, st ? 0 : fd, f[x]);
        return;
    }
    case 0x3C: /* C.cond.fmt cc */
        if ((w >> 12) & 1 || !fmt2[(w >> 10) & 3])
            break;
        d->mips = cop1(fmt2[(w >> 10) & 3], ft, fs, ((w >> 13) & 7) << 2, 0x30 | ((w >> 6) & 15));
        return;
    case 0x3B: { /* POOL32FXf: ext = bits 15:6, one source fs (20:16), dest ft (25:21) */
        unsigned e = (w >> 6) & 0x3FF;
        switch (e) {
        case 0x080: d->mips = 0x11u << 26 | mR(0, ft, fs, 0, 0); return; /* MFC1 */
        case 0x0A0: d->mips = 0x11u << 26 | mR(4, ft, fs, 0, 0); return; /* MTC1 */
        case 0x0C0: d->mips = 0x11u << 26 | mR(3, ft, fs, 0, 0); return; /* MFHC1 */
        case 0x0E0: d->mips = 0x11u << 26 | mR(7, ft, fs, 0, 0); return; /* MTHC1 */
        case 0x040: d->mips = 0x11u << 26 | mR(2, ft, fs, 0, 0); return; /* CFC1 */
        case 0x060: d->mips = 0x11u << 26 | mR(6, ft, fs, 0, 0); return; /* CTC1 */
        default: break;
        }
        if ((e & 0x5F) == 0x05) { /* MOVF / MOVT rt(dest 25:21), rs(20:16), cc */
            d->mips = mR(fs, ((e >> 7) & 7) << 2 | ((e >> 5) & 1), ft, 0, 0x01);
            return;
        }
        unsigned f3 = e >> 7;
        switch (e & 0x7F) {
        case 0x01: if (fmt2[f3] && f3 < 2) { d->mips = cop1(fmt2[f3], 0, fs, ft, 0x06); return; } break;
        case 0x0D: if (f3 < 2) { d->mips = cop1(fmt2[f3], 0, fs, ft, 0x05); return; } break;
        case 0x2D: if (f3 < 2) { d->mips = cop1(fmt2[f3], 0, fs, ft, 0x07); return; } break;
        case 0x6D: { static const uint8_t s[3] = {F_D, F_W, F_L};
            if (f3 < 3) { d->mips = cop1(s[f3], 0, fs, ft, 0x20); return; } break; }
        case 0x4D: { static const uint8_t s[3] = {F_S, F_W, F_L};
            if (f3 < 3) { d->mips = cop1(s[f3], 0, fs, ft, 0x21); return; } break; }
        default: break;
        }
        if (e & 0x200)
            break;
        unsigned fmt = (e & 0x100) ? F_D : F_S, funct;
        switch (e & 0xFF) {
        case 0x28: funct = 0x04; break; /* SQRT */
        case 0x08: funct = 0x16; break; /* RSQRT */
        case 0x48: funct = 0x15; break; /* RECIP */
        case 0x24: funct = 0x24; break; /* CVT.W */
        case 0x04: funct = 0x25; break; /* CVT.L */
        case 0xEC: funct = 0x0C; break; /* ROUND.W */
        case 0xCC: funct = 0x08; break; /* ROUND.L */
        case 0xAC: funct = 0x0D; break; /* TRUNC.W */
        case 0x8C: funct = 0x09; break; /* TRUNC.L */
        case 0x6C: funct = 0x0E; break; /* CEIL.W */
        case 0x4C: funct = 0x0A; break; /* CEIL.L */
        case 0x2C: funct = 0x0F; break; /* FLOOR.W */
        case 0x0C: funct = 0x0B; break; /* FLOOR.L */
        default: funct = 64; break;
        }
        if (funct == 64)
            break;
        d->mips = cop1(fmt, 0, fs, ft, funct);
        return;
    }
    default: break;
    }
    d->mips = RI_WORD;
}

/* POOL32A minor 0x3C (POOL32AXf): ext = bits 15:6; rt = 25:21, rs = 20:16. */
static void decode_pool32axf(uint32_t w, struct mm_insn *d)
{
    unsigned rt = (w >> 21) & 31, rs = (w >> 16) & 31, e = (w >> 6) & 0x3FF;
    unsigned code10 = (w >> 16) & 0x3FF;
    /* traps: bits 11:6, code 15:12 (into the MIPS32 code field 15:6) */
    uint32_t tcode = ((w >> 12) & 15) << 6;
    switch (e & 0x3F) {
    case 0x00: d->mips = mR(rs, rt, 0, 0, 0x34) | tcode; return; /* TEQ */
    case 0x08: d->mips = mR(rs, rt, 0, 0, 0x30) | tcode; return; /* TGE */
    case 0x10: d->mips = mR(rs, rt, 0, 0, 0x31) | tcode; return; /* TGEU */
    case 0x20: d->mips = mR(rs, rt, 0, 0, 0x32) | tcode; return; /* TLT */
    case 0x28: d->mips = mR(rs, rt, 0, 0, 0x33) | tcode; return; /* TLTU */
    case 0x30: d->mips = mR(rs, rt, 0, 0, 0x36) | tcode; return; /* TNE */
    default: break;
    }
    /* MFC0/MTC0/MFGC0/MTGC0: sel 13:11, 10:6 = 3/0x0B/0x13/0x1B */
    if (!(e >> 8)) {
        unsigned sel = (e >> 5) & 7;
        switch (e & 0x1F) {
        case 0x03: d->mips = 0x40000000u | rt << 16 | rs << 11 | sel; return;
        case 0x0B: d->mips = 0x40800000u | rt << 16 | rs << 11 | sel; return;
        case 0x13: d->mips = 0x40600000u | rt << 16 | rs << 11 | sel; return;
        case 0x1B: d->mips = 0x40600200u | rt << 16 | rs << 11 | sel; return;
        default: break;
        }
    }
    switch (e) {
    case 0x16C: d->mips = 0x70000020u | mR(rs, rt, rt, 0, 0); return;       /* CLZ */
    case 0x12C: d->mips = 0x70000021u | mR(rs, rt, rt, 0, 0); return;       /* CLO */
    case 0x0AC: d->mips = 0x7C000020u | mR(0, rs, rt, 0x10, 0); return;     /* SEB */
    case 0x0EC: d->mips = 0x7C000020u | mR(0, rs, rt, 0x18, 0); return;     /* SEH */
    case 0x1EC: d->mips = 0x7C000020u | mR(0, rs, rt, 0x02, 0); return;     /* WSBH */
    case 0x22C: d->mips = mR(rs, rt, 0, 0, 0x18); return;                   /* MULT */
    case 0x26C: d->mips = mR(rs, rt, 0, 0, 0x19); return;                   /* MULTU */
    case 0x2AC: d->mips = mR(rs, rt, 0, 0, 0x1A); return;                   /* DIV */
    case 0x2EC: d->mips = mR(rs, rt, 0, 0, 0x1B); return;                   /* DIVU */
    case 0x32C: d->mips = 0x70000000u | mR(rs, rt, 0, 0, 0x00); return;     /* MADD */
    case 0x36C: d->mips = 0x70000000u | mR(rs, rt, 0, 0, 0x01); return;     /* MADDU */
    case 0x3AC: d->mips = 0x70000000u | mR(rs, rt, 0, 0, 0x04); return;     /* MSUB */
    case 0x3EC: d->mips = 0x70000000u | mR(rs, rt, 0, 0, 0x05); return;     /* MSUBU */
    case 0x1AC: d->mips = 0x7C00003Bu | mR(0, rt, rs, 0, 0); return;        /* RDHWR rt, hwr */
    case 0x035: d->mips = mR(0, 0, rs, 0, 0x10); return;                    /* MFHI */
    case 0x075: d->mips = mR(0, 0, rs, 0, 0x12); return;                    /* MFLO */
    case 0x0B5: d->mips = mR(rs, 0, 0, 0, 0x11); return;                    /* MTHI */
    case 0x0F5: d->mips = mR(rs, 0, 0, 0, 0x13); return;                    /* MTLO */
    case 0x03C: case 0x07C: /* JALR / JALR.HB rt, rs (32-bit delay slot) */
    case 0x13C: case 0x17C: /* JALRS / JALRS.HB (16-bit delay slot) */
        br(d, MM_JR, rs, 0, 0, rt, (e & 0x100) ? 2 : 4);
        d->c = (e & 0x40) != 0; /* .HB (for the disassembler) */
        return;
    case 0x22D: d->mips = code10 << 6 | 0x0C; return;                       /* SYSCALL */
    case 0x36D: d->mips = 0x7000003Fu | code10 << 6; return;                 /* SDBBP */
    case 0x24D: d->mips = 0x42000020u | code10 << 6; return;                 /* WAIT */
    case 0x3CD: d->mips = 0x42000018u; return;                               /* ERET */
    case 0x38D: d->mips = 0x4200001Fu; return;                               /* DERET */
    case 0x11D: d->mips = 0x41606000u | rs << 16; return;                    /* DI */
    case 0x15D: d->mips = 0x41606020u | rs << 16; return;                    /* EI */
    case 0x385: d->mips = 0x41400000u | rs << 16 | rt << 11; return;         /* RDPGPR rt, rs */
    case 0x3C5: d->mips = 0x41C00000u | rs << 16 | rt << 11; return;         /* WRPGPR rt, rs */
    case 0x00D: d->mips = 0x42000008u; return;                               /* TLBP */
    case 0x04D: d->mips = 0x42000001u; return;                               /* TLBR */
    case 0x08D: d->mips = 0x42000002u; return;                               /* TLBWI */
    case 0x0CD: d->mips = 0x42000006u; return;                               /* TLBWR */
    case 0x005: d->mips = 0x42000010u; return;                               /* TLBGP */
    case 0x045: d->mips = 0x42000009u; return;                               /* TLBGR */
    case 0x085: d->mips = 0x4200000Au; return;                               /* TLBGWI */
    case 0x0C5: d->mips = 0x4200000Eu; return;                               /* TLBGWR */
    case 0x105: d->mips = 0x4200000Bu; return;                               /* TLBGINV */
    case 0x145: d->mips = 0x4200000Cu; return;                               /* TLBGINVF */
    case 0x30D: d->mips = 0x42000028u | code10 << 11; return;                /* HYPCALL */
    case 0x1AD: d->mips = (rs << 6) | 0x0F; return;                          /* SYNC stype */
    default: break;
    }
    d->mips = RI_WORD;
}

static void decode32(uint32_t w, struct mm_insn *d)
{
    unsigned rt = (w >> 21) & 31, rs = (w >> 16) & 31, rd = (w >> 11) & 31;
    uint32_t imm = w & 0xFFFF;
    int32_t off16 = (int32_t)(sext(imm, 16) << 1);
    uint32_t imm12 = sext(w & 0xFFF, 12);
    switch (w >> 26) {
    case 0x00: /* POOL32A */
        switch (w & 63) {
        case 0x00: { /* SLL SRL SRA ROTR rt, rs, sa (15:11) */
            static const uint8_t f[4] = {0x00, 0x02, 0x03, 0x02};
            unsigned k = (w >> 6) & 15;
            if (k > 3 || (w >> 10) & 1)
                break;
            d->mips = mR(k == 3 ? 1 : 0, rs, rt, rd, f[k]);
            return;
        }
        case 0x10: { /* 3-register: rd, rs, rt */
            unsigned k = (w >> 6) & 31;
            static const uint8_t f[16] = {0x04, 0x06, 0x07, 0x06, 0x20, 0x21, 0x22, 0x23,
                                          0xFF, 0x24, 0x25, 0x27, 0x26, 0x2A, 0x2B, 0xFF};
            if (k > 15 || f[k] == 0xFF) {
                if (k == 8) { /* MUL */
                    d->mips = 0x70000002u | mR(rs, rt, rd, 0, 0);
                    return;
                }
                break;
            }
            if (k < 4) /* SLLV SRLV SRAV ROTRV: rd = rt(25:21) shifted by rs(20:16) */
                d->mips = mR(rs, rt, rd, k == 3 ? 1 : 0, f[k]);
            else
                d->mips = mR(rs, rt, rd, 0, f[k]);
            return;
        }
        case 0x18: /* MOVN (0x018) / MOVZ (0x058) */
            if (((w >> 6) & 31) == 4) { /* LWXS rd, index(base): rd = mem[base + index * 4] */
                op(d, MM_LWXS, rs, rt);
                d->a = (uint8_t)rs;
                d->b = (uint8_t)rt;
                d->c = (uint8_t)rd;
                return;
            }
            if (((w >> 6) & 31) > 1)
                break;
            d->mips = mR(rs, rt, rd, 0, ((w >> 6) & 1) ? 0x0A : 0x0B);
            return;
        case 0x2C: /* EXT rt, rs, lsb (10:6), msbd (15:11) */
            d->mips = 0x7C000000u | mR(rs, rt, rd, (w >> 6) & 31, 0x00);
            return;
        case 0x0C: /* INS */
            d->mips = 0x7C000000u | mR(rs, rt, rd, (w >> 6) & 31, 0x04);
            return;
        case 0x07: d->mips = ((w >> 16) & 0x3FF) << 16 | 0x0D; return; /* BREAK */
        case 0x3C: decode_pool32axf(w, d); return;
        default: break;
        }
        break;
    case 0x04: { /* ADDI32 */
        d->mips = mI(0x08, rs, rt, imm);
        return;
    }
    case 0x0C: d->mips = mI(0x09, rs, rt, imm); return; /* ADDIU32 */
    case 0x24: d->mips = mI(0x0A, rs, rt, imm); return; /* SLTI32 */
    case 0x2C: d->mips = mI(0x0B, rs, rt, imm); return; /* SLTIU32 */
    case 0x34: d->mips = mI(0x0C, rs, rt, imm); return; /* ANDI32 */
    case 0x14: d->mips = mI(0x0D, rs, rt, imm); return; /* ORI32 */
    case 0x1C: d->mips = mI(0x0E, rs, rt, imm); return; /* XORI32 */
    case 0x07: d->mips = mI(0x20, rs, rt, imm); return; /* LB32 */
    case 0x05: d->mips = mI(0x24, rs, rt, imm); return; /* LBU32 */
    case 0x0F: d->mips = mI(0x21, rs, rt, imm); return; /* LH32 */
    case 0x0D: d->mips = mI(0x25, rs, rt, imm); return; /* LHU32 */
    case 0x3F: d->mips = mI(0x23, rs, rt, imm); return; /* LW32 */
    case 0x06: d->mips = mI(0x28, rs, rt, imm); return; /* SB32 */
    case 0x0E: d->mips = mI(0x29, rs, rt, imm); return; /* SH32 */
    case 0x3E: d->mips = mI(0x2B, rs, rt, imm); return; /* SW32 */
    case 0x27: d->mips = mI(0x31, rs, rt, imm); return; /* LWC1 */
    case 0x26: d->mips = mI(0x39, rs, rt, imm); return; /* SWC1 */
    case 0x2F: d->mips = mI(0x35, rs, rt, imm); return; /* LDC1 */
    case 0x2E: d->mips = mI(0x3D, rs, rt, imm); return; /* SDC1 */
    case 0x15: decode_pool32f(w, d); return;
    case 0x18: { /* POOL32C: 12-bit offsets */
        static const uint8_t f[16] = {0x22, 0x26, 0x33, 0x30, 0xFF, 0xFF, 0xFF, 0xFF,
                                      0x2A, 0x2E, 0xFF, 0x38, 0xFF, 0xFF, 0xFF, 0xFF};
        unsigned k = (w >> 12) & 15;
        if (f[k] == 0xFF)
            break;
        d->mips = mI(f[k], rs, rt, imm12);
        return;
    }
    case 0x08: /* POOL32B */
        switch ((w >> 12) & 15) {
        case 0x1: case 0x9: /* LWP / SWP rd, rd+1 */
            op(d, ((w >> 12) & 15) == 1 ? MM_LWP : MM_SWP, rs, rt);
            d->a = (uint8_t)rs;
            d->b = (uint8_t)rt;
            d->imm = (int32_t)imm12;
            return;
        case 0x5: case 0xD: /* LWM32 / SWM32 reglist */
            if ((rt & 15) > 9 || !rt)
                break;
            op(d, ((w >> 12) & 15) == 5 ? MM_LWM : MM_SWM, rs, 0);
            d->a = (uint8_t)rs;
            d->b = (uint8_t)rt;
            d->imm = (int32_t)imm12;
            return;
        case 0x6: d->mips = mI(0x2F, rs, rt, imm12); return; /* CACHE op(25:21), base */
        case 0x0: case 0x8: /* LWC2 / SWC2: no CP2 */
            d->mips = mI(0x32, rs, rt, imm12);
            return;
        default: break;
        }
        break;
    case 0x10: /* POOL32I */
        switch (rt) {
        case 0x00: br(d, MM_BLTZ, rs, 0, off16, 0, 0); return;
        case 0x01: br(d, MM_BLTZ, rs, 0, off16, 31, 4); return;   /* BLTZAL */
        case 0x11: br(d, MM_BLTZ, rs, 0, off16, 31, 2); return;   /* BLTZALS */
        case 0x02: br(d, MM_BGEZ, rs, 0, off16, 0, 0); return;
        case 0x03: br(d, MM_BGEZ, rs, 0, off16, 31, 4); return;   /* BGEZAL */
        case 0x13: br(d, MM_BGEZ, rs, 0, off16, 31, 2); return;   /* BGEZALS */
        case 0x04: br(d, MM_BLEZ, rs, 0, off16, 0, 0); return;
        case 0x06: br(d, MM_BGTZ, rs, 0, off16, 0, 0); return;
        case 0x07: br(d, MM_BEQZC, rs, 0, off16, 0, 0); return;
        case 0x05: br(d, MM_BNEZC, rs, 0, off16, 0, 0); return;
        case 0x08: d->mips = mI(0x01, rs, 0x0A, imm); return;   /* TLTI */
        case 0x09: d->mips = mI(0x01, rs, 0x08, imm); return;   /* TGEI */
        case 0x0A: d->mips = mI(0x01, rs, 0x0B, imm); return;   /* TLTIU */
        case 0x0B: d->mips = mI(0x01, rs, 0x09, imm); return;   /* TGEIU */
        case 0x0C: d->mips = mI(0x01, rs, 0x0E, imm); return;   /* TNEI */
        case 0x0E: d->mips = mI(0x01, rs, 0x0C, imm); return;   /* TEQI */
        case 0x0D: d->mips = mI(0x0F, 0, rs, imm); return;      /* LUI */
        case 0x10: d->mips = mI(0x01, rs, 0x1F, imm); return;   /* SYNCI */
        case 0x1C: case 0x1D: /* BC1F / BC1T cc (20:18) */
            if (rs & 3)
                break;
            br(d, rt == 0x1C ? MM_BC1F : MM_BC1T, 0, 0, off16, 0, 0);
            d->c = (uint8_t)(rs >> 2);
            return;
        case 0x14: case 0x15: /* BC2F / BC2T: no CP2 */
            d->mips = 0x48000000u;
            return;
        default: break;
        }
        break;
    case 0x25: br(d, MM_BEQ, rs, rt, off16, 0, 0); return;
    case 0x2D: br(d, MM_BNE, rs, rt, off16, 0, 0); return;
    case 0x35: br(d, MM_J, 0, 0, (int32_t)((w & 0x3FFFFFF) << 1), 0, 0); return;       /* J32 */
    case 0x3D: br(d, MM_J, 0, 0, (int32_t)((w & 0x3FFFFFF) << 1), 31, 4); return;      /* JAL32 */
    case 0x1D: br(d, MM_J, 0, 0, (int32_t)((w & 0x3FFFFFF) << 1), 31, 2); return;      /* JALS */
    case 0x3C: br(d, MM_JALX, 0, 0, (int32_t)((w & 0x3FFFFFF) << 2), 31, 4); return;   /* JALX */
    case 0x1E: /* ADDIUPC rs(25:23), imm23 << 2 */
        op(d, MM_ADDIUPC, 0, 0);
        d->a = gpr3[(w >> 23) & 7];
        d->imm = (int32_t)(sext(w & 0x7FFFFF, 23) << 2);
        return;
    default: break;
    }
    d->mips = RI_WORD;
}

void mm_decode(uint32_t raw, unsigned size, struct mm_insn *d)
{
    memset(d, 0, sizeof *d);
    d->raw = raw;
    d->size = (uint8_t)size;
    d->kind = MM_MIPS32;
    if (size == 2)
        decode16(raw, d);
    else
        decode32(raw, d);
}


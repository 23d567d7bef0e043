/*
 * vpsim: MIPS32r5 disassembler (see disasm.h). One switch on the primary
 * opcode, as the interpreter in sim/cpu/cpu.c; a case here for every case
 * there. Names and operand order follow GNU objdump so that tests/debug can
 * compare the two word for word.
 */
#include "disasm.h"
#include "../cpu/cpu_int.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static const char *const gpr[32] = {
    "zero", "at", "v0", "v1", "a0", "a1", "a2", "a3", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
    "s0",   "s1", "s2", "s3", "s4", "s5", "s6", "s7", "t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra",
};

const char *disasm_gpr_name(unsigned r) { return gpr[r & 31]; }

/* CP0 register names by (reg, sel), as objdump names them for MIPS32r2+,
 * plus the M5150/VZ registers objdump leaves numeric (marked "vz/r5");
 * tests/debug maps those back to "$reg,sel" before comparing. */
struct cp0_name {
    unsigned char reg, sel;
    const char *name;
};
static const struct cp0_name cp0_names[] = {
    {0, 0, "c0_index"}, {0, 1, "c0_mvpcontrol"}, {0, 2, "c0_mvpconf0"}, {0, 3, "c0_mvpconf1"},
    {1, 0, "c0_random"}, {1, 1, "c0_vpecontrol"}, {1, 2, "c0_vpeconf0"}, {1, 3, "c0_vpeconf1"},
    {1, 4, "c0_yqmask"}, {1, 5, "c0_vpeschedule"}, {1, 6, "c0_vpeschefback"},
    {2, 0, "c0_entrylo0"}, {2, 1, "c0_tcstatus"}, {2, 2, "c0_tcbind"}, {2, 3, "c0_tcrestart"},
    {2, 4, "c0_tchalt"}, {2, 5, "c0_tccontext"}, {2, 6, "c0_tcschedule"},
    {2, 7, "c0_tcschefback"}, {3, 0, "c0_entrylo1"}, {4, 0, "c0_context"},
    {4, 1, "c0_contextconfig"}, {5, 0, "c0_pagemask"}, {5, 1, "c0_pagegrain"},
    {6, 0, "c0_wired"}, {6, 1, "c0_srsconf0"}, {6, 2, "c0_srsconf1"}, {6, 3, "c0_srsconf2"},
    {6, 4, "c0_srsconf3"}, {6, 5, "c0_srsconf4"}, {7, 0, "c0_hwrena"}, {8, 0, "c0_badvaddr"},
    {9, 0, "c0_count"}, {10, 0, "c0_entryhi"}, {11, 0, "c0_compare"}, {12, 0, "c0_status"},
    {12, 1, "c0_intctl"}, {12, 2, "c0_srsctl"}, {12, 3, "c0_srsmap"}, {13, 0, "c0_cause"},
    {14, 0, "c0_epc"}, {15, 0, "c0_prid"}, {15, 1, "c0_ebase"}, {16, 0, "c0_config"},
    {16, 1, "c0_config1"}, {16, 2, "c0_config2"}, {16, 3, "c0_config3"}, {17, 0, "c0_lladdr"},
    {20, 0, "c0_xcontext"}, {23, 0, "c0_debug"}, {23, 1, "c0_tracecontrol"},
    {23, 2, "c0_tracecontrol2"}, {23, 3, "c0_usertracedata"}, {23, 4, "c0_tracebpc"},
    {24, 0, "c0_depc"}, {26, 0, "c0_errctl"}, {30, 0, "c0_errorepc"}, {31, 0, "c0_desave"},
    /* vz/r5: registers of the M5150 and the VZ module objdump does not name */
    {4, 2, "c0_userlocal"}, {8, 1, "c0_badinstr"}, {8, 2, "c0_badinstrp"},
    {10, 4, "c0_guestctl1"}, {10, 5, "c0_guestctl2"}, {10, 6, "c0_guestctl3"},
    {11, 4, "c0_guestctl0ext"}, {12, 6, "c0_guestctl0"}, {12, 7, "c0_gtoffset"},
    {13, 5, "c0_nestedexc"}, {14, 2, "c0_nestedepc"}, {15, 2, "c0_cdmmbase"},
    {16, 4, "c0_config4"}, {16, 5, "c0_config5"}, {16, 7, "c0_config7"},
    {31, 2, "c0_kscratch1"}, {31, 3, "c0_kscratch2"},
};

/* Registers objdump names for every select as "name,sel" (name alone for 0). */
static const char *cp0_sel_family(unsigned reg, unsigned sel)
{
    switch (reg) {
    case 18: return "c0_watchlo";
    case 19: return "c0_watchhi";
    case 25: return "c0_perfcnt";
    case 27: return sel < 4 ? "c0_cacheerr" : NULL;
    default: return NULL;
    }
}

static const char *const cache_tag_names[2][8] = {
    {"c0_taglo", "c0_datalo", "c0_taglo1", "c0_datalo1", "c0_taglo2", "c0_datalo2", "c0_taglo3",
     "c0_datalo3"},
    {"c0_taghi", "c0_datahi", "c0_taghi1", "c0_datahi1", "c0_taghi2", "c0_datahi2", "c0_taghi3",
     "c0_datahi3"},
};

static void cp0_reg_text(unsigned reg, unsigned sel, char *buf, size_t n)
{
    if (reg == 28 || reg == 29) {
        snprintf(buf, n, "%s", cache_tag_names[reg - 28][sel]);
        return;
    }
    for (size_t i = 0; i < sizeof cp0_names / sizeof cp0_names[0]; i++)
        if (cp0_names[i].reg == reg && cp0_names[i].sel == sel) {
            snprintf(buf, n, "%s", cp0_names[i].name);
            return;
        }
    const char *fam = cp0_sel_family(reg, sel);
    if (fam && sel)
        snprintf(buf, n, "%s,%u", fam, sel);
    else if (fam)
        snprintf(buf, n, "%s", fam);
    else if (sel)
        snprintf(buf, n, "$%u,%u", reg, sel);
    else
        snprintf(buf, n, "$%u", reg);
}

static const char *fcr_name(unsigned r)
{
    switch (r) {
    case 0: return "c1_fir";
    case 1: return "c1_ufr";
    case 4: return "c1_unfr";
    case 25: return "c1_fccr";
    case 26: return "c1_fexr";
    case 28: return "c1_fenr";
    case 31: return "c1_fcsr";
    default: return NULL;
    }
}

static const char *hwr_name(unsigned r)
{
    switch (r) {
    case 0: return "hwr_cpunum";
    case 1: return "hwr_synci_step";
    case 2: return "hwr_cc";
    case 3: return "hwr_ccres";
    default: return NULL;
    }
}

static const char *const fp_cond[16] = {
    "f", "un", "eq", "ueq", "olt", "ult", "ole", "ule",
    "sf", "ngle", "seq", "ngl", "lt", "nge", "le", "ngt",
};

/* ---- output ------------------------------------------------------------- */

struct out {
    char *buf;
    size_t n;
    size_t len;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t room = o->len < o->n ? o->n - o->len : 0;
    int k = vsnprintf(o->buf + (room ? o->len : 0), room, fmt, ap);
    va_end(ap);
    if (k > 0)
        o->len += (size_t)k;
}

#define RS ((insn >> 21) & 31)
#define RT ((insn >> 16) & 31)
#define RD ((insn >> 11) & 31)
#define SA ((insn >> 6) & 31)
#define FUNCT (insn & 63)
#define SIMM ((int32_t)(int16_t)insn)
#define UIMM (insn & 0xFFFFu)
#define BTARGET ((uint32_t)(pc + 4 + ((uint32_t)SIMM << 2)))

static int unknown(struct out *o, uint32_t insn)
{
    put(o, ".word\t0x%x", insn);
    return 0;
}

/* "name\trs,rt,rd"-style helpers */
static int r3(struct out *o, const char *m, unsigned a, unsigned b, unsigned c)
{
    put(o, "%s\t%s,%s,%s", m, gpr[a], gpr[b], gpr[c]);
    return 1;
}
static int r2(struct out *o, const char *m, unsigned a, unsigned b)
{
    put(o, "%s\t%s,%s", m, gpr[a], gpr[b]);
    return 1;
}
static int r1(struct out *o, const char *m, unsigned a)
{
    put(o, "%s\t%s", m, gpr[a]);
    return 1;
}
static int mem(struct out *o, const char *m, const char *reg, uint32_t insn)
{
    put(o, "%s\t%s,%d(%s)", m, reg, SIMM, gpr[RS]);
    return 1;
}
static int code(struct out *o, const char *m, uint32_t c)
{
    if (c)
        put(o, "%s\t0x%x", m, c);
    else
        put(o, "%s", m);
    return 1;
}

static const char *fpr_names[32] = {
    "$f0",  "$f1",  "$f2",  "$f3",  "$f4",  "$f5",  "$f6",  "$f7",  "$f8",  "$f9",  "$f10",
    "$f11", "$f12", "$f13", "$f14", "$f15", "$f16", "$f17", "$f18", "$f19", "$f20", "$f21",
    "$f22", "$f23", "$f24", "$f25", "$f26", "$f27", "$f28", "$f29", "$f30", "$f31",
};
#define FPR(x) fpr_names[(x) & 31]

/* ---- SPECIAL (opcode 0) ------------------------------------------------- */

static int dis_special(struct out *o, uint32_t insn)
{
    static const char *const shift[8] = {"sll", NULL, "srl", "sra", "sllv", NULL, "srlv", "srav"};
    switch (FUNCT) {
    case 0x00:
        switch (insn) {
        case 0x00000000: put(o, "nop"); return 1;
        case 0x00000040: put(o, "ssnop"); return 1;
        case 0x000000C0: put(o, "ehb"); return 1;
        case 0x00000140: put(o, "pause"); return 1;
        default: break;
        }
        put(o, "sll\t%s,%s,0x%x", gpr[RD], gpr[RT], SA);
        return 1;
    case 0x01: /* MOVF / MOVT */
        put(o, "%s\t%s,%s,$fcc%u", (insn >> 16) & 1 ? "movt" : "movf", gpr[RD], gpr[RS],
            (insn >> 18) & 7);
        return 1;
    case 0x02:
        if (RS > 1)
            return unknown(o, insn);
        put(o, "%s\t%s,%s,0x%x", RS ? "ror" : "srl", gpr[RD], gpr[RT], SA);
        return 1;
    case 0x03:
        put(o, "%s\t%s,%s,0x%x", shift[FUNCT], gpr[RD], gpr[RT], SA);
        return 1;
    case 0x04: case 0x07:
        return r3(o, shift[FUNCT], RD, RT, RS);
    case 0x06:
        if (SA > 1)
            return unknown(o, insn);
        return r3(o, SA ? "rorv" : "srlv", RD, RT, RS);
    case 0x08: return r1(o, (insn & 0x400) ? "jr.hb" : "jr", RS);
    case 0x09:
        if (RD == 31)
            return r1(o, (insn & 0x400) ? "jalr.hb" : "jalr", RS);
        return r2(o, (insn & 0x400) ? "jalr.hb" : "jalr", RD, RS);
    case 0x0A: return r3(o, "movz", RD, RS, RT);
    case 0x0B: return r3(o, "movn", RD, RS, RT);
    case 0x0C: return code(o, "syscall", (insn >> 6) & 0xFFFFF);
    case 0x0D: {
        unsigned hi = (insn >> 16) & 0x3FF, lo = (insn >> 6) & 0x3FF;
        if (lo)
            put(o, "break\t0x%x,0x%x", hi, lo);
        else
            code(o, "break", hi);
        return 1;
    }
    case 0x0F: /* SYNC; objdump names the lightweight stypes */
        switch (SA) {
        case 0x04: put(o, "sync_wmb"); return 1;
        case 0x10: put(o, "sync_mb"); return 1;
        case 0x11: put(o, "sync_acquire"); return 1;
        case 0x12: put(o, "sync_release"); return 1;
        case 0x13: put(o, "sync_rmb"); return 1;
        default: return code(o, "sync", SA);
        }
    case 0x10: return r1(o, "mfhi", RD);
    case 0x11: return r1(o, "mthi", RS);
    case 0x12: return r1(o, "mflo", RD);
    case 0x13: return r1(o, "mtlo", RS);
    case 0x18: return r2(o, "mult", RS, RT);
    case 0x19: return r2(o, "multu", RS, RT);
    case 0x1A: return r3(o, "div", 0, RS, RT);
    case 0x1B: return r3(o, "divu", 0, RS, RT);
    case 0x20: return r3(o, "add", RD, RS, RT);
    case 0x21:
        if (RT == 0)
            return r2(o, "move", RD, RS);
        return r3(o, "addu", RD, RS, RT);
    case 0x22:
        if (RS == 0)
            return r2(o, "neg", RD, RT);
        return r3(o, "sub", RD, RS, RT);
    case 0x23:
        if (RS == 0)
            return r2(o, "negu", RD, RT);
        return r3(o, "subu", RD, RS, RT);
    case 0x24: return r3(o, "and", RD, RS, RT);
    case 0x25:
        if (RT == 0)
            return r2(o, "move", RD, RS);
        return r3(o, "or", RD, RS, RT);
    case 0x26: return r3(o, "xor", RD, RS, RT);
    case 0x27: return r3(o, "nor", RD, RS, RT);
    case 0x2A: return r3(o, "slt", RD, RS, RT);
    case 0x2B: return r3(o, "sltu", RD, RS, RT);
    case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x36: {
        static const char *const tn[8] = {"tge", "tgeu", "tlt", "tltu", "teq", NULL, "tne", NULL};
        unsigned c = (insn >> 6) & 0x3FF;
        if (c)
            put(o, "%s\t%s,%s,0x%x", tn[FUNCT & 7], gpr[RS], gpr[RT], c);
        else
            r2(o, tn[FUNCT & 7], RS, RT);
        return 1;
    }
    default: return unknown(o, insn);
    }
}

/* ---- REGIMM (opcode 1) -------------------------------------------------- */

static int dis_regimm(struct out *o, uint32_t pc, uint32_t insn)
{
    static const char *const br[32] = {
        [0x00] = "bltz",   [0x01] = "bgez",   [0x02] = "bltzl",   [0x03] = "bgezl",
        [0x10] = "bltzal", [0x11] = "bgezal", [0x12] = "bltzall", [0x13] = "bgezall",
    };
    static const char *const tr[32] = {
        [0x08] = "tgei", [0x09] = "tgeiu", [0x0A] = "tlti",
        [0x0B] = "tltiu", [0x0C] = "teqi", [0x0E] = "tnei",
    };
    unsigned rt = RT;
    if (br[rt]) {
        if ((rt == 0x11 || rt == 0x01) && RS == 0)
            put(o, "%s\t0x%x", rt == 0x11 ? "bal" : "b", BTARGET);
        else
            put(o, "%s\t%s,0x%x", br[rt], gpr[RS], BTARGET);
        return 1;
    }
    if (tr[rt]) {
        put(o, "%s\t%s,%d", tr[rt], gpr[RS], SIMM);
        return 1;
    }
    if (rt == 0x1F) {
        put(o, "synci\t%d(%s)", SIMM, gpr[RS]);
        return 1;
    }
    return unknown(o, insn);
}

/* ---- COP0 (opcode 0x10) ------------------------------------------------- */

static int dis_cop0(struct out *o, uint32_t insn)
{
    char reg[32];
    if (insn & 0x02000000u) { /* CO */
        switch (FUNCT) {
        case 0x01: put(o, "tlbr"); return 1;
        case 0x02: put(o, "tlbwi"); return 1;
        case 0x06: put(o, "tlbwr"); return 1;
        case 0x08: put(o, "tlbp"); return 1;
        case 0x09: put(o, "tlbgr"); return 1;
        case 0x0A: put(o, "tlbgwi"); return 1;
        case 0x0B: put(o, "tlbginv"); return 1;
        case 0x0C: put(o, "tlbginvf"); return 1;
        case 0x0E: put(o, "tlbgwr"); return 1;
        case 0x10: put(o, "tlbgp"); return 1;
        case 0x18: put(o, "eret"); return 1;
        case 0x1F: put(o, "deret"); return 1;
        case 0x20: return code(o, "wait", (insn >> 6) & 0x7FFFF);
        case 0x28: return code(o, "hypcall", (insn >> 11) & 0x3FF);
        case 0x38: put(o, "iret"); return 1;
        default: return unknown(o, insn);
        }
    }
    switch (RS) {
    case 0x00: case 0x04:
        cp0_reg_text(RD, insn & 7, reg, sizeof reg);
        put(o, "%s\t%s,%s", RS ? "mtc0" : "mfc0", gpr[RT], reg);
        return 1;
    case 0x03: /* MFGC0 / MTGC0 */
        if (((insn >> 8) & 7) != 0 && ((insn >> 8) & 7) != 2)
            return unknown(o, insn);
        cp0_reg_text(RD, insn & 7, reg, sizeof reg);
        put(o, "%s\t%s,%s", (insn & 0x200) ? "mtgc0" : "mfgc0", gpr[RT], reg);
        return 1;
    case 0x0A: return r2(o, "rdpgpr", RD, RT);
    case 0x0B:
        if ((insn & 0xFFDF) != 0x6000)
            return unknown(o, insn);
        if (RT)
            return r1(o, (insn & 0x20) ? "ei" : "di", RT);
        put(o, "%s", (insn & 0x20) ? "ei" : "di");
        return 1;
    case 0x0E: return r2(o, "wrpgpr", RD, RT);
    default: return unknown(o, insn);
    }
}

/* ---- COP1 (opcode 0x11) and COP1X (0x13) -------------------------------- */

static int dis_cop1(struct out *o, uint32_t pc, uint32_t insn)
{
    unsigned rs = RS, ft = RT, fs = RD, fd = SA, fn = FUNCT;
    const char *n;
    switch (rs) {
    case 0: put(o, "mfc1\t%s,%s", gpr[ft], FPR(fs)); return 1;
    case 3: put(o, "mfhc1\t%s,%s", gpr[ft], FPR(fs)); return 1;
    case 4: put(o, "mtc1\t%s,%s", gpr[ft], FPR(fs)); return 1;
    case 7: put(o, "mthc1\t%s,%s", gpr[ft], FPR(fs)); return 1;
    case 2: case 6:
        n = fcr_name(fs);
        if (n)
            put(o, "%s\t%s,%s", rs == 2 ? "cfc1" : "ctc1", gpr[ft], n);
        else
            put(o, "%s\t%s,$%u", rs == 2 ? "cfc1" : "ctc1", gpr[ft], fs);
        return 1;
    case 8: {
        static const char *const bc[4] = {"bc1f", "bc1t", "bc1fl", "bc1tl"};
        unsigned cc = (insn >> 18) & 7;
        if (cc)
            put(o, "%s\t$fcc%u,0x%x", bc[(insn >> 16) & 3], cc, BTARGET);
        else
            put(o, "%s\t0x%x", bc[(insn >> 16) & 3], BTARGET);
        return 1;
    }
    case 16: case 17: case 20: case 21: break;
    default: return unknown(o, insn);
    }
    static const char fmtc[6] = {'s', 'd', '?', '?', 'w', 'l'};
    char f = fmtc[rs - 16];
    if (rs >= 20) { /* W, L: conversions to S and D only */
        if (fn != 32 && fn != 33)
            return unknown(o, insn);
        put(o, "cvt.%c.%c\t%s,%s", fn == 32 ? 's' : 'd', f, FPR(fd), FPR(fs));
        return 1;
    }
    if (fn >= 48) { /* C.cond.fmt; bits 7:6 zero (bit 6 would be CABS) */
        unsigned cc = (insn >> 8) & 7;
        if (insn & 0xC0)
            return unknown(o, insn);
        if (cc)
            put(o, "c.%s.%c\t$fcc%u,%s,%s", fp_cond[fn & 15], f, cc, FPR(fs), FPR(ft));
        else
            put(o, "c.%s.%c\t%s,%s", fp_cond[fn & 15], f, FPR(fs), FPR(ft));
        return 1;
    }
    static const char *const op2[16] = {
        [4] = "sqrt", [5] = "abs", [6] = "mov", [7] = "neg",
        [8] = "round.l", [9] = "trunc.l", [10] = "ceil.l", [11] = "floor.l",
        [12] = "round.w", [13] = "trunc.w", [14] = "ceil.w", [15] = "floor.w",
    };
    switch (fn) {
    case 0: case 1: case 2: case 3: {
        static const char *const a[4] = {"add", "sub", "mul", "div"};
        put(o, "%s.%c\t%s,%s,%s", a[fn], f, FPR(fd), FPR(fs), FPR(ft));
        return 1;
    }
    case 4: case 5: case 6: case 7: case 8: case 9: case 10: case 11: case 12: case 13:
    case 14: case 15:
        put(o, "%s.%c\t%s,%s", op2[fn], f, FPR(fd), FPR(fs));
        return 1;
    case 17:
        if ((insn >> 17) & 1)
            return unknown(o, insn);
        put(o, "%s.%c\t%s,%s,$fcc%u", (insn >> 16) & 1 ? "movt" : "movf", f, FPR(fd), FPR(fs),
            (insn >> 18) & 7);
        return 1;
    case 18: case 19:
        put(o, "%s.%c\t%s,%s,%s", fn == 18 ? "movz" : "movn", f, FPR(fd), FPR(fs), gpr[ft]);
        return 1;
    case 21: case 22:
        put(o, "%s.%c\t%s,%s", fn == 21 ? "recip" : "rsqrt", f, FPR(fd), FPR(fs));
        return 1;
    case 32: case 33:
        if ((fn == 32) == (rs == 16))
            return unknown(o, insn); /* cvt.s.s / cvt.d.d */
        put(o, "cvt.%c.%c\t%s,%s", fn == 32 ? 's' : 'd', f, FPR(fd), FPR(fs));
        return 1;
    case 36: case 37:
        put(o, "cvt.%c.%c\t%s,%s", fn == 36 ? 'w' : 'l', f, FPR(fd), FPR(fs));
        return 1;
    default: return unknown(o, insn);
    }
}

static int dis_cop1x(struct out *o, uint32_t insn)
{
    unsigned base = RS, index = RT, fs = RD, fd = SA, fn = FUNCT;
    static const char *const ls[16] = {
        [0] = "lwxc1", [1] = "ldxc1", [5] = "luxc1", [8] = "swxc1", [9] = "sdxc1", [13] = "suxc1",
    };
    if (fn < 16 && ls[fn]) {
        put(o, "%s\t%s,%s(%s)", ls[fn], FPR(fn < 8 ? fd : fs), gpr[index], gpr[base]);
        return 1;
    }
    if (fn == 15) {
        put(o, "prefx\t0x%x,%s(%s)", fs, gpr[index], gpr[base]);
        return 1;
    }
    unsigned op = fn >> 3, f3 = fn & 7;
    if (op < 4 || f3 > 1)
        return unknown(o, insn);
    static const char *const m[4] = {"madd", "msub", "nmadd", "nmsub"};
    put(o, "%s.%c\t%s,%s,%s,%s", m[op - 4], f3 ? 'd' : 's', FPR(fd), FPR(base), FPR(fs),
        FPR(index));
    return 1;
}

/* ---- SPECIAL2 / SPECIAL3 ------------------------------------------------ */

static int dis_special2(struct out *o, uint32_t insn)
{
    switch (FUNCT) {
    case 0x00: case 0x01: case 0x04: case 0x05: {
        static const char *const m[6] = {"madd", "maddu", NULL, NULL, "msub", "msubu"};
        if (RD) /* DSP accumulator forms: the core raises DSPDis/RI */
            return unknown(o, insn);
        return r2(o, m[FUNCT], RS, RT);
    }
    case 0x02: return r3(o, "mul", RD, RS, RT);
    case 0x20: return r2(o, "clz", RD, RS);
    case 0x21: return r2(o, "clo", RD, RS);
    case 0x3F: return code(o, "sdbbp", (insn >> 6) & 0xFFFFF);
    default: return unknown(o, insn);
    }
}

static int dis_special3(struct out *o, uint32_t insn)
{
    switch (FUNCT) {
    case 0x00:
        put(o, "ext\t%s,%s,0x%x,0x%x", gpr[RT], gpr[RS], SA, RD + 1);
        return 1;
    case 0x04:
        if (RD < SA) /* size would be negative: UNPREDICTABLE */
            return unknown(o, insn);
        put(o, "ins\t%s,%s,0x%x,0x%x", gpr[RT], gpr[RS], SA, RD - SA + 1);
        return 1;
    case 0x20:
        switch (SA) {
        case 0x02: return r2(o, "wsbh", RD, RT);
        case 0x10: return r2(o, "seb", RD, RT);
        case 0x18: return r2(o, "seh", RD, RT);
        default: return unknown(o, insn);
        }
    case 0x3B: {
        const char *n = hwr_name(RD);
        if (n)
            put(o, "rdhwr\t%s,%s", gpr[RT], n);
        else
            put(o, "rdhwr\t%s,$%u", gpr[RT], RD);
        return 1;
    }
    default: return unknown(o, insn);
    }
}

/* ---- everything --------------------------------------------------------- */

int disasm(uint32_t pc, uint32_t insn, char *buf, size_t n)
{
    struct out o = {buf, n, 0};
    int known = 1;
    if (n)
        buf[0] = 0;
    switch (insn >> 26) {
    case 0x00: known = dis_special(&o, insn); break;
    case 0x01: known = dis_regimm(&o, pc, insn); break;
    case 0x02: case 0x03:
        put(&o, "%s\t0x%x", (insn >> 26) == 2 ? "j" : "jal",
            ((pc + 4) & 0xF0000000u) | (insn & 0x03FFFFFFu) << 2);
        break;
    case 0x04: case 0x05: case 0x14: case 0x15: {
        bool likely = insn >> 26 >= 0x14, ne = insn & (1u << 26);
        const char *m = ne ? (likely ? "bnel" : "bne") : (likely ? "beql" : "beq");
        if (!ne && !likely && RS == 0 && RT == 0)
            put(&o, "b\t0x%x", BTARGET);
        else if (RT == 0)
            put(&o, "%sz%s\t%s,0x%x", ne ? "bne" : "beq", likely ? "l" : "", gpr[RS], BTARGET);
        else
            put(&o, "%s\t%s,%s,0x%x", m, gpr[RS], gpr[RT], BTARGET);
        break;
    }
    case 0x06: case 0x07: case 0x16: case 0x17: {
        static const char *const m[4] = {"blez", "bgtz", "blezl", "bgtzl"};
        if (RT)
            return unknown(&o, insn);
        put(&o, "%s\t%s,0x%x", m[((insn >> 26) & 1) | ((insn >> 29) & 2)], gpr[RS], BTARGET);
        break;
    }
    case 0x08: put(&o, "addi\t%s,%s,%d", gpr[RT], gpr[RS], SIMM); break;
    case 0x09:
        if (RS == 0)
            put(&o, "li\t%s,%d", gpr[RT], SIMM);
        else
            put(&o, "addiu\t%s,%s,%d", gpr[RT], gpr[RS], SIMM);
        break;
    case 0x0A: put(&o, "slti\t%s,%s,%d", gpr[RT], gpr[RS], SIMM); break;
    case 0x0B: put(&o, "sltiu\t%s,%s,%d", gpr[RT], gpr[RS], SIMM); break;
    case 0x0C: put(&o, "andi\t%s,%s,0x%x", gpr[RT], gpr[RS], UIMM); break;
    case 0x0D:
        if (RS == 0)
            put(&o, "li\t%s,0x%x", gpr[RT], UIMM);
        else
            put(&o, "ori\t%s,%s,0x%x", gpr[RT], gpr[RS], UIMM);
        break;
    case 0x0E: put(&o, "xori\t%s,%s,0x%x", gpr[RT], gpr[RS], UIMM); break;
    case 0x0F:
        if (RS)
            return unknown(&o, insn);
        put(&o, "lui\t%s,0x%x", gpr[RT], UIMM);
        break;
    case 0x10: known = dis_cop0(&o, insn); break;
    case 0x11: known = dis_cop1(&o, pc, insn); break;
    case 0x13: known = dis_cop1x(&o, insn); break;
    case 0x1C: known = dis_special2(&o, insn); break;
    case 0x1D: /* JALX: to microMIPS */
        put(&o, "jalx\t0x%x", ((pc + 4) & 0xF0000000u) | (insn & 0x03FFFFFFu) << 2);
        break;
    case 0x1F: known = dis_special3(&o, insn); break;
    case 0x20: mem(&o, "lb", gpr[RT], insn); break;
    case 0x21: mem(&o, "lh", gpr[RT], insn); break;
    case 0x22: mem(&o, "lwl", gpr[RT], insn); break;
    case 0x23: mem(&o, "lw", gpr[RT], insn); break;
    case 0x24: mem(&o, "lbu", gpr[RT], insn); break;
    case 0x25: mem(&o, "lhu", gpr[RT], insn); break;
    case 0x26: mem(&o, "lwr", gpr[RT], insn); break;
    case 0x28: mem(&o, "sb", gpr[RT], insn); break;
    case 0x29: mem(&o, "sh", gpr[RT], insn); break;
    case 0x2A: mem(&o, "swl", gpr[RT], insn); break;
    case 0x2B: mem(&o, "sw", gpr[RT], insn); break;
    case 0x2E: mem(&o, "swr", gpr[RT], insn); break;
    case 0x2F: put(&o, "cache\t0x%x,%d(%s)", RT, SIMM, gpr[RS]); break;
    case 0x30: mem(&o, "ll", gpr[RT], insn); break;
    case 0x31: mem(&o, "lwc1", FPR(RT), insn); break;
    case 0x33: put(&o, "pref\t0x%x,%d(%s)", RT, SIMM, gpr[RS]); break;
    case 0x35: mem(&o, "ldc1", FPR(RT), insn); break;
    case 0x38: mem(&o, "sc", gpr[RT], insn); break;
    case 0x39: mem(&o, "swc1", FPR(RT), insn); break;
    case 0x3D: mem(&o, "sdc1", FPR(RT), insn); break;
    default: known = unknown(&o, insn); break;
    }
    return known;
}

/* ---- microMIPS ------------------------------------------------------------
 * The decoder of the core (sim/cpu/micromips.c) gives each microMIPS
 * instruction its MIPS32 equivalent, printed as above (objdump prints the
 * 16-bit forms with the same mnemonics: addu, lw, move, li, ...); what has
 * no equivalent (branches with microMIPS offsets, compact branches, LWM/SWM,
 * LWP/SWP, MOVEP, ADDIUPC, LWXS, JRADDIUSP) is printed from the decoded
 * fields. Targets are printed without the ISA bit, as objdump does. */
int disasm_mm(uint32_t pc, uint32_t raw, unsigned size, char *buf, size_t n)
{
    struct out o = {buf, n, 0};
    struct mm_insn d;
    if (n)
        buf[0] = 0;
    mm_decode(raw, size, &d);
    uint32_t a = pc & ~1u, t = (a + d.size + (uint32_t)d.imm) & ~1u;
    switch (d.kind) {
    case MM_MIPS32:
        if ((d.mips >> 26) == 0x3F) { /* reserved */
            put(&o, size == 2 ? ".short\t0x%x" : ".word\t0x%x", raw);
            return 0;
        }
        if ((d.mips & 0xFC1F07FFu) == 0x27) { /* NOR rd, rs, zero: objdump's not */
            put(&o, "not\t%s,%s", gpr[(d.mips >> 11) & 31], gpr[(d.mips >> 21) & 31]);
            return 1;
        }
        if (size == 2 && (raw >> 10) == 0x09) { /* SLL16/SRL16: objdump's decimal shift */
            put(&o, "%s\t%s,%s,%u", (raw & 1) ? "srl" : "sll", gpr[(d.mips >> 11) & 31],
                gpr[(d.mips >> 16) & 31], (d.mips >> 6) & 31);
            return 1;
        }
        return disasm(a, d.mips, buf, n);
    case MM_BEQ: case MM_BNE:
        if (d.kind == MM_BEQ && !d.a && !d.b)
            put(&o, "b\t0x%x", t);
        else if (!d.b)
            put(&o, "%s\t%s,0x%x", d.kind == MM_BEQ ? "beqz" : "bnez", gpr[d.a], t);
        else
            put(&o, "%s\t%s,%s,0x%x", d.kind == MM_BEQ ? "beq" : "bne", gpr[d.a], gpr[d.b], t);
        break;
    case MM_BLTZ: case MM_BGEZ: case MM_BLEZ: case MM_BGTZ: {
        static const char *const m[4] = {"bltz", "bgez", "blez", "bgtz"};
        if (d.kind == MM_BGEZ && !d.a) /* objdump's b/bal/bals */
            put(&o, "%s\t0x%x", !d.link ? "b" : d.slot == 2 ? "bals" : "bal", t);
        else
            put(&o, "%s%s\t%s,0x%x", m[d.kind - MM_BLTZ], !d.link ? "" : d.slot == 2 ? "als" : "al",
                gpr[d.a], t);
        break;
    }
    case MM_BEQZC: case MM_BNEZC:
        if (d.kind == MM_BEQZC && !d.a) /* objdump's bc */
            put(&o, "bc\t0x%x", t);
        else
            put(&o, "%s\t%s,0x%x", d.kind == MM_BEQZC ? "beqzc" : "bnezc", gpr[d.a], t);
        break;
    case MM_BC1F: case MM_BC1T:
        if (d.c)
            put(&o, "%s\t$fcc%u,0x%x", d.kind == MM_BC1F ? "bc1f" : "bc1t", d.c, t);
        else
            put(&o, "%s\t0x%x", d.kind == MM_BC1F ? "bc1f" : "bc1t", t);
        break;
    case MM_J:
        put(&o, "%s\t0x%x", !d.link ? "j" : d.slot == 2 ? "jals" : "jal",
            ((a + d.size) & 0xF8000000u) | (uint32_t)d.imm);
        break;
    case MM_JALX:
        put(&o, "jalx\t0x%x", ((a + d.size) & 0xF0000000u) | (uint32_t)d.imm);
        break;
    case MM_JR:
        if (!d.slot)
            put(&o, "jrc\t%s", gpr[d.a]);
        else if (!d.link)
            put(&o, "jr%s\t%s", d.c ? ".hb" : "", gpr[d.a]);
        else if (size == 2 || d.link == 31) /* objdump omits ra */
            put(&o, "%s%s\t%s", d.slot == 2 ? "jalrs" : "jalr", d.c ? ".hb" : "", gpr[d.a]);
        else
            put(&o, "%s%s\t%s,%s", d.slot == 2 ? "jalrs" : "jalr", d.c ? ".hb" : "", gpr[d.link],
                gpr[d.a]);
        break;
    case MM_JRADDIUSP: put(&o, "jraddiusp\t%d", d.imm); break;
    case MM_MOVEP:
        put(&o, "movep\t%s,%s,%s,%s", gpr[d.a], gpr[d.b], gpr[d.c], gpr[d.link]);
        break;
    case MM_ADDIUPC: put(&o, "addiu\t%s,$pc,%d", gpr[d.a], d.imm); break;
    case MM_LWP: case MM_SWP:
        put(&o, "%s\t%s,%d(%s)", d.kind == MM_LWP ? "lwp" : "swp", gpr[d.b], d.imm, gpr[d.a]);
        break;
    case MM_LWM: case MM_SWM: {
        unsigned k = d.b & 15;
        put(&o, "%s\t", d.kind == MM_LWM ? "lwm" : "swm");
        if (k)
            put(&o, k == 1 ? "s0" : k <= 8 ? "s0-s%u" : "s0-s7,s8", k - 1);
        if (d.b & 16)
            put(&o, "%sra", k ? "," : "");
        put(&o, ",%d(%s)", d.imm, gpr[d.a]);
        break;
    }
    case MM_LWXS: put(&o, "lwxs\t%s,%s(%s)", gpr[d.c], gpr[d.b], gpr[d.a]); break;
    default:
        put(&o, size == 2 ? ".short\t0x%x" : ".word\t0x%x", raw);
        return 0;
    }
    return 1;
}

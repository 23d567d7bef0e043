/*
 * The hypervisor's instruction decoders (hv/core/insn.c, insn_mm.c) on
 * the host, against what the cross assembler encodes: the fixture
 * (tests/unit/insn_img.S, linked and copied out raw) holds microMIPS
 * loads/stores, branches with their delay slots and trapping CP0/TLB/
 * cache/HYPCALL instructions, each with the expected decoding in a table
 * the assembler and linker fill in (addresses, targets, the MIPS32
 * equivalent assembled from the same text).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "insn.h"

static uint32_t gpr[32];
static unsigned fcc; /* FCSR condition codes, bit cc */
static int fails, checks;

uint32_t arch_gpr_get(unsigned n)
{
    return n < 32 ? gpr[n] : 0xdeadbeefu;
}

bool arch_fp_cond(unsigned cc)
{
    return (fcc >> cc) & 1;
}

static void gpr_reset(void)
{
    gpr[0] = 0;
    for (unsigned n = 1; n < 32; n++)
        gpr[n] = 0x10000u + n * 0x100u;
}

static unsigned char *img;
static size_t img_size;
static uint32_t img_base;

static uint32_t rd16(uint32_t a)
{
    a &= ~1u;
    if (a < img_base || a - img_base + 2 > img_size) {
        fprintf(stderr, "address %08x outside the fixture\n", a);
        exit(1);
    }
    return img[a - img_base] | (uint32_t)img[a - img_base + 1] << 8;
}

static uint32_t rd32(uint32_t a)
{
    return rd16(a) | rd16(a + 2) << 16;
}

/* BadInstr as the hardware gives it (insn.h): a 16-bit instruction in
 * bits 15:0, a 32-bit one with its first halfword in 31:16 */
static uint32_t badinstr(uint32_t a, unsigned *len)
{
    uint32_t h = rd16(a);
    unsigned c = (h >> 10) & 7;
    *len = c >= 1 && c <= 3 ? 2 : 4;
    return *len == 2 ? h : h << 16 | rd16(a + 2);
}

#define CHECK(cond, ...)                         \
    do {                                         \
        checks++;                                \
        if (!(cond)) {                           \
            fails++;                             \
            printf("FAIL insn: " __VA_ARGS__);   \
            printf("\n");                        \
        }                                        \
    } while (0)

static void t_mem(const uint32_t *e)
{
    uint32_t a = e[1] & ~1u, want = e[2];
    unsigned len;
    uint32_t bi = badinstr(a, &len);
    /* both placements of a 16-bit instruction (insn.h) */
    for (int alt = 0; alt < (len == 2 ? 2 : 1); alt++) {
        struct mem_op op;
        memset(&op, 0x5a, sizeof op);
        gpr_reset();
        bool ok = insn_mm_mem(alt ? bi << 16 : bi, &op);
        CHECK(ok, "%08x (%08x): not decoded as a load/store", a, bi);
        if (!ok)
            continue;
        CHECK(op.size == (want & 0xff) && op.store == ((want >> 8) & 1) && op.sign == ((want >> 16) & 1) &&
                  op.kind == (want >> 24),
              "%08x (%08x): size %u store %u sign %u kind %u, want %u %u %u %u", a, bi, op.size, op.store,
              op.sign, op.kind, want & 0xff, (want >> 8) & 1, (want >> 16) & 1, want >> 24);
        CHECK(op.kind == MEM_CACHE || op.reg == e[3], "%08x (%08x): reg %u, want %u", a, bi, op.reg, e[3]);
        CHECK(op.kind != MEM_MULTI || op.regs == e[4], "%08x (%08x): regs %08x, want %08x", a, bi, op.regs,
              e[4]);
        CHECK(op.ea == e[5], "%08x (%08x): ea %08x, want %08x", a, bi, op.ea, e[5]);
        CHECK(op.len == e[6] && len == e[6], "%08x (%08x): length %u, want %u", a, bi, op.len, e[6]);
        CHECK(insn_mm_len(alt ? bi << 16 : bi) == e[6], "%08x (%08x): insn_mm_len", a, bi);
    }
}

enum { C_ALWAYS, C_EQ, C_NE, C_GEZ, C_GTZ, C_LEZ, C_LTZ, C_REG, C_FPT, C_FPF, C_NEVER };

/* Sets the registers so that the condition holds (yes) or not. */
static void cond_set(unsigned cond, unsigned rs, unsigned rt, bool yes)
{
    gpr_reset();
    fcc = 0;
    switch (cond) {
    case C_EQ: gpr[rs] = yes ? gpr[rt] : gpr[rt] + 1; break;
    case C_NE: gpr[rs] = yes ? gpr[rt] + 4 : gpr[rt]; break;
    case C_GEZ: gpr[rs] = yes ? 0 : 0x80000000u; break;
    case C_GTZ: gpr[rs] = yes ? 1 : 0; break;
    case C_LEZ: gpr[rs] = yes ? 0 : 0x7fffffffu; break;
    case C_LTZ: gpr[rs] = yes ? 0xffffffffu : 0; break;
    case C_REG: gpr[rs] = yes ? 0x9d001235u : 0x9d004320u; break; /* microMIPS, MIPS32 */
    case C_FPT: fcc = yes ? 1u << rs : ~(1u << rs); break;
    case C_FPF: fcc = yes ? ~(1u << rs) : 1u << rs; break;
    }
    if (cond != C_EQ && cond != C_NE && cond != C_FPT && cond != C_FPF)
        gpr[0] = 0;
}

static void t_br(const uint32_t *e, bool mips32)
{
    uint32_t a = e[1] & ~1u, target = e[2], fall = e[3], slen = e[4];
    unsigned cond = e[5], rs = e[6], rt = e[7], len;
    uint32_t bi = mips32 ? rd32(a) : badinstr(a, &len);
    for (int yes = 1; yes >= 0; yes--) {
        if ((cond == C_ALWAYS || cond == C_NEVER) && !yes)
            continue;
        cond_set(cond, rs, rt, yes);
        uint32_t want = cond == C_REG ? gpr[rs] : cond == C_NEVER || !yes ? fall | !mips32 : target;
        uint32_t got = mips32 ? insn_branch_next(bi, a) : insn_mm_branch_next(bi, a, slen);
        CHECK(got == want, "%08x (%08x) %s: next %08x, want %08x", a, bi, yes ? "taken" : "not taken", got,
              want);
        if (!mips32 && len == 2) {
            got = insn_mm_branch_next(bi << 16, a, slen);
            CHECK(got == want, "%08x (%08x in 31:16): next %08x, want %08x", a, bi, got, want);
        }
    }
}

static void t_x(const uint32_t *e)
{
    uint32_t a = e[1] & ~1u, want = rd32(e[2] & ~1u);
    unsigned len;
    uint32_t bi = badinstr(a, &len);
    uint32_t got = insn_mm_to_mips32(bi);
    CHECK(len == 4 && got == want, "%08x (%08x): MIPS32 %08x, want %08x", a, bi, got, want);
}

int main(void)
{
    const char *path = INSN_FIXTURE;
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("FAIL insn: cannot open %s\n", path);
        return 0;
    }
    img = malloc(1 << 20);
    img_size = fread(img, 1, 1 << 20, f);
    fclose(f);
    img_base = 0;
    img_base = rd32(0);
    uint32_t t0 = rd32(img_base + 4) & ~1u, t1 = rd32(img_base + 8) & ~1u;
    unsigned n[5] = {0};
    for (uint32_t t = t0; t < t1; t += 32) {
        uint32_t e[8];
        for (unsigned k = 0; k < 8; k++)
            e[k] = rd32(t + 4 * k);
        switch (e[0]) {
        case 1: t_mem(e); break;
        case 2: t_br(e, false); break;
        case 3: t_x(e); break;
        case 4: t_br(e, true); break;
        default: CHECK(0, "table entry kind %u", e[0]); continue;
        }
        n[e[0]]++;
    }
    /* what no table entry says: not loads/stores, not exits */
    struct mem_op op;
    CHECK(!insn_mm_mem(0x0c00u, &op), "NOP16 taken as a load/store");
    CHECK(!insn_mm_mem(0x46c5u, &op), "SDBBP16 taken as a load/store");
    CHECK(!insn_mm_mem(0x0000f37cu, &op), "ERET taken as a load/store");
    CHECK(!insn_mm_mem(0x23e61008u, &op), "LWP rd 31 (reserved) taken as a load/store");
    CHECK(!insn_mm_mem(0x2146d008u, &op), "SWM32 with reglist 10 (reserved) taken as a load/store");
    CHECK(insn_mm_to_mips32(0x0c00u) == 0, "NOP16 has a MIPS32 exit equivalent");
    CHECK(insn_mm_to_mips32(0x00000000u) == 0, "NOP32 has a MIPS32 exit equivalent");
    CHECK(n[1] >= 40 && n[2] >= 25 && n[3] >= 15 && n[4] == 2, "table: %u mem, %u branch, %u exit, %u MIPS32",
          n[1], n[2], n[3], n[4]);
    if (!fails)
        printf("ok insn: %u load/store forms, %u microMIPS and %u MIPS32 branches (taken and not), "
               "%u exits to MIPS32 (%d checks)\n", n[1], n[2], n[4], n[3], checks);
    free(img);
    return 0;
}

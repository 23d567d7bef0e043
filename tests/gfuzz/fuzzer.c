/*
 * fuzzer: a partition that runs random instruction streams (tests/gfuzz).
 * Block k of seed S (the word fuzz_seed in its flash, which the test
 * overwrites with vpsim --load) is 16..128 random words — any encoding,
 * valid or not, biased towards every CP0, CP1, COP1X, VZ, CACHE, load,
 * store, branch and jump form with random registers, offsets and targets
 * — entered with random register values (many of them addresses: its own
 * RAM, its flash, devices, the hypervisor's RAM, nowhere), followed by a
 * jump back. Any exception (its own, or one the hypervisor reflects)
 * lands on its own vector page, which resets the stack and state and goes
 * on with block k + 1; a block that hangs (a loop, WAIT with interrupts
 * off) is ended by the test typing `restart 2` into the hypervisor's shell
 * every few milliseconds. The state that survives a restart (seed, next
 * block, counts) sits at a fixed RAM address crt0 does not clear. The
 * random code may overwrite it: that only changes which blocks run, and
 * every run stays deterministic (same seed, same run).
 *
 * microMIPS mode (the word fuzz_isa = 1, patched like the seed): block k
 * is 16..256 random halfwords of microMIPS32 code (MIPS32 microMIPS
 * Instruction Set, MD00582), 16- and 32-bit encodings biased towards what
 * the hypervisor emulates or checks: every load/store width incl. the
 * 16-bit forms, LWM/SWM (16, 32), LWP/SWP, LWGP, LWSP, LWXS; CP0 moves
 * (MFC0 MTC0 MFGC0 MTGC0), EI DI RDPGPR WRPGPR, SYSCALL BREAK SDBBP WAIT
 * ERET DERET HYPCALL, the TLB and guest-TLB ops, CACHE SYNCI PREF; branches
 * and jumps with 16- and 32-bit delay slots, the compact ones, JALX both
 * ways (MIPS32 islands entered by a microMIPS JALX that JALX back), JR to
 * odd and even addresses; register values biased to the registers of its
 * own and others' devices. It is entered with the ISA bit set (jr to
 * code | 1) after checking Config3.ISA (MIPS32 PRA, MD00090, "Config3");
 * each block sets the guest's Config3.ISAOnExc at random, so exceptions
 * are taken in either ISA (and the random code may change it again).
 *
 * The vector page and the block's end are 32-byte stubs that are code in
 * both ISAs (stub(), below): whatever the ISA an exception enters in, or
 * the block runs into its end in, it reaches the MIPS32 handler.
 */
#include "rt.h"

/* overwritten by the test (vpsim --load); in program flash (.rodata) */
__attribute__((used)) const uint32_t fuzz_seed = 0xffffffffu;
/* 1: microMIPS blocks; anything else: MIPS32 (patched like fuzz_seed) */
__attribute__((used)) const uint32_t fuzz_isa = 0xffffffffu;

#define NWORDS_MAX 128
#define CODE_WORDS (NWORDS_MAX + 24) /* a block, its last MIPS32 island, its end stub */
#define MAGIC 0x67667a31u

/* mm_epc (+28), mm_vec (+32): exceptions taken from microMIPS code, and
 * entered in microMIPS (fuzz_exc counts them) */
struct state {
    uint32_t magic, seed, block, boots, exceptions, done, isa, mm_epc, mm_vec;
};
#define ST ((volatile struct state *)0x80006000u)

uint32_t code[CODE_WORDS] __attribute__((aligned(64)));
static uint32_t regs[32];
uint32_t exc_count; /* exceptions in this block (fuzz_exc) */
static unsigned code_n, reps; /* the block's length (0: none yet), its runs */
#define REPS 8
static uint32_t scratch[1024] __attribute__((aligned(4096)));
static uint32_t vec_page[1024] __attribute__((aligned(4096)));
extern char fuzz_stack_top[];

/* xorshift64*, seeded per block from (seed, block) */
static uint64_t rs;
static uint32_t rnd(void)
{
    rs ^= rs >> 12;
    rs ^= rs << 25;
    rs ^= rs >> 27;
    return (uint32_t)((rs * 2685821657736338717ull) >> 32);
}
static uint32_t rn(uint32_t n) { return rnd() % n; }

#define R(op, s, t, d, sa, fn) ((uint32_t)(op) << 26 | (s) << 21 | (t) << 16 | (d) << 11 | (sa) << 6 | (fn))
#define I(op, s, t, imm) ((uint32_t)(op) << 26 | (s) << 21 | (t) << 16 | ((imm) & 0xffffu))

static uint32_t reg(void) { return rn(32); }

static uint32_t gen_word(void)
{
    static const uint8_t mem_ops[] = {0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x28, 0x29,
                                      0x2a, 0x2b, 0x2e, 0x30, 0x38, 0x31, 0x35, 0x39, 0x3d,
                                      0x33, 0x2f};
    static const uint8_t co_fn[] = {0x01, 0x02, 0x06, 0x08, 0x09, 0x0a, 0x0e, 0x10,
                                    0x18, 0x1f, 0x20, 0x28, 0x03, 0x0b};
    uint32_t imm = rn(4) ? rn(64) * 4 - 128 : rnd();
    switch (rn(17)) {
    case 0: case 1: return rnd();                                   /* anything */
    case 2: return R(0, reg(), reg(), reg(), rn(32), rn(64));         /* SPECIAL */
    case 3: return I(8 + rn(8), reg(), reg(), rnd());                 /* ALU immediate */
    case 4: case 5:                                                   /* loads, stores, CACHE, PREF */
        return I(mem_ops[rn(sizeof mem_ops)], reg(), reg(), imm);
    case 6: {                                                         /* branches */
        static const uint8_t br[] = {1, 4, 5, 6, 7, 0x14, 0x15, 0x16, 0x17};
        uint32_t off = rn(2) ? rn(40) - 8 : rnd();
        return I(br[rn(sizeof br)], reg(), rn(2) ? reg() : rn(0x20), off);
    }
    case 7:                                                           /* jumps */
        switch (rn(3)) {
        case 0: return (uint32_t)(2 + rn(2)) << 26 | (rnd() & 0x03ffffffu);
        case 1: return R(0, reg(), 0, 0, 0, 8);                       /* JR */
        default: return R(0, reg(), 0, rn(2) ? 31 : reg(), 0, 9);     /* JALR */
        }
    case 8: {                                                         /* MFC0/MTC0/DI/EI/RDPGPR/WRPGPR */
        static const uint8_t rsf[] = {0, 4, 11, 10, 14};
        return 0x40000000u | (uint32_t)rsf[rn(sizeof rsf)] << 21 | reg() << 16 | reg() << 11 |
               (rn(4) ? rn(8) : rn(0x800));
    }
    case 9:                                                           /* CO: TLB, ERET, DERET, WAIT, HYPCALL, TLBG* */
        return 0x42000000u | (rn(2) ? (rnd() & 0x01ffffc0u) : 0) | co_fn[rn(sizeof co_fn)];
    case 10:                                                          /* MFGC0/MTGC0 and the rest of rs = 3 */
        return 0x40600000u | reg() << 16 | reg() << 11 | (rn(4) ? (rn(2) << 9 | rn(8)) : rn(0x800));
    case 11: return 0x44000000u | (rnd() & 0x03ffffffu);              /* COP1 */
    case 12: return 0x4c000000u | (rnd() & 0x03ffffffu);              /* COP1X */
    case 13: return (rn(2) ? 0x70000000u : 0x7c000000u) | (rnd() & 0x03ffffffu); /* SPECIAL2/3 */
    case 14: {                                                        /* SYSCALL, BREAK, traps */
        static const uint8_t fn[] = {0x0c, 0x0d, 0x30, 0x31, 0x32, 0x33, 0x34, 0x36};
        return (rnd() & 0x03ffffc0u) | fn[rn(sizeof fn)];
    }
    case 15: return 0xbc000000u | reg() << 21 | rn(32) << 16 | (imm & 0xffffu); /* CACHE, any op */
    default: return 0x42000028u | rn(0x400) << 11;                    /* HYPCALL, any code */
    }
}

static uint32_t value(void)
{
    switch (rn(10)) {
    case 0: return rnd();
    case 1: case 2: return (uint32_t)(uintptr_t)scratch + rn(4096);   /* its own RAM */
    case 3: return 0x80000000u + rn(0x10000);                          /* its RAM and beyond */
    case 4: return 0xa0000000u + rn(0x80000) * 4;                      /* any RAM, uncached */
    case 5: return 0xbf800000u + rn(0x100000) * 4;                     /* devices */
    case 6: return 0x9d000000u + rn(0x10000);                          /* its flash */
    case 7: return rn(32);
    case 8: return 0xbfc00000u + rn(0x10000);                          /* boot flash */
    default: return (uint32_t)(uintptr_t)code + rn(NWORDS_MAX) * 4;    /* the block itself */
    }
}

/* ---- microMIPS (MD00582): a block is halfwords, a 32-bit instruction's
 * major-opcode halfword first ---- */

/* 32-bit: major opcode 31:26, rt 25:21, rs 20:16, immediate 15:0 */
#define MI(op, rt, rs, imm) ((uint32_t)(op) << 26 | (rt) << 21 | (rs) << 16 | ((imm) & 0xffffu))
/* POOL32AXf (POOL32A minor 0x3C): extension 15:6 */
#define MXF(rt, rs, ext) ((uint32_t)(rt) << 21 | (rs) << 16 | (uint32_t)(ext) << 6 | 0x3c)
#define MM_NOP16 0x0c00u /* MOVE16 $0, $0 */

static uint16_t *mm_p;
static unsigned mm_n; /* halfwords of the block so far */
static void h16(uint32_t v) { mm_p[mm_n++] = (uint16_t)v; }
static void h32(uint32_t w) { h16(w >> 16); h16(w); }
/* a 16-bit encoding: major opcode (15:10) with bits 12:10 = 1, 2 or 3 */
static int is16(uint32_t hw) { return ((hw >> 10) & 7) - 1u < 3; }

/* a microMIPS JALX / MIPS32 JALX target word index (MD00582 JALX; MIPS32
 * MD00086 JALX): the same 256 MB region, 4-byte aligned */
static uint32_t jalx_index(uint32_t a) { return (a & 0x0ffffffcu) >> 2; }
static uint32_t code_at(unsigned hw) { return (uint32_t)(uintptr_t)code + hw * 2; }

static void gen_mm_k(unsigned kind)
{
    static const uint8_t ls16[] = {0x02, 0x0a, 0x1a, 0x12, 0x19, 0x22, 0x2a, 0x3a, 0x32};
    static const uint8_t ls32[] = {0x07, 0x05, 0x0f, 0x0d, 0x3f, 0x06, 0x0e, 0x3e,
                                   0x27, 0x26, 0x2f, 0x2e};
    static const uint8_t alu16[] = {0x01, 0x03, 0x09, 0x0b, 0x13, 0x1b, 0x21, 0x3b};
    static const uint8_t pool32i_br[] = {0x00, 0x01, 0x11, 0x02, 0x03, 0x13, 0x04,
                                         0x06, 0x07, 0x05, 0x1c, 0x1d};
    /* POOL32AXf: SYSCALL SDBBP WAIT ERET DERET DI EI RDPGPR WRPGPR TLBP TLBR
     * TLBWI TLBWR TLBGP TLBGR TLBGWI TLBGWR TLBGINV TLBGINVF HYPCALL SYNC
     * RDHWR JALR JALR.HB JALRS JALRS.HB */
    static const uint16_t axf[] = {0x22d, 0x36d, 0x24d, 0x3cd, 0x38d, 0x11d, 0x15d, 0x385,
                                   0x3c5, 0x00d, 0x04d, 0x08d, 0x0cd, 0x005, 0x045, 0x085,
                                   0x0c5, 0x105, 0x145, 0x30d, 0x1ad, 0x1ac, 0x03c, 0x07c,
                                   0x13c, 0x17c};
    uint32_t imm = rn(4) ? rn(64) * 4 - 128 : rnd();
    uint32_t off = rn(2) ? rn(40) - 8 : rnd();
    uint32_t w;
    switch (kind) {
    case 0: case 1:                                                   /* anything */
        w = rnd();
        if (is16(w >> 16)) h16(w >> 16); else h32(w);
        return;
    case 2: case 3:                                                   /* 16-bit loads, stores */
        h16((uint32_t)ls16[rn(sizeof ls16)] << 10 | rn(1024));
        return;
    case 4:                                               /* POOL16C: LWM16 SWM16 JR16 JRC JALR(S)16 JRADDIUSP BREAK16 SDBBP16 */
        h16(0x11u << 10 | (rn(2) ? (4 + rn(2)) << 6 | rn(64) : rn(1024)));
        return;
    case 5: {                                                         /* B16 BEQZ16 BNEZ16 */
        static const uint8_t b16[] = {0x33, 0x23, 0x2b};
        h16((uint32_t)b16[rn(3)] << 10 | (off & 0x3ff));
        return;
    }
    case 6: case 7:                                                   /* 32-bit loads, stores, FPU ones */
        h32(MI(ls32[rn(sizeof ls32)], reg(), reg(), imm));
        return;
    case 8: {                                     /* POOL32C: LWL LWR PREF LL SWL SWR SC; 12-bit offsets */
        static const uint8_t k[] = {0, 1, 2, 3, 8, 9, 0xb};
        h32(MI(0x18, reg(), reg(), (rn(8) ? k[rn(sizeof k)] : rn(16)) << 12 | (imm & 0xfff)));
        return;
    }
    case 9: {                                     /* POOL32B: LWP SWP LWM32 SWM32 CACHE */
        static const uint8_t k[] = {1, 9, 5, 0xd, 6};
        h32(MI(0x08, rn(4) ? reg() : rn(2) ? 31 : 16 + rn(10), reg(),
               (rn(8) ? k[rn(sizeof k)] : rn(16)) << 12 | (imm & 0xfff)));
        return;
    }
    case 10:                                                          /* 32-bit branches */
        if (rn(2))
            h32(MI(rn(2) ? 0x25 : 0x2d, reg(), rn(2) ? reg() : 0, off));
        else
            h32(MI(0x10, pool32i_br[rn(sizeof pool32i_br)], reg(), off));
        return;
    case 11:                                                          /* jumps */
        switch (rn(4)) {
        case 0: {                                                     /* J32 JAL32 JALS: in the block or anywhere */
            static const uint8_t j[] = {0x35, 0x3d, 0x1d};
            uint32_t t = rn(2) ? code_at(rn(2 * NWORDS_MAX)) : rnd();
            h32((uint32_t)j[rn(3)] << 26 | ((t & 0x07fffffeu) >> 1));
            return;
        }
        case 1: {                                                     /* JALX: to MIPS32, mostly in the block */
            uint32_t t = rn(4) ? code_at(rn(2 * NWORDS_MAX)) : rnd();
            h32(0x3cu << 26 | jalx_index(t));
            return;
        }
        case 2:                                                       /* JALR JALR.HB JALRS JALRS.HB */
            h32(MXF(rn(2) ? 31 : reg(), reg(), axf[22 + rn(4)]));
            return;
        default:                                                      /* JR16 JRC JALR16 JALRS16 */
            h16(0x11u << 10 | (0x0c + rn(4)) << 5 | reg());
            return;
        }
    case 12: case 13: {                                               /* MFC0 MTC0 MFGC0 MTGC0 */
        static const uint8_t m[] = {0x03, 0x0b, 0x13, 0x1b};
        h32(MXF(reg(), rn(32), (rn(4) ? rn(8) : rn(2) ? 3 : 0) << 5 | m[rn(4)]));
        return;
    }
    case 14: {                                                        /* privileged, traps to the hypervisor */
        uint32_t e = axf[rn(22)];
        h32(MXF(rn(2) ? rn(4) : reg(), rn(2) ? rn(4) : reg(), e));
        return;
    }
    case 15:                                                          /* SYNCI CACHE PREF */
        switch (rn(3)) {
        case 0: h32(MI(0x10, 0x10, reg(), imm)); return;
        case 1: h32(MI(0x08, rn(32), reg(), 6u << 12 | (imm & 0xfff))); return;
        default: h32(MI(0x18, rn(32), reg(), 2u << 12 | (imm & 0xfff))); return;
        }
    case 16:                                                          /* BREAK, traps */
        switch (rn(3)) {
        case 0: h32((rnd() & 0x03ff0000u) | 0x07); return;              /* BREAK */
        case 1: h32(MXF(reg(), reg(), (rnd() & 0x3c0) | rn(7) << 3)); return; /* TEQ.. TNE */
        default: h32(MI(0x10, 8 + rn(7), reg(), rnd())); return;       /* TLTI.. TEQI */
        }
    case 17:                                                          /* 16-bit ALU, MOVEP, LI16 */
        h16((uint32_t)alu16[rn(sizeof alu16)] << 10 | rn(1024));
        return;
    case 18:                                                          /* 32-bit ALU, LUI, ADDIUPC, LWXS */
        switch (rn(4)) {
        case 0: h32((rnd() & 0x03ffffc0u) | (rn(2) ? 0x10 : 0x18)); return; /* 3-register, MOVN/MOVZ/LWXS */
        case 1: h32(MI(0x10, 0x0d, reg(), rnd())); return;
        case 2: h32(0x1eu << 26 | (rnd() & 0x03ffffffu)); return;
        default: h32(MI(0x0c + (rn(2) ? 0x08 : 0), reg(), reg(), rnd())); return;
        }
    case 20: {  /* a branch or jump, an access in its slot: both emulated (BadInstrP) */
        static const uint8_t br[] = {5, 10, 11, 11}, acc[] = {2, 3, 4, 6, 9};
        gen_mm_k(br[rn(sizeof br)]);
        gen_mm_k(acc[rn(sizeof acc)]);
        return;
    }
    default:                                                          /* FPU */
        h32(0x15u << 26 | (rnd() & 0x03ffffffu));
        return;
    }
}

static void gen_mm(void) { gen_mm_k(rn(22)); }

/* A MIPS32 island: JALX to it (its delay slot any microMIPS instruction),
 * 1..6 random MIPS32 words, JALX back (its slot a random word) to the
 * microMIPS code after it. */
static void gen_island(void)
{
    unsigned at = mm_n, k = 1 + rn(6);
    h32(0);
    gen_mm();
    if (mm_n & 1)
        h16(MM_NOP16);
    uint32_t isl = code_at(mm_n);
    mm_p[at] = (uint16_t)(0x3cu << 10 | jalx_index(isl) >> 16);
    mm_p[at + 1] = (uint16_t)jalx_index(isl);
    uint32_t *w = (uint32_t *)(void *)&mm_p[mm_n];
    for (unsigned i = 0; i < k; i++)
        w[i] = gen_word();
    w[k] = 0x1du << 26 | jalx_index(isl + 4 * (k + 2));
    w[k + 1] = gen_word();
    mm_n += 2 * (k + 2);
}

/* the block, microMIPS: returns its length in words */
static unsigned gen_block_mm(void)
{
    unsigned want = 16 + rn(2 * NWORDS_MAX - 16);
    mm_p = (uint16_t *)(void *)code;
    mm_n = 0;
    while (mm_n < want) {
        if (rn(24) == 0 && mm_n + 40 < 2 * NWORDS_MAX)
            gen_island();
        else
            gen_mm();
    }
    if (mm_n & 1)
        h16(MM_NOP16);
    return mm_n / 2;
}

/* The last 8 bytes of its RAM (crt0's stack top: dead once fuzz_next
 * runs), for jumps there: microMIPS code whose last halfword is often
 * the first of a 32-bit instruction or a branch whose delay slot lies
 * past the end (the next physical RAM is the bystander's: the fetch must
 * be the fuzzer's fault). */
#define RAM_END 0x80008000u
static void gen_ram_end(void)
{
    uint16_t t[8];
    mm_p = t;
    mm_n = 0;
    while (mm_n < 4)
        gen_mm();
    if (rn(2))
        t[3] = (uint16_t)(rn(2) ? 0xfc00u | rn(1024) : 0xcc00u | rn(1024)); /* LW32 or B16 */
    for (unsigned i = 0; i < 4; i++)
        ((volatile uint16_t *)(RAM_END - 8))[i] = t[i];
    __asm__ volatile("synci 0(%0)" ::"r"(RAM_END - 8) : "memory");
}

/* register values of a microMIPS block: its own devices' registers, the
 * emulated interrupt controller, others' devices (the hypervisor's UART),
 * the block as microMIPS code; else value() */
static uint32_t value_mm(void)
{
    static const uint32_t dev[][2] = {
        {0xbf800000u, 0x40},  {0xbf801200u, 0x200}, {0xbf801400u, 0x400}, {0xbf810000u, 0x1000},
        {0xbf822600u, 0x200}, {0xbf840200u, 0x200}, {0xbf860500u, 0x100}, {0xbf8e0000u, 0x100}};
    switch (rn(8)) {
    case 0: case 1: {
        const uint32_t *d = dev[rn(8)];
        return d[0] + (rn(8) ? rn(d[1] / 4) * 4 : rn(d[1]));
    }
    case 2: return code_at(rn(2 * NWORDS_MAX)) | 1;
    case 3: return RAM_END - 8 + 2 * rn(4) + 1;                       /* its RAM's last halfwords */
    default: return value();
    }
}

/* A 32-byte stub, code in both ISAs, that goes on in the MIPS32 code at
 * t32 (entered as MIPS32) or tmm (entered as microMIPS):
 *   MIPS32:    andi $0,$0,0xcc09 (no effect); lui k0; ori k0; jr k0; nop
 *   microMIPS: B16 +18 -> +20 with the 32-bit ADDIU32 $0,$0,(t32 >> 16) in
 *              its slot (no effect); at +20 lui k0; ori k0; jrc k0 (an even
 *              target: MIPS32, MD00582 JRC)
 * (MD00582: B16 0x33, ADDIU32 0x0c, LUI in POOL32I 0x10/0x0d, ORI32 0x14,
 * JRC POOL16C 0x11/0x0d; halfwords little-endian, first at the lower
 * address.) */
static void stub(uint32_t *p, uint32_t t32, uint32_t tmm)
{
    p[0] = 0x3000cc09u;
    p[1] = 0x3c1a0000u | t32 >> 16;
    p[2] = 0x375a0000u | (t32 & 0xffffu);
    p[3] = 0x03400008u;
    p[4] = 0;
    p[5] = (tmm >> 16) << 16 | 0x41bau;
    p[6] = (tmm & 0xffffu) << 16 | 0x535au;
    p[7] = MM_NOP16 << 16 | 0x45bau;
}

/* Enters the block: every GPR from regs[] (k0 last: the block's address,
 * with the ISA bit for microMIPS). */
void fuzz_enter(uint32_t *r);
/* The block's end and the exception vector's target: stack reset, then
 * fuzz_next() (never returns). */
void fuzz_done(void);
void fuzz_exc(void);
void fuzz_exc_mm(void);
#define XSTR(x) STR(x)
#define STR(x) #x
__asm__(".text\n.set push\n.set noreorder\n.set noat\n"
        ".globl fuzz_enter\nfuzz_enter:\n"
        "move $26, $4\n"
        ".irp n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,27,28,29,30,31\n"
        "lw $\\n, (\\n * 4)($26)\n.endr\n"
        "lw $26, (26 * 4)($26)\njr $26\nnop\n"
        ".globl fuzz_done\nfuzz_done:\n"
        "la $sp, fuzz_stack_top\nj fuzz_next\nmove $4, $0\n"
        /* a vector entered in microMIPS (ISAOnExc = 1): counted in ST->mm_vec */
        ".globl fuzz_exc_mm\nfuzz_exc_mm:\n"
        "lui $27, 0x8000\nlw $26, 0x6020($27)\naddiu $26, $26, 1\nsw $26, 0x6020($27)\n"
        /* exception (EXL = 1), k0/k1 only: in the block, and fewer than
         * EXC_MAX in it, resume after the instruction (after the branch and
         * its delay slot for BD) with Status.ERL cleared; else (an interrupt:
         * the block looped or waited; too many exceptions; outside the
         * block) a known Status and ERET to fuzz_done. EPC bit 0 set (microMIPS): each
         * instruction's size from its major opcode (MD00582: bits 12:10 of
         * 1, 2 or 3 are 16-bit), counted in ST->mm_epc; the ISA bit kept. */
        ".globl fuzz_exc\nfuzz_exc:\n"
        "la $27, exc_count\nlw $26, 0($27)\naddiu $26, $26, 1\nsw $26, 0($27)\n"
        "sltiu $26, $26, 64\nbeqz $26, 1f\nnop\n"
        "mfc0 $26, $13\nandi $26, $26, 0x7c\nbeqz $26, 1f\nnop\n" /* an interrupt: the block ends */
        "mfc0 $26, $14\nandi $26, $26, 1\nbeqz $26, 4f\nlui $27, 0x8000\n"
        "lw $26, 0x601c($27)\naddiu $26, $26, 1\nsw $26, 0x601c($27)\n"
        "4: mfc0 $26, $14\nla $27, code\nsubu $27, $26, $27\nsltiu $27, $27, 4 * " XSTR(CODE_WORDS) "\n"
        "beqz $27, 1f\nandi $27, $26, 1\n"
        "bnez $27, 3f\nnop\n"
        "mfc0 $27, $13\nbgez $27, 2f\naddiu $26, $26, 4\naddiu $26, $26, 4\n"
        "2: mtc0 $26, $14\nmfc0 $27, $12\nins $27, $0, 2, 1\nmtc0 $27, $12\nehb\neret\nnop\n"
        "3: lhu $27, -1($26)\nsrl $27, $27, 10\nandi $27, $27, 7\naddiu $27, $27, -1\n"
        "sltiu $27, $27, 3\nsll $27, $27, 1\naddiu $26, $26, 4\nsubu $26, $26, $27\n"
        "mfc0 $27, $13\nbgez $27, 2b\nnop\n"
        "lhu $27, -1($26)\nsrl $27, $27, 10\nandi $27, $27, 7\naddiu $27, $27, -1\n"
        "sltiu $27, $27, 3\nsll $27, $27, 1\naddiu $26, $26, 4\nb 2b\nsubu $26, $26, $27\n"
        "1: la $sp, fuzz_stack_top\n"
        "lui $26, 0x2000\nori $26, $26, 0x0002\nmtc0 $26, $12\n" /* CU1, EXL; ERL = BEV = IE = 0 */
        "mtc0 $0, $13\n"                                             /* Cause.IV = 0 */
        "la $26, fuzz_done\nmtc0 $26, $14\nehb\neret\nnop\n"
        ".set pop\n");

char fuzz_stack[2048] __attribute__((aligned(16), used));
__asm__(".globl fuzz_stack_top\n.set fuzz_stack_top, fuzz_stack + 2048\n");

static int mm_mode; /* microMIPS blocks (main: fuzz_isa and Config3.ISA) */

static uint32_t read_config3(void)
{
    uint32_t v;
    __asm__ volatile("mfc0 %0, $16, 3" : "=r"(v));
    return v;
}

void fuzz_next(void) __attribute__((noreturn, used));
void fuzz_next(void)
{
    /* a new block every REPS runs (and after every boot: crt0 cleared
     * code_n); the runs between re-run it, as the random code left it,
     * with new register values from the same stream */
    if (!code_n || ++reps == REPS) {
        uint32_t k = ST->block++;
        reps = 0;
        rs = ((uint64_t)ST->seed << 32 | k) * 0x9e3779b97f4a7c15ull + 1;
        if (mm_mode) {
            code_n = gen_block_mm();
            gen_ram_end();
        } else {
            code_n = 16 + rn(NWORDS_MAX - 16);
            for (unsigned i = 0; i < code_n; i++)
                code[i] = gen_word();
        }
        uint32_t done = (uint32_t)(uintptr_t)fuzz_done;
        stub(&code[code_n], done, done);
    }
    if (++ST->done % 8192 == 0)
        rt_printf("gfuzz: %lu runs\n", (unsigned long)ST->done);
    unsigned n = code_n;
    for (unsigned i = 1; i < 32; i++)
        regs[i] = mm_mode ? value_mm() : value();
    regs[26] = (uint32_t)(uintptr_t)code | (mm_mode ? 1 : 0);
    exc_count = 0;
    /* the block and the vector page as the core fetches them */
    for (unsigned i = 0; i < n + 8; i += 4)
        __asm__ volatile("synci 0(%0)" ::"r"(&code[i]));
    __asm__ volatile("sync; mtc0 %0, $15, 1; ehb" ::"r"((uint32_t)(uintptr_t)vec_page) : "memory");
    /* microMIPS: the ISA exceptions are taken in, at random (Config3.ISAOnExc,
     * bit 16; MD00090 "Config3"), an MTC0 the hypervisor emulates */
    if (mm_mode) {
        uint32_t c3 = read_config3() & ~(1u << 16);
        __asm__ volatile("mtc0 %0, $16, 3; ehb" ::"r"(c3 | rn(2) << 16));
    }
    /* its own timer 200 us from now, interrupts on: a block that loops or
     * waits gets an interrupt (a WAIT wakes; a loop with IE = 1 ends on
     * the vector). A block that turns them off and loops is ended by the
     * test's `restart 2`. */
    write_c0_compare(read_c0_count() + 200 * RT_CT_PER_US);
    rt_irq_clear(VEC_CORE_TIMER);
    __asm__ volatile("mtc0 %0, $12; ehb" ::"r"(0x20000001u)); /* CU1, IE */
    fuzz_enter(regs);
    __builtin_unreachable();
}

int main(void)
{
    board_init();
    uint32_t seed = *(const volatile uint32_t *)&fuzz_seed; /* not folded: patched */
    uint32_t isa = *(const volatile uint32_t *)&fuzz_isa == 1;
    if (ST->magic != MAGIC || ST->seed != seed || ST->isa != isa) {
        ST->magic = MAGIC;
        ST->seed = seed;
        ST->isa = isa;
        ST->block = 0;
        ST->done = 0;
        ST->boots = 0;
        ST->mm_epc = 0;
        ST->mm_vec = 0;
    }
    ST->boots++;
    /* short: the console is slow, and the test restarts it every 10 ms */
    rt_printf("gfuzz: seed %lu, boot %lu at block %lu", (unsigned long)ST->seed,
              (unsigned long)ST->boots, (unsigned long)ST->block);
    if (isa) /* so far: exceptions from microMIPS code, entered in microMIPS */
        rt_printf(", mm %lu %lu", (unsigned long)ST->mm_epc, (unsigned long)ST->mm_vec);
    rt_printf("\n");
    if ((uintptr_t)__bss_end > 0x80006000u)
        rt_printf("gfuzz: BAD: .bss runs into the state\n");
    if (isa) {
        uint32_t c3 = read_config3();
        mm_mode = (c3 >> 14 & 3) != 0; /* Config3.ISA: 0 = MIPS32 only */
        if (!mm_mode)
            rt_printf("gfuzz: BAD: Config3 %lx: no microMIPS\n", (unsigned long)c3);
    }
    /* every 32 bytes of the vector page (every vector offset is a multiple
     * of 32: MD00090 "Exception Vector Locations", IntCtl.VS): a stub to
     * fuzz_exc in either ISA (fuzz_exc_mm counts microMIPS entries) */
    for (unsigned i = 0; i < 1024; i += 8)
        stub(&vec_page[i], (uint32_t)(uintptr_t)fuzz_exc, (uint32_t)(uintptr_t)fuzz_exc_mm);
    for (unsigned i = 0; i < 1024; i += 4)
        __asm__ volatile("synci 0(%0)" ::"r"(&vec_page[i]));
    rt_irq_off();
    rt_irq_set_priority(VEC_CORE_TIMER, 1, 0);
    rt_irq_enable(VEC_CORE_TIMER);
    __asm__ volatile("mtc0 $0, $13; ehb"); /* Cause.IV = 0: every exception at +0x180 */
    fuzz_done(); /* fuzz_next on its own stack: crt0's top is gen_ram_end's */
    __builtin_unreachable();
}

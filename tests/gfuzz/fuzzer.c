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
 */
#include "rt.h"

/* overwritten by the test (vpsim --load); in program flash (.rodata) */
__attribute__((used)) const uint32_t fuzz_seed = 0xffffffffu;

#define NWORDS_MAX 128
#define MAGIC 0x67667a31u

struct state {
    uint32_t magic, seed, block, boots, exceptions, done;
};
#define ST ((volatile struct state *)0x80006000u)

uint32_t code[NWORDS_MAX + 4] __attribute__((aligned(64)));
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

/* Enters the block: every GPR from regs[] (k0 last: the block's address). */
void fuzz_enter(uint32_t *r);
/* The block's end and the exception vector's target: stack reset, then
 * fuzz_next() (never returns). */
void fuzz_done(void);
void fuzz_exc(void);
__asm__(".text\n.set push\n.set noreorder\n.set noat\n"
        ".globl fuzz_enter\nfuzz_enter:\n"
        "move $26, $4\n"
        ".irp n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,27,28,29,30,31\n"
        "lw $\\n, (\\n * 4)($26)\n.endr\n"
        "lw $26, (26 * 4)($26)\njr $26\nnop\n"
        ".globl fuzz_done\nfuzz_done:\n"
        "la $sp, fuzz_stack_top\nj fuzz_next\nmove $4, $0\n"
        /* exception (EXL = 1), k0/k1 only: in the block, and fewer than
         * EXC_MAX in it, resume after the instruction (after the branch and
         * its delay slot for BD) with Status.ERL cleared; else a known
         * Status and ERET to fuzz_done */
        ".globl fuzz_exc\nfuzz_exc:\n"
        "la $27, exc_count\nlw $26, 0($27)\naddiu $26, $26, 1\nsw $26, 0($27)\n"
        "sltiu $26, $26, 64\nbeqz $26, 1f\nnop\n"
        "mfc0 $26, $14\nla $27, code\nsubu $27, $26, $27\nsltiu $27, $27, 4 * 128\n"
        "beqz $27, 1f\nnop\n"
        "mfc0 $27, $13\nbgez $27, 2f\naddiu $26, $26, 4\naddiu $26, $26, 4\n"
        "2: mtc0 $26, $14\nmfc0 $27, $12\nins $27, $0, 2, 1\nmtc0 $27, $12\nehb\neret\nnop\n"
        "1: la $sp, fuzz_stack_top\n"
        "lui $26, 0x2000\nori $26, $26, 0x0002\nmtc0 $26, $12\n" /* CU1, EXL; ERL = BEV = IE = 0 */
        "mtc0 $0, $13\n"                                             /* Cause.IV = 0 */
        "la $26, fuzz_done\nmtc0 $26, $14\nehb\neret\nnop\n"
        ".set pop\n");

char fuzz_stack[2048] __attribute__((aligned(16), used));
__asm__(".globl fuzz_stack_top\n.set fuzz_stack_top, fuzz_stack + 2048\n");

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
        code_n = 16 + rn(NWORDS_MAX - 16);
        for (unsigned i = 0; i < code_n; i++)
            code[i] = gen_word();
        uint32_t done = (uint32_t)(uintptr_t)fuzz_done;
        code[code_n] = 0x3c010000u | done >> 16;           /* lui at, hi */
        code[code_n + 1] = 0x34210000u | (done & 0xffffu); /* ori at, at, lo */
        code[code_n + 2] = 0x00200008u;                    /* jr at */
        code[code_n + 3] = 0;
    }
    if (++ST->done % 8192 == 0)
        rt_printf("gfuzz: %lu runs\n", (unsigned long)ST->done);
    unsigned n = code_n;
    for (unsigned i = 1; i < 32; i++)
        regs[i] = value();
    regs[26] = (uint32_t)(uintptr_t)code;
    exc_count = 0;
    /* the block and the vector page as the core fetches them */
    for (unsigned i = 0; i < n + 4; i += 8)
        __asm__ volatile("synci 0(%0)" ::"r"(&code[i]));
    __asm__ volatile("sync; mtc0 %0, $15, 1; ehb" ::"r"((uint32_t)(uintptr_t)vec_page) : "memory");
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
    if (ST->magic != MAGIC || ST->seed != seed) {
        ST->magic = MAGIC;
        ST->seed = seed;
        ST->block = 0;
        ST->done = 0;
        ST->boots = 0;
    }
    ST->boots++;
    rt_printf("gfuzz: seed %lu, boot %lu at block %lu\n", (unsigned long)ST->seed,
              (unsigned long)ST->boots, (unsigned long)ST->block);
    if ((uintptr_t)__bss_end > 0x80006000u)
        rt_printf("gfuzz: BAD: .bss runs into the state\n");
    /* every 16 bytes of the vector page: jump to fuzz_exc (any vector) */
    uint32_t e = (uint32_t)(uintptr_t)fuzz_exc;
    for (unsigned i = 0; i < 1024; i += 4) {
        vec_page[i] = 0x3c1a0000u | e >> 16;            /* lui k0, hi */
        vec_page[i + 1] = 0x375a0000u | (e & 0xffffu);  /* ori k0, k0, lo */
        vec_page[i + 2] = 0x03400008u;                  /* jr k0 */
        vec_page[i + 3] = 0;
    }
    for (unsigned i = 0; i < 1024; i += 8)
        __asm__ volatile("synci 0(%0)" ::"r"(&vec_page[i]));
    rt_irq_off();
    rt_irq_set_priority(VEC_CORE_TIMER, 1, 0);
    rt_irq_enable(VEC_CORE_TIMER);
    __asm__ volatile("mtc0 $0, $13; ehb"); /* Cause.IV = 0: every exception at +0x180 */
    fuzz_next();
}

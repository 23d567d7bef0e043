/* Code that changes under the simulator's decoded-block cache: every writer
 * of memory that holds instructions must make the new instructions run
 * (vpsim models no caches, so no SYNCI/CACHE is needed; MIPS32 PRA MD00090
 * would ask for them on the real core, and they are done here too where
 * the program is meant for a chip).
 *  - CPU stores: a routine rewritten between calls; an instruction
 *    rewritten by a store in the same straight-line run just before it is
 *    fetched; data stored next to code in the same 256-byte chunk;
 *  - DMA: a channel copies a routine over one that already ran;
 *  - NVM: a flash page programmed with a routine, run, erased and
 *    programmed with another;
 *  - an FPU store (SWXC1, MIPS32 Vol. II MD00086) over decoded code just
 *    before a branch: execution goes on at the branch.
 * tests/fastsim/run runs it with the fast loop and with --exact and checks
 * both pass and agree. */
#include "../soc-io/soc_io.h"

#define ADDIU_V0(k) (0x24020000u | ((k) & 0xFFFFu)) /* addiu $v0, $zero, k */
#define JR_RA       0x03E00008u                      /* jr $ra */
#define NOP         0u
#define SW_A1_8_A0  0xAC850008u                      /* sw $a1, 8($a0) */

#define WR    (1u << 15)
#define WREN  (1u << 14)
#define FPAGE 0x1D180000u /* a program-flash page nothing else uses */

typedef uint32_t (*fn0)(void);
typedef uint32_t (*fn2)(volatile uint32_t *, uint32_t);
typedef uint32_t (*fn3)(volatile uint32_t *, uint32_t, uint32_t);

/* 64-byte aligned: each routine is alone in its part of a 256-byte chunk */
static volatile uint32_t code_a[16] __attribute__((aligned(256)));
static volatile uint32_t code_b[16] __attribute__((aligned(256)));
static volatile uint32_t code_c[64] __attribute__((aligned(256)));
static volatile uint32_t code_d[16] __attribute__((aligned(256)));
static uint32_t dma_src[4] __attribute__((aligned(16)));

static void sync_code(volatile void *p)
{
    /* write back / invalidate the line on a chip (no effect on vpsim) */
    __asm__ volatile("synci 0(%0)\n\tsync" : : "r"(p) : "memory");
}

static void nvm_op(unsigned op)
{
    REG(NVMCON) = WREN | op;
    REG(NVMKEY) = 0;
    REG(NVMKEY) = 0xAA996655u;
    REG(NVMKEY) = 0x556699AAu;
    SET(NVMCON) = WR;
    unsigned guard = 0;
    while ((REG(NVMCON) & WR) && ++guard < 10000000u)
        ;
    CLR(NVMCON) = WREN;
}

void irq_handler(unsigned tag) { (void)tag; } /* no interrupts enabled here */

int main(void)
{
    /* 1. a routine rewritten between calls, 500 times */
    unsigned bad = 0;
    for (unsigned i = 0; i < 500; i++) {
        code_a[0] = ADDIU_V0(i);
        code_a[1] = JR_RA;
        code_a[2] = NOP;
        sync_code(code_a);
        for (unsigned k = 0; k < 3; k++)
            bad += ((fn0)code_a)() != i;
    }
    CHECK_EQ(bad, 0);

    /* 2. the routine rewrites its own third instruction, then runs it */
    code_b[0] = SW_A1_8_A0;
    code_b[1] = NOP;
    code_b[2] = ADDIU_V0(1);
    code_b[3] = JR_RA;
    code_b[4] = NOP;
    sync_code(code_b);
    bad = 0;
    for (unsigned i = 0; i < 200; i++) /* the same word: runs as decoded */
        bad += ((fn2)code_b)(code_b, ADDIU_V0(1)) != 1;
    for (unsigned i = 2; i < 300; i++)
        bad += ((fn2)code_b)(code_b, ADDIU_V0(i)) != i;
    CHECK_EQ(bad, 0);

    /* 3. data next to code in the same chunk: the code stays as it is */
    code_c[0] = ADDIU_V0(77);
    code_c[1] = JR_RA;
    code_c[2] = NOP;
    sync_code(code_c);
    bad = 0;
    for (unsigned i = 0; i < 300; i++) {
        code_c[8 + (i & 31)] = i; /* data words after the routine */
        bad += ((fn0)code_c)() != 77;
    }
    CHECK_EQ(bad, 0);
    CHECK_EQ(code_c[8 + (299 & 31)], 299);

    /* 4. DMA over a routine that ran */
    code_a[0] = ADDIU_V0(5);
    code_a[1] = JR_RA;
    code_a[2] = NOP;
    sync_code(code_a);
    for (unsigned k = 0; k < 100; k++)
        CHECK_EQ(((fn0)code_a)(), 5);
    dma_src[0] = ADDIU_V0(0x55);
    dma_src[1] = JR_RA;
    dma_src[2] = NOP;
    dma_src[3] = NOP;
    REG(DMACON) = DMACON_ON;
    REG(DCHCON(0)) = 0;
    REG(DCHECON(0)) = 0;
    REG(DCHINT(0)) = 0;
    REG(DCHSSA(0)) = PA(dma_src);
    REG(DCHDSA(0)) = PA(code_a);
    REG(DCHSSIZ(0)) = 16;
    REG(DCHDSIZ(0)) = 16;
    REG(DCHCSIZ(0)) = 16;
    REG(DCHCON(0)) = CHEN;
    SET(DCHECON(0)) = CFORCE;
    unsigned guard = 0;
    while (!(REG(DCHINT(0)) & CHBCIF) && ++guard < 1000000u)
        ;
    CHECK(REG(DCHINT(0)) & CHBCIF);
    sync_code(code_a);
    CHECK_EQ(((fn0)code_a)(), 0x55);

    /* 5. NVM: program a routine into flash, run it, erase, program another */
    fn0 f = (fn0)(FPAGE | 0x80000000u);
    REG(NVMADDR) = FPAGE;
    REG(NVMDATA(0)) = ADDIU_V0(0x11);
    REG(NVMDATA(1)) = JR_RA;
    REG(NVMDATA(2)) = NOP;
    REG(NVMDATA(3)) = NOP;
    nvm_op(2); /* quad word */
    bad = 0;
    for (unsigned k = 0; k < 100; k++)
        bad += f() != 0x11;
    CHECK_EQ(bad, 0);
    REG(NVMADDR) = FPAGE;
    nvm_op(4); /* page erase */
    REG(NVMDATA(0)) = ADDIU_V0(0x22);
    nvm_op(2);
    CHECK_EQ(f(), 0x22);
    /* programming clears bits only: 0x22 & 0x0F = 0x02 */
    REG(NVMDATA(0)) = ADDIU_V0(0x0F);
    nvm_op(2);
    CHECK_EQ(f(), 0x02);

    /* 6. an FPU store over decoded code (the same word: a NOP over the
     * last NOP), then a branch whose delay slot could run before it: the
     * branch still runs (v0 = 1; resuming at the slot would fall into the
     * path returning 99) */
    uint32_t st;
    __asm__ volatile("mfc0 %0, $12" : "=r"(st));
    __asm__ volatile("mtc0 %0, $12\n\tehb" : : "r"(st | (1u << 29))); /* Status.CU1 */
    code_d[0] = 0x44850000u; /* mtc1 $a1, $f0 */
    code_d[1] = 0x4C860008u; /* swxc1 $f0, $a2($a0) */
    code_d[2] = 0x10000003u; /* b 6 */
    code_d[3] = ADDIU_V0(1); /*   (slot) */
    code_d[4] = JR_RA;
    code_d[5] = ADDIU_V0(99);
    code_d[6] = JR_RA;
    code_d[7] = NOP;
    sync_code(code_d);
    bad = 0;
    for (unsigned i = 0; i < 200; i++) {
        bad += ((fn3)code_d)(code_d, NOP, 28) != 1; /* stores to code_d[7] */
    }
    CHECK_EQ(bad, 0);

    return t_done("codewrite");
}

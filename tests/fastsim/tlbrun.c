/* Code and data reached through the TLB: tlb_kernel (tlbcode.S) is copied
 * to a RAM page and run from kuseg VA 0x00400000 in kernel mode (ERL = 0),
 * on data at kuseg VA 0x00600000; the same computation on the unmapped
 * copy must give the same value. Then the mapping is changed under the
 * simulator (a TLB write): the same VA reaches other data and the result
 * follows. bench/sim/run runs a long version (ROUNDS) for the speed of
 * TLB-mapped code. */
#include "../soc/soc_test.h"

#ifndef ROUNDS
#define ROUNDS 1500
#endif

#define CODE_VA 0x00400000u
#define DATA_VA 0x00600000u

extern const uint32_t tlb_kernel[], tlb_kernel_end[];
typedef uint32_t (*kfn)(volatile uint32_t *, uint32_t);

static uint32_t code_page[1024] __attribute__((aligned(8192)));
static uint32_t data_page[2][1024] __attribute__((aligned(8192)));

static uint32_t pfn(const void *p) { return ((uint32_t)p & 0x1FFFFFFFu) >> 12; }

/* One 4 KB pair at va: EntryLo0 for the even page, EntryLo1 for the odd
 * (C = 3 cacheable, D, V, G), written at index idx. */
static void map(unsigned idx, uint32_t va, const void *even, const void *odd)
{
    uint32_t lo0 = pfn(even) << 6 | 3u << 3 | 7u, lo1 = odd ? (pfn(odd) << 6 | 3u << 3 | 7u) : 1u;
    __asm__ volatile("mtc0 %0, $0\n\t"   /* Index */
                     "mtc0 %1, $10\n\t"  /* EntryHi */
                     "mtc0 %2, $2\n\t"   /* EntryLo0 */
                     "mtc0 %3, $3\n\t"   /* EntryLo1 */
                     "mtc0 $zero, $5\n\t" /* PageMask: 4 KB */
                     "ehb\n\t"
                     "tlbwi\n\t"
                     "ehb"
                     : : "r"(idx), "r"(va & ~0x1FFFu), "r"(lo0), "r"(lo1) : "memory");
}

void irq_handler(unsigned tag) { (void)tag; } /* no interrupts enabled here */

int main(void)
{
    uint32_t st;
    __asm__ volatile("mfc0 %0, $12" : "=r"(st));
    __asm__ volatile("mtc0 %0, $12\n\tehb" : : "r"(st & ~(ST0_ERL | ST0_EXL | ST0_UM)));

    unsigned n = (unsigned)(tlb_kernel_end - tlb_kernel);
    for (unsigned i = 0; i < n; i++)
        code_page[i] = tlb_kernel[i];
    __asm__ volatile("sync" ::: "memory");
    for (unsigned i = 0; i < 1024; i++) {
        data_page[0][i] = i * 2654435761u;
        data_page[1][i] = i ^ 0x5A5A5A5Au;
    }
    map(0, CODE_VA, code_page, NULL);
    map(1, DATA_VA, data_page[0], data_page[1]);

    kfn mapped = (kfn)CODE_VA, plain = (kfn)tlb_kernel;
    uint32_t r1 = mapped((volatile uint32_t *)DATA_VA, ROUNDS);
    static uint32_t ref[64];
#if ROUNDS <= 10000 /* (the long benchmark run skips the unmapped twin) */
    /* the same on the unmapped copy of the data as it was */
    for (unsigned i = 0; i < 64; i++)
        ref[i] = i * 2654435761u;
    uint32_t r2 = plain(ref, ROUNDS);
    CHECK_EQ(r1, r2);
    for (unsigned i = 0; i < 64; i++)
        CHECK_EQ(data_page[0][i], ref[i]);
#endif

    /* remap the data VA to the other page: the next run sees its words */
    map(1, DATA_VA, data_page[1], data_page[0]);
    uint32_t r3 = mapped((volatile uint32_t *)DATA_VA, 3);
    for (unsigned i = 0; i < 64; i++)
        ref[i] = i ^ 0x5A5A5A5Au;
    CHECK_EQ(r3, plain(ref, 3));
    t_printf("tlbrun %08x\n", (unsigned)r1);
    return t_done("tlbrun");
}

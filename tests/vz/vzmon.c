/* Root-mode VZ test monitor (see vz.h). */
#include "vz.h"

struct vz_exit vz_exit;
static uint32_t root_vectors[1024] __attribute__((aligned(4096)));
extern const uint32_t vz_stub_refill[], vz_stub_general[], vz_stub_int[], vz_stub_end[];
extern uint32_t vz_greg_rd(unsigned n);
extern void vz_greg_wr(unsigned n, uint32_t v);

static void put_stub(unsigned off, const uint32_t *s)
{
    root_vectors[off / 4] = s[0];
    root_vectors[off / 4 + 1] = s[1];
}

void vz_tlb_write(unsigned idx, uint32_t gpa, uint32_t pagemask, uint32_t lo0, uint32_t lo1,
                  unsigned gid)
{
    uint32_t g1 = MFC0(10, 4);
    MTC0(10, 4, (g1 & ~GUESTCTL1_RID) | gid << GUESTCTL1_RID_SHIFT);
    MTC0(0, 0, idx);
    MTC0(5, 0, pagemask);
    MTC0(10, 0, gpa & MIPS_ENTRYHI_VPN2);
    MTC0(2, 0, lo0);
    MTC0(3, 0, lo1);
    __asm__ volatile("tlbwi; ehb");
    MTC0(10, 4, g1);
}

void vz_load(uint32_t gva, const uint32_t *start, const uint32_t *end)
{
    volatile uint32_t *d = GMEM(gva);
    while (start < end)
        *d++ = *start++;
}

void vz_setup(void)
{
    put_stub(0x000, vz_stub_refill);
    put_stub(0x180, vz_stub_general);
    put_stub(0x200, vz_stub_int);
    MTC0(15, 1, (uint32_t)root_vectors);
    /* root TLB: guest 1, GPA 0..128 KB → 0x40000 (two 64 KB pages) */
    for (unsigned i = 0; i < 16; i++)
        vz_tlb_write(i, 0x80000000u + i * 0x2000u, 0, 0, 0, 0); /* kseg0 VPN: inert */
    vz_tlb_write(0, 0, PM_64K, ELO(GUEST_RPA, ELO_VDG), ELO(GUEST_RPA + 0x10000, ELO_VDG), 1);
    MTC0(10, 4, 1u | 1u << GUESTCTL1_RID_SHIFT); /* ID 1, RID 1 */
    MTC0(12, 6, GC0_DEFAULT);
    MTC0(11, 4, 0);
    MTC0(10, 5, 0);
    MTC0(12, 7, 0);
    /* guest CP0: kernel mode, BEV=0, EBase = 0x80000000 */
    MTGC0(12, 0, 0);
    MTGC0(15, 1, 0x80000000u);
    MTGC0(13, 0, 0);
    extern const uint32_t g_handler[], g_handler_end[];
    vz_load(0x80000180u, g_handler, g_handler_end);
    for (unsigned i = 0; i < 0x40; i++)
        GMEM(GUEST_DATA)[i] = 0;
    GMEM(0x80000100u)[0] = 0;
    GMEM(0x80000104u)[0] = 0;
}

uint32_t vz_greg(unsigned n)
{
    uint32_t s = MFC0(12, 2);
    MTC0(12, 2, (s & ~SRSCTL_PSS) | 1u << SRSCTL_PSS_SHIFT);
    uint32_t v = vz_greg_rd(n);
    MTC0(12, 2, s);
    return v;
}

void vz_set_greg(unsigned n, uint32_t v)
{
    uint32_t s = MFC0(12, 2);
    MTC0(12, 2, (s & ~SRSCTL_PSS) | 1u << SRSCTL_PSS_SHIFT);
    vz_greg_wr(n, v);
    MTC0(12, 2, s);
}

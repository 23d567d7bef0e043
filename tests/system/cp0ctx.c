/*
 * cp0ctx: a partition's own guest CP0 registers survive window switches.
 * Two of these (cp0ctx.yaml) write values of their own, derived from the
 * Count they started at, into registers the switch keeps only for guests
 * that touched them (Index, EntryLo0/1, PageMask, UserLocal, HWREna:
 * GuestCtl0Ext.MG/OG trap the first touch, docs/hypervisor.md "Switching
 * guests") and into ones it always keeps (KScratch1/2, ErrorEPC,
 * Context), then check them again and again, rewriting them now and
 * then, over many windows of 50 us. Each register's expected value is
 * what it read back right after the write (the hardware keeps only its
 * writable fields). A third partition (cp0peek.c) never touches them.
 */
#include "rt.h"

#define N 6000u

#define MFC0(r, s) ({ uint32_t v_; __asm__ volatile("mfc0 %0, $" #r ", " #s : "=r"(v_)); v_; })
#define MTC0(r, s, v) __asm__ volatile("mtc0 %0, $" #r ", " #s "\n\tehb" : : "r"(v))

static uint32_t want[10];

static void put_all(uint32_t s)
{
    MTC0(0, 0, s & 0xf);              want[0] = MFC0(0, 0);   /* Index */
    MTC0(2, 0, s * 3 & 0x3fffffc7u);   want[1] = MFC0(2, 0);  /* EntryLo0 */
    MTC0(3, 0, s * 5 & 0x3fffffc7u);   want[2] = MFC0(3, 0);  /* EntryLo1 */
    MTC0(5, 0, (s & 3) == 0 ? 0x6000u : 0); want[3] = MFC0(5, 0); /* PageMask */
    MTC0(4, 2, s ^ 0x5a5a5a5au);       want[4] = MFC0(4, 2);  /* UserLocal */
    MTC0(7, 0, s & 0xf);               want[5] = MFC0(7, 0);  /* HWREna */
    MTC0(31, 2, s * 7);                want[6] = MFC0(31, 2); /* KScratch1 */
    MTC0(31, 3, ~s);                   want[7] = MFC0(31, 3); /* KScratch2 */
    MTC0(30, 0, s * 11 & ~3u);         want[8] = MFC0(30, 0); /* ErrorEPC */
    MTC0(4, 0, s << 4 & 0xff800000u);  want[9] = MFC0(4, 0);  /* Context (PTEBase) */
}

static unsigned check_all(void)
{
    uint32_t got[10] = {MFC0(0, 0), MFC0(2, 0), MFC0(3, 0), MFC0(5, 0), MFC0(4, 2),
                        MFC0(7, 0), MFC0(31, 2), MFC0(31, 3), MFC0(30, 0), MFC0(4, 0)};
    unsigned bad = 0;
    for (unsigned k = 0; k < 10; k++)
        bad += got[k] != want[k];
    return bad;
}

int main(void)
{
    board_init();
    uint32_t s = rt_ticks() | 1, t0 = rt_ticks();
    unsigned bad = 0;
    put_all(s);
    for (unsigned i = 1; i <= N; i++) {
        bad += check_all();
        if (i % 64 == 0)
            put_all(s += 0x01010101u);
    }
    rt_printf("cp0ctx: %u checks over %u ticks, %u wrong\n", N, (unsigned)(rt_ticks() - t0), bad);
    rt_exit(bad ? 1 : 0);
}

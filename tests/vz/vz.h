/* Root-mode VZ test harness: a minimal monitor that runs short guest code
 * snippets and records how each guest exit looked from root. */
#ifndef TESTS_VZ_VZ_H
#define TESTS_VZ_VZ_H
#include <stdint.h>

#include <mips/mipsregs.h>

#include "test.h"

#define MFC0(r, s) ({ uint32_t _v; __asm__ volatile("mfc0 %0, $" #r ", " #s : "=r"(_v)); _v; })
#define MTC0(r, s, v) __asm__ volatile("mtc0 %0, $" #r ", " #s "; ehb" : : "r"((uint32_t)(v)))
#define MFGC0(r, s) ({ uint32_t _v; __asm__ volatile(".set push; .set virt; mfgc0 %0, $" #r \
    ", " #s "; .set pop" : "=r"(_v)); _v; })
#define MTGC0(r, s, v) __asm__ volatile(".set push; .set virt; mtgc0 %0, $" #r ", " #s \
    "; ehb; .set pop" : : "r"((uint32_t)(v)))

/* What root saw on the last exit (written by the vector stubs). */
struct vz_exit {
    uint32_t vector;    /* 1 refill (+0x000), 2 general (+0x180), 3 interrupt (+0x200) */
    uint32_t cause, epc, guestctl0, badvaddr, badinstr, badinstrp, status, srsctl;
};
extern struct vz_exit vz_exit;

/* Guest memory: GPA 0 .. 64 KB is real 0x40000 (the monitor's TLB entry);
 * guest kseg0 0x80000000 = GPA 0. Guest EBase 0x80000000, snippets at
 * GUEST_CODE. */
#define GUEST_RPA   0x00040000u
#define GUEST_CODE  0x80000400u
#define GUEST_DATA  0x80008000u /* scratch the snippets and tests share */
#define GMEM(gva)   ((volatile uint32_t *)(0x80000000u + GUEST_RPA + ((gva) & 0xFFFFu)))

/* Snippets (vzlib.S): copy with vz_load(). */
#define SNIPPET(n) extern const uint32_t n[], n##_end[]
void vz_setup(void);      /* vectors, root TLB for guest 1, guest CP0 reset-ish */
void vz_load(uint32_t gva, const uint32_t *start, const uint32_t *end);
/* Enters the guest at gva (GuestCtl0 already set without GM); returns on
 * the next root exception with vz_exit filled. */
void vz_run(uint32_t gva);
/* The guest's registers (shadow set 1) by number, through RDPGPR/WRPGPR. */
uint32_t vz_greg(unsigned n);
void vz_set_greg(unsigned n, uint32_t v);
/* Root TLB entry helpers: index, VPN2 GPA, PageMask, lo0, lo1, GuestID. */
void vz_tlb_write(unsigned idx, uint32_t gpa, uint32_t pagemask, uint32_t lo0, uint32_t lo1,
                  unsigned gid);
#define ELO(pa, flags) ((((pa) >> 12) << 6) | (flags))
#define ELO_VDG (MIPS_ENTRYLO_V | MIPS_ENTRYLO_D | MIPS_ENTRYLO_G | (3u << 3))

#define EXC(e) (((e).cause & CAUSEF_EXCCODE) >> CAUSEB_EXCCODE)
#define GEXC(e) (((e).guestctl0 & GUESTCTL0_GEXC) >> GUESTCTL0_GEXC_SHIFT)
/* Default controls: guest CP0 access, guest-controlled MMU, GT, CG, CF. */
#define GC0_DEFAULT (GUESTCTL0_CP0 | (3u << GUESTCTL0_AT_SHIFT) | GUESTCTL0_GT | \
                     GUESTCTL0_CG | GUESTCTL0_CF)
#endif

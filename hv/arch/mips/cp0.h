/*
 * CP0 accessors of the root context (mfc0/mtc0) and of the guest context
 * (mfgc0/mtgc0, VZ), one line per register, generated from (name, reg, sel)
 * lists whose numbers come from include/mips/mipsregs.h.
 *
 *   read_c0_status()          write_c0_status(v)
 *   set_c0_status(bits)       clear_c0_status(bits)   (return the old value)
 *   read_gc0_status()         write_gc0_status(v)
 *
 * Writes end with EHB so the next instruction sees the new value (cheap on
 * the M5150, and an execution hazard missed on silicon is a bug no
 * simulator shows).
 */
#ifndef HV_ARCH_MIPS_CP0_H
#define HV_ARCH_MIPS_CP0_H

#include <stdint.h>

#include <mips/mipsregs.h>

#define _C0_RD(r, s) ({ uint32_t __v; \
    __asm__ volatile("mfc0 %0, $" #r ", " #s : "=r"(__v)); __v; })
#define _C0_WR(r, s, v) __asm__ volatile("mtc0 %z0, $" #r ", " #s "\n\tehb" \
    : : "Jr"((uint32_t)(v)) : "memory")
#define _GC0_RD(r, s) ({ uint32_t __v; \
    __asm__ volatile(".set push\n\t.set virt\n\tmfgc0 %0, $" #r ", " #s "\n\t.set pop" \
    : "=r"(__v)); __v; })
#define _GC0_WR(r, s, v) __asm__ volatile(".set push\n\t.set virt\n\tmtgc0 %z0, $" #r ", " #s \
    "\n\tehb\n\t.set pop" : : "Jr"((uint32_t)(v)) : "memory")
/* The (reg, sel) pair arrives as one macro argument: expand it first. */
#define C0_RD(...)     _C0_RD(__VA_ARGS__)
#define C0_WR(...)     _C0_WR(__VA_ARGS__)
#define GC0_RD(...)    _GC0_RD(__VA_ARGS__)
#define GC0_WR(...)    _GC0_WR(__VA_ARGS__)

/* Root registers the hypervisor touches. */
#define HV_C0_REGS(X)                                                          \
    X(index, CP0_INDEX) X(entrylo0, CP0_ENTRYLO0) X(entrylo1, CP0_ENTRYLO1)    \
    X(pagemask, CP0_PAGEMASK) X(wired, CP0_WIRED) X(badvaddr, CP0_BADVADDR)    \
    X(badinstr, CP0_BADINSTR) X(badinstrp, CP0_BADINSTRP) X(count, CP0_COUNT)  \
    X(entryhi, CP0_ENTRYHI) X(guestctl1, CP0_GUESTCTL1)                        \
    X(guestctl2, CP0_GUESTCTL2) X(guestctl3, CP0_GUESTCTL3)                    \
    X(compare, CP0_COMPARE) X(guestctl0ext, CP0_GUESTCTL0EXT)                  \
    X(status, CP0_STATUS) X(intctl, CP0_INTCTL) X(srsctl, CP0_SRSCTL)          \
    X(srsmap, CP0_SRSMAP) X(guestctl0, CP0_GUESTCTL0) X(gtoffset, CP0_GTOFFSET) \
    X(cause, CP0_CAUSE) X(nestedexc, CP0_NESTEDEXC) X(epc, CP0_EPC)            \
    X(prid, CP0_PRID) X(ebase, CP0_EBASE) X(config, CP0_CONFIG)                \
    X(config1, CP0_CONFIG1) X(config3, CP0_CONFIG3) X(config7, CP0_CONFIG7)    \
    X(depc, CP0_DEPC) X(debug, CP0_DEBUG) X(errorepc, CP0_ERROREPC)

/* Guest registers: every one the guest context of the M5150 has that a
 * switch saves (hv/core/vcpu.c) or an exit handler reads. */
#define HV_GC0_REGS(X)                                                         \
    X(index, CP0_INDEX) X(entrylo0, CP0_ENTRYLO0) X(entrylo1, CP0_ENTRYLO1)    \
    X(context, CP0_CONTEXT) X(userlocal, CP0_USERLOCAL)                        \
    X(pagemask, CP0_PAGEMASK) X(pagegrain, CP0_PAGEGRAIN) X(wired, CP0_WIRED)  \
    X(hwrena, CP0_HWRENA) X(badvaddr, CP0_BADVADDR) X(badinstr, CP0_BADINSTR)  \
    X(badinstrp, CP0_BADINSTRP) X(count, CP0_COUNT) X(entryhi, CP0_ENTRYHI)    \
    X(compare, CP0_COMPARE) X(status, CP0_STATUS) X(intctl, CP0_INTCTL)        \
    X(cause, CP0_CAUSE) X(epc, CP0_EPC) X(nestedepc, CP0_NESTEDEPC)            \
    X(ebase, CP0_EBASE) X(config, CP0_CONFIG) X(config1, CP0_CONFIG1)          \
    X(config3, CP0_CONFIG3) X(config5, CP0_CONFIG5) X(errorepc, CP0_ERROREPC)  \
    X(kscratch1, CP0_KSCRATCH1) X(kscratch2, CP0_KSCRATCH2)

#define HV_DEF_C0(name, reg)                                                   \
    static inline uint32_t read_c0_##name(void) { return C0_RD(reg); }         \
    static inline void write_c0_##name(uint32_t v) { C0_WR(reg, v); }         \
    static inline uint32_t set_c0_##name(uint32_t b)                           \
    { uint32_t o = C0_RD(reg); C0_WR(reg, o | b); return o; }                  \
    static inline uint32_t clear_c0_##name(uint32_t b)                         \
    { uint32_t o = C0_RD(reg); C0_WR(reg, o & ~b); return o; }
#define HV_DEF_GC0(name, reg)                                                  \
    static inline uint32_t read_gc0_##name(void) { return GC0_RD(reg); }       \
    static inline void write_gc0_##name(uint32_t v) { GC0_WR(reg, v); }

HV_C0_REGS(HV_DEF_C0)
HV_GC0_REGS(HV_DEF_GC0)

/* Field helpers. */
#define EXCCODE(cause) (((cause) & CAUSEF_EXCCODE) >> CAUSEB_EXCCODE)
#define GEXCCODE(gc0)  (((gc0) & GUESTCTL0_GEXC) >> GUESTCTL0_GEXC_SHIFT)

static inline void ehb(void) { __asm__ volatile("ehb" ::: "memory"); }

#endif /* HV_ARCH_MIPS_CP0_H */

/*
 * CP0 accessors for the guest runtime, one line per register, from the
 * (reg, sel) pairs of include/mips/mipsregs.h (the header the hypervisor
 * and the simulator use too).
 */
#ifndef GUESTS_RT_CP0_H
#define GUESTS_RT_CP0_H

#include <stdint.h>

#include <mips/mipsregs.h>

/* RT_CP0_ACCESSORS(name, CP0_X) defines read_c0_name() and write_c0_name()
 * (the write ends with an EHB, so its effect is visible to what follows). */
#define RT_CP0_ACCESSORS(name, ...)                                                  \
    static inline uint32_t read_c0_##name(void)                                      \
    {                                                                                \
        uint32_t v;                                                                  \
        __asm__ volatile("mfc0 %0, $%1, %2"                                          \
                         : "=r"(v)                                                   \
                         : "i"(_CP0_REG(__VA_ARGS__)), "i"(_CP0_SEL(__VA_ARGS__)));  \
        return v;                                                                    \
    }                                                                                \
    static inline void write_c0_##name(uint32_t v)                                   \
    {                                                                                \
        __asm__ volatile("mtc0 %0, $%1, %2\n\tehb"                                    \
                         :                                                           \
                         : "r"(v), "i"(_CP0_REG(__VA_ARGS__)), "i"(_CP0_SEL(__VA_ARGS__)) \
                         : "memory");                                                \
    }

RT_CP0_ACCESSORS(count, CP0_COUNT)
RT_CP0_ACCESSORS(compare, CP0_COMPARE)
RT_CP0_ACCESSORS(status, CP0_STATUS)
RT_CP0_ACCESSORS(intctl, CP0_INTCTL)
RT_CP0_ACCESSORS(srsctl, CP0_SRSCTL)
RT_CP0_ACCESSORS(cause, CP0_CAUSE)
RT_CP0_ACCESSORS(epc, CP0_EPC)
RT_CP0_ACCESSORS(prid, CP0_PRID)
RT_CP0_ACCESSORS(ebase, CP0_EBASE)
RT_CP0_ACCESSORS(config, CP0_CONFIG)
RT_CP0_ACCESSORS(config1, CP0_CONFIG1)
RT_CP0_ACCESSORS(config3, CP0_CONFIG3)
RT_CP0_ACCESSORS(badvaddr, CP0_BADVADDR)

static inline uint32_t read_fpu_fir(void)
{
    uint32_t v;
    __asm__ volatile(".set push; .set hardfloat; cfc1 %0, $0; .set pop" : "=r"(v));
    return v;
}
static inline uint32_t read_fpu_fcsr(void)
{
    uint32_t v;
    __asm__ volatile(".set push; .set hardfloat; cfc1 %0, $31; .set pop" : "=r"(v));
    return v;
}
static inline void write_fpu_fcsr(uint32_t v)
{
    __asm__ volatile(".set push; .set hardfloat; ctc1 %0, $31; .set pop" ::"r"(v) : "memory");
}

#endif

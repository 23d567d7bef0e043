/*
 * The cycle model of the M5150 at 200 MHz, in one place.
 * docs/simulator.md explains each figure and its source/confidence
 * (MIPS32 M5150 Software User's Manual MD00980, "Pipeline"; PIC32MZ EF
 * DS60001320 flash wait states and prefetch). One unit = one SYSCLK cycle.
 */
#ifndef SIM_CPU_TIMING_H
#define SIM_CPU_TIMING_H

#define T_BASE          1  /* every instruction issues in one cycle */
#define T_LOAD_USE      1  /* stall when the next insn uses a loaded GPR */
#define T_MUL_LAT       5  /* MULT/MADD/MSUB → HI/LO ready after */
#define T_MUL_GPR       0  /* MUL (to a GPR): result bypassed, no stall modelled beyond issue */
#define T_DIV_MIN       12 /* DIV/DIVU: early exit, about 1 bit per cycle */
#define T_DIV_MAX       38
#define T_EXC_ENTRY     5  /* exception/interrupt entry to first handler fetch */
#define T_ERET          3
#define T_BRANCH_TAKEN  0  /* delay slot hides the branch */
#define T_CACHE_OP      1
#define T_SYNC          1
#define T_MULTI_WORD    1  /* microMIPS LWM/SWM/LWP/SWP: each word after the first */

/* FPU (24Kf-like, L confidence): latency charged as an issue stall. */
#define T_FP_ADD_S      4
#define T_FP_ADD_D      4
#define T_FP_MUL_S      4
#define T_FP_MUL_D      5
#define T_FP_MADD_S     4
#define T_FP_MADD_D     5
#define T_FP_DIV_S      17
#define T_FP_DIV_D      32
#define T_FP_SQRT_S     17
#define T_FP_SQRT_D     32
#define T_FP_RECIP_S    13
#define T_FP_RECIP_D    26
#define T_FP_RSQRT_S    17
#define T_FP_RSQRT_D    36
#define T_FP_CVT        4
#define T_FP_MOVE       1
#define T_FP_CMP        1

/* Memory (extra cycles beyond the 1-cycle hit); the bus regions carry
 * the per-region figure, these are the defaults the SoC uses. */
#define T_RAM_EXTRA     0  /* cached; the D-cache hit model (see docs) */
#define T_FLASH_EXTRA   0  /* instruction fetch through the prefetch buffer */
#define T_SFR_READ      7  /* peripheral bus read, 100 MHz bus */
#define T_SFR_WRITE     3  /* posted write */

#endif /* SIM_CPU_TIMING_H */

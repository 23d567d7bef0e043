/*
 * Clock facts of the simulated PIC32MZ EF, in one place.
 *
 * SYSCLK is 200 MHz, always: one CPU cycle (struct cpu.cycles) is 5 ns and
 * the cycle model assumes it. The oscillator registers (sysctl.c) read back
 * a configuration that gives 200 MHz (docs/simulator.md); writing them does
 * not change the simulated speed. The peripheral bus clocks do follow
 * PBxDIV: PBCLKx = SYSCLK / (PBDIV + 1), so one PBCLKx tick lasts
 * PBDIV + 1 CPU cycles. Reset: PB1–PB6 ÷2 (100 MHz), PB7 (CPU) ÷1,
 * PB8 ÷2. Buses: PB1 SFR/flash controller, PB2 UART/SPI/I2C/PMP,
 * PB3 timers/IC/OC/ADC, PB4 ports, PB5 crypto/RNG/USB/CAN/Ethernet/SQI,
 * PB7 CPU, PB8 EBI. The Count/Compare timer runs at SYSCLK/2.
 */
#ifndef SIM_SOC_PIC32MZ_CLOCK_H
#define SIM_SOC_PIC32MZ_CLOCK_H

#include <stdint.h>

#define PIC32MZ_SYSCLK_HZ  200000000ull
#define PIC32MZ_NPB        8 /* PBCLK1..PBCLK8 */

/* PBxDIV reset values: ON=1 (bit 15), PBDIVRDY (bit 11), PBDIV (6:0). */
#define PBDIV_RESET(x)     ((x) == 7 ? 0x8800u : 0x8801u)

struct soc_clocks {
    /* CPU cycles per PBCLKx tick (= PBDIV + 1), index 1..8 */
    uint32_t pb_cycles[PIC32MZ_NPB + 1];
};

static inline void clk_reset(struct soc_clocks *k)
{
    for (unsigned x = 1; x <= PIC32MZ_NPB; x++)
        k->pb_cycles[x] = (PBDIV_RESET(x) & 0x7F) + 1;
}

/* CPU cycles per tick of PBCLKx (x = 1..8). */
static inline uint32_t clk_pb_cycles(const struct soc_clocks *k, unsigned x)
{
    return k->pb_cycles[x];
}

static inline uint64_t clk_pb_hz(const struct soc_clocks *k, unsigned x)
{
    return PIC32MZ_SYSCLK_HZ / k->pb_cycles[x];
}

#endif

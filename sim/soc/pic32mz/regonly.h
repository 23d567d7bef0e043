/* SPI, I2C, input capture and output compare of the PIC32MZ EF as
 * registers only (reset values, writable bits; no function). Decisions
 * in docs/simulator.md, "SFR bus". */
#ifndef SIM_SOC_PIC32MZ_REGONLY_H
#define SIM_SOC_PIC32MZ_REGONLY_H

#include <stdbool.h>

struct soc;
bool regonly_init(struct soc *s);

#endif

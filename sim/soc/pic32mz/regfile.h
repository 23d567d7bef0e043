/* Register files of the peripherals modelled without behaviour (regfile.c;
 * docs/simulator.md lists them). */
#ifndef SIM_SOC_PIC32MZ_REGFILE_H
#define SIM_SOC_PIC32MZ_REGFILE_H

#include <stdbool.h>

struct soc;
struct regfile;

bool regfile_init(struct soc *s);
void regfile_free(struct regfile *rf);

#endif

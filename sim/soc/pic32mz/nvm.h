/* Flash controller (NVM) of the PIC32MZ EF: word, quad-word and row
 * programming and page/half/full erase behind the NVMKEY unlock sequence;
 * completion raises vector 167. Decisions in docs/simulator.md, "NVM". */
#ifndef SIM_SOC_PIC32MZ_NVM_H
#define SIM_SOC_PIC32MZ_NVM_H

#include <stdbool.h>

struct soc;
bool nvm_init(struct soc *s);

#endif

/* Prints the chip data's PPS input groups (conf/pic32mzef.c) in the form
 * docs/simulator.md lists the simulator's own (sim/soc/pic32mz/ports.c):
 * "INT3 → RPD2, RPG8, ..., –, ...", one line per group, named by its
 * INTn function, the unused selections at the end left out. tests/conf/run
 * compares the two: two tables written independently from DS60001320
 * Table 12-2. */
#include <stdio.h>
#include <string.h>

#include "chip.h"

int main(void)
{
    const struct chip *c = &chip_pic32mzef;
    for (int k = 0; k < c->nr_pps_in; k++) {
        const struct chip_pps_in *in = &c->pps_in[k];
        if (strncmp(in->name, "INT", 3)) continue;
        int last = CHIP_PPS_SEL - 1;
        while (last > 0 && c->pps_groups[in->group][last] == CHIP_PIN_NONE) last--;
        printf("%s →", in->name);
        for (int i = 0; i <= last; i++) {
            int p = c->pps_groups[in->group][i];
            if (p == CHIP_PIN_NONE)
                printf(" –%s", i < last ? "," : "");
            else
                printf(" RP%c%d%s", 'A' + (p >> 4), p & 15, i < last ? "," : "");
        }
        printf("\n");
    }
    return 0;
}

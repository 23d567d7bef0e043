/*
 * flood: prints as fast as its console UART takes it (polling UTXBF), 150
 * numbered lines of 60 characters, then "flood: done". Two of them side by
 * side (flood.yaml) must each lose no byte: their lines, tags removed, are
 * their bare-board output.
 */
#include "rt.h"

int main(void)
{
    board_init();
    for (unsigned i = 0; i < 150; i++)
        rt_printf("flood: %03u abcdefghijklmnopqrstuvwxyz 0123456789 ABCDEFGHIJ\n", i);
    rt_printf("flood: done\n");
    return 0;
}

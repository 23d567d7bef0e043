/*
 * tick: a partition that says "tick N" every 10 ms (its core timer), so
 * the shell test sees when it is stopped, continued and restarted.
 */
#include "rt.h"

int main(void)
{
    board_init();
    rt_printf("tick: start\n");
    for (uint32_t n = 1;; n++) {
        rt_delay_ms(10);
        rt_printf("tick %u\n", (unsigned)n);
    }
}

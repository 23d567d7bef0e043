/*
 * blinky: the four Wi-FIRE LEDs count in binary, one step every 100 ms, on
 * the core-timer interrupt (Count at 100 MHz, Compare advanced by exactly
 * 10,000,000 ticks each time, so the schedule never drifts).
 *
 * Schedule, with T0 the moment the core timer is armed and n = 1, 2, ...
 * the n-th interrupt at T0 + n x 100 ms: LEDk (k = 1..4) toggles at the
 * interrupts where n is a multiple of 2^(k-1). So LD1 toggles every
 * 100 ms (first on at T0 + 100 ms), LD2 every 200 ms, LD3 every 400 ms,
 * LD4 every 800 ms, and after n steps the LEDs show n mod 16
 * (LD1 = bit 0 ... LD4 = bit 3).
 *
 * Console: a banner, then each second (n = 10, 20, ...) a line
 *   blinky: <n/10> s, LD4..LD1 = <n mod 16 in binary>
 * and "BTNk pressed" / "BTNk released" when a button changes (polled each
 * step). It runs for ever.
 */
#include "rt.h"

#define STEP_TICKS (100u * RT_CT_PER_MS)

static volatile uint32_t steps;

static void step(void)
{
    uint32_t n = ++steps;
    for (unsigned k = 1; k <= RT_NLEDS; k++)
        if ((n & ((1u << (k - 1)) - 1)) == 0)
            rt_led_toggle(k);
}

int main(void)
{
    board_init();
    rt_led_init();
    rt_printf("blinky: LD1..LD4 count in binary, one step every 100 ms (core timer)\n");
    bool btn[RT_NBUTTONS + 1] = {false};
    uint32_t seen = 0;
    rt_ct_periodic(STEP_TICKS, step, 2);
    rt_irq_on();
    for (;;) {
        while (steps == seen)
            rt_wait();
        seen = steps;
        if (seen % 10 == 0) {
            char bits[RT_NLEDS + 1];
            for (unsigned k = RT_NLEDS; k >= 1; k--)
                bits[RT_NLEDS - k] = rt_led_get(k) ? '1' : '0';
            bits[RT_NLEDS] = 0;
            rt_printf("blinky: %lu s, LD4..LD1 = %s\n", (unsigned long)(seen / 10), bits);
        }
        for (unsigned b = 1; b <= RT_NBUTTONS; b++) {
            bool now = rt_button(b);
            if (now != btn[b])
                rt_printf("BTN%u %s\n", b, now ? "pressed" : "released");
            btn[b] = now;
        }
    }
}

/* Wi-FIRE board set-up, clock queries, LEDs and buttons (rt.h). */
#include "rt.h"

/* Bounded waits on hardware ready bits: far longer than any real delay. */
#define READY_SPINS 100000u

void board_unlock(void)
{
    SFR(SYSKEY) = 0;
    SFR(SYSKEY) = SYSKEY_KEY1;
    SFR(SYSKEY) = SYSKEY_KEY2;
}

void board_lock(void)
{
    SFR(SYSKEY) = SYSKEY_LOCK;
}

/* PBCLKx = SYSCLK / div, when the divider is ready to take a new value. */
static void set_pbdiv(unsigned x, unsigned div)
{
    for (unsigned i = 0; i < READY_SPINS && !(SFR(PBDIV(x)) & PBDIV_RDY); i++)
        ;
    SFR(PBDIV(x)) = PBDIV_ON | (div - 1);
}

/* A pin, and whether its port has an ANSEL register to clear for digital
 * use (port D has none to touch here). */
struct pin {
    enum port port;
    uint8_t bit;
    bool ansel;
};
static const struct pin leds[RT_NLEDS] = {
    {PORT_G, 6, true}, {PORT_D, 4, false}, {PORT_B, 11, true}, {PORT_G, 15, true},
};
static const struct pin buttons[RT_NBUTTONS] = {
    {PORT_A, 5, true}, {PORT_A, 4, true},
};

void rt_led_init(void)
{
    for (unsigned i = 0; i < RT_NLEDS; i++) {
        uint32_t m = 1u << leds[i].bit;
        SFR_CLR(LAT(leds[i].port)) = m;
        SFR_CLR(TRIS(leds[i].port)) = m;
        if (leds[i].ansel)
            SFR_CLR(ANSEL(leds[i].port)) = m; /* RB11 is an analog input at reset */
    }
    for (unsigned i = 0; i < RT_NBUTTONS; i++) {
        uint32_t m = 1u << buttons[i].bit;
        SFR_SET(TRIS(buttons[i].port)) = m;
        if (buttons[i].ansel)
            SFR_CLR(ANSEL(buttons[i].port)) = m;
    }
}

void board_init(void)
{
    uint32_t st = rt_irq_off();
    board_unlock();
    set_pbdiv(2, 2); /* UARTs, SPI, I2C: 100 MHz */
    set_pbdiv(3, 2); /* timers, IC, OC, ADC: 100 MHz */
    set_pbdiv(4, 2); /* ports: 100 MHz */
    board_lock();
    /* Program flash at 200 MHz: 2 wait states, prefetch for all regions. */
    SFR(PRECON) = (SFR(PRECON) & ~(PRECON_PFMWS | PRECON_PREFEN)) | 2u << PRECON_PFMWS_SHIFT |
                  3u << PRECON_PREFEN_SHIFT;
    /* Console pins: PPS behind IOLOCK, which needs the SYSKEY unlock. */
    board_unlock();
    SFR_CLR(CFGCON) = CFGCON_IOLOCK;
    SFR(RPF8R) = RPxR_U4TX;
    SFR(U4RXR) = U4RXR_RPF2;
    SFR_SET(CFGCON) = CFGCON_IOLOCK;
    board_lock();
    SFR_SET(LAT(PORT_F)) = 1u << 8;  /* TX idles high */
    SFR_CLR(TRIS(PORT_F)) = 1u << 8; /* RF8 output (U4TX) */
    SFR_SET(TRIS(PORT_F)) = 1u << 2; /* RF2 input (U4RX) */
    rt_irq_restore(st);
    rt_uart_init(WIFIRE_CONSOLE_UART, RT_CONSOLE_BAUD);
}

uint32_t board_sysclk_hz(void)
{
    unsigned cosc = (SFR(OSCCON) & OSCCON_COSC) >> OSCCON_COSC_SHIFT;
    uint32_t frc = 8000000u;
    if (cosc == COSC_POSC)
        return WIFIRE_POSC_HZ;
    if (cosc != COSC_SPLL)
        return frc; /* FRC and the others: not used on the Wi-FIRE */
    uint32_t pll = SFR(SPLLCON);
    uint32_t in = (pll & SPLLCON_PLLICLK) ? frc : WIFIRE_POSC_HZ;
    uint32_t idiv = ((pll & SPLLCON_PLLIDIV) >> SPLLCON_PLLIDIV_SHIFT) + 1;
    uint32_t mult = ((pll & SPLLCON_PLLMULT) >> SPLLCON_PLLMULT_SHIFT) + 1;
    unsigned o = (pll & SPLLCON_PLLODIV) >> SPLLCON_PLLODIV_SHIFT;
    uint32_t odiv = o <= 1 ? 2 : o >= 5 ? 32 : 1u << o;
    return (uint32_t)((uint64_t)in / idiv * mult / odiv);
}

uint32_t board_pbclk_hz(unsigned x)
{
    if (x < 1 || x > 8)
        return 0;
    return board_sysclk_hz() / ((SFR(PBDIV(x)) & PBDIV_DIV) + 1);
}

void rt_led_set(unsigned led, bool on)
{
    if (led < 1 || led > RT_NLEDS)
        return;
    const struct pin *p = &leds[led - 1];
    if (on)
        SFR_SET(LAT(p->port)) = 1u << p->bit;
    else
        SFR_CLR(LAT(p->port)) = 1u << p->bit;
}

void rt_led_toggle(unsigned led)
{
    if (led < 1 || led > RT_NLEDS)
        return;
    const struct pin *p = &leds[led - 1];
    SFR_INV(LAT(p->port)) = 1u << p->bit;
}

bool rt_led_get(unsigned led)
{
    if (led < 1 || led > RT_NLEDS)
        return false;
    const struct pin *p = &leds[led - 1];
    return (SFR(LAT(p->port)) >> p->bit) & 1;
}

bool rt_button(unsigned button)
{
    if (button < 1 || button > RT_NBUTTONS)
        return false;
    const struct pin *p = &buttons[button - 1];
    return (SFR(PORT(p->port)) >> p->bit) & 1;
}

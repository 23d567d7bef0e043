/*
 * hmguest: the health monitor's partition under test (tests/health/run).
 * What it does is chosen at run time by the word hm_mode in its flash,
 * which the test overwrites (vpsim --load), as the hostile attacker's:
 *
 *   0 devreset  its first start (RCON without SWR) prints its exclusive
 *               Timer2 and UART1 as the reset left them ("hm: reset ..."),
 *               starts both (Timer2 at a 1 us period until its interrupt
 *               flag is set, UART1 on with a byte sent) and turns on its
 *               comparator 1, CVREF, PMP, RNG and Ethernet controller
 *               (their registers only: their reset must undo it), prints them
 *               ("hm: running ..."), then stores outside its RAM: its
 *               health action restarts it. The next start (RCON.SWR set)
 *               prints them again ("hm: restarted ...") and "hm: done".
 *   1 budget    stores outside its RAM at once, at every start.
 *   2 wdt       turns on its watchdog (8 ms, its DEVCFG1.WDTPS = 3) and
 *               never clears it, printing "hm: alive N" every 5 ms of
 *               its time; "hm: done" after 40.
 *
 * Registers: DS60001320 sec. 14 (Timer2: T2CON 0xBF840200, TMR2 +0x10,
 * PR2 +0x20, vector 9), sec. 22 (UART1: U1MODE 0xBF822000, U1STA +0x10,
 * U1TXREG +0x20, U1BRG +0x40), sec. 6 (RCON 0xBF801240, SWR bit 6),
 * sec. 26 (WDTCON 0xBF800800, ON bit 15); the register maps of
 * "Comparator" (CM1CON 0xBF84C000), "Comparator Voltage Reference"
 * (CVRCON 0xBF800E00), "Parallel Master Port" (PMCON 0xBF82E000, PMMODE
 * +0x10), "Random Number Generator" (RNGCON 0xBF8E6004) and "Ethernet
 * Controller" (ETHCON1 0xBF882000, ETHIEN +0xC0): ON is bit 15 in each
 * but RNGCON (PRNGEN bit 8).
 */
#include "rt.h"

/* overwritten by the test (vpsim --load); in program flash (.rodata) */
__attribute__((used)) const uint32_t hm_mode = 0xffffffffu;

/* DEVCFG3..0: the Wi-FIRE's usual words (guests/rt/devcfg.c) but DEVCFG1
 * with WDTPS = 3 (2^3 ms), FWDTEN = 0, WINDIS = 1 */
__attribute__((section(".devcfg"), used)) const uint32_t hm_devcfg[4] = {
    0x86FFFFFFu, 0xFFF9B11Au, 0x03633CB9u, 0xFFF6FFF7u,
};

#define T2CON 0xBF840200u
#define TMR2 0xBF840210u
#define PR2 0xBF840220u
#define VEC_T2 9u
#define U1MODE 0xBF822000u
#define U1STA 0xBF822010u
#define U1TXREG 0xBF822020u
#define U1BRG 0xBF822040u
#define CM1CON 0xBF84C000u
#define CVRCON 0xBF800E00u
#define PMCON 0xBF82E000u
#define PMMODE 0xBF82E010u
#define RNGCON 0xBF8E6004u
#define ETHCON1 0xBF882000u
#define ETHIEN 0xBF8820C0u
#undef RCON
#define RCON 0xBF801240u
#define RCON_SWR (1u << 6)
#undef WDTCON
#define WDTCON 0xBF800800u

/* outside its 32K of RAM: its memory fault */
/* (guest-physical 0x10000: its RAM is 32K) */
static void fault(void)
{
    *(volatile uint32_t *)0x80010000u = 1;
}

static void show(const char *when)
{
    /* three samples at unequal gaps: with PR2 = 100 two samples alone can
     * fall on the same count of successive periods */
    uint32_t a = SFR(TMR2);
    for (volatile unsigned i = 0; i < 200; i++)
        ;
    uint32_t b = SFR(TMR2);
    for (volatile unsigned i = 0; i < 37; i++)
        ;
    if (b == a)
        b = SFR(TMR2);
    rt_printf("hm: %s T2CON %08lx TMR2 %s PR2 %08lx T2IF %u U1MODE %08lx U1STA %08lx U1BRG %08lx\n", when,
              (unsigned long)SFR(T2CON), a == b ? "still" : "counting", (unsigned long)SFR(PR2),
              (unsigned)rt_irq_flag(VEC_T2), (unsigned long)SFR(U1MODE), (unsigned long)SFR(U1STA),
              (unsigned long)SFR(U1BRG));
    rt_printf("hm: %s+ CM1CON %08lx CVRCON %08lx PMCON %08lx PMMODE %08lx RNGCON %08lx ETHCON1 %08lx ETHIEN %08lx\n",
              when, (unsigned long)SFR(CM1CON), (unsigned long)SFR(CVRCON), (unsigned long)SFR(PMCON),
              (unsigned long)SFR(PMMODE), (unsigned long)SFR(RNGCON), (unsigned long)SFR(ETHCON1),
              (unsigned long)SFR(ETHIEN));
}

int main(void)
{
    board_init();
    uint32_t mode = *(const volatile uint32_t *)&hm_mode; /* not folded: patched */
    uint32_t rcon = SFR(RCON);
    rt_printf("hm: up mode %lu RCON %08lx\n", (unsigned long)mode, (unsigned long)rcon);
    switch (mode) {
    case 0:
        if (rcon & RCON_SWR) {
            show("restarted");
            rt_printf("hm: done\n");
            break;
        }
        show("reset");
        SFR(PR2) = 100;
        SFR(TMR2) = 0;
        SFR(T2CON) = 0x8000u; /* ON, 1:1 */
        SFR(U1BRG) = 53;
        SFR(U1STA) = (1u << 12) | (1u << 10); /* URXEN, UTXEN */
        SFR(U1MODE) = 0x8000u;                /* ON */
        SFR(U1TXREG) = 'x';
        SFR(CM1CON) = 0x80C3u;
        SFR(CVRCON) = 0x8005u;
        SFR(PMMODE) = 0x0200u;
        SFR(PMCON) = 0x8000u;
        SFR(RNGCON) = 0x0164u;
        SFR(ETHIEN) = 0x0001u;
        SFR(ETHCON1) = 0x8000u;
        for (unsigned i = 0; i < 100000 && !rt_irq_flag(VEC_T2); i++)
            ;
        show("running");
        fault();
        rt_printf("hm: BAD: past the fault\n");
        break;
    case 1:
        fault();
        rt_printf("hm: BAD: past the fault\n");
        break;
    case 2:
        SFR(WDTCON + 8) = 0x8000u; /* WDTCONSET = ON */
        for (unsigned n = 1; n <= 40; n++) {
            rt_delay_ms(5);
            rt_printf("hm: alive %u\n", n);
        }
        rt_printf("hm: done\n");
        break;
    default:
        rt_printf("hm: no mode %lu\n", (unsigned long)mode);
        break;
    }
    for (;;)
        rt_wait();
}

/*
 * extint: a firmware using the external interrupts INT1 and INT2 on pins
 * it chooses (PIC32MZ EF datasheet DS60001320: sec. 12.4 PPS inputs
 * INT1R = 13 (RPE8) and INT2R = 13 (RPE9), Table 12-2; sec. 7 INTCON.INTxEP,
 * 1 = rising edge, 0 = falling). It drives both pins itself (RE8 and RE9
 * as outputs: a PPS input reads the pin, whoever drives it) and counts the
 * interrupts each edge gives: first INT1 on rising edges and INT2 on
 * falling ones, then the other way round. After every edge it waits up
 * to 200 us of Count for its interrupt (as a partition a window switch
 * may come in between: the interrupt is then taken when it runs again),
 * so the counts are exact on the bare board and under tinyVP alike.
 * Multi-vector mode (start.S's entries), INT1 at level 3, INT2 at 4.
 * Last, RE8 as an analog pin (ANSELE): INT1 sees nothing of it.
 */
#include "fw.h"

#define VEC_INT1 8
#define VEC_INT2 13
#define INT1R   0xBF801404u
#define INT2R   0xBF801408u
#define CFGCON  0xBF800000u
#define ANSELE  0xBF860400u
#define TRISE   0xBF860410u
#define LATE    0xBF860430u
#define EDGES   5
#define PRISS   0xBF810010u
#define IPTMR   0xBF810030u

static volatile uint32_t count[2], stamp[2];

void fw_exception(uint32_t off, uint32_t cause, uint32_t epc)
{
    fw_exception_line("extint", off, cause, epc);
    fw_flush();
    for (;;)
        ;
}

uint32_t *fw_irq_dispatch(int vec, uint32_t *frame)
{
    if (vec == VEC_INT1 || vec == VEC_INT2) {
        stamp[vec == VEC_INT2] = MFC0(C0_COUNT);
        count[vec == VEC_INT2]++;
        CLR(IFS(0)) = 1u << vec;
    }
    return frame;
}

static void irq_setup(unsigned v, unsigned ip)
{
    unsigned sh = 8 * (v % 4);
    CLR(IPC(v / 4)) = 0x1fu << sh;
    SET(IPC(v / 4)) = (ip << 2) << sh;
    REG(OFF(v)) = 0x400 + 8 * v;
    CLR(IFS(0)) = 1u << v;
    SET(IEC(0)) = 1u << v;
}

/* pin RE(8 + k) to `level`; then up to 200 us for the interrupt: true if
 * INT(1 + k)'s count moved */
static unsigned edge(unsigned k, int level)
{
    uint32_t before = count[k];
    if (level)
        SET(LATE) = 1u << (8 + k);
    else
        CLR(LATE) = 1u << (8 + k);
    uint32_t t0 = MFC0(C0_COUNT);
    while (count[k] == before && MFC0(C0_COUNT) - t0 < 200 * (COUNT_HZ / 1000000))
        ;
    return count[k] != before;
}

static void phase(uint32_t intcon_ep)
{
    unsigned rises[2] = {0, 0}, falls[2] = {0, 0};
    CLR(INTCON) = 3u << 1;
    SET(INTCON) = intcon_ep;
    for (unsigned i = 0; i < EDGES; i++)
        for (unsigned k = 0; k < 2; k++) {
            rises[k] += edge(k, 1);
            falls[k] += edge(k, 0);
        }
    for (unsigned k = 0; k < 2; k++) {
        fw_puts("extint: INT");
        fw_putu(k + 1);
        fw_puts((intcon_ep >> (k + 1)) & 1 ? " rising: " : " falling: ");
        fw_putu(rises[k]);
        fw_puts(" of " );
        fw_putu(EDGES);
        fw_puts(" rises and ");
        fw_putu(falls[k]);
        fw_puts(" of ");
        fw_putu(EDGES);
        fw_puts(" falls interrupted\n");
    }
}

int main(void)
{
    fw_console_init();
    /* pins: RE8, RE9 digital outputs, low; INT1/INT2 inputs from them */
    CLR(ANSELE) = 3u << 8;
    CLR(LATE) = 3u << 8;
    CLR(TRISE) = 3u << 8;
    REG(SYSKEY) = 0;
    REG(SYSKEY) = 0xAA996655u;
    REG(SYSKEY) = 0x556699AAu;
    REG(CFGCON) &= ~(1u << 13); /* IOLOCK (no CLR/SET aliases) */
    REG(INT1R) = 13;
    REG(INT2R) = 13;
    REG(CFGCON) |= 1u << 13;
    REG(SYSKEY) = 0;
    fw_puts("extint: INT1R ");
    fw_putu(REG(INT1R));
    fw_puts(" INT2R ");
    fw_putu(REG(INT2R));
    fw_putc('\n');

    /* the controller's other registers read back as written (Harmony
     * polls PRISS): PRISS bits 3:1 unimplemented; put back before any
     * interrupt (these handlers are not written for shadow sets) */
    REG(PRISS) = 0x7654321Fu;
    REG(IPTMR) = 12345;
    SET(INTCON) = 7u << 8; /* TPC */
    fw_puts("extint: PRISS ");
    fw_puthex(REG(PRISS));
    fw_puts(" IPTMR ");
    fw_putu(REG(IPTMR));
    fw_puts(" TPC ");
    fw_putu((REG(INTCON) >> 8) & 7);
    fw_putc('\n');
    REG(PRISS) = 0;
    CLR(INTCON) = 7u << 8;
    REG(IPTMR) = 0;

    SET(INTCON) = INTCON_MVEC;
    irq_setup(VEC_INT1, 3);
    irq_setup(VEC_INT2, 4);
    fw_ei();
    phase(1u << 1);   /* INT1 rising, INT2 falling */
    phase(1u << 2);   /* INT1 falling, INT2 rising */

    /* RE8 analog (ANSEL = 1): its digital input buffer, which INT1 reads
     * through PPS, sees 0 whatever the pin does (DS60001320 sec. 12) */
    CLR(INTCON) = 3u << 1;
    SET(INTCON) = 1u << 1; /* INT1 rising */
    SET(ANSELE) = 1u << 8;
    unsigned analog = 0;
    for (unsigned i = 0; i < EDGES; i++) {
        analog += edge(0, 1);
        analog += edge(0, 0);
    }
    CLR(ANSELE) = 1u << 8; /* the pin is low: no edge */
    unsigned digital = edge(0, 1);
    edge(0, 0);
    fw_puts("extint: INT1 with RE8 analog: ");
    fw_putu(analog);
    fw_puts(" of ");
    fw_putu(2 * EDGES);
    fw_puts(" edges interrupted; digital again: ");
    fw_putu(digital);
    fw_puts(" of 1\n");

    /* the interrupt proximity timer: TPC = 3, IPTMR = 400,000 SYSCLK
     * cycles (2 ms, 200,000 Count ticks): INT1 (level 3), raised by
     * IFS0SET, is held that long; INT2 (level 4) is not held */
    REG(IPTMR) = 400000;
    SET(INTCON) = 3u << 8;
    unsigned held = 0, prompt = 0;
    for (unsigned k = 0; k < 2; k++) {
        uint32_t before = count[k], t0 = MFC0(C0_COUNT);
        SET(IFS(0)) = 1u << (k ? VEC_INT2 : VEC_INT1);
        while (count[k] == before && MFC0(C0_COUNT) - t0 < 10 * (COUNT_HZ / 1000))
            ;
        uint32_t dt = stamp[k] - t0;
        if (count[k] != before) {
            held += k == 0 && dt >= 200000;
            prompt += k == 1 && dt < 200000;
        }
    }
    CLR(INTCON) = 7u << 8;
    REG(IPTMR) = 0;
    fw_puts("extint: TPC 3: INT1 (level 3) held for IPTMR ");
    fw_puts(held ? "yes" : "no");
    fw_puts(", INT2 (level 4) taken before it ");
    fw_puts(prompt ? "yes" : "no");
    fw_putc('\n');
    fw_di();
    fw_puts("extint: done\n");
    fw_flush();
    for (;;)
        __asm__ volatile("wait");
}

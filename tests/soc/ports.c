/* Ports and the Wi-FIRE board: reset values, PORT/LAT/TRIS/ANSEL/ODC/pull-up
 * behaviour, LED events at known times (checked in the printed output),
 * buttons pressed from the command line raising change notification
 * interrupts (mismatch and edge modes, persistent flag), INT0/INT1/INT2
 * external interrupts through RD0 and the PPS, PPS storage and IOLOCK.
 * BTN1 (RA5) is pressed 1 ms .. 2 ms, BTN2 (RA4) 3 ms .. 4 ms. */
// vpsim: --leds --press BTN1@1ms:1ms --press BTN2@3ms:1ms
// expect: ^\[t=0\.100[0-9]{3}ms\] LED LD1 on$
// expect: ^\[t=0\.200[0-9]{3}ms\] LED LD2 on$
// expect: ^\[t=0\.300[0-9]{3}ms\] LED LD3 on$
// expect: ^\[t=0\.400[0-9]{3}ms\] LED LD4 on$
// expect: ^\[t=0\.500[0-9]{3}ms\] LED LD1 off$
// expect: ^\[t=0\.600[0-9]{3}ms\] LED LD3 off$
// reject: LED LD4 off
#include "soc_test.h"

static volatile unsigned ncn;
static volatile uint32_t cn_at[8], cn_port[8], cn_stat[8];

void irq_handler(unsigned tag)
{
    (void)tag;
    unsigned n = ncn;
    if (n < 8) {
        cn_at[n] = c0_count();
        cn_stat[n] = REG(CNSTAT(PA));
        cn_port[n] = REG(PORT(PA)); /* the read ends the mismatch */
    }
    ncn = n + 1;
    REG(CNF(PA)) = 0;
    irq_ack(V_CN(PA));
}

static void wait_until(uint32_t count)
{
    while ((int32_t)(c0_count() - count) < 0)
        ;
}

int main(void)
{
    /* reset: all pins inputs, latches 0, analog pins analog */
    CHECK_EQ(REG(TRIS(PA)), 0xC6FF);
    CHECK_EQ(REG(TRIS(PG)), 0xF3C3);
    CHECK_EQ(REG(LAT(PG)), 0);
    CHECK_EQ(REG(ANSEL(PB)), 0xFFFF);
    CHECK_EQ(REG(CNCON(PA)), 0);

    /* LEDs: LD1 RG6, LD2 RD4, LD3 RB11, LD4 RG15, at 0.1 ms steps */
    CLR(ANSEL(PG)) = 1u << 6;
    CLR(ANSEL(PB)) = 1u << 11;
    REG(LAT(PG)) = 0;
    CLR(TRIS(PG)) = (1u << 6) | (1u << 15);
    CLR(TRIS(PD)) = 1u << 4;
    CLR(TRIS(PB)) = 1u << 11;
    wait_until(10000); /* Count at 100 MHz: 0.1 ms */
    SET(LAT(PG)) = 1u << 6;
    wait_until(20000);
    REG(PORT(PD)) = 1u << 4; /* a PORT write goes to LAT */
    CHECK_EQ(REG(LAT(PD)), 1u << 4);
    wait_until(30000);
    INV(LAT(PB)) = 1u << 11;
    wait_until(40000);
    SET(LAT(PG)) = 1u << 15;
    CHECK_EQ(REG(PORT(PG)) & ((1u << 6) | (1u << 15)), (1u << 6) | (1u << 15));
    wait_until(50000);
    CLR(LAT(PG)) = 1u << 6;
    wait_until(60000);
    /* LD3: open drain with LAT = 1 floats: the LED goes out */
    SET(ODC(PB)) = 1u << 11;
    CHECK_EQ(REG(PORT(PB)) & (1u << 11), 0);
    REG(ODC(PB)) = 0;
    REG(LAT(PB)) = 0;
    /* an analog pin reads 0 even when driven high */
    SET(LAT(PB)) = 1u << 12;
    CLR(TRIS(PB)) = 1u << 12;
    CHECK_EQ(REG(PORT(PB)) & (1u << 12), 0);
    CLR(ANSEL(PB)) = 1u << 12;
    CHECK_EQ(REG(PORT(PB)) & (1u << 12), 1u << 12);
    /* pull-up on an undriven input */
    CHECK_EQ(REG(PORT(PC)) & (1u << 13), 0);
    SET(CNPU(PC)) = 1u << 13;
    CHECK_EQ(REG(PORT(PC)) & (1u << 13), 1u << 13);
    REG(CNPU(PC)) = 0;

    /* buttons: released read 0 */
    CLR(ANSEL(PA)) = (1u << 5) | (1u << 4);
    CHECK_EQ(REG(PORT(PA)) & 0x30, 0);

    /* change notification on RA5 (mismatch mode), vector 118, priority 2 */
    REG(INTCON) = INTCON_MVEC;
    REG(OFF(V_CN(PA))) = ebase_off(irq_stub0);
    irq_setup(V_CN(PA), 2, 0);
    REG(CNEN(PA)) = 1u << 5;
    (void)REG(PORT(PA));
    REG(CNCON(PA)) = 1u << 15;
    irq_cpu_enable();
    wait_until(150000); /* 1.5 ms: pressed since 1 ms */
    CHECK_EQ(ncn, 1);
    CHECK(cn_at[0] >= 100000 && cn_at[0] < 100100);
    CHECK_EQ(cn_port[0] & 0x20, 0x20);
    CHECK_EQ(cn_stat[0] & 0x20, 0x20);
    CHECK_EQ(REG(CNSTAT(PA)), 0);
    wait_until(250000); /* released at 2 ms */
    CHECK_EQ(ncn, 2);
    CHECK(cn_at[1] >= 200000 && cn_at[1] < 200100);
    CHECK_EQ(cn_port[1] & 0x20, 0);
    /* edge mode: falling edges of RA4 only (BTN2 pressed 3 ms, released 4 ms) */
    REG(CNCON(PA)) = (1u << 15) | (1u << 11);
    REG(CNEN(PA)) = 0;
    REG(CNNE(PA)) = 1u << 4;
    wait_until(350000);
    CHECK_EQ(ncn, 2);
    CHECK_EQ(REG(PORT(PA)) & 0x10, 0x10);
    wait_until(450000);
    CHECK_EQ(ncn, 3);
    CHECK(cn_at[2] >= 400000 && cn_at[2] < 400100);
    irq_cpu_disable();
    REG(CNCON(PA)) = 0;
    REG(CNNE(PA)) = 0;

    /* persistent source: in mismatch mode the flag comes back until PORT
     * is read. Pin RA0 driven as an output is a change the port sees. */
    CLR(ANSEL(PA)) = 1;
    CLR(TRIS(PA)) = 1;
    REG(LAT(PA)) = 0;
    (void)REG(PORT(PA));
    REG(CNEN(PA)) = 1;
    REG(CNCON(PA)) = 1u << 15;
    irq_ack(V_CN(PA));
    SET(LAT(PA)) = 1;
    CHECK(irq_flag(V_CN(PA)));
    irq_ack(V_CN(PA));
    CHECK(irq_flag(V_CN(PA))); /* still mismatching: back at once */
    (void)REG(PORT(PA));
    irq_ack(V_CN(PA));
    CHECK(!irq_flag(V_CN(PA)));
    REG(CNCON(PA)) = 0;
    REG(CNEN(PA)) = 0;

    /* external interrupts: INT0 on RD0; INT1 through INT1R = 3 (RPD0);
     * INT2 through INT2R = 4 (RPD4, the LD2 pin). Flags only (IEC off). */
    CLR(TRIS(PD)) = 1;
    REG(LAT(PD)) &= ~1u;
    REG(INTCON) = INTCON_MVEC | 0x1; /* INT0 rising, INT1..4 falling */
    REG(INT1R) = 3;
    CHECK_EQ(REG(INT1R), 3);
    REG(INT1R + 4) = 4; /* INT2R */
    irq_ack(V_INT(0));
    irq_ack(V_INT(1));
    irq_ack(V_INT(2));
    SET(LAT(PD)) = 1;
    CHECK(irq_flag(V_INT(0)));
    CHECK(!irq_flag(V_INT(1)));
    CLR(LAT(PD)) = 1;
    CHECK(irq_flag(V_INT(1)));
    irq_ack(V_INT(0));
    irq_ack(V_INT(1));
    CLR(LAT(PD)) = 1u << 4; /* LD2 off: INT2 falling edge */
    CHECK(irq_flag(V_INT(2)));
    CHECK(!irq_flag(V_INT(0)));
    SET(LAT(PD)) = 1u << 4;
    /* PPS: output select for U4TX on RF8 (2), U4RX from RF2 (11) */
    REG(RPF8R) = 2;
    REG(U4RXR) = 11;
    CHECK_EQ(REG(RPF8R), 2);
    CHECK_EQ(REG(U4RXR), 11);
    REG(RPF8R + 4) = 5; /* RPF9R does not exist */
    CHECK_EQ(REG(RPF8R + 4), 0);
    /* IOLOCK freezes the PPS registers */
    REG(SYSKEY) = 0xAA996655u;
    REG(SYSKEY) = 0x556699AAu;
    SET(CFGCON) = 0; /* CFGCON has no SET alias: that address is nothing */
    REG(CFGCON) = REG(CFGCON) | (1u << 13);
    REG(SYSKEY) = 0;
    REG(U4RXR) = 3;
    CHECK_EQ(REG(U4RXR), 11);
    return t_done("ports");
}

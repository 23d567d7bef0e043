/*
 * Configuration words of the chipKIT Wi-FIRE firmware, in boot flash at
 * 0xBFC0FFC0 (DEVCFG3, 2, 1, 0) and, the same, at the alternate words
 * 0xBFC0FF40 (ADEVCFG3..0). Fields from the XC32 device header; unused
 * bits must be 1.
 *
 *  DEVCFG3  USERID 0xFFFF; FMIIEN 0 (RMII); FETHIO 1; PGL1WAY, PMDL1WAY,
 *           IOL1WAY 0 (locks can be reopened); FUSBIDIO 0
 *  DEVCFG2  SPLL = 24 MHz POSC / 3 (FPLLIDIV 2) = 8 MHz (FPLLRNG 1: 5-10 MHz),
 *           x 50 (FPLLMULT 49) = 400 MHz VCO, / 2 (FPLLODIV 1) = 200 MHz;
 *           FPLLICLK 0 (POSC); UPLLFSEL 1 (USB PLL input 24 MHz)
 *  DEVCFG1  FNOSC 1 (SPLL); POSCMOD 0 (EC: the Wi-FIRE's 24 MHz is an
 *           oscillator); FSOSCEN 0; IESO 1; OSCIOFNC 1 (no CLKO); FCKSM 0;
 *           FWDTEN 0 (watchdog off); WDTPS 0x14; WINDIS 1; WDTSPGM 1;
 *           FWDTWINSZ 3; FDMTEN 0 (deadman timer off); DMTCNT 0; DMTINTV 7
 *  DEVCFG0  DEBUG 3 (off); JTAGEN 1; ICESEL 2 (PGEC2/PGED2); TRCEN 1;
 *           BOOTISA 1 (MIPS32); FECCCON 3 (ECC off, unlocked); FSLEEP 1;
 *           DBGPER 7; SMCLR 1; SOSCGAIN 2; SOSCBOOST 1; POSCGAIN 2;
 *           POSCBOOST 1; EJTAGBEN 1
 */
#include <stdint.h>

#define F(v, pos, width) ((uint32_t)(v) << (pos) | ~(((1u << (width)) - 1) << (pos)))

#define DEVCFG3_VAL (F(0xFFFF, 0, 16) & F(0, 24, 1) & F(1, 25, 1) & F(0, 27, 1) & F(0, 28, 1) & \
                     F(0, 29, 1) & F(0, 30, 1))
#define DEVCFG2_VAL (F(2, 0, 3) & F(1, 4, 3) & F(0, 7, 1) & F(49, 8, 7) & F(1, 16, 3) & F(1, 30, 1))
#define DEVCFG1_VAL (F(1, 0, 3) & F(7, 3, 3) & F(0, 6, 1) & F(1, 7, 1) & F(0, 8, 2) & F(1, 10, 1) & \
                     F(0, 14, 2) & F(0x14, 16, 5) & F(1, 21, 1) & F(1, 22, 1) & F(0, 23, 1) &     \
                     F(3, 24, 2) & F(0, 26, 5) & F(0, 31, 1))
#define DEVCFG0_VAL (F(3, 0, 2) & F(1, 2, 1) & F(2, 3, 2) & F(1, 5, 1) & F(1, 6, 1) & F(3, 8, 2) & \
                     F(1, 10, 1) & F(7, 12, 3) & F(1, 15, 1) & F(2, 16, 2) & F(1, 18, 1) &        \
                     F(2, 19, 2) & F(1, 21, 1) & F(1, 30, 1))

/* The values written out, checked against the field list above by hand. */
_Static_assert(DEVCFG3_VAL == 0x86FFFFFFu, "DEVCFG3");
_Static_assert(DEVCFG2_VAL == 0xFFF9B11Au, "DEVCFG2");
_Static_assert(DEVCFG1_VAL == 0x03743CB9u, "DEVCFG1");
_Static_assert(DEVCFG0_VAL == 0xFFF6FFF7u, "DEVCFG0");

__attribute__((section(".devcfg"), used)) const uint32_t rt_devcfg[4] = {
    DEVCFG3_VAL, DEVCFG2_VAL, DEVCFG1_VAL, DEVCFG0_VAL,
};
__attribute__((section(".adevcfg"), used)) const uint32_t rt_adevcfg[4] = {
    DEVCFG3_VAL, DEVCFG2_VAL, DEVCFG1_VAL, DEVCFG0_VAL,
};

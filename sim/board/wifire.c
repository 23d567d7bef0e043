/* The chipKIT Wi-FIRE (Digilent), PIC32MZ2048EFG100: LEDs LD1–LD4 on RG6,
 * RD4, RB11, RG15 (lit when the pin is high); buttons BTN1 on RA5, BTN2 on
 * RA4 (read 1 while pressed: board pull-downs); 24 MHz oscillator; UART4
 * on RF8/RF2 to the USB serial bridge. */
#include "board.h"

/* Configuration words as the chipKIT boot loader leaves them (used when an
 * image has none): DEVCFG2 = SPLL from POSC 24 MHz ÷3 ×50 ÷2 = 200 MHz;
 * DEVCFG1 = FNOSC SPLL, POSC EC, WDT and DMT off (FWDTEN = FDMTEN = 0),
 * WINDIS; DEVCFG0 = JTAG off, ECC off; DEVCFG3 = no one-way locks. */
const struct board_def board_wifire = {
    .name = "wifire",
    .description = "chipKIT Wi-FIRE (PIC32MZ2048EFG100)",
    .leds = {{"LD1", "RG6", true}, {"LD2", "RD4", true}, {"LD3", "RB11", true},
             {"LD4", "RG15", true}},
    .buttons = {{"BTN1", "RA5", true}, {"BTN2", "RA4", true}},
    .posc_hz = 24000000,
    .console_uart = 4,
    .console_tx = "RF8", /* U4TX: RPF8R = 2 */
    .console_rx = "RF2", /* U4RX: U4RXR = 11 */
    .devcfg = {
        0xFFFFFFFBu, /* DEVCFG0: JTAGEN (bit 2) = 0, ECC off (FECCCON = 11) */
        0x1F74FCF9u, /* DEVCFG1: FNOSC = SPLL, POSCMOD = EC, WDTPS 1:1048576,
                      * WINDIS, FWDTEN = 0, DMTCNT = 7, FDMTEN = 0 */
        0xFFF9B11Au, /* DEVCFG2: FPLLIDIV ÷3, FPLLRNG 5-10 MHz, POSC, ×50, ÷2 */
        0xC7FFFFFFu, /* DEVCFG3: PGL1WAY = PMDL1WAY = IOL1WAY = 0 */
    },
};

/* Register map and helpers for the UART, DMA and bus-protection test
 * programs (kseg1 addresses from the generated pic32mz/chip.h).
 * Builds on tests/soc (soc_test.h, soc_rt.S: interrupt stubs, probes). */
#ifndef TESTS_SOC_IO_H
#define TESTS_SOC_IO_H
#include "../soc/soc_test.h"

#define KSEG1_TO_PA(a) ((uint32_t)(a) & 0x1FFFFFFFu)
#define PA(p)          ((uint32_t)(p) & 0x1FFFFFFFu) /* kseg0/kseg1 → physical */

/* UART n = 1..6 */
#define UMODE(n)   (UART_BASE(n) + UART_MODE)
#define USTA(n)    (UART_BASE(n) + UART_STA)
#define UTXREG(n)  (UART_BASE(n) + UART_TXREG)
#define URXREG(n)  (UART_BASE(n) + UART_RXREG)
#define UBRG(n)    (UART_BASE(n) + UART_BRG)
#define UMODE_ON     (1u << 15)
#define UMODE_LPBACK (1u << 6)
#define UMODE_BRGH   (1u << 3)
#define UMODE_PDSEL(x) ((x) << 1)
#define UMODE_STSEL  (1u << 0)
#define USTA_URXDA   (1u << 0)
#define USTA_OERR    (1u << 1)
#define USTA_RIDLE   (1u << 4)
#define USTA_URXISEL(x) ((x) << 6)
#define USTA_TRMT    (1u << 8)
#define USTA_UTXBF   (1u << 9)
#define USTA_UTXEN   (1u << 10)
#define USTA_URXEN   (1u << 12)
#define USTA_UTXISEL(x) ((x) << 14)
/* vectors: fault, RX, TX */
static const uint8_t u_vec[7][3] = {
    {0, 0, 0}, {VEC_UART1_FAULT, VEC_UART1_RX, VEC_UART1_TX},
    {VEC_UART2_FAULT, VEC_UART2_RX, VEC_UART2_TX}, {VEC_UART3_FAULT, VEC_UART3_RX, VEC_UART3_TX},
    {VEC_UART4_FAULT, VEC_UART4_RX, VEC_UART4_TX}, {VEC_UART5_FAULT, VEC_UART5_RX, VEC_UART5_TX},
    {VEC_UART6_FAULT, VEC_UART6_RX, VEC_UART6_TX}};
#define V_UFAULT(n) (u_vec[n][0])
#define V_URX(n)    (u_vec[n][1])
#define V_UTX(n)    (u_vec[n][2])

/* DMA */
#define DCHCON(n)   (DCH(n) + DCH_CON)
#define DCHECON(n)  (DCH(n) + DCH_ECON)
#define DCHINT(n)   (DCH(n) + DCH_INT)
#define DCHSSA(n)   (DCH(n) + DCH_SSA)
#define DCHDSA(n)   (DCH(n) + DCH_DSA)
#define DCHSSIZ(n)  (DCH(n) + DCH_SSIZ)
#define DCHDSIZ(n)  (DCH(n) + DCH_DSIZ)
#define DCHSPTR(n)  (DCH(n) + DCH_SPTR)
#define DCHDPTR(n)  (DCH(n) + DCH_DPTR)
#define DCHCSIZ(n)  (DCH(n) + DCH_CSIZ)
#define DCHCPTR(n)  (DCH(n) + DCH_CPTR)
#define DCHDAT(n)   (DCH(n) + DCH_DAT)
#define DMACON_ON   (1u << 15)
#define CHEN        (1u << 7)
#define CHAEN       (1u << 4)
#define CHCHN       (1u << 5)
#define CHCHNS      (1u << 8)
#define CHBUSY      (1u << 15)
#define AIRQEN      (1u << 3)
#define SIRQEN      (1u << 4)
#define PATEN       (1u << 5)
#define CABORT      (1u << 6)
#define CFORCE      (1u << 7)
#define CHSIRQ(v)   ((uint32_t)(v) << 8)
#define CHAIRQ(v)   ((uint32_t)(v) << 16)
#define CHERIF 0x01u
#define CHTAIF 0x02u
#define CHCCIF 0x04u
#define CHBCIF 0x08u
#define CHDHIF 0x10u
#define CHDDIF 0x20u
#define CHSHIF 0x40u
#define CHSDIF 0x80u
#define V_DMA(n)    (VEC_DMA0 + (n))

/* System-bus protection */
#define SBTELOG1(t) (SBT(t) + SBT_ELOG1)
#define SBTELOG2(t) (SBT(t) + SBT_ELOG2)
#define SBTECON(t)  (SBT(t) + SBT_ECON)
#define SBTECLRS(t) (SBT(t) + SBT_ECLRS)
#define SBTECLRM(t) (SBT(t) + SBT_ECLRM)
#define SBTREG(t, y) (SBT(t) + SBT_REG(y))
#define SBTRD(t, y)  (SBT(t) + SBT_RD(y))
#define SBTWR(t, y)  (SBT(t) + SBT_WR(y))
#define V_SBP       VEC_SB_PROTECTION

/* Wait for a condition with a bound (simulated loop iterations). */
#define WAIT_UNTIL(cond, n) ({ unsigned _i = 0; while (!(cond) && _i < (n)) _i++; (cond); })

/* UART n's pins through peripheral pin select (DS60001320 sec. 12.4,
 * Tables 12-2 and 12-3), as a program routes them (IOLOCK is 0 after
 * reset): RPxnR of its TX pin = its UxTX code, UxRXR = its RX pin. UART4
 * on the Wi-FIRE's USB serial pins (RPF8, RF2), the others on free pins. */
static const struct {
    uint32_t rpr, rxr;
    uint8_t tx_code, rx_sel;
} uart_pins[7] = {
    {0, 0, 0, 0},
    {0xBF801654u, 0xBF801468u, 1, 2},  /* U1TX RPF5, U1RX RPF4 */
    {0xBF801578u, 0xBF801470u, 2, 3},  /* U2TX RPB14, U2RX RPB15 */
    {0xBF8015E8u, 0xBF801478u, 1, 3},  /* U3TX RPD10, U3RX RPD11 */
    {0xBF801660u, 0xBF801480u, 2, 11}, /* U4TX RPF8, U4RX RPF2 */
    {0xBF80169Cu, 0xBF801488u, 3, 1},  /* U5TX RPG7, U5RX RPG8 */
    {0xBF80160Cu, 0xBF801490u, 4, 5},  /* U6TX RPE3, U6RX RPB6 */
};

/* UART n at baud register brg, mode bits extra, TX/RX enabled; its pins
 * routed. */
static inline void uart_setup(unsigned n, uint32_t brg, uint32_t mode, uint32_t sta)
{
    REG(uart_pins[n].rpr) = uart_pins[n].tx_code;
    REG(uart_pins[n].rxr) = uart_pins[n].rx_sel;
    REG(UMODE(n)) = 0;
    REG(UBRG(n)) = brg;
    REG(USTA(n)) = sta;
    REG(UMODE(n)) = mode | UMODE_ON;
}
static inline void uart_puts(unsigned n, const char *s)
{
    for (; *s; s++) {
        while (REG(USTA(n)) & USTA_UTXBF)
            ;
        REG(UTXREG(n)) = (uint8_t)*s;
    }
    while (!(REG(USTA(n)) & USTA_TRMT))
        ;
}
#endif

/* Register map and helpers for the UART, DMA and bus-protection test
 * programs (addresses from the XC32 p32mz2048efg100 definitions, kseg1).
 * Builds on tests/soc (soc_test.h, soc_rt.S: interrupt stubs, probes). */
#ifndef TESTS_SOC_IO_H
#define TESTS_SOC_IO_H
#include "../soc/soc_test.h"

#define KSEG1_TO_PA(a) ((uint32_t)(a) & 0x1FFFFFFFu)
#define PA(p)          ((uint32_t)(p) & 0x1FFFFFFFu) /* kseg0/kseg1 → physical */

/* UART n = 1..6 */
#define UMODE(n)   (0xBF822000u + 0x200u * ((n) - 1))
#define USTA(n)    (UMODE(n) + 0x10u)
#define UTXREG(n)  (UMODE(n) + 0x20u)
#define URXREG(n)  (UMODE(n) + 0x30u)
#define UBRG(n)    (UMODE(n) + 0x40u)
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
static const uint8_t u_vec[7][3] = {{0, 0, 0}, {112, 113, 114}, {145, 146, 147},
                                    {157, 158, 159}, {170, 171, 172}, {179, 180, 181},
                                    {188, 189, 190}};
#define V_UFAULT(n) (u_vec[n][0])
#define V_URX(n)    (u_vec[n][1])
#define V_UTX(n)    (u_vec[n][2])

/* DMA */
#define DMACON      0xBF811000u
#define DMASTAT     0xBF811010u
#define DMAADDR     0xBF811020u
#define DCRCCON     0xBF811030u
#define DCRCDATA    0xBF811040u
#define DCRCXOR     0xBF811050u
#define DCH(n)      (0xBF811060u + 0xC0u * (n))
#define DCHCON(n)   (DCH(n) + 0x00u)
#define DCHECON(n)  (DCH(n) + 0x10u)
#define DCHINT(n)   (DCH(n) + 0x20u)
#define DCHSSA(n)   (DCH(n) + 0x30u)
#define DCHDSA(n)   (DCH(n) + 0x40u)
#define DCHSSIZ(n)  (DCH(n) + 0x50u)
#define DCHDSIZ(n)  (DCH(n) + 0x60u)
#define DCHSPTR(n)  (DCH(n) + 0x70u)
#define DCHDPTR(n)  (DCH(n) + 0x80u)
#define DCHCSIZ(n)  (DCH(n) + 0x90u)
#define DCHCPTR(n)  (DCH(n) + 0xA0u)
#define DCHDAT(n)   (DCH(n) + 0xB0u)
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
#define V_DMA(n)    (134u + (n))

/* System-bus protection */
#define SBFLAG      0xBF8F0510u
#define SBT(t)      (0xBF8F8000u + 0x400u * (t))
#define SBTELOG1(t) (SBT(t) + 0x20u)
#define SBTELOG2(t) (SBT(t) + 0x24u)
#define SBTECON(t)  (SBT(t) + 0x28u)
#define SBTECLRS(t) (SBT(t) + 0x30u)
#define SBTECLRM(t) (SBT(t) + 0x38u)
#define SBTREG(t, y) (SBT(t) + 0x40u + 0x20u * (y))
#define SBTRD(t, y)  (SBT(t) + 0x50u + 0x20u * (y))
#define SBTWR(t, y)  (SBT(t) + 0x58u + 0x20u * (y))
#define V_SBP       106u

/* Wait for a condition with a bound (simulated loop iterations). */
#define WAIT_UNTIL(cond, n) ({ unsigned _i = 0; while (!(cond) && _i < (n)) _i++; (cond); })

/* UART n at baud register brg, mode bits extra, TX/RX enabled. */
static inline void uart_setup(unsigned n, uint32_t brg, uint32_t mode, uint32_t sta)
{
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

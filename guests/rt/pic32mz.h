/*
 * PIC32MZ EF (PIC32MZ2048EFG100) special function registers used by the
 * guest runtime, at their real kseg1 addresses, and the chipKIT Wi-FIRE
 * board facts. Sources: the XC32 device header p32mz2048efg100.h (as
 * vendored by RIOT), DS60001320, ../shared/reference/pic32mz-*.md.
 *
 * Most SFRs have CLR/SET/INV aliases at +4/+8/+0xC: a write there clears,
 * sets or inverts the bits written as 1, atomically (use them to change a
 * bit that an interrupt handler may change too).
 */
#ifndef GUESTS_RT_PIC32MZ_H
#define GUESTS_RT_PIC32MZ_H

#include <stdint.h>

#define SFR(a)       (*(volatile uint32_t *)(uintptr_t)(a))
#define SFR_CLR(a)   SFR((a) + 0x4)
#define SFR_SET(a)   SFR((a) + 0x8)
#define SFR_INV(a)   SFR((a) + 0xC)

/* ---- Configuration block (0xBF800000) ---------------------------------- */
#define CFGCON        0xBF800000u
#define CFGCON_IOLOCK (1u << 13) /* PPS registers locked */
#define CFGCON_PMDLOCK (1u << 12)
#define CFGCON_PGLOCK (1u << 11)
#define DEVID         0xBF800020u
#define DEVID_ID      0x0FFFFFFFu
#define DEVID_VER_SHIFT 28
#define DEVID_PIC32MZ2048EFG100 0x0720E053u
#define SYSKEY        0xBF800030u
#define SYSKEY_KEY1   0xAA996655u
#define SYSKEY_KEY2   0x556699AAu
#define SYSKEY_LOCK   0x33333333u /* any other value relocks */

/* ---- Oscillator (0xBF801200) ------------------------------------------ */
#define OSCCON        0xBF801200u
#define OSCCON_COSC_SHIFT 12
#define OSCCON_COSC   (7u << 12)
#define COSC_FRC      0
#define COSC_SPLL     1
#define COSC_POSC     2
#define SPLLCON       0xBF801220u
#define SPLLCON_PLLRANGE (7u << 0)
#define SPLLCON_PLLICLK  (1u << 7)  /* 0: POSC, 1: FRC */
#define SPLLCON_PLLIDIV_SHIFT 8     /* divide by PLLIDIV + 1 */
#define SPLLCON_PLLIDIV  (7u << 8)
#define SPLLCON_PLLMULT_SHIFT 16    /* multiply by PLLMULT + 1 */
#define SPLLCON_PLLMULT  (0x7Fu << 16)
#define SPLLCON_PLLODIV_SHIFT 24    /* 0,1: /2, 2: /4, 3: /8, 4: /16, 5-7: /32 */
#define SPLLCON_PLLODIV  (7u << 24)
#define RCON          0xBF801240u
#define PBDIV(x)      (0xBF801300u + 0x10u * ((x) - 1)) /* PB1DIV..PB8DIV */
#define PBDIV_ON      (1u << 15)
#define PBDIV_RDY     (1u << 11)
#define PBDIV_DIV     0x7Fu       /* PBCLKx = SYSCLK / (PBDIV + 1) */

/* ---- Peripheral pin select (0xBF801400) -------------------------------- */
#define U4RXR         0xBF801480u
#define U4RXR_RPF2    11u          /* U4RX input from RF2 */
#define RPF8R         0xBF801660u
#define RPxR_U4TX     2u           /* RF8 output function U4TX */

/* ---- Prefetch cache (0xBF8E0000) ---------------------------------------- */
#define PRECON        0xBF8E0000u
#define PRECON_PFMWS_SHIFT 0       /* flash wait states */
#define PRECON_PFMWS  (7u << 0)
#define PRECON_PREFEN_SHIFT 4      /* 0 off, 1 cacheable, 2 non-cacheable, 3 all */
#define PRECON_PREFEN (3u << 4)

/* ---- Interrupt controller (0xBF810000) --------------------------------- */
#define INTCON        0xBF810000u
#define INTCON_MVEC   (1u << 12)
#define INTCON_TPC    (7u << 8)
#define PRISS         0xBF810010u
#define INTSTAT       0xBF810020u
#define IPTMR         0xBF810030u
#define IFS(n)        (0xBF810040u + 0x10u * (n))
#define IEC(n)        (0xBF8100C0u + 0x10u * (n))
#define IPC(n)        (0xBF810140u + 0x10u * (n))
#define OFF(v)        (0xBF810540u + 4u * (v))
#define INTC_NVEC     214u
#define INTC_NWORDS   7u

/* Vector numbers (XC32 _*_VECTOR). */
#define VEC_CORE_TIMER 0
#define VEC_CORE_SW0   1
#define VEC_CORE_SW1   2
#define VEC_TIMER1     4
#define VEC_TIMER2     9
#define VEC_TIMER3     14
#define VEC_TIMER4     19
#define VEC_TIMER5     24
#define VEC_TIMER6     28
#define VEC_TIMER7     32
#define VEC_TIMER8     36
#define VEC_TIMER9     40
#define VEC_UART1_FAULT 112
#define VEC_UART4_FAULT 170
#define VEC_UART4_RX   171
#define VEC_UART4_TX   172

/* ---- UART n = 1..6 (0xBF822000 + 0x200 (n-1)) --------------------------- */
#define UART_BASE(n)  (0xBF822000u + 0x200u * ((n) - 1))
#define UMODE(n)      (UART_BASE(n) + 0x00)
#define USTA(n)       (UART_BASE(n) + 0x10)
#define UTXREG(n)     (UART_BASE(n) + 0x20)
#define URXREG(n)     (UART_BASE(n) + 0x30)
#define UBRG(n)       (UART_BASE(n) + 0x40)
#define UMODE_BRGH    (1u << 3)
#define UMODE_ON      (1u << 15)
#define USTA_URXDA    (1u << 0)
#define USTA_OERR     (1u << 1)
#define USTA_FERR     (1u << 2)
#define USTA_PERR     (1u << 3)
#define USTA_URXISEL  (3u << 6)
#define USTA_TRMT     (1u << 8)
#define USTA_UTXBF    (1u << 9)
#define USTA_UTXEN    (1u << 10)
#define USTA_URXEN    (1u << 12)
#define USTA_UTXISEL  (3u << 14)
/* Interrupt vectors of UART n: fault, then RX = fault + 1, TX = fault + 2
 * (rt_uart_vector()). */

/* ---- Timers n = 1..9 (0xBF840000 + 0x200 (n-1)) ------------------------- */
#define TMR_BASE(n)   (0xBF840000u + 0x200u * ((n) - 1))
#define TCON(n)       (TMR_BASE(n) + 0x00)
#define TMR(n)        (TMR_BASE(n) + 0x10)
#define TPR(n)        (TMR_BASE(n) + 0x20)
#define TCON_ON       (1u << 15)
#define TCON_T32      (1u << 3)   /* timers 2, 4, 6, 8: pair with the next */
#define TCON_TCS      (1u << 1)
#define T1CON_TCKPS_SHIFT 4       /* timer 1: /1, /8, /64, /256 */
#define TxCON_TCKPS_SHIFT 4       /* timers 2-9: /1,/2,/4,/8,/16,/32,/64,/256 */

/* ---- Ports A..K (0xBF860000 + 0x100 i, no port I) ----------------------- */
enum port { PORT_A, PORT_B, PORT_C, PORT_D, PORT_E, PORT_F, PORT_G, PORT_H, PORT_J = 8, PORT_K };
#define PORT_BASE(p)  (0xBF860000u + 0x100u * (p))
#define ANSEL(p)      (PORT_BASE(p) + 0x00)
#define TRIS(p)       (PORT_BASE(p) + 0x10)
#define PORT(p)       (PORT_BASE(p) + 0x20)
#define LAT(p)        (PORT_BASE(p) + 0x30)
#define ODC(p)        (PORT_BASE(p) + 0x40)

/* ---- Boot flash: configuration words ------------------------------------ */
#define DEVCFG3_ADDR  0xBFC0FFC0u
#define DEVCFG2_ADDR  0xBFC0FFC4u
#define DEVCFG1_ADDR  0xBFC0FFC8u
#define DEVCFG0_ADDR  0xBFC0FFCCu

/* ---- chipKIT Wi-FIRE ---------------------------------------------------- */
#define WIFIRE_POSC_HZ   24000000u  /* external 24 MHz clock (POSCMOD = EC) */
#define WIFIRE_CONSOLE_UART 4       /* USB serial: U4TX on RF8, U4RX on RF2 */

#endif

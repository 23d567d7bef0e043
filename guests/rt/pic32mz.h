/*
 * PIC32MZ EF (PIC32MZ2048EFG100) special function registers used by the
 * guest runtime, at their real kseg1 addresses, and the chipKIT Wi-FIRE
 * board facts. Addresses, register offsets and vector numbers come from
 * the generated pic32mz/chip.h (vpconf's chip data); the bit fields here
 * are DS60001320's (and the XC32 device header p32mz2048efg100.h).
 *
 * Most SFRs have CLR/SET/INV aliases at +4/+8/+0xC: a write there clears,
 * sets or inverts the bits written as 1, atomically (use them to change a
 * bit that an interrupt handler may change too).
 */
#ifndef GUESTS_RT_PIC32MZ_H
#define GUESTS_RT_PIC32MZ_H

#include <stdint.h>

#include "pic32mz/chip.h"

#define SFR(a)       (*(volatile uint32_t *)(uintptr_t)(a))
#define SFR_CLR(a)   SFR((a) + 0x4)
#define SFR_SET(a)   SFR((a) + 0x8)
#define SFR_INV(a)   SFR((a) + 0xC)

/* Register addresses of the devices there is one of (CFGCON, DEVID,
 * SYSKEY, OSCCON, SPLLCON, RCON, PBDIV(x), U4RXR, RPF8R, PRECON, INTCON,
 * PRISS, INTSTAT, IPTMR, IFS(n), IEC(n), IPC(n), OFF(v)) are chip.h's. */

/* ---- Configuration block ------------------------------------------------ */
#define CFGCON_IOLOCK (1u << 13) /* PPS registers locked */
#define CFGCON_PMDLOCK (1u << 12)
#define CFGCON_PGLOCK (1u << 11)
#define DEVID_ID      0x0FFFFFFFu
#define DEVID_VER_SHIFT 28
#define DEVID_PIC32MZ2048EFG100 0x0720E053u
#define SYSKEY_KEY1   0xAA996655u
#define SYSKEY_KEY2   0x556699AAu
#define SYSKEY_LOCK   0x33333333u /* any other value relocks */

/* ---- Oscillator ----------------------------------------------------------- */
#define OSCCON_COSC_SHIFT 12
#define OSCCON_COSC   (7u << 12)
#define COSC_FRC      0
#define COSC_SPLL     1
#define COSC_POSC     2
#define SPLLCON_PLLRANGE (7u << 0)
#define SPLLCON_PLLICLK  (1u << 7)  /* 0: POSC, 1: FRC */
#define SPLLCON_PLLIDIV_SHIFT 8     /* divide by PLLIDIV + 1 */
#define SPLLCON_PLLIDIV  (7u << 8)
#define SPLLCON_PLLMULT_SHIFT 16    /* multiply by PLLMULT + 1 */
#define SPLLCON_PLLMULT  (0x7Fu << 16)
#define SPLLCON_PLLODIV_SHIFT 24    /* 0,1: /2, 2: /4, 3: /8, 4: /16, 5-7: /32 */
#define SPLLCON_PLLODIV  (7u << 24)
#define PBDIV_ON      (1u << 15)
#define PBDIV_RDY     (1u << 11)
#define PBDIV_DIV     0x7Fu       /* PBCLKx = SYSCLK / (PBDIV + 1) */

/* ---- Peripheral pin select ----------------------------------------------- */
#define U4RXR_RPF2    11u          /* U4RX input from RF2 */
#define RPxR_U4TX     2u           /* RF8 output function U4TX */

/* ---- Prefetch cache ------------------------------------------------------ */
#define PRECON_PFMWS_SHIFT 0       /* flash wait states */
#define PRECON_PFMWS  (7u << 0)
#define PRECON_PREFEN_SHIFT 4      /* 0 off, 1 cacheable, 2 non-cacheable, 3 all */
#define PRECON_PREFEN (3u << 4)

/* ---- Interrupt controller -------------------------------------------------- */
#define INTCON_MVEC   (1u << 12)
#define INTCON_TPC    (7u << 8)
#define INTC_NVEC     INTC_NR_VECTORS
#define INTC_NWORDS   INTC_NR_WORDS

/* Vector numbers: VEC_CORE_TIMER, VEC_TIMER1, VEC_UART4_RX, ... (chip.h) */

/* ---- UART n = 1..6 (UART_BASE(n)) ------------------------------------------ */
#define UMODE(n)      (UART_BASE(n) + UART_MODE)
#define USTA(n)       (UART_BASE(n) + UART_STA)
#define UTXREG(n)     (UART_BASE(n) + UART_TXREG)
#define URXREG(n)     (UART_BASE(n) + UART_RXREG)
#define UBRG(n)       (UART_BASE(n) + UART_BRG)
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

/* ---- Timers n = 1..9 (TIMER_BASE(n)) --------------------------------------- */
#define TCON(n)       (TIMER_BASE(n) + TIMER_CON)
#define TMR(n)        (TIMER_BASE(n) + TIMER_TMR)
#define TPR(n)        (TIMER_BASE(n) + TIMER_PR)
#define TCON_ON       (1u << 15)
#define TCON_T32      (1u << 3)   /* timers 2, 4, 6, 8: pair with the next */
#define TCON_TCS      (1u << 1)
#define T1CON_TCKPS_SHIFT 4       /* timer 1: /1, /8, /64, /256 */
#define TxCON_TCKPS_SHIFT 4       /* timers 2-9: /1,/2,/4,/8,/16,/32,/64,/256 */

/* ---- Ports A..K (PORT_BASE(i), i = 0 for A; no port I) ------------------- */
enum port { PORT_A, PORT_B, PORT_C, PORT_D, PORT_E, PORT_F, PORT_G, PORT_H, PORT_J = 8, PORT_K };
#define ANSEL(p)      (PORT_BASE(p) + PORT_ANSEL)
#define TRIS(p)       (PORT_BASE(p) + PORT_TRIS)
#define PORT(p)       (PORT_BASE(p) + PORT_PORT)
#define LAT(p)        (PORT_BASE(p) + PORT_LAT)
#define ODC(p)        (PORT_BASE(p) + PORT_ODC)

/* ---- Boot flash: configuration words ------------------------------------ */
#define DEVCFG3_ADDR  (DEVCFG_BASE + 0x0)
#define DEVCFG2_ADDR  (DEVCFG_BASE + 0x4)
#define DEVCFG1_ADDR  (DEVCFG_BASE + 0x8)
#define DEVCFG0_ADDR  (DEVCFG_BASE + 0xC)

/* ---- chipKIT Wi-FIRE ---------------------------------------------------- */
#define WIFIRE_POSC_HZ   24000000u  /* external 24 MHz clock (POSCMOD = EC) */
#define WIFIRE_CONSOLE_UART 4       /* USB serial: U4TX on RF8, U4RX on RF2 */

#endif

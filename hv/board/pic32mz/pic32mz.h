/*
 * PIC32MZ EF registers the hypervisor itself uses (kseg1 addresses,
 * DS60001320 / the XC32 device header, as settled in
 * ../shared/reference/pic32mz-details.md). Only this folder includes it.
 */
#ifndef HV_BOARD_PIC32MZ_H
#define HV_BOARD_PIC32MZ_H

#include <stdint.h>

#define SFR(a) (*(volatile uint32_t *)(a))
#define SFR_CLR 0x4u /* atomic aliases */
#define SFR_SET 0x8u
#define SFR_INV 0xcu

/* Configuration and locks */
#define CFGCON   0xbf800000u
#define CFGCON_IOLOCK  (1u << 13)
#define CFGCON_PMDLOCK (1u << 12)
#define SYSKEY   0xbf800030u
#define SYSKEY_1 0xaa996655u
#define SYSKEY_2 0x556699aau

/* Oscillator */
#define OSCCON   0xbf801200u
#define OSCCON_OSWEN     (1u << 0)
#define OSCCON_NOSC_SHIFT 8
#define OSCCON_COSC_SHIFT 12
#define OSC_SPLL 1u
#define PBDIV(x) (0xbf801300u + 0x10u * ((x) - 1u)) /* PB1DIV .. PB7DIV */
#define PBDIV_ON (1u << 15)

/* Prefetch and flash wait states */
#define PRECON   0xbf8e0000u
#define PRECON_PFMWS_SHIFT  0
#define PRECON_PREFEN_SHIFT 4

/* Interrupt controller (EVIC) */
#define INTC_BASE   0xbf810000u
#define INTCON      0xbf810000u
#define INTCON_MVEC (1u << 12)
#define PRISS       0xbf810010u
#define INTSTAT     0xbf810020u
#define INTSTAT_SIRQ 0xffu
#define IFS(n)      (0xbf810040u + 0x10u * (n))
#define IEC(n)      (0xbf8100c0u + 0x10u * (n))
#define IPC(n)      (0xbf810140u + 0x10u * (n))
#define OFF(v)      (0xbf810540u + 4u * (v))
#define INTC_NR_WORDS 7 /* IFS0..6, IEC0..6 */

/* UART (the console is CONFIG_CONSOLE_UART_BASE) */
#define UMODE   0x00u
#define USTA    0x10u
#define UTXREG  0x20u
#define URXREG  0x30u
#define UBRG    0x40u
#define UMODE_ON    (1u << 15)
#define UMODE_BRGH  (1u << 3)
#define USTA_URXDA  (1u << 0)
#define USTA_OERR   (1u << 1)
#define USTA_RIDLE  (1u << 4)
#define USTA_TRMT   (1u << 8)
#define USTA_UTXBF  (1u << 9)
#define USTA_UTXEN  (1u << 10)
#define USTA_URXEN  (1u << 12)
#define USTA_UTXISEL_EMPTY (2u << 14)

#define CONSOLE_BAUD 115200u

#endif

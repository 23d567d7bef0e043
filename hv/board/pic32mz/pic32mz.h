/*
 * PIC32MZ EF registers the hypervisor itself uses, by the names its code
 * uses: kseg1 addresses and offsets taken from the generated register
 * header pic32mz/chip.h (conf/chiphdr.c, from vpconf's chip data), bit
 * fields from DS60001320. Only this folder includes it.
 */
#ifndef HV_BOARD_PIC32MZ_H
#define HV_BOARD_PIC32MZ_H

#include <stdint.h>

#include "pic32mz/chip.h"

#define SFR(a) (*(volatile uint32_t *)(a))
#define SFR_CLR 0x4u /* atomic aliases */
#define SFR_SET 0x8u
#define SFR_INV 0xcu

/* Register addresses of the devices there is one of (CFGCON, SYSKEY,
 * OSCCON, PBDIV(x), PRECON, INTCON, PRISS, INTSTAT, IFS(n), IEC(n),
 * IPC(n), OFF(v), INTC_NR_WORDS) are chip.h's; bit fields here. */

/* Configuration and locks */
#define CFGCON_IOLOCK  (1u << 13)
#define CFGCON_PMDLOCK (1u << 12)
#define SYSKEY_1 0xaa996655u
#define SYSKEY_2 0x556699aau

/* Oscillator */
#define OSCCON_OSWEN     (1u << 0)
#define OSCCON_NOSC_SHIFT 8
#define OSCCON_COSC_SHIFT 12
#define OSC_SPLL 1u
#define PBDIV_ON (1u << 15)

/* Prefetch and flash wait states */
#define PRECON_PFMWS_SHIFT  0
#define PRECON_PREFEN_SHIFT 4

/* Interrupt controller (EVIC) */
#define INTCON_MVEC (1u << 12)
#define INTSTAT_SIRQ 0xffu

/* UART (the console is CONFIG_CONSOLE_UART_BASE) */
#define UMODE   UART_MODE
#define USTA    UART_STA
#define UTXREG  UART_TXREG
#define URXREG  UART_RXREG
#define UBRG    UART_BRG
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

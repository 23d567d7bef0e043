/*
 * System control of the PIC32MZ EF: configuration block (CFGCON, DEVID,
 * SYSKEY, PMD1–7, CFGEBIA/C, CFGPG), oscillator and reset (OSCCON, OSCTUN,
 * SPLLCON, RCON, RSWRST, RNMICON, PWRCON, REFO1–4, PB1–8DIV, SLEWCON,
 * CLKSTAT), watchdog (WDTCON), deadman timer (DMT*), prefetch (PRECON,
 * PRESTAT), and the DEVCFG0–3 configuration words read from boot flash at
 * every reset.
 *
 * The SYSKEY unlock (0xAA996655 then 0x556699AA, the next SYSKEY write
 * relocks) guards OSCCON, SPLLCON, PBxDIV, RSWRST and the CFGCON lock bits.
 * A software reset (unlock, RSWRST.SWRST = 1, read RSWRST), a WDT timeout
 * and a DMT event reset the whole chip (soc_request_reset) and set
 * RCON.SWR / WDTO / DMTO.
 */
#ifndef SIM_SOC_PIC32MZ_SYSCTL_H
#define SIM_SOC_PIC32MZ_SYSCTL_H

#include <stdbool.h>
#include <stdint.h>

/* DEVID of the simulated PIC32MZ2048EFG100 (VER field 0; a real Wi-FIRE
 * read 0x1720E053: docs/simulator.md). */
#define PIC32MZ_DEVID 0x0720E053u

/* DEVCFG1 fields */
#define DEVCFG1_FNOSC      0x00000007u
#define DEVCFG1_WDTPS_SHIFT 16
#define DEVCFG1_WDTPS      0x001F0000u
#define DEVCFG1_WINDIS     (1u << 22)
#define DEVCFG1_FWDTEN     (1u << 23)
#define DEVCFG1_FWDTWINSZ_SHIFT 24
#define DEVCFG1_DMTCNT_SHIFT 26
#define DEVCFG1_FDMTEN     (1u << 31)
/* DEVCFG3 one-way locks */
#define DEVCFG3_PGL1WAY    (1u << 27)
#define DEVCFG3_PMDL1WAY   (1u << 28)
#define DEVCFG3_IOL1WAY    (1u << 29)

struct soc;
struct sysctl;

bool sysctl_init(struct soc *s);
/* The configuration words in effect since the last reset (n = 0..3). */
uint32_t sysctl_devcfg(const struct sysctl *sc, unsigned n);

#endif

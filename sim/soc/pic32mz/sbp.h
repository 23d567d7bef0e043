/*
 * System-bus protection (DS60001320 section 4.2, "System Bus Arbitration"
 * and Tables 4-6/4-7): per-target permission regions, error logs, SBFLAG
 * and the violation interrupt (vector 106).
 *
 * Targets 0–13 (DS60001320 Table 4-6): 0 system-bus registers, 1 flash and
 * boot flash (+ prefetch SFRs), 2 RAM 0–256 KB, 3 RAM 256–512 KB, 4 EBI,
 * 5 SFR set 1 (0x1F800000), 6 set 2 (0x1F820000), 7 set 3 (0x1F840000),
 * 8 set 4 (0x1F860000), 9 set 5 (0x1F880000), 10 USB, 11 SQI, 12 crypto,
 * 13 RNG. Target x has its registers at 0xBF8F8000 + 0x400·x; SBFLAG is
 * at 0xBF8F0510.
 *
 * Every access by an initiator is checked against the region of its
 * target that contains the address, with the initiator's permission
 * group (CFGPG: CPUPG for the CPU, DMAPG for the DMA). What a denied
 * access does is decided in one place, sbp_check(), and documented in
 * docs/simulator.md, "System-bus protection": it is not performed (a
 * write is dropped, a read returns 0), the target returns a bus error to
 * the initiator (CPU: DBE/IBE exception; DMA: channel error CHERIF), and
 * the violation is logged in the target's ELOG1/ELOG2; with ECON.ERRP set
 * it also sets SBFLAG and raises vector 106.
 *
 * CPU accesses: while every region permits the CPU's and the DMA's groups
 * (the reset state), the memory regions stay on the CPU's fast path and
 * nothing is checked. As soon as a permission denies one of those groups,
 * sbp.c puts a checking filter in front of RAM, flash, boot flash and the
 * SFR window (the bus regions' callbacks) and asks the CPU to rebuild its
 * fast map (cpu_bus_changed, see sbp.c).
 */
#ifndef SIM_SOC_PIC32MZ_SBP_H
#define SIM_SOC_PIC32MZ_SBP_H

#include <stdbool.h>
#include <stdint.h>

struct soc;

#define SBP_NTARGETS 14
#define SBP_NREGIONS 9 /* region numbers 0..8 */

/* Initiator IDs as ELOG1.INITID reports them. */
enum sbp_initiator {
    SBP_INIT_CPU = 1,
    SBP_INIT_DMA_RD = 3,
    SBP_INIT_DMA_WR = 5,
    SBP_INIT_USB = 7,
};

/* ELOG1 fields */
#define SBP_ELOG1_CMD_SHIFT    0
#define SBP_ELOG1_REGION_SHIFT 4
#define SBP_ELOG1_INITID_SHIFT 8
#define SBP_ELOG1_CODE_SHIFT   24
#define SBP_ELOG1_MULTI        (1u << 31)
#define SBP_CMD_WRITE          1
#define SBP_CMD_READ           2
#define SBP_CODE_PERMISSION    3
#define SBP_ECON_ERRP          (1u << 24)

/* CFGPG (0xBF8000E0) fields read by the check. */
#define CFGPG_CPUPG_SHIFT 0
#define CFGPG_DMAPG_SHIFT 4
#define CFGPG_USBPG_SHIFT 8

bool sbp_init(struct soc *s);
void sbp_free(struct soc *s);

/* Checks one access; true if allowed. A denial is logged (and may raise
 * the interrupt) here. */
bool sbp_check(struct soc *s, enum sbp_initiator who, uint32_t pa, bool write);

/* Bus accesses by the DMA controller: checked with the DMA's group, then
 * performed on the physical bus. Return 0 on success, SBP_EBUS for a bus
 * error (no target), SBP_EDENIED for a protection violation. */
enum { SBP_OK = 0, SBP_EBUS = 1, SBP_EDENIED = 2 };
int sbp_dma_read(struct soc *s, uint32_t pa, unsigned size, uint32_t *val);
int sbp_dma_write(struct soc *s, uint32_t pa, unsigned size, uint32_t val);
/* The same for the USB controller's DMA engine (initiator 7, CFGPG.USBPG). */
int sbp_usb_read(struct soc *s, uint32_t pa, unsigned size, uint32_t *val);
int sbp_usb_write(struct soc *s, uint32_t pa, unsigned size, uint32_t val);

/* CFGPG or CFGCON.PGLOCK changed (sysctl's CFGPG write hook calls this):
 * re-evaluates whether the CPU path needs the checking filter. */
void sbp_config_changed(struct soc *s);

#endif

/*
 * The DMA controller of the PIC32MZ EF (DS60001320 section 10, FRM
 * section 31): DMACON/DMASTAT/DMAADDR, the CRC generator (DCRCCON/
 * DCRCDATA/DCRCXOR) and channels 0–7 at 0xBF811060 + 0xC0·n
 * (CON/ECON/INT/SSA/DSA/SSIZ/DSIZ/SPTR/DPTR/CSIZ/CPTR/DAT), all with
 * CLR/SET/INV aliases.
 *
 * A channel moves one cell (CSIZ bytes) per start event: a CFORCE write,
 * or, with SIRQEN, the interrupt event CHSIRQ (any source, whatever IEC
 * says; a persistent source keeps starting cells while it is asserted).
 * AIRQEN/CHAIRQ aborts. A block ends after max(SSIZ, DSIZ) bytes or a
 * pattern match (PATEN); the channel then disables unless CHAEN, and
 * enables the channel chained to it (CHCHN/CHCHNS). Channel interrupts:
 * vectors 134–141, persistent while (flags & enables) of DCHxINT.
 *
 * Transfers use physical addresses on the system bus with the DMA's
 * permission group (sbp_dma_read/write); a bus error or a protection
 * violation sets CHERIF, DMASTAT/DMAADDR and disables the channel.
 * Timing (docs/simulator.md, "DMA"): a cell completes DMA_T_CELL +
 * DMA_T_XFER per bus transaction (up to 4 bytes, aligned) cycles after
 * its start event; its data moves at that instant.
 */
#ifndef SIM_SOC_PIC32MZ_DMA_H
#define SIM_SOC_PIC32MZ_DMA_H

#include <stdbool.h>
#include <stdint.h>

struct soc;

#define DMA_BASE      0x1F811000u
#define DMA_NCHAN     8
#define DMA_CH_BASE(n) (DMA_BASE + 0x60u + 0xC0u * (n))

/* Cycle model (L: no published figure; docs/simulator.md). */
#define DMA_T_CELL 4 /* start-event recognition and arbitration */
#define DMA_T_XFER 2 /* one read + one write of up to 4 bytes */

/* DMACON */
#define DMACON_ON      (1u << 15)
#define DMACON_SUSPEND (1u << 12)
#define DMACON_DMABUSY (1u << 11)
/* DMASTAT */
#define DMASTAT_RDWR   (1u << 31)
/* DCRCCON */
#define DCRCCON_CRCCH   7u
#define DCRCCON_CRCAPP  (1u << 6)
#define DCRCCON_CRCEN   (1u << 7)
#define DCRCCON_PLEN_SHIFT 8
#define DCRCCON_PLEN    (0x1Fu << 8)
#define DCRCCON_CRCTYP  (1u << 15)
#define DCRCCON_BITO    (1u << 24)
/* DCHxCON */
#define DCHCON_CHPRI    3u
#define DCHCON_CHEDET   (1u << 2)
#define DCHCON_CHAEN    (1u << 4)
#define DCHCON_CHCHN    (1u << 5)
#define DCHCON_CHAED    (1u << 6)
#define DCHCON_CHEN     (1u << 7)
#define DCHCON_CHCHNS   (1u << 8)
#define DCHCON_CHPATLEN (1u << 11)
#define DCHCON_CHPIGNEN (1u << 13)
#define DCHCON_CHBUSY   (1u << 15)
/* DCHxECON */
#define DCHECON_AIRQEN  (1u << 3)
#define DCHECON_SIRQEN  (1u << 4)
#define DCHECON_PATEN   (1u << 5)
#define DCHECON_CABORT  (1u << 6)
#define DCHECON_CFORCE  (1u << 7)
#define DCHECON_CHSIRQ_SHIFT 8
#define DCHECON_CHAIRQ_SHIFT 16
/* DCHxINT flags (enables at << 16) */
#define DCHINT_CHERIF (1u << 0)
#define DCHINT_CHTAIF (1u << 1)
#define DCHINT_CHCCIF (1u << 2)
#define DCHINT_CHBCIF (1u << 3)
#define DCHINT_CHDHIF (1u << 4)
#define DCHINT_CHDDIF (1u << 5)
#define DCHINT_CHSHIF (1u << 6)
#define DCHINT_CHSDIF (1u << 7)

bool dma_init(struct soc *s);
void dma_free(struct soc *s);

/* Bytes moved and bus transactions so far (statistics). */
void dma_get_stats(struct soc *s, uint64_t *bytes, uint64_t *transactions);

#endif

/*
 * Bus-protection violations (PIC32MZ EF datasheet DS60001320, sec. 4.2
 * "System Bus Arbitration", Registers 4-2..4-5: SBFLAG, SBTxELOG1,
 * SBTxELOG2, SBTxECON, SBTxECLRS, SBTxECLRM). vpconf's setup writes give
 * each guest with a DMA group a region of RAM its group may use and keep
 * the rest for group 0; a transfer outside it is blocked by the target and
 * logged there. Here the logs are turned into reports for the core: every
 * target reports (ECON.ERRP), vector 106 is the hypervisor's, and each log
 * read is cleared (reading ECLRS, then ECLRM for MULTI) so the next
 * violation is seen.
 */
#include <stdbool.h>

#include "../board.h"
#include "pic32mz.h"

#define NTARGETS SBP_SBT_COUNT
#define ECON_ERRP     (1u << 24)
#define ELOG1_CMD     7u
#define ELOG1_REGION_SHIFT 4
#define ELOG1_INITID_SHIFT 8
#define ELOG1_CODE_SHIFT 24
#define ELOG1_MULTI   (1u << 31)
#define ELOG2_GROUP   3u
/* SBTxELOG1.INITID: 3/4 DMA read, 5/6 DMA write (DS60001320 Table 4-5) */
#define INIT_DMA_FIRST 3u
#define INIT_DMA_LAST  6u

const irq_t board_sbp_vector = VEC_SB_PROTECTION;

void board_sbp_init(void)
{
    for (unsigned t = 0; t < NTARGETS; t++) {
        (void)SFR(SBT(t) + SBT_ECLRS); /* reading clears (a log from before) */
        (void)SFR(SBT(t) + SBT_ECLRM);
        SFR(SBT(t) + SBT_ECON) = ECON_ERRP;
    }
    board_irq_ack(board_sbp_vector);
    board_irq_enable(board_sbp_vector, 6);
}

bool board_sbp_next(struct board_sbp_err *e)
{
    uint32_t flags = SFR(SBFLAG);
    for (unsigned t = 0; t < NTARGETS; t++) {
        if (!((flags >> t) & 1))
            continue;
        uint32_t l1 = SFR(SBT(t) + SBT_ELOG1), l2 = SFR(SBT(t) + SBT_ELOG2);
        (void)SFR(SBT(t) + SBT_ECLRS); /* the log and its SBFLAG bit */
        if (l1 & ELOG1_MULTI)
            (void)SFR(SBT(t) + SBT_ECLRM);
        e->target = (uint8_t)t;
        e->region = (uint8_t)((l1 >> ELOG1_REGION_SHIFT) & 0xf);
        e->initiator = (uint8_t)(l1 >> ELOG1_INITID_SHIFT);
        e->write = (l1 & ELOG1_CMD) != 2 && (l1 & ELOG1_CMD) != 3; /* 2, 3: reads */
        e->group = (uint8_t)(l2 & ELOG2_GROUP);
        e->multi = (l1 & ELOG1_MULTI) != 0;
        e->code = (uint8_t)((l1 >> ELOG1_CODE_SHIFT) & 0xf);
        /* the address a target does not log; the DMA controller's
         * DMAADDR has it for its own errors (Register 10-3) */
        e->dma = e->initiator >= INIT_DMA_FIRST && e->initiator <= INIT_DMA_LAST;
        e->addr = e->dma ? SFR(DMAADDR) : 0;
        return true;
    }
    return false;
}

/* System-bus protection: reset permissions (DS60001320 Reg. 4-9/4-10:
 * groups 0-2 allowed, group 3 denied), a CPU access denied on the
 * UART/SPI/I2C target (T6) — bus error exception, write not performed,
 * ELOG1/ELOG2 log, MULTI, SBFLAG and vector 106 with ECON.ERRP, ECLRS /
 * ECLRM — a region of its own inside a target, and DMA reads and writes
 * denied in a RAM region (T3): CHERIF with the logs naming the DMA.
 * All initiators are in permission group 0 after reset (CFGPG = 0); the
 * last part moves the DMA to group 1.
 */
#include "soc_io.h"

#define ERRP (1u << 24)
#define ELOG1(cmd, region, init) (0x03000000u | (init) << 8 | (region) << 4 | (cmd))
#define EXC_DBE 7

void irq_handler(unsigned tag) { (void)tag; }

static uint8_t dst[64] __attribute__((aligned(16)));

static unsigned exccode(void) { return (exc_cause >> 2) & 0x1F; }

int main(void)
{
    /* reset state */
    CHECK_EQ(REG(SBTRD(6, 0)), 0x7);
    CHECK_EQ(REG(SBTWR(6, 0)), 0x7);
    CHECK_EQ(REG(SBTRD(3, 1)), 0x7);
    CHECK_EQ(REG(SBTREG(3, 1)), 0);
    CHECK_EQ(REG(SBTECON(6)), 0);
    CHECK_EQ(REG(SBTELOG1(6)), 0);
    CHECK_EQ(REG(SBFLAG), 0);
    REG(UMODE(1)) = 0;

    /* deny group 0 on target 6: the CPU gets a bus error */
    exc_hook = exc_skip;
    REG(SBTECON(6)) = ERRP;
    REG(SBTRD(6, 0)) = 0x6;
    REG(SBTWR(6, 0)) = 0x6;
    exc_count = 0;
    CHECK_EQ(probe_read32(UMODE(1)), 0xDEADBEEF);
    CHECK_EQ(exc_count, 1);
    CHECK_EQ(exccode(), EXC_DBE);
    CHECK_EQ(REG(SBTELOG1(6)), ELOG1(2, 0, 1)); /* read, region 0, CPU */
    CHECK_EQ(REG(SBTELOG2(6)), 0);              /* group 0 */
    CHECK_EQ(REG(SBFLAG), 1u << 6);
    CHECK(irq_flag(V_SBP));
    probe_write32(UMODE(1), UMODE_ON | 0x1234);
    CHECK_EQ(exc_count, 2);
    CHECK_EQ(exccode(), EXC_DBE);
    /* the first log stays, MULTI says another came */
    CHECK_EQ(REG(SBTELOG1(6)), ELOG1(2, 0, 1) | 0x80000000u);
    (void)REG(SBTECLRS(6));
    CHECK_EQ(REG(SBTELOG1(6)) & 0x0F000000u, 0);
    CHECK_EQ(REG(SBFLAG), 0);
    irq_ack(V_SBP);
    CHECK(!irq_flag(V_SBP));
    (void)REG(SBTECLRM(6));
    CHECK_EQ(REG(SBTELOG1(6)), 0);
    /* permission back: the denied write never happened */
    REG(SBTRD(6, 0)) = 0x7;
    REG(SBTWR(6, 0)) = 0x7;
    CHECK_EQ(probe_read32(UMODE(1)), 0);
    CHECK_EQ(exc_count, 2);

    /* a 1 KB region 1 over UART1/UART2 only (BASE | SIZE 1 = 2^0 KB),
     * read-only for group 0 */
    REG(SBTREG(6, 1)) = 0x1F822000u | (1u << 3);
    REG(SBTWR(6, 1)) = 0x6;
    CHECK_EQ(probe_read32(UMODE(2)), 0);
    CHECK_EQ(exc_count, 2);
    probe_write32(UBRG(2), 5);
    CHECK_EQ(exc_count, 3);
    CHECK_EQ(REG(SBTELOG1(6)), ELOG1(1, 1, 1)); /* write, region 1 */
    probe_write32(UBRG(3), 5); /* UART3 is outside: region 0 allows */
    CHECK_EQ(exc_count, 3);
    CHECK_EQ(REG(UBRG(3)), 5);
    CHECK_EQ(REG(UBRG(2)), 0);
    (void)REG(SBTECLRS(6));
    REG(SBTREG(6, 1)) = 0;
    REG(SBTWR(6, 1)) = 0x7;
    exc_hook = 0;

    /* DMA: a 4 KB region at 0x60000 in RAM target 3 denies group 0 */
    REG(SBTECON(3)) = ERRP;
    REG(SBTREG(3, 1)) = 0x00060000u | (3u << 3);
    REG(SBTRD(3, 1)) = 0x6;
    REG(SBTWR(3, 1)) = 0x6;
    REG(DMACON) = DMACON_ON;
    REG(DCHSSA(0)) = 0x00060000u;
    REG(DCHDSA(0)) = PA(dst);
    REG(DCHSSIZ(0)) = 16;
    REG(DCHDSIZ(0)) = 16;
    REG(DCHCSIZ(0)) = 16;
    REG(DCHINT(0)) = 0;
    REG(DCHCON(0)) = CHEN;
    SET(DCHECON(0)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHINT(0)) & CHERIF, 10000));
    CHECK_EQ(REG(DCHCON(0)) & CHEN, 0);
    CHECK_EQ(REG(DMASTAT), 0x80000000u);
    CHECK_EQ(REG(DMAADDR), 0x00060000u);
    CHECK_EQ(REG(SBTELOG1(3)), ELOG1(2, 1, 3)); /* read, region 1, DMA read */
    CHECK_EQ(REG(SBFLAG), 1u << 3);
    (void)REG(SBTECLRS(3));
    /* and a DMA write into it */
    REG(DCHSSA(0)) = PA(dst);
    REG(DCHDSA(0)) = 0x00060010u;
    REG(DCHINT(0)) = 0;
    REG(DCHCON(0)) = CHEN;
    SET(DCHECON(0)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHINT(0)) & CHERIF, 10000));
    CHECK_EQ(REG(DMASTAT), 0);
    CHECK_EQ(REG(DMAADDR), 0x00060010u);
    CHECK_EQ(REG(SBTELOG1(3)), ELOG1(1, 1, 5)); /* write, region 1, DMA write */
    (void)REG(SBTECLRS(3));
    /* outside the region the DMA goes on */
    REG(DCHSSA(0)) = PA(dst);
    REG(DCHDSA(0)) = 0x00061000u;
    REG(DCHINT(0)) = 0;
    REG(DCHCON(0)) = CHEN;
    SET(DCHECON(0)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHINT(0)) & CHBCIF, 10000));
    CHECK_EQ(REG(DCHINT(0)) & CHERIF, 0);
    /* the DMA in permission group 1 (CFGPG.DMAPG), the region denying
     * only group 1: the DMA is stopped, the CPU (group 0) is not */
    REG(SBTRD(3, 1)) = 0x5;
    REG(SBTWR(3, 1)) = 0x5;
    REG(CFGPG) = 1u << 4;
    CHECK_EQ(REG(CFGPG), 1u << 4);
    *(volatile uint32_t *)0xA0060000u = 0x12345678u;
    CHECK_EQ(*(volatile uint32_t *)0xA0060000u, 0x12345678u);
    REG(DCHSSA(0)) = 0x00060000u;
    REG(DCHDSA(0)) = PA(dst);
    REG(DCHINT(0)) = 0;
    REG(DCHCON(0)) = CHEN;
    SET(DCHECON(0)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHINT(0)) & CHERIF, 10000));
    CHECK_EQ(REG(SBTELOG1(3)), ELOG1(2, 1, 3));
    CHECK_EQ(REG(SBTELOG2(3)), 1); /* group 1 */
    (void)REG(SBTECLRS(3));
    REG(CFGPG) = 0;
    REG(SBTRD(3, 1)) = 0x7;
    REG(SBTWR(3, 1)) = 0x7;
    REG(SBTREG(3, 1)) = 0;
    irq_ack(V_SBP);
    CHECK_EQ(REG(SBFLAG), 0);
    return t_done("soc-io/sbp");
}

/* Software reset: SYSKEY unlock, RSWRST.SWRST = 1, read RSWRST. The chip
 * resets (registers back to their reset values, CPU at its reset state)
 * and RCON.SWR tells the program it happened. RAM survives; .data holds
 * the stage across resets (crt0 clears only .bss). Also: RSWRST is
 * SYSKEY-protected, and setting SWRST alone does nothing until RSWRST is
 * read. */
#include "soc_test.h"

void irq_handler(unsigned tag) { (void)tag; }

static volatile uint32_t stage = 0x11; /* .data */

/* failures of the stages before a reset (.data survives it) */
static volatile int carried RESET_KEEP = 0;

int main(void)
{
    t_failures += carried;
    if (stage == 0x11) {
        CHECK_EQ(REG(RCON) & 0x3, 0x3); /* POR | BOR */
        CHECK_EQ(REG(RCON) & (1u << 6), 0);
        REG(RCON) = 0;
        CHECK_EQ(REG(RCON), 0);
        /* leave state behind that a reset must undo */
        REG(TCON(2)) = TCON_ON;
        REG(PR(3)) = 0x1234;
        REG(INTCON) = INTCON_MVEC;
        CLR(TRIS(PG)) = 1u << 6;
        SET(LAT(PG)) = 1u << 6;
        MTC0(12, 2, 0); /* SRSCtl */
        /* locked: SWRST cannot be set */
        REG(RSWRST) = 1;
        CHECK_EQ(REG(RSWRST), 0);
        REG(SYSKEY) = 0;
        REG(SYSKEY) = 0xAA996655u;
        REG(SYSKEY) = 0x556699AAu;
        REG(RSWRST) = 1;
        carried = t_failures;
        stage = 0x22;
        (void)REG(RSWRST); /* the reset happens here */
        stage = 0x99;
        CHECK(!"software reset did not happen");
        return t_done("reset");
    }
    CHECK_EQ(stage, 0x22);
    CHECK_EQ(REG(RCON) & (1u << 6), 1u << 6); /* SWR */
    CHECK_EQ(REG(RCON) & 0x3, 0);             /* not a power-on */
    CHECK_EQ(REG(RSWRST), 0);
    CHECK_EQ(REG(TCON(2)), 0);
    CHECK_EQ(REG(PR(3)), 0xFFFF);
    CHECK_EQ(REG(INTCON), 0);
    CHECK_EQ(REG(TRIS(PG)), 0xF3C3);
    CHECK_EQ(REG(LAT(PG)), 0);
    /* the CPU came through its reset state: Count restarted */
    CHECK(c0_count() < 100000);
    stage = 0x33;
    return t_done("reset");
}

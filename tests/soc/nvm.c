/* Flash controller (NVM): the unlock sequence, word / quad-word / row
 * programming (bits only go 1 → 0), page erase, WRERR without the unlock,
 * completion flag (vector 167), and the busy time of each operation.
 * Program flash is read through kseg1 (no cache on this model). */
#include "soc_test.h"

#define WR    (1u << 15)
#define WREN  (1u << 14)
#define WRERR (1u << 13)
#define V_FLASH VEC_FLASH_CONTROL

#define PAGE    0x1D100000u /* physical; kseg1 alias below */
#define FL(pa)  (*(volatile uint32_t *)((pa) | 0xA0000000u))

static uint32_t row[512] __attribute__((aligned(16)));

void irq_handler(unsigned tag) { (void)tag; } /* no interrupts enabled here */

/* The documented sequence; returns the Count ticks WR stayed set. */
static uint32_t nvm_op(unsigned op)
{
    REG(NVMCON) = WREN | op;
    REG(NVMKEY) = 0;
    REG(NVMKEY) = 0xAA996655u;
    REG(NVMKEY) = 0x556699AAu;
    SET(NVMCON) = WR;
    uint32_t t0 = c0_count();
    unsigned guard = 0;
    while ((REG(NVMCON) & WR) && ++guard < 10000000u)
        ;
    uint32_t t = c0_count() - t0;
    CLR(NVMCON) = WREN;
    return t;
}

int main(void)
{
    CHECK_EQ(REG(NVMCON), 0);
    CHECK_EQ(FL(PAGE), 0xFFFFFFFFu); /* erased flash */

    /* word program: 20 µs = 2000 Count ticks (L) */
    irq_ack(V_FLASH);
    REG(NVMADDR) = PAGE;
    REG(NVMDATA(0)) = 0x12345678u;
    uint32_t t = nvm_op(1);
    CHECK_EQ(FL(PAGE), 0x12345678u);
    CHECK(t >= 1900 && t <= 2200);
    CHECK_EQ(REG(NVMCON) & WRERR, 0);
    CHECK(irq_flag(V_FLASH));
    irq_ack(V_FLASH);
    /* programming again only clears bits: 0x12345678 & 0xFF00FF00 */
    REG(NVMDATA(0)) = 0xFF00FF00u;
    nvm_op(1);
    CHECK_EQ(FL(PAGE), 0x12005600u);

    /* quad word */
    REG(NVMADDR) = PAGE + 0x10;
    for (unsigned i = 0; i < 4; i++)
        REG(NVMDATA(i)) = 0xA0000000u + i;
    nvm_op(2);
    for (unsigned i = 0; i < 4; i++)
        CHECK_EQ(FL(PAGE + 0x10 + 4 * i), 0xA0000000u + i);

    /* row of 2 KB from RAM (NVMSRCADDR is physical) */
    for (unsigned i = 0; i < 512; i++)
        row[i] = i * 0x01010101u;
    REG(NVMADDR) = PAGE + 0x800;
    REG(NVMSRCADDR) = (uint32_t)row & 0x1FFFFFFFu;
    t = nvm_op(3);
    CHECK_EQ(FL(PAGE + 0x800), 0);
    CHECK_EQ(FL(PAGE + 0x800 + 4 * 100), 100u * 0x01010101u);
    CHECK_EQ(FL(PAGE + 0xFFC), 511u * 0x01010101u);
    CHECK(t >= 190000 && t <= 210000); /* 2 ms */

    /* WR without the unlock: nothing happens, WRERR */
    REG(NVMCON) = WREN | 4;
    SET(NVMCON) = WR;
    CHECK_EQ(REG(NVMCON) & WR, 0);
    CHECK(REG(NVMCON) & WRERR);
    CHECK_EQ(FL(PAGE), 0x12005600u);
    REG(NVMCON) = 0; /* clears WRERR */
    CHECK_EQ(REG(NVMCON) & WRERR, 0);
    /* a wrong second key also leaves it locked */
    REG(NVMCON) = WREN | 4;
    REG(NVMKEY) = 0xAA996655u;
    REG(NVMKEY) = 0x12345678u;
    SET(NVMCON) = WR;
    CHECK_EQ(REG(NVMCON) & WR, 0);
    REG(NVMCON) = 0;

    /* page erase (16 KB) */
    REG(NVMADDR) = PAGE + 0x100; /* any address in the page */
    t = nvm_op(4);
    CHECK_EQ(FL(PAGE), 0xFFFFFFFFu);
    CHECK_EQ(FL(PAGE + 0x800), 0xFFFFFFFFu);
    CHECK_EQ(FL(PAGE + 0x3FFC), 0xFFFFFFFFu);
    CHECK(t >= 1900000 && t <= 2100000); /* 20 ms */
    return t_done("soc/nvm");
}

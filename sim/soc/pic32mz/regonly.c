/*
 * Peripherals present as registers only: SPI1-6, I2C1-5, input capture
 * 1-9 and output compare 1-9. Their registers exist at their addresses
 * with their reset values, and software writes store the bits it may
 * write (PIC32MZ EF data sheet DS60001320: SPI sec. 20, I2C sec. 24,
 * input capture sec. 16, output compare sec. 17, each section's register
 * map); nothing else of the module is simulated: no transfer, capture,
 * compare, pin or interrupt. A firmware (or the hypervisor putting a
 * partition's devices back to their reset values) reads and writes them
 * as on the chip instead of taking a bus error; the buffers (SPIxBUF,
 * I2CxTRN/RCV, ICxBUF) read 0 and ignore writes.
 */
#include <stdio.h>
#include <stdlib.h>

#include "regonly.h"
#include "soc.h"

enum { SPI_CON, SPI_STAT, SPI_BUF, SPI_BRG, SPI_CON2, SPI_NREGS };
static const struct sfr_reg spi_regs[SPI_NREGS] = {
    [SPI_CON] = {0x00, 0x00000000u, 0xFFFFFFFFu, 0},
    [SPI_STAT] = {0x10, 0x00000008u, 0x00000040u, 0}, /* SPITBE set; SPIROV writable */
    [SPI_BUF] = {0x20, 0, 0, 0},
    [SPI_BRG] = {0x30, 0, 0x00001FFFu, 0},
    [SPI_CON2] = {0x40, 0, 0x0000FFFFu, 0},
};
enum { I2C_CON, I2C_STAT, I2C_ADD, I2C_MSK, I2C_BRG, I2C_TRN, I2C_RCV, I2C_NREGS };
static const struct sfr_reg i2c_regs[I2C_NREGS] = {
    [I2C_CON] = {0x00, 0x00001000u, 0x007FFFFFu, 0}, /* SCLREL set at reset */
    [I2C_STAT] = {0x10, 0, 0x000004C0u, 0},          /* BCL, IWCOL, I2COV writable */
    [I2C_ADD] = {0x20, 0, 0x000003FFu, 0},
    [I2C_MSK] = {0x30, 0, 0x000003FFu, 0},
    [I2C_BRG] = {0x40, 0, 0x0000FFFFu, 0},
    [I2C_TRN] = {0x50, 0, 0, 0},
    [I2C_RCV] = {0x60, 0, 0, 0},
};
enum { IC_CON, IC_BUF, IC_NREGS };
static const struct sfr_reg ic_regs[IC_NREGS] = {
    [IC_CON] = {0x00, 0, 0x0000A3E7u, 0}, /* ICOV, ICBNE read-only */
    [IC_BUF] = {0x10, 0, 0, 0},
};
enum { OC_CON, OC_R, OC_RS, OC_NREGS };
static const struct sfr_reg oc_regs[OC_NREGS] = {
    [OC_CON] = {0x00, 0, 0x0000A02Fu, 0}, /* OCFLT read-only */
    [OC_R] = {0x10, 0, 0xFFFFFFFFu, 0},
    [OC_RS] = {0x20, 0, 0xFFFFFFFFu, 0},
};

#define NR_SPI 6
#define NR_I2C 5
#define NR_IC 9
#define NR_OC 9
#define NR_UNITS (NR_SPI + NR_I2C + NR_IC + NR_OC)
#define MAX_REGS I2C_NREGS

struct regonly {
    struct sfr_block blk[NR_UNITS];
    uint32_t val[NR_UNITS][MAX_REGS];
    char name[NR_UNITS][8];
};

bool regonly_init(struct soc *s)
{
    static const struct {
        const char *prefix;
        uint32_t base;
        unsigned count;
        const struct sfr_reg *regs;
        unsigned nregs;
    } kinds[] = {
        {"spi", 0x1F821000u, NR_SPI, spi_regs, SPI_NREGS},
        {"i2c", 0x1F820000u, NR_I2C, i2c_regs, I2C_NREGS},
        {"ic", 0x1F842000u, NR_IC, ic_regs, IC_NREGS},
        {"oc", 0x1F844000u, NR_OC, oc_regs, OC_NREGS},
    };
    struct regonly *r = calloc(1, sizeof *r);
    if (!r)
        return false;
    s->regonly = r;
    unsigned u = 0;
    for (unsigned k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (unsigned n = 0; n < kinds[k].count; n++, u++) {
            snprintf(r->name[u], sizeof r->name[u], "%s%u", kinds[k].prefix, n + 1);
            r->blk[u] = (struct sfr_block){
                .name = r->name[u], .base = kinds[k].base + 0x200u * n, .size = 0x200,
                .regs = kinds[k].regs, .nregs = kinds[k].nregs, .val = r->val[u],
            };
            if (!sfr_register(s->sfr, &r->blk[u]))
                return false;
        }
    return true;
}

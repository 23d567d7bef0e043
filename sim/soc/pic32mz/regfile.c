/*
 * Register files of the peripherals vpsim does not model in behaviour:
 * RTCC, CVREF, I2C1-5, SPI1-6, PMP, input capture 1-9, output compare
 * 1-9, ADC, comparators, Ethernet, EBI, SQI and RNG. Each has its
 * documented registers at their offsets with their reset values; a write
 * stores the bits the register lets software write (CLR/SET/INV aliases
 * as everywhere), nothing else happens: no pin moves, no conversion, no
 * frame, no interrupt. Addresses of the peripheral's range that are no
 * register read 0 and ignore writes (soc.c's memory map, sfr_decode).
 *
 * Sources: DS60001320 (PIC32MZ EF data sheet), Table 4-2 (SFR memory map)
 * and the register map of each peripheral's section ("Serial Peripheral
 * Interface and Inter-IC Sound", "Inter-Integrated Circuit", "Parallel
 * Master Port", "Real-Time Clock and Calendar", "12-bit High-Speed
 * Successive Approximation Register ADC", "Comparator", "Comparator Voltage
 * Reference", "Input Capture", "Output Compare", "Ethernet Controller",
 * "External Bus Interface", "Serial Quad Interface", "Random Number
 * Generator"); offsets as in Microchip's XC32 device header for the part.
 * Registers whose reset value the data sheet prints as undefined ("x")
 * reset to 0 here. docs/simulator.md lists what each one does.
 */
#include "regfile.h"

#include <stdlib.h>

#include "soc.h"

/* {offset, reset, writable bits, flags}: aliased unless SFR_NOALIAS */
#define A(o, r, w) {o, r, w, 0}
#define N(o, r, w) {o, r, w, SFR_NOALIAS}

/* RTCC: RTCCON, RTCALRM, RTCTIME, RTCDATE, ALRMTIME, ALRMDATE.
 * RTCCON's RTCCLKON (6), RTCSYNC (2), HALFSEC (3) are status. */
static const struct sfr_reg rtcc_regs[] = {
    A(0x00, 0, 0x03FFFFB1u), A(0x10, 0, 0x0000CFFFu), A(0x20, 0, 0xFFFFFF00u),
    A(0x30, 0, 0xFFFFFF0Fu), A(0x40, 0, 0xFFFFFF00u), A(0x50, 0, 0x00FFFF0Fu),
};
/* CVREF: CVRCON */
static const struct sfr_reg cvr_regs[] = {A(0x00, 0, 0x0000E07Fu)};
/* I2C: CON (SCLREL set), STAT (BCL, IWCOL, I2COV clearable;
 * the rest is status), ADD, MSK, BRG, TRN (reset 0xFF), RCV (read-only). */
static const struct sfr_reg i2c_regs[] = {
    A(0x00, 0x00001000u, 0x007FFFFFu), A(0x10, 0, 0x000004C0u), A(0x20, 0, 0x3FF),
    A(0x30, 0, 0x3FF), A(0x40, 0, 0xFFFF), A(0x50, 0xFF, 0xFF), A(0x60, 0, 0),
};
/* SPI: CON, STAT (SPITBE, SPIRBE set: empty buffers; SPIROV,
 * FRMERR clearable), BUF (the FIFOs: not modelled, reads 0), BRG, CON2. */
static const struct sfr_reg spi_regs[] = {
    A(0x00, 0, 0xFFFFFFFFu), A(0x10, 0x00000028u, 0x00001040u), N(0x20, 0, 0),
    A(0x30, 0, 0x1FFF), A(0x40, 0, 0x9F83u),
};
/* PMP: CON, MODE (BUSY read-only), ADDR, DOUT, DIN, AEN, STAT
 * (output buffers empty at reset; IBOV, OBUF clearable), WADDR, RADDR,
 * RDIN. */
static const struct sfr_reg pmp_regs[] = {
    A(0x00, 0, 0x00FFFFFBu), A(0x10, 0, 0x7FFF), A(0x20, 0, 0xFFFF), A(0x30, 0, 0xFFFFFFFFu),
    A(0x40, 0, 0xFFFFFFFFu), A(0x50, 0, 0xFFFF), A(0x60, 0x0000008Fu, 0x4040),
    A(0x70, 0, 0xFFFF), A(0x80, 0, 0xFFFF), A(0x90, 0, 0),
};
/* Input capture: CON (ICOV, ICBNE status), BUF (read-only). */
static const struct sfr_reg ic_regs[] = {A(0x00, 0, 0x0000E3E7u), N(0x10, 0, 0)};
/* Output compare: CON (OCFLT status), R, RS. */
static const struct sfr_reg oc_regs[] = {
    A(0x00, 0, 0x0000E02Fu), A(0x10, 0, 0xFFFFFFFFu), A(0x20, 0, 0xFFFFFFFFu),
};
/* ADC: ADCCON1 (SELRES = 12 bits at reset), ADCCON2 (the
 * ready/fault flags 31:29 are status), ADCCON3, ADCTRGMODE, ADCIMCON1-3,
 * ADCGIRQEN1-2, ADCCSS1-2, ADCDSTAT1-2 (status); ADCDATA0-44 from 0x600
 * (results: read-only, 0 with no conversion). */
#define ADCDATA(n) A(0x600 + 0x10 * (n), 0, 0)
static const struct sfr_reg adc_regs[] = {
    A(0x000, 0x00600000u, 0xFFFFFFFFu), A(0x010, 0, 0x1FFFFFFFu), A(0x020, 0, 0xFFFFFFFFu),
    A(0x030, 0, 0xFFFFFFFFu), A(0x040, 0, 0xFFFFFFFFu), A(0x050, 0, 0xFFFFFFFFu),
    A(0x060, 0, 0xFFFFFFFFu), A(0x080, 0, 0xFFFFFFFFu), A(0x090, 0, 0xFFFFFFFFu),
    A(0x0A0, 0, 0xFFFFFFFFu), A(0x0B0, 0, 0xFFFFFFFFu), A(0x0C0, 0, 0), A(0x0D0, 0, 0),
    ADCDATA(0), ADCDATA(1), ADCDATA(2), ADCDATA(3), ADCDATA(4), ADCDATA(5), ADCDATA(6),
    ADCDATA(7), ADCDATA(8), ADCDATA(9), ADCDATA(10), ADCDATA(11), ADCDATA(12), ADCDATA(13),
    ADCDATA(14), ADCDATA(15), ADCDATA(16), ADCDATA(17), ADCDATA(18), ADCDATA(19), ADCDATA(20),
    ADCDATA(21), ADCDATA(22), ADCDATA(23), ADCDATA(24), ADCDATA(25), ADCDATA(26), ADCDATA(27),
    ADCDATA(28), ADCDATA(29), ADCDATA(30), ADCDATA(31), ADCDATA(32), ADCDATA(33), ADCDATA(34),
    ADCDATA(35), ADCDATA(36), ADCDATA(37), ADCDATA(38), ADCDATA(39), ADCDATA(40), ADCDATA(41),
    ADCDATA(42), ADCDATA(43), ADCDATA(44),
};
/* Comparators: CM1CON, CM2CON (EVPOL 11, CCH 11 at reset; COUT
 * status), CMSTAT (C1OUT, C2OUT status). */
static const struct sfr_reg cmp_regs[] = {
    A(0x00, 0x000000C3u, 0x0000E0D3u), A(0x10, 0x000000C3u, 0x0000E0D3u), A(0x60, 0, 0x6000),
};
/* Ethernet: controller registers 0x000-0x160, EMAC from 0x200
 * with the MAC's documented reset values (CFG1 0x800D, CFG2 0x4082, IPGT
 * 0x12, IPGR 0x0C12, CLRT 0x370F, MAXF 0x5EE, SUPP 0x1000, MCFG 0x20,
 * MADR 0x100); ETHSTAT, the statistics counters, MRDD, MIND are status. */
static const struct sfr_reg eth_regs[] = {
    A(0x000, 0, 0xFFFFB391u), A(0x010, 0, 0x7F0), A(0x020, 0, 0xFFFFFFFCu),
    A(0x030, 0, 0xFFFFFFFCu), A(0x040, 0, 0xFFFFFFFFu), A(0x050, 0, 0xFFFFFFFFu),
    A(0x060, 0, 0xFFFFFFFFu), A(0x070, 0, 0xFFFFFFFFu), A(0x080, 0, 0xFFFF),
    A(0x090, 0, 0xFFFF), A(0x0A0, 0, 0xDFFF), A(0x0B0, 0, 0x00FF00FFu),
    A(0x0C0, 0, 0x63EF), A(0x0D0, 0, 0x63EF), A(0x0E0, 0, 0),
    A(0x100, 0, 0xFFFF), A(0x110, 0, 0xFFFF), A(0x120, 0, 0xFFFF), A(0x130, 0, 0xFFFF),
    A(0x140, 0, 0xFFFF), A(0x150, 0, 0xFFFF), A(0x160, 0, 0xFFFF),
    A(0x200, 0x800Du, 0xCF1F), A(0x210, 0x4082u, 0x73FF), A(0x220, 0x12, 0x7F),
    A(0x230, 0x0C12u, 0x7F7F), A(0x240, 0x370Fu, 0x3F0F), A(0x250, 0x05EEu, 0xFFFF),
    A(0x260, 0x1000u, 0x0B00), A(0x270, 0, 0x7), A(0x280, 0x20, 0x803C),
    A(0x290, 0, 0x3), A(0x2A0, 0x0100u, 0x1F1F), A(0x2B0, 0, 0xFFFF), A(0x2C0, 0, 0),
    A(0x2D0, 0, 0), A(0x300, 0, 0xFFFF), A(0x310, 0, 0xFFFF), A(0x320, 0, 0xFFFF),
};
/* EBI: EBICS0-3, EBIMSK0-3, EBISMT0-2, EBIFTRPD, EBISMCON
 * (32-bit registers 4 bytes apart, no aliases). */
static const struct sfr_reg ebi_regs[] = {
    N(0x14, 0, 0xFFFFFFFFu), N(0x18, 0, 0xFFFFFFFFu), N(0x1C, 0, 0xFFFFFFFFu),
    N(0x20, 0, 0xFFFFFFFFu), N(0x54, 0, 0xFFFF), N(0x58, 0, 0xFFFF), N(0x5C, 0, 0xFFFF),
    N(0x60, 0, 0xFFFF), N(0x94, 0, 0xFFFFFFFFu), N(0x98, 0, 0xFFFFFFFFu),
    N(0x9C, 0, 0xFFFFFFFFu), N(0xA0, 0, 0xFFFFFFFFu), N(0xA4, 0, 0xFFFFFFFFu),
};
/* SQI: XCON1 ... XCON4, 4 bytes apart, no aliases; the status
 * and data registers (INTSTAT, RXDATA, STAT1-2, BD status) read 0. */
static const struct sfr_reg sqi_regs[] = {
    N(0x00, 0, 0xFFFFFFFFu), N(0x04, 0, 0xFFFFFFFFu), N(0x08, 0, 0xFFFFFFFFu),
    N(0x0C, 0, 0xFFFFFFFFu), N(0x10, 0, 0xFFFFFFFFu), N(0x14, 0, 0xFFFFFFFFu),
    N(0x18, 0, 0xFFFFFFFFu), N(0x1C, 0, 0xFFFFFFFFu), N(0x20, 0, 0),
    N(0x24, 0, 0xFFFFFFFFu), N(0x28, 0, 0), N(0x2C, 0, 0), N(0x30, 0, 0),
    N(0x34, 0, 0xFFFFFFFFu), N(0x38, 0, 0), N(0x40, 0, 0xFFFFFFFFu), N(0x44, 0, 0),
    N(0x48, 0, 0xFFFFFFFFu), N(0x4C, 0, 0), N(0x50, 0, 0), N(0x54, 0, 0xFFFFFFFFu),
    N(0x58, 0, 0xFFFFFFFFu), N(0x5C, 0, 0xFFFFFFFFu), N(0x60, 0, 0),
    N(0x64, 0, 0xFFFFFFFFu), N(0x68, 0, 0xFFFFFFFFu),
};
/* RNG: RNGVER (read-only), RNGCON (PLEN 0x64 at reset), POLY1-2,
 * NUMGEN1-2 (no generator: they keep what software wrote), SEED1-2, RNGCNT. */
static const struct sfr_reg rng_regs[] = {
    N(0x00, 0, 0), N(0x04, 0x00000064u, 0x00001FFFu), N(0x08, 0, 0xFFFFFFFFu),
    N(0x0C, 0, 0xFFFFFFFFu), N(0x10, 0, 0xFFFFFFFFu), N(0x14, 0, 0xFFFFFFFFu),
    N(0x18, 0, 0xFFFFFFFFu), N(0x1C, 0, 0xFFFFFFFFu), N(0x20, 0, 0),
};
#undef A
#undef N
#undef ADCDATA

struct rf_kind {
    const struct sfr_reg *regs;
    unsigned nregs;
    uint32_t size; /* block bytes */
};
#define KIND(r, sz) {r, sizeof r / sizeof r[0], sz}
static const struct rf_kind k_rtcc = KIND(rtcc_regs, 0x100), k_cvr = KIND(cvr_regs, 0x100),
                            k_i2c = KIND(i2c_regs, 0x200), k_spi = KIND(spi_regs, 0x200),
                            k_pmp = KIND(pmp_regs, 0x200), k_ic = KIND(ic_regs, 0x200),
                            k_oc = KIND(oc_regs, 0x200), k_adc = KIND(adc_regs, 0x1000),
                            k_cmp = KIND(cmp_regs, 0x200), k_eth = KIND(eth_regs, 0x1000),
                            k_ebi = KIND(ebi_regs, 0x1000), k_sqi = KIND(sqi_regs, 0x1000),
                            k_rng = KIND(rng_regs, 0x1000);
#undef KIND

static const struct {
    const char *name;
    uint32_t base;
    const struct rf_kind *kind;
} rf_devs[] = {
    {"rtcc", 0x1F800C00u, &k_rtcc}, {"cvr", 0x1F800E00u, &k_cvr},
    {"i2c1", 0x1F820000u, &k_i2c}, {"i2c2", 0x1F820200u, &k_i2c}, {"i2c3", 0x1F820400u, &k_i2c},
    {"i2c4", 0x1F820600u, &k_i2c}, {"i2c5", 0x1F820800u, &k_i2c},
    {"spi1", 0x1F821000u, &k_spi}, {"spi2", 0x1F821200u, &k_spi}, {"spi3", 0x1F821400u, &k_spi},
    {"spi4", 0x1F821600u, &k_spi}, {"spi5", 0x1F821800u, &k_spi}, {"spi6", 0x1F821A00u, &k_spi},
    {"pmp", 0x1F82E000u, &k_pmp},
    {"ic1", 0x1F842000u, &k_ic}, {"ic2", 0x1F842200u, &k_ic}, {"ic3", 0x1F842400u, &k_ic},
    {"ic4", 0x1F842600u, &k_ic}, {"ic5", 0x1F842800u, &k_ic}, {"ic6", 0x1F842A00u, &k_ic},
    {"ic7", 0x1F842C00u, &k_ic}, {"ic8", 0x1F842E00u, &k_ic}, {"ic9", 0x1F843000u, &k_ic},
    {"oc1", 0x1F844000u, &k_oc}, {"oc2", 0x1F844200u, &k_oc}, {"oc3", 0x1F844400u, &k_oc},
    {"oc4", 0x1F844600u, &k_oc}, {"oc5", 0x1F844800u, &k_oc}, {"oc6", 0x1F844A00u, &k_oc},
    {"oc7", 0x1F844C00u, &k_oc}, {"oc8", 0x1F844E00u, &k_oc}, {"oc9", 0x1F845000u, &k_oc},
    {"adc", 0x1F84B000u, &k_adc}, {"cmp", 0x1F84C000u, &k_cmp},
    {"ethernet", 0x1F882000u, &k_eth},
    {"ebi", 0x1F8E1000u, &k_ebi}, {"sqi", 0x1F8E2000u, &k_sqi}, {"rng", 0x1F8E6000u, &k_rng},
};
#define RF_NDEVS (sizeof rf_devs / sizeof rf_devs[0])

struct regfile {
    struct sfr_block blk[RF_NDEVS];
    uint32_t *val[RF_NDEVS];
};

bool regfile_init(struct soc *s)
{
    struct regfile *rf = calloc(1, sizeof *rf);
    if (!rf)
        return false;
    s->regfile = rf;
    for (unsigned i = 0; i < RF_NDEVS; i++) {
        const struct rf_kind *k = rf_devs[i].kind;
        rf->val[i] = calloc(k->nregs, sizeof(uint32_t));
        if (!rf->val[i])
            return false;
        rf->blk[i] = (struct sfr_block){
            .name = rf_devs[i].name, .base = rf_devs[i].base, .size = k->size,
            .regs = k->regs, .nregs = k->nregs, .val = rf->val[i],
        };
        if (!sfr_register(s->sfr, &rf->blk[i]))
            return false;
    }
    return true;
}

void regfile_free(struct regfile *rf)
{
    if (!rf)
        return;
    for (unsigned i = 0; i < RF_NDEVS; i++)
        free(rf->val[i]);
    free(rf);
}

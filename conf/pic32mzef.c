/*
 * PIC32MZ EF device library (PIC32MZ2048EFG100, the Wi-FIRE's chip): every
 * peripheral by name with its SFR ranges (physical), interrupt vectors,
 * system-bus protection target, PMD bit, DMA-initiator permission-group
 * field and default access mode. One place for the whole chip.
 *
 * Sources: PIC32MZ EF data sheet DS60001320: Section 4 (memory map and
 * system-bus protection targets), Table 7-2 (interrupt vectors), Section 9
 * (DMA), the register maps of each peripheral chapter; base addresses
 * and PMD bits as in Microchip's XC32 device header for this part. The
 * EFG100 has no CAN and no crypto engine, and ports A..G only.
 *
 * Range sizes are the register block spans; ranges that do not fill a
 * 4 KB page are reached by the guest through the hypervisor's access
 * emulator (sub-page protection), never mapped page-wide.
 */
#include <stdlib.h>
#include <string.h>

#include "chip.h"

#define EX TVP_ACCESS_EXCLUSIVE
#define EM TVP_ACCESS_EMULATED
#define WI TVP_ACCESS_WRITE_IGNORE

/* name, what, base, size, vectors..., sb target, PMD reg, PMD bit */
#define DEV1(n, w, b, s, t, pr, pb, acc, ...)                                      \
    { .name = n, .what = w, .ranges = { { b, s } }, .vecs = { __VA_ARGS__ },       \
      .sb_target = t, .pmd_reg = pr, .pmd_bit = pb, .dma_pg_shift = -1,           \
      .default_access = acc }

#define UART(n, v) DEV1("uart" #n, "UART " #n, 0x1F822000 + 0x200 * (n - 1), 0x200, 6, 5, n - 1, EX, { v, 3 })
#define SPI(n, v) DEV1("spi" #n, "SPI " #n, 0x1F821000 + 0x200 * (n - 1), 0x200, 6, 5, 8 + n - 1, EX, { v, 3 })
#define I2C(n, v) DEV1("i2c" #n, "I2C " #n, 0x1F820000 + 0x200 * (n - 1), 0x200, 6, 5, 16 + n - 1, EX, { v, 3 })
#define TMR(n, v) DEV1("timer" #n, "timer " #n, 0x1F840000 + 0x200 * (n - 1), 0x200, 7, 4, n - 1, EX, { v, 1 })
#define IC(n, v) DEV1("ic" #n, "input capture " #n, 0x1F842000 + 0x200 * (n - 1), 0x200, 7, 3, n - 1, EX, { v, 2 })
#define OC(n, v) DEV1("oc" #n, "output compare " #n, 0x1F844000 + 0x200 * (n - 1), 0x200, 7, 3, 16 + n - 1, EX, { v, 1 })
#define PORT(l, i) DEV1("port" #l, "I/O port " #l, 0x1F860000 + 0x100 * i, 0x100, 8, 0, 0, EX, { 118 + i, 1 })
#define EXTINT(n, v) DEV1("int" #n, "external interrupt " #n " (pin, no SFRs)", 0, 0, -1, 0, 0, EX, { v, 1 })

static const struct chip_device devices[] = {
    /* ---- peripheral set 1 (target 5): system blocks ---- */
    DEV1("cfg", "CFGCON, DEVID, SYSKEY", 0x1F800000, 0x40, 5, 0, 0, WI),
    DEV1("pmd", "peripheral module disable PMD1..7", 0x1F800040, 0x80, 5, 0, 0, WI),
    { .name = "cfgpg", .what = "bus permission groups", .ranges = { { 0x1F8000E0, 0x10 } },
      .sb_target = 5, .dma_pg_shift = -1, .flags = CHIP_HV_ONLY },
    { .name = "nvm", .what = "flash controller (NVM)", .ranges = { { 0x1F800600, 0x100 } },
      .vecs = { { 167, 1 } }, .sb_target = 5, .dma_pg_shift = 22, .flags = CHIP_HV_ONLY },
    DEV1("wdt", "watchdog timer", 0x1F800800, 0x10, 5, 0, 0, WI),
    DEV1("dmt", "deadman timer", 0x1F800A00, 0x100, 5, 0, 0, WI),
    DEV1("rtcc", "real-time clock", 0x1F800C00, 0x100, 5, 6, 0, EX, { 166, 1 }),
    DEV1("cvr", "comparator voltage reference", 0x1F800E00, 0x10, 5, 1, 12, EX),
    DEV1("osc", "oscillator, reset, PBxDIV, REFOx", 0x1F801200, 0x200, 5, 0, 0, WI),
    DEV1("pps", "peripheral pin select", 0x1F801400, 0x400, 5, 0, 0, WI),
    { .name = "intc", .what = "interrupt controller", .ranges = { { 0x1F810000, 0x1000 } },
      .sb_target = 5, .dma_pg_shift = -1, .default_access = EM, .emulator = TVP_EMU_EVIC,
      .flags = CHIP_IMPLICIT },
    { .name = "dma", .what = "DMA controller, channels 0..7", .ranges = { { 0x1F811000, 0x1000 } },
      .vecs = { { 134, 8 } }, .sb_target = 5, .pmd_reg = 7, .pmd_bit = 4, .dma_pg_shift = 4,
      .default_access = EM, .emulator = TVP_EMU_DMA },
    /* ---- peripheral set 2 (target 6): serial ---- */
    I2C(1, 115), I2C(2, 148), I2C(3, 160), I2C(4, 173), I2C(5, 182),
    SPI(1, 109), SPI(2, 142), SPI(3, 154), SPI(4, 163), SPI(5, 176), SPI(6, 185),
    UART(1, 112), UART(2, 145), UART(3, 157), UART(4, 170), UART(5, 179), UART(6, 188),
    DEV1("pmp", "parallel master port", 0x1F82E000, 0x100, 6, 6, 16, EX, { 128, 2 }),
    /* ---- peripheral set 3 (target 7): timers, capture, compare, ADC ---- */
    TMR(1, 4), TMR(2, 9), TMR(3, 14), TMR(4, 19), TMR(5, 24),
    TMR(6, 28), TMR(7, 32), TMR(8, 36), TMR(9, 40),
    IC(1, 5), IC(2, 10), IC(3, 15), IC(4, 20), IC(5, 25), IC(6, 29), IC(7, 33), IC(8, 37), IC(9, 41),
    OC(1, 7), OC(2, 12), OC(3, 17), OC(4, 22), OC(5, 27), OC(6, 31), OC(7, 35), OC(8, 39), OC(9, 43),
    DEV1("adc", "12-bit ADC", 0x1F84B000, 0x1000, 7, 1, 0, EX,
         { 44, 50 }, { 102, 2 }, { 192, 3 }, { 196, 1 }, { 198, 5 }, { 205, 6 }, { 213, 1 }),
    DEV1("cmp1", "comparator 1", 0x1F84C000, 0x10, 7, 2, 0, EX, { 130, 1 }),
    DEV1("cmp2", "comparator 2", 0x1F84C010, 0x10, 7, 2, 1, EX, { 131, 1 }),
    /* ---- peripheral set 4 (target 8): ports ---- */
    PORT(a, 0), PORT(b, 1), PORT(c, 2), PORT(d, 3), PORT(e, 4), PORT(f, 5), PORT(g, 6),
    DEV1("ports", "all I/O ports A..G", 0x1F860000, 0x700, 8, 0, 0, EX, { 118, 7 }),
    /* ---- peripheral set 5 (target 9) and the high blocks ---- */
    { .name = "ethernet", .what = "Ethernet MAC", .ranges = { { 0x1F882000, 0x1000 } },
      .vecs = { { 153, 1 } }, .sb_target = 9, .pmd_reg = 6, .pmd_bit = 28, .dma_pg_shift = 16,
      .default_access = EX },
    { .name = "usb", .what = "USB controller", .ranges = { { 0x1F8E3000, 0x1000 }, { 0x1F884000, 0x10 } },
      .vecs = { { 132, 2 } }, .sb_target = 10, .pmd_reg = 5, .pmd_bit = 24, .dma_pg_shift = 8,
      .default_access = EM, .emulator = TVP_EMU_USB },
    DEV1("prefetch", "prefetch cache control", 0x1F8E0000, 0x100, 1, 0, 0, WI, { 168, 1 }),
    { .name = "ebi", .what = "external bus interface", .ranges = { { 0x1F8E1000, 0x100 }, { 0x1F8000C0, 0x20 } },
      .sb_target = 4, .pmd_reg = 6, .pmd_bit = 17, .dma_pg_shift = -1, .default_access = EX },
    { .name = "sqi", .what = "serial quad interface", .ranges = { { 0x1F8E2000, 0x100 } },
      .vecs = { { 169, 1 } }, .sb_target = 11, .pmd_reg = 6, .pmd_bit = 23, .dma_pg_shift = 20,
      .default_access = EX },
    DEV1("rng", "random number generator", 0x1F8E6000, 0x100, 13, 7, 20, EX),
    { .name = "sbp", .what = "system bus and its protection", .ranges = { { 0x1F8F0000, 0x10000 } },
      .vecs = { { 106, 1 } }, .sb_target = 0, .dma_pg_shift = -1, .flags = CHIP_HV_ONLY },
    /* ---- pins without SFRs of their own ---- */
    EXTINT(0, 3), EXTINT(1, 8), EXTINT(2, 13), EXTINT(3, 18), EXTINT(4, 23),
};

static const struct chip_sb_target sb_targets[] = {
    [0] = { 0x1F8F0000, 0x10000, 1 },   /* system bus registers */
    [1] = { 0x1D000000, 0x200000, 8 },  /* flash + prefetch */
    [2] = { 0x00000000, 0x40000, 2 },   /* RAM 0..256K */
    [3] = { 0x00040000, 0x40000, 2 },   /* RAM 256K..512K */
    [4] = { 0x20000000, 0x4000000, 2 }, /* EBI */
    [5] = { 0x1F800000, 0x20000, 2 },   /* peripheral set 1 */
    [6] = { 0x1F820000, 0x20000, 1 },   /* set 2: I2C, SPI, UART, PMP */
    [7] = { 0x1F840000, 0x20000, 1 },   /* set 3: timers, IC, OC, ADC, CMP */
    [8] = { 0x1F860000, 0x20000, 1 },   /* set 4: ports */
    [9] = { 0x1F880000, 0x20000, 1 },   /* set 5: CAN, Ethernet */
    [10] = { 0x1F8E3000, 0x1000, 0 },   /* USB */
    [11] = { 0x30000000, 0x4000000, 1 },/* SQI */
    [12] = { 0x1F8E5000, 0x1000, 0 },   /* crypto (absent on EFG) */
    [13] = { 0x1F8E6000, 0x1000, 0 },   /* RNG */
};

static const char *const vector_names[TVP_NR_VECTORS] = {
    [0] = "core_timer",
    [1] = "core_sw0",
    [2] = "core_sw1",
    [3] = "int0",
    [4] = "timer1",
    [5] = "ic1_error",
    [6] = "ic1",
    [7] = "oc1",
    [8] = "int1",
    [9] = "timer2",
    [10] = "ic2_error",
    [11] = "ic2",
    [12] = "oc2",
    [13] = "int2",
    [14] = "timer3",
    [15] = "ic3_error",
    [16] = "ic3",
    [17] = "oc3",
    [18] = "int3",
    [19] = "timer4",
    [20] = "ic4_error",
    [21] = "ic4",
    [22] = "oc4",
    [23] = "int4",
    [24] = "timer5",
    [25] = "ic5_error",
    [26] = "ic5",
    [27] = "oc5",
    [28] = "timer6",
    [29] = "ic6_error",
    [30] = "ic6",
    [31] = "oc6",
    [32] = "timer7",
    [33] = "ic7_error",
    [34] = "ic7",
    [35] = "oc7",
    [36] = "timer8",
    [37] = "ic8_error",
    [38] = "ic8",
    [39] = "oc8",
    [40] = "timer9",
    [41] = "ic9_error",
    [42] = "ic9",
    [43] = "oc9",
    [44] = "adc",
    [45] = "adc_fifo",
    [46] = "adc_dc1",
    [47] = "adc_dc2",
    [48] = "adc_dc3",
    [49] = "adc_dc4",
    [50] = "adc_dc5",
    [51] = "adc_dc6",
    [52] = "adc_df1",
    [53] = "adc_df2",
    [54] = "adc_df3",
    [55] = "adc_df4",
    [56] = "adc_df5",
    [57] = "adc_df6",
    [58] = "adc_fault",
    [59] = "adc_data0",
    [60] = "adc_data1",
    [61] = "adc_data2",
    [62] = "adc_data3",
    [63] = "adc_data4",
    [64] = "adc_data5",
    [65] = "adc_data6",
    [66] = "adc_data7",
    [67] = "adc_data8",
    [68] = "adc_data9",
    [69] = "adc_data10",
    [70] = "adc_data11",
    [71] = "adc_data12",
    [72] = "adc_data13",
    [73] = "adc_data14",
    [74] = "adc_data15",
    [75] = "adc_data16",
    [76] = "adc_data17",
    [77] = "adc_data18",
    [78] = "adc_data19",
    [79] = "adc_data20",
    [80] = "adc_data21",
    [81] = "adc_data22",
    [82] = "adc_data23",
    [83] = "adc_data24",
    [84] = "adc_data25",
    [85] = "adc_data26",
    [86] = "adc_data27",
    [87] = "adc_data28",
    [88] = "adc_data29",
    [89] = "adc_data30",
    [90] = "adc_data31",
    [91] = "adc_data32",
    [92] = "adc_data33",
    [93] = "adc_data34",
    [102] = "adc_data43",
    [103] = "adc_data44",
    [104] = "core_perf",
    [105] = "core_fdc",
    [106] = "sb_protection",
    [109] = "spi1_fault",
    [110] = "spi1_rx",
    [111] = "spi1_tx",
    [112] = "uart1_fault",
    [113] = "uart1_rx",
    [114] = "uart1_tx",
    [115] = "i2c1_bus",
    [116] = "i2c1_slave",
    [117] = "i2c1_master",
    [118] = "cn_a",
    [119] = "cn_b",
    [120] = "cn_c",
    [121] = "cn_d",
    [122] = "cn_e",
    [123] = "cn_f",
    [124] = "cn_g",
    [128] = "pmp",
    [129] = "pmp_error",
    [130] = "cmp1",
    [131] = "cmp2",
    [132] = "usb",
    [133] = "usb_dma",
    [134] = "dma0",
    [135] = "dma1",
    [136] = "dma2",
    [137] = "dma3",
    [138] = "dma4",
    [139] = "dma5",
    [140] = "dma6",
    [141] = "dma7",
    [142] = "spi2_fault",
    [143] = "spi2_rx",
    [144] = "spi2_tx",
    [145] = "uart2_fault",
    [146] = "uart2_rx",
    [147] = "uart2_tx",
    [148] = "i2c2_bus",
    [149] = "i2c2_slave",
    [150] = "i2c2_master",
    [153] = "ethernet",
    [154] = "spi3_fault",
    [155] = "spi3_rx",
    [156] = "spi3_tx",
    [157] = "uart3_fault",
    [158] = "uart3_rx",
    [159] = "uart3_tx",
    [160] = "i2c3_bus",
    [161] = "i2c3_slave",
    [162] = "i2c3_master",
    [163] = "spi4_fault",
    [164] = "spi4_rx",
    [165] = "spi4_tx",
    [166] = "rtcc",
    [167] = "flash_control",
    [168] = "prefetch",
    [169] = "sqi1",
    [170] = "uart4_fault",
    [171] = "uart4_rx",
    [172] = "uart4_tx",
    [173] = "i2c4_bus",
    [174] = "i2c4_slave",
    [175] = "i2c4_master",
    [176] = "spi5_fault",
    [177] = "spi5_rx",
    [178] = "spi5_tx",
    [179] = "uart5_fault",
    [180] = "uart5_rx",
    [181] = "uart5_tx",
    [182] = "i2c5_bus",
    [183] = "i2c5_slave",
    [184] = "i2c5_master",
    [185] = "spi6_fault",
    [186] = "spi6_rx",
    [187] = "spi6_tx",
    [188] = "uart6_fault",
    [189] = "uart6_rx",
    [190] = "uart6_tx",
    [192] = "adc_eos",
    [193] = "adc_ardy",
    [194] = "adc_urdy",
    [196] = "adc_early",
    [198] = "adc0_early",
    [199] = "adc1_early",
    [200] = "adc2_early",
    [201] = "adc3_early",
    [202] = "adc4_early",
    [205] = "adc7_early",
    [206] = "adc0_warm",
    [207] = "adc1_warm",
    [208] = "adc2_warm",
    [209] = "adc3_warm",
    [210] = "adc4_warm",
    [213] = "adc7_warm",
};

/* Register layouts: offsets in each kind's block (DS60001320, the
 * register maps of each peripheral's section; XC32 p32mz2048efg100.h).
 * Only what target code uses; every offset falls inside the kind's SFR
 * range (chiphdr checks). */
#define R(k, n, o) { .kind = k, .name = n, .off = o, .count = 1 }
#define RA(k, n, o, c, s, f) { .kind = k, .name = n, .off = o, .count = c, .stride = s, .first = f }
/* The registers a restart puts back to their reset values, per kind of
 * device, module off first (DS60001320 register maps, "All Resets"
 * column: Timer1 and Timer2-9 sec. 13-14, UART sec. 22, SPI sec. 20,
 * I2C sec. 24 (I2CxCON resets with SCLREL set), input capture sec. 16,
 * output compare sec. 17, I/O ports sec. 12, DMA sec. 10; the sections
 * "Comparator", "Comparator Voltage Reference", "Parallel Master Port",
 * "Random Number Generator" and "Ethernet Controller": its controller off,
 * which stops its DMA, and its interrupts). A DMA channel
 * is aborted (DCHxECON.CABORT with CHAIRQ/CHSIRQ at their reset 0xFF)
 * before its other registers. Status bits the hardware owns are read-only
 * and untouched by these writes; the rest reset with the module off. */
#define RS(k, o, v) { .kind = k, .off = o, .count = 1, .value = v }
#define RSA(k, o, c, s, v) { .kind = k, .off = o, .count = c, .stride = s, .value = v }
static const struct chip_reset resets[] = {
    RS("timer", 0x00, 0), RS("timer", 0x10, 0), RS("timer", 0x20, 0xFFFF),
    RS("uart", 0x00, 0), RS("uart", 0x10, 0), RS("uart", 0x40, 0),
    RS("spi", 0x00, 0), RS("spi", 0x10, 0), RS("spi", 0x30, 0), RS("spi", 0x40, 0),
    RS("i2c", 0x00, 0x1000), RS("i2c", 0x10, 0), RS("i2c", 0x20, 0), RS("i2c", 0x30, 0), RS("i2c", 0x40, 0),
    RS("ic", 0x00, 0),
    RS("oc", 0x00, 0), RS("oc", 0x10, 0), RS("oc", 0x20, 0),
    RS("port", 0x70, 0), RS("port", 0x80, 0), RS("port", 0xA0, 0), RS("port", 0xB0, 0),
    RS("port", 0x30, 0), RS("port", 0x40, 0), RS("port", 0x50, 0), RS("port", 0x60, 0),
    RS("port", 0x10, CHIP_RESET_PINS), RS("port", 0x00, CHIP_RESET_ANALOG),
    RSA("dma", 0x70, 8, 0xC0, 0x00FFFF40), RSA("dma", 0x60, 8, 0xC0, 0), RSA("dma", 0x80, 8, 0xC0, 0),
    RSA("dma", 0x90, 8, 0xC0, 0), RSA("dma", 0xA0, 8, 0xC0, 0), RSA("dma", 0xB0, 8, 0xC0, 0),
    RSA("dma", 0xC0, 8, 0xC0, 0), RSA("dma", 0xF0, 8, 0xC0, 0), RSA("dma", 0x110, 8, 0xC0, 0),
    RSA("dma", 0x70, 8, 0xC0, 0x00FFFF00),
    RS("dma", 0x30, 0), RS("dma", 0x40, 0), RS("dma", 0x50, 0), RS("dma", 0x00, 0),
    RS("cmp", 0x00, 0x00C3),                  /* CMxCON: CCH 11, EVPOL 11 */
    RS("cvr", 0x00, 0),                       /* CVRCON */
    /* PMCON, PMMODE, PMADDR, PMDOUT, PMAEN, PMWADDR, PMRADDR */
    RS("pmp", 0x00, 0), RSA("pmp", 0x10, 3, 0x10, 0), RS("pmp", 0x50, 0), RSA("pmp", 0x70, 2, 0x10, 0),
    RS("rng", 0x04, 0x0064),                  /* RNGCON: PLEN 0x64 */
    /* ETHCON1 (ON off), ETHCON2, ETHTXST, ETHRXST, ETHRXFC, ETHIEN, ETHIRQ */
    RS("ethernet", 0x000, 0), RSA("ethernet", 0x010, 3, 0x10, 0), RS("ethernet", 0x0A0, 0),
    RSA("ethernet", 0x0C0, 2, 0x10, 0),
};
#undef RS
#undef RSA

static const struct chip_reg regs[] = {
    /* configuration ("Special Features") and PMD ("Power-Saving Features") */
    R("cfg", "CFGCON", 0x00), R("cfg", "DEVID", 0x20), R("cfg", "SYSKEY", 0x30),
    RA("pmd", "PMD", 0x00, 7, 0x10, 1),
    R("cfgpg", "CFGPG", 0x00),
    /* flash controller (sec. 5), watchdog and deadman timers */
    R("nvm", "NVMCON", 0x00), R("nvm", "NVMKEY", 0x10), R("nvm", "NVMADDR", 0x20),
    RA("nvm", "NVMDATA", 0x30, 4, 0x10, 0), R("nvm", "NVMSRCADDR", 0x70),
    R("wdt", "WDTCON", 0x00),
    R("dmt", "DMTCON", 0x00), R("dmt", "DMTPRECLR", 0x10), R("dmt", "DMTCLR", 0x20),
    R("dmt", "DMTSTAT", 0x30), R("dmt", "DMTCNT", 0x40), R("dmt", "DMTPSCNT", 0x60),
    R("dmt", "DMTPSINTV", 0x70),
    /* oscillator and resets ("Oscillator Configuration", "Resets") */
    R("osc", "OSCCON", 0x00), R("osc", "SPLLCON", 0x20), R("osc", "RCON", 0x40),
    R("osc", "RSWRST", 0x50), RA("osc", "REFOCON", 0x80, 4, 0x20, 1),
    RA("osc", "PBDIV", 0x100, 8, 0x10, 1),
    /* peripheral pin select ("I/O Ports"): the pins the Wi-FIRE's console
     * and the tests use */
    R("pps", "INT1R", 0x04), R("pps", "U4RXR", 0x80), R("pps", "RPF8R", 0x260),
    /* prefetch cache ("Prefetch Module") */
    R("prefetch", "PRECON", 0x00),
    /* interrupt controller (sec. 7, Table 7-2) */
    R("intc", "INTCON", 0x000), R("intc", "PRISS", 0x010), R("intc", "INTSTAT", 0x020),
    R("intc", "IPTMR", 0x030), RA("intc", "IFS", 0x040, 7, 0x10, 0),
    RA("intc", "IEC", 0x0C0, 7, 0x10, 0), RA("intc", "IPC", 0x140, 54, 0x10, 0),
    RA("intc", "OFF", 0x540, TVP_NR_VECTORS, 4, 0),
    /* DMA controller (sec. 10) and, in each channel's block, its registers */
    R("dma", "DMACON", 0x00), R("dma", "DMASTAT", 0x10), R("dma", "DMAADDR", 0x20),
    R("dma", "DCRCCON", 0x30), R("dma", "DCRCDATA", 0x40), R("dma", "DCRCXOR", 0x50),
    RA("dma", "DCH", 0x60, 8, 0xC0, 0),
    R("dch", "CON", 0x00), R("dch", "ECON", 0x10), R("dch", "INT", 0x20), R("dch", "SSA", 0x30),
    R("dch", "DSA", 0x40), R("dch", "SSIZ", 0x50), R("dch", "DSIZ", 0x60), R("dch", "SPTR", 0x70),
    R("dch", "DPTR", 0x80), R("dch", "CSIZ", 0x90), R("dch", "CPTR", 0xA0), R("dch", "DAT", 0xB0),
    /* UART (sec. 22), timers ("Timer1", "Timer2/3 ..."), ports ("I/O Ports") */
    R("uart", "MODE", 0x00), R("uart", "STA", 0x10), R("uart", "TXREG", 0x20),
    R("uart", "RXREG", 0x30), R("uart", "BRG", 0x40),
    R("timer", "CON", 0x00), R("timer", "TMR", 0x10), R("timer", "PR", 0x20),
    R("port", "ANSEL", 0x00), R("port", "TRIS", 0x10), R("port", "PORT", 0x20), R("port", "LAT", 0x30),
    R("port", "ODC", 0x40), R("port", "CNPU", 0x50), R("port", "CNPD", 0x60), R("port", "CNCON", 0x70),
    R("port", "CNEN", 0x80), R("port", "CNSTAT", 0x90), R("port", "CNNE", 0xA0), R("port", "CNF", 0xB0),
    /* system bus (sec. 4): the flags, and each target's block of
     * error log, error control and region registers */
    R("sbp", "SBFLAG", 0x510), RA("sbp", "SBT", 0x8000, 14, 0x400, 0),
    R("sbt", "ELOG1", 0x20), R("sbt", "ELOG2", 0x24), R("sbt", "ECON", 0x28),
    R("sbt", "ECLRS", 0x30), R("sbt", "ECLRM", 0x38), RA("sbt", "REG", 0x40, 8, 0x20, 0),
    RA("sbt", "RD", 0x50, 8, 0x20, 0), RA("sbt", "WR", 0x58, 8, 0x20, 0),
};

/* ---- peripheral pin select (DS60001320 sec. 12.4) ---------------------------------------- */

/* The pin groups: the pin that selection value i picks (Table 12-2), the
 * same pins whose RPxnR take the group's output functions (Table 12-3).
 * Values 14 (RPD6, RPD7: 124/144-pin parts only) and the reserved ones
 * are CHIP_PIN_NONE on the 100-pin package. */
enum { PA, PB, PC, PD, PE, PF, PG };
#define P CHIP_PIN
#define NO CHIP_PIN_NONE
static const uint8_t pps_groups[CHIP_PPS_GROUPS][CHIP_PPS_SEL] = {
    { P(PD, 2), P(PG, 8), P(PF, 4), P(PD, 10), P(PF, 1), P(PB, 9), P(PB, 10), P(PC, 14),
      P(PB, 5), NO, P(PC, 1), P(PD, 14), P(PG, 1), P(PA, 14), NO, NO },
    { P(PD, 3), P(PG, 7), P(PF, 5), P(PD, 11), P(PF, 0), P(PB, 1), P(PE, 5), P(PC, 13),
      P(PB, 3), NO, P(PC, 4), P(PD, 15), P(PG, 0), P(PA, 15), NO, NO },
    { P(PD, 9), P(PG, 6), P(PB, 8), P(PB, 15), P(PD, 4), P(PB, 0), P(PE, 3), P(PB, 7),
      NO, P(PF, 12), P(PD, 12), P(PF, 8), P(PC, 3), P(PE, 9), NO, NO },
    { P(PD, 1), P(PG, 9), P(PB, 14), P(PD, 0), NO, P(PB, 6), P(PD, 5), P(PB, 2),
      P(PF, 3), P(PF, 13), NO, P(PF, 2), P(PC, 2), P(PE, 8), NO, NO },
};
#undef P
#undef NO

/* Input functions (Table 12-2) and their registers (the PPS register map):
 * the EFG100 has no CAN (C1RX, C2RX); REFCLKIx and OCFA are left out, their
 * peripherals (the oscillator, the output-compare fault logic) stay with
 * the hypervisor. */
static const struct chip_pps_in pps_in[] = {
    { "INT3", "int3", 0x00C, 0 }, { "T2CK", "timer2", 0x018, 0 }, { "T6CK", "timer6", 0x028, 0 },
    { "IC3", "ic3", 0x040, 0 },   { "IC7", "ic7", 0x050, 0 },     { "U1RX", "uart1", 0x068, 0 },
    { "U2CTS", "uart2", 0x074, 0 }, { "U5RX", "uart5", 0x088, 0 }, { "U6CTS", "uart6", 0x094, 0 },
    { "SDI1", "spi1", 0x09C, 0 }, { "SDI3", "spi3", 0x0B4, 0 },   { "SDI5", "spi5", 0x0CC, 0 },
    { "SS6", "spi6", 0x0DC, 0 },

    { "INT4", "int4", 0x010, 1 }, { "T5CK", "timer5", 0x024, 1 }, { "T7CK", "timer7", 0x02C, 1 },
    { "IC4", "ic4", 0x044, 1 },   { "IC8", "ic8", 0x054, 1 },     { "U3RX", "uart3", 0x078, 1 },
    { "U4CTS", "uart4", 0x084, 1 }, { "SDI2", "spi2", 0x0A8, 1 }, { "SDI4", "spi4", 0x0C0, 1 },

    { "INT2", "int2", 0x008, 2 }, { "T3CK", "timer3", 0x01C, 2 }, { "T8CK", "timer8", 0x030, 2 },
    { "IC2", "ic2", 0x03C, 2 },   { "IC5", "ic5", 0x048, 2 },     { "IC9", "ic9", 0x058, 2 },
    { "U1CTS", "uart1", 0x06C, 2 }, { "U2RX", "uart2", 0x070, 2 }, { "U5CTS", "uart5", 0x08C, 2 },
    { "SS1", "spi1", 0x0A0, 2 },  { "SS3", "spi3", 0x0B8, 2 },    { "SS4", "spi4", 0x0C4, 2 },
    { "SS5", "spi5", 0x0D0, 2 },

    { "INT1", "int1", 0x004, 3 }, { "T4CK", "timer4", 0x020, 3 }, { "T9CK", "timer9", 0x034, 3 },
    { "IC1", "ic1", 0x038, 3 },   { "IC6", "ic6", 0x04C, 3 },     { "U3CTS", "uart3", 0x07C, 3 },
    { "U4RX", "uart4", 0x080, 3 }, { "U6RX", "uart6", 0x090, 3 }, { "SS2", "spi2", 0x0AC, 3 },
    { "SDI6", "spi6", 0x0D8, 3 },
};

/* Output functions (Table 12-3): group, RPxnR value. SDO1/2/3/5 are in
 * groups 1 and 2, SDO4 in 2 and 4, SDO6 in 3 and 4, U6TX in 3 and 4 (one
 * entry per group). No CAN (C1TX, C2TX); REFCLKOx stay the hypervisor's. */
static const struct chip_pps_out pps_out[] = {
    { "U3TX", "uart3", 0, 1 },  { "U4RTS", "uart4", 0, 2 },  { "SDO1", "spi1", 0, 5 },
    { "SDO2", "spi2", 0, 6 },   { "SDO3", "spi3", 0, 7 },    { "SDO5", "spi5", 0, 9 },
    { "SS6", "spi6", 0, 10 },   { "OC3", "oc3", 0, 11 },     { "OC6", "oc6", 0, 12 },
    { "C2OUT", "cmp2", 0, 14 },

    { "U1TX", "uart1", 1, 1 },  { "U2RTS", "uart2", 1, 2 },  { "U5TX", "uart5", 1, 3 },
    { "U6RTS", "uart6", 1, 4 }, { "SDO1", "spi1", 1, 5 },    { "SDO2", "spi2", 1, 6 },
    { "SDO3", "spi3", 1, 7 },   { "SDO4", "spi4", 1, 8 },    { "SDO5", "spi5", 1, 9 },
    { "OC4", "oc4", 1, 11 },    { "OC7", "oc7", 1, 12 },

    { "U3RTS", "uart3", 2, 1 }, { "U4TX", "uart4", 2, 2 },   { "U6TX", "uart6", 2, 4 },
    { "SS1", "spi1", 2, 5 },    { "SS3", "spi3", 2, 7 },     { "SS4", "spi4", 2, 8 },
    { "SS5", "spi5", 2, 9 },    { "SDO6", "spi6", 2, 10 },   { "OC5", "oc5", 2, 11 },
    { "OC8", "oc8", 2, 12 },    { "C1OUT", "cmp1", 2, 14 },

    { "U1RTS", "uart1", 3, 1 }, { "U2TX", "uart2", 3, 2 },   { "U5RTS", "uart5", 3, 3 },
    { "U6TX", "uart6", 3, 4 },  { "SS2", "spi2", 3, 6 },     { "SDO4", "spi4", 3, 8 },
    { "SDO6", "spi6", 3, 10 },  { "OC2", "oc2", 3, 11 },     { "OC1", "oc1", 3, 12 },
    { "OC9", "oc9", 3, 13 },
};

/* Guest-physical ranges no guest region may use (holes of the map the
 * hypervisor fills in every guest; docs/hypervisor.md "Switching guests"). */
static const struct chip_reserved gpa_reserved[] = {
    {TVP_LL_STUB_GPA, TVP_LL_STUB_SIZE, "tinyVP's LL-bit detour stub"},
};

const struct chip chip_pic32mzef = {
    .name = "PIC32MZ2048EFG100",
    .devices = devices,
    .nr_devices = (int)TVP_ARRAY_SIZE(devices),
    .sfr_base = 0x1F800000, .sfr_size = 0x100000,
    .ram_base = 0x00000000, .ram_size = 0x80000,
    .flash_base = 0x1D000000, .flash_size = 0x200000,
    /* lower boot alias: 0x1FC00000..0x1FC13FFF (boot page + last page) */
    .boot_base = 0x1FC00000, .boot_view_size = 0x14000, .boot_upper_off = 0x20000, .boot_panel_off = 0x40000,
    .devcfg_addr = 0x1FC0FFC0,
    .nr_vectors = TVP_NR_VECTORS,
    .pmd_base = 0xBF800040,
    .cfgpg_addr = 0xBF8000E0,
    .sb_base = 0xBF8F8000,
    .sb_targets = sb_targets,
    .nr_sb_targets = (int)TVP_ARRAY_SIZE(sb_targets),
    .vector_names = vector_names,
    .gpa_reserved = gpa_reserved,
    .nr_gpa_reserved = (int)TVP_ARRAY_SIZE(gpa_reserved),
    .regs = regs,
    .nr_regs = (int)TVP_ARRAY_SIZE(regs),
    .resets = resets,
    .nr_resets = (int)TVP_ARRAY_SIZE(resets),
    /* 100-pin package (the sec. 12 pin tables; bonded pins per port):
     * A 0-7, 9, 10, 14, 15; B 0-15; C 1-4, 12-15; D 0-5, 9-15; E 0-9;
     * F 0-5, 8, 12, 13; G 0, 1, 6-9, 12-15. Analog-capable (ANSELx
     * reset 1): A0, A1, A5, A9, A10, B0-15, C1-4, E4-9, G6-9. */
    .nr_ports = 7,
    .port_pins = { 0xC6FF, 0xFFFF, 0xF01E, 0xFE3F, 0x03FF, 0x313F, 0xF3C3 },
    .port_analog = { 0x0623, 0xFFFF, 0x001E, 0x0000, 0x03F0, 0x0000, 0x03C0 },
    .port_base = 0x1F860000,
    .pps_base = 0x1F801400, .pps_out_off = 0x100,
    .pps_groups = pps_groups,
    .pps_in = pps_in, .nr_pps_in = (int)TVP_ARRAY_SIZE(pps_in),
    .pps_out = pps_out, .nr_pps_out = (int)TVP_ARRAY_SIZE(pps_out),
};

const struct chip_device *chip_device(const struct chip *c, const char *name)
{
    for (int i = 0; i < c->nr_devices; i++)
        if (!strcmp(c->devices[i].name, name)) return &c->devices[i];
    return NULL;
}

int chip_vector(const struct chip *c, const char *name)
{
    char *end;
    long v = strtol(name, &end, 10);
    if (*name && !*end) return v >= 0 && v < c->nr_vectors ? (int)v : -1;
    for (int i = 0; i < c->nr_vectors; i++)
        if (c->vector_names[i] && !strcmp(c->vector_names[i], name)) return i;
    return -1;
}

int chip_pin_parse(const char *s, int want_rp)
{
    if (want_rp) {
        if (s[0] != 'R' || s[1] != 'P') return -1;
        s += 2;
    } else {
        if (s[0] != 'R') return -1;
        s += 1;
    }
    if (s[0] < 'A' || s[0] > 'A' + CHIP_MAX_PORTS - 1) return -1;
    int port = s[0] - 'A';
    if (s[1] < '0' || s[1] > '9') return -1;
    int bit = s[1] - '0';
    if (s[2]) {
        if (s[2] < '0' || s[2] > '9' || s[3] || bit != 1) return -1;
        bit = 10 + s[2] - '0';
    }
    return bit > 15 ? -1 : port << 4 | bit;
}

int chip_pps_index(const struct chip *c, int group, int p)
{
    for (int i = 0; i < CHIP_PPS_SEL; i++)
        if (c->pps_groups[group][i] == p) return i;
    return -1;
}

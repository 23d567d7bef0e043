/*
 * dmafw: a firmware that uses the DMA controller as a bare-board user
 * writes it: its own register definitions (PIC32MZ EF datasheet
 * DS60001320, sec. 10, Registers 10-1..10-18), physical addresses through
 * KVA_TO_PA, buffers seen through kseg1 (uncached, as DMA buffers must be
 * on the chip). It runs on the bare board and, unchanged, as a tinyVP
 * partition with `dma` emulated and its RAM away from real 0
 * (dmafw.yaml); tests/system/run compares the two outputs line by line,
 * and the bytes its UART2 sent.
 *
 * Cases: RAM->RAM, one cell, polled (channel 0); flash->RAM in 16-byte
 * cells, each forced, with the CRC generator on (channel 1); RAM->RAM
 * completed by the channel's interrupt (channel 1, vector 135); channel 3
 * chained from channel 2; a pattern-match stop; an abort after one cell;
 * RAM->UART2 TXREG started by UART2's TX interrupt (channel 2).
 */
#include "rt.h"

#define KVA_TO_PA(v) ((uint32_t)(uintptr_t)(v) & 0x1fffffffu)
#define PA_TO_KVA1(p) ((void *)((p) | 0xa0000000u))
#define REG(a) (*(volatile uint32_t *)(a))

/* DMA controller, 0xBF811000 (Table 10-1) */
#define XDMACON     0xbf811000u
#define XDMASTAT    0xbf811010u
#define XDCRCCON    0xbf811030u
#define XDCRCDATA   0xbf811040u
#define XDCRCXOR    0xbf811050u
#define XDCH(n)     (0xbf811060u + 0xc0u * (n))
#define CON   0x00
#define ECON  0x10
#define INT   0x20
#define SSA   0x30
#define DSA   0x40
#define SSIZ  0x50
#define DSIZ  0x60
#define SPTR  0x70
#define DPTR  0x80
#define CSIZ  0x90
#define CPTR  0xa0
#define DAT   0xb0
#define CLR   0x4
#define SET   0x8
#define CH(n, r) REG(XDCH(n) + (r))

#define DMACON_ON   (1u << 15)
#define CHEN        (1u << 7)
#define CHCHN       (1u << 5)
#define CHAEN       (1u << 4)
#define CFORCE      (1u << 7)
#define CABORT      (1u << 6)
#define PATEN       (1u << 5)
#define SIRQEN      (1u << 4)
#define CHERIF      (1u << 0)
#define CHCCIF      (1u << 2)
#define CHBCIF      (1u << 3)
#define CHBCIE      (1u << 19)
#define CRCEN       (1u << 7)
#define VEC_DMA(n)  (134u + (n))

#define SPIN 2000000u

static uint8_t src[256], dst[256], mid[256], out[256];
static const uint8_t table[256] = {
#define R4(a) (a), (uint8_t)((a) * 7 + 3), (uint8_t)((a) ^ 0x5a), (uint8_t)((a) + 0x80)
#define R16(a) R4(a), R4(a + 1), R4(a + 2), R4(a + 3)
#define R64(a) R16(a), R16(a + 4), R16(a + 8), R16(a + 12)
    R64(0), R64(16), R64(32), R64(48)};
static const char message[] = "dmafw: these bytes went to UART2 by DMA\r\n";

/* kseg1 views of the buffers (no cache between the CPU and the DMA) */
#define U(p) ((volatile uint8_t *)PA_TO_KVA1(KVA_TO_PA(p)))

static void fill(volatile uint8_t *p, unsigned n, unsigned seed)
{
    for (unsigned i = 0; i < n; i++)
        p[i] = (uint8_t)(seed + i * 13);
}

static uint32_t sum(volatile const uint8_t *p, unsigned n)
{
    uint32_t s = 0;
    for (unsigned i = 0; i < n; i++)
        s = s * 31 + p[i];
    return s;
}

static bool same(volatile const uint8_t *a, volatile const uint8_t *b, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

/* CRC-16/XMODEM in software: the reference for the DMA's CRC */
static uint16_t crc16(const uint8_t *p, unsigned n)
{
    uint16_t c = 0;
    for (unsigned i = 0; i < n; i++) {
        c ^= (uint16_t)(p[i] << 8);
        for (unsigned b = 0; b < 8; b++)
            c = (uint16_t)(c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1);
    }
    return c;
}

static void setup(unsigned n, const void *s, unsigned ssiz, void *d, unsigned dsiz, unsigned csiz)
{
    CH(n, CON) = 0;
    CH(n, ECON) = 0x00ffff00u;
    CH(n, INT) = 0;
    CH(n, SSA) = KVA_TO_PA(s);
    CH(n, DSA) = KVA_TO_PA(d);
    CH(n, SSIZ) = ssiz;
    CH(n, DSIZ) = dsiz;
    CH(n, CSIZ) = csiz;
}

static bool wait_flag(unsigned n, uint32_t flag)
{
    for (unsigned i = 0; i < SPIN; i++)
        if (CH(n, INT) & flag)
            return true;
    return false;
}

static volatile unsigned irq_count;
static volatile uint32_t irq_int;

static void dma1_irq(unsigned vec)
{
    irq_int = CH(1, INT);
    CH(1, INT + CLR) = 0xff;
    rt_irq_clear(vec);
    irq_count++;
}

int main(void)
{
    board_init();
    rt_printf("dmafw: start\n");
    REG(XDMACON + SET) = DMACON_ON;

    /* 1. RAM -> RAM, 200 bytes in one cell, polled */
    fill(U(src), sizeof src, 7);
    fill(U(dst), sizeof dst, 0);
    setup(0, src, 200, dst, 200, 200);
    CH(0, CON + SET) = CHEN;
    CH(0, ECON + SET) = CFORCE;
    bool ok = wait_flag(0, CHBCIF);
    rt_printf("dmafw: ram->ram %s, copy %s, sum %08x, ch0 %s\n", ok ? "done" : "TIMEOUT",
              same(U(src), U(dst), 200) ? "equal" : "DIFFERS", sum(U(dst), 256),
              CH(0, CON) & CHEN ? "still on" : "off");

    /* 2. flash -> RAM, 256 bytes in 16-byte cells, each forced; the CRC
     * generator on channel 1: CRC-16/XMODEM (PLEN 15, XOR 0x1021, seed 0) */
    REG(XDCRCCON) = CRCEN | (15u << 8) | 1u;
    REG(XDCRCXOR) = 0x1021;
    REG(XDCRCDATA) = 0;
    setup(1, table, sizeof table, out, sizeof out, 16);
    CH(1, CON + SET) = CHEN;
    unsigned cells = 0;
    for (unsigned i = 0; i < 32 && !(CH(1, INT) & CHBCIF); i++) {
        CH(1, INT + CLR) = CHCCIF;
        CH(1, ECON + SET) = CFORCE;
        if (wait_flag(1, CHCCIF))
            cells++;
    }
    uint32_t dcrc = REG(XDCRCDATA) & 0xffff;
    REG(XDCRCCON + CLR) = CRCEN;
    rt_printf("dmafw: flash->ram %u cells, copy %s, sum %08x, crc dma %04x sw %04x\n", cells,
              same(table, U(out), sizeof table) ? "equal" : "DIFFERS", sum(U(out), 256),
              (unsigned)dcrc, crc16(table, sizeof table));

    /* 3. RAM -> RAM completed by the channel's interrupt */
    fill(U(src), sizeof src, 99);
    setup(1, src, 128, mid, 128, 128);
    CH(1, INT) = CHBCIE;
    rt_irq_attach(VEC_DMA(1), dma1_irq, 3);
    rt_irq_on();
    CH(1, CON + SET) = CHEN;
    CH(1, ECON + SET) = CFORCE;
    for (unsigned i = 0; i < SPIN && !irq_count; i++)
        ;
    rt_irq_disable(VEC_DMA(1));
    rt_printf("dmafw: irq %u, flags %02x, copy %s\n", irq_count, (unsigned)(irq_int & 0xff),
              same(U(src), U(mid), 128) ? "equal" : "DIFFERS");

    /* 4. chaining: channel 3 (CHCHN, CHCHNS = 0) is enabled when channel
     * 2's block completes; it then waits for its own start */
    fill(U(src), sizeof src, 31);
    setup(2, src, 64, mid, 64, 64);
    setup(3, mid, 64, out, 64, 64);
    CH(3, CON) = CHCHN;
    CH(2, CON + SET) = CHEN;
    bool before = CH(3, CON) & CHEN;
    CH(2, ECON + SET) = CFORCE;
    wait_flag(2, CHBCIF);
    bool after = CH(3, CON) & CHEN;
    CH(3, ECON + SET) = CFORCE;
    ok = wait_flag(3, CHBCIF);
    rt_printf("dmafw: chain ch3 %s before, %s after ch2; %s, copy %s\n", before ? "on" : "off",
              after ? "on" : "off", ok ? "done" : "TIMEOUT", same(U(src), U(out), 64) ? "equal" : "DIFFERS");

    /* 5. pattern match: copy a string up to its '!' */
    static const char text[] = "stop here! not this";
    for (unsigned i = 0; i < 64; i++)
        U(dst)[i] = 0;
    setup(0, text, sizeof text, dst, 64, 64);
    CH(0, DAT) = '!';
    CH(0, ECON + SET) = PATEN;
    CH(0, CON + SET) = CHEN;
    CH(0, ECON + SET) = CFORCE;
    ok = wait_flag(0, CHBCIF);
    char got[32];
    unsigned k = 0;
    for (; k < sizeof got - 1 && U(dst)[k]; k++)
        got[k] = (char)U(dst)[k];
    got[k] = 0;
    rt_printf("dmafw: pattern %s: \"%s\"\n", ok ? "stop" : "TIMEOUT", got);

    /* 6. abort after one cell: CABORT disables, pointers back to 0 */
    setup(0, src, 64, dst, 64, 8);
    CH(0, CON + SET) = CHEN;
    CH(0, ECON + SET) = CFORCE;
    wait_flag(0, CHCCIF);
    uint32_t sp = CH(0, SPTR);
    CH(0, ECON + SET) = CABORT;
    rt_printf("dmafw: abort after sptr %u: ch0 %s, sptr %u dptr %u\n", (unsigned)sp,
              CH(0, CON) & CHEN ? "on" : "off", (unsigned)CH(0, SPTR), (unsigned)CH(0, DPTR));

    /* 7. RAM -> UART2 TXREG, one byte per UART2 TX
     * interrupt event (UTXISEL 00: the FIFO has room) */
    SFR(0xBF801578u) = 2; /* RPB14R = U2TX (DS60001320 Table 12-3): its pin */
    rt_uart_init(2, 115200);
    unsigned len = sizeof message - 1;
    for (unsigned i = 0; i < len; i++)
        U(src)[i] = (uint8_t)message[i];
    setup(2, src, len, PA_TO_KVA1(KVA_TO_PA(UTXREG(2))), 1, 1);
    CH(2, ECON) = (rt_uart_vector(2, 2) << 8) | SIRQEN | 0x00ff0000u;
    CH(2, CON + SET) = CHEN;
    ok = wait_flag(2, CHBCIF);
    rt_uart_flush(2);
    rt_printf("dmafw: uart2 %u bytes %s, dmastat %08x\n", len, ok ? "sent" : "TIMEOUT",
              (unsigned)REG(XDMASTAT));
    rt_printf("dmafw: done\n");
    return 0;
}

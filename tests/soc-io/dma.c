/* DMA controller: software-forced memory copies (one cell, cells of a
 * block), flags and the channel interrupt, transfers started and aborted
 * by an interrupt event (Timer2), CABORT, channel chaining, pattern match,
 * a UART4 transmit fed by the UART's TX request, the CRC generator, and a
 * transfer to no target (CHERIF, DMASTAT, DMAADDR). Buffers are used
 * through kseg1 (uncached), as on the chip.
 * expect: ^DMA to UART4$
 */
#include "soc_io.h"

#define UNCACHED(p) ((volatile uint8_t *)((uint32_t)(p) | 0x20000000u))
#define CHBCIE (CHBCIF << 16)

static uint8_t src[64] __attribute__((aligned(16)));
static uint8_t dst[64] __attribute__((aligned(16)));
static volatile unsigned dma_irqs;

void irq_handler(unsigned tag)
{
    (void)tag;
    dma_irqs++;
    CLR(DCHINT(0)) = 0xFF;
    irq_ack(V_DMA(0));
}

static void fill(void)
{
    for (unsigned i = 0; i < 64; i++) {
        UNCACHED(src)[i] = (uint8_t)(i * 7 + 1);
        UNCACHED(dst)[i] = 0xEE;
    }
}

static int same(unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (UNCACHED(src)[i] != UNCACHED(dst)[i])
            return 0;
    return 1;
}

static void chan(unsigned ch, const void *s, uint32_t ssiz, uint32_t d_pa, uint32_t dsiz,
                 uint32_t csiz)
{
    REG(DCHCON(ch)) = 0;
    REG(DCHECON(ch)) = 0;
    REG(DCHINT(ch)) = 0;
    REG(DCHSSA(ch)) = PA(s);
    REG(DCHDSA(ch)) = d_pa;
    REG(DCHSSIZ(ch)) = ssiz;
    REG(DCHDSIZ(ch)) = dsiz;
    REG(DCHCSIZ(ch)) = csiz;
}

int main(void)
{
    /* reset values */
    CHECK_EQ(REG(DMACON), 0);
    CHECK_EQ(REG(DCHCON(0)), 0);
    CHECK_EQ(REG(DCHECON(0)), 0x00FFFF00);
    CHECK_EQ(REG(DCHINT(7)), 0);
    REG(DMACON) = DMACON_ON;

    /* one 64-byte cell, forced by software, with the channel interrupt */
    fill();
    chan(0, src, 64, PA(dst), 64, 64);
    REG(DCHINT(0)) = CHBCIE;
    REG(INTCON) = INTCON_MVEC;
    REG(OFF(V_DMA(0))) = ebase_off(irq_stub0);
    irq_setup(V_DMA(0), 2, 0);
    irq_cpu_enable();
    REG(DCHCON(0)) = CHEN;
    CHECK(REG(DCHCON(0)) & CHBUSY);
    SET(DCHECON(0)) = CFORCE;
    CHECK_EQ(REG(DCHECON(0)) & CFORCE, 0); /* reads 0 */
    CHECK(WAIT_UNTIL(dma_irqs, 10000));
    irq_cpu_disable();
    CHECK(same(64));
    CHECK_EQ(REG(DCHCON(0)) & (CHEN | CHBUSY), 0); /* block done, no CHAEN */
    CHECK_EQ(REG(DCHSPTR(0)), 0);

    /* four 16-byte cells; the flags tell half and full buffers */
    fill();
    chan(0, src, 64, PA(dst), 64, 16);
    REG(DCHCON(0)) = CHEN;
    SET(DCHECON(0)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHINT(0)) & CHCCIF, 10000));
    CHECK_EQ(REG(DCHINT(0)) & 0xFF, CHCCIF);
    CHECK_EQ(REG(DCHSPTR(0)), 16);
    CHECK_EQ(REG(DCHDPTR(0)), 16);
    CHECK(same(16) && UNCACHED(dst)[16] == 0xEE);
    SET(DCHECON(0)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHDPTR(0)) == 32, 10000));
    CHECK_EQ(REG(DCHINT(0)) & 0xFF, CHCCIF | CHSHIF | CHDHIF);
    SET(DCHECON(0)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHDPTR(0)) == 48, 10000));
    SET(DCHECON(0)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHINT(0)) & CHBCIF, 10000));
    CHECK_EQ(REG(DCHINT(0)) & 0xFF, CHCCIF | CHSHIF | CHDHIF | CHBCIF | CHSDIF | CHDDIF);
    CHECK(same(64));
    CHECK_EQ(REG(DCHDPTR(0)), 0);
    CHECK_EQ(REG(DCHCON(0)) & CHEN, 0);

    /* start on an interrupt event: Timer2 period match (IEC stays off),
     * one 4-byte cell per event, a 16-byte block in four periods */
    fill();
    chan(1, src, 16, PA(dst), 16, 4);
    REG(DCHECON(1)) = SIRQEN | CHSIRQ(V_T(2));
    REG(DCHCON(1)) = CHEN;
    REG(TCON(2)) = 0;
    REG(TMR(2)) = 0;
    REG(PR(2)) = 999; /* 1000 PBCLK3 ticks = 1000 Count ticks */
    uint32_t t0 = c0_count();
    REG(TCON(2)) = TCON_ON;
    CHECK(WAIT_UNTIL(REG(DCHINT(1)) & CHBCIF, 100000));
    uint32_t t = c0_count() - t0;
    CHECK(t >= 4000 && t < 4200);
    CHECK(same(16) && UNCACHED(dst)[16] == 0xEE);

    /* abort on an interrupt event: CHTAIF, channel off */
    chan(2, src, 16, PA(dst), 16, 4);
    REG(DCHECON(2)) = AIRQEN | CHAIRQ(V_T(2));
    REG(DCHCON(2)) = CHEN;
    CHECK(WAIT_UNTIL(REG(DCHINT(2)) & CHTAIF, 100000));
    CHECK_EQ(REG(DCHCON(2)) & CHEN, 0);
    REG(TCON(2)) = 0;
    /* CABORT: off without a flag */
    chan(2, src, 16, PA(dst), 16, 4);
    REG(DCHCON(2)) = CHEN;
    SET(DCHECON(2)) = CABORT;
    CHECK_EQ(REG(DCHCON(2)) & CHEN, 0);
    CHECK_EQ(REG(DCHINT(2)) & 0xFF, 0);

    /* chaining: channel 4 (CHCHNS = 0) is enabled when channel 3's block
     * completes */
    fill();
    chan(3, src, 32, PA(dst), 32, 32);
    chan(4, src + 32, 32, PA(dst + 32), 32, 32);
    REG(DCHCON(4)) = CHCHN;
    REG(DCHCON(3)) = CHEN;
    SET(DCHECON(3)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHINT(3)) & CHBCIF, 10000));
    CHECK(REG(DCHCON(4)) & CHEN);
    CHECK(UNCACHED(dst)[32] == 0xEE);
    SET(DCHECON(4)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHINT(4)) & CHBCIF, 10000));
    CHECK(same(64));

    /* pattern match ends the block after the matching byte */
    static const char text[32] = "line one\nline two\n";
    fill();
    chan(5, text, 32, PA(dst), 32, 32);
    REG(DCHDAT(5)) = '\n';
    REG(DCHECON(5)) = PATEN;
    REG(DCHCON(5)) = CHEN;
    SET(DCHECON(5)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHINT(5)) & CHBCIF, 10000));
    CHECK(!memcmp((const void *)UNCACHED(dst), "line one\n", 9));
    CHECK_EQ(UNCACHED(dst)[9], 0xEE);
    CHECK_EQ(REG(DCHCON(5)) & CHEN, 0);

    /* UART4 transmit fed by its TX request (UTXISEL 00: a slot free) */
    static const char msg[] = "DMA to UART4\n";
    uart_setup(4, 53, 0, USTA_UTXEN | USTA_UTXISEL(0));
    chan(6, msg, sizeof msg - 1, KSEG1_TO_PA(UTXREG(4)), 1, 1);
    REG(DCHECON(6)) = SIRQEN | CHSIRQ(V_UTX(4));
    REG(DCHCON(6)) = CHEN;
    CHECK(WAIT_UNTIL(REG(DCHINT(6)) & CHBCIF, 1000000));
    CHECK(WAIT_UNTIL(REG(USTA(4)) & USTA_TRMT, 1000000));

    /* CRC: CRC-16/XMODEM (x^16 + x^12 + x^5 + 1, initial 0) of
     * "123456789" is 0x31C3 */
    static const char digits[9] = "123456789";
    REG(DCRCCON) = (1u << 7) | (15u << 8) | 7; /* CRCEN, PLEN 15, channel 7 */
    REG(DCRCXOR) = 0x1021;
    REG(DCRCDATA) = 0;
    chan(7, digits, 9, PA(dst), 9, 9);
    REG(DCHCON(7)) = CHEN;
    SET(DCHECON(7)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHINT(7)) & CHBCIF, 10000));
    CHECK_EQ(REG(DCRCDATA) & 0xFFFF, 0x31C3);
    REG(DCRCCON) = 0;

    /* a source with no target: CHERIF, DMASTAT (read, channel 0), DMAADDR */
    chan(0, (void *)0x90000000u, 16, PA(dst), 16, 16); /* PA 0x10000000: nothing */
    REG(DCHCON(0)) = CHEN;
    SET(DCHECON(0)) = CFORCE;
    CHECK(WAIT_UNTIL(REG(DCHINT(0)) & CHERIF, 10000));
    CHECK_EQ(REG(DCHCON(0)) & CHEN, 0);
    CHECK_EQ(REG(DMASTAT), 0x80000000u);
    CHECK_EQ(REG(DMAADDR), 0x10000000u);
    return t_done("soc-io/dma");
}

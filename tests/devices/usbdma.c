/*
 * usbdma: drives the USB controller's DMA engine as a bare-board firmware
 * would, with physical addresses of its own RAM and no host on the wire
 * (DS60001320, "Hi-Speed USB with On-The-Go"; docs/simulator.md, "USB"):
 *  1. channel 1, memory to the EP0 TX FIFO (DMADIR = 1), polled;
 *  2. TESTMODE FIFO_ACCESS: the EP0 TX packet into the EP0 RX FIFO;
 *  3. channel 2, the EP0 RX FIFO to memory, completion by the USB DMA
 *     interrupt (vector 133);
 *  4. the CPU loads the EP0 FIFO and unloads it after FIFO_ACCESS.
 * It prints what it sees (addresses relative to its buffers, counts,
 * flags, the data's XOR); tests/devices/run compares the lines with the
 * bare board's. Then it times register writes ("usb: cost", not
 * compared). Built with -DUSB_HOSTILE it then aims channel 3 at
 * HOSTILE_PA, outside its RAM: under tinyVP that must be refused.
 */
#include "rt.h"

#define USB(o)       (0xBF8E3000u + (o))
#define USBCSR3      USB(0x00C)
#define USBFIFO0     USB(0x020)
#define USBFIFOA     USB(0x064)
#define USBE0CSR0    USB(0x100)
#define USBE0CSR2    USB(0x108)
#define USBDMAINT    USB(0x200)
#define USBDMAC(n)   USB(0x204 + 0x10 * ((n) - 1))
#define USBDMAA(n)   USB(0x208 + 0x10 * ((n) - 1))
#define USBDMAN(n)   USB(0x20C + 0x10 * ((n) - 1))
#define DMAEN        (1u << 0)
#define DMADIR       (1u << 1)
#define DMAIE        (1u << 3)
#define DMAEP(e)     ((uint32_t)(e) << 4)
#define DMAERR       (1u << 8)
#define FIFO_ACCESS  (1u << 30)
#define IRQ_USB_DMA  133u
#define HOSTILE_PA   0x00050000u
#define LEN          64u

#define PA(p) ((uint32_t)(uintptr_t)(p) & 0x1FFFFFFFu)
#define UNCACHED(p) ((volatile uint8_t *)(uintptr_t)(PA(p) | 0xA0000000u))

static uint8_t src[LEN] __attribute__((aligned(4)));
static uint8_t dst[LEN] __attribute__((aligned(4)));
static volatile unsigned irqs;
static volatile uint32_t dmaint;

static void on_usb_dma(unsigned v)
{
    dmaint |= SFR(USBDMAINT); /* reading it clears the channel flags */
    irqs++;
    rt_irq_clear(v);
}

static bool wait_off(unsigned ch)
{
    for (unsigned i = 0; i < 100000u; i++)
        if (!(SFR(USBDMAC(ch)) & DMAEN))
            return true;
    return false;
}

static uint32_t xor_of(volatile uint8_t *p, unsigned n)
{
    uint32_t x = 0;
    for (unsigned i = 0; i < n; i++)
        x = (x << 5 | x >> 27) ^ p[i];
    return x;
}

static volatile uint32_t sink;

/* The fewest Count ticks 32 writes (or reads) of a register took, over 8
 * tries, in cycles x100 per access. */
static uint32_t cost(uint32_t reg, bool rd)
{
    uint32_t best = ~0u;
    for (unsigned t = 0; t < 8; t++) {
        uint32_t t0 = read_c0_count();
        for (unsigned i = 0; i < 32; i++) {
            if (rd)
                sink = SFR(reg);
            else
                SFR(reg) = i;
        }
        uint32_t d = read_c0_count() - t0;
        if (d < best)
            best = d;
    }
    return best * 200u / 32u;
}

int main(void)
{
    board_init(); /* clocks and the console's pins (PPS), then UART4 */
    volatile uint8_t *s = UNCACHED(src), *d = UNCACHED(dst);
    for (unsigned i = 0; i < LEN; i++) {
        s[i] = (uint8_t)(i * 37u + 11u);
        d[i] = 0;
    }
    rt_printf("usb: data out xor %08lx\n", (unsigned long)xor_of(s, LEN));

    /* 1. memory -> EP0 TX FIFO, polled */
    SFR(USBDMAA(1)) = PA(src);
    SFR(USBDMAN(1)) = LEN;
    rt_printf("usb: ch1 A reads src%+ld\n", (long)(SFR(USBDMAA(1)) - PA(src)));
    SFR(USBDMAC(1)) = DMAEN | DMADIR | DMAIE | DMAEP(0);
    bool ok = wait_off(1);
    uint32_t in = SFR(USBDMAINT);
    rt_printf("usb: ch1 %s A src%+ld N %lu int %02lx err %lu\n", ok ? "done" : "stuck",
              (long)(SFR(USBDMAA(1)) - PA(src)), (unsigned long)SFR(USBDMAN(1)),
              (unsigned long)in, (unsigned long)!!(SFR(USBDMAC(1)) & DMAERR));

    /* 2. loopback */
    SFR(USBCSR3) = SFR(USBCSR3) | FIFO_ACCESS;
    rt_printf("usb: loopback RXRDY %lu COUNT0 %lu\n", (unsigned long)((SFR(USBE0CSR0) >> 16) & 1),
              (unsigned long)(SFR(USBE0CSR2) & 0x7F));

    /* 3. EP0 RX FIFO -> memory, interrupt */
    rt_irq_attach(IRQ_USB_DMA, on_usb_dma, 3);
    rt_irq_on();
    SFR(USBDMAA(2)) = PA(dst);
    SFR(USBDMAN(2)) = LEN;
    SFR(USBDMAC(2)) = DMAEN | DMAIE | DMAEP(0);
    for (unsigned i = 0; i < 100000u && !irqs; i++)
        ;
    rt_printf("usb: ch2 irqs %u int %02lx A dst%+ld N %lu COUNT0 %lu\n", irqs,
              (unsigned long)dmaint, (long)(SFR(USBDMAA(2)) - PA(dst)),
              (unsigned long)SFR(USBDMAN(2)), (unsigned long)(SFR(USBE0CSR2) & 0x7F));
    bool same = true;
    for (unsigned i = 0; i < LEN; i++)
        same &= d[i] == s[i];
    rt_printf("usb: data in xor %08lx %s\n", (unsigned long)xor_of(d, LEN), same ? "same" : "DIFFERENT");

    /* 4. the CPU's way: load, loop back, unload */
    for (unsigned i = 0; i < 4; i++)
        SFR(USBFIFO0) = 0x01020304u * (i + 1);
    SFR(USBCSR3) = SFR(USBCSR3) | FIFO_ACCESS;
    uint32_t x = 0;
    for (unsigned i = 0; i < 4; i++)
        x = (x << 7 | x >> 25) ^ SFR(USBFIFO0);
    rt_printf("usb: cpu fifo xor %08lx COUNT0 %lu\n", (unsigned long)x,
              (unsigned long)(SFR(USBE0CSR2) & 0x7F));

    /* register access costs (a Count tick is 2 cycles) */
    rt_printf("usb: cost per write x100 in cycles: USBDMA4A %lu USBDMA4N %lu USBFIFOA %lu\n",
              (unsigned long)cost(USBDMAA(4), false), (unsigned long)cost(USBDMAN(4), false),
              (unsigned long)cost(USBFIFOA, false));
    rt_printf("usb: cost per read x100 in cycles: USBDMA4A %lu USBFIFOA %lu\n",
              (unsigned long)cost(USBDMAA(4), true), (unsigned long)cost(USBFIFOA, true));
#ifdef USB_HOSTILE
    for (unsigned i = 0; i < 4; i++)
        SFR(USBFIFO0) = 0xdeadbeefu;
    SFR(USBCSR3) = SFR(USBCSR3) | FIFO_ACCESS;
    SFR(USBDMAA(3)) = HOSTILE_PA;
    SFR(USBDMAN(3)) = 16;
    rt_printf("usb: hostile arming\n");
    SFR(USBDMAC(3)) = DMAEN | DMAEP(0);
    wait_off(3);
    rt_printf("usb: hostile armed, C %08lx\n", (unsigned long)SFR(USBDMAC(3)));
#endif
    rt_printf("usb: done\n");
    return 0;
}

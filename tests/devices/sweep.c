/*
 * sweep: reads every word of the SFR ranges of the devices it owns, as
 * vpconf's device library gives them (ranges.h, generated from `vpconf
 * --devices`), and prints per device the number of words read and their
 * XOR. Under tinyVP a sub-page range is forwarded word by word by the
 * hypervisor; a word the chip did not decode would be a bus error inside
 * the hypervisor. Built five times (-DSWEEP_SET=1..5: tests/devices/sweep.yaml gives
 * the five partitions these devices); tests/devices/run checks the
 * counts against the library and that the system stays up.
 */
#include "rt.h"

struct range {
    const char *dev;
    uint32_t base, size;
};
static const struct range lib[] = {
#define SWEEP_RANGE(n, b, s) {n, b, s},
#include "ranges.h"
#undef SWEEP_RANGE
};

/* The devices of partition sweepN (tests/devices/sweep.yaml gives them;
 * intc is every guest's, uart4 sweep5's console). */
#if SWEEP_SET == 1
static const char *const mine[] = {
    "i2c1", "i2c2", "i2c3", "i2c4", "i2c5", "timer1", "timer2", "timer3",
    "timer4", "timer5", "timer6", "timer7", "timer8", "timer9", "intc",
};
#elif SWEEP_SET == 2
static const char *const mine[] = {
    "usb", "ethernet", "sqi", "dma", "rtcc", "cvr", "pmp", "cmp1",
    "cmp2", "ebi", "rng", "intc",
};
#elif SWEEP_SET == 3
static const char *const mine[] = {
    "spi1", "spi2", "spi3", "spi4", "spi5", "spi6", "oc1", "oc2",
    "oc3", "oc4", "oc5", "oc6", "intc",
};
#elif SWEEP_SET == 4
static const char *const mine[] = {
    "uart1", "uart2", "uart3", "uart5", "uart6", "oc7", "oc8", "oc9",
    "porta", "portb", "portc", "portd", "porte", "portf", "portg", "intc",
};
#elif SWEEP_SET == 5
static const char *const mine[] = {
    "ic1", "ic2", "ic3", "ic4", "ic5", "ic6", "ic7", "ic8",
    "ic9", "adc", "cfg", "pmd", "wdt", "dmt", "osc", "pps",
    "prefetch", "intc", "uart4",
};
#else
#error "SWEEP_SET 1..5"
#endif

static bool same(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

int main(void)
{
    rt_uart_init(WIFIRE_CONSOLE_UART, RT_CONSOLE_BAUD); /* the console only */
    uint32_t total = 0;
    unsigned ndev = 0;
    for (unsigned i = 0; i < ARRAY_SIZE(mine); i++) {
        uint32_t words = 0, x = 0;
        for (unsigned k = 0; k < ARRAY_SIZE(lib); k++) {
            if (!same(lib[k].dev, mine[i]))
                continue;
            for (uint32_t off = 0; off < lib[k].size; off += 4) {
                x ^= *(volatile uint32_t *)(0xA0000000u | (lib[k].base + off));
                words++;
            }
        }
        rt_printf("sweep: %s %lu words xor %08lx\n", mine[i], (unsigned long)words,
                  (unsigned long)x);
        total += words;
        ndev += words != 0;
    }
    rt_printf("sweep: done %u devices %lu words\n", ndev, (unsigned long)total);
    return 0;
}

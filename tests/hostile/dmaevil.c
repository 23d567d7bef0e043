/*
 * dmaevil: a partition with the DMA controller emulated (channels 0 and 1,
 * tests/hostile/dma.yaml, on_fault: reflect) that points DMA transfers at
 * what is not its own: its neighbour's RAM (real 0x40000), the
 * hypervisor's RAM (real 0x70000), the bus-protection registers, a range
 * running past the end of its RAM, its neighbour's RAM as a source, a
 * start interrupt it does not own, a destination changed to its
 * neighbour's RAM while the channel is armed, and another guest's channel.
 * Each refused store comes back as a bus error (reflect); the handler
 * counts it and resumes after the store. It prints one line per attack
 * ("refused" when the store faulted, "ignored" when it did not but nothing
 * moved) and, in between, a legal copy that must still work.
 * Register layout: PIC32MZ EF datasheet DS60001320, sec. 10.
 */
#include "rt.h"

#define KVA_TO_PA(v) ((uint32_t)(uintptr_t)(v) & 0x1fffffffu)
#define REG(a) (*(volatile uint32_t *)(a))
#define XDMACON 0xbf811000u
#define XDCH(n) (0xbf811060u + 0xc0u * (n))
#define CH(n, r) REG(XDCH(n) + (r))
#define CON 0x00
#define ECON 0x10
#define INT 0x20
#define SSA 0x30
#define DSA 0x40
#define SSIZ 0x50
#define DSIZ 0x60
#define CSIZ 0x90
#define SET 0x8
#define CHEN (1u << 7)
#define CFORCE (1u << 7)
#define SIRQEN (1u << 4)
#define CHBCIF (1u << 3)

static volatile unsigned faults;
static uint8_t junk[0x4000];
static uint8_t mine[64];

/* on_fault: reflect: a refused store is a bus error here; go on after it */
uint32_t rt_exception(struct rt_frame *f)
{
    faults++;
    return f->epc + 4;
}

/* lets the hypervisor's log lines out before the next attack (the log
 * drops what does not fit rather than wait) */
static void pause(void)
{
    rt_delay_ms(25);
}

static void prepare(unsigned n, uint32_t ssa, uint32_t dsa, uint32_t size)
{
    CH(n, CON) = 0;
    CH(n, ECON) = 0x00ffff00u;
    CH(n, INT) = 0;
    CH(n, SSA) = ssa;
    CH(n, DSA) = dsa;
    CH(n, SSIZ) = size;
    CH(n, DSIZ) = size;
    CH(n, CSIZ) = size;
}

/* arm and force channel n; what happened */
static void fire(const char *what, unsigned n)
{
    unsigned f0 = faults;
    CH(n, CON + SET) = CHEN;
    if (faults == f0) { /* not refused: it would run */
        CH(n, ECON + SET) = CFORCE;
        for (unsigned i = 0; i < 10000 && !(CH(n, INT) & CHBCIF); i++)
            ;
    }
    rt_printf("dmaevil: %s: %s\n", what, faults != f0 ? "refused" : "NOT REFUSED");
    pause();
}

static void legal(void)
{
    for (unsigned i = 0; i < sizeof mine; i++)
        ((volatile uint8_t *)mine)[i] = 0;
    prepare(0, KVA_TO_PA(junk), KVA_TO_PA(mine), sizeof mine);
    CH(0, CON + SET) = CHEN;
    CH(0, ECON + SET) = CFORCE;
    for (unsigned i = 0; i < 100000 && !(CH(0, INT) & CHBCIF); i++)
        ;
    rt_printf("dmaevil: legal copy %s\n",
              ((volatile uint8_t *)mine)[63] == 0xee ? "done" : "FAILED");
}

int main(void)
{
    board_init();
    for (unsigned i = 0; i < sizeof junk; i++)
        junk[i] = 0xee;
    rt_printf("dmaevil: up\n");
    uint32_t t0 = read_c0_count();
    while (read_c0_count() - t0 < 2 * RT_CT_PER_MS) /* the victim fills its RAM */
        ;
    REG(XDMACON + SET) = 1u << 15;
    legal();
    prepare(0, KVA_TO_PA(junk), 0x40000, sizeof junk);
    fire("into the neighbour's RAM", 0);
    prepare(0, KVA_TO_PA(junk), 0x70000, 256);
    fire("into the hypervisor's RAM", 0);
    prepare(0, KVA_TO_PA(junk), 0x1f8f8040, 64); /* SBT0REG0.. */
    fire("into the bus-protection registers", 0);
    prepare(1, KVA_TO_PA(junk), 0x8000 - 256, 512); /* past its 32K */
    fire("past the end of its RAM", 1);
    prepare(1, 0x40000, KVA_TO_PA(junk), 256);
    fire("from the neighbour's RAM", 1);

    unsigned f0 = faults;
    prepare(1, KVA_TO_PA(junk), KVA_TO_PA(mine), 16);
    CH(1, ECON) = (146u << 8) | SIRQEN; /* UART1 RX: not its own */
    rt_printf("dmaevil: a start interrupt not its own: %s\n", faults != f0 ? "refused" : "NOT REFUSED");
    pause();

    f0 = faults;
    prepare(1, KVA_TO_PA(junk), KVA_TO_PA(mine), 16);
    CH(1, CON + SET) = CHEN;            /* armed, legal */
    CH(1, DSA) = 0x40000;               /* then aimed at the neighbour */
    unsigned f1 = faults;
    CH(1, ECON + SET) = CFORCE;
    for (unsigned i = 0; i < 10000 && !(CH(1, INT) & CHBCIF); i++)
        ;
    rt_printf("dmaevil: re-aimed while armed: %s, channel %s\n", f1 != f0 ? "refused" : "NOT REFUSED",
              CH(1, CON) & CHEN ? "STILL ARMED" : "disarmed");
    pause();

    f0 = faults;
    CH(5, SSA) = KVA_TO_PA(junk);      /* channel 5: not its own */
    CH(5, DSA) = 0x40000;
    CH(5, SSIZ) = CH(5, DSIZ) = CH(5, CSIZ) = 256;
    CH(5, CON) = CHEN;
    CH(5, ECON) = CFORCE;
    rt_printf("dmaevil: another guest's channel: %s, reads %08x\n", faults != f0 ? "faulted" : "ignored",
              (unsigned)CH(5, DSA));
    legal();
    rt_printf("dmaevil: done (%u faults)\n", faults);
    for (;;)
        rt_wait();
}

/*
 * rtos: a small preemptive kernel in the style of the PIC32 RTOS ports
 * (FreeRTOS's MZ port, NuttX), as a firmware for the bare chip: tasks
 * with fixed priorities and their own stacks, a core-timer tick, context
 * switches in the handler of core software interrupt 0 (a task yields by
 * setting Cause.IP0; the handler clears Cause.IP0, then IFS0.CS0IF), a
 * queue between a producer and a consumer, software interrupt 1 for an
 * event, and every interrupt dispatched by one C function.
 *
 * Built twice (tests/fw/rules.mk): FW_MVEC = 0, single-vector mode
 * (INTCON.MVEC = 0, every interrupt at EBase + 0x200, the handler reads
 * INTSTAT for the vector and its level), and FW_MVEC = 1, multi-vector
 * mode (OFFv per vector; INTSTAT is checked against the entry's vector).
 *
 * First, with interrupts off, it raises five interrupts at once (IFSxSET
 * and Cause.IP0/IP1) and prints the order they are taken in: priority,
 * then sub-priority, then the lower vector (DS60001320 sec. 7).
 *
 * Everything it prints follows from the program's logic, not from time
 * (which differs between the bare board and a partition): the tasks have
 * distinct priorities; while the tick task sleeps its TICKS ticks the
 * consumer is busy (each tick preempts it: a yield asked in the tick
 * handler, taken after its ERET) and the producer starves; then the tick
 * stops and producer and consumer pass ITEMS values through the queue
 * (a yield whenever one blocks or wakes the other). So the counts
 * (interrupts taken per vector, yields asked) are exact.
 */
#include "fw.h"

#define NTASK 4
#define STACK_WORDS 512
#define TICKS 12            /* the tick task's sleeps */
#define ITEMS 10            /* producer -> consumer */
#define QLEN 3
#define TICK_COUNT (COUNT_HZ / 500) /* 2 ms */
#define FRAME_WORDS 36      /* start.S: FW_FRAME */

enum { T_IDLE, T_PROD, T_CONS, T_TICK };
enum { READY, BLOCKED, SLEEPING, DONE };

struct task {
    uint32_t *sp;       /* saved frame while not running */
    volatile uint32_t state, wake;
    uint32_t prio;
};

static struct task tasks[NTASK];
static uint32_t stacks[NTASK][STACK_WORDS] __attribute__((aligned(8)));
static struct task *volatile running;
static volatile uint32_t ticks, taken[256], yields_asked, bad_intstat, order[8], norder;
static volatile uint32_t queue[QLEN], q_head, q_tail, cs1_events, sum, spins;
static volatile uint32_t dma_buf[4] __attribute__((aligned(16)));

/* IPCn holds vectors 4n..4n+3, 5 bits each at 8 (v % 4): IP << 2 | IS */
static void irq_setup(unsigned v, unsigned ip, unsigned is)
{
    unsigned sh = 8 * (v % 4);
    CLR(IPC(v / 4)) = 0x1fu << sh;
    SET(IPC(v / 4)) = (ip << 2 | is) << sh;
    REG(OFF(v)) = 0x400 + 8 * v; /* start.S's entry for v (multi-vector mode) */
    SET(IEC(v / 32)) = 1u << (v % 32);
}

static unsigned irq_level(unsigned v)
{
    return (REG(IPC(v / 4)) >> (8 * (v % 4) + 2)) & 7;
}

static void irq_clear(unsigned v)
{
    CLR(IFS(v / 32)) = 1u << (v % 32);
}

/* A yield: core software interrupt 0, as FreeRTOS's portYIELD does it
 * (a request while one is pending is the same request: counted once). */
static void yield(void)
{
    uint32_t c = MFC0(C0_CAUSE);
    if (!(c & CAUSE_IP0))
        yields_asked++;
    MTC0(C0_CAUSE, c | CAUSE_IP0);
}

static struct task *pick(void)
{
    struct task *best = &tasks[T_IDLE];
    for (unsigned i = 0; i < NTASK; i++)
        if (tasks[i].state == READY && tasks[i].prio > best->prio)
            best = &tasks[i];
    return best;
}

static void tick(void)
{
    uint32_t next = MFC0(C0_COMPARE) + TICK_COUNT;
    irq_clear(VEC_CT); /* clear, then rearm (Harmony's order) */
    if ((int32_t)(next - MFC0(C0_COUNT)) <= 0)
        next = MFC0(C0_COUNT) + TICK_COUNT; /* late (a closed window): no burst */
    MTC0(C0_COMPARE, next);
    ticks++;
    struct task *t = &tasks[T_TICK];
    if (t->state == SLEEPING && (int32_t)(ticks - t->wake) >= 0) {
        t->state = READY;
        if (t->prio > running->prio) /* preempt: a yield from the handler */
            yield();
    }
}

/* Every interrupt: vec from the multi-vector entry, or -1 (single-vector
 * mode: INTSTAT names it). Returns the frame to resume. */
uint32_t *fw_irq_dispatch(int vec, uint32_t *frame)
{
    uint32_t st = REG(INTSTAT), v = st & 0xff;
    if (vec >= 0 && (unsigned)vec != v)
        bad_intstat++;
    if (vec >= 0)
        v = (unsigned)vec;
    if (((st >> 8) & 7) != irq_level(v))
        bad_intstat++;
    taken[v]++;
    if (norder < 8)
        order[norder++] = v;
    switch (v) {
    case VEC_CT:
        tick();
        break;
    case VEC_CS0: /* FreeRTOS's order: Cause.IP0, then the flag */
        MTC0(C0_CAUSE, MFC0(C0_CAUSE) & ~CAUSE_IP0);
        irq_clear(VEC_CS0);
        if (running) {
            running->sp = frame;
            running = pick();
            frame = running->sp;
        }
        break;
    case VEC_CS1: /* NuttX's order: the flag, then Cause.IP1 */
        irq_clear(VEC_CS1);
        MTC0(C0_CAUSE, MFC0(C0_CAUSE) & ~CAUSE_IP1);
        cs1_events++;
        break;
    case VEC_T2:
        CLR(IEC(0)) = 1u << VEC_T2;
        irq_clear(VEC_T2);
        break;
    case VEC_U4TX: /* a persistent source: off before its flag */
        CLR(IEC(VEC_U4TX / 32)) = 1u << (VEC_U4TX % 32);
        irq_clear(VEC_U4TX);
        break;
    default:
        fw_puts("rtos: unexpected vector ");
        fw_putu(v);
        fw_putc('\n');
        CLR(IEC(v / 32)) = 1u << (v % 32);
        irq_clear(v);
        break;
    }
    return frame;
}

void fw_exception(uint32_t off, uint32_t cause, uint32_t epc)
{
    fw_exception_line("rtos", off, cause, epc);
}

/* ---- blocking ------------------------------------------------------- */

static void block(uint32_t state, uint32_t wake)
{
    fw_di();
    running->wake = wake;
    running->state = state;
    fw_ei();
    yield();
}

static void wake_up(unsigned t)
{
    if (tasks[t].state == BLOCKED) {
        tasks[t].state = READY;
        if (tasks[t].prio > running->prio)
            yield();
    }
}

static void q_send(uint32_t x)
{
    while (q_head - q_tail == QLEN)
        block(BLOCKED, 0);
    queue[q_head % QLEN] = x;
    q_head++;
    wake_up(T_CONS);
}

static uint32_t q_receive(void)
{
    while (q_head == q_tail)
        block(BLOCKED, 0);
    uint32_t x = queue[q_tail % QLEN];
    q_tail++;
    wake_up(T_PROD);
    return x;
}

/* ---- tasks ---------------------------------------------------------- */

static void task_exit(void)
{
    running->state = DONE;
    yield();
    for (;;)
        ;
}

/* A task's own CP0 accesses (under tinyVP a software-interrupt user's
 * are emulated at task level): written values read back, Status/IntCtl/
 * EBase as start.S set them. */
static void task_cp0(void)
{
    extern char fw_ebase[];
    unsigned bad = 0;
    MTC0(4, 2, 0x600dcafe);          /* UserLocal */
    MTC0(31, 2, 0x12345678);         /* KScratch1 */
    bad += MFC0(4, 2) != 0x600dcafe;
    bad += MFC0(31, 2) != 0x12345678;
    bad += (MFC0(12, 0) & 0x3) != 0x1; /* Status: IE, not EXL */
    bad += ((MFC0(12, 1) >> 5) & 0x1f) != 1; /* IntCtl.VS */
    bad += (MFC0(15, 1) & 0x3ffff000u) != ((uint32_t)fw_ebase & 0x3ffff000u);
    fw_puts(bad ? "producer: task CP0 WRONG\n" : "producer: task CP0 ok\n");
}

static void producer(void)
{
    task_cp0();
    for (uint32_t i = 1; i <= ITEMS; i++) {
        q_send(i * i);
        fw_puts("producer: sent ");
        fw_putu(i * i);
        fw_putc('\n');
    }
}

static void consumer(void)
{
    /* busy until the tick task is done: each tick preempts this task */
    while (tasks[T_TICK].state != DONE)
        spins++;
    fw_puts("consumer: preempted by every tick\n");
    unsigned seen = 0;
    for (unsigned i = 0; i < ITEMS; i++) {
        uint32_t x = q_receive();
        sum += x;
        fw_puts("consumer: got ");
        fw_putu(x);
        fw_putc('\n');
        /* into a buffer a DMA transfer would read: written back from the
         * data cache at task level (Hit Writeback Invalidate D, as
         * Harmony's SYS_CACHE_CleanDCache_by_Addr), then read uncached */
        dma_buf[i % 4] = x * 3 + 1;
        __asm__ volatile("cache 0x15, 0(%0)\n\tsync" : : "r"(&dma_buf[0]) : "memory");
        seen += ((volatile uint32_t *)((uint32_t)dma_buf | 0xA0000000u))[i % 4] == x * 3 + 1;
    }
    fw_puts("consumer: written back for DMA at task level ");
    fw_putu(seen);
    fw_puts(" of ");
    fw_putu(ITEMS);
    fw_putc('\n');
    /* an event through software interrupt 1 */
    MTC0(C0_CAUSE, MFC0(C0_CAUSE) | CAUSE_IP1);
    while (!cs1_events)
        ;
}

static void ticker(void)
{
    for (unsigned k = 0; k < TICKS; k++)
        block(SLEEPING, ticks + 1);
    CLR(IEC(0)) = 1u << VEC_CT; /* the tick is no longer needed: counts stay exact */
}

static void task_init(unsigned t, void (*fn)(void), uint32_t prio)
{
    uint32_t *f = &stacks[t][STACK_WORDS - FRAME_WORDS - 4];
    for (unsigned i = 0; i < FRAME_WORDS; i++)
        f[i] = 0;
    f[31] = (uint32_t)task_exit; /* ra */
    f[28] = 0;                   /* gp (-G0: unused) */
    f[34] = (uint32_t)fn;        /* EPC */
    f[35] = 0x3;                 /* Status: EXL (restored at EXL), IE after the ERET */
    tasks[t].sp = f;
    tasks[t].prio = prio;
    tasks[t].state = READY;
}

/* ---- the order of simultaneous requests ----------------------------- */

static void priority_order(void)
{
    fw_di();
    irq_setup(VEC_CS1, 3, 3);
    irq_setup(VEC_CS0, 3, 1);
    irq_setup(VEC_T2, 3, 1);
    irq_setup(VEC_U4TX, 3, 1);
    irq_setup(VEC_CT, 2, 0);
    MTC0(C0_COMPARE, MFC0(C0_COUNT) - 1); /* far away: the flag by hand */
    SET(IFS(0)) = 1u << VEC_CT | 1u << VEC_T2;
    MTC0(C0_CAUSE, MFC0(C0_CAUSE) | CAUSE_IP0 | CAUSE_IP1); /* CS0IF, CS1IF on the edge */
    SET(IFS(VEC_U4TX / 32)) = 1u << (VEC_U4TX % 32);
    norder = 0;
    fw_ei();
    while (norder < 5)
        ;
    fw_di();
    fw_puts("rtos: order");
    for (unsigned i = 0; i < norder; i++) {
        fw_putc(' ');
        fw_putu(order[i]);
    }
    fw_putc('\n');
    CLR(IEC(0)) = 1u << VEC_T2 | 1u << VEC_CT;
}

int main(void)
{
    fw_console_init();
    if (FW_MVEC)
        SET(INTCON) = INTCON_MVEC;
    fw_puts(FW_MVEC ? "rtos: multi-vector\n" : "rtos: single-vector\n");
    priority_order();
    for (unsigned v = 0; v < 256; v++)
        taken[v] = 0;
    yields_asked = 0;
    cs1_events = 0;
    ticks = 0;

    /* the kernel: main is the idle task */
    tasks[T_IDLE].prio = 0;
    tasks[T_IDLE].state = READY;
    task_init(T_PROD, producer, 1);
    task_init(T_CONS, consumer, 2);
    task_init(T_TICK, ticker, 3);
    running = &tasks[T_IDLE];
    irq_setup(VEC_CS0, 1, 0);
    irq_setup(VEC_CS1, 1, 1);
    irq_setup(VEC_CT, 2, 0);
    MTC0(C0_COMPARE, MFC0(C0_COUNT) + TICK_COUNT);
    irq_clear(VEC_CT); /* a match of the old Compare while it was off */
    fw_ei();
    yield(); /* the scheduler starts */
    while (tasks[T_PROD].state != DONE || tasks[T_CONS].state != DONE ||
           tasks[T_TICK].state != DONE)
        __asm__ volatile("wait");
    fw_di();
    fw_puts("rtos: sum ");
    fw_putu(sum);
    fw_puts(", ticks ");
    fw_putu(ticks);
    fw_puts(", interrupts: core timer ");
    fw_putu(taken[VEC_CT]);
    fw_puts(", software 0 ");
    fw_putu(taken[VEC_CS0]);
    fw_puts(" (yields asked ");
    fw_putu(yields_asked);
    fw_puts("), software 1 ");
    fw_putu(taken[VEC_CS1]);
    fw_puts(", INTSTAT mismatches ");
    fw_putu(bad_intstat);
    fw_puts("\nrtos: done\n");
    fw_flush();
    for (;;)
        __asm__ volatile("wait");
}

/*
 * intc-storm: a firmware that hammers its own interrupt controller
 * (PIC32MZ EF, DS60001320 sec. 7) and checks that every interrupt it is
 * given is one it asked for. As a partition it runs beside a neighbour
 * whose console must not change (tests/fw/run).
 *
 * Phase 1: Timer6 at its fastest useful period (PR6 = 1: a flag every two
 * PBCLK3 ticks, DS60001320 sec. 14) with its handler clearing T6IF; the
 * 1000th interrupt turns T6IE off: after that none may come, though the
 * timer keeps raising its flag.
 *
 * Phase 2: OPS operations chosen by a fixed pseudo-random sequence, each
 * with interrupts off (DI, then the stores, then a read-back so that they
 * have reached the controller before EI): IEC0 bits of CS0, CS1 and OC1
 * set, cleared, inverted (SET/CLR/INV) or toggled by read-modify-write;
 * their IFS0 flags raised (Cause.IP0 for CS0 as FreeRTOS does, IFS0SET as
 * mynewt does, IFS0INV, an SB) or cleared (IFS0CLR, IFS0INV); Timer6 (period 2 us, level 4) turned
 * on and off by IEC0INV while it runs. The program keeps its own model of
 * each flag and enable; after each EI every request that is pending and
 * enabled must be taken before the next operation (a bounded wait), and
 * handlers count any interrupt taken with its enable off or without a
 * flag raised. At the end IFS0/IEC0 must equal the model and, per vector,
 * taken + cancelled + still pending = raised.
 *
 * Phase 3: the same with Timer6 at 1 us (see phase3()).
 *
 * Everything printed follows from the sequence, not from time, except
 * that Timer6 interrupted at all (its count depends on time).
 */
#include "fw.h"

#define INV(a) REG((a) + 12)
#define B8(a)  (*(volatile uint8_t *)(a))

#define VEC_TMR 28 /* Timer6 */
#define VEC_SW  7  /* OC1: the module off, its flag raised by software only */
#define T6CON 0xBF840A00u
#define TMR6  0xBF840A10u
#define PR6   0xBF840A20u
#define OPS   20000
#define PHASE1 1000
#define PHASE3 200
#define PHASE3_LIMIT (COUNT_HZ / 20) /* 50 ms */

static const unsigned vecs[3] = {VEC_CS0, VEC_CS1, VEC_SW};
static volatile uint32_t taken[3], raised[3], cancelled[3], expect[3];
static volatile uint32_t m_flag[3], m_en[3], tmr_en, tmr_taken, phase;
static volatile uint32_t bad_enable, bad_flag, late[3], unexpected, t3_start, t3_stopped;

void fw_exception(uint32_t off, uint32_t cause, uint32_t epc)
{
    fw_exception_line("intc-storm", off, cause, epc);
    fw_flush();
    for (;;)
        ;
}

uint32_t *fw_irq_dispatch(int vec, uint32_t *frame)
{
    if (vec == VEC_TMR) {
        if (!((REG(IEC(0)) >> VEC_TMR) & 1) || (phase >= 2 && !tmr_en))
            bad_enable++;
        CLR(IFS(0)) = 1u << VEC_TMR;
        if (++tmr_taken == PHASE1 && phase == 1)
            CLR(IEC(0)) = 1u << VEC_TMR;
        if (phase == 3 && MFC0(C0_COUNT) - t3_start >= PHASE3_LIMIT) {
            REG(T6CON) = 0; /* starved: stop, so that the program ends */
            t3_stopped = 1;
        }
        return frame;
    }
    for (unsigned i = 0; i < 3; i++) {
        if ((unsigned)vec != vecs[i])
            continue;
        if (!((REG(IEC(0)) >> vec) & 1) || !m_en[i])
            bad_enable++;
        if (!m_flag[i])
            bad_flag++;
        if (vec == VEC_CS0)
            MTC0(C0_CAUSE, MFC0(C0_CAUSE) & ~CAUSE_IP0);
        CLR(IFS(0)) = 1u << vec;
        m_flag[i] = 0;
        taken[i]++;
        return frame;
    }
    unexpected++;
    CLR(IEC(vec / 32)) = 1u << (vec % 32);
    CLR(IFS(vec / 32)) = 1u << (vec % 32);
    return frame;
}

static void prio(unsigned v, unsigned ip, unsigned is)
{
    unsigned sh = 8 * (v % 4);
    CLR(IPC(v / 4)) = 0x1fu << sh;
    SET(IPC(v / 4)) = (ip << 2 | is) << sh;
    REG(OFF(v)) = 0x400 + 8 * v;
}

static void phase1(void)
{
    REG(T6CON) = 0;
    REG(TMR6) = 0;
    REG(PR6) = 1;
    CLR(IFS(0)) = 1u << VEC_TMR;
    SET(IEC(0)) = 1u << VEC_TMR;
    phase = 1;
    REG(T6CON) = 1u << 15;
    fw_ei();
    uint32_t t0 = MFC0(C0_COUNT);
    while (tmr_taken < PHASE1 && MFC0(C0_COUNT) - t0 < COUNT_HZ / 2)
        ;
    uint32_t at = tmr_taken;
    t0 = MFC0(C0_COUNT);
    while (MFC0(C0_COUNT) - t0 < COUNT_HZ / 1000) /* 1 ms more of the timer */
        ;
    fw_di();
    uint32_t flag = (REG(IFS(0)) >> VEC_TMR) & 1;
    REG(T6CON) = 0;
    CLR(IFS(0)) = 1u << VEC_TMR;
    fw_puts("intc-storm: phase 1: Timer6 at PR6 = 1, T6IE off at the ");
    fw_putu(PHASE1);
    fw_puts("th: taken ");
    fw_putu(at);
    fw_puts(", 1 ms later ");
    fw_putu(tmr_taken);
    fw_puts(", T6IF ");
    fw_putu(flag);
    fw_putc('\n');
}

static uint32_t seed; /* set in phase2: no initialised data (fw.ld) */
static uint32_t rnd(void)
{
    seed = seed * 1103515245u + 12345u;
    return seed >> 16;
}

/* raise vector i's flag, in one of the ways firmware does it */
static void raise(unsigned i, unsigned how)
{
    unsigned v = vecs[i];
    if (v == VEC_CS0 && how == 0)
        MTC0(C0_CAUSE, MFC0(C0_CAUSE) | CAUSE_IP0);
    else if (how == 1)
        INV(IFS(0)) = 1u << v;               /* it was clear */
    else if (v == VEC_SW && how == 2)
        B8(IFS(0)) = (uint8_t)(B8(IFS(0)) | 1u << VEC_SW);
    else
        SET(IFS(0)) = 1u << v;
    m_flag[i] = 1;
    raised[i]++;
}

static void cancel(unsigned i, unsigned how)
{
    unsigned v = vecs[i];
    if (v == VEC_CS0)
        MTC0(C0_CAUSE, MFC0(C0_CAUSE) & ~CAUSE_IP0);
    if (how)
        INV(IFS(0)) = 1u << v;               /* it was set */
    else
        CLR(IFS(0)) = 1u << v;
    m_flag[i] = 0;
    cancelled[i]++;
}

/* one operation of phases 2 and 3 (interrupts off around it) */
static void step(void)
{
    uint32_t r = rnd();
    unsigned i = r % 3, op = (r / 3) % 8, how = (r / 24) % 3;
    uint32_t bit = 1u << vecs[i];
    fw_di();
    switch (op) {
    case 0: SET(IEC(0)) = bit; m_en[i] = 1; break;
    case 1: CLR(IEC(0)) = bit; m_en[i] = 0; break;
    case 2: INV(IEC(0)) = bit; m_en[i] ^= 1; break;
    case 3: REG(IEC(0)) = REG(IEC(0)) ^ bit; m_en[i] ^= 1; break;
    case 4: case 5:
        if (!m_flag[i])
            raise(i, how);
        break;
    case 6:
        if (m_flag[i])
            cancel(i, how & 1);
        break;
    case 7: INV(IEC(0)) = 1u << VEC_TMR; tmr_en ^= 1; break;
    }
    (void)REG(IEC(0)); /* the stores have reached the controller */
    (void)REG(IFS(0));
    uint32_t want = 0;
    for (unsigned k = 0; k < 3; k++)
        if (m_flag[k] && m_en[k]) {
            expect[k]++;
            want |= 1u << k;
        }
    fw_ei();
    for (unsigned w = 0; w < 2000 && want; w++)
        for (unsigned k = 0; k < 3; k++)
            if (!m_flag[k])
                want &= ~(1u << k);
    fw_di();
    for (unsigned k = 0; k < 3; k++)
        if (want & (1u << k)) {
            late[k]++;
            expect[k]--;
        }
}

static void timer6(uint32_t pr)
{
    REG(T6CON) = 0;
    REG(TMR6) = 0;
    REG(PR6) = pr;
    REG(T6CON) = 1u << 15;
}

static void phase2(void)
{
    seed = 12345;
    prio(VEC_CS0, 3, 0);
    prio(VEC_CS1, 3, 1);
    prio(VEC_SW, 3, 2);
    CLR(IEC(0)) = 1u << VEC_TMR;
    tmr_en = 0;
    tmr_taken = 0;
    phase = 2;
    timer6(199);                             /* 2 us */
    for (unsigned n = 0; n < OPS; n++)
        step();
    REG(T6CON) = 0;
    CLR(IEC(0)) = 1u << VEC_TMR;
    tmr_en = 0;
    uint32_t ifs = REG(IFS(0)), iec = REG(IEC(0)), model_ok = 1;
    for (unsigned k = 0; k < 3; k++)
        model_ok &= ((ifs >> vecs[k]) & 1) == m_flag[k] && ((iec >> vecs[k]) & 1) == m_en[k];
    static const char *const names[3] = {"CS0", "CS1", "OC1"};
    unsigned balance = 1;
    for (unsigned k = 0; k < 3; k++) {
        fw_puts("intc-storm: phase 2: ");
        fw_puts(names[k]);
        fw_puts(" raised ");
        fw_putu(raised[k]);
        fw_puts(", taken ");
        fw_putu(taken[k]);
        fw_puts(" (model ");
        fw_putu(expect[k]);
        fw_puts("), cancelled ");
        fw_putu(cancelled[k]);
        fw_puts(", pending ");
        fw_putu(m_flag[k]);
        fw_puts(", not taken in time ");
        fw_putu(late[k]);
        fw_putc('\n');
        balance &= taken[k] + cancelled[k] + m_flag[k] == raised[k];
    }
    fw_puts("intc-storm: phase 2: ");
    fw_putu(OPS);
    fw_puts(" operations; IFS0/IEC0 as the model: ");
    fw_puts(model_ok ? "yes" : "NO");
    fw_puts("; taken + cancelled + pending = raised: ");
    fw_puts(balance ? "yes" : "NO");
    fw_puts("; Timer6 interrupted: ");
    fw_puts(tmr_taken ? "yes" : "no");
    fw_putc('\n');
}

/* Phase 3: the same operations with Timer6 at 1 us (PR6 = 99) and on:
 * the bare board spends under half its time in the Timer6 handler and
 * does PHASE3 operations in about 9 ms of Count; given 50 ms of
 * Count (as a partition with 3 ms of every 4 ms: 37 ms of its own), it
 * must get them done. The Timer6 handler stops the timer at the limit,
 * so that a program starved by its interrupts still ends. */
static void phase3(void)
{
    phase = 3;
    t3_start = MFC0(C0_COUNT);
    SET(IEC(0)) = 1u << VEC_TMR;
    tmr_en = 1;
    timer6(99);
    unsigned n = 0;
    while (n < PHASE3 && MFC0(C0_COUNT) - t3_start < PHASE3_LIMIT) {
        step();
        if (!tmr_en) { /* step's INV turned it off: on again */
            SET(IEC(0)) = 1u << VEC_TMR;
            tmr_en = 1;
        }
        n++;
    }
    fw_di();
    REG(T6CON) = 0;
    CLR(IEC(0)) = 1u << VEC_TMR;
    tmr_en = 0;
    CLR(IFS(0)) = 1u << VEC_TMR;
    fw_puts("intc-storm: phase 3: Timer6 at PR6 = 99 (1 us): ");
    fw_putu(PHASE3);
    fw_puts(" operations done within 50 ms of Count: ");
    fw_puts(n == PHASE3 && !t3_stopped ? "yes" : "NO");
    fw_putc('\n');
}

int main(void)
{
    fw_console_init();
    fw_di();
    MTC0(C0_COMPARE, MFC0(C0_COUNT) - 1);
    SET(INTCON) = INTCON_MVEC;
    prio(VEC_TMR, 4, 0);
    phase1();
    phase2();
    phase3();
    fw_puts("intc-storm: taken with the enable off ");
    fw_putu(bad_enable);
    fw_puts(", taken without a flag raised ");
    fw_putu(bad_flag);
    fw_puts(", unexpected vectors ");
    fw_putu(unexpected);
    fw_puts("\nintc-storm: done\n");
    fw_flush();
    for (;;)
        __asm__ volatile("wait");
}

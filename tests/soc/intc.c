/* Interrupt controller: multi- and single-vector delivery, priorities,
 * sub-priorities and natural order, IPL masking, shadow sets from PRISS,
 * INTSTAT, core timer and software interrupts, unimplemented vectors,
 * temporal proximity (TPC/IPTMR). */
#include "soc_test.h"

static volatile unsigned order[16], norder;
static volatile uint32_t seen_intstat[16], seen_ripl[16];
static volatile uint32_t ct_count;

/* stub tag -> vector it was installed for */
static unsigned tag_vec[8];

void irq_handler(unsigned tag)
{
    unsigned v = tag == 99 ? (REG(INTSTAT) & 0xFF) : tag_vec[tag];
    unsigned n = norder;
    if (n < 16) {
        order[n] = v;
        seen_intstat[n] = REG(INTSTAT);
        seen_ripl[n] = (MFC0(13, 0) & CAUSEF_RIPL) >> 10;
    }
    norder = n + 1;
    if (v == V_CS0)
        MTC0(13, 0, MFC0(13, 0) & ~CAUSEF_IP0);
    if (v == V_CS1)
        MTC0(13, 0, MFC0(13, 0) & ~CAUSEF_IP1);
    if (v == V_CT) {
        ct_count = c0_count();
        MTC0(11, 0, c0_count() - 1); /* far away: clears Cause.TI */
    }
    irq_ack(v);
}

static void install(unsigned tag, unsigned v, char *stub)
{
    tag_vec[tag] = v;
    REG(OFF(v)) = ebase_off(stub);
}

static void reset_log(void) { norder = 0; }

static void spin(unsigned n)
{
    for (volatile unsigned i = 0; i < n; i++)
        ;
}

int main(void)
{
    /* reset values */
    CHECK_EQ(REG(INTCON), 0);
    CHECK_EQ(REG(PRISS), 0);
    CHECK_EQ(REG(IFS(0)), 0);
    CHECK_EQ(REG(IPC(0)), 0);

    /* multi-vector: software interrupts 0/1 at priorities 3/5 */
    REG(INTCON) = INTCON_MVEC;
    install(1, V_CS0, irq_stub1);
    install(2, V_CS1, irq_stub2);
    CHECK_EQ(REG(OFF(V_CS0)), ebase_off(irq_stub1));
    irq_setup(V_CS0, 3, 0);
    irq_setup(V_CS1, 5, 0);
    MTC0(13, 0, MFC0(13, 0) | CAUSEF_IP0 | CAUSEF_IP1);
    /* flags are set whatever the CPU's IE says */
    CHECK(irq_flag(V_CS0));
    CHECK(irq_flag(V_CS1));
    reset_log();
    irq_cpu_enable();
    spin(10);
    irq_cpu_disable();
    CHECK_EQ(norder, 2);
    CHECK_EQ(order[0], V_CS1);
    CHECK_EQ(order[1], V_CS0);
    CHECK_EQ(seen_intstat[0], V_CS1 | 5u << 8);
    CHECK_EQ(seen_intstat[1], V_CS0 | 3u << 8);
    CHECK_EQ(seen_ripl[0], 5);
    CHECK_EQ(seen_ripl[1], 3);

    /* sub-priority, then natural order (lower vector first) */
    install(3, V_T(2), irq_stub3);
    install(4, V_T(3), irq_stub4);
    irq_setup(V_T(2), 4, 1);
    irq_setup(V_T(3), 4, 3);
    SET(IFS(0)) = (1u << V_T(2)) | (1u << V_T(3));
    reset_log();
    irq_cpu_enable();
    spin(10);
    irq_cpu_disable();
    CHECK_EQ(norder, 2);
    CHECK_EQ(order[0], V_T(3));
    CHECK_EQ(order[1], V_T(2));
    irq_setup(V_T(3), 4, 1);
    SET(IFS(0)) = (1u << V_T(2)) | (1u << V_T(3));
    reset_log();
    irq_cpu_enable();
    spin(10);
    irq_cpu_disable();
    CHECK_EQ(norder, 2);
    CHECK_EQ(order[0], V_T(2));
    CHECK_EQ(order[1], V_T(3));

    /* IPL masking: with Status.IPL = 4, priority 3 waits, 5 is taken */
    irq_setup(V_T(2), 3, 0);
    irq_setup(V_T(3), 5, 0);
    reset_log();
    irq_cpu_enable();
    irq_cpu_disable();
    MTC0(12, 0, (MFC0(12, 0) & ~ST0_IPL) | (4u << 10) | ST0_IE);
    SET(IFS(0)) = 1u << V_T(2);
    spin(10);
    CHECK_EQ(norder, 0);
    SET(IFS(0)) = 1u << V_T(3);
    spin(10);
    CHECK_EQ(norder, 1);
    CHECK_EQ(order[0], V_T(3));
    MTC0(12, 0, MFC0(12, 0) & ~ST0_IPL);
    spin(10);
    irq_cpu_disable();
    CHECK_EQ(norder, 2);
    CHECK_EQ(order[1], V_T(2));
    /* a disabled source keeps its flag and is not delivered */
    CLR(IEC(0)) = 1u << V_T(2);
    SET(IFS(0)) = 1u << V_T(2);
    reset_log();
    irq_cpu_enable();
    spin(10);
    irq_cpu_disable();
    CHECK_EQ(norder, 0);
    CHECK(irq_flag(V_T(2)));
    irq_ack(V_T(2));

    /* single-vector mode: everything at EBase + 0x200, INTSTAT names it */
    REG(INTCON) = 0;
    exc_hook = irq_hook_entry;
    irq_setup(V_T(2), 2, 0);
    SET(IFS(0)) = 1u << V_T(2);
    reset_log();
    irq_cpu_enable();
    spin(10);
    irq_cpu_disable();
    CHECK_EQ(norder, 1);
    CHECK_EQ(order[0], V_T(2));
    CHECK_EQ(seen_intstat[0], V_T(2) | 2u << 8);
    CLR(IEC(0)) = 1u << V_T(2);

    /* shadow sets: PRI6SS = 3 in multi-vector mode */
    REG(INTCON) = INTCON_MVEC;
    REG(OFF(V_CS0)) = ebase_off(ss_handler);
    irq_setup(V_CS0, 6, 0);
    REG(PRISS) = 3u << 24;
    CHECK_EQ(REG(PRISS), 3u << 24);
    MTC0(13, 0, MFC0(13, 0) | CAUSEF_IP0);
    irq_cpu_enable();
    spin(10);
    irq_cpu_disable();
    CHECK_EQ(ss_count, 1);
    CHECK_EQ(ss_srsctl & 0xF, 3);          /* CSS */
    CHECK_EQ((ss_srsctl >> 6) & 0xF, 0);   /* PSS: interrupted set */
    CHECK_EQ((ss_srsctl >> 18) & 0xF, 3);  /* EICSS */
    CHECK_EQ(ss_intstat, V_CS0 | 6u << 8);
    {
        uint32_t srs = MFC0(12, 2), t0;
        MTC0(12, 2, (srs & ~(0xFu << 6)) | (3u << 6));
        __asm__ volatile("rdpgpr %0, $8" : "=r"(t0));
        MTC0(12, 2, srs);
        CHECK_EQ(t0, 0x5A5A);
    }
    /* single-vector mode with SS0: shadow set 1 */
    REG(INTCON) = 0;
    REG(PRISS) = 1;
    exc_hook = ss_handler;
    MTC0(13, 0, MFC0(13, 0) | CAUSEF_IP0);
    irq_cpu_enable();
    spin(10);
    irq_cpu_disable();
    CHECK_EQ(ss_count, 2);
    CHECK_EQ(ss_srsctl & 0xF, 1);
    REG(PRISS) = 0;
    CLR(IEC(0)) = 1u << V_CS0;
    CLR(IEC(0)) = 1u << V_CS1;

    /* vectors that do not exist: no flag bit, no OFF register */
    SET(IFS(3)) = 1u << (96 - 96);
    CHECK_EQ(REG(IFS(3)) & 1, 0);
    REG(OFF(96)) = 0x1000;
    CHECK_EQ(REG(OFF(96)), 0);
    REG(OFF(95)) = 0x1000;
    CHECK_EQ(REG(OFF(95)), 0);
    CHECK_EQ(REG(IPC(24)), 0);
    REG(IPC(24)) = 0x1F1F1F1F;
    CHECK_EQ(REG(IPC(24)), 0);
    /* OFF keeps VOFF 17:1 only */
    REG(OFF(9)) = 0xFFFFFFFFu;
    CHECK_EQ(REG(OFF(9)), 0x0003FFFEu);

    /* core timer, vector 0, multi-vector */
    REG(INTCON) = INTCON_MVEC;
    exc_hook = 0;
    install(0, V_CT, irq_stub0);
    irq_setup(V_CT, 2, 0);
    reset_log();
    uint32_t due = c0_count() + 2000;
    MTC0(11, 0, due);
    irq_cpu_enable();
    while (norder == 0 && (int32_t)(c0_count() - due) < 4000)
        ;
    irq_cpu_disable();
    CHECK_EQ(norder, 1);
    CHECK_EQ(order[0], V_CT);
    CHECK((int32_t)(ct_count - due) >= 0);
    CHECK((int32_t)(ct_count - due) < 60);
    CLR(IEC(0)) = 1u;

    /* temporal proximity: TPC = 3 holds a priority-2 request IPTMR cycles */
    install(3, V_T(2), irq_stub3);
    irq_setup(V_T(2), 2, 0);
    REG(IPTMR) = 4000; /* SYSCLK cycles = 2000 Count ticks */
    REG(INTCON) = INTCON_MVEC | (3u << 8);
    reset_log();
    irq_cpu_enable();
    uint32_t t0 = c0_count();
    SET(IFS(0)) = 1u << V_T(2);
    spin(20);
    CHECK_EQ(norder, 0);
    while (norder == 0 && c0_count() - t0 < 10000)
        ;
    uint32_t t1 = c0_count();
    irq_cpu_disable();
    CHECK_EQ(norder, 1);
    CHECK(t1 - t0 >= 2000);
    CHECK(t1 - t0 < 2300);
    /* above TPC: not delayed */
    irq_setup(V_T(2), 4, 0);
    reset_log();
    irq_cpu_enable();
    SET(IFS(0)) = 1u << V_T(2);
    spin(2);
    irq_cpu_disable();
    CHECK_EQ(norder, 1);
    REG(INTCON) = 0;
    return t_done("intc");
}

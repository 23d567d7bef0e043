/*
 * intc-forms: a firmware that uses every way a program reaches the PIC32MZ
 * EF interrupt controller (DS60001320 sec. 7, "CPU Exceptions and
 * Interrupt Controller"; PIC32 Family Reference Manual sec. 8 for the
 * CLR/SET/INV registers at +4/+8/+C) on the vectors it owns, and prints
 * what the controller reads back and what the CPU did, step by step:
 *
 *   forms:   IFS0/IEC0/IFS3/IEC3 through SW, SWCLR/SWSET/SWINV and the
 *            read-modify-write a bitfield assignment compiles to; SB and
 *            SH into them; IPCn priority fields by word, by alias, by SB
 *            (one field, as a uint8_t field access) and by SH; their
 *            unimplemented bits 7:5 of each field; OFFn by word, halfword
 *            and byte (XC32's .dinit copy), which have no aliases (the
 *            next word is the next vector's OFF); LBU/LHU read-backs.
 *   flags:   a Timer1 flag raised by the timer with IEC off; CS0IF raised
 *            by Cause.IP0 and kept after Cause.IP0 is cleared (cleared
 *            only by software); CS1IF by IFS0SET.
 *   order:   eight requests pending at once, taken in priority, then
 *            sub-priority, then vector order; single-vector mode (INTSTAT
 *            names each in its handler) and multi-vector mode (OFFn);
 *            equal levels across IFS words: higher sub-priority, then
 *            the lower vector.
 *   nesting: a level-2 handler lowers its IPL to RIPL and re-enables
 *            interrupts (XC32's IPLnSOFT prologue): a level-5 request it
 *            raises preempts it at once, a level-2 and a level-1 one wait
 *            (in both modes).
 *   enable:  a flag set while its IEC bit is off is not taken, and is
 *            taken once when the bit comes on.
 *   live:    with interrupts on, the enable of a pending request turned
 *            on by SET, INV, SW, SB and SH, and the flag of an enabled
 *            one raised by each: taken once each; priority 0 keeps a
 *            pending, enabled request off until an SB gives it a level;
 *            Status.IPL holds back its level and below, not above; OFF14
 *            rewritten at run time sends T3 to that entry.
 *   persist: UART1's transmit interrupt (UTXISEL = 00: while the FIFO has
 *            room) is a persistent source: its flag comes back after
 *            IFS3CLR (or an SB clearing it) while the transmitter is on,
 *            its handler runs again after each clear, its enable turned
 *            on again brings it back, and its flag stays clear once the
 *            transmitter is off.
 *
 * Vectors used (docs/config.md: its YAML owns timer1..3 and uart1): core
 * timer 0, CS0 1, CS1 2, Timer1 4, Timer2 9, Timer3 14, UART1 fault 112,
 * receive 113, transmit 114. Only those vectors' bits and fields are
 * written. Nothing printed depends on time.
 */
#include "fw.h"

#define B8(a)  (*(volatile uint8_t *)(a))
#define H16(a) (*(volatile uint16_t *)(a))
#define INV(a) REG((a) + 12)

#define VEC_T1   4
#define VEC_T3   14
#define VEC_U1E  112
#define VEC_U1RX 113
#define VEC_U1TX 114

#define T1CON 0xBF840000u
#define TMR1  0xBF840010u
#define PR1   0xBF840020u
#define U1MODE 0xBF822000u
#define U1STA  0xBF822010u

/* the vectors' bits in IFS0/IEC0 and IFS3/IEC3 */
#define OWN0 (1u << VEC_CT | 1u << VEC_CS0 | 1u << VEC_CS1 | 1u << VEC_T1 | 1u << VEC_T2 | 1u << VEC_T3)
#define OWN3 (7u << (VEC_U1E - 96))

enum { M_PLAIN, M_NEST, M_PERSIST, M_OFF };

static volatile uint32_t mode, nlog, logv[40], logst[40], taken[256], bad_intstat;

static void say(const char *what, uint32_t v)
{
    fw_puts("intc-forms: ");
    fw_puts(what);
    fw_putc(' ');
    fw_puthex(v);
    fw_putc('\n');
}

static unsigned level(unsigned v)
{
    return (REG(IPC(v / 4)) >> (8 * (v % 4) + 2)) & 7;
}

static void note(uint32_t v, uint32_t st)
{
    if (nlog < 40) {
        logv[nlog] = v;
        logst[nlog] = st;
        nlog++;
    }
}

static void clear_flag(unsigned v)
{
    if (v == VEC_CS0) /* FreeRTOS's order: Cause.IP0, then the flag */
        MTC0(C0_CAUSE, MFC0(C0_CAUSE) & ~CAUSE_IP0);
    if (v == VEC_CS1)
        MTC0(C0_CAUSE, MFC0(C0_CAUSE) & ~CAUSE_IP1);
    CLR(IFS(v / 32)) = 1u << (v % 32);
}

/* a bounded wait for a handler to have logged `n` entries */
static void settle(uint32_t n)
{
    for (unsigned i = 0; i < 2000 && nlog < n; i++)
        __asm__ volatile("nop");
}

/* the level-2 Timer1 handler of the nesting step: XC32's IPLnSOFT
 * prologue (Status.IPL = Cause.RIPL, EXL off, IE on: MIPS32 PRA MD00090
 * sec. 6.1.1.3, EIC mode), then requests above, at and below its level */
static void nest_t1(uint32_t cause)
{
    uint32_t ripl = (cause >> 10) & 0xff;
    uint32_t sr = MFC0(C0_STATUS);
    sr = (sr & ~(0x7fu << 10 | 1u << 18 | 0x1fu)) | (ripl & 0x7f) << 10 | (ripl >> 7) << 18 | 1u;
    MTC0(C0_STATUS, sr);
    SET(IFS(0)) = 1u << VEC_T2;          /* level 5: preempts at once */
    settle(nlog + 1);
    note(0x100 | 'm', 0);
    SET(IFS(0)) = 1u << VEC_CS1;         /* level 2: waits for this handler */
    SET(IFS(0)) = 1u << VEC_CT;          /* level 1: waits */
    for (unsigned i = 0; i < 2000; i++)
        __asm__ volatile("nop");
    note(0x100 | 'e', 0);
    fw_di();
}

static volatile uint32_t persist_count;

/* Every interrupt: vec from the multi-vector entry, or -1 (single-vector
 * mode: INTSTAT names it). */
uint32_t *fw_irq_dispatch(int vec, uint32_t *frame)
{
    uint32_t cause = MFC0(C0_CAUSE); /* RIPL: the request being taken */
    uint32_t st = REG(INTSTAT);
    unsigned v = vec >= 0 ? (unsigned)vec : st & 0xff;
    if (mode == M_OFF) { /* entered through another vector's entry */
        note((unsigned)vec, st);
        CLR(IFS(0)) = 1u << VEC_T3;
        return frame;
    }
    if ((vec >= 0 && (st & 0xff) != (unsigned)vec) || ((st >> 8) & 7) != level(v))
        bad_intstat++;
    taken[v & 0xff]++;
    note(v, st);
    if (mode == M_PERSIST && v == VEC_U1TX) {
        CLR(IFS(3)) = 1u << (VEC_U1TX - 96); /* the source is still there */
        if (++persist_count % 3 == 0)
            CLR(IEC(3)) = 1u << (VEC_U1TX - 96);
        return frame;
    }
    clear_flag(v);
    if (mode == M_NEST && v == VEC_T1)
        nest_t1(cause);
    return frame;
}

void fw_exception(uint32_t off, uint32_t cause, uint32_t epc)
{
    fw_exception_line("intc-forms", off, cause, epc);
    fw_flush();
    for (;;)
        ;
}

static void prio(unsigned v, unsigned ip, unsigned is)
{
    unsigned sh = 8 * (v % 4);
    CLR(IPC(v / 4)) = 0x1fu << sh;
    SET(IPC(v / 4)) = (ip << 2 | is) << sh;
}

/* "intc-forms: WHAT: NAME value ..." for the n registers of a list */
struct reg { const char *name; uint32_t addr; };
static void show(const char *what, const struct reg *r, unsigned n)
{
    fw_puts("intc-forms: ");
    fw_puts(what);
    fw_putc(':');
    for (unsigned i = 0; i < n; i++) {
        fw_putc(' ');
        fw_puts(r[i].name);
        fw_putc(' ');
        fw_puthex(REG(r[i].addr));
    }
    fw_putc('\n');
}

static void show_ifs_iec(const char *what)
{
    static const struct reg r[] = {{"IFS0", IFS(0)}, {"IEC0", IEC(0)}, {"IFS3", IFS(3)}, {"IEC3", IEC(3)}};
    show(what, r, 4);
}

static void show_ipc(const char *what)
{
    static const struct reg r[] = {{"IPC0", IPC(0)}, {"IPC1", IPC(1)}, {"IPC2", IPC(2)}, {"IPC3", IPC(3)}, {"IPC28", IPC(28)}};
    show(what, r, 5);
}
/* ---- 1. every store and load form, interrupts off ------------------- */

static void forms(void)
{
    show_ifs_iec("reset");
    show_ipc("reset");

    /* IEC: aliases, plain word (read-modify-write), byte, halfword */
    SET(IEC(0)) = OWN0;
    show_ifs_iec("IEC0SET all own");
    CLR(IEC(0)) = 1u << VEC_CT | 1u << VEC_T2;
    show_ifs_iec("IEC0CLR CT,T2");
    INV(IEC(0)) = 1u << VEC_CT | 1u << VEC_CS0 | 1u << VEC_T3;
    show_ifs_iec("IEC0INV CT,CS0,T3");
    REG(IEC(0)) = (REG(IEC(0)) & ~OWN0) | 1u << VEC_CS1 | 1u << VEC_T2;
    show_ifs_iec("IEC0 = RMW CS1,T2");
    B8(IEC(0) + 1) = (uint8_t)((1u << VEC_T2 | 1u << VEC_T3) >> 8);
    show_ifs_iec("SB IEC0 byte 1 <- T2,T3");
    B8(IEC(0)) = (uint8_t)(1u << VEC_CT | 1u << VEC_T1);
    show_ifs_iec("SB IEC0 byte 0 <- CT,T1");
    H16(IEC(3) + 2) = (uint16_t)((1u << (VEC_U1E - 96) | 1u << (VEC_U1TX - 96)) >> 16);
    show_ifs_iec("SH IEC3 half 1 <- U1E,U1TX");
    INV(IEC(3)) = OWN3;
    show_ifs_iec("IEC3INV U1*");
    say("LBU IEC0 byte 0", B8(IEC(0)));
    say("LBU IEC0 byte 1", B8(IEC(0) + 1));
    say("LHU IEC3 half 1", H16(IEC(3) + 2));
    CLR(IEC(0)) = OWN0;
    CLR(IEC(3)) = OWN3;
    show_ifs_iec("IEC0CLR IEC3CLR all own");

    /* IFS: the same forms (no priorities yet and interrupts off: nothing
     * is taken); Compare far from Count, the timers and UART1 off */
    MTC0(C0_COMPARE, MFC0(C0_COUNT) - 1);
    SET(IFS(0)) = OWN0;
    show_ifs_iec("IFS0SET all own");
    CLR(IFS(0)) = 1u << VEC_CS0 | 1u << VEC_T3;
    show_ifs_iec("IFS0CLR CS0,T3");
    INV(IFS(0)) = 1u << VEC_CT | 1u << VEC_CS0 | 1u << VEC_T1;
    show_ifs_iec("IFS0INV CT,CS0,T1");
    REG(IFS(0)) = REG(IFS(0)) & ~(1u << VEC_T2); /* IFS0bits.T2IF = 0 */
    show_ifs_iec("IFS0 = RMW T2 off");
    B8(IFS(0) + 1) = (uint8_t)((1u << VEC_T3) >> 8);
    show_ifs_iec("SB IFS0 byte 1 <- T3");
    H16(IFS(0)) = (uint16_t)(1u << VEC_CS1 | 1u << VEC_T1);
    show_ifs_iec("SH IFS0 half 0 <- CS1,T1");
    SET(IFS(3)) = 1u << (VEC_U1RX - 96);
    B8(IFS(3) + 2) = (uint8_t)((1u << (VEC_U1E - 96) | 1u << (VEC_U1RX - 96)) >> 16);
    show_ifs_iec("IFS3SET U1RX, SB IFS3 byte 2 <- U1E,U1RX");
    say("LBU IFS0 byte 1", B8(IFS(0) + 1));
    say("LHU IFS3 half 1", H16(IFS(3) + 2));
    CLR(IFS(0)) = OWN0;
    CLR(IFS(3)) = OWN3;
    show_ifs_iec("IFS0CLR IFS3CLR all own");

    /* IPC: fields of 5 bits (IP 4:2, IS 1:0) in each byte, bits 7:5 read 0 */
    SET(IPC(0)) = 0x001f1f1fu;
    show_ipc("IPC0SET CT,CS0,CS1 = 1f");
    CLR(IPC(0)) = 0x00030c10u;
    show_ipc("IPC0CLR 03,0c,10");
    INV(IPC(0)) = 0x00151515u;
    show_ipc("IPC0INV 15,15,15");
    REG(IPC(1)) = (REG(IPC(1)) & ~0x1fu) | (5u << 2 | 2u); /* IPC1bits.T1IP/T1IS */
    show_ipc("IPC1 = RMW T1 5/2");
    B8(IPC(2) + 1) = 0xffu;                      /* T2: bits 7:5 do not exist */
    show_ipc("SB IPC2 byte 1 <- ff");
    B8(IPC(3) + 2) = 6u << 2 | 1u;               /* T3 */
    show_ipc("SB IPC3 byte 2 <- 19");
    H16(IPC(28)) = (uint16_t)((3u << 2 | 3u) | (7u << 2) << 8); /* U1E, U1RX */
    show_ipc("SH IPC28 half 0 <- U1E 3/3, U1RX 7/0");
    B8(IPC(28) + 2) = 2u << 2 | 1u;              /* U1TX */
    show_ipc("SB IPC28 byte 2 <- 09");
    say("LBU IPC28 byte 1", B8(IPC(28) + 1));
    say("LHU IPC28 half 1", H16(IPC(28) + 2));
    say("LBU IPC2 byte 1", B8(IPC(2) + 1));
    INV(IPC(28)) = 0x00ffffffu;
    show_ipc("IPC28INV own bytes ff");
    CLR(IPC(0)) = 0x001f1f1fu;
    CLR(IPC(1)) = 0x1fu;
    CLR(IPC(2)) = 0x1fu << 8;
    CLR(IPC(3)) = 0x1fu << 16;
    CLR(IPC(28)) = 0x001f1f1fu;
    show_ipc("all own cleared");

    /* OFF: VOFF in bits 17:1; word, halfword, byte by byte; no aliases */
    REG(OFF(VEC_U1E)) = 0x11111111u;
    REG(OFF(VEC_U1RX)) = 0xffffffffu;
    REG(OFF(VEC_U1TX)) = 0x22222222u;
    say("SW OFF112 <- 11111111", REG(OFF(VEC_U1E)));
    say("SW OFF113 <- ffffffff", REG(OFF(VEC_U1RX)));
    say("SW OFF114 <- 22222222", REG(OFF(VEC_U1TX)));
    REG(OFF(VEC_U1E) + 4) = 0x00000400u;         /* that is OFF113 itself */
    say("SW OFF112+4 <- 400: OFF112", REG(OFF(VEC_U1E)));
    say("SW OFF112+4 <- 400: OFF113", REG(OFF(VEC_U1RX)));
    H16(OFF(VEC_U1TX)) = 0x1234;
    H16(OFF(VEC_U1TX) + 2) = 0x0003;
    say("SH OFF114 <- 1234, 0003", REG(OFF(VEC_U1TX)));
    static const uint8_t bytes[4] = {0x48, 0x07, 0x01, 0x00}; /* .dinit: byte by byte */
    for (unsigned i = 0; i < 4; i++)
        B8(OFF(VEC_T3) + i) = bytes[i];
    say("SB x4 OFF14 <- 00010748", REG(OFF(VEC_T3)));
    say("LBU OFF14 byte 1", B8(OFF(VEC_T3) + 1));
    say("LHU OFF14 half 1", H16(OFF(VEC_T3) + 2));
}

/* ---- 2. flags raised by their sources, interrupts off ---------------- */

static void flags(void)
{
    /* Timer1 (period PR1 + 1 PBCLK3 ticks) raises T1IF with T1IE = 0 */
    REG(T1CON) = 0;
    REG(TMR1) = 0;
    REG(PR1) = 99;
    REG(T1CON) = 1u << 15;
    unsigned seen = 0;
    for (unsigned i = 0; i < 100000 && !seen; i++)
        seen = (REG(IFS(0)) >> VEC_T1) & 1;
    REG(T1CON) = 0;
    say("Timer1 on, T1IE 0: T1IF", seen);
    CLR(IFS(0)) = 1u << VEC_T1;
    say("Timer1 off, IFS0CLR: T1IF", (REG(IFS(0)) >> VEC_T1) & 1);

    MTC0(C0_CAUSE, MFC0(C0_CAUSE) | CAUSE_IP0);
    seen = 0; /* a few reads: the request travels from the core to the controller */
    for (unsigned i = 0; i < 100 && !seen; i++)
        seen = (REG(IFS(0)) >> VEC_CS0) & 1;
    say("Cause.IP0 set (interrupts off): CS0IF within 100 reads", seen);
    MTC0(C0_CAUSE, MFC0(C0_CAUSE) & ~CAUSE_IP0);
    say("Cause.IP0 cleared: CS0IF", (REG(IFS(0)) >> VEC_CS0) & 1);
    CLR(IFS(0)) = 1u << VEC_CS0;
    say("IFS0CLR: CS0IF", (REG(IFS(0)) >> VEC_CS0) & 1);
    MTC0(C0_CAUSE, MFC0(C0_CAUSE) | CAUSE_IP1);
    seen = 0;
    for (unsigned i = 0; i < 100 && !seen; i++)
        seen = (REG(IFS(0)) >> VEC_CS1) & 1;
    say("Cause.IP1 set (interrupts off): CS1IF within 100 reads", seen);
    MTC0(C0_CAUSE, MFC0(C0_CAUSE) & ~CAUSE_IP1);
    CLR(IFS(0)) = 1u << VEC_CS1;
    say("Cause.IP1 cleared, IFS0CLR: CS1IF", (REG(IFS(0)) >> VEC_CS1) & 1);
    SET(IFS(0)) = 1u << VEC_CS1;
    say("IFS0SET CS1: CS1IF", (REG(IFS(0)) >> VEC_CS1) & 1);
    say("Cause.IP1 (only the flag was set)", (MFC0(C0_CAUSE) >> 9) & 1);
    CLR(IFS(0)) = 1u << VEC_CS1;
    show_ifs_iec("flags done");
}

/* ---- 3. order of simultaneous requests ------------------------------ */

static void print_log(const char *what)
{
    fw_puts("intc-forms: ");
    fw_puts(what);
    for (unsigned i = 0; i < nlog; i++) {
        fw_putc(' ');
        if (logv[i] & 0x100)
            fw_putc((char)(logv[i] & 0xff));
        else {
            fw_putu(logv[i]);
            if (logst[i]) {
                fw_putc('/');
                fw_puthex(logst[i] & 0x7ff);
            }
        }
    }
    fw_putc('\n');
}

static void order(const char *what)
{
    prio(VEC_U1RX, 7, 0);
    prio(VEC_T2, 6, 0);
    prio(VEC_T3, 6, 0);
    prio(VEC_CS1, 4, 3);
    prio(VEC_CS0, 4, 1);
    prio(VEC_T1, 4, 1);
    prio(VEC_CT, 2, 0);
    prio(VEC_U1E, 1, 3);
    /* raised in the reverse of the expected order, each its own way */
    SET(IFS(3)) = 1u << (VEC_U1E - 96);
    SET(IFS(0)) = 1u << VEC_CT;
    REG(TMR1) = 0;
    REG(PR1) = 49;
    REG(T1CON) = 1u << 15;                      /* Timer1 raises its own */
    while (!((REG(IFS(0)) >> VEC_T1) & 1))
        ;
    REG(T1CON) = 0;
    MTC0(C0_CAUSE, MFC0(C0_CAUSE) | CAUSE_IP0);
    INV(IFS(0)) = 1u << VEC_CS1;
    B8(IFS(0) + 1) = (uint8_t)(B8(IFS(0) + 1) | (1u << VEC_T3) >> 8);
    REG(IFS(0)) = REG(IFS(0)) | 1u << VEC_T2;
    SET(IFS(3)) = 1u << (VEC_U1RX - 96);
    SET(IEC(0)) = OWN0;
    SET(IEC(3)) = 1u << (VEC_U1E - 96) | 1u << (VEC_U1RX - 96);
    nlog = 0;
    mode = M_PLAIN;
    fw_ei();
    settle(8);
    fw_di();
    print_log(what);
    CLR(IEC(0)) = OWN0;
    CLR(IEC(3)) = OWN3;
    show_ifs_iec("after the order");
}

static void set_offsets(void)
{
    unsigned vs[] = {VEC_CT, VEC_CS0, VEC_CS1, VEC_T1, VEC_T2, VEC_T3, VEC_U1E, VEC_U1RX, VEC_U1TX};
    for (unsigned i = 0; i < sizeof vs / sizeof vs[0]; i++)
        REG(OFF(vs[i])) = 0x400 + 8 * vs[i]; /* start.S's entries */
}

/* equal priority and sub-priority across IFS words: the lower vector
 * first (DS60001320 sec. 7: natural order); the higher sub-priority
 * before all of them */
static void ties(const char *what)
{
    prio(VEC_CS1, 6, 0);
    prio(VEC_T3, 6, 0);
    prio(VEC_U1E, 6, 0);
    prio(VEC_U1RX, 6, 0);
    prio(VEC_T2, 6, 1);
    SET(IFS(3)) = 1u << (VEC_U1RX - 96) | 1u << (VEC_U1E - 96);
    SET(IFS(0)) = 1u << VEC_T3 | 1u << VEC_CS1 | 1u << VEC_T2;
    SET(IEC(3)) = 1u << (VEC_U1RX - 96) | 1u << (VEC_U1E - 96);
    SET(IEC(0)) = 1u << VEC_T3 | 1u << VEC_CS1 | 1u << VEC_T2;
    nlog = 0;
    mode = M_PLAIN;
    fw_ei();
    settle(5);
    fw_di();
    print_log(what);
    CLR(IEC(0)) = OWN0;
    CLR(IEC(3)) = OWN3;
}

/* ---- 4. nesting ------------------------------------------------------ */

static void nesting(const char *what)
{
    prio(VEC_T1, 2, 0);
    prio(VEC_T2, 5, 0);
    prio(VEC_CS1, 2, 3);
    prio(VEC_CT, 1, 0);
    SET(IEC(0)) = 1u << VEC_T1 | 1u << VEC_T2 | 1u << VEC_CS1 | 1u << VEC_CT;
    nlog = 0;
    mode = M_NEST;
    SET(IFS(0)) = 1u << VEC_T1;
    fw_ei();
    settle(6);
    fw_di();
    print_log(what);
    CLR(IEC(0)) = OWN0;
    mode = M_PLAIN;
}

/* ---- 5. enable off while the flag is set ----------------------------- */

static void enable_off(void)
{
    prio(VEC_T3, 3, 0);
    nlog = 0;
    uint32_t start = taken[VEC_T3];
    CLR(IEC(0)) = 1u << VEC_T3;
    SET(IFS(0)) = 1u << VEC_T3;
    fw_ei();
    for (unsigned i = 0; i < 5000; i++)
        __asm__ volatile("nop");
    uint32_t before = taken[VEC_T3] - start, flag = (REG(IFS(0)) >> VEC_T3) & 1;
    SET(IEC(0)) = 1u << VEC_T3;
    settle(1);
    fw_di();
    fw_puts("intc-forms: T3IF set, T3IE off: taken ");
    fw_putu(before);
    fw_puts(", flag ");
    fw_putu(flag);
    fw_puts("; T3IE on: taken ");
    fw_putu(taken[VEC_T3] - start);
    fw_puts(", flag ");
    fw_putu((REG(IFS(0)) >> VEC_T3) & 1);
    fw_putc('\n');
    CLR(IEC(0)) = 1u << VEC_T3;
}

/* ---- 5b. each form with interrupts on ------------------------------- */

static uint32_t wait_taken(unsigned v, uint32_t before)
{
    for (unsigned i = 0; i < 2000 && taken[v] == before; i++)
        __asm__ volatile("nop");
    return taken[v] - before;
}

#define T3BIT (1u << VEC_T3)

/* T3 (level 3): its enable turned on by each form while its flag is
 * pending, then its flag raised by each form while it is enabled */
static void live_forms(void)
{
    static const char *const names[5] = {"SET", "INV", "SW", "SB", "SH"};
    prio(VEC_T3, 3, 0);
    REG(OFF(VEC_T3)) = 0x400 + 8 * VEC_T3;
    fw_puts("intc-forms: T3IE on by SET INV SW SB SH, T3IF pending: taken before->after");
    for (unsigned f = 0; f < 5; f++) {
        CLR(IEC(0)) = T3BIT;
        SET(IFS(0)) = T3BIT;
        fw_ei();
        uint32_t t0 = taken[VEC_T3];
        uint32_t off = wait_taken(VEC_T3, t0);
        switch (f) {
        case 0: SET(IEC(0)) = T3BIT; break;
        case 1: INV(IEC(0)) = T3BIT; break;
        case 2: REG(IEC(0)) = REG(IEC(0)) | T3BIT; break;
        case 3: B8(IEC(0) + 1) = (uint8_t)(B8(IEC(0) + 1) | T3BIT >> 8); break;
        case 4: H16(IEC(0)) = (uint16_t)(H16(IEC(0)) | T3BIT); break;
        }
        uint32_t on = wait_taken(VEC_T3, t0);
        fw_di();
        fw_putc(' ');
        fw_puts(names[f]);
        fw_putc(' ');
        fw_putu(off);
        fw_puts("->");
        fw_putu(on);
    }
    fw_putc('\n');
    fw_puts("intc-forms: T3IF raised by SET INV SW SB SH, T3IE on: taken");
    for (unsigned f = 0; f < 5; f++) {
        fw_ei();
        uint32_t t0 = taken[VEC_T3];
        switch (f) {
        case 0: SET(IFS(0)) = T3BIT; break;
        case 1: INV(IFS(0)) = T3BIT; break;
        case 2: REG(IFS(0)) = REG(IFS(0)) | T3BIT; break;
        case 3: B8(IFS(0) + 1) = (uint8_t)(B8(IFS(0) + 1) | T3BIT >> 8); break;
        case 4: H16(IFS(0)) = (uint16_t)(H16(IFS(0)) | T3BIT); break;
        }
        uint32_t n = wait_taken(VEC_T3, t0);
        fw_di();
        fw_putc(' ');
        fw_puts(names[f]);
        fw_putc(' ');
        fw_putu(n);
    }
    fw_putc('\n');

    /* priority 0 disables the vector (DS60001320 sec. 7, IPCx: IP = 0) */
    CLR(IPC(3)) = 0x1fu << 16;
    SET(IFS(0)) = T3BIT;
    fw_ei();
    uint32_t t0 = taken[VEC_T3];
    uint32_t zero = wait_taken(VEC_T3, t0);
    B8(IPC(3) + 2) = 3u << 2;
    uint32_t three = wait_taken(VEC_T3, t0);
    fw_di();
    fw_puts("intc-forms: T3 enabled and pending at priority 0: taken ");
    fw_putu(zero);
    fw_puts("; SB IPC3 byte 2 <- level 3: taken ");
    fw_putu(three);
    fw_putc('\n');

    /* Status.IPL masks the levels at or below it (MIPS32 PRA, MD00090,
     * sec. 6.1.1.3, EIC mode) */
    prio(VEC_T2, 5, 0);
    SET(IEC(0)) = 1u << VEC_T2;
    uint32_t sr = MFC0(C0_STATUS);
    MTC0(C0_STATUS, (sr & ~(0x7fu << 10)) | 3u << 10 | 1u); /* IPL 3, IE */
    t0 = taken[VEC_T3];
    uint32_t t2 = taken[VEC_T2];
    SET(IFS(0)) = T3BIT;
    uint32_t at3 = wait_taken(VEC_T3, t0);
    SET(IFS(0)) = 1u << VEC_T2;
    uint32_t at5 = wait_taken(VEC_T2, t2);
    MTC0(C0_STATUS, (sr & ~(0x7fu << 10)) | 2u << 10 | 1u); /* IPL 2 */
    uint32_t after = wait_taken(VEC_T3, t0);
    fw_di();
    MTC0(C0_STATUS, sr & ~(0x7fu << 10));
    fw_puts("intc-forms: Status.IPL 3: level 3 taken ");
    fw_putu(at3);
    fw_puts(", level 5 taken ");
    fw_putu(at5);
    fw_puts("; IPL 2: level 3 taken ");
    fw_putu(after);
    fw_putc('\n');
    CLR(IEC(0)) = 1u << VEC_T2;

    /* OFF14 rewritten to vector 190's entry (as chipKIT's setIntVector
     * rewrites OFFn at run time): T3 enters there, INTSTAT still 14 */
    REG(OFF(VEC_T3)) = 0x400 + 8 * 190;
    nlog = 0;
    mode = M_OFF;
    SET(IFS(0)) = T3BIT;
    fw_ei();
    settle(1);
    fw_di();
    mode = M_PLAIN;
    REG(OFF(VEC_T3)) = 0x400 + 8 * VEC_T3;
    print_log("OFF14 <- vector 190's entry, T3 raised: entered at (entry/INTSTAT)");
    CLR(IEC(0)) = T3BIT;
}

/* ---- 6. a persistent source ----------------------------------------- */

static void persistent(void)
{
    prio(VEC_U1TX, 3, 0);
    REG(U1MODE) = 0;
    REG(U1STA) = 0;
    CLR(IFS(3)) = OWN3;
    REG(U1MODE) = 1u << 15;                      /* ON */
    REG(U1STA) = 1u << 10;                       /* UTXEN, UTXISEL = 00 */
    unsigned seen = 0;
    for (unsigned i = 0; i < 1000 && !seen; i++)
        seen = (REG(IFS(3)) >> (VEC_U1TX - 96)) & 1;
    say("UART1 transmitter on: U1TXIF", seen);
    CLR(IFS(3)) = 1u << (VEC_U1TX - 96);
    seen = 0;
    for (unsigned i = 0; i < 1000 && !seen; i++)
        seen = (REG(IFS(3)) >> (VEC_U1TX - 96)) & 1;
    say("IFS3CLR U1TX with the FIFO empty: U1TXIF again", seen);
    nlog = 0;
    mode = M_PERSIST;
    SET(IEC(3)) = 1u << (VEC_U1TX - 96);
    fw_ei();
    settle(3);
    for (unsigned i = 0; i < 5000; i++)
        __asm__ volatile("nop");
    fw_di();
    say("handler clears U1TXIF, off after 3: taken", taken[VEC_U1TX]);
    say("U1TXIE", (REG(IEC(3)) >> (VEC_U1TX - 96)) & 1);
    SET(IEC(3)) = 1u << (VEC_U1TX - 96);        /* the source is still there */
    fw_ei();
    settle(6);
    for (unsigned i = 0; i < 5000; i++)
        __asm__ volatile("nop");
    fw_di();
    say("U1TXIE on again: taken in all", taken[VEC_U1TX]);
    B8(IFS(3) + 2) = (uint8_t)(B8(IFS(3) + 2) & ~((1u << (VEC_U1TX - 96)) >> 16));
    seen = 0;
    for (unsigned i = 0; i < 1000 && !seen; i++)
        seen = (REG(IFS(3)) >> (VEC_U1TX - 96)) & 1;
    say("SB IFS3 byte 2 clears U1TXIF: U1TXIF again", seen);
    REG(U1STA) = 0;                              /* transmitter off */
    REG(U1MODE) = 0;
    CLR(IFS(3)) = 1u << (VEC_U1TX - 96);
    seen = 0;
    for (unsigned i = 0; i < 1000 && !seen; i++)
        seen = (REG(IFS(3)) >> (VEC_U1TX - 96)) & 1;
    say("UART1 off, IFS3CLR: U1TXIF again", seen);
    mode = M_PLAIN;
    CLR(IPC(28)) = 0x001f1f1fu;
}

int main(void)
{
    fw_console_init();
    fw_di();
    fw_puts("intc-forms: start\n");
    forms();
    flags();
    order("single-vector order (vector/INTSTAT):");
    nesting("single-vector nesting (T1 2, T2 5, CS1 2/3, CT 1; m: T1 after raising T2, e: T1's end):");
    ties("single-vector ties (T2 6/1; CS1, T3, U1E, U1RX 6/0):");
    set_offsets();
    SET(INTCON) = INTCON_MVEC;
    say("INTCON.MVEC set: INTCON", REG(INTCON));
    order("multi-vector order (vector/INTSTAT):");
    nesting("nesting (T1 2, T2 5, CS1 2/3, CT 1; m: T1 after raising T2, e: T1's end):");
    ties("multi-vector ties (T2 6/1; CS1, T3, U1E, U1RX 6/0):");
    enable_off();
    live_forms();
    persistent();
    say("INTSTAT mismatches in handlers", bad_intstat);
    fw_puts("intc-forms: done\n");
    fw_flush();
    for (;;)
        __asm__ volatile("wait");
}

/* microMIPS guests (MIPS Architecture Vol. II-B, microMIPS32, MD00582; the
 * VZ module, MD00846): guest code in microMIPS mode exits to root with the
 * ISA bit in root EPC, Cause.BD for a 16- or 32-bit delay slot, BadInstr and
 * BadInstrP holding the microMIPS encodings (16-bit: bits 15:0; 32-bit:
 * first halfword in 31:16, docs/simulator.md "microMIPS"), and the guest's
 * own Config3.ISAOnExc choosing the ISA of its exception handler. */
#include "vz.h"

SNIPPET(gm_hypcall); SNIPPET(gm_mfc0); SNIPPET(gm_load_ds32); SNIPPET(gm_load_ds16);
SNIPPET(gm_load_jals); SNIPPET(gm_syscall); SNIPPET(gm_handler);

#define T0 8
#define T1 9
#define A0 4
#define RA 31
#define GUEST_MM (GUEST_CODE | 1u) /* entry with the ISA bit: microMIPS */

/* The snippets' labels carry the ISA bit: copy from the even address. */
static const uint32_t *even(const uint32_t *p)
{
    uintptr_t v;
    __asm__("" : "=r"(v) : "0"(p)); /* (the compiler assumes a uint32_t * even) */
    return (const uint32_t *)(v & ~(uintptr_t)1);
}

static void run_mm(const uint32_t *s, const uint32_t *e)
{
    vz_load(GUEST_CODE, even(s), even(e));
    vz_run(GUEST_MM);
}

static void check_exit(unsigned line, unsigned exc, unsigned gexc)
{
    if (EXC(vz_exit) != exc || (exc == EXCCODE_GE && GEXC(vz_exit) != gexc)) {
        t_failures++;
        t_printf("FAIL line %u: expected exc %u/%u, got exc %u gexc %u epc %08x\n", line, exc, gexc,
                 EXC(vz_exit), GEXC(vz_exit), vz_exit.epc);
    }
}

int main(void)
{
    vz_setup();

    /* 1. HYPCALL from microMIPS: root EPC odd, BadInstr the 32-bit encoding */
    run_mm(gm_hypcall, gm_hypcall_end);
    check_exit(__LINE__, EXCCODE_GE, GEXC_HC);
    CHECK_EQ(vz_exit.epc, GUEST_MM);
    CHECK(!(vz_exit.cause & CAUSEF_BD));
    CHECK_EQ(vz_exit.badinstr, 0x0155C37Cu);

    /* 2. GPSI: MFC0 with GuestCtl0.CP0 = 0 */
    uint32_t gc0 = MFC0(12, 6);
    MTC0(12, 6, gc0 & ~GUESTCTL0_CP0);
    run_mm(gm_mfc0, gm_mfc0_end);
    check_exit(__LINE__, EXCCODE_GE, GEXC_GPSI);
    CHECK_EQ(vz_exit.epc, GUEST_MM);
    CHECK_EQ(vz_exit.badinstr, 0x010C00FCu); /* mfc0 t0, $12 */
    MTC0(12, 6, gc0);
    /* with CP0 access the same code runs in the guest: HYPCALL 1 next */
    run_mm(gm_mfc0, gm_mfc0_end);
    check_exit(__LINE__, EXCCODE_GE, GEXC_HC);
    CHECK_EQ(vz_exit.epc, GUEST_MM + 4);

    /* 3. GPA faults in delay slots: EPC = the branch (ISA bit), BD */
    vz_set_greg(T1, 0x80100000u); /* GPA 0x00100000: unmapped in root */
    run_mm(gm_load_ds32, gm_load_ds32_end);
    check_exit(__LINE__, EXCCODE_TLBL, 0);
    CHECK_EQ(GEXC(vz_exit), GEXC_GPA);
    CHECK_EQ(vz_exit.badvaddr, 0x00100000u);
    CHECK_EQ(vz_exit.epc, GUEST_MM);
    CHECK(vz_exit.cause & CAUSEF_BD);
    CHECK_EQ(vz_exit.badinstr, 0xFD090000u);            /* lw t0, 0(t1) */
    CHECK_EQ(vz_exit.badinstrp >> 16, 0x9400u);         /* beq zero, zero */
    run_mm(gm_load_ds16, gm_load_ds16_end);
    check_exit(__LINE__, EXCCODE_TLBL, 0);
    CHECK_EQ(vz_exit.epc, GUEST_MM);
    CHECK(vz_exit.cause & CAUSEF_BD);
    CHECK_EQ(vz_exit.badinstrp >> 10, 0x33u);           /* B16, in bits 15:0 */
    vz_set_greg(A0, 0x80100000u);
    vz_set_greg(RA, 0);
    run_mm(gm_load_jals, gm_load_jals_end);
    check_exit(__LINE__, EXCCODE_TLBL, 0);
    CHECK_EQ(vz_exit.epc, GUEST_MM);
    CHECK(vz_exit.cause & CAUSEF_BD);
    CHECK_EQ(vz_exit.badinstr >> 10, 0x1Au);            /* LW16, in bits 15:0 */
    CHECK_EQ(vz_greg(RA), GUEST_MM + 6);                /* JALS link: 16-bit slot */

    /* 4. a guest exception from microMIPS code, guest ISAOnExc = 0: the
     * guest's MIPS32 handler (EPC += 4 over the 32-bit SYSCALL) */
    GMEM(0x80000100u)[0] = 0;
    run_mm(gm_syscall, gm_syscall_end);
    check_exit(__LINE__, EXCCODE_GE, GEXC_HC);
    CHECK_EQ((vz_exit.badinstr >> 16) & 0x3FF, 2);      /* HYPCALL 2 */
    CHECK_EQ((GMEM(0x80000100u)[0] & CAUSEF_EXCCODE) >> CAUSEB_EXCCODE, EXCCODE_SYS);
    CHECK_EQ(MFGC0(14, 0), GUEST_MM + 4);

    /* 5. guest Config3.ISAOnExc = 1: the guest handler is entered in
     * microMIPS mode (root sees its HYPCALL at an odd EPC); root's own
     * ISAOnExc stays 0 */
    extern const uint32_t g_handler[], g_handler_end[];
    vz_load(0x80000180u, even(gm_handler), even(gm_handler_end));
    MTGC0(16, 3, MFGC0(16, 3) | (1u << 16));
    CHECK(MFGC0(16, 3) & (1u << 16));
    CHECK(!(MFC0(16, 3) & (1u << 16)));
    MTGC0(12, 0, 0);
    run_mm(gm_syscall, gm_syscall_end);
    check_exit(__LINE__, EXCCODE_GE, GEXC_HC);
    CHECK_EQ((vz_exit.badinstr >> 16) & 0x3FF, 4);
    CHECK_EQ(vz_exit.epc, 0x80000180u | 1u);
    CHECK_EQ(MFGC0(14, 0), GUEST_MM);                   /* guest EPC: the SYSCALL */
    MTGC0(16, 3, MFGC0(16, 3) & ~(1u << 16));
    vz_load(0x80000180u, g_handler, g_handler_end);

    return t_done("vz_micromips");
}

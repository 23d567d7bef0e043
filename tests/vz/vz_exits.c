/* Guest entry and every guest exit kind, as root sees them (the VZ module,
 * MD00846 chapters 4 and 5: guest mode, the guest exits, GuestCtl0). */
#include "vz.h"

SNIPPET(g_hypcall); SNIPPET(g_mfc0_status); SNIPPET(g_mfc0_prid); SNIPPET(g_wait);
SNIPPET(g_count); SNIPPET(g_mtc0_config); SNIPPET(g_mtc0_status); SNIPPET(g_load);
SNIPPET(g_store); SNIPPET(g_load_ds); SNIPPET(g_syscall); SNIPPET(g_fpu);
SNIPPET(g_reserved); SNIPPET(g_addone);

#define T0 8
#define T1 9
#define T2 10

static void run_snippet(const uint32_t *s, const uint32_t *e)
{
    vz_load(GUEST_CODE, s, e);
    vz_run(GUEST_CODE);
}

static void check_hc(unsigned line, uint32_t code_expected)
{
    if (EXC(vz_exit) != EXCCODE_GE || GEXC(vz_exit) != GEXC_HC ||
        ((vz_exit.badinstr >> 11) & 0x3FF) != code_expected) {
        t_failures++;
        t_printf("FAIL line %u: expected HC %u exit, got exc %u gexc %u badinstr %08x epc %08x\n",
                 line, code_expected, EXC(vz_exit), GEXC(vz_exit), vz_exit.badinstr,
                 vz_exit.epc);
    }
}

int main(void)
{
    /* capability bits */
    uint32_t g0 = MFC0(12, 6);
    CHECK(g0 & GUESTCTL0_G1);
    CHECK(g0 & GUESTCTL0_G0E);
    CHECK(g0 & GUESTCTL0_G2);
    CHECK(!(g0 & GUESTCTL0_RAD));
    CHECK(MFC0(16, 3) & MIPS_CONF3_VZ);
    /* GuestID width: all ones reads back as the implemented bits */
    MTC0(10, 4, 0xFFFFFFFFu);
    uint32_t idw = MFC0(10, 4) & GUESTCTL1_ID;
    CHECK(idw >= 7);
    CHECK_EQ(idw & (idw + 1), 0); /* contiguous low bits */

    vz_setup();

    /* 1. HYPCALL: GE/HC, EPC at the hypcall, code in BadInstr 20:11 */
    run_snippet(g_hypcall, g_hypcall_end);
    check_hc(__LINE__, 0x155);
    CHECK_EQ(vz_exit.epc, GUEST_CODE);
    CHECK_EQ(vz_exit.badinstr, 0x42000028u | 0x155u << 11);
    CHECK_EQ(vz_exit.vector, 2);
    CHECK(!(vz_exit.cause & CAUSEF_BD));
    /* the exit was taken in root in shadow set ESS (0), PSS = guest set 1 */
    CHECK_EQ((vz_exit.srsctl & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT, 1);
    CHECK_EQ(vz_exit.srsctl & SRSCTL_CSS, 0);

    /* 2. the guest runs in its own shadow set and its own CP0 */
    vz_set_greg(T1, 41);
    run_snippet(g_addone, g_addone_end);
    check_hc(__LINE__, 1);
    CHECK_EQ(vz_greg(T0), 42);
    MTGC0(12, 0, ST0_CU0 | (3u << ST0_IPL_SHIFT));
    run_snippet(g_mfc0_status, g_mfc0_status_end);
    check_hc(__LINE__, 1);
    CHECK_EQ(vz_greg(T0), ST0_CU0 | (3u << ST0_IPL_SHIFT));
    MTGC0(12, 0, 0);

    /* 3. GPSI: guest CP0 access with GuestCtl0.CP0 = 0 */
    MTC0(12, 6, GC0_DEFAULT & ~GUESTCTL0_CP0);
    run_snippet(g_mfc0_status, g_mfc0_status_end);
    CHECK_EQ(EXC(vz_exit), EXCCODE_GE);
    CHECK_EQ(GEXC(vz_exit), GEXC_GPSI);
    CHECK_EQ(vz_exit.epc, GUEST_CODE);
    CHECK_EQ(vz_exit.badinstr, 0x40086000u); /* mfc0 t0, $12 */
    MTC0(12, 6, GC0_DEFAULT);

    /* PRId read and WAIT trap whatever the controls */
    run_snippet(g_mfc0_prid, g_mfc0_prid_end);
    CHECK_EQ(GEXC(vz_exit), GEXC_GPSI);
    run_snippet(g_wait, g_wait_end);
    CHECK_EQ(EXC(vz_exit), EXCCODE_GE);
    CHECK_EQ(GEXC(vz_exit), GEXC_GPSI);

    /* GT = 0: Count read traps; GT = 1: guest Count = root Count + GTOffset */
    MTC0(12, 6, GC0_DEFAULT & ~GUESTCTL0_GT);
    run_snippet(g_count, g_count_end);
    CHECK_EQ(GEXC(vz_exit), GEXC_GPSI);
    MTC0(12, 6, GC0_DEFAULT);
    MTC0(12, 7, 0x40000000u);
    uint32_t before = MFC0(9, 0);
    run_snippet(g_count, g_count_end);
    uint32_t after = MFC0(9, 0);
    uint32_t gcount = vz_greg(T0) - 0x40000000u;
    check_hc(__LINE__, 1);
    CHECK(gcount - before < after - before + 1);
    CHECK(after - gcount < 1000);
    MTC0(12, 7, 0);

    /* CF = 0: a Config write traps */
    MTC0(12, 6, GC0_DEFAULT & ~GUESTCTL0_CF);
    vz_set_greg(T1, MFGC0(16, 0));
    run_snippet(g_mtc0_config, g_mtc0_config_end);
    CHECK_EQ(GEXC(vz_exit), GEXC_GPSI);
    MTC0(12, 6, GC0_DEFAULT);

    /* 4. GSFC: changing Status.BEV is not done; with FCD=1 it is */
    MTGC0(12, 0, 0);
    vz_set_greg(T1, ST0_BEV);
    run_snippet(g_mtc0_status, g_mtc0_status_end);
    CHECK_EQ(EXC(vz_exit), EXCCODE_GE);
    CHECK_EQ(GEXC(vz_exit), GEXC_GSFC);
    CHECK_EQ(MFGC0(12, 0) & ST0_BEV, 0);
    CHECK_EQ(vz_exit.badinstr, 0x40896000u); /* mtc0 t1, $12 */
    MTC0(11, 4, GUESTCTL0EXT_FCD);
    run_snippet(g_mtc0_status, g_mtc0_status_end);
    check_hc(__LINE__, 1);
    CHECK_EQ(vz_greg(T0) & ST0_BEV, ST0_BEV);
    MTC0(11, 4, 0);
    MTGC0(12, 0, 0);
    /* a change of a non-sensitive field (IE, IPL) completes */
    vz_set_greg(T1, ST0_IE | (5u << ST0_IPL_SHIFT));
    run_snippet(g_mtc0_status, g_mtc0_status_end);
    check_hc(__LINE__, 1);
    CHECK_EQ(vz_greg(T0), ST0_IE | (5u << ST0_IPL_SHIFT));
    MTGC0(12, 0, 0);

    /* 5. GPA: a guest load from an unmapped GPA → root TLB refill,
     * BadVAddr = GPA, EntryHi.VPN2 = GPA page, GExcCode = GPA */
    vz_set_greg(T1, 0x80100000u); /* GPA 0x00100000 */
    run_snippet(g_load, g_load_end);
    CHECK_EQ(EXC(vz_exit), EXCCODE_TLBL);
    CHECK_EQ(GEXC(vz_exit), GEXC_GPA);
    CHECK_EQ(vz_exit.vector, 1);
    CHECK_EQ(vz_exit.badvaddr, 0x00100000u);
    CHECK_EQ(vz_exit.epc, GUEST_CODE);
    CHECK_EQ(MFC0(10, 0) & MIPS_ENTRYHI_VPN2, 0x00100000u);
    /* a store: TLBS */
    run_snippet(g_store, g_store_end);
    CHECK_EQ(EXC(vz_exit), EXCCODE_TLBS);
    CHECK_EQ(GEXC(vz_exit), GEXC_GPA);
    /* in a delay slot: EPC = the branch, BD = 1, BadInstrP = the branch */
    run_snippet(g_load_ds, g_load_ds_end);
    CHECK_EQ(EXC(vz_exit), EXCCODE_TLBL);
    CHECK_EQ(vz_exit.epc, GUEST_CODE);
    CHECK(vz_exit.cause & CAUSEF_BD);
    CHECK_EQ(vz_exit.badinstr, 0x8D280000u);  /* lw t0, 0(t1) */
    CHECK_EQ(vz_exit.badinstrp, 0x10000002u); /* beq zero, zero, +2 */

    /* root TLB entry invalid → TLBL at the general vector; D = 0 → Mod */
    vz_tlb_write(1, 0x00100000u, 0, ELO(0x50000, MIPS_ENTRYLO_G | (3u << 3)),
                 ELO(0x51000, MIPS_ENTRYLO_V | MIPS_ENTRYLO_G | (3u << 3)), 1);
    run_snippet(g_load, g_load_end);
    CHECK_EQ(EXC(vz_exit), EXCCODE_TLBL);
    CHECK_EQ(vz_exit.vector, 2);
    CHECK_EQ(GEXC(vz_exit), GEXC_GPA);
    vz_set_greg(T1, 0x80101000u);
    *(volatile uint32_t *)0x80051000u = 0xCAFE0001u;
    run_snippet(g_load, g_load_end);
    check_hc(__LINE__, 1);
    CHECK_EQ(vz_greg(T0), 0xCAFE0001u); /* read through the V=1, D=0 page */
    run_snippet(g_store, g_store_end);
    CHECK_EQ(EXC(vz_exit), EXCCODE_MOD);
    CHECK_EQ(vz_exit.badvaddr, 0x00101000u);

    /* 6. GuestID isolation: an entry for guest 2 does not map guest 1 */
    vz_tlb_write(1, 0x00100000u, 0, ELO(0x50000, ELO_VDG), ELO(0x51000, ELO_VDG), 2);
    run_snippet(g_load, g_load_end);
    CHECK_EQ(EXC(vz_exit), EXCCODE_TLBL);
    CHECK_EQ(vz_exit.vector, 1);
    /* nor does it map root: a root access to kuseg 0x00101000 misses too */
    vz_tlb_write(1, 0x00100000u, 0, ELO(0x50000, ELO_VDG), ELO(0x51000, ELO_VDG), 1);
    run_snippet(g_load, g_load_end);
    check_hc(__LINE__, 1);
    CHECK_EQ(vz_greg(T0), 0xCAFE0001u);

    /* 7. a 1 MB page: GPA 0x00200000..0x002FFFFF → 0x00000000 (real RAM) */
    vz_tlb_write(2, 0x00200000u, PM_1M, ELO(0x00000000, ELO_VDG), 0, 1);
    *(volatile uint32_t *)0x80012344u;
    vz_set_greg(T1, 0x80200000u + 0x0007C000u);
    *(volatile uint32_t *)0x8007C000u = 0x1234ABCDu;
    run_snippet(g_load, g_load_end);
    check_hc(__LINE__, 1);
    CHECK_EQ(vz_greg(T0), 0x1234ABCDu);

    /* 8. guest exceptions stay in the guest: SYSCALL → guest vector, the
     * guest handler skips it, root sees only the HYPCALL after it */
    run_snippet(g_syscall, g_syscall_end);
    check_hc(__LINE__, 2);
    CHECK_EQ((GMEM(0x80000100u)[0] & CAUSEF_EXCCODE) >> CAUSEB_EXCCODE, EXCCODE_SYS);
    CHECK_EQ(MFGC0(14, 0), GUEST_CODE + 4); /* the guest handler advanced it */
    /* a guest address error in kuseg... with guest ERL=0 the guest TLB
     * (empty) refills at the guest's vector: guest EXL, guest BadVAddr */
    vz_set_greg(T1, 0x00004000u);
    GMEM(0x80000100u)[0] = 0;
    MTGC0(14, 0, 0);
    run_snippet(g_load, g_load_end);
    /* guest refill vector is guest EBase + 0: the root TLB maps it, and it
     * holds zeros (nop) up to +0x180 where the guest handler skips the
     * load... the handler returns to EPC+4 = the hypcall */
    check_hc(__LINE__, 1);
    CHECK_EQ((GMEM(0x80000100u)[0] & CAUSEF_EXCCODE) >> CAUSEB_EXCCODE, EXCCODE_TLBL);
    CHECK_EQ(MFGC0(8, 0), 0x00004000u);

    /* 9. GRR: with GuestCtl0.RI, a reserved instruction exits to root */
    MTC0(12, 6, GC0_DEFAULT | GUESTCTL0_RI);
    run_snippet(g_reserved, g_reserved_end);
    CHECK_EQ(EXC(vz_exit), EXCCODE_GE);
    CHECK_EQ(GEXC(vz_exit), GEXC_GRR);
    CHECK_EQ(vz_exit.badinstr, 0x00000005u);
    /* without: the guest takes RI itself (its handler skips it) */
    MTC0(12, 6, GC0_DEFAULT);
    run_snippet(g_reserved, g_reserved_end);
    check_hc(__LINE__, 1);
    CHECK_EQ((GMEM(0x80000100u)[0] & CAUSEF_EXCCODE) >> CAUSEB_EXCCODE, EXCCODE_RI);

    /* 10. lazy FPU: guest CU1 = 1 but root CU1 = 0 → root CpU (CE = 1),
     * EPC at the FPU instruction; root enables CU1 and re-executes */
    uint32_t rst = MFC0(12, 0);
    MTC0(12, 0, rst & ~ST0_CU1);
    MTGC0(12, 0, ST0_CU1);
    vz_set_greg(T1, 0x3F800000u);
    run_snippet(g_fpu, g_fpu_end);
    CHECK_EQ(EXC(vz_exit), EXCCODE_CPU);
    CHECK_EQ((vz_exit.cause & CAUSEF_CE) >> CAUSEB_CE, 1);
    CHECK_EQ(vz_exit.epc, GUEST_CODE);
    MTC0(12, 0, rst | ST0_CU1);
    vz_run(vz_exit.epc);
    check_hc(__LINE__, 1);
    CHECK_EQ(vz_greg(T0), 0x3F800000u);
    /* guest CU1 = 0: the guest's own CpU */
    MTGC0(12, 0, 0);
    GMEM(0x80000100u)[0] = 0;
    run_snippet(g_fpu, g_fpu_end);
    /* the guest handler skips both FPU instructions one by one */
    check_hc(__LINE__, 1);
    CHECK_EQ((GMEM(0x80000100u)[0] & CAUSEF_EXCCODE) >> CAUSEB_EXCCODE, EXCCODE_CPU);
    CHECK_EQ((GMEM(0x80000100u)[0] & CAUSEF_CE) >> CAUSEB_CE, 1);

    /* 11. GHFC: with MC = 1 the guest's exception entry is reported */
    MTC0(12, 6, GC0_DEFAULT | GUESTCTL0_MC);
    run_snippet(g_syscall, g_syscall_end);
    CHECK_EQ(EXC(vz_exit), EXCCODE_GE);
    CHECK_EQ(GEXC(vz_exit), GEXC_GHFC);
    CHECK_EQ(vz_exit.epc, 0x80000180u); /* the guest is at its vector */
    CHECK(MFGC0(12, 0) & ST0_EXL);
    MTC0(12, 6, GC0_DEFAULT);
    MTGC0(12, 0, 0);

    /* MTGC0 writes the replicated registers fully (a hypervisor reflects an
     * exception into its guest this way); MTC0 from the guest cannot */
    MTGC0(13, 0, CAUSEF_BD | (EXCCODE_TLBS << CAUSEB_EXCCODE));
    CHECK_EQ(MFGC0(13, 0), CAUSEF_BD | (EXCCODE_TLBS << CAUSEB_EXCCODE));
    MTGC0(8, 0, 0x12345678u);
    CHECK_EQ(MFGC0(8, 0), 0x12345678u);
    MTGC0(13, 0, 0);
    return t_done("vz_exits");
}

/* Guest interrupt injection through GuestCtl2 (EIC form): level, offset,
 * guest IE/IPL/EXL gating, hardware clearing GRIPL (MD00846, "Interrupts in guest mode"). */
#include "vz.h"

SNIPPET(g_spin_ie); SNIPPET(g_int_handler);

int main(void)
{
    vz_setup();
    /* guest: EBase 0x80000000, Cause.IV = 1, IntCtl.VS = 1 (vectoring on),
     * handler at guest EBase + 0x300 */
    vz_load(0x80000300u, g_int_handler, g_int_handler_end);
    vz_load(GUEST_CODE, g_spin_ie, g_spin_ie_end);
    MTGC0(13, 0, CAUSEF_IV);
    MTGC0(12, 1, 1u << INTCTL_VS_SHIFT);

    /* level 3 at IPL 0: taken; RIPL seen by the guest; GRIPL cleared */
    MTGC0(12, 0, 0);
    MTC0(10, 5, 3u << GUESTCTL2_GRIPL_SHIFT | 0x300);
    vz_run(GUEST_CODE);
    CHECK_EQ(EXC(vz_exit), EXCCODE_GE);
    CHECK_EQ(GEXC(vz_exit), GEXC_HC);
    CHECK_EQ((vz_exit.badinstr >> 11) & 0x3FF, 3);
    CHECK_EQ(vz_exit.epc, 0x80000300u + 12); /* the hypcall in g_int_handler */
    uint32_t gcause = GMEM(0x80000104u)[0];
    CHECK_EQ((gcause & CAUSEF_EXCCODE) >> CAUSEB_EXCCODE, EXCCODE_INT);
    CHECK_EQ((gcause & CAUSEF_RIPL) >> CAUSEB_RIPL, 3);
    CHECK_EQ(MFC0(10, 5) >> GUESTCTL2_GRIPL_SHIFT, 0);
    CHECK(MFGC0(12, 0) & ST0_EXL);
    uint32_t gepc = MFGC0(14, 0);
    CHECK(gepc >= GUEST_CODE && gepc < GUEST_CODE + 16);

    /* guest IPL 5 masks level 3: the guest runs on to its HYPCALL 4 and
     * the request stays pending; level 6 is then taken */
    SNIPPET(g_spin_bounded);
    vz_load(GUEST_CODE, g_spin_bounded, g_spin_bounded_end);
    MTGC0(12, 0, 5u << ST0_IPL_SHIFT);
    GMEM(0x80000104u)[0] = 0;
    MTC0(10, 5, 3u << GUESTCTL2_GRIPL_SHIFT | 0x300);
    vz_run(GUEST_CODE);
    CHECK_EQ(GEXC(vz_exit), GEXC_HC);
    CHECK_EQ((vz_exit.badinstr >> 11) & 0x3FF, 4);
    CHECK_EQ(MFC0(10, 5) >> GUESTCTL2_GRIPL_SHIFT, 3);
    CHECK_EQ(GMEM(0x80000104u)[0], 0);
    /* guest EXL = 1 also holds it off */
    MTGC0(12, 0, ST0_EXL);
    vz_run(GUEST_CODE);
    CHECK_EQ((vz_exit.badinstr >> 11) & 0x3FF, 4);
    CHECK_EQ(GMEM(0x80000104u)[0], 0);
    MTGC0(12, 0, 5u << ST0_IPL_SHIFT);
    MTC0(10, 5, 6u << GUESTCTL2_GRIPL_SHIFT | 0x300);
    vz_run(GUEST_CODE);
    CHECK_EQ(GEXC(vz_exit), GEXC_HC);
    CHECK_EQ((vz_exit.badinstr >> 11) & 0x3FF, 3);
    CHECK_EQ((GMEM(0x80000104u)[0] & CAUSEF_RIPL) >> CAUSEB_RIPL, 6);
    vz_load(GUEST_CODE, g_spin_ie, g_spin_ie_end);

    /* GVEC used only with IV = 1 and VS != 0: with IV = 0 → EBase + 0x180 */
    MTGC0(13, 0, 0);
    MTGC0(12, 0, 0);
    GMEM(0x80000100u)[0] = 0;
    MTC0(10, 5, 2u << GUESTCTL2_GRIPL_SHIFT | 0x300);
    vz_load(0x80000180u, g_int_handler, g_int_handler_end);
    vz_run(GUEST_CODE);
    CHECK_EQ(GEXC(vz_exit), GEXC_HC);
    CHECK_EQ(vz_exit.epc, 0x80000180u + 12);
    /* the guest timer: a guest Compare match sets guest Cause.TI, but on
     * the PIC32MZ the line reaches no controller: no guest interrupt */
    SNIPPET(g_timer);
    vz_load(GUEST_CODE, g_timer, g_timer_end);
    MTGC0(13, 0, CAUSEF_IV);
    MTGC0(12, 0, 0);
    MTC0(12, 7, 0x12345678u); /* GTOffset: the guest's Count differs from root's */
    GMEM(0x80000104u)[0] = 0;
    vz_run(GUEST_CODE);
    CHECK_EQ(GEXC(vz_exit), GEXC_HC);
    CHECK_EQ((vz_exit.badinstr >> 11) & 0x3FF, 4);
    CHECK(MFGC0(13, 0) & CAUSEF_TI);
    CHECK_EQ(GMEM(0x80000104u)[0], 0);
    CHECK_EQ(MFGC0(11, 0), vz_greg(8)); /* the guest wrote its Count + 50 */
    /* a guest Compare write clears guest TI (MTGC0 acts like the guest) */
    MTGC0(11, 0, MFGC0(11, 0));
    CHECK(!(MFGC0(13, 0) & CAUSEF_TI));
    MTC0(12, 7, 0);
    return t_done("vz_irq");
}

/* A root interrupt preempts a running guest: judged on root Status, taken
 * in root at the root vector (EBase + OFF000 on the PIC32MZ), root EPC =
 * the guest PC, the guest's own state untouched (MD00846, "Interrupts
 * in guest mode").
 * Uses the PIC32MZ interrupt controller: core timer = vector 0. */
#include <pic32mz/chip.h>

#include "vz.h"

SNIPPET(g_spin_ie);

#define REG(a) (*(volatile uint32_t *)(a))
#define IFS0   IFS(0)
#define IEC0   IEC(0)
#define IPC0   IPC(0)
#define OFF000 OFF(0)
#define INTCON_MVEC (1u << 12)

int main(void)
{
    vz_setup();
    vz_load(GUEST_CODE, g_spin_ie, g_spin_ie_end);
    /* guest: interrupts enabled, but nothing injected */
    MTGC0(12, 0, 0);
    vz_set_greg(11, 0);
    /* controller: multi-vector, core timer at priority 2 → EBase + 0x200 */
    REG(INTCON) = INTCON_MVEC;
    REG(OFF000) = 0x200;
    REG(IPC0) = 2u << 2;
    REG(IFS0 + 4) = 1; /* IFS0CLR */
    REG(IEC0 + 8) = 1; /* IEC0SET */
    MTC0(13, 0, CAUSEF_IV);
    MTC0(12, 1, 1u << INTCTL_VS_SHIFT);
    MTC0(11, 0, MFC0(9, 0) + 5000); /* Compare: 10,000 cycles from now */
    MTC0(12, 0, MFC0(12, 0) | ST0_IE);
    vz_run(GUEST_CODE);
    MTC0(12, 0, MFC0(12, 0) & ~ST0_IE);
    CHECK_EQ(EXC(vz_exit), EXCCODE_INT);
    CHECK_EQ(vz_exit.vector, 3);
    CHECK(vz_exit.epc >= GUEST_CODE && vz_exit.epc < GUEST_CODE + 16);
    CHECK_EQ((vz_exit.cause & CAUSEF_RIPL) >> CAUSEB_RIPL, 2);
    CHECK(vz_greg(11) > 100); /* the guest ran its loop meanwhile */
    CHECK(MFGC0(12, 0) & ST0_IE);
    CHECK(!(MFGC0(12, 0) & ST0_EXL)); /* nothing happened inside the guest */
    CHECK(REG(IFS0) & 1);
    REG(IFS0 + 4) = 1;
    /* root IPL at or above the level holds it off while the guest runs:
     * the guest spins to its bounded end instead */
    SNIPPET(g_spin_bounded);
    vz_load(GUEST_CODE, g_spin_bounded, g_spin_bounded_end);
    MTC0(11, 0, MFC0(9, 0) + 10);
    MTC0(12, 0, (MFC0(12, 0) & ~ST0_IPL) | ST0_IE | (2u << ST0_IPL_SHIFT));
    vz_run(GUEST_CODE);
    MTC0(12, 0, MFC0(12, 0) & ~(ST0_IE | ST0_IPL));
    CHECK_EQ(EXC(vz_exit), EXCCODE_GE);
    CHECK_EQ((vz_exit.badinstr >> 11) & 0x3FF, 4);
    REG(IEC0 + 4) = 1;
    REG(IFS0 + 4) = 1;
    return t_done("vz_rootirq");
}

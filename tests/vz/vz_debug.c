/* A guest's SDBBP as root sees it. The M5150 has no guest debug mode: the
 * debug exception enters root Debug Mode (MIPS EJTAG Specification
 * MD00047, "Debug Exception Processing"; VZ module MD00846: Debug, DEPC and
 * DESAVE are root registers), at root's debug vector (0xBFC00480, this
 * program's .bootflash section: the guest has nothing mapped there), still
 * in the guest's shadow set, with GuestCtl0.GM and root Status unchanged;
 * DERET returns to guest mode. `sdbbp 1` from a guest is not semihosting
 * (docs/simulator.md): a UHI exit there must not end the run. */
#include "vz.h"

SNIPPET(g_sdbbp_uhi); SNIPPET(g_sdbbp_ds);

/* What the debug vector saw (written in Debug Mode). */
struct dbg_rec {
    uint32_t debug, depc, guestctl0, status, srsctl, count;
    uint32_t resume; /* set by the test: where DERET goes (0: DEPC + 4) */
};
volatile struct dbg_rec dbg_rec;

/* The debug vector: records root's view, then DERET (to DEPC + 4 or to
 * dbg_rec.resume). The guest snippets leave k1 to it; DESAVE keeps k0. */
__asm__(".pushsection .bootflash, \"ax\"\n"
        ".set push\n.set noreorder\n.set noat\n"
        "    la    $k0, _start\n" /* boot flash: the reset vector first */
        "    jr    $k0\n"
        "    nop\n"
        "    .org  0x480\n"
        "    mtc0  $k0, $31\n"
        "    lui   $k0, %hi(dbg_rec)\n"
        "    addiu $k0, $k0, %lo(dbg_rec)\n"
        "    mfc0  $k1, $23\n    sw $k1, 0($k0)\n"
        "    mfc0  $k1, $24\n    sw $k1, 4($k0)\n"
        "    mfc0  $k1, $12, 6\n sw $k1, 8($k0)\n"
        "    mfc0  $k1, $12\n    sw $k1, 12($k0)\n"
        "    mfc0  $k1, $12, 2\n sw $k1, 16($k0)\n"
        "    lw    $k1, 20($k0)\n addiu $k1, $k1, 1\n sw $k1, 20($k0)\n"
        "    lw    $k1, 24($k0)\n"
        "    bnez  $k1, 1f\n"
        "    nop\n"
        "    mfc0  $k1, $24\n"
        "    addiu $k1, $k1, 4\n"
        "1:  mtc0  $k1, $24\n"
        "    ehb\n"
        "    mfc0  $k0, $31\n"
        "    deret\n"
        ".set pop\n.popsection\n");

/* Guest snippets: a UHI exit attempt (status 7) by `sdbbp 1`, then a
 * PRId read, which is a GPSI exit only in guest mode; an SDBBP in a
 * branch delay slot, then the same. */
__asm__(".text\n.set push\n.set noreorder\n"
        ".globl g_sdbbp_uhi, g_sdbbp_uhi_end\n"
        "g_sdbbp_uhi:\n"
        "    li    $t0, 0x1234\n"
        "    li    $a0, 7\n"
        "    li    $t9, 1\n" /* UHI exit */
        "    sdbbp 1\n"
        "    mfc0  $t1, $15\n"
        "    nop\n"
        "g_sdbbp_uhi_end:\n"
        ".globl g_sdbbp_ds, g_sdbbp_ds_end\n"
        "g_sdbbp_ds:\n"
        "    b     1f\n"
        "    sdbbp 0x55\n"
        "    nop\n"
        "1:  mfc0  $t1, $15\n"
        "    nop\n"
        "g_sdbbp_ds_end:\n"
        ".set pop\n");

#define T0 8

int main(void)
{
    vz_setup();

    /* 1. sdbbp 1 in guest mode: root Debug Mode, not a UHI call */
    dbg_rec.count = 0;
    dbg_rec.resume = 0;
    vz_set_greg(T0, 0);
    vz_load(GUEST_CODE, g_sdbbp_uhi, g_sdbbp_uhi_end);
    vz_run(GUEST_CODE);
    CHECK_EQ(dbg_rec.count, 1);
    CHECK(dbg_rec.debug & DEBUG_DM);     /* the vector ran in Debug Mode */
    CHECK(dbg_rec.debug & DEBUG_DBP);    /* an SDBBP */
    CHECK(!(dbg_rec.debug & DEBUG_DBD));
    CHECK_EQ(dbg_rec.depc, GUEST_CODE + 12);
    CHECK(dbg_rec.guestctl0 & GUESTCTL0_GM); /* root's register, GM unchanged */
    CHECK(!(dbg_rec.status & (ST0_EXL | ST0_ERL))); /* root Status unchanged */
    CHECK_EQ(dbg_rec.srsctl & SRSCTL_CSS, 1);       /* still the guest's set */
    /* DERET went back to guest mode: the PRId read is a GPSI exit */
    CHECK_EQ(EXC(vz_exit), EXCCODE_GE);
    CHECK_EQ(GEXC(vz_exit), GEXC_GPSI);
    CHECK_EQ(vz_exit.epc, GUEST_CODE + 16);
    CHECK_EQ(vz_greg(T0), 0x1234); /* the guest's registers untouched */
    CHECK(!(MFC0(23, 0) & DEBUG_DM)); /* out of Debug Mode */

    /* 2. in a branch delay slot: DEPC = the branch, Debug.DBD */
    dbg_rec.count = 0;
    dbg_rec.resume = GUEST_CODE + 12;
    vz_load(GUEST_CODE, g_sdbbp_ds, g_sdbbp_ds_end);
    vz_run(GUEST_CODE);
    CHECK_EQ(dbg_rec.count, 1);
    CHECK(dbg_rec.debug & DEBUG_DBD);
    CHECK_EQ(dbg_rec.depc, GUEST_CODE);
    CHECK(dbg_rec.guestctl0 & GUESTCTL0_GM);
    CHECK_EQ(EXC(vz_exit), EXCCODE_GE);
    CHECK_EQ(GEXC(vz_exit), GEXC_GPSI);
    CHECK_EQ(vz_exit.epc, GUEST_CODE + 12);

    return t_done("vz_debug");
}

/*
 * hv_main: from the boot loader (kseg0, stack set, .data/.bss ready,
 * Status = CU0 | BEV | EXL) to the first guest.
 */
#include "hv.h"

extern const char _text_start[], _text_end[], _data[], _edata[], _bss[], _ebss[];
extern uint32_t hv_stack_bottom[], hv_stack_top[];

/* Guests run their own CP0 (CP0), their own MMU (AT = 3), hit-type cache
 * ops (CG), with Count/Compare (GT = 0) and Config writes (CF = 0) trapped
 * to be virtualised; a reserved instruction comes to root (RI) for the
 * health monitor; CU1 changes freely (SFC1: the FPU is switched lazily
 * through root CU1). GuestCtl0Ext 0 here: GSFC/GHFC on, index cache ops
 * trap; each guest's own adds MG | OG until it claims those registers
 * (vcpu_cp0_claim). */
#define HV_GUESTCTL0 (GUESTCTL0_CP0 | 3u << GUESTCTL0_AT_SHIFT | GUESTCTL0_CG | GUESTCTL0_RI | \
                      GUESTCTL0_SFC1)

static void vz_init(void)
{
    if (!(read_c0_config3() & MIPS_CONF3_VZ))
        hv_panic("no VZ module");
    write_c0_guestctl1(GUESTCTL1_ID);
    if ((read_c0_guestctl1() & 7) != 7)
        hv_panic("GuestIDs 1..7 not available");
    write_c0_guestctl1(0);
    write_c0_guestctl0(HV_GUESTCTL0);
    /* MG and OG (MIPS VZ module, MD00846, "GuestCtl0Ext"): a guest that has
     * not touched its MMU registers, UserLocal, HWREna or an unused
     * encoding runs with them, so the switch need not save those (vcpu.c);
     * a core without them keeps every guest's saved */
    write_c0_guestctl0ext(GUESTCTL0EXT_MG | GUESTCTL0EXT_OG);
    if ((read_c0_guestctl0ext() & (GUESTCTL0EXT_MG | GUESTCTL0EXT_OG)) == (GUESTCTL0EXT_MG | GUESTCTL0EXT_OG))
        vcpu_gctl0ext_traps = GUESTCTL0EXT_MG | GUESTCTL0EXT_OG;
    write_c0_guestctl0ext(0);
    write_c0_guestctl2(0);
    write_c0_guestctl3(0);
    write_c0_wired(0);
}

/* Root: vectors at hv_ebase, EIC offsets used (IntCtl.VS != 0, Cause.IV),
 * exceptions in shadow set 0, BEV off. Status keeps EXL: the ERET into
 * the first guest clears it, with interrupts enabled from then on. */
static void cpu_init(void)
{
    write_c0_ebase((uint32_t)hv_ebase);
    write_c0_intctl((read_c0_intctl() & ~INTCTL_VS) | 1u << INTCTL_VS_SHIFT);
    write_c0_cause(CAUSEF_IV);
    write_c0_srsctl(read_c0_srsctl() & ~(SRSCTL_ESS | SRSCTL_PSS));
    write_c0_status((read_c0_status() & ~(ST0_BEV | ST0_IPL | ST0_IPL7 | ST0_UM | ST0_CU1)) |
                    ST0_CU0 | ST0_EXL | ST0_IE);
}

void hv_main(void)
{
    board_init();
    console_init();
    hv_printf("\ntinyVP " TINYVP_VERSION_STR " on %s, %u guest%s\n", board_name,
              (unsigned)CONFIG_NR_GUESTS, CONFIG_NR_GUESTS > 1 ? "s" : "");
    hv_log("footprint text %u, data %u, bss %u bytes (stack %u)\n",
              (unsigned)(_text_end - _text_start), (unsigned)(_edata - _data),
              (unsigned)(_ebss - _bss), (unsigned)(4 * (hv_stack_top - hv_stack_bottom)));
    cpu_init();
    vz_init();
    vcpu_init_all();
    for (unsigned i = 0; i < CONFIG_NR_GUESTS; i++)
        hv_log("guest %u %s: entry %08x\n", vcpus[i].id,
                  vcpus[i].cfg->name, vcpus[i].cfg->entry);
    time_init();
    sched_init();
    sched_resume();
    arch_eret();
}

/*
 * A guest's own reset control: the few system registers of the "cfg" and
 * "osc" blocks (write-ignore for guests: the clock and the locks are the
 * hypervisor's) that a firmware uses to reset itself and to learn why it
 * started (PIC32MZ EF datasheet DS60001320, sec. 6 "Resets", and the
 * PIC32 family reference manual, sec. 7 "Resets"):
 *
 *   SYSKEY  0xBF800030  0xAA996655 then 0x556699AA unlock; any other
 *                       write locks again (per guest)
 *   RCON    0xBF801240  why the guest (re)started: the chip's own value
 *                       at the hypervisor's start, then its own writes;
 *                       SWR (bit 6) added by its software reset
 *   RSWRST  0xBF801250  SWRST (bit 0) settable while unlocked; the read
 *                       that follows resets the guest (and only it)
 *   WDTCON  0xBF800800  its own watchdog (sec. 26 "Watchdog timer"): ON
 *                       (15; held on by DEVCFG1.FWDTEN), RUNDIV (12:8)
 *                       = DEVCFG1.WDTPS of its image, the clear key
 *                       0x5743 in the upper halfword; WDTWINEN (0) or
 *                       DEVCFG1.WINDIS = 0: window mode, a clear before
 *                       the window (DEVCFG1.FWDTWINSZ) resets; timed by
 *                       the core (hv/core/wdt.c), RCON.WDTO on its expiry
 *
 * Everything else in those blocks stays as the device list says (reads
 * forwarded, writes dropped).
 */
#include "../../board/board.h"
#include "emu.h"
#include "../../board/pic32mz/pic32mz.h"
#include "tinyvp_limits.h"

#define SYSKEY_PA 0x1f800030u
#define RCON_PA   0x1f801240u
#define RSWRST_PA 0x1f801250u
#define WDTCON_PA 0x1f800800u
#define DEVCFG1_GPA 0x1fc0ffc8u /* its image's DEVCFG1, in its boot flash */
#define RCON_SWR  (1u << 6)
#define RCON_WDTO (1u << 4)
#define RCON_EXTR (1u << 7)
#define WDTCON_ON (1u << 15)
#define WDTCON_WINEN 1u
#define WDT_CLRKEY 0x5743u
#define DEVCFG1_FWDTEN (1u << 23)
#define DEVCFG1_WDTPS_SHIFT 16
#define DEVCFG1_WINDIS (1u << 22)
#define DEVCFG1_FWDTWINSZ_SHIFT 24
#define RCON_W    0x0c0002ffu /* the bits software may change */

struct vsys {
    uint32_t rcon;
    uint8_t unlock; /* 0 locked, 1 first key seen, 2 unlocked */
    uint8_t swrst;
    uint8_t wdt_on, wdt_ps, fwdten;
    uint8_t wdt_winen;   /* WDTCON.WDTWINEN */
    uint8_t wdt_closed;  /* window mode from DEVCFG1 (WINDIS = 0): the
                          * closed eighths; else 0 */
    uint8_t win_closed;  /* the closed eighths of FWDTWINSZ */
};
static struct vsys vsys[CONFIG_NR_GUESTS];

/* At boot: every guest starts as the chip did. */
void vsys_init(void)
{
    uint32_t rcon = SFR(RCON_PA | 0xa0000000u);
    for (unsigned g = 0; g < CONFIG_NR_GUESTS; g++)
        vsys[g] = (struct vsys){.rcon = rcon};
}

/* The guest's DEVCFG1 as its image holds it (its boot-flash view, from
 * vpconf's regions); erased (all ones) when it has none there. */
static uint32_t guest_devcfg1(guest_id_t g)
{
    const struct tvp_guest *gc = &tvp_guests[g - 1];
    for (unsigned i = 0; i < gc->nr_regions; i++) {
        const struct tvp_mem_region *r = &gc->regions[i];
        if (r->kind == TVP_MEM_BOOT && DEVCFG1_GPA - r->gpa < r->size)
            return SFR(0xa0000000u | (r->rpa + (DEVCFG1_GPA - r->gpa)));
    }
    return 0xffffffffu;
}

/* Its watchdog from its DEVCFG1 (on with FWDTEN; 2^WDTPS ms, WDTPS above
 * 20 taken as 20, as vpsim does) and its WDTCON.ON. */
static void wdt_apply(guest_id_t g)
{
    struct vsys *s = &vsys[g - 1];
    unsigned ps = s->wdt_ps > 20 ? 20 : s->wdt_ps;
    hv_wdt_control(g, s->wdt_on || s->fwdten, (uint64_t)(CONFIG_COUNT_HZ / 1000u) * (1u << ps)); /* widening multiply: no libgcc */
}

/* The guest restarts: locked, SWRST clear, its watchdog as its DEVCFG1
 * says; RCON keeps its history. */
void vsys_reset(guest_id_t g)
{
    struct vsys *s = &vsys[g - 1];
    uint32_t d1 = guest_devcfg1(g);
    s->unlock = 0;
    s->swrst = 0;
    s->wdt_on = 0;
    /* erased words (no DEVCFG in its image): off, as on the Wi-FIRE,
     * whose programmed words turn the watchdog off (vpsim's default) */
    s->fwdten = d1 != 0xffffffffu && (d1 & DEVCFG1_FWDTEN);
    s->wdt_ps = (uint8_t)((d1 >> DEVCFG1_WDTPS_SHIFT) & 0x1f);
    /* FWDTWINSZ 3, 2, 1, 0: the window is the last 25, 37.5, 50, 75 % */
    static const uint8_t closed[4] = {2, 4, 5, 6};
    s->win_closed = closed[(d1 >> DEVCFG1_FWDTWINSZ_SHIFT) & 3];
    s->wdt_closed = d1 != 0xffffffffu && !(d1 & DEVCFG1_WINDIS) ? s->win_closed : 0;
    s->wdt_winen = 0;
    wdt_apply(g);
}

/* Its RCON says why it restarts, as the chip's would (DS60001320 sec. 6,
 * RCON: bits stay set until software clears them): SWR for its own
 * software reset and for the health monitor's restart after a fault (on
 * a bare chip, the toolchains' default exception handlers reset through
 * RSWRST: the same firmware sees the same cause), WDTO for its watchdog,
 * EXTR for the operator's restart (the reset pin, MCLR). */
void board_guest_reset_cause(guest_id_t g, enum board_reset_why why)
{
    vsys[g - 1].rcon |= why == BOARD_RESET_WDT ? RCON_WDTO : why == BOARD_RESET_EXT ? RCON_EXTR : RCON_SWR;
}

bool board_sys_write(guest_id_t g, uint32_t wa, uint32_t val, uint32_t lanes)
{
    struct vsys *s = &vsys[g - 1];
    if (pps_guest_write(g, wa, val, lanes)) /* vpps.c: its pins' registers */
        return true;
    switch (wa & ~0xcu) {
    case SYSKEY_PA:
        if ((wa & 0xc) || lanes != 0xffffffffu)
            s->unlock = 0;
        else if (val == SYSKEY_1)
            s->unlock = 1;
        else
            s->unlock = (s->unlock == 1 && val == SYSKEY_2) ? 2 : 0;
        return true;
    case RCON_PA:
        s->rcon = (s->rcon & ~RCON_W) | (sfr_alias_op(s->rcon, wa, val, lanes) & RCON_W);
        return true;
    case RSWRST_PA:
        if (s->unlock == 2)
            s->swrst = (uint8_t)(sfr_alias_op(s->swrst, wa, val, lanes) & 1);
        return true;
    case WDTCON_PA: {
        uint32_t was = s->wdt_on;
        uint32_t r = sfr_alias_op((s->wdt_on ? WDTCON_ON : 0) | s->wdt_winen, wa, val, lanes);
        s->wdt_on = (r & WDTCON_ON) != 0;
        s->wdt_winen = (uint8_t)(r & WDTCON_WINEN);
        if (s->wdt_on != was)
            wdt_apply(g);
        if (!(wa & 0xc) && (lanes & 0xffff0000u) == 0xffff0000u && (val >> 16) == WDT_CLRKEY)
            hv_wdt_clear(g, s->wdt_winen ? s->win_closed : s->wdt_closed);
        return true;
    }
    default:
        return false;
    }
}

bool board_sys_read(guest_id_t g, uint32_t pa, uint32_t *word)
{
    struct vsys *s = &vsys[g - 1];
    switch (pa & ~0xfu) {
    case RCON_PA:
        *word = (pa & 0xc) ? 0 : s->rcon;
        return true;
    case WDTCON_PA:
        *word = (pa & 0xc) ? 0 : ((s->wdt_on || s->fwdten) ? WDTCON_ON : 0) | (uint32_t)s->wdt_ps << 8 |
                                 s->wdt_winen;
        return true;
    case RSWRST_PA:
        *word = (pa & 0xc) ? 0 : s->swrst;
        if (!(pa & 0xc) && s->swrst) { /* the read that performs the reset */
            s->rcon |= RCON_SWR;
            hv_guest_sw_reset(g);
        }
        return true;
    default:
        return false;
    }
}

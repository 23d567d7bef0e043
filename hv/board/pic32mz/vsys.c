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
 *
 * Everything else in those blocks stays as the device list says (reads
 * forwarded, writes dropped).
 */
#include "../board.h"
#include "emu.h"
#include "pic32mz.h"
#include "tinyvp_limits.h"

#define SYSKEY_PA 0x1f800030u
#define RCON_PA   0x1f801240u
#define RSWRST_PA 0x1f801250u
#define RCON_SWR  (1u << 6)
#define RCON_W    0x0c0002ffu /* the bits software may change */

struct vsys {
    uint32_t rcon;
    uint8_t unlock; /* 0 locked, 1 first key seen, 2 unlocked */
    uint8_t swrst;
};
static struct vsys vsys[CONFIG_NR_GUESTS];

/* At boot: every guest starts as the chip did. */
void vsys_init(void)
{
    uint32_t rcon = SFR(RCON_PA | 0xa0000000u);
    for (unsigned g = 0; g < CONFIG_NR_GUESTS; g++)
        vsys[g] = (struct vsys){rcon, 0, 0};
}

/* The guest restarts: locked, SWRST clear; RCON keeps its history. */
void vsys_reset(guest_id_t g)
{
    vsys[g - 1].unlock = 0;
    vsys[g - 1].swrst = 0;
}

bool board_sys_write(guest_id_t g, uint32_t wa, uint32_t val, uint32_t lanes)
{
    struct vsys *s = &vsys[g - 1];
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

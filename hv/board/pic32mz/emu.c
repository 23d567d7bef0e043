/*
 * Device emulators of the PIC32MZ board: each guest sees the whole
 * interrupt-controller page and the console UART4 of a bare chip.
 *
 * Interrupt controller: a per-guest virtual copy. Only the guest's own
 * vectors (vpconf's irqs list) are real: their flag, enable, priority and
 * offset are kept; every other vector reads as zero and ignores writes.
 * Issue 7 adds delivery (GuestCtl2 injection) on top of this state.
 *
 * Console UART: MODE/BRG/STA control bits are virtual; transmit goes to the
 * real console UART (whose FIFO state the guest sees in STA, so it paces
 * itself like on a bare board); receive comes from it for the guest with
 * input focus. Issue 7 adds per-guest buffers, tags and interrupts.
 */
#include <stdbool.h>

#include "../board.h"
#include "emu.h"
#include "pic32mz.h"
#include "tinyvp_limits.h"

#define NIRQ (CONFIG_MAX_GUEST_IRQS ? CONFIG_MAX_GUEST_IRQS : 1)

struct vevic {
    uint32_t intcon, priss, iptmr;
    uint32_t off[NIRQ];
    uint8_t ipc[NIRQ];      /* IP << 2 | IS */
    uint8_t ifs_iec[NIRQ];  /* bit 0 flag, bit 1 enable */
};

struct vuart {
    uint32_t mode, sta, brg;
};

static struct vevic vevic[CONFIG_NR_GUESTS];
static struct vuart vuart[CONFIG_NR_GUESTS];
static guest_id_t input_focus = INVALID_GUEST_ID;

#define INTCON_W 0x0000171fu /* INTxEP, TPC, MVEC */
#define VOFF_W   0x0003fffeu
#define USTA_W   0x01fffc22u /* ADDEN URXISEL UTXEN UTXBRK URXEN UTXINV UTXISEL ADDR ADM_EN, OERR */
#define USTA_HW  (USTA_RIDLE | USTA_TRMT | USTA_UTXBF)

static const struct tvp_guest *guest(guest_id_t g)
{
    return &tvp_guests[g - 1];
}

void emu_init(void)
{
    for (unsigned i = 0; i < CONFIG_NR_GUESTS; i++)
        if (tvp_guests[i].flags & TVP_GUEST_CONSOLE) {
            input_focus = tvp_guests[i].id;
            break;
        }
}

/* ---- interrupt controller ------------------------------------------------ */

enum { EV_IFS, EV_IEC, EV_IPC, EV_OFF, EV_NONE };

/* Which per-vector register an offset in the page is: kind and index n
 * (IFSn/IECn: vectors 32n..32n+31, IPCn: 4n..4n+3, OFFn: vector n). */
static unsigned evic_decode(uint32_t off, unsigned *n)
{
    if (off >= 0x040 && off < 0x040 + 0x10 * INTC_NR_WORDS) {
        *n = (off - 0x040) >> 4;
        return EV_IFS;
    }
    if (off >= 0x0c0 && off < 0x0c0 + 0x10 * INTC_NR_WORDS) {
        *n = (off - 0x0c0) >> 4;
        return EV_IEC;
    }
    if (off >= 0x140 && off < 0x140 + 0x10 * ((TVP_NR_VECTORS + 3) / 4)) {
        *n = (off - 0x140) >> 4;
        return EV_IPC;
    }
    if (off >= 0x540 && off < 0x540 + 4 * TVP_NR_VECTORS) {
        *n = (off - 0x540) >> 2;
        return EV_OFF;
    }
    return EV_NONE;
}

/* The register's value composed from the guest's own vectors (get), or
 * its new value stored back into them (put). */
static uint32_t evic_vectors(guest_id_t g, unsigned kind, unsigned n, bool put, uint32_t val)
{
    const struct tvp_guest *gc = guest(g);
    struct vevic *e = &vevic[g - 1];
    uint32_t out = 0;
    for (unsigned i = 0; i < gc->nr_irqs && i < NIRQ; i++) {
        unsigned v = gc->irqs[i];
        switch (kind) {
        case EV_IFS:
        case EV_IEC: {
            unsigned bit = kind == EV_IFS ? 1 : 2;
            if (v / 32 != n)
                break;
            if (put)
                e->ifs_iec[i] = (uint8_t)((e->ifs_iec[i] & ~bit) |
                                          (((val >> (v % 32)) & 1) ? bit : 0));
            else if (e->ifs_iec[i] & bit)
                out |= 1u << (v % 32);
            break;
        }
        case EV_IPC:
            if (v / 4 != n)
                break;
            if (put)
                e->ipc[i] = (uint8_t)((val >> (8 * (v % 4))) & 0x1f);
            else
                out |= (uint32_t)e->ipc[i] << (8 * (v % 4));
            break;
        default: /* EV_OFF */
            if (v != n)
                break;
            if (put)
                e->off[i] = val & VOFF_W;
            else
                out = e->off[i];
            break;
        }
    }
    return out;
}

static uint32_t *evic_fixed(guest_id_t g, uint32_t reg)
{
    struct vevic *e = &vevic[g - 1];
    switch (reg) {
    case 0x000: return &e->intcon;
    case 0x010: return &e->priss;
    case 0x030: return &e->iptmr;
    default: return 0;
    }
}

bool evic_read(guest_id_t g, uint32_t off, uint32_t *word)
{
    unsigned n, kind = evic_decode(off, &n);
    uint32_t *r = evic_fixed(g, off & ~0xfu);
    *word = 0; /* INTSTAT (0x020), aliases, holes: read as zero */
    if (kind == EV_OFF || (kind != EV_NONE && !(off & 0xc)))
        *word = evic_vectors(g, kind, n, false, 0);
    else if (r && !(off & 0xc))
        *word = *r;
    return true;
}

bool evic_write(guest_id_t g, uint32_t off, uint32_t word, uint32_t lanes)
{
    unsigned n, kind = evic_decode(off, &n);
    uint32_t *r = evic_fixed(g, off & ~0xfu);
    if (kind == EV_OFF) {
        uint32_t old = evic_vectors(g, kind, n, false, 0);
        evic_vectors(g, kind, n, true, (old & ~lanes) | (word & lanes));
    } else if (kind != EV_NONE) {
        uint32_t old = evic_vectors(g, kind, n, false, 0);
        evic_vectors(g, kind, n, true, sfr_alias_op(old, off, word, lanes));
    } else if (r) {
        uint32_t v = sfr_alias_op(*r, off, word, lanes);
        *r = (off & ~0xfu) == 0 ? v & INTCON_W : v;
    }
    return true;
}

void evic_reset(guest_id_t g)
{
    vevic[g - 1] = (struct vevic){0};
}

/* ---- console UART ------------------------------------------------------ */

bool vuart_read(guest_id_t g, uint32_t off, uint32_t *word)
{
    struct vuart *u = &vuart[g - 1];
    *word = 0;
    if (off & 0xc)
        return true; /* aliases read as zero */
    switch (off) {
    case UMODE: *word = u->mode; break;
    case USTA: {
        uint32_t hw = board_console_status();
        *word = (u->sta & USTA_W) | (hw & USTA_HW) |
                (g == input_focus ? hw & USTA_URXDA : 0);
        break;
    }
    case URXREG: {
        int c = g == input_focus ? board_console_getc() : -1;
        *word = c < 0 ? 0 : (uint32_t)c;
        break;
    }
    case UBRG: *word = u->brg; break;
    default: break;
    }
    return true;
}

bool vuart_write(guest_id_t g, uint32_t off, uint32_t word, uint32_t lanes)
{
    struct vuart *u = &vuart[g - 1];
    switch (off & ~0xcu) {
    case UMODE: u->mode = sfr_alias_op(u->mode, off, word, lanes) & 0xffffu; break;
    case USTA: u->sta = sfr_alias_op(u->sta, off, word, lanes) & USTA_W; break;
    case UBRG: u->brg = sfr_alias_op(u->brg, off, word, lanes) & 0xfffffu; break;
    case UTXREG:
        /* a byte leaves only from an enabled transmitter, as on the chip */
        if (off == UTXREG && (lanes & 0xff) && (u->mode & UMODE_ON) && (u->sta & USTA_UTXEN))
            board_console_putc((char)(word & 0xff));
        break;
    default: break;
    }
    return true;
}

void vuart_reset(guest_id_t g)
{
    vuart[g - 1] = (struct vuart){0};
}

/* ---- the board seam -------------------------------------------------------- */

bool board_emu_read(unsigned emu, guest_id_t g, uint32_t pa, uint32_t *word)
{
    switch (emu) {
    case TVP_EMU_EVIC: return evic_read(g, pa & 0xfff, word);
    case TVP_EMU_CONSOLE_UART: return vuart_read(g, pa & 0x1ff, word);
    default: return false; /* DMA: not yet */
    }
}

bool board_emu_write(unsigned emu, guest_id_t g, uint32_t pa, uint32_t word, uint32_t lanes)
{
    switch (emu) {
    case TVP_EMU_EVIC: return evic_write(g, pa & 0xfff, word, lanes);
    case TVP_EMU_CONSOLE_UART: return vuart_write(g, pa & 0x1ff, word, lanes);
    default: return false;
    }
}

void board_guest_reset(guest_id_t g)
{
    evic_reset(g);
    vuart_reset(g);
}

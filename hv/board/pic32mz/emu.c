/*
 * Device emulators of the PIC32MZ board: each guest sees the whole
 * interrupt-controller page and the console UART4 of a bare chip.
 *
 * Interrupt controller: a per-guest virtual copy. Only the guest's own
 * vectors (vpconf's irqs list) are real: their flag, enable, priority and
 * offset are kept; every other vector reads as zero and ignores writes.
 * Issue 7 adds delivery (GuestCtl2 injection) on top of this state.
 *
 * Console UART: MODE/BRG/STA control bits are virtual; transmitted bytes
 * go to the shared console (hv/core/console.c) while STA shows the guest a
 * transmitter as slow as the real one at its settings (UTXBF, TRMT), so it
 * paces itself as on a bare board; receive comes from the real UART for
 * the guest with input focus. Issue 7 adds tags and UART interrupts.
 */
#include <stdbool.h>

#include "../board.h"
#include "emu.h"
#include "pic32mz.h"
#include "tinyvp_limits.h"

/* Virtual vectors of a guest: first the core's own (core timer 0,
 * software interrupts 1 and 2, performance counter 104, fast debug
 * channel 105: every guest has its own copy), then its vectors from vpconf. */
static const uint8_t core_vectors[] = {0, 1, 2, 104, 105}; /* vec_slot knows this order */
#define NCORE ((unsigned)sizeof core_vectors)
#define NIRQ (CONFIG_MAX_GUEST_IRQS + NCORE)

struct vevic {
    uint32_t intcon, priss, iptmr;
    uint32_t off[NIRQ];
    uint8_t ipc[NIRQ];      /* IP << 2 | IS */
    uint8_t ifs_iec[NIRQ];  /* bit 0 flag, bit 1 enable */
    /* (issue 7: which one is being delivered, for INTSTAT) */
};

struct vuart {
    uint32_t mode, sta, brg;
    uint32_t tx_busy_until; /* Count when its last byte has left the wire */
    uint32_t char_ticks;    /* one character's time at MODE/BRG */
};

static struct vevic vevic[CONFIG_NR_GUESTS];
/* bit g: guest g's pending interrupts may have changed since
 * board_virq_pending looked */
static uint8_t virq_changed;
static struct vuart vuart[CONFIG_NR_GUESTS];
static guest_id_t input_focus = INVALID_GUEST_ID;

#define INTCON_W 0x0000171fu /* INTxEP, TPC, MVEC */
#define VOFF_W   0x0003fffeu
#define USTA_W   0x01fffc22u /* ADDEN URXISEL UTXEN UTXBRK URXEN UTXINV UTXISEL ADDR ADM_EN, OERR */

static const struct tvp_guest *guest(guest_id_t g)
{
    return &tvp_guests[g - 1];
}

static unsigned slot_vector(const struct tvp_guest *gc, unsigned i)
{
    return i < NCORE ? core_vectors[i] : gc->irqs[i - NCORE];
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

/* The slot of vector v in guest g's virtual controller, or -1. */
static int vec_slot(const struct tvp_guest *gc, unsigned v)
{
    if (v < 3) /* core_vectors[] order */
        return (int)v;
    if (v == 104 || v == 105)
        return (int)v - 101;
    for (unsigned k = 0; k < gc->nr_irqs && gc->irqs[k] <= v; k++) /* ascending */
        if (gc->irqs[k] == v)
            return (int)(NCORE + k);
    return -1;
}

/* The register's value composed from the guest's own vectors (get), or
 * its new value stored back into them (put): OFFn holds vector n, IPCn
 * vectors 4n..4n+3, IFSn/IECn vectors 32n..32n+31. */
static uint32_t evic_vectors(guest_id_t g, unsigned kind, unsigned n, bool put, uint32_t val)
{
    const struct tvp_guest *gc = guest(g);
    struct vevic *e = &vevic[g - 1];
    uint32_t out = 0;
    if (kind == EV_OFF) {
        int i = vec_slot(gc, n);
        if (i < 0)
            return 0;
        if (!put)
            return e->off[i];
        if ((e->ifs_iec[i] & 3) == 3)
            virq_changed |= 1u << g; /* the offset of a pending vector */
        e->off[i] = val & VOFF_W;
        return 0;
    }
    if (kind == EV_IPC) {
        for (unsigned b = 0; b < 4; b++) {
            int i = vec_slot(gc, 4 * n + b);
            if (i < 0)
                continue;
            if (put)
                e->ipc[i] = (uint8_t)((val >> (8 * b)) & 0x1f);
            else
                out |= (uint32_t)e->ipc[i] << (8 * b);
        }
        return out;
    }
    unsigned bit = kind == EV_IFS ? 1 : 2;
    for (unsigned i = 0; i < gc->nr_irqs + NCORE && i < NIRQ; i++) {
        unsigned v = slot_vector(gc, i);
        if (v / 32 != n)
            continue;
        if (put)
            e->ifs_iec[i] = (uint8_t)((e->ifs_iec[i] & ~bit) | (((val >> (v % 32)) & 1) ? bit : 0));
        else if (e->ifs_iec[i] & bit)
            out |= 1u << (v % 32);
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
    if (kind != EV_NONE) {
        /* a whole-register plain write needs no old value */
        uint32_t old = (lanes == 0xffffffffu && (kind == EV_OFF || !(off & 0xc)))
                           ? 0 : evic_vectors(g, kind, n, false, 0);
        evic_vectors(g, kind, n, true,
                     kind == EV_OFF ? (old & ~lanes) | (word & lanes)
                                    : sfr_alias_op(old, off, word, lanes));
        if (kind != EV_OFF)
            virq_changed |= 1u << g;
    } else if (r) {
        uint32_t v = sfr_alias_op(*r, off, word, lanes);
        *r = (off & ~0xfu) == 0 ? v & INTCON_W : v;
    }
    return true;
}

void evic_reset(guest_id_t g)
{
    vevic[g - 1] = (struct vevic){0};
    virq_changed |= 1u << g;
}

bool board_virq_changed(guest_id_t g)
{
    return (virq_changed >> g) & 1;
}

/* Highest priority first, then the higher subpriority, then the lower
 * vector (the order the controller uses). */
bool board_virq_pending(guest_id_t g, unsigned *level, uint32_t *voff)
{
    const struct tvp_guest *gc = guest(g);
    const struct vevic *e = &vevic[g - 1];
    unsigned best = 0;
    virq_changed &= ~(1u << g);
    for (unsigned i = 0; i < gc->nr_irqs + NCORE && i < NIRQ; i++) {
        unsigned pri = e->ipc[i]; /* IP << 2 | IS: compares as the controller does */
        if ((e->ifs_iec[i] & 3) == 3 && (pri >> 2) && pri > best) {
            best = pri;
            *voff = e->off[i];
        }
    }
    *level = best >> 2;
    return best != 0;
}

void board_vtimer_fire(guest_id_t g)
{
    vevic[g - 1].ifs_iec[0] |= 1; /* slot 0: vector 0's flag */
    virq_changed |= 1u << g;
}

/* ---- console UART ------------------------------------------------------ */

/* One character's time on the wire at the guest's settings, in core-timer
 * ticks: start bit, 8 or 9 data bits, parity, 1 or 2 stop bits; a bit is
 * 16 (4 with BRGH) x (BRG + 1) PBCLK2 cycles. */
static uint32_t char_ticks_of(const struct vuart *u)
{
    unsigned pdsel = (u->mode >> 1) & 3, bits = 1 + (pdsel == 3 ? 9 : 8) +
                     (pdsel == 1 || pdsel == 2) + 1 + (u->mode & 1);
    uint32_t cyc = bits * ((u->mode & UMODE_BRGH) ? 4u : 16u) * ((u->brg & 0xfffff) + 1);
    return cyc / (CONFIG_PBCLK_HZ / 1000000u) * (CONFIG_COUNT_HZ / 1000000u);
}

/* Bytes the guest's transmitter still holds, by the wire's pace: the
 * guest sees its UART as slow as a real one (UTXBF, TRMT), while the
 * bytes go on to the shared console. */
static int32_t tx_backlog(const struct vuart *u)
{
    return (int32_t)(u->tx_busy_until - hv_ticks());
}

bool vuart_read(guest_id_t g, uint32_t off, uint32_t *word)
{
    struct vuart *u = &vuart[g - 1];
    *word = 0;
    if (off & 0xc)
        return true; /* aliases read as zero */
    switch (off) {
    case UMODE: *word = u->mode; break;
    case USTA: {
        int32_t left = tx_backlog(u);
        uint32_t hw = board_console_status();
        *word = (u->sta & USTA_W) | (hw & USTA_RIDLE) | (left <= 0 ? USTA_TRMT : 0) |
                (left > (int32_t)(8 * u->char_ticks) ? USTA_UTXBF : 0) |
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
    case UMODE:
        u->mode = sfr_alias_op(u->mode, off, word, lanes) & 0xffffu;
        u->char_ticks = char_ticks_of(u);
        break;
    case USTA: u->sta = sfr_alias_op(u->sta, off, word, lanes) & USTA_W; break;
    case UBRG:
        u->brg = sfr_alias_op(u->brg, off, word, lanes) & 0xfffffu;
        u->char_ticks = char_ticks_of(u);
        break;
    case UTXREG:
        /* a byte leaves only from an enabled transmitter, as on the chip */
        if (off == UTXREG && (lanes & 0xff) && (u->mode & UMODE_ON) && (u->sta & USTA_UTXEN)) {
            uint32_t now = hv_ticks();
            uint32_t start = tx_backlog(u) > 0 ? u->tx_busy_until : now;
            u->tx_busy_until = start + u->char_ticks;
            hv_console_putc((char)(word & 0xff));
        }
        break;
    default: break;
    }
    return true;
}

void vuart_reset(guest_id_t g)
{
    vuart[g - 1] = (struct vuart){0};
    vuart[g - 1].char_ticks = char_ticks_of(&vuart[g - 1]);
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

/*
 * The interrupt controller a guest sees (PIC32MZ EF datasheet DS60001320,
 * sec. 7 "Interrupt Controller"): a per-guest virtual copy of the whole
 * page. Only the guest's own vectors (vpconf's irqs list, and the core's
 * and console UART's vectors every guest has) are real: their flag,
 * enable, priority and offset are kept; every other vector reads as zero
 * and ignores writes. Its device vectors are passed through: the real
 * interrupt is masked at the real controller and pending here until the
 * guest clears its flag. The core reaches it through board.h (the
 * board_virq_* seam); the console UART emulator (vuart.c) raises its
 * sources through vintc_raise.
 */
#include <stdbool.h>

#include "../../board/board.h"
#include "../../board/pic32mz/pic32mz.h"
#include "emu.h"
#include "tinyvp_limits.h"


/* the exit path's hottest functions: -O2 for these few */
#define HOT_O2 __attribute__((optimize("O2")))

/* Virtual vectors of a guest: first the ones every guest has a copy of
 * (core timer 0, software interrupts 1 and 2, performance counter 104,
 * fast debug channel 105, and the console UART's fault/RX/TX: the
 * emulated UART raises them), then the device vectors vpconf gave it,
 * which are real: passed through from the controller. */
#define NCORE 8u
#define NIRQ (CONFIG_MAX_GUEST_IRQS + NCORE)
#define SLOT_CT   0u /* core timer */
#define SLOT_CS0  1u /* core software interrupts 0 and 1: slots 1, 2 */
#define SLOT_CS1  2u
/* SLOT_UERR, SLOT_URX, SLOT_UTX: the console UART's (emu.h) */
static uint8_t core_vectors[NCORE] = {0, 1, 2, 104, 105};

/* ifs_iec bits: VF_IFS, VF_IEC (emu.h) */

struct vevic {
    uint32_t intcon, priss, iptmr, intstat;
    uint32_t off[NIRQ];
    /* IP << 2 | IS (the IPCn field) << 8 | 255 - the vector: compared
     * as a number, the controller's order (board_virq_pending) */
    uint16_t key[NIRQ];
    uint8_t ifs_iec[NIRQ];  /* VF_*: change through vf_set */
    uint32_t act;           /* bit i: slot i has flag and enable */
    uint8_t offered;        /* slot offered through GuestCtl2 (+1; 0 none) */
} __attribute__((aligned(128))); /* a power of two: vevic[g - 1] without a multiply */
static struct vevic vevic[CONFIG_NR_GUESTS];
_Static_assert(NIRQ <= 32, "a guest's virtual vectors fit struct vevic.act");
_Static_assert(NCORE + TVP_MAX_GUEST_IRQS == 32, "vpconf's limit (TVP_MAX_GUEST_IRQS) is this word's");
_Static_assert(TVP_NR_VECTORS <= 32 * INTC_NR_WORDS, "IFSn/IECn words");

/* Per guest (index id - 1), the words fast.S reads a guest's LW of
 * IFSn/IECn from: word k is the register at 0x040 + 0x10 k (IFS0..6,
 * a hole, IEC0..6, a hole: holes stay 0), then (EVIC_FAST_REAL + n) the
 * guest's real vectors in IFSn. The slots (ifs_iec) and these words
 * change together, in vf_set. */
uint32_t evic_fast[CONFIG_NR_GUESTS][EVIC_FAST_WORDS];
_Static_assert(EVIC_FAST_IEC == 8 && EVIC_FAST_REAL >= 16 && INTC_NR_WORDS < 8 &&
               EVIC_FAST_MASK >= EVIC_FAST_REAL + INTC_NR_WORDS &&
               EVIC_FAST_MASK + 8 <= EVIC_FAST_WORDS, "fast.S's evic_fast layout");
#define V_IFS(g, n) evic_fast[(g) - 1][n]
#define V_IEC(g, n) evic_fast[(g) - 1][EVIC_FAST_IEC + (n)]

/* The vector of slot i of each guest (boot: slot_init). */
static uint8_t slot_vec[CONFIG_NR_GUESTS][NIRQ];

/* The one place a slot's flag or enable changes: the slot mask and the
 * IFSn/IECn words the guest reads stay in step with it (a load of IFSn
 * or IECn is then one word). */
HOT_O2 static void vf_set(guest_id_t g, unsigned i, uint8_t v)
{
    struct vevic *e = &vevic[g - 1];
    unsigned vec = slot_vec[g - 1][i], w = vec / 32;
    uint32_t b = 1u << (vec % 32), *f = evic_fast[g - 1];
    e->ifs_iec[i] = v;
    f[w] = (f[w] & ~b) | (b & -(uint32_t)(v & VF_IFS));
    f[EVIC_FAST_IEC + w] = (f[EVIC_FAST_IEC + w] & ~b) | (b & -(uint32_t)((v & VF_IEC) >> 1));
    e->act = (e->act & ~(1u << i)) | (uint32_t)((v & 3) == 3) << i;
}

/* vf_set(g, i, flag and enable | VF_IFS), the one change an interrupt
 * makes: only IFSn and the slot mask move (~15 cycles, vf_set ~35).
 * Inlined into the two injection paths (board_virq_raise,
 * board_vtimer_fire: -5 and -10 cycles); vf_raise for the rest. */
static inline __attribute__((always_inline)) void vf_raise_inline(guest_id_t g, unsigned i)
{
    struct vevic *e = &vevic[g - 1];
    unsigned vec = slot_vec[g - 1][i];
    uint8_t v = e->ifs_iec[i] | VF_IFS;
    e->ifs_iec[i] = v;
    evic_fast[g - 1][vec / 32] |= 1u << (vec % 32);
    e->act |= (uint32_t)(v >> 1) << i; /* VF_IEC: flag and enable */
}

HOT_O2 static void vf_raise(guest_id_t g, unsigned i)
{
    vf_raise_inline(g, i);
}
/* bit g: guest g's pending interrupts may have changed since
 * board_virq_pending looked (board.h: board_virq_changed) */
uint8_t board_virq_dirty;
/* bit g: guest g has a core software interrupt enabled (IEC0 CS0IE or
 * CS1IE): the core watches its Cause.IP1:0 more closely (board.h) */
uint8_t board_virq_soft_on;
#define virq_changed board_virq_dirty
#define INTCON_W 0x0000171fu /* INTxEP, TPC, MVEC */
#define INTCON_TPC 0x00000700u
#define PRISS_W  0xfffffff1u /* PRI7SS..PRI1SS, SS0 (bits 3:1 unimplemented) */
/* the offset the controller presents for every vector in single-vector
 * mode (DS60001320 sec. 7: MVEC = 0, the core's EBase + 0x200) */
#define EVIC_SINGLE_VOFF 0x200u
#define VOFF_W   0x0003fffeu

static const struct tvp_guest *guest(guest_id_t g)
{
    return &tvp_guests[g - 1];
}

static unsigned slot_vector(const struct tvp_guest *gc, unsigned i)
{
    return i < NCORE ? core_vectors[i] : gc->irqs[i - NCORE];
}

static void slot_init(void);

void vintc_init(void)
{
    core_vectors[SLOT_UERR] = (uint8_t)(board_console_tx_vector - 2);
    core_vectors[SLOT_URX] = (uint8_t)(board_console_tx_vector - 1);
    core_vectors[SLOT_UTX] = (uint8_t)board_console_tx_vector;
    slot_init();
}

unsigned vintc_state(guest_id_t g, unsigned slot)
{
    return vevic[g - 1].ifs_iec[slot];
}

void vintc_raise(guest_id_t g, unsigned slot)
{
    vf_raise(g, slot);
    virq_changed |= 1u << g;
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

/* The slot of vector v in guest g's virtual controller, or -1: a table
 * per guest filled at boot (a lookup on every access to the page). */
static uint8_t slot_of[CONFIG_NR_GUESTS][TVP_NR_VECTORS];
#define NO_SLOT 0xffu
/* The guest's vectors in IFSn/IECn (bit v % 32 of word v / 32), all of
 * them and its real (passed-through) ones: a write visits only the bits
 * it changes of those, a read of IFSn polls only real ones. */
#define WORD_MASK(g, n) evic_fast[(g) - 1][EVIC_FAST_MASK + (n)]
#define REAL_MASK(g, n) evic_fast[(g) - 1][EVIC_FAST_REAL + (n)]
static uint32_t uart_word[INTC_NR_WORDS]; /* the console UART's vectors */

static int vec_slot(const struct tvp_guest *gc, unsigned v)
{
    unsigned i = v < TVP_NR_VECTORS ? slot_of[gc->id - 1][v] : NO_SLOT;
    return i == NO_SLOT ? -1 : (int)i;
}

static void slot_init(void)
{
    for (unsigned g = 0; g < CONFIG_NR_GUESTS; g++) {
        const struct tvp_guest *gc = &tvp_guests[g];
        for (unsigned v = 0; v < TVP_NR_VECTORS; v++)
            slot_of[g][v] = NO_SLOT;
        for (unsigned i = 0; i < NCORE + gc->nr_irqs && i < NIRQ; i++) {
            unsigned v = slot_vector(gc, i);
            slot_of[g][v] = (uint8_t)i;
            slot_vec[g][i] = (uint8_t)v;
            if (i >= SLOT_UERR && i <= SLOT_UTX)
                uart_word[v / 32] |= 1u << (v % 32);
            WORD_MASK(g + 1, v / 32) |= 1u << (v % 32);
            if (i >= NCORE)
                REAL_MASK(g + 1, v / 32) |= 1u << (v % 32);
        }
    }
}

/* A passed-through vector's flag or enable changed: the real controller
 * follows. While the guest's flag is up, the real enable stays off (the
 * interrupt was taken from the real controller and waits in the guest's);
 * when the guest clears its flag the real flag is cleared too (a
 * persistent source raises it again at once) and the real enable is back
 * if the guest's enable is on. */
static void evic_real_sync(unsigned v, uint8_t old, uint8_t now)
{
    if ((old & VF_IFS) && !(now & VF_IFS))
        board_irq_ack(v);
    if ((now & (VF_IFS | VF_IEC)) == VF_IEC) {
        if ((old & (VF_IFS | VF_IEC)) != VF_IEC)
            board_irq_enable(v, 3);
    } else if ((old & (VF_IFS | VF_IEC)) == VF_IEC) {
        board_irq_disable(v);
    }
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
                e->key[i] = (uint16_t)(((val >> (8 * b)) & 0x1f) << 8 | (255u - (4 * n + b)));
            else
                out |= (uint32_t)(e->key[i] >> 8) << (8 * b);
        }
        return out;
    }
    return 0; /* IFSn/IECn: evic_read, evic_write */
}

/* Bits `changed` of the guest's IFSn (bit VF_IFS) or IECn (VF_IEC), all
 * its own vectors, flip: usually one. */
HOT_O2 static void evic_flip(guest_id_t g, unsigned bit, unsigned n, uint32_t changed)
{
    struct vevic *e = &vevic[g - 1];
    for (uint32_t m = changed; m; m &= m - 1) {
        unsigned v = 32 * n + (unsigned)__builtin_ctz(m), i = slot_of[g - 1][v];
        uint8_t old = e->ifs_iec[i];
        vf_set(g, i, old ^ bit);
        if (i >= NCORE && i < NIRQ) /* a passed-through vector */
            evic_real_sync(v, old, e->ifs_iec[i]);
    }
}

/* A guest polling the flag of a real vector it has not enabled: the real
 * flag is its flag (the controller sets flags whatever the enables say). */
HOT_O2 static void evic_poll_real(guest_id_t g, unsigned n)
{
    uint32_t m = REAL_MASK(g, n) & ~V_IFS(g, n);
    if (m) /* bounded: one pass over the bits, each raised once */
        for (m &= board_irq_flags(n); m; m &= m - 1)
            board_virq_raise(g, (irq_t)(32 * n + (unsigned)__builtin_ctz(m)));
}

/* The interrupt proximity timer (DS60001320 sec. 7, INTCON.TPC, IPTMR),
 * as vpsim models the chip's: requests of level <= TPC are held; the
 * first one starts a timer of IPTMR SYSCLK cycles (IPTMR / 2 Count ticks);
 * when it runs out they are presented until none at <= TPC is pending any
 * more, and the next one starts the timer again. Higher levels are never
 * held. The timer is real time (a timer-queue event), running whether
 * the guest's window is open or not. Per guest: TPC_ARMED, TPC_OPEN. */
#define TPC_ARMED 1u
#define TPC_OPEN  2u
static uint8_t tpc_state[CONFIG_NR_GUESTS];

static void tpc_stop(guest_id_t g)
{
    if (tpc_state[g - 1] & TPC_ARMED)
        hv_tpc_cancel(g);
    tpc_state[g - 1] = 0;
}

/* board.h: the timer ran out: what it held is presented */
void board_tpc_expired(guest_id_t g)
{
    tpc_state[g - 1] = (uint8_t)((tpc_state[g - 1] & ~TPC_ARMED) | TPC_OPEN);
    virq_changed |= 1u << g;
}

static uint32_t *evic_fixed(guest_id_t g, uint32_t reg)
{
    struct vevic *e = &vevic[g - 1];
    switch (reg) {
    case 0x000: return &e->intcon;
    case 0x010: return &e->priss;
    case 0x020: return &e->intstat;
    case 0x030: return &e->iptmr;
    default: return 0;
    }
}

/* The edges of the external interrupts INT0..4 the guest owns (vpconf
 * gave it vector 3 + 5n: its pin): its INTCON.INTnEP goes to the real
 * INTCON (SET/CLR of that bit only), so the controller detects the edge
 * it chose (DS60001320 sec. 7, INTCON: 1 rising, 0 falling). The bits of
 * INTx it does not own stay its own copy. */
static void evic_ext_edges(guest_id_t g, uint32_t intcon)
{
    for (unsigned n = 0; n < 5; n++) {
        unsigned v = 3u + 5u * n;
        if (tvp_irq_owner[v] != g)
            continue;
        SFR(INTCON + ((intcon & (1u << n)) ? SFR_SET : SFR_CLR)) = 1u << n;
    }
}

HOT_O2 bool evic_read(guest_id_t g, uint32_t off, uint32_t *word)
{
    unsigned n = 0, kind = evic_decode(off, &n);
    uint32_t *r = evic_fixed(g, off & ~0xfu);
    *word = 0; /* aliases, holes: read as zero */
    if (kind == EV_IFS && !(off & 0xc)) {
        evic_poll_real(g, n);
        *word = V_IFS(g, n);
    } else if (kind == EV_IEC && !(off & 0xc)) {
        *word = V_IEC(g, n);
    } else if (kind == EV_OFF || (kind == EV_IPC && !(off & 0xc)))
        *word = evic_vectors(g, kind, n, false, 0);
    else if (r && !(off & 0xc)) {
        if (off == 0x020)
            hv_virq_sync(g); /* an interrupt taken since this exit began: INTSTAT names it */
        *word = *r;
    }
    return true;
}

HOT_O2 bool evic_write(guest_id_t g, uint32_t off, uint32_t word, uint32_t lanes)
{
    unsigned n, kind = evic_decode(off, &n);
    uint32_t *r = evic_fixed(g, off & ~0xfu);
    if (kind == EV_IFS || kind == EV_IEC) {
        /* a real flag raised while the guest's enable was off is its flag
         * (as a read sees it): its clear must reach the real controller */
        if (kind == EV_IFS)
            evic_poll_real(g, n);
        uint32_t old = kind == EV_IFS ? V_IFS(g, n) : V_IEC(g, n);
        uint32_t changed = (sfr_alias_op(old, off, word, lanes) ^ old) & WORD_MASK(g, n);
        if (!changed)
            return true;
        evic_flip(g, kind == EV_IFS ? VF_IFS : VF_IEC, n, changed);
        virq_changed |= 1u << g;
        if (kind == EV_IEC && n == 0 && (changed & 6u)) { /* CS0IE, CS1IE */
            uint8_t on = (vevic[g - 1].ifs_iec[SLOT_CS0] | vevic[g - 1].ifs_iec[SLOT_CS1]) & VF_IEC;
            uint8_t was = board_virq_soft_on;
            board_virq_soft_on = (uint8_t)((was & ~(1u << g)) | (on ? 1u << g : 0));
            if (board_virq_soft_on != was)
                hv_virq_soft_changed(g);
        }
        /* a persistent UART source raises its flag again (its other
         * changes call vuart_irq_update themselves) */
        if (changed & uart_word[n])
            vuart_irq_update(g);
    } else if (kind != EV_NONE) {
        /* a whole-register plain write needs no old value */
        uint32_t old = (lanes == 0xffffffffu && (kind == EV_OFF || !(off & 0xc)))
                           ? 0 : evic_vectors(g, kind, n, false, 0);
        evic_vectors(g, kind, n, true,
                     kind == EV_OFF ? (old & ~lanes) | (word & lanes)
                                    : sfr_alias_op(old, off, word, lanes));
        if (kind != EV_OFF) {
            virq_changed |= 1u << g;
            vuart_irq_update(g); /* a persistent UART source raises its flag again */
        }
    } else if (r && (off & ~0xfu) != 0x020) { /* INTSTAT is read-only */
        uint32_t v = sfr_alias_op(*r, off, word, lanes);
        *r = (off & ~0xfu) == 0 ? v & INTCON_W : (off & ~0xfu) == 0x010 ? v & PRISS_W : v;
        if ((off & ~0xfu) == 0) {
            evic_ext_edges(g, *r);
            if (!(*r & INTCON_TPC))
                tpc_stop(g); /* nothing is held any more */
        }
        virq_changed |= 1u << g; /* MVEC: the offset of what is offered */
    }
    return true;
}

void evic_reset(guest_id_t g)
{
    const struct tvp_guest *gc = guest(g);
    struct vevic *e = &vevic[g - 1];
    for (unsigned i = NCORE; i < NCORE + gc->nr_irqs && i < NIRQ; i++)
        if (e->ifs_iec[i])
            evic_real_sync(gc->irqs[i - NCORE], e->ifs_iec[i], 0);
    *e = (struct vevic){0};
    evic_ext_edges(g, 0); /* its INTxEP: falling, the reset value */
    tpc_stop(g);
    board_virq_soft_on &= (uint8_t)~(1u << g);
    for (unsigned k = 0; k < EVIC_FAST_REAL; k++)
        evic_fast[g - 1][k] = 0;
    virq_changed |= 1u << g;
}

/* A real interrupt of guest g's: off at the real controller, pending in
 * the guest's (delivered when the guest runs and its enables allow). */
HOT_O2 void board_virq_raise(guest_id_t g, irq_t v)
{
    unsigned i = v < TVP_NR_VECTORS ? slot_of[g - 1][v] : NO_SLOT;
    board_irq_disable(v);
    if (i != NO_SLOT) {
        vf_raise_inline(g, i);
        virq_changed |= 1u << g;
    }
}

/* Highest priority first, then the higher subpriority, then the lower
 * vector (the order the controller uses: DS60001320 sec. 7, "Interrupt
 * priorities"; slots are not in vector order, so the vector is part of
 * the key). The offset: OFFx in multi-vector mode (INTCON.MVEC = 1),
 * 0x200 for every vector in single-vector mode (MVEC = 0, the reset
 * value), as the controller presents it to the core in EIC mode. */
/* With TPC set: the best key board_virq_pending may offer (0: none), its
 * slot in *slot. Bounded by the pending slots. */
static __attribute__((noinline)) unsigned tpc_filter(guest_id_t g, const struct vevic *e,
                                                      unsigned best, unsigned *slot)
{
    unsigned tpc = (e->intcon >> 8) & 7u, hi = 0, hi_slot = 0;
    bool low = false;
    for (uint32_t m = e->act; m; m &= m - 1) {
        unsigned i = 31u - (unsigned)__builtin_clz(m & -m);
        unsigned key = e->key[i];
        if (!(key >> 10))
            continue;
        if ((key >> 10) <= tpc)
            low = true;
        else if (key > hi) {
            hi = key;
            hi_slot = i;
        }
    }
    uint8_t *st = &tpc_state[g - 1];
    if (!low) {
        tpc_stop(g);
        return best;
    }
    if (*st & TPC_OPEN)
        return best;
    if (!(*st & TPC_ARMED)) {
        uint32_t ticks = e->iptmr / 2u + (e->iptmr & 1u);
        hv_tpc_at(g, hv_ticks() + (ticks < 0x7fffffffu ? ticks : 0x7fffffffu));
        *st |= TPC_ARMED;
    }
    *slot = hi_slot;
    return hi;
}

HOT_O2 bool board_virq_pending(guest_id_t g, unsigned *level, uint32_t *voff)
{
    struct vevic *e = &vevic[g - 1];
    const uint16_t *keys = e->key;
    unsigned best = 0, slot = 0;
    virq_changed &= ~(1u << g);
    for (uint32_t m = e->act; m; m &= m - 1) { /* slots with flag and enable */
        unsigned i = 31u - (unsigned)__builtin_clz(m & -m);
        unsigned key = keys[i]; /* priority, sub-priority, then the lower vector */
        if ((key >> 10) && key > best) {
            best = key;
            slot = i;
        }
    }
    if (__builtin_expect((e->intcon & INTCON_TPC) != 0, 0) && best)
        best = tpc_filter(g, e, best, &slot);
    *level = best >> 10;
    *voff = !best ? 0 : (e->intcon & INTCON_MVEC) ? e->off[slot] : EVIC_SINGLE_VOFF;
    e->offered = best ? (uint8_t)(slot + 1) : 0;
    return best != 0;
}

/* The guest took what was offered (GRIPL cleared by the hardware): its
 * INTSTAT names it, as the controller's does after a delivery. */
void board_virq_taken(guest_id_t g)
{
    struct vevic *e = &vevic[g - 1];
    if (e->offered) {
        unsigned i = e->offered - 1u;
        e->intstat = slot_vec[g - 1][i] | (uint32_t)(e->key[i] >> 10) << 8;
        e->offered = 0; /* recorded once (hv_virq_sync may have been first) */
    }
}

/* Guest g's Cause.IP0 (bit 0 of rise) or IP1 (bit 1) went from 0 to 1:
 * the controller sets CS0IF / CS1IF on that edge, whatever the enables
 * say (DS60001320 sec. 7, "Core software interrupts"); the flag stays
 * until the guest clears it, the Cause bit until the guest clears that. */
void board_virq_soft(guest_id_t g, unsigned rise)
{
    if (rise & 1)
        vf_raise(g, SLOT_CS0);
    if (rise & 2)
        vf_raise(g, SLOT_CS1);
    virq_changed |= 1u << g;
}

void board_vtimer_fire(guest_id_t g)
{
    vf_raise_inline(g, SLOT_CT);
    virq_changed |= 1u << g;
}

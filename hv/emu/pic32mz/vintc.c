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
#include <mips/mipsregs.h> /* GuestCtl2 (ct_offer_sync) */

#include "../../board/board.h"
#include "../../board/pic32mz/pic32mz.h"
#include "emu.h"
#include "tinyvp_limits.h"


/* the exit path's hottest functions: -O2 for these few */
#define HOT_O2 __attribute__((optimize("O2")))

/* Per guest, its controller as words (emu.h, VI_*: fast.S reads and
 * writes the same): every flag and enable is a bit of IFSn/IECn, every
 * priority a byte, every offset a halfword; the vectors that are not
 * its own have neither bits in own[] nor a priority, so they read as
 * zero and ignore writes. The vectors every guest has: the core timer
 * 0, core software interrupts 1 and 2, performance counter 104, fast
 * debug channel 105, the console UART's fault/RX/TX (the emulated UART
 * raises them); then the device vectors vpconf gave it, which are real:
 * passed through from the controller. */
struct vevic {
    uint32_t ifs[8], iec[8];
    uint32_t real[8], own[8], slow[16];
    uint32_t intcon;
    uint32_t offered;     /* key of what GuestCtl2 offers (0: none) */
    uint32_t intstat;
    uint32_t taken;       /* interrupts it took (the shell's stats) */
    uint32_t priss, iptmr;
    uint8_t words;        /* bit n: own[n] != 0 */
    uint8_t tpc;          /* TPC_ARMED, TPC_OPEN (below) */
    uint8_t pend;         /* bit n: ifs[n] & iec[n] != 0 (pend_sync) */
    uint8_t pad;
    uint8_t ipc[TVP_NR_VECTORS + 2];  /* IP << 2 | IS, OFFx bits 17:16 in 6:5 */
    uint16_t off[TVP_NR_VECTORS];     /* OFFx bits 15:0 (GuestCtl2.GVEC) */
    uint32_t ct_key, ct_gc2;          /* vector 0's offer (ct_offer_sync) */
};
static struct vevic vevic[CONFIG_NR_GUESTS];
struct vevic *vintc_of[8]; /* by GuestID (fast.S, and here: no multiply by its size) */
#define OFS(f) __builtin_offsetof(struct vevic, f)
_Static_assert(OFS(ifs) == VI_IFS && OFS(iec) == VI_IEC && OFS(real) == VI_REAL &&
               OFS(own) == VI_OWN && OFS(slow) == VI_SLOW && OFS(intcon) == VI_INTCON &&
               OFS(offered) == VI_OFFERED && OFS(intstat) == VI_INTSTAT &&
               OFS(taken) == VI_TAKEN && OFS(priss) == VI_PRISS && OFS(iptmr) == VI_IPTMR &&
               OFS(words) == VI_WORDS && OFS(pend) == VI_PEND && OFS(ipc) == VI_IPC && OFS(off) == VI_OFF &&
               OFS(ct_key) == VI_CT_KEY && OFS(ct_gc2) == VI_CT_GC2 && sizeof(struct vevic) == VI_SIZE, "fast.S's struct vevic (emu.h, VI_*)");
_Static_assert(TVP_NR_VECTORS <= 32 * INTC_NR_WORDS && INTC_NR_WORDS < 8 && TVP_NR_VECTORS < 256,
               "IFSn/IECn words; a key's 255 - v");
static const uint8_t core_vectors[] = {0, 1, 2, 104, 105};
/* fast.S: the injection stubs, 8 bytes each; entry.S: EBase */
extern const char vintc_pt_stubs[], hv_ebase[];

/* bit g: guest g's pending interrupts may have changed since
 * board_virq_pending looked (board.h: board_virq_changed) */
uint8_t board_virq_dirty;
/* bit g: guest g has a core software interrupt enabled (IEC0 CS0IE or
 * CS1IE): the core watches its Cause.IP1:0 more closely (board.h) */
uint8_t board_virq_soft_on;
#define virq_changed board_virq_dirty
#define INTCON_W 0x0000171fu /* INTxEP, TPC, MVEC */
#define INTCON_TPC EVIC_INTCON_TPC
#define PRISS_W  0xfffffff1u /* PRI7SS..PRI1SS, SS0 (bits 3:1 unimplemented) */
#define VOFF_W   0x0003fffeu
/* a vector's byte: its IPCn field (IP 4:2, IS 1:0), and bits 17:16 of
 * its OFFx, which GuestCtl2.GVEC (15:0) cannot carry */
#define IPC_W     0x1fu
#define IPC_OFFHI 0x60u
#define BIT(v) (1u << ((v) % 32))
/* the root level of every guest vector: above the console's (1, 2), under
 * bus protection (6) and the core timer (7, the schedule) */
#define VINTC_REAL_LEVEL 3u

/* After ifs[n] or iec[n] changed: the summary the offer scans by. */
static inline void pend_sync(struct vevic *e, unsigned n)
{
    e->pend = (uint8_t)((e->pend & ~(1u << n)) | (unsigned)((e->ifs[n] & e->iec[n]) != 0) << n);
}

/* Vector 0's (the core timer's) key and the GuestCtl2 its offer carries,
 * for the virtual core timer's path (fast.S, board_vtimer_raise): after
 * IPC0, OFF000 or INTCON changed. */
static void ct_offer_sync(struct vevic *e)
{
    unsigned ipc = e->ipc[0] & IPC_W;
    e->ct_key = ipc >> 2 ? ipc << 8 | 255u : 0;
    e->ct_gc2 = (ipc >> 2) << GUESTCTL2_GRIPL_SHIFT |
                ((e->intcon & INTCON_MVEC) ? e->off[0] : EVIC_SINGLE_VOFF);
}

static void own_vector(struct vevic *e, unsigned v, bool real)
{
    e->own[v / 32] |= BIT(v);
    e->real[v / 32] |= real ? BIT(v) : 0;
    e->words |= (uint8_t)(1u << (v / 32));
}

void vintc_init(void)
{
    for (unsigned g = 0; g < CONFIG_NR_GUESTS; g++) {
        const struct tvp_guest *gc = &tvp_guests[g];
        struct vevic *e = &vevic[g];
        vintc_of[gc->id & 7] = e;
        for (unsigned i = 0; i < sizeof core_vectors; i++)
            own_vector(e, core_vectors[i], false);
        for (unsigned v = board_console_tx_vector - 2; v <= board_console_tx_vector; v++) {
            own_vector(e, v, false);
            e->slow[v / 32] |= BIT(v);
            e->slow[8 + v / 32] |= BIT(v);
        }
        e->slow[8] |= BIT(1) | BIT(2); /* IEC0 CS0IE, CS1IE */
        for (unsigned i = 0; i < gc->nr_irqs; i++) {
            unsigned v = gc->irqs[i];
            own_vector(e, v, true);
            /* the level of every guest's vector at the real controller
             * (board_init left IPCn 0): an enable is then one IECn SET */
            SFR(IPC(v / 4) + SFR_SET) = VINTC_REAL_LEVEL << 2 << 8 * (v % 4);
        }
    }
#if CONFIG_NR_PT_IRQS
    /* each passed-through vector enters at its own stub (fast.S) */
    static const uint16_t pt[] = {CONFIG_PT_IRQS};
    for (unsigned k = 0; k < CONFIG_NR_PT_IRQS; k++)
        SFR(OFF(pt[k] & 0xff)) = (uint32_t)(vintc_pt_stubs - hv_ebase) + 8 * k;
#endif
}

unsigned vintc_state(guest_id_t g, unsigned v)
{
    const struct vevic *e = vintc_of[g & 7];
    return ((e->ifs[v / 32] >> (v % 32)) & 1) | ((e->iec[v / 32] >> (v % 32)) & 1) << 1;
}

void vintc_raise(guest_id_t g, unsigned v)
{
    vintc_of[g & 7]->ifs[v / 32] |= BIT(v);
    pend_sync(vintc_of[g & 7], v / 32);
    virq_changed |= 1u << g;
}

/* ---- interrupt controller ------------------------------------------------ */

/* A passed-through vector's flag or enable changed (word n, old and new
 * IFSn/IECn): the real controller follows. While the guest's flag is up,
 * the real enable stays off (the interrupt was taken from the real
 * controller and waits in the guest's); when the guest clears its flag
 * the real flag is cleared too (a persistent source raises it again at
 * once) and the real enable is back if the guest's enable is on. The
 * real priority is the hypervisor's level for guest vectors, set at boot
 * (board.c). fast.S does the same for stores it answers. */
static void evic_real_sync(const struct vevic *e, unsigned n, uint32_t ofs, uint32_t oec,
                           uint32_t nfs, uint32_t nec)
{
    uint32_t real = e->real[n], was = oec & ~ofs, now = nec & ~nfs;
    if (ofs & ~nfs & real)
        SFR(IFS(n) + SFR_CLR) = ofs & ~nfs & real;
    if (now & ~was & real)
        SFR(IEC(n) + SFR_SET) = now & ~was & real;
    if (was & ~now & real)
        SFR(IEC(n) + SFR_CLR) = was & ~now & real;
}

/* A guest polling the flag of a real vector it has not enabled: the real
 * flag is its flag (the controller sets flags whatever the enables say). */
HOT_O2 static void evic_poll_real(guest_id_t g, unsigned n)
{
    struct vevic *e = vintc_of[g & 7];
    uint32_t m = e->real[n] & ~e->ifs[n];
    if (m && (m &= board_irq_flags(n))) {
        SFR(IEC(n) + SFR_CLR) = m;
        e->ifs[n] |= m;
        pend_sync(e, n);
        virq_changed |= 1u << g;
    }
}

/* The interrupt proximity timer (DS60001320 sec. 7, INTCON.TPC, IPTMR),
 * as vpsim models the chip's: requests of level <= TPC are held; the
 * first one starts a timer of IPTMR SYSCLK cycles (IPTMR / 2 Count ticks);
 * when it runs out they are presented until none at <= TPC is pending any
 * more, and the next one starts the timer again. Higher levels are never
 * held. The timer is real time (a timer-queue event), running whether
 * the guest's window is open or not. Per guest: TPC_ARMED, TPC_OPEN.
 * (fast.S leaves a guest with TPC set to C.) */
#define TPC_ARMED 1u
#define TPC_OPEN  2u

static void tpc_stop(guest_id_t g)
{
    if (vintc_of[g & 7]->tpc & TPC_ARMED)
        hv_tpc_cancel(g);
    vintc_of[g & 7]->tpc = 0;
}

/* board.h: the timer ran out: what it held is presented */
void board_tpc_expired(guest_id_t g)
{
    vintc_of[g & 7]->tpc = (uint8_t)((vintc_of[g & 7]->tpc & ~TPC_ARMED) | TPC_OPEN);
    virq_changed |= 1u << g;
}

static uint32_t *evic_fixed(guest_id_t g, uint32_t reg)
{
    struct vevic *e = vintc_of[g & 7];
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

/* Which register an offset of the page is (DS60001320 sec. 7): IFSn,
 * IECn (n 0..6), IPCn (vectors 4n..4n+3), OFFx (vector x), or one of
 * INTCON, PRISS, INTSTAT, IPTMR (EV_FIXED). */
enum { EV_IFS, EV_IEC, EV_IPC, EV_OFF, EV_FIXED };
static unsigned evic_decode(uint32_t off, unsigned *n)
{
    *n = (off - 0x040) >> 4;
    if (off >= 0x040 && off < 0x040 + 0x10 * INTC_NR_WORDS)
        return EV_IFS;
    *n = (off - 0x0c0) >> 4;
    if (off >= 0x0c0 && off < 0x0c0 + 0x10 * INTC_NR_WORDS)
        return EV_IEC;
    *n = (off - 0x140) >> 4;
    if (off >= 0x140 && off < 0x140 + 0x10 * ((TVP_NR_VECTORS + 3) / 4))
        return EV_IPC;
    *n = (off - 0x540) >> 2;
    if (off >= 0x540 && off < 0x540 + 4 * TVP_NR_VECTORS)
        return EV_OFF;
    return EV_FIXED;
}

HOT_O2 bool evic_read(guest_id_t g, uint32_t off, uint32_t *word)
{
    struct vevic *e = vintc_of[g & 7];
    unsigned n, kind = evic_decode(off, &n);
    *word = 0; /* aliases, holes: read as zero */
    if (kind == EV_OFF) {
        *word = e->off[n] | (uint32_t)(e->ipc[n] & IPC_OFFHI) << (16 - 5);
    } else if (off & 0xc) {
        /* CLR/SET/INV aliases */
    } else if (kind == EV_IFS) {
        evic_poll_real(g, n);
        *word = e->ifs[n];
    } else if (kind == EV_IEC) {
        *word = e->iec[n];
    } else if (kind == EV_IPC) {
        for (unsigned b = 0; b < 4; b++)
            *word |= (uint32_t)(e->ipc[4 * n + b] & IPC_W) << 8 * b;
    } else {
        uint32_t *r = evic_fixed(g, off);
        if (off == 0x020)
            hv_virq_sync(g); /* an interrupt taken since this exit began: INTSTAT names it */
        *word = r ? *r : 0;
    }
    return true;
}

/* The guest's IFSn (iec false) or IECn changes to `now` (its own bits
 * only): the real controller follows, then what depends on it. */
HOT_O2 static void evic_words(guest_id_t g, unsigned n, bool iec, uint32_t now)
{
    struct vevic *e = vintc_of[g & 7];
    uint32_t ofs = e->ifs[n], oec = e->iec[n];
    uint32_t nfs = iec ? ofs : now, nec = iec ? now : oec;
    uint32_t changed = (ofs ^ nfs) | (oec ^ nec);
    if (!changed)
        return;
    e->ifs[n] = nfs;
    e->iec[n] = nec;
    pend_sync(e, n);
    evic_real_sync(e, n, ofs, oec, nfs, nec);
    virq_changed |= 1u << g;
    if (iec && n == 0 && (changed & 6u)) { /* CS0IE, CS1IE */
        uint8_t was = board_virq_soft_on;
        board_virq_soft_on = (uint8_t)((was & ~(1u << g)) | ((nec & 6u) ? 1u << g : 0));
        if (board_virq_soft_on != was)
            hv_virq_soft_changed(g);
    }
    /* a persistent UART source raises its flag again (its other changes
     * call vuart_irq_update themselves) */
    if (changed & e->slow[n]) /* (the IFS words: the UART's only) */
        vuart_irq_update(g);
}

HOT_O2 bool evic_write(guest_id_t g, uint32_t off, uint32_t word, uint32_t lanes)
{
    struct vevic *e = vintc_of[g & 7];
    unsigned n, kind = evic_decode(off, &n);
    if (kind == EV_IFS || kind == EV_IEC) {
        /* a real flag raised while the guest's enable was off is its flag
         * (as a read sees it): its clear must reach the real controller */
        if (kind == EV_IFS)
            evic_poll_real(g, n);
        uint32_t old = kind == EV_IFS ? e->ifs[n] : e->iec[n];
        uint32_t now = (sfr_alias_op(old, off, word, lanes) & e->own[n]) | (old & ~e->own[n]);
        evic_words(g, n, kind == EV_IEC, now);
    } else if (kind == EV_IPC) {
        uint32_t old = 0;
        for (unsigned b = 0; b < 4; b++)
            old |= (uint32_t)(e->ipc[4 * n + b] & IPC_W) << 8 * b;
        uint32_t now = sfr_alias_op(old, off, word, lanes);
        for (unsigned b = 0; b < 4; b++) {
            unsigned v = 4 * n + b;
            if (v < TVP_NR_VECTORS && (e->own[v / 32] & BIT(v)))
                e->ipc[v] = (uint8_t)((e->ipc[v] & IPC_OFFHI) | ((now >> 8 * b) & IPC_W));
        }
        virq_changed |= 1u << g;
        if (n == 0)
            ct_offer_sync(e);
        vuart_irq_update(g); /* a persistent UART source raises its flag again */
    } else if (kind == EV_OFF) {
        if (e->own[n / 32] & BIT(n)) {
            uint32_t old = e->off[n] | (uint32_t)(e->ipc[n] & IPC_OFFHI) << (16 - 5);
            uint32_t now = ((old & ~lanes) | (word & lanes)) & VOFF_W;
            e->off[n] = (uint16_t)now;
            e->ipc[n] = (uint8_t)((e->ipc[n] & IPC_W) | (now >> (16 - 5) & IPC_OFFHI));
            if (e->ifs[n / 32] & e->iec[n / 32] & BIT(n))
                virq_changed |= 1u << g; /* the offset of a pending vector */
            if (n == 0)
                ct_offer_sync(e);
        }
    } else {
        uint32_t *r = evic_fixed(g, off & ~0xfu);
        if (!r || (off & ~0xfu) == 0x020) /* INTSTAT is read-only */
            return true;
        uint32_t v = sfr_alias_op(*r, off, word, lanes);
        *r = (off & ~0xfu) == 0 ? v & INTCON_W : (off & ~0xfu) == 0x010 ? v & PRISS_W : v;
        if ((off & ~0xfu) == 0) {
            evic_ext_edges(g, *r);
            if (!(*r & INTCON_TPC))
                tpc_stop(g); /* nothing is held any more */
            ct_offer_sync(e);
        }
        virq_changed |= 1u << g; /* MVEC: the offset of what is offered */
    }
    return true;
}

void evic_reset(guest_id_t g)
{
    struct vevic *e = vintc_of[g & 7];
    for (unsigned n = 0; n < INTC_NR_WORDS; n++)
        evic_real_sync(e, n, e->ifs[n], e->iec[n], 0, 0);
    tpc_stop(g);
    for (unsigned n = 0; n < 8; n++)
        e->ifs[n] = e->iec[n] = 0;
    e->intcon = e->offered = e->intstat = e->priss = e->iptmr = 0;
    e->pend = 0;
    for (unsigned v = 0; v < TVP_NR_VECTORS; v++) {
        e->ipc[v] = 0;
        e->off[v] = 0;
    }
    ct_offer_sync(e);
    evic_ext_edges(g, 0); /* its INTxEP: falling, the reset value */
    board_virq_soft_on &= (uint8_t)~(1u << g);
    virq_changed |= 1u << g;
}

/* A real interrupt of guest g's: off at the real controller, pending in
 * the guest's (delivered when the guest runs and its enables allow). */
HOT_O2 void board_virq_raise(guest_id_t g, irq_t v)
{
    board_irq_disable(v);
    if (v < TVP_NR_VECTORS) {
        vintc_of[g & 7]->ifs[v / 32] |= vintc_of[g & 7]->real[v / 32] & BIT(v);
        pend_sync(vintc_of[g & 7], v / 32);
        virq_changed |= 1u << g;
    }
}

/* The best key among the vectors in `m` of word n that are above `floor`
 * and at most `ceil` in level, and more than `best`. */
static inline __attribute__((always_inline)) unsigned best_key(const struct vevic *e, unsigned n, uint32_t m, unsigned best,
                         unsigned floor, unsigned ceil)
{
    for (; m; m &= m - 1) { /* bounded: one pass over the bits */
        unsigned v = 32 * n + (unsigned)__builtin_ctz(m);
        unsigned key = (unsigned)(e->ipc[v] & IPC_W) << 8 | (255u - v), lv = key >> 10;
        if (lv > floor && lv <= ceil && key > best)
            best = key;
    }
    return best;
}

/* The best key pending and enabled with a level in (floor, ceil], 0 none:
 * only the words with one (pend) */
static inline __attribute__((always_inline)) unsigned pending_key(const struct vevic *e, unsigned floor, unsigned ceil)
{
    unsigned best = 0;
    for (unsigned p = e->pend; p; p &= p - 1) {
        unsigned n = (unsigned)__builtin_ctz(p);
        best = best_key(e, n, e->ifs[n] & e->iec[n], best, floor, ceil);
    }
    return best;
}

/* Highest priority first, then the higher subpriority, then the lower
 * vector (the order the controller uses: DS60001320 sec. 7, "Interrupt
 * priorities"). With TPC set, what is held: requests at levels <= TPC
 * wait for the proximity timer (above), the best one above TPC goes
 * ahead. Bounded by the pending vectors. */
static __attribute__((noinline)) unsigned tpc_filter(guest_id_t g, struct vevic *e, unsigned best)
{
    unsigned tpc = (e->intcon >> 8) & 7u;
    if (!pending_key(e, 0, tpc)) {
        tpc_stop(g);
        return best;
    }
    if (e->tpc & TPC_OPEN)
        return best;
    if (!(e->tpc & TPC_ARMED)) {
        uint32_t ticks = e->iptmr / 2u + (e->iptmr & 1u);
        hv_tpc_at(g, hv_ticks() + (ticks < 0x7fffffffu ? ticks : 0x7fffffffu));
        e->tpc |= TPC_ARMED;
    }
    return pending_key(e, tpc, 7);
}

/* The offset: OFFx in multi-vector mode (INTCON.MVEC = 1), 0x200 for
 * every vector in single-vector mode (MVEC = 0, the reset value), as the
 * controller presents it to the core in EIC mode. */
HOT_O2 bool board_virq_pending(guest_id_t g, unsigned *level, uint32_t *voff)
{
    struct vevic *e = vintc_of[g & 7];
    virq_changed &= ~(1u << g);
    unsigned best = pending_key(e, 0, 7);
    if (__builtin_expect((e->intcon & INTCON_TPC) != 0, 0) && best)
        best = tpc_filter(g, e, best);
    unsigned v = 255u - (best & 0xff);
    *level = best >> 10;
    *voff = !best ? 0 : (e->intcon & INTCON_MVEC) ? e->off[v] : EVIC_SINGLE_VOFF;
    e->offered = best;
    return best != 0;
}

uint32_t board_virq_taken_count(guest_id_t g)
{
    return vintc_of[g & 7]->taken;
}

/* The guest took what was offered (GRIPL cleared by the hardware): its
 * INTSTAT names it, as the controller's does after a delivery. */
void board_virq_taken(guest_id_t g)
{
    struct vevic *e = vintc_of[g & 7];
    if (e->offered) {
        e->intstat = (255u - (e->offered & 0xff)) | (e->offered >> 10) << 8;
        e->offered = 0; /* recorded once (hv_virq_sync may have been first) */
        e->taken++;
    }
}

/* Guest g's Cause.IP0 (bit 0 of rise) or IP1 (bit 1) went from 0 to 1:
 * the controller sets CS0IF / CS1IF on that edge, whatever the enables
 * say (DS60001320 sec. 7, "Core software interrupts"); the flag stays
 * until the guest clears it, the Cause bit until the guest clears that. */
void board_virq_soft(guest_id_t g, unsigned rise)
{
    vintc_of[g & 7]->ifs[0] |= (rise & 3u) << 1;
    pend_sync(vintc_of[g & 7], 0);
    virq_changed |= 1u << g;
}

void board_vtimer_fire(guest_id_t g)
{
    vintc_of[g & 7]->ifs[0] |= 1u;
    pend_sync(vintc_of[g & 7], 0);
    virq_changed |= 1u << g;
}

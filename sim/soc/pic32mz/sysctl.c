/* System control, clocks, resets, WDT, DMT, prefetch (sysctl.h;
 * docs/simulator.md "System control"). */
#include "sysctl.h"

#include <stdlib.h>

#include "sbp.h"
#include "soc.h"

#define SYSKEY_1 0xAA996655u
#define SYSKEY_2 0x556699AAu

/* ---- configuration block, 0x1F800000 ----------------------------------- */
enum { C_CFGCON, C_DEVID, C_SYSKEY, C_PMD1, C_CFGEBIA = C_PMD1 + 7, C_CFGEBIC, C_CFGPG, C_NREGS };
#define CFGCON_PGLOCK  (1u << 11)
#define CFGCON_PMDLOCK (1u << 12)
#define CFGCON_IOLOCK  (1u << 13)
#define CFGCON_LOCKS   (CFGCON_PGLOCK | CFGCON_PMDLOCK | CFGCON_IOLOCK)

static const struct sfr_reg cfg_regs[C_NREGS] = {
    [C_CFGCON] = {0x00, 0, 0x030338BDu, SFR_WR | SFR_NOALIAS},
    [C_DEVID] = {0x20, PIC32MZ_DEVID, 0, SFR_NOALIAS},
    [C_SYSKEY] = {0x30, 0, 0, SFR_WR | SFR_NOALIAS},
    [C_PMD1 + 0] = {0x40, 0, 0x00001001u, SFR_WR},
    [C_PMD1 + 1] = {0x50, 0, 0x00000003u, SFR_WR},
    [C_PMD1 + 2] = {0x60, 0, 0x01FF01FFu, SFR_WR},
    [C_PMD1 + 3] = {0x70, 0, 0x000001FFu, SFR_WR},
    [C_PMD1 + 4] = {0x80, 0, 0x011F3F3Fu, SFR_WR},
    [C_PMD1 + 5] = {0x90, 0, 0x10830F01u, SFR_WR},
    [C_PMD1 + 6] = {0xA0, 0, 0x00100010u, SFR_WR},
    [C_CFGEBIA] = {0xC0, 0, 0x80FFFFFFu, 0},
    [C_CFGEBIC] = {0xD0, 0, 0xEEE3B3F3u, 0},
    [C_CFGPG] = {0xE0, 0, 0xC0F30333u, SFR_WR},
};

/* ---- oscillator / reset, 0x1F801200 ----------------------------------- */
enum {
    O_OSCCON, O_OSCTUN, O_SPLLCON, O_RCON, O_RSWRST, O_RNMICON, O_PWRCON,
    O_REFO1CON, O_REFO1TRIM, O_REFO2CON, O_REFO2TRIM, O_REFO3CON, O_REFO3TRIM,
    O_REFO4CON, O_REFO4TRIM, O_PB1DIV, O_PB2DIV, O_PB3DIV, O_PB4DIV, O_PB5DIV,
    O_PB7DIV, O_PB8DIV, O_SLEWCON, O_CLKSTAT, O_NREGS
};
#define OSCCON_OSWEN (1u << 0)
#define OSCCON_NOSC_SHIFT 8
#define OSCCON_COSC_SHIFT 12
#define OSCCON_SLOCK (1u << 5)
#define RSWRST_SWRST 1u
#define PBDIV_MASK   0x7Fu
#define PBDIV_ON     (1u << 15)
#define PBDIV_RDY    (1u << 11)

static const struct sfr_reg osc_regs[O_NREGS] = {
    [O_OSCCON] = {0x000, 0, 0x0781079Fu, SFR_WR},
    [O_OSCTUN] = {0x010, 0, 0x3F, 0},
    [O_SPLLCON] = {0x020, 0, 0x077F0787u, SFR_WR},
    [O_RCON] = {0x040, 0, 0x0C0002FFu, SFR_WR},
    [O_RSWRST] = {0x050, 0, 1, SFR_RD | SFR_WR},
    [O_RNMICON] = {0x060, 0, 0x0307FFFFu, 0},
    [O_PWRCON] = {0x070, 0, 0x7, 0},
    [O_REFO1CON] = {0x080, 0, 0xFFFFBB0Fu, 0},
    [O_REFO1TRIM] = {0x090, 0, 0xFF800000u, 0},
    [O_REFO2CON] = {0x0A0, 0, 0xFFFFBB0Fu, 0},
    [O_REFO2TRIM] = {0x0B0, 0, 0xFF800000u, 0},
    [O_REFO3CON] = {0x0C0, 0, 0xFFFFBB0Fu, 0},
    [O_REFO3TRIM] = {0x0D0, 0, 0xFF800000u, 0},
    [O_REFO4CON] = {0x0E0, 0, 0xFFFFBB0Fu, 0},
    [O_REFO4TRIM] = {0x0F0, 0, 0xFF800000u, 0},
    [O_PB1DIV] = {0x100, 0x8801, 0x807F, SFR_WR},
    [O_PB2DIV] = {0x110, 0x8801, 0x807F, SFR_WR},
    [O_PB3DIV] = {0x120, 0x8801, 0x807F, SFR_WR},
    [O_PB4DIV] = {0x130, 0x8801, 0x807F, SFR_WR},
    [O_PB5DIV] = {0x140, 0x8801, 0x807F, SFR_WR},
    [O_PB7DIV] = {0x160, 0x8800, 0x807F, SFR_WR},
    [O_PB8DIV] = {0x170, 0x8801, 0x807F, SFR_WR},
    [O_SLEWCON] = {0x1C0, 0, 0x00000F00u, 0},
    [O_CLKSTAT] = {0x1D0, 0x000000A7u, 0, 0}, /* FRC, SPDIV, POSC, LPRC, SPLL ready */
};
static const unsigned pb_of_reg[O_NREGS] = {
    [O_PB1DIV] = 1, [O_PB2DIV] = 2, [O_PB3DIV] = 3, [O_PB4DIV] = 4,
    [O_PB5DIV] = 5, [O_PB7DIV] = 7, [O_PB8DIV] = 8,
};

/* ---- WDT 0x1F800800, DMT 0x1F800A00, prefetch 0x1F8E0000 -------------- */
enum { W_WDTCON, W_NREGS };
#define WDTCON_ON     (1u << 15)
#define WDTCON_WINEN  1u
#define WDT_CLRKEY    0x5743u
static const struct sfr_reg wdt_regs[W_NREGS] = {
    [W_WDTCON] = {0x00, 0, 0x00008001u, SFR_WR},
};

enum { D_CON, D_PRECLR, D_CLR, D_STAT, D_CNT, D_PSCNT, D_PSINTV, D_NREGS };
#define DMTCON_ON     (1u << 15)
#define DMTSTAT_BAD1  (1u << 7)
#define DMTSTAT_BAD2  (1u << 6)
#define DMTSTAT_EVENT (1u << 5)
#define DMTSTAT_WINOPN 1u
static const struct sfr_reg dmt_regs[D_NREGS] = {
    [D_CON] = {0x00, 0, 0x8000, SFR_WR | SFR_NOALIAS},
    [D_PRECLR] = {0x10, 0, 0, SFR_WR | SFR_NOALIAS},
    [D_CLR] = {0x20, 0, 0, SFR_WR | SFR_NOALIAS},
    [D_STAT] = {0x30, DMTSTAT_WINOPN, 0, SFR_NOALIAS},
    [D_CNT] = {0x40, 0, 0, SFR_RD | SFR_NOALIAS},
    [D_PSCNT] = {0x60, 0, 0, SFR_NOALIAS},
    [D_PSINTV] = {0x70, 0, 0, SFR_NOALIAS},
};

enum { F_PRECON, F_PRESTAT, F_NREGS };
static const struct sfr_reg pre_regs[F_NREGS] = {
    [F_PRECON] = {0x00, 0x00000007u, 0x04000037u, 0},
    [F_PRESTAT] = {0x10, 0, 0x00FF0000u, 0},
};

struct sysctl {
    struct soc *soc;
    struct sfr_block cfg_blk, osc_blk, wdt_blk, dmt_blk, pre_blk;
    uint32_t cfg[C_NREGS], osc[O_NREGS], wdt[W_NREGS], dmt[D_NREGS], pre[F_NREGS];
    uint32_t devcfg[4];
    uint32_t rcon;        /* survives non-power-on resets */
    unsigned syskey;      /* 0 locked, 1 first key seen, 2 unlocked */
    uint32_t locks_1way;  /* CFGCON lock bits that cannot be cleared */
    /* WDT */
    struct event wdt_ev;
    uint64_t wdt_start;   /* cycle of the last clear */
    uint64_t wdt_period;  /* cycles */
    /* DMT */
    struct event dmt_ev;
    uint64_t dmt_start;
    uint64_t dmt_limit;   /* cycles */
    bool dmt_step1;
};

uint32_t sysctl_devcfg(const struct sysctl *sc, unsigned n)
{
    return n < 4 ? sc->devcfg[n] : 0xFFFFFFFFu;
}

static uint64_t now_of(const struct sysctl *sc)
{
    return ev_now(&sc->soc->evq);
}

static bool unlocked(const struct sysctl *sc)
{
    return sc->syskey == 2;
}

/* ---- configuration block ---------------------------------------------- */

static void cfg_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct sysctl *sc = ctx;
    uint32_t *v = sc->cfg;
    switch (idx) {
    case C_SYSKEY:
        if (req == SYSKEY_1)
            sc->syskey = 1;
        else if (req == SYSKEY_2 && sc->syskey == 1)
            sc->syskey = 2;
        else
            sc->syskey = 0;
        break;
    case C_CFGCON: {
        /* the lock bits change only while unlocked; one-way locks stay */
        uint32_t locks = unlocked(sc) ? (req & CFGCON_LOCKS) : (old & CFGCON_LOCKS);
        locks |= old & sc->locks_1way;
        v[C_CFGCON] = (v[C_CFGCON] & ~CFGCON_LOCKS) | locks;
        break;
    }
    case C_CFGPG:
        if (old != req && (v[C_CFGCON] & CFGCON_PGLOCK))
            v[C_CFGPG] = old;
        else if (old != req)
            sbp_config_changed(sc->soc); /* the CPU's group may now be denied */
        break;
    default: /* PMD1..7 */
        if (v[C_CFGCON] & CFGCON_PMDLOCK)
            v[idx] = old;
        break;
    }
}

/* ---- oscillator, reset ---------------------------------------------- */

static void osc_apply_pb(struct sysctl *sc)
{
    struct soc_clocks *k = &sc->soc->clk;
    bool changed = false;
    for (unsigned i = 0; i < O_NREGS; i++) {
        unsigned x = pb_of_reg[i];
        if (!x)
            continue;
        uint32_t c = (sc->osc[i] & PBDIV_MASK) + 1;
        if (k->pb_cycles[x] != c) {
            k->pb_cycles[x] = c;
            changed = true;
        }
    }
    if (changed)
        sfr_clock_changed(sc->soc->sfr);
}

static uint32_t osc_read(void *ctx, unsigned idx, bool peek)
{
    struct sysctl *sc = ctx;
    /* RSWRST: the read after SWRST = 1 performs the software reset. */
    if (idx == O_RSWRST && !peek && (sc->osc[O_RSWRST] & RSWRST_SWRST))
        soc_request_reset(sc->soc, RCON_SWR);
    return sc->osc[idx];
}

static void osc_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct sysctl *sc = ctx;
    uint32_t *v = sc->osc;
    if (idx == O_RCON) {
        sc->rcon = v[O_RCON];
        return;
    }
    if (!unlocked(sc)) { /* SYSKEY-protected registers */
        v[idx] = old;
        return;
    }
    switch (idx) {
    case O_OSCCON:
        if (req & OSCCON_OSWEN) { /* clock switch: done at once */
            uint32_t nosc = (v[O_OSCCON] >> OSCCON_NOSC_SHIFT) & 7;
            v[O_OSCCON] = (v[O_OSCCON] & ~(OSCCON_OSWEN | 7u << OSCCON_COSC_SHIFT)) |
                          nosc << OSCCON_COSC_SHIFT;
        }
        break;
    case O_RSWRST:
        break;
    case O_SPLLCON:
        break;
    default: /* PBxDIV: PB1 and PB7 cannot be turned off; PBDIVRDY reads 1 */
        v[idx] |= PBDIV_RDY;
        if (idx == O_PB1DIV || idx == O_PB7DIV)
            v[idx] |= PBDIV_ON;
        osc_apply_pb(sc);
        break;
    }
}

/* ---- WDT ------------------------------------------------------------ */

static void wdt_expired(void *ctx, uint64_t when)
{
    struct sysctl *sc = ctx;
    soc_request_reset(sc->soc, RCON_WDTO);
}

static void wdt_arm(struct sysctl *sc, uint64_t now)
{
    sc->wdt_start = now;
    if (sc->wdt[W_WDTCON] & WDTCON_ON)
        ev_schedule(&sc->soc->evq, &sc->wdt_ev, now + sc->wdt_period);
    else
        ev_cancel(&sc->soc->evq, &sc->wdt_ev);
}

static void wdt_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct sysctl *sc = ctx;
    uint32_t *v = sc->wdt;
    uint64_t now = now_of(sc);
    if (sc->devcfg[1] & DEVCFG1_FWDTEN) /* enabled by configuration: stays on */
        v[W_WDTCON] |= WDTCON_ON;
    if ((lanes & 0xFFFF0000u) && (req >> 16) == WDT_CLRKEY && (v[W_WDTCON] & WDTCON_ON)) {
        bool window = (v[W_WDTCON] & WDTCON_WINEN) || !(sc->devcfg[1] & DEVCFG1_WINDIS);
        if (window) {
            /* FWDTWINSZ 3,2,1,0 = window of 25, 37.5, 50, 75 % at the end */
            static const unsigned win_8ths[4] = {6, 4, 3, 2};
            unsigned sz = (sc->devcfg[1] >> DEVCFG1_FWDTWINSZ_SHIFT) & 3;
            uint64_t open = sc->wdt_period * (8 - win_8ths[sz]) / 8;
            if (now - sc->wdt_start < open) {
                soc_request_reset(sc->soc, RCON_WDTO);
                return;
            }
        }
        wdt_arm(sc, now);
        return;
    }
    if ((old ^ v[W_WDTCON]) & WDTCON_ON)
        wdt_arm(sc, now);
}

/* ---- DMT ------------------------------------------------------------ */

static void dmt_event(struct sysctl *sc)
{
    sc->dmt[D_STAT] |= DMTSTAT_EVENT;
    soc_request_reset(sc->soc, RCON_DMTO);
}

static void dmt_expired(void *ctx, uint64_t when)
{
    dmt_event(ctx);
}

static void dmt_arm(struct sysctl *sc, uint64_t now)
{
    sc->dmt_start = now;
    if (sc->dmt[D_CON] & DMTCON_ON)
        ev_schedule(&sc->soc->evq, &sc->dmt_ev, now + sc->dmt_limit);
}

static uint32_t dmt_read(void *ctx, unsigned idx, bool peek)
{
    struct sysctl *sc = ctx;
    if (idx == D_CNT && (sc->dmt[D_CON] & DMTCON_ON))
        return (uint32_t)(now_of(sc) - sc->dmt_start);
    return sc->dmt[idx];
}

static void dmt_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct sysctl *sc = ctx;
    uint32_t *v = sc->dmt;
    switch (idx) {
    case D_CON: /* once on, only a reset turns it off */
        v[D_CON] |= old & DMTCON_ON;
        if (!(old & DMTCON_ON) && (v[D_CON] & DMTCON_ON))
            dmt_arm(sc, now_of(sc));
        break;
    case D_PRECLR:
        if (!(v[D_CON] & DMTCON_ON) || !(lanes & 0xFF00))
            break;
        if (((req >> 8) & 0xFF) == 0x40) {
            sc->dmt_step1 = true;
        } else {
            v[D_STAT] |= DMTSTAT_BAD1;
            dmt_event(sc);
        }
        break;
    case D_CLR:
        if (!(v[D_CON] & DMTCON_ON) || !(lanes & 0xFF))
            break;
        if ((req & 0xFF) == 0x08 && sc->dmt_step1) {
            sc->dmt_step1 = false;
            dmt_arm(sc, now_of(sc));
        } else {
            v[D_STAT] |= sc->dmt_step1 ? DMTSTAT_BAD2 : DMTSTAT_BAD1;
            dmt_event(sc);
        }
        break;
    }
}

/* ---- reset: DEVCFG words, then every register that depends on them --- */

static void sysctl_reset(void *ctx)
{
    struct sysctl *sc = ctx;
    struct soc *s = sc->soc;
    uint32_t cause = s->reset_cause;
    /* DEVCFG3..0 at 0x1FC0FFC0..CC of the boot panel (lower alias). */
    bool erased = true;
    for (unsigned n = 0; n < 4; n++) {
        const uint8_t *p = s->boot[0] + (PIC32MZ_DEVCFG3 - PIC32MZ_BOOT_LOWER) + 4 * (3 - n);
        sc->devcfg[n] = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                        (uint32_t)p[3] << 24;
        erased = erased && sc->devcfg[n] == 0xFFFFFFFFu;
    }
    if (erased && s->has_devcfg_default)
        for (unsigned n = 0; n < 4; n++)
            sc->devcfg[n] = s->devcfg_default[n];
    const uint32_t d0 = sc->devcfg[0], d1 = sc->devcfg[1], d2 = sc->devcfg[2],
                   d3 = sc->devcfg[3];

    /* RCON: a power-on reset starts it again; other resets add their bit */
    sc->rcon = (cause & RCON_POR) ? cause : (sc->rcon | cause);
    sc->osc[O_RCON] = sc->rcon;
    sc->syskey = 0;
    /* CFGCON: JTAGEN from DEVCFG0.JTAGEN (bit 2), ECCCON from FECCCON (9:8) */
    sc->cfg[C_CFGCON] = ((d0 >> 2) & 1) << 3 | ((d0 >> 8) & 3) << 4;
    sc->locks_1way = ((d3 & DEVCFG3_PGL1WAY) ? CFGCON_PGLOCK : 0) |
                     ((d3 & DEVCFG3_PMDL1WAY) ? CFGCON_PMDLOCK : 0) |
                     ((d3 & DEVCFG3_IOL1WAY) ? CFGCON_IOLOCK : 0);
    /* Oscillator: COSC = NOSC = FNOSC; SPLLCON from DEVCFG2 */
    uint32_t fnosc = d1 & DEVCFG1_FNOSC;
    sc->osc[O_OSCCON] = fnosc << OSCCON_COSC_SHIFT | fnosc << OSCCON_NOSC_SHIFT | OSCCON_SLOCK;
    sc->osc[O_SPLLCON] = ((d2 >> 4) & 7) | ((d2 >> 7) & 1) << 7 | (d2 & 7) << 8 |
                         ((d2 >> 8) & 0x7F) << 16 | ((d2 >> 16) & 7) << 24;
    /* WDT: ON from FWDTEN, RUNDIV = WDTPS; period 2^WDTPS ms (LPRC) */
    unsigned ps = (d1 & DEVCFG1_WDTPS) >> DEVCFG1_WDTPS_SHIFT;
    if (ps > 20)
        ps = 20;
    sc->wdt_period = (PIC32MZ_SYSCLK_HZ / 1000) << ps;
    sc->wdt[W_WDTCON] = (uint32_t)ps << 8 | ((d1 & DEVCFG1_FWDTEN) ? WDTCON_ON : 0);
    wdt_arm(sc, now_of(sc));
    /* DMT: ON from FDMTEN; count limit 2^(DMTCNT + 8) SYSCLK cycles */
    unsigned dc = (d1 >> DEVCFG1_DMTCNT_SHIFT) & 0x1F;
    if (dc > 23)
        dc = 23;
    sc->dmt_limit = 1ull << (dc + 8);
    sc->dmt[D_CON] = (d1 & DEVCFG1_FDMTEN) ? DMTCON_ON : 0;
    sc->dmt[D_PSCNT] = (uint32_t)sc->dmt_limit;
    sc->dmt[D_PSINTV] = 0;
    sc->dmt_step1 = false;
    dmt_arm(sc, now_of(sc));
    osc_apply_pb(sc);
}

bool sysctl_init(struct soc *s)
{
    struct sysctl *sc = calloc(1, sizeof *sc);
    if (!sc)
        return false;
    sc->soc = s;
    s->sys = sc;
    ev_init(&sc->wdt_ev, "wdt", wdt_expired, sc);
    ev_init(&sc->dmt_ev, "dmt", dmt_expired, sc);
    sc->cfg_blk = (struct sfr_block){.name = "cfg", .base = 0x1F800000u, .size = 0x100,
                                     .regs = cfg_regs, .nregs = C_NREGS, .val = sc->cfg,
                                     .ctx = sc, .write = cfg_write, .reset = sysctl_reset};
    sc->wdt_blk = (struct sfr_block){.name = "wdt", .base = 0x1F800800u, .size = 0x200,
                                     .regs = wdt_regs, .nregs = W_NREGS, .val = sc->wdt,
                                     .ctx = sc, .write = wdt_write};
    sc->dmt_blk = (struct sfr_block){.name = "dmt", .base = 0x1F800A00u, .size = 0x200,
                                     .regs = dmt_regs, .nregs = D_NREGS, .val = sc->dmt,
                                     .ctx = sc, .read = dmt_read, .write = dmt_write};
    sc->osc_blk = (struct sfr_block){.name = "osc", .base = 0x1F801200u, .size = 0x200,
                                     .regs = osc_regs, .nregs = O_NREGS, .val = sc->osc,
                                     .ctx = sc, .read = osc_read, .write = osc_write};
    sc->pre_blk = (struct sfr_block){.name = "prefetch", .base = 0x1F8E0000u, .size = 0x100,
                                     .regs = pre_regs, .nregs = F_NREGS, .val = sc->pre,
                                     .ctx = sc};
    return sfr_register(s->sfr, &sc->cfg_blk) && sfr_register(s->sfr, &sc->wdt_blk) &&
           sfr_register(s->sfr, &sc->dmt_blk) && sfr_register(s->sfr, &sc->osc_blk) &&
           sfr_register(s->sfr, &sc->pre_blk);
}

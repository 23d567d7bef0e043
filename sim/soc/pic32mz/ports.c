/* I/O ports, change notification, INT0–4 pins, PPS (ports.h;
 * docs/simulator.md "Ports and PPS"). */
#include "ports.h"

#include <stdlib.h>
#include <string.h>

#include "intc.h"
#include "soc.h"

enum {
    P_ANSEL, P_TRIS, P_PORT, P_LAT, P_ODC, P_CNPU, P_CNPD, P_CNCON, P_CNEN, P_CNSTAT,
    P_CNNE, P_CNF, P_SRCON0, P_SRCON1, P_NREGS
};

#define CNCON_ON         (1u << 15)
#define CNCON_EDGEDETECT (1u << 11)
#define CFGCON_IOLOCK    (1u << 13)

/* Per port of the 100-pin package: bonded pins, and the analog-capable
 * pins whose ANSEL bit resets to 1 (docs/simulator.md). Ports H, J, K:
 * absent on this package. */
struct port_info {
    uint16_t pins, analog;
};
static const struct port_info efg100_ports[PORTS_MAX] = {
    {0xC6FF, 0x0623}, /* A: 0-7, 9, 10, 14, 15 */
    {0xFFFF, 0xFFFF}, /* B */
    {0xF01E, 0x001E}, /* C: 1-4, 12-15 */
    {0xFE3F, 0x0000}, /* D: 0-5, 9-15 */
    {0x03FF, 0x03F0}, /* E: 0-9 */
    {0x313F, 0x0000}, /* F: 0-5, 8, 12, 13 */
    {0xF3C3, 0x03C0}, /* G: 0, 1, 6-9, 12-15 */
    {0, 0}, {0, 0}, {0, 0},
};

struct ports;

struct port {
    struct ports *ps;
    unsigned idx;
    struct sfr_block blk;
    struct sfr_reg regs[P_NREGS];
    uint32_t val[P_NREGS];
    uint16_t pins;
    uint16_t level;     /* pin levels now */
    uint16_t dig_in;    /* what the digital input buffers last saw (level, 0 where ANSEL = 1):
                         * what PPS inputs (INT1-4) get */
    uint16_t latched;   /* levels at the last PORT read (mismatch CN) */
    uint16_t out_high;  /* what the observer was last told */
    uint16_t ext_mask;  /* pins the board drives */
    uint16_t ext_val;
};

/* PPS: registers 0x000..0x2FF of the PPS block, 4 bits each */
#define PPS_NREGS (0x300 / 4)

struct ports {
    struct soc *soc;
    struct port port[PORTS_MAX];
    struct sfr_block pps_blk;
    struct sfr_reg pps_regs[PPS_NREGS];
    uint32_t pps_val[PPS_NREGS];
    unsigned npps;
    ports_observer_fn observer;
    void *observer_ctx;
};

char ports_letter(unsigned port)
{
    return "ABCDEFGHJK"[port < PORTS_MAX ? port : 0];
}

/* ---- PPS ------------------------------------------------------------------ */

/* Input pin groups (PPS input table of the PIC32MZ EF datasheet):
 * value -> pin as port << 4 | pin, 0xFF = none. */
#define RP(p, n) ((uint8_t)((p) << 4 | (n)))
#define NONE 0xFF
enum { A, B, C, D, E, F, G };
static const uint8_t pps_group[4][16] = {
    /* group 1: INT3, T2CK, T6CK, IC3, IC7, U1RX, U2CTS, U5RX, U6CTS, SDI1/3/5, SS6, REFCLKI1 */
    {RP(D, 2), RP(G, 8), RP(F, 4), RP(D, 10), RP(F, 1), RP(B, 9), RP(B, 10), RP(C, 14),
     RP(B, 5), NONE, RP(C, 1), RP(D, 14), RP(G, 1), RP(A, 14), NONE, NONE},
    /* group 2: INT4, T5CK, T7CK, IC4, IC8, U3RX, U4CTS, SDI2/4, REFCLKI4 */
    {RP(D, 3), RP(G, 7), RP(F, 5), RP(D, 11), RP(F, 0), RP(B, 1), RP(E, 5), RP(C, 13),
     RP(B, 3), NONE, RP(C, 4), RP(D, 15), RP(G, 0), RP(A, 15), NONE, NONE},
    /* group 3: INT2, T3CK, T8CK, IC2, IC5, IC9, U1CTS, U2RX, U5CTS, SS1/3/4/5 */
    {RP(D, 9), RP(G, 6), RP(B, 8), RP(B, 15), RP(D, 4), RP(B, 0), RP(E, 3), RP(B, 7),
     NONE, RP(F, 12), RP(D, 12), RP(F, 8), RP(C, 3), RP(E, 9), NONE, NONE},
    /* group 4: INT1, T4CK, T9CK, IC1, IC6, U3CTS, U4RX, U6RX, SS2, SDI6, OCFA, REFCLKI3 */
    {RP(D, 1), RP(G, 9), RP(B, 14), RP(D, 0), NONE, RP(B, 6), RP(D, 5), RP(B, 2),
     RP(F, 3), RP(F, 13), NONE, RP(F, 2), RP(C, 2), RP(E, 8), NONE, NONE},
};
/* INT1R..INT4R (0x404..0x410) use groups 4, 3, 1, 2. INT0 is fixed on RD0. */
static const uint8_t int_group[5] = {0, 3, 2, 0, 1};

static const uint16_t pps_inputs[] = {
    0x404, 0x408, 0x40C, 0x410, 0x418, 0x41C, 0x420, 0x424, 0x428, 0x42C, 0x430, 0x434,
    0x438, 0x43C, 0x440, 0x444, 0x448, 0x44C, 0x450, 0x454, 0x458, 0x460, 0x468, 0x46C,
    0x470, 0x474, 0x478, 0x47C, 0x480, 0x484, 0x488, 0x48C, 0x490, 0x494, 0x49C, 0x4A0,
    0x4A8, 0x4AC, 0x4B4, 0x4B8, 0x4C0, 0x4C4, 0x4CC, 0x4D0, 0x4D8, 0x4DC, 0x4E8, 0x4F0,
    0x4F4,
};

/* ---- pins ------------------------------------------------------------------ */

static uint16_t compute_levels(const struct port *p)
{
    const uint32_t *v = p->val;
    uint16_t tris = (uint16_t)v[P_TRIS], lat = (uint16_t)v[P_LAT], odc = (uint16_t)v[P_ODC];
    uint16_t driven_out = (uint16_t)(~tris & ~(odc & lat)); /* pins driven by LAT */
    uint16_t in = (uint16_t)((p->ext_mask & p->ext_val) | (~p->ext_mask & (uint16_t)v[P_CNPU]));
    return (uint16_t)(((driven_out & lat) | (~driven_out & in)) & p->pins);
}

static uint16_t out_high_of(const struct port *p)
{
    uint16_t tris = (uint16_t)p->val[P_TRIS], lat = (uint16_t)p->val[P_LAT];
    uint16_t odc = (uint16_t)p->val[P_ODC];
    return (uint16_t)(~tris & lat & ~odc & p->pins);
}

static void cn_update(struct port *p, uint16_t old, uint16_t now)
{
    uint32_t *v = p->val;
    struct intc *ic = p->ps->soc->intc;
    uint16_t digital = (uint16_t)~v[P_ANSEL];
    if (!(v[P_CNCON] & CNCON_ON)) {
        intc_level(ic, IRQ_CN(p->idx), false);
        return;
    }
    if (v[P_CNCON] & CNCON_EDGEDETECT) {
        uint16_t rise = (uint16_t)(~old & now), fall = (uint16_t)(old & ~now);
        v[P_CNF] |= ((rise & v[P_CNEN]) | (fall & v[P_CNNE])) & digital;
        v[P_CNSTAT] |= (uint16_t)((old ^ now) & v[P_CNEN] & digital);
        intc_level(ic, IRQ_CN(p->idx), (v[P_CNF] & 0xFFFF) != 0);
    } else {
        v[P_CNSTAT] = (uint16_t)((now ^ p->latched) & v[P_CNEN] & digital);
        intc_level(ic, IRQ_CN(p->idx), v[P_CNSTAT] != 0);
    }
}

static void ext_int_update(struct ports *ps, unsigned port, uint16_t changed, uint16_t now);

/* Recomputes a port's pins and tells everyone who listens. */
static void port_update(struct port *p)
{
    uint16_t old = p->level, now = compute_levels(p);
    uint16_t dig = (uint16_t)(now & ~p->val[P_ANSEL]);
    p->level = now;
    cn_update(p, old, now);
    if (dig != p->dig_in) { /* an analog pin's digital input reads 0 (ANSEL) */
        uint16_t ch = (uint16_t)(dig ^ p->dig_in);
        p->dig_in = dig;
        ext_int_update(p->ps, p->idx, ch, dig);
    }
    uint16_t oh = out_high_of(p);
    if (oh != p->out_high) {
        uint16_t ch = (uint16_t)(oh ^ p->out_high);
        p->out_high = oh;
        if (p->ps->observer)
            p->ps->observer(p->ps->observer_ctx, p->idx, oh, ch);
    }
}

static unsigned pps_index(uint32_t off) { return off / 4; }

static uint8_t int_pin_sel(const struct ports *ps, unsigned n)
{
    if (n == 0)
        return RP(D, 0);
    unsigned sel = ps->pps_val[pps_index(0x004 + 4 * (n - 1))] & 0xF;
    return pps_group[int_group[n]][sel];
}

static void ext_int_update(struct ports *ps, unsigned port, uint16_t changed, uint16_t now)
{
    for (unsigned n = 0; n <= 4; n++) {
        uint8_t rp = int_pin_sel(ps, n);
        if (rp == NONE || (rp >> 4) != port || !(changed & (1u << (rp & 15))))
            continue;
        intc_ext_pin(ps->soc->intc, n, (now >> (rp & 15)) & 1);
    }
}

/* Re-sends every INTn input level (after PPS or reset changes). */
static void ext_int_resync(struct ports *ps)
{
    for (unsigned n = 0; n <= 4; n++) {
        uint8_t rp = int_pin_sel(ps, n);
        bool lvl = rp != NONE && ((ps->port[rp >> 4].dig_in >> (rp & 15)) & 1);
        intc_ext_pin(ps->soc->intc, n, lvl);
    }
}

static uint32_t port_read(void *ctx, unsigned idx, bool peek)
{
    struct port *p = ctx;
    if (idx != P_PORT)
        return p->val[idx];
    uint16_t v = (uint16_t)(p->level & ~p->val[P_ANSEL]);
    if (!peek) {
        /* Mismatch change notification compares with the last read. */
        p->latched = p->level;
        if ((p->val[P_CNCON] & (CNCON_ON | CNCON_EDGEDETECT)) == CNCON_ON)
            cn_update(p, p->level, p->level);
    }
    return v;
}

static void port_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct port *p = ctx;
    if (idx == P_PORT) /* writing PORT writes the latch */
        p->val[P_LAT] = req & p->pins;
    if (idx == P_CNCON && !(old & CNCON_ON))
        p->latched = p->level;
    port_update(p);
}

static void port_reset(void *ctx)
{
    struct port *p = ctx;
    p->latched = 0;
    p->level = compute_levels(p);
    p->latched = p->level;
    p->dig_in = (uint16_t)(p->level & ~p->val[P_ANSEL]);
    uint16_t oh = out_high_of(p);
    if (oh != p->out_high) {
        uint16_t ch = (uint16_t)(oh ^ p->out_high);
        p->out_high = oh;
        if (p->ps->observer)
            p->ps->observer(p->ps->observer_ctx, p->idx, oh, ch);
    }
}

static void pps_reset(void *ctx)
{
    ext_int_resync(ctx); /* every port is reset by now */
}

static void pps_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct ports *ps = ctx;
    uint32_t cfgcon = 0;
    sfr_peek(ps->soc->sfr, 0x1F800000u, &cfgcon);
    if (cfgcon & CFGCON_IOLOCK) { /* IOLOCK: PPS writes have no effect */
        ps->pps_val[idx] = old;
        return;
    }
    if (idx <= pps_index(0x010))
        ext_int_resync(ps);
}

/* ---- PPS for the peripherals ------------------------------------------------ */

int ports_pps_input_pin(const struct ports *ps, unsigned reg_off, unsigned group)
{
    if (group > 3 || reg_off >= 0x100)
        return -1;
    uint8_t rp = pps_group[group][ps->pps_val[pps_index(reg_off)] & 0xF];
    return rp == NONE ? -1 : rp;
}

bool ports_pps_output_on(const struct ports *ps, unsigned rp, unsigned code)
{
    unsigned port = rp >> 4, pin = rp & 15;
    return port < 7 && (ps->pps_val[pps_index(0x100 + 0x40 * port + 4 * pin)] & 0xF) == code;
}

bool ports_pps_output_any(const struct ports *ps, unsigned group, unsigned code)
{
    if (group > 3)
        return false;
    for (unsigned i = 0; i < 16; i++) /* the group's pins hold its RPxnR registers */
        if (pps_group[group][i] != NONE && ports_pps_output_on(ps, pps_group[group][i], code))
            return true;
    return false;
}

void ports_drive(struct ports *ps, unsigned port, unsigned pin, int level)
{
    if (port >= PORTS_MAX || pin > 15)
        return;
    struct port *p = &ps->port[port];
    uint16_t bit = (uint16_t)(1u << pin);
    if (level < 0) {
        p->ext_mask &= (uint16_t)~bit;
    } else {
        p->ext_mask |= bit;
        p->ext_val = (uint16_t)(level ? p->ext_val | bit : p->ext_val & ~bit);
    }
    if (p->pins)
        port_update(p);
}

bool ports_level(const struct ports *ps, unsigned port, unsigned pin)
{
    return port < PORTS_MAX && pin < 16 && ((ps->port[port].level >> pin) & 1);
}

void ports_set_observer(struct ports *ps, ports_observer_fn fn, void *ctx)
{
    ps->observer = fn;
    ps->observer_ctx = ctx;
}

bool ports_parse_pin(const struct ports *ps, const char *name, unsigned *port, unsigned *pin)
{
    if ((name[0] != 'R' && name[0] != 'r') || !name[1])
        return false;
    const char *l = strchr("ABCDEFGHJK", name[1] & ~0x20);
    if (!l || !*l)
        return false;
    char *end;
    long n = strtol(name + 2, &end, 10);
    if (end == name + 2 || *end || n < 0 || n > 15)
        return false;
    unsigned pi = (unsigned)(l - "ABCDEFGHJK");
    if (!(ps->port[pi].pins & (1u << n)))
        return false;
    *port = pi;
    *pin = (unsigned)n;
    return true;
}

bool ports_init(struct soc *s)
{
    struct ports *ps = calloc(1, sizeof *ps);
    if (!ps)
        return false;
    ps->soc = s;
    s->ports = ps;
    static const char *const names[PORTS_MAX] = {"portA", "portB", "portC", "portD", "portE",
                                                 "portF", "portG", "portH", "portJ", "portK"};
    for (unsigned i = 0; i < PORTS_MAX; i++) {
        struct port *p = &ps->port[i];
        const struct port_info *pi = &efg100_ports[i];
        p->ps = ps;
        p->idx = i;
        p->pins = pi->pins;
        if (!pi->pins)
            continue;
        uint32_t m = pi->pins;
        static const uint16_t offs[P_NREGS] = {0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60,
                                               0x70, 0x80, 0x90, 0xA0, 0xB0, 0xC0, 0xD0};
        for (unsigned r = 0; r < P_NREGS; r++)
            p->regs[r] = (struct sfr_reg){offs[r], 0, m, SFR_WR};
        p->regs[P_ANSEL].reset = pi->analog;
        p->regs[P_TRIS].reset = m;
        p->regs[P_PORT] = (struct sfr_reg){0x20, 0, 0, SFR_RD | SFR_WR};
        p->regs[P_CNCON].wmask = 0xA800; /* ON, SIDL, EDGEDETECT */
        p->regs[P_CNSTAT].wmask = 0;     /* read-only */
        p->blk = (struct sfr_block){
            .name = names[i], .base = PORTS_BASE + 0x100 * i, .size = 0x100, .regs = p->regs,
            .nregs = P_NREGS, .val = p->val, .ctx = p, .read = port_read, .write = port_write,
            .reset = port_reset,
        };
        if (!sfr_register(s->sfr, &p->blk))
            return false;
    }
    /* PPS: the input selects and the RPxnR output selects that exist */
    unsigned k = 0;
    for (unsigned r = 0; r < PPS_NREGS; r++)
        ps->pps_regs[r] = (struct sfr_reg){(uint16_t)(4 * r), 0, 0, SFR_NOALIAS};
    for (size_t i = 0; i < sizeof pps_inputs / sizeof pps_inputs[0]; i++)
        ps->pps_regs[pps_index(pps_inputs[i] - 0x400)].wmask = 0xF;
    for (unsigned g = 0; g < 4; g++)
        for (unsigned v = 0; v < 16; v++)
            if (pps_group[g][v] != NONE) {
                unsigned port = pps_group[g][v] >> 4, pin = pps_group[g][v] & 15;
                ps->pps_regs[pps_index(0x100 + 0x40 * port + 4 * pin)].wmask = 0xF;
            }
    for (unsigned r = 0; r < PPS_NREGS; r++) {
        ps->pps_regs[r].flags |= SFR_WR;
        k += ps->pps_regs[r].wmask != 0;
    }
    ps->npps = k;
    ps->pps_blk = (struct sfr_block){
        /* (decided) the PPS window is 1 KB, as the configurator's device
         * table has it (PIC32MZ EF datasheet DS60001320, sec. 12 "I/O
         * Ports", the PPS register maps end at 0x2FF): the rest reads 0
         * like any gap, so a forwarded read there is no bus error */
        .name = "pps", .base = PPS_BASE, .size = 0x400, .regs = ps->pps_regs,
        .nregs = PPS_NREGS, .val = ps->pps_val, .ctx = ps, .write = pps_write,
        .reset = pps_reset,
    };
    return sfr_register(s->sfr, &ps->pps_blk);
}

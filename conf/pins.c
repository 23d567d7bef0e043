/*
 * A guest's `pins:` (docs/config.md "pins"): its peripheral functions on
 * package pins through peripheral pin select, and the port pins it drives.
 * Checked against the chip's PPS tables (conf/pic32mzef.c, from the
 * PIC32MZ EF datasheet DS60001320 sec. 12.4, Tables 12-2 and 12-3):
 *
 *   - a function only on a pin of its group, a pin the package bonds;
 *   - the function's peripheral is the guest's (exclusive);
 *   - each pin once in the system: guests and the hypervisor's own
 *     console pins (the board's PPS setup writes);
 *   - a gpio pin's port is the guest's (exclusive); a PPS pin's port is
 *     the guest's or no guest's (the hypervisor then owns the port and
 *     leaves it as reset, digital for a PPS input), never another guest's;
 *     the port of the console's pins is never a guest's (exclusive).
 *
 * A guest with PPS functions gets the `pps` block write-ignore (implicit
 * when not listed): the hypervisor programs its assignment at boot and
 * checks its own PPS writes against it (hv/board/pic32mz/pps.c).
 */
#include <stdio.h>
#include <string.h>

#include "model.h"
#include "pins.h"
#include "ytree.h"

#define HV_OWNER (-2)

struct owner {
    int guest;          /* -1 free, HV_OWNER, else guest index */
    const char *what;   /* function, or "gpio" */
    struct pos pos;
};

static char port_letter(int p) { return (char)('A' + (p >> 4)); }

static const char *pin_name(char *buf, size_t n, int p, int rp)
{
    snprintf(buf, n, "%s%c%d", rp ? "RP" : "R", port_letter(p), p & 15);
    return buf;
}

static yaml_node_t *guest_pins_node(int gi)
{
    yaml_node_t *gs = ytree_get(ytree_root(), "guests", NULL);
    if (!gs || gs->type != YAML_SEQUENCE_NODE) return NULL;
    long cnt = gs->data.sequence.items.top - gs->data.sequence.items.start;
    if (gi >= cnt) return NULL;
    yaml_node_t *g = ytree_node(gs->data.sequence.items.start[gi]);
    return g && g->type == YAML_MAPPING_NODE ? ytree_get(g, "pins", NULL) : NULL;
}

/* The device use of `name` by guest g, or NULL. */
static const struct m_devuse *dev_use(const struct m_guest *g, const char *name)
{
    for (int d = 0; d < g->nr_devs; d++)
        if (!strcmp(g->devs[d].dev->name, name)) return &g->devs[d];
    return NULL;
}

/* Does g own port `port` (0 = A) exclusively? Sets *via to the device. */
static int owns_port(const struct m_guest *g, int port, const char **via)
{
    char name[8];
    snprintf(name, sizeof name, "port%c", 'a' + port);
    const struct m_devuse *u = dev_use(g, name);
    if (!u || u->access != TVP_ACCESS_EXCLUSIVE) u = dev_use(g, "ports");
    if (u && u->access == TVP_ACCESS_EXCLUSIVE) {
        if (via) *via = u->dev->name;
        return 1;
    }
    return 0;
}

static int bonded(const struct chip *c, int p)
{
    return (p >> 4) < c->nr_ports && (c->port_pins[p >> 4] >> (p & 15) & 1);
}

/* "RPD2, RPG8, ..." : the pins of group grp on this package. */
static void group_pins(const struct chip *c, int grp, char *buf, size_t n)
{
    buf[0] = 0;
    for (int i = 0; i < CHIP_PPS_SEL; i++) {
        int p = c->pps_groups[grp][i];
        if (p == CHIP_PIN_NONE || !bonded(c, p)) continue;
        char one[12], pn[8];
        snprintf(one, sizeof one, "%s%s", buf[0] ? ", " : "", pin_name(pn, sizeof pn, p, 1));
        strncat(buf, one, n - strlen(buf) - 1);
    }
}

/* The hypervisor's own pins: its board's PPS setup writes (the console). */
static void hv_pins(const struct model *m, struct owner own[][16])
{
    const struct chip *c = m->chip;
    const struct board *b = m->board;
    for (int i = 0; i < b->nr_console_setup; i++) {
        uint32_t off = (b->console_setup[i].addr & 0x1FFFFFFFu) - c->pps_base;
        uint32_t v = b->console_setup[i].value;
        if (off >= 0x400) continue;
        if (off >= c->pps_out_off) {
            uint32_t rel = off - c->pps_out_off;
            int p = (int)((rel / 0x40) << 4 | (rel % 0x40) / 4);
            if ((p >> 4) >= CHIP_MAX_PORTS) continue;
            for (int k = 0; k < c->nr_pps_out; k++) {
                const struct chip_pps_out *o = &c->pps_out[k];
                if (o->value == v && chip_pps_index(c, o->group, p) >= 0)
                    own[p >> 4][p & 15] = (struct owner){ HV_OWNER, o->name, { 0, 0 } };
            }
        } else {
            for (int k = 0; k < c->nr_pps_in; k++) {
                const struct chip_pps_in *in = &c->pps_in[k];
                if (in->reg_off != off || v >= CHIP_PPS_SEL) continue;
                int p = c->pps_groups[in->group][v];
                if (p != CHIP_PIN_NONE)
                    own[p >> 4][p & 15] = (struct owner){ HV_OWNER, in->name, { 0, 0 } };
            }
        }
    }
}

/* Takes pin p for guest gi; reports a pin given twice. */
static void claim(struct model *m, struct owner own[][16], int gi, int p, const char *what, struct pos pos)
{
    struct owner *o = &own[p >> 4][p & 15];
    char pn[8];
    pin_name(pn, sizeof pn, p, 0);
    if (o->guest == HV_OWNER) {
        diag_error(pos, "pin %s of guest '%s' (%s) is the hypervisor's: its console's %s is there "
                   "(board %s)", pn, m->guests[gi].name, what, o->what, m->board->name);
        return;
    }
    if (o->guest == gi) {
        diag_error(pos, "pin %s is listed twice in 'pins' of guest '%s' (%s at line %d, and %s)", pn,
                   m->guests[gi].name, o->what, o->pos.line, what);
        return;
    }
    if (o->guest >= 0) {
        diag_error(pos, "pin %s is given twice: to guest '%s' (%s, line %d) and to guest '%s' (%s); a pin "
                   "has one owner", pn, m->guests[o->guest].name, o->what, o->pos.line, m->guests[gi].name,
                   what);
        return;
    }
    *o = (struct owner){ gi, what, pos };
}

/* The port rules for pin p of guest gi. */
static void check_port(struct model *m, int gi, int p, int gpio, const char *what, struct pos pos)
{
    const struct m_guest *g = &m->guests[gi];
    char pn[8];
    pin_name(pn, sizeof pn, p, !gpio);
    if (owns_port(g, p >> 4, NULL)) return;
    for (int k = 0; k < m->nr_guests; k++) {
        const char *via;
        if (k != gi && owns_port(&m->guests[k], p >> 4, &via)) {
            diag_error(pos, "pin %s of guest '%s' (%s) is on port %c, which is guest '%s''s (%s, "
                       "exclusive); a port's pins go with the port", pn, g->name, what, port_letter(p),
                       m->guests[k].name, via);
            return;
        }
    }
    if (gpio)
        diag_error(pos, "gpio pin %s of guest '%s' is on port %c, which the guest does not have: add "
                   "'port%c' (or 'ports') to its devices, exclusive", pn, g->name, port_letter(p),
                   'a' + (p >> 4));
}

/* The function's peripheral must be the guest's, exclusively. */
static void check_owner(struct model *m, int gi, const char *func, const char *devname, struct pos pos)
{
    const struct m_guest *g = &m->guests[gi];
    const struct m_devuse *u = dev_use(g, devname);
    if (u && u->access == TVP_ACCESS_EXCLUSIVE) return;
    if (!strcmp(devname, m->board->console)) {
        diag_error(pos, "%s of guest '%s' belongs to %s, the hypervisor's console (board %s)", func,
                   g->name, devname, m->board->name);
        return;
    }
    for (int k = 0; k < m->nr_guests; k++) {
        const struct m_devuse *o = k != gi ? dev_use(&m->guests[k], devname) : NULL;
        if (o && o->access == TVP_ACCESS_EXCLUSIVE) {
            diag_error(pos, "%s of guest '%s' belongs to %s, which is guest '%s''s (line %d); a function "
                       "goes with its peripheral", func, g->name, devname, m->guests[k].name, o->pos.line);
            return;
        }
    }
    diag_error(pos, "%s of guest '%s' belongs to %s, which the guest does not have: add it to its devices, "
               "exclusive", func, g->name, devname);
}

static struct m_pin *new_pin(struct m_guest *g, struct pos pos)
{
    if (g->nr_pins >= M_MAX_PINS) {
        diag_error(pos, "too many pins for guest '%s' (at most %d)", g->name, M_MAX_PINS);
        return NULL;
    }
    struct m_pin *mp = &g->pins[g->nr_pins++];
    memset(mp, 0, sizeof *mp);
    mp->pos = pos;
    return mp;
}

/* The console's PPS registers (the board's setup writes) in guest g's table. */
static void console_pins(struct model *m, struct m_guest *g, struct pos pos)
{
    const struct chip *c = m->chip;
    const struct board *b = m->board;
    for (int i = 0; i < b->nr_console_setup; i++) {
        uint32_t off = (b->console_setup[i].addr & 0x1FFFFFFFu) - c->pps_base;
        if (off >= 0x400) continue;
        struct m_pin *mp = new_pin(g, pos);
        if (!mp) return;
        mp->console = 1, mp->value = (uint8_t)b->console_setup[i].value, mp->reg_off = (uint16_t)off;
        mp->output = off >= c->pps_out_off;
        mp->func = b->console;
        if (mp->output) {
            uint32_t rel = off - c->pps_out_off;
            mp->pin = (uint8_t)((rel / 0x40) << 4 | (rel % 0x40) / 4);
            for (int k = 0; k < c->nr_pps_out; k++)
                if (c->pps_out[k].value == mp->value && chip_pps_index(c, c->pps_out[k].group, mp->pin) >= 0)
                    mp->func = c->pps_out[k].name;
        } else {
            for (int k = 0; k < c->nr_pps_in; k++)
                if (c->pps_in[k].reg_off == off && mp->value < CHIP_PPS_SEL) {
                    mp->pin = c->pps_groups[c->pps_in[k].group][mp->value];
                    mp->func = c->pps_in[k].name;
                }
        }
    }
}

static void one_gpio(struct model *m, struct owner own[][16], int gi, yaml_node_t *v)
{
    const struct chip *c = m->chip;
    struct pos pos = ytree_pos(v);
    const char *s = ytree_scalar(v);
    if (!s) {
        diag_error(pos, "an entry of 'gpio' must be a pin name (e.g. RD4)");
        return;
    }
    int p = chip_pin_parse(s, 0);
    if (p < 0) {
        diag_error(pos, "'%s' is not a port pin name (Rxn, e.g. RD4)", s);
        return;
    }
    if (!bonded(c, p)) {
        diag_error(pos, "pin %s is not bonded on the %s (100-pin package)", s, c->name);
        return;
    }
    check_port(m, gi, p, 1, "gpio", pos);
    claim(m, own, gi, p, "gpio", pos);
    struct m_pin *mp = new_pin(&m->guests[gi], pos);
    if (mp) mp->pin = (uint8_t)p, mp->gpio = 1, mp->func = "gpio";
}

static void one_function(struct model *m, struct owner own[][16], int gi, const char *fn, yaml_node_t *kn,
                         yaml_node_t *v)
{
    const struct chip *c = m->chip;
    struct m_guest *g = &m->guests[gi];
    struct pos kp = ytree_pos(kn), vp = ytree_pos(v);
    const struct chip_pps_in *in = NULL;
    int outs[CHIP_PPS_GROUPS], nout = 0;
    /* SSx is an input (slave) and an output (master): SS2_in, SS2_out */
    char base[16];
    int dir = 0; /* 1 in, 2 out */
    size_t len = strlen(fn);
    snprintf(base, sizeof base, "%s", fn);
    if (len > 3 && len < sizeof base && !strcmp(fn + len - 3, "_in"))
        base[len - 3] = 0, dir = 1;
    else if (len > 4 && len < sizeof base && !strcmp(fn + len - 4, "_out"))
        base[len - 4] = 0, dir = 2;
    for (int k = 0; k < c->nr_pps_in && dir != 2; k++)
        if (!strcmp(c->pps_in[k].name, base)) in = &c->pps_in[k];
    for (int k = 0; k < c->nr_pps_out && nout < CHIP_PPS_GROUPS && dir != 1; k++)
        if (!strcmp(c->pps_out[k].name, base)) outs[nout++] = k;
    if (in && nout) {
        diag_error(kp, "%s is both an input (%sR) and an output (RPxnR = %s): write %s_in or %s_out", fn,
                   base, base, base, base);
        return;
    }
    if (!in && !nout) {
        const char *names[160];
        int nn = 0;
        names[nn++] = "gpio";
        for (int k = 0; k < c->nr_pps_in; k++) names[nn++] = c->pps_in[k].name;
        for (int k = 0; k < c->nr_pps_out && nn < 160; k++) names[nn++] = c->pps_out[k].name;
        const char *near = diag_nearest(fn, names, nn);
        diag_error(kp, "unknown pin function '%s' in 'pins' of guest '%s'%s%s%s (the PPS functions of "
                   "DS60001320 Tables 12-2 and 12-3, or gpio)", fn, g->name, near ? "; did you mean '" : "",
                   near ? near : "", near ? "'?" : "");
        return;
    }
    const char *s = ytree_scalar(v);
    if (!s) {
        diag_error(vp, "pin of %s must be one pin name (e.g. RPD3)", fn);
        return;
    }
    int p = chip_pin_parse(s, 1);
    if (p < 0) {
        int q = chip_pin_parse(s, 0);
        if (q >= 0)
            diag_error(vp, "'%s' is a port pin name; %s takes a remappable pin, RP%s", s, fn, s + 1);
        else
            diag_error(vp, "'%s' is not a remappable pin name (RPxn, e.g. RPD3)", s);
        return;
    }
    if (!bonded(c, p)) {
        diag_error(vp, "pin %s is not bonded on the %s (100-pin package)", s, c->name);
        return;
    }
    const char *devname, *fname = fn;
    uint8_t value;
    uint16_t reg;
    int output = 0;
    if (in) {
        int idx = chip_pps_index(c, in->group, p);
        if (idx < 0) {
            char list[256];
            group_pins(c, in->group, list, sizeof list);
            diag_error(vp, "%s cannot be on %s: it is an input of group %d, its pins are %s (DS60001320 "
                       "Table 12-2)", fn, s, in->group + 1, list);
            return;
        }
        devname = in->device, value = (uint8_t)idx, reg = in->reg_off, fname = in->name;
    } else {
        const struct chip_pps_out *o = NULL;
        for (int k = 0; k < nout; k++)
            if (chip_pps_index(c, c->pps_out[outs[k]].group, p) >= 0) o = &c->pps_out[outs[k]];
        if (!o) {
            char list[512] = "", one[256];
            for (int k = 0; k < nout; k++) {
                group_pins(c, c->pps_out[outs[k]].group, one, sizeof one);
                strncat(list, k ? ", " : "", sizeof list - strlen(list) - 1);
                strncat(list, one, sizeof list - strlen(list) - 1);
            }
            diag_error(vp, "%s cannot be on %s: it is an output of group %d, its pins are %s (DS60001320 "
                       "Table 12-3)", fn, s, c->pps_out[outs[0]].group + 1, list);
            return;
        }
        devname = o->device, value = o->value, output = 1, fname = o->name;
        reg = (uint16_t)(c->pps_out_off + 0x40 * (p >> 4) + 4 * (p & 15));
    }
    check_owner(m, gi, fn, devname, kp);
    check_port(m, gi, p, 0, fn, vp);
    claim(m, own, gi, p, fn, vp);
    struct m_pin *mp = new_pin(g, vp);
    if (mp) {
        mp->pin = (uint8_t)p, mp->output = (uint8_t)output, mp->value = value, mp->reg_off = reg;
        mp->func = fname; /* the chip's string: outlives the YAML tree */
    }
}

void check_pins(struct model *m)
{
    static struct owner own[CHIP_MAX_PORTS][16];
    for (int p = 0; p < CHIP_MAX_PORTS; p++)
        for (int b = 0; b < 16; b++) own[p][b] = (struct owner){ -1, NULL, { 0, 0 } };
    hv_pins(m, own);
    for (int gi = 0; gi < m->nr_guests; gi++) {
        struct m_guest *g = &m->guests[gi];
        yaml_node_t *pn = guest_pins_node(gi);
        if (!pn) continue;
        struct pos pp = ytree_pos(pn);
        if (pn->type != YAML_MAPPING_NODE) {
            diag_error(pp, "'pins' of guest '%s' must be a mapping (FUNCTION: PIN ..., gpio: [PIN ...])",
                       g->name);
            continue;
        }
        int any_pps = 0;
        for (yaml_node_pair_t *pr = pn->data.mapping.pairs.start; pr < pn->data.mapping.pairs.top; pr++) {
            yaml_node_t *k = ytree_node(pr->key), *v = ytree_node(pr->value);
            const char *key = ytree_scalar(k);
            if (!key) {
                diag_error(ytree_pos(k), "keys in 'pins' must be function names or gpio");
                continue;
            }
            int dup = 0;
            for (yaml_node_pair_t *q = pn->data.mapping.pairs.start; q < pr && !dup; q++) {
                const char *prev = ytree_scalar(ytree_node(q->key));
                if (prev && !strcmp(prev, key)) {
                    diag_error(ytree_pos(k), "duplicate key '%s' in 'pins' of guest '%s' (first given at "
                               "line %d)", key, g->name, ytree_pos(ytree_node(q->key)).line);
                    dup = 1;
                }
            }
            if (dup) continue;
            if (!strcmp(key, "gpio")) {
                if (v->type != YAML_SEQUENCE_NODE) {
                    diag_error(ytree_pos(v), "'gpio' must be a list of port pins (e.g. [RD4, RE5])");
                    continue;
                }
                for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++)
                    one_gpio(m, own, gi, ytree_node(*it));
                continue;
            }
            any_pps = 1;
            one_function(m, own, gi, key, k, v);
        }
        if (!any_pps) continue;
        /* a console guest's start-up may route the console's pins as on the
         * bare board: the same values are accepted (the pins stay the
         * hypervisor's) */
        if (g->flags & TVP_GUEST_CONSOLE)
            console_pins(m, g, pp);
        /* its PPS writes are checked by the hypervisor: the block write-ignore */
        if (!dev_use(g, "pps") && g->nr_devs < M_MAX_DEVS) {
            const struct chip_device *d = chip_device(m->chip, "pps");
            if (d) g->devs[g->nr_devs++] = (struct m_devuse){ d, TVP_ACCESS_WRITE_IGNORE, TVP_EMU_NONE, 0, pp };
        }
    }
    /* the console's pins are the hypervisor's: their port cannot be a guest's */
    for (int gi = 0; gi < m->nr_guests; gi++) {
        const struct m_guest *g = &m->guests[gi];
        for (int port = 0; port < m->chip->nr_ports; port++) {
            const char *via;
            if (!owns_port(g, port, &via)) continue;
            char list[96] = "";
            for (int b = 0; b < 16; b++)
                if (own[port][b].guest == HV_OWNER) {
                    char one[32];
                    snprintf(one, sizeof one, "%sR%c%d (%s)", list[0] ? ", " : "", 'A' + port, b,
                             own[port][b].what);
                    strncat(list, one, sizeof list - strlen(list) - 1);
                }
            if (list[0])
                diag_error(dev_use(g, via)->pos, "device '%s' of guest '%s' holds the hypervisor's console "
                           "pins %s (board %s); a port's pins go with the port: give it write-ignore",
                           via, g->name, list, m->board->name);
        }
    }
    /* pps exclusive anywhere would let a guest move anyone's pins */
    for (int gi = 0; gi < m->nr_guests; gi++) {
        const struct m_devuse *u = dev_use(&m->guests[gi], "pps");
        if (u && u->access == TVP_ACCESS_EXCLUSIVE)
            diag_error(u->pos, "'pps' cannot be exclusive for guest '%s': the PPS registers route every "
                       "guest's and the hypervisor's pins; give its functions pins in 'pins' (the "
                       "hypervisor programs them and checks its PPS writes)",
                       m->guests[gi].name);
    }
}

/*
 * Semantic checks and placement: from the schema-valid YAML to the model.
 * Every rule reports through diag with the position of the value at fault
 * and keeps going, so one run shows all mistakes.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "access.h"
#include "../hv/core/swap.h" /* the window switch lead */
#include "mips/mipsregs.h"
#include "model.h"
#include "pins.h"
#include "units.h"
#include "ytree.h"

#define PAGE 0x1000u
#define SZ(buf, v) (units_fmt_size(buf, sizeof buf, v), buf)

static const char *const kind_names[] = { "ram", "flash", "boot_flash", "region", "sfr" };

static uint32_t align_up(uint32_t v, uint32_t a) { return (v + a - 1) & ~(a - 1); }
static int is_pow2(uint32_t v) { return v && !(v & (v - 1)); }
static int overlaps(uint32_t a, uint32_t as, uint32_t b, uint32_t bs)
{
    return (uint64_t)a < (uint64_t)b + bs && (uint64_t)b < (uint64_t)a + as;
}

/* ---- small parsers with positions --------------------------------------- */

static int get_size(const char *s, struct pos p, const char *key, uint32_t *out)
{
    const char *why;
    if (units_size(s, out, &why)) {
        diag_error(p, "'%s': %s, not '%s'", key, why, s);
        return -1;
    }
    return 0;
}

static int get_addr(const char *s, struct pos p, const char *key, uint32_t *out)
{
    const char *why;
    if (units_addr(s, out, &why)) {
        diag_error(p, "'%s': %s, not '%s'", key, why, s);
        return -1;
    }
    return 0;
}

static int get_time(const char *s, struct pos p, const char *key, uint32_t *out)
{
    const char *why;
    if (units_time_us(s, out, &why)) {
        diag_error(p, "'%s': %s, not '%s'", key, why, s);
        return -1;
    }
    return 0;
}

static int page_aligned(uint32_t v, struct pos p, const char *key, const char *what)
{
    if (v % PAGE) {
        diag_error(p, "'%s': %s 0x%x is not a multiple of 4K (the TLB maps 4 KB pages)", key, what, v);
        return 0;
    }
    return 1;
}

static int guest_index(const struct model *m, const char *name)
{
    for (int i = 0; i < m->nr_guests; i++)
        if (!strcmp(m->guests[i].name, name)) return i;
    return -1;
}

static void unknown_guest(const struct model *m, struct pos p, const char *key, const char *name)
{
    const char *names[TVP_MAX_GUESTS];
    for (int i = 0; i < m->nr_guests; i++) names[i] = m->guests[i].name;
    const char *near = diag_nearest(name, names, m->nr_guests);
    if (near)
        diag_error(p, "'%s' names unknown guest '%s'; did you mean '%s'?", key, name, near);
    else
        diag_error(p, "'%s' names unknown guest '%s'", key, name);
}

/* ---- images --------------------------------------------------------------- */

static char *find_image(const struct check_opts *o, const char *name)
{
    char buf[4096];
    if (name[0] == '/') return access(name, R_OK) ? NULL : strdup(name);
    for (int i = 0; i < o->nr_image_dirs; i++) {
        snprintf(buf, sizeof buf, "%s/%s", o->image_dirs[i], name);
        if (!access(buf, R_OK)) return strdup(buf);
    }
    /* then next to the configuration file, then the current directory */
    const char *slash = strrchr(o->config_path, '/');
    if (slash) {
        snprintf(buf, sizeof buf, "%.*s/%s", (int)(slash - o->config_path), o->config_path, name);
        if (!access(buf, R_OK)) return strdup(buf);
    }
    if (!access(name, R_OK)) return strdup(name);
    return NULL;
}

/* ---- regions -------------------------------------------------------------- */

static struct m_region *add_region(struct m_guest *g, const char *name, int kind, uint32_t gpa,
                                   uint32_t size, uint8_t perm, uint8_t cache, int pool, struct pos p)
{
    if (g->nr_regions >= M_MAX_REGIONS) {
        diag_error(p, "guest '%s' has too many memory regions", g->name);
        return NULL;
    }
    struct m_region *r = &g->regions[g->nr_regions++];
    memset(r, 0, sizeof *r);
    snprintf(r->name, sizeof r->name, "%s", name);
    r->kind = (uint8_t)kind;
    r->gpa = gpa;
    r->size = size;
    r->perm = perm;
    r->cache = cache;
    r->pool = pool;
    r->pos = p;
    return r;
}

static int parse_perm(const char *s, struct pos p, uint8_t *out)
{
    uint8_t v = 0;
    for (const char *c = s; *c; c++) {
        uint8_t bit = *c == 'r' ? TVP_PERM_R : *c == 'w' ? TVP_PERM_W : *c == 'x' ? TVP_PERM_X : 0;
        if (!bit || (v & bit)) {
            diag_error(p, "'perm': '%s' is not a permission set; use letters r, w, x once each (e.g. rw, rx)", s);
            return -1;
        }
        v |= bit;
    }
    if (!(v & TVP_PERM_R)) {
        diag_error(p, "'perm': '%s' lacks r: the TLB cannot give write or execute without read here", s);
        return -1;
    }
    *out = v;
    return 0;
}

static uint8_t cache_of(int y, uint8_t dflt)
{
    switch (y) {
    case Y_CACHE_CACHED: return TVP_CACHE_WB;
    case Y_CACHE_UNCACHED: return TVP_CACHE_UNCACHED;
    case Y_CACHE_WRITE_THROUGH: return TVP_CACHE_WT;
    default: return dflt;
    }
}

/* ---- one guest ------------------------------------------------------------ */

static void check_image(struct model *m, struct m_guest *g, int gi, const struct check_opts *o,
                        uint32_t *need_flash, uint32_t *need_boot, uint32_t *need_boot2)
{
    const struct chip *c = m->chip;
    struct pos ip = ytree_at("guests/%d/image", gi);
    *need_flash = *need_boot = *need_boot2 = 0;
    g->image_path = find_image(o, g->y->image);
    if (!g->image_path) {
        char dirs[512] = "";
        for (int i = 0; i < o->nr_image_dirs; i++) {
            strncat(dirs, o->image_dirs[i], sizeof dirs - strlen(dirs) - 3);
            strncat(dirs, ", ", sizeof dirs - strlen(dirs) - 1);
        }
        diag_error(ip, "image '%s' of guest '%s' not found (searched %sthe config's directory and "
                   "the current directory)", g->y->image, g->name, dirs);
        return;
    }
    struct image_error ie;
    if (image_read(g->image_path, &g->img, &ie)) {
        diag_error_in(g->image_path, (struct pos){ (int)ie.line, (int)ie.col }, "%s", ie.msg);
        diag_error(ip, "image '%s' of guest '%s' is unusable (see the message for the file)",
                   g->y->image, g->name);
        return;
    }
    g->img_ok = 1;
    /* Boot flash as the chip shows it (DS60001320 Section 4, "Boot Flash"):
     * panel 1 at its own address and at the lower boot alias, panel 2 at
     * its own address and at the upper alias (no panel swap). Content a
     * toolchain put at a panel's own address (BF1/BF2 configuration words)
     * is that alias's content: it is folded onto the alias here, and the
     * guest also sees its panel at the panel's address. */
    const uint32_t lo = c->boot_base, up = c->boot_base + c->boot_upper_off, sz = c->boot_view_size;
    for (size_t i = 0; i < g->img.nsegs; i++) {
        struct image_seg *s = &g->img.segs[i];
        uint32_t end = s->addr + s->size;
        if (s->addr >= lo + c->boot_panel_off && end <= lo + c->boot_panel_off + sz) {
            s->addr -= c->boot_panel_off, g->boot_panel_seen |= 1;
        } else if (s->addr >= up + c->boot_panel_off && end <= up + c->boot_panel_off + sz) {
            s->addr -= c->boot_panel_off, g->boot_panel_seen |= 2;
        }
    }
    for (size_t i = 0; i < g->img.nsegs; i++)
        for (size_t j = 0; j < i; j++) {
            const struct image_seg *a = &g->img.segs[i], *b = &g->img.segs[j];
            if (a->addr < b->addr + b->size && b->addr < a->addr + a->size &&
                a->addr >= lo && a->addr < up + sz) {
                uint32_t at = a->addr > b->addr ? a->addr : b->addr;
                diag_error(ip, "image '%s' of guest '%s' holds boot flash 0x%08x twice, at a boot alias "
                           "and at its panel's own address (0x%08x): the two are one memory on the chip",
                           g->y->image, g->name, at, at + c->boot_panel_off);
                g->img_ok = 0;
                return;
            }
        }
    for (size_t i = 0; i < g->img.nsegs; i++) {
        const struct image_seg *s = &g->img.segs[i];
        uint32_t end = s->addr + s->size;
        if (s->addr >= c->flash_base && end <= c->flash_base + c->flash_size) {
            if (end - c->flash_base > *need_flash) *need_flash = end - c->flash_base;
        } else if (s->addr >= lo && end <= lo + sz) {
            if (end - lo > *need_boot) *need_boot = end - lo;
        } else if (s->addr >= up && end <= up + sz) {
            if (end - up > *need_boot2) *need_boot2 = end - up;
        } else {
            diag_error(ip, "image segment 0x%08x..0x%08x (%u bytes) of '%s' is outside the guest's "
                       "map: a guest image may hold program flash (0x%08x..0x%08x) and boot flash "
                       "(0x%08x..0x%08x, 0x%08x..0x%08x and the panels 0x%08x.., 0x%08x..) content only",
                       s->addr, end - 1, s->size, g->y->image, c->flash_base, c->flash_base + c->flash_size - 1,
                       lo, lo + sz - 1, up, up + sz - 1, lo + c->boot_panel_off, up + c->boot_panel_off);
        }
    }
    *need_flash = align_up(*need_flash, PAGE);
    *need_boot = align_up(*need_boot, PAGE);
    *need_boot2 = align_up(*need_boot2, PAGE);
}

static void check_devices(struct model *m, struct m_guest *g, int gi)
{
    const struct chip *c = m->chip;
    const struct y_guest *y = g->y;
    const char *names[128];
    int nn = 0;
    for (int i = 0; i < c->nr_devices && nn < 128; i++)
        if (!(c->devices[i].flags & (CHIP_HV_ONLY | CHIP_IMPLICIT))) names[nn++] = c->devices[i].name;

    for (unsigned d = 0; d < y->devices_count; d++) {
        const struct y_device *yd = &y->devices[d];
        struct pos np = ytree_at("guests/%d/devices/%u/name", gi, d);
        struct pos ap = ytree_at("guests/%d/devices/%u/access", gi, d);
        const struct chip_device *dev = chip_device(c, yd->name);
        if (!dev) {
            const char *near = diag_nearest(yd->name, names, nn);
            if (near)
                diag_error(np, "unknown device '%s' on %s; did you mean '%s'?", yd->name, c->name, near);
            else
                diag_error(np, "unknown device '%s' on %s (docs/config.md lists the devices)", yd->name,
                           c->name);
            continue;
        }
        if (dev->flags & CHIP_HV_ONLY) {
            diag_error(np, "device '%s' (%s) belongs to the hypervisor and cannot be given to a guest",
                       dev->name, dev->what);
            continue;
        }
        if (dev->flags & CHIP_IMPLICIT) {
            diag_error(np, "device '%s' is emulated for every guest already; remove it from 'devices'",
                       dev->name);
            continue;
        }
        int dup = 0;
        for (int k = 0; k < g->nr_devs; k++)
            if (g->devs[k].dev == dev) {
                diag_error(np, "device '%s' listed twice for guest '%s' (first at line %d)", dev->name,
                           g->name, g->devs[k].pos.line);
                dup = 1;
            }
        if (dup) continue;
        int acc = yd->access != TVP_ACCESS_NONE ? yd->access : dev->default_access;
        int emu = TVP_EMU_NONE;
        int is_console = !strcmp(dev->name, m->board->console);
        if (is_console) {
            if (acc != TVP_ACCESS_EMULATED) {
                diag_error(yd->access ? ap : np, "device '%s' is the hypervisor console on board %s; it "
                           "can only be emulated: use 'console: true' (or access: emulated)",
                           dev->name, m->board->name);
                continue;
            }
            g->flags |= TVP_GUEST_CONSOLE;
            continue; /* the console entry is added with the other implicit ones */
        }
        if (acc == TVP_ACCESS_EMULATED) {
            if (dev->emulator == TVP_EMU_NONE) {
                char valid[96];
                diag_error(yd->access ? ap : np, "device '%s' cannot be emulated: the hypervisor has no "
                           "emulator for it (emulators: intc, dma, usb, the console UART); valid: %s", dev->name,
                           access_words_except(valid, sizeof valid, TVP_ACCESS_EMULATED));
                continue;
            }
            emu = dev->emulator;
        }
        if (dev->ranges[0].size == 0 && acc != TVP_ACCESS_EXCLUSIVE) {
            diag_error(ap, "device '%s' has no registers, only an interrupt: its access can only be %s",
                       dev->name, access_word(TVP_ACCESS_EXCLUSIVE));
            continue;
        }
        if (g->nr_devs >= M_MAX_DEVS) {
            diag_error(np, "too many devices for guest '%s'", g->name);
            continue;
        }
        g->devs[g->nr_devs++] = (struct m_devuse){ dev, (uint8_t)acc, (uint8_t)emu, 0, np };
    }
    /* a device wholly inside another of the same guest adds nothing */
    for (int a = 0; a < g->nr_devs; a++)
        for (int b = 0; b < g->nr_devs; b++) {
            const struct chip_device *da = g->devs[a].dev, *db = g->devs[b].dev;
            if (a == b || !da->ranges[0].size || g->devs[a].redundant) continue;
            int inside = 1;
            for (int r = 0; r < CHIP_MAX_RANGES && da->ranges[r].size; r++) {
                int in = 0;
                for (int s = 0; s < CHIP_MAX_RANGES && db->ranges[s].size; s++)
                    in |= da->ranges[r].base >= db->ranges[s].base &&
                          da->ranges[r].base + da->ranges[r].size <= db->ranges[s].base + db->ranges[s].size;
                inside &= in;
            }
            if (inside && (da != db)) {
                g->devs[a].redundant = 1;
                diag_warning(g->devs[a].pos, "unused device '%s': guest '%s' already has all of it "
                             "through '%s'", da->name, g->name, db->name);
                if (g->devs[a].access != g->devs[b].access)
                    diag_error(g->devs[a].pos, "device '%s' (%s) lies inside '%s' (%s) of the same "
                               "guest with a different access mode", da->name,
                               access_word(g->devs[a].access), db->name, access_word(g->devs[b].access));
            }
        }
}

/* The DMA channels a guest with 'dma' emulated uses (the emulator's
 * static assignment; numbered as on the chip): its 'dma_channels', or
 * all eight. */
static void check_dma_channels(struct m_guest *g, int gi)
{
    const struct y_guest *y = g->y;
    const struct m_devuse *dma = 0;
    for (int d = 0; d < g->nr_devs; d++)
        if (!strcmp(g->devs[d].dev->name, "dma")) dma = &g->devs[d];
    g->dma_chans = 0;
    g->dma_chans_pos = dma ? dma->pos : g->pos;
    struct pos p = ytree_at("guests/%d/dma_channels", gi);
    /* absent, or an empty list (which libcyaml loads as no list either) */
    yaml_node_t *gs = ytree_root() ? ytree_get(ytree_root(), "guests", 0) : 0, *gn = 0;
    if (gs && gs->type == YAML_SEQUENCE_NODE &&
        gi < gs->data.sequence.items.top - gs->data.sequence.items.start)
        gn = yaml_document_get_node(ytree_doc(), gs->data.sequence.items.start[gi]);
    bool present = gn && gn->type == YAML_MAPPING_NODE && ytree_get(gn, "dma_channels", 0);
    if (!present) {
        if (dma && dma->access == TVP_ACCESS_EMULATED) g->dma_chans = 0xff;
        return;
    }
    g->dma_chans_pos = p;
    if (!dma || dma->access != TVP_ACCESS_EMULATED) {
        diag_error(p, "'dma_channels' of guest '%s' needs the device 'dma' emulated (devices: "
                   "[ { name: dma, access: emulated } ])", g->name);
        return;
    }
    if (!y->dma_channels_count) {
        diag_error(p, "'dma_channels' of guest '%s' is empty; give channel numbers 0..7 or leave "
                   "the key out (all eight)", g->name);
        return;
    }
    for (unsigned i = 0; i < y->dma_channels_count; i++) {
        int n = y->dma_channels[i];
        struct pos q = ytree_at("guests/%d/dma_channels/%u", gi, i);
        if (n < 0 || n > 7)
            diag_error(q, "'dma_channels': %d is not a DMA channel; valid: 0..7", n);
        else if ((g->dma_chans >> n) & 1)
            diag_error(q, "DMA channel %d listed twice for guest '%s'", n, g->name);
        else
            g->dma_chans |= (uint8_t)(1u << n);
    }
}

/* Interrupt vectors a guest owns: from its exclusive and emulated devices,
 * plus explicit ones. */
static void check_interrupts(struct model *m, struct m_guest *g, int gi)
{
    const struct chip *c = m->chip;
    uint8_t have[TVP_NR_VECTORS] = { 0 };
    for (int d = 0; d < g->nr_devs; d++) {
        const struct m_devuse *u = &g->devs[d];
        if (u->access != TVP_ACCESS_EXCLUSIVE && u->access != TVP_ACCESS_EMULATED) continue;
        for (int v = 0; v < CHIP_MAX_VECS && u->dev->vecs[v].count; v++)
            for (int k = 0; k < u->dev->vecs[v].count; k++)
                /* the emulated DMA controller: only its channels' vectors */
                if (u->emulator != TVP_EMU_DMA || (k < 8 && (g->dma_chans >> k) & 1))
                    have[u->dev->vecs[v].first + k] = 1;
    }
    if (g->flags & TVP_GUEST_CONSOLE) {
        const struct chip_device *con = chip_device(c, m->board->console);
        for (int v = 0; con && v < CHIP_MAX_VECS && con->vecs[v].count; v++)
            for (int k = 0; k < con->vecs[v].count; k++) have[con->vecs[v].first + k] = 2;
    }
    const char *vn[TVP_NR_VECTORS];
    int nv = 0;
    for (int i = 0; i < c->nr_vectors; i++)
        if (c->vector_names[i]) vn[nv++] = c->vector_names[i];
    for (unsigned i = 0; i < g->y->interrupts_count; i++) {
        const char *s = g->y->interrupts[i];
        struct pos p = ytree_at("guests/%d/interrupts/%u", gi, i);
        int v = chip_vector(c, s);
        if (v < 0) {
            const char *near = diag_nearest(s, vn, nv);
            if (near)
                diag_error(p, "unknown interrupt '%s'; did you mean '%s'?", s, near);
            else
                diag_error(p, "unknown interrupt '%s': give a vector number 0..%d or a name such as "
                           "uart1_rx", s, c->nr_vectors - 1);
            continue;
        }
        const char *vname = c->vector_names[v] ? c->vector_names[v] : "reserved";
        if (!c->vector_names[v]) {
            diag_error(p, "interrupt %d is a reserved vector on %s", v, c->name);
            continue;
        }
        if (v <= 2 || v == 104 || v == 105) {
            diag_error(p, "interrupt %d (%s) is a core interrupt the hypervisor virtualises for every "
                       "guest; it cannot be owned", v, vname);
            continue;
        }
        int hv = 0;
        for (int d = 0; d < c->nr_devices; d++)
            if (c->devices[d].flags & CHIP_HV_ONLY)
                for (int k = 0; k < CHIP_MAX_VECS && c->devices[d].vecs[k].count; k++)
                    hv |= v >= c->devices[d].vecs[k].first &&
                          v < c->devices[d].vecs[k].first + c->devices[d].vecs[k].count;
        if (hv) {
            diag_error(p, "interrupt %d (%s) belongs to the hypervisor", v, vname);
            continue;
        }
        if (have[v] == 3)
            diag_error(p, "interrupt %d (%s) listed twice", v, vname);
        else if (have[v] == 0)
            have[v] = 3;
        else
            have[v] = 3;
    }
    g->nr_irqs = 0;
    for (int v = 0; v < TVP_NR_VECTORS; v++)
        if (have[v]) g->irqs[g->nr_irqs++] = (uint16_t)v;
    if (g->nr_irqs > TVP_MAX_GUEST_IRQS)
        diag_error(g->pos, "guest '%s': its devices and interrupts have %d interrupt vectors; a partition's "
                   "virtual interrupt controller holds %d (give it fewer devices, or some write-ignore)",
                   g->name, g->nr_irqs, TVP_MAX_GUEST_IRQS);
}

/* `health:`: an action per error kind (on_fault where none is given) and
 * the restart budget, max_restarts with within, both or neither. */
static void check_health(struct m_guest *g, int gi)
{
    static const uint8_t act[] = { [Y_ACT_RESTART] = TVP_ON_FAULT_RESTART, [Y_ACT_STOP] = TVP_ON_FAULT_STOP,
                                   [Y_ACT_REFLECT] = TVP_ON_FAULT_REFLECT, [Y_ACT_LOG] = TVP_ON_FAULT_LOG };
    const struct y_health *h = g->y->health;
    for (int k = 0; k < TVP_HM_KINDS; k++)
        g->health[k] = h && h->kind[k] != Y_ACT_UNSET ? act[h->kind[k]] : g->on_fault;
    if (!h) return;
    g->has_health = 1;
    struct pos mp = ytree_at("guests/%d/health/max_restarts", gi);
    struct pos wp = ytree_at("guests/%d/health/within", gi);
    if (h->max_restarts && !h->within)
        diag_error(mp, "guest '%s': 'max_restarts' needs 'within', the time its restarts are counted "
                   "over (e.g. within: 1s)", g->name);
    if (h->within && !h->max_restarts)
        diag_error(wp, "guest '%s': 'within' needs 'max_restarts', the restarts allowed in that time",
                   g->name);
    if (h->max_restarts && (*h->max_restarts < 0 || *h->max_restarts > (int)TVP_HM_MAX_RESTARTS)) {
        diag_error(mp, "guest '%s': 'max_restarts' must be 0..%u, not %d", g->name,
                   TVP_HM_MAX_RESTARTS, *h->max_restarts);
        return;
    }
    uint32_t us;
    if (!h->within || !h->max_restarts || get_time(h->within, wp, "within", &us)) return;
    if (us < 1000) {
        diag_error(wp, "guest '%s': 'within' must be at least 1ms, not '%s'", g->name, h->within);
        return;
    }
    g->max_restarts = (uint8_t)*h->max_restarts;
    g->within_ms = us / 1000;
}

static void check_guest(struct model *m, struct m_guest *g, int gi, const struct check_opts *o)
{
    const struct chip *c = m->chip;
    const struct y_guest *y = g->y;
    char b1[32], b2[32];

    uint32_t ram = 0, flash = 0, boot = 0, need_flash, need_boot, need_boot2;
    struct pos ram_p = ytree_at("guests/%d/ram", gi);
    if (!get_size(y->ram, ram_p, "ram", &ram)) {
        if (!ram)
            diag_error(ram_p, "'ram': a guest needs some RAM (give 4K or more)");
        else
            page_aligned(ram, ram_p, "ram", "size");
        if (ram > c->ram_size)
            diag_error(ram_p, "'ram': %s is more than the chip's %s of RAM", SZ(b1, ram), SZ(b2, c->ram_size));
    }
    check_image(m, g, gi, o, &need_flash, &need_boot, &need_boot2);

    struct pos fl_p = ytree_at("guests/%d/flash", gi);
    flash = need_flash;
    if (y->flash && !get_size(y->flash, fl_p, "flash", &flash)) {
        page_aligned(flash, fl_p, "flash", "size");
        if (flash < need_flash)
            diag_error(fl_p, "'flash': the image needs %s of program flash (up to 0x%08x), more than "
                       "the %s given", SZ(b1, need_flash), c->flash_base + need_flash - 1, SZ(b2, flash));
    }
    struct pos bo_p = ytree_at("guests/%d/boot_flash", gi);
    boot = need_boot;
    if (y->boot_flash && !get_size(y->boot_flash, bo_p, "boot_flash", &boot)) {
        page_aligned(boot, bo_p, "boot_flash", "size");
        if (boot < need_boot)
            diag_error(bo_p, "'boot_flash': the image needs %s of boot flash (up to 0x%08x), more than "
                       "the %s given", SZ(b1, need_boot), c->boot_base + need_boot - 1, SZ(b2, boot));
        if (boot > c->boot_view_size)
            diag_error(bo_p, "'boot_flash': %s is more than the %s boot flash alias a guest sees",
                       SZ(b1, boot), SZ(b2, c->boot_view_size));
    }
    if (!flash && !boot && g->img_ok)
        diag_error(ytree_at("guests/%d/image", gi), "guest '%s' has no code: its image holds no flash "
                   "content", g->name);

    struct m_region *r;
    if (ram && !(ram % PAGE)) {
        r = add_region(g, "ram", TVP_MEM_RAM, 0, ram, TVP_PERM_R | TVP_PERM_W | TVP_PERM_X, TVP_CACHE_WB, 0, ram_p);
        if (r && y->ram_at) {
            struct pos p = ytree_at("guests/%d/ram_at", gi);
            if (!get_addr(y->ram_at, p, "ram_at", &r->rpa) && page_aligned(r->rpa, p, "ram_at", "address"))
                r->fixed = 1, r->pos = p;
        }
    }
    if (flash && !(flash % PAGE)) {
        r = add_region(g, "flash", TVP_MEM_FLASH, c->flash_base, flash, TVP_PERM_R | TVP_PERM_X, TVP_CACHE_WB, 1,
                       y->flash ? fl_p : ytree_at("guests/%d/image", gi));
        if (r && y->flash_at) {
            struct pos p = ytree_at("guests/%d/flash_at", gi);
            if (!get_addr(y->flash_at, p, "flash_at", &r->rpa) &&
                page_aligned(r->rpa, p, "flash_at", "address"))
                r->fixed = 1, r->pos = p;
        }
    }
    struct m_region *b1r = NULL, *b2r = NULL;
    if (boot && !(boot % PAGE) && boot <= c->boot_view_size)
        b1r = add_region(g, "boot_flash", TVP_MEM_BOOT, c->boot_base, boot, TVP_PERM_R | TVP_PERM_X, TVP_CACHE_WB,
                         1, y->boot_flash ? bo_p : ytree_at("guests/%d/image", gi));
    /* panel 2 (upper alias): as much as its image holds; each panel also at
     * its own address when the image put content there (an alias of the
     * same real pages, placed with its panel) */
    if (need_boot2)
        b2r = add_region(g, "boot_flash2", TVP_MEM_BOOT, c->boot_base + c->boot_upper_off, need_boot2,
                         TVP_PERM_R | TVP_PERM_X, TVP_CACHE_WB, 1, ytree_at("guests/%d/image", gi));
    struct m_region *al;
    if (b1r && (g->boot_panel_seen & 1) &&
        (al = add_region(g, "boot_panel1", TVP_MEM_BOOT, c->boot_base + c->boot_panel_off, b1r->size,
                         TVP_PERM_R | TVP_PERM_X, TVP_CACHE_WB, -1, b1r->pos)))
        al->alias = (int)(b1r - g->regions) + 1;
    if (b2r && (g->boot_panel_seen & 2) &&
        (al = add_region(g, "boot_panel2", TVP_MEM_BOOT, c->boot_base + c->boot_upper_off + c->boot_panel_off,
                         b2r->size, TVP_PERM_R | TVP_PERM_X, TVP_CACHE_WB, -1, b2r->pos)))
        al->alias = (int)(b2r - g->regions) + 1;

    /* extra regions */
    for (unsigned i = 0; i < y->regions_count; i++) {
        const struct y_region *yr = &y->regions[i];
        struct pos p = ytree_at("guests/%d/regions/%u", gi, i);
        uint32_t at, size;
        uint8_t perm = TVP_PERM_R | TVP_PERM_W;
        int bad = 0;
        for (int k = 0; k < g->nr_regions; k++)
            if (g->regions[k].kind == TVP_MEM_EXTRA && !strcmp(g->regions[k].name, yr->name)) {
                diag_error(ytree_at("guests/%d/regions/%u/name", gi, i), "region name '%s' used twice in "
                           "guest '%s'", yr->name, g->name);
                bad = 1;
            }
        struct pos atp = ytree_at("guests/%d/regions/%u/at", gi, i);
        struct pos szp = ytree_at("guests/%d/regions/%u/size", gi, i);
        bad |= get_addr(yr->at, atp, "at", &at) || !page_aligned(at, atp, "at", "address");
        bad |= get_size(yr->size, szp, "size", &size) || !page_aligned(size, szp, "size", "size");
        if (!bad && !size) {
            diag_error(szp, "'size': a region cannot be empty");
            bad = 1;
        }
        if (yr->perm) bad |= parse_perm(yr->perm, ytree_at("guests/%d/regions/%u/perm", gi, i), &perm) != 0;
        if (!bad && yr->pool == Y_POOL_FLASH && (perm & TVP_PERM_W)) {
            diag_error(ytree_at("guests/%d/regions/%u/perm", gi, i), "region '%s' is in flash and cannot "
                       "be writable (flash is written only through the NVM controller)", yr->name);
            bad = 1;
        }
        if (bad) continue;
        if ((uint64_t)at + size > 0x100000000ull) {
            diag_error(atp, "region '%s' runs past the end of the address space", yr->name);
            continue;
        }
        if (overlaps(at, size, c->sfr_base, c->sfr_size)) {
            diag_error(atp, "region '%s' (0x%08x..0x%08x) overlaps the SFR space 0x%08x..0x%08x: devices "
                       "are given with 'devices'", yr->name, at, at + size - 1, c->sfr_base,
                       c->sfr_base + c->sfr_size - 1);
            continue;
        }
        char nm[24];
        snprintf(nm, sizeof nm, "%s", yr->name);
        r = add_region(g, nm, TVP_MEM_EXTRA, at, size, perm,
                       cache_of(yr->cache, TVP_CACHE_WB), yr->pool == Y_POOL_FLASH ? 1 : 0, p);
        if (r && yr->real) {
            struct pos rp = ytree_at("guests/%d/regions/%u/real", gi, i);
            if (!get_addr(yr->real, rp, "real", &r->rpa) && page_aligned(r->rpa, rp, "real", "address"))
                r->fixed = 1, r->pos = rp;
        }
    }

    /* entry point */
    struct pos ep = ytree_at("guests/%d/entry", gi);
    if (y->entry) {
        get_addr(y->entry, ep, "entry", &g->entry);
    } else if (boot) {
        /* the reset vector a bare-board image starts at; in microMIPS when
         * the image's entry says so (its ISA bit), as vpsim starts it */
        g->entry = 0xBFC00000u | (g->img_ok && g->img.has_entry ? (g->img.entry & 1) : 0);
        ep = ytree_at("guests/%d/image", gi);
    } else if (g->img_ok && g->img.has_entry) {
        g->entry = g->img.entry;
        ep = ytree_at("guests/%d/image", gi);
    } else if (g->img_ok) {
        diag_error(ytree_at("guests/%d/image", gi), "image '%s' gives no entry point: add 'entry'",
                   y->image);
    }
    if (g->entry || y->entry) {
        uint32_t pe = g->entry;
        if (pe < 0x80000000u || pe >= 0xC0000000u)
            diag_error(ep, "entry 0x%08x must be a kseg0/kseg1 address (0x80000000..0xBFFFFFFF): the guest "
                       "starts unmapped", pe);
        else {
            pe &= 0x1FFFFFFFu;
            int in = 0;
            for (int k = 0; k < g->nr_regions; k++)
                in |= (g->regions[k].perm & TVP_PERM_X) && pe >= g->regions[k].gpa &&
                      pe < g->regions[k].gpa + g->regions[k].size;
            if (!in && g->nr_regions)
                diag_error(ep, "entry 0x%08x is not in the guest's executable memory", g->entry);
        }
    }

    /* same guest-physical space twice */
    for (int a = 0; a < g->nr_regions; a++)
        for (int b = 0; b < a; b++) {
            struct m_region *ra = &g->regions[a], *rb = &g->regions[b];
            if (overlaps(ra->gpa, ra->size, rb->gpa, rb->size))
                diag_error(ra->pos, "guest '%s': guest-physical 0x%08x..0x%08x (%s '%s') overlaps "
                           "0x%08x..0x%08x (%s '%s')", g->name, ra->gpa, ra->gpa + ra->size - 1,
                           kind_names[ra->kind], ra->name, rb->gpa, rb->gpa + rb->size - 1,
                           kind_names[rb->kind], rb->name);
        }
    /* pages the hypervisor maps into every guest */
    for (int a = 0; a < g->nr_regions; a++)
        for (int k = 0; k < c->nr_gpa_reserved; k++) {
            struct m_region *ra = &g->regions[a];
            const struct chip_reserved *rs = &c->gpa_reserved[k];
            if (overlaps(ra->gpa, ra->size, rs->base, rs->size))
                diag_error(ra->pos, "guest '%s': guest-physical 0x%08x..0x%08x (%s '%s') overlaps "
                           "0x%08x..0x%08x, reserved for %s", g->name, ra->gpa, ra->gpa + ra->size - 1,
                           kind_names[ra->kind], ra->name, rs->base, rs->base + rs->size - 1, rs->what);
        }

    check_devices(m, g, gi);
    check_dma_channels(g, gi);
    check_interrupts(m, g, gi);

    /* DMA */
    struct pos dg_p = ytree_at("guests/%d/dma_group", gi);
    if (y->dma_group) {
        if (*y->dma_group < 1 || *y->dma_group > TVP_MAX_DMA_GROUPS)
            diag_error(dg_p, "'dma_group': %d is not a DMA group; valid: 1 or 2 (the bus protection has "
                       "permission groups 1 and 2 free for guests; 0 is the hypervisor's)", *y->dma_group);
        else
            g->dma_group = *y->dma_group;
    }
    for (int d = 0; d < g->nr_devs; d++)
        if (g->devs[d].dev->dma_pg_shift >= 0 && g->devs[d].access == TVP_ACCESS_EXCLUSIVE && !y->dma_group)
            diag_error(g->devs[d].pos, "device '%s' is a DMA initiator given exclusively: guest '%s' "
                       "needs a 'dma_group' (1 or 2) so the bus protection can confine it",
                       g->devs[d].dev->name, g->name);
    if (y->dma_zone) {
        struct pos zp = ytree_at("guests/%d/dma_zone", gi);
        if (!y->dma_group) {
            diag_error(zp, "'dma_zone' without 'dma_group': give the guest a DMA group (1 or 2)");
        } else {
            uint32_t at, size;
            struct pos ap = ytree_at("guests/%d/dma_zone/at", gi);
            struct pos sp = ytree_at("guests/%d/dma_zone/size", gi);
            if (!get_addr(y->dma_zone->at, ap, "at", &at) && !get_size(y->dma_zone->size, sp, "size", &size)) {
                g->zone_base = at;
                g->zone_size = size;
            }
        }
    } else if (g->dma_group) {
        g->zone_base = 0;
        g->zone_size = ram; /* default: the guest's whole RAM */
    }
    if (g->zone_size) {
        struct pos zp = y->dma_zone ? ytree_at("guests/%d/dma_zone", gi) : dg_p;
        if (!is_pow2(g->zone_size) || g->zone_size < PAGE || g->zone_base % g->zone_size) {
            diag_error(zp, "DMA zone 0x%08x..0x%08x of guest '%s' cannot be a bus-protection region: its "
                       "size must be a power of two of at least 4K and its base aligned to its size",
                       g->zone_base, g->zone_base + g->zone_size - 1, g->name);
            g->zone_size = 0;
        } else if (ram && g->zone_base < ram) {
            if (g->zone_base + g->zone_size > ram) {
                diag_error(zp, "DMA zone 0x%08x..0x%08x of guest '%s' runs past its RAM (0x0..0x%08x)",
                           g->zone_base, g->zone_base + g->zone_size - 1, g->name, ram - 1);
                g->zone_size = 0;
            } else {
                g->zone_in_ram = 1;
            }
        } else if (g->zone_base < c->ram_base || g->zone_base + g->zone_size > c->ram_base + c->ram_size) {
            diag_error(zp, "DMA zone 0x%08x..0x%08x of guest '%s' cannot satisfy guest-physical == "
                       "real-physical: it is neither in the guest's RAM nor in the chip's RAM",
                       g->zone_base, g->zone_base + g->zone_size - 1, g->name);
            g->zone_size = 0;
        } else {
            /* an identity-mapped extra region, guest-physical == real */
            r = add_region(g, "dma_zone", TVP_MEM_EXTRA, g->zone_base, g->zone_size,
                           TVP_PERM_R | TVP_PERM_W, TVP_CACHE_UNCACHED, 0, zp);
            if (r) {
                r->rpa = g->zone_base;
                r->fixed = 1;
                r->dma = 1;
                for (int k = 0; k < g->nr_regions - 1; k++)
                    if (overlaps(g->regions[k].gpa, g->regions[k].size, r->gpa, r->size))
                        diag_error(zp, "guest '%s': DMA zone 0x%08x..0x%08x overlaps its %s '%s'", g->name,
                                   r->gpa, r->gpa + r->size - 1, kind_names[g->regions[k].kind],
                                   g->regions[k].name);
            }
        }
        if (g->zone_in_ram) {
            for (int k = 0; k < g->nr_regions; k++)
                if (g->regions[k].kind == TVP_MEM_RAM) {
                    struct m_region *rr = &g->regions[k];
                    rr->dma = 1;
                    if (rr->fixed && rr->rpa != 0) {
                        diag_error(zp, "DMA zone 0x%08x..0x%08x of guest '%s' cannot satisfy guest-physical "
                                   "== real-physical: the guest's RAM is fixed at real 0x%08x (ram_at), "
                                   "the zone needs it at real 0x0", g->zone_base,
                                   g->zone_base + g->zone_size - 1, g->name, rr->rpa);
                    }
                }
        }
    }

    if (y->fpu && *y->fpu) g->flags |= TVP_GUEST_FPU;
    if (y->console && *y->console) g->flags |= TVP_GUEST_CONSOLE;
    g->on_fault = (uint8_t)(y->on_fault == Y_FAULT_STOP      ? TVP_ON_FAULT_STOP
                            : y->on_fault == Y_FAULT_REFLECT ? TVP_ON_FAULT_REFLECT
                            : y->on_fault == Y_FAULT_LOG     ? TVP_ON_FAULT_LOG
                                                             : TVP_ON_FAULT_RESTART);
    check_health(g, gi);
}

/* ---- real placement -------------------------------------------------------- */

struct used {
    uint32_t base, size;
    char owner[64];
    struct pos pos;
};

static struct used used[M_MAX_REGIONS * TVP_MAX_GUESTS + 8];
static int nr_used;

static void owner_of(const struct m_guest *g, const struct m_region *r, char *buf, size_t n)
{
    snprintf(buf, n, "guest '%s' %s%s%s%s", g->name, kind_names[r->kind], r->kind == TVP_MEM_EXTRA ? " '" : "",
             r->kind == TVP_MEM_EXTRA ? r->name : "", r->kind == TVP_MEM_EXTRA ? "'" : "");
}

/* Records [base, base+size) for owner; reports overlaps with what is there. */
static void claim(uint32_t base, uint32_t size, const char *owner, struct pos p)
{
    for (int i = 0; i < nr_used; i++)
        if (overlaps(base, size, used[i].base, used[i].size))
            diag_error(p, "real memory 0x%08x..0x%08x (%s) overlaps 0x%08x..0x%08x (%s)", base,
                       base + size - 1, owner, used[i].base, used[i].base + used[i].size - 1, used[i].owner);
    used[nr_used].base = base;
    used[nr_used].size = size;
    snprintf(used[nr_used].owner, sizeof used[nr_used].owner, "%s", owner);
    used[nr_used].pos = p;
    nr_used++;
}

static int is_free(uint32_t a, uint32_t size)
{
    for (int i = 0; i < nr_used; i++)
        if (overlaps(a, size, used[i].base, used[i].size)) return 0;
    return 1;
}

/* First fit in [lo, hi), trying the largest alignment that lets the TLB use
 * big pages (up to 1 MB) first. Returns 0 and *out, or -1. */
static int first_fit(uint32_t lo, uint32_t hi, uint32_t size, uint32_t *out)
{
    uint32_t align = 0x100000;
    while (align > size && align > PAGE) align >>= 1;
    for (; align >= PAGE; align >>= 1) {
        for (uint64_t a = align_up(lo, align); a + size <= hi; a += align)
            if (is_free((uint32_t)a, size)) {
                *out = (uint32_t)a;
                return 0;
            }
    }
    return -1;
}

static uint32_t largest_free(uint32_t lo, uint32_t hi)
{
    uint32_t best = 0;
    for (uint64_t a = lo; a < hi; a += PAGE) {
        uint64_t e = a;
        while (e < hi && is_free((uint32_t)e, PAGE)) e += PAGE;
        if (e - a > best) best = (uint32_t)(e - a);
        if (e > a) a = e - PAGE;
    }
    return best;
}

static void place(struct model *m)
{
    const struct chip *c = m->chip;
    char own[64], b1[32], b2[32];
    uint32_t pool_lo[2] = { c->ram_base, m->hv_flash_base + m->hv_flash_size };
    uint32_t pool_hi[2] = { m->hv_ram_base, c->flash_base + c->flash_size };
    const char *pool_name[2] = { "RAM", "flash" };

    nr_used = 0;
    claim(m->hv_flash_base, m->hv_flash_size, "the hypervisor's flash", (struct pos){ 0, 0 });
    claim(m->hv_ram_base, m->hv_ram_size, "the hypervisor's RAM", (struct pos){ 0, 0 });

    /* fixed placements first, each inside its pool */
    for (int gi = 0; gi < m->nr_guests; gi++) {
        struct m_guest *g = &m->guests[gi];
        for (int k = 0; k < g->nr_regions; k++) {
            struct m_region *r = &g->regions[k];
            if (!r->fixed || r->pool < 0) continue;
            owner_of(g, r, own, sizeof own);
            int pl = r->pool;
            if (r->rpa < pool_lo[pl] || (uint64_t)r->rpa + r->size > pool_hi[pl]) {
                diag_error(r->pos, "real 0x%08x..0x%08x (%s) is outside the guest %s pool 0x%08x..0x%08x",
                           r->rpa, (uint32_t)((uint64_t)r->rpa + r->size - 1), own, pool_name[pl],
                           pool_lo[pl], pool_hi[pl] - 1);
                continue;
            }
            claim(r->rpa, r->size, own, r->pos);
            r->placed = 1;
        }
    }
    /* RAM of guests whose DMA zone lies in it: identity at real 0 */
    for (int gi = 0; gi < m->nr_guests; gi++) {
        struct m_guest *g = &m->guests[gi];
        if (!g->zone_in_ram || !g->zone_size) continue;
        for (int k = 0; k < g->nr_regions; k++) {
            struct m_region *r = &g->regions[k];
            if (r->kind != TVP_MEM_RAM || r->fixed) continue;
            owner_of(g, r, own, sizeof own);
            if (!is_free(0, r->size)) {
                for (int i = 0; i < nr_used; i++)
                    if (overlaps(0, r->size, used[i].base, used[i].size)) {
                        diag_error(ytree_at("guests/%d/dma_group", gi), "DMA zone 0x%08x..0x%08x of guest '%s' "
                                   "cannot satisfy guest-physical == real-physical: its RAM must sit at real "
                                   "0x0, where 0x%08x..0x%08x is %s", g->zone_base,
                                   g->zone_base + g->zone_size - 1, g->name, used[i].base,
                                   used[i].base + used[i].size - 1, used[i].owner);
                        break;
                    }
                r->placed = -1;
                continue;
            }
            r->rpa = 0;
            claim(0, r->size, own, r->pos);
            r->placed = 1;
        }
    }
    /* the rest, in configuration order */
    for (int gi = 0; gi < m->nr_guests; gi++) {
        struct m_guest *g = &m->guests[gi];
        for (int k = 0; k < g->nr_regions; k++) {
            struct m_region *r = &g->regions[k];
            if (r->placed || r->fixed || r->pool < 0) continue;
            owner_of(g, r, own, sizeof own);
            int pl = r->pool;
            if (first_fit(pool_lo[pl], pool_hi[pl], r->size, &r->rpa)) {
                diag_error(r->pos, "%s pool exhausted: %s needs %s, the largest free block left is %s "
                           "(pool 0x%08x..0x%08x)", pool_name[pl], own, SZ(b1, r->size),
                           SZ(b2, largest_free(pool_lo[pl], pool_hi[pl])), pool_lo[pl], pool_hi[pl] - 1);
                continue;
            }
            claim(r->rpa, r->size, own, r->pos);
            r->placed = 1;
        }
    }
    /* aliases: the same real pages as the region they show again */
    for (int gi = 0; gi < m->nr_guests; gi++) {
        struct m_guest *g = &m->guests[gi];
        for (int k = 0; k < g->nr_regions; k++) {
            struct m_region *r = &g->regions[k];
            if (!r->alias) continue;
            const struct m_region *of = &g->regions[r->alias - 1];
            r->rpa = of->rpa, r->placed = of->placed;
        }
    }
    /* identity DMA zones outside guest RAM were fixed; check they are RAM */
}

/* ---- devices and interrupts across guests ------------------------------------ */

static void check_sharing(struct model *m)
{
    for (int a = 0; a < m->nr_guests; a++)
        for (int b = a + 1; b < m->nr_guests; b++) {
            struct m_guest *ga = &m->guests[a], *gb = &m->guests[b];
            for (int i = 0; i < ga->nr_devs; i++)
                for (int j = 0; j < gb->nr_devs; j++) {
                    const struct m_devuse *ua = &ga->devs[i], *ub = &gb->devs[j];
                    /* the USB emulator forwards to the one real controller */
                    if (ua->dev == ub->dev && ua->emulator == TVP_EMU_USB && ub->emulator == TVP_EMU_USB) {
                        diag_error(ub->pos, "device '%s' is emulated for guest '%s' (line %d) and for guest "
                                   "'%s'; the USB controller has one owner", ub->dev->name, ga->name,
                                   ua->pos.line, gb->name);
                        continue;
                    }
                    if (ua->access != TVP_ACCESS_EXCLUSIVE && ub->access != TVP_ACCESS_EXCLUSIVE) continue;
                    if (ua->dev == ub->dev) {
                        diag_error(ub->pos, "device '%s' is given to guest '%s' (%s, line %d) and to guest "
                                   "'%s' (%s); an exclusive device has one owner", ub->dev->name, ga->name,
                                   access_word(ua->access), ua->pos.line, gb->name, access_word(ub->access));
                        continue;
                    }
                    for (int x = 0; x < CHIP_MAX_RANGES && ua->dev->ranges[x].size; x++)
                        for (int y = 0; y < CHIP_MAX_RANGES && ub->dev->ranges[y].size; y++) {
                            const struct chip_range *ra = &ua->dev->ranges[x], *rb = &ub->dev->ranges[y];
                            if (overlaps(ra->base, ra->size, rb->base, rb->size))
                                diag_error(ub->pos, "device '%s' of guest '%s' (0x%08x..0x%08x, %s) overlaps "
                                           "device '%s' of guest '%s' (0x%08x..0x%08x, %s)", ub->dev->name,
                                           gb->name, rb->base, rb->base + rb->size - 1,
                                           access_word(ub->access), ua->dev->name, ga->name, ra->base,
                                           ra->base + ra->size - 1, access_word(ua->access));
                        }
                }
        }
    /* interrupt owners: one guest per vector */
    memset(m->irq_owner, 0, sizeof m->irq_owner);
    for (int gi = 0; gi < m->nr_guests; gi++) {
        struct m_guest *g = &m->guests[gi];
        for (int k = 0; k < g->nr_irqs; k++) {
            int v = g->irqs[k];
            if (m->irq_owner[v]) {
                struct m_guest *o = &m->guests[m->irq_owner[v] - 1];
                /* the device clash (if any) was reported above already */
                int via_dev = 0;
                for (int d = 0; d < g->nr_devs; d++)
                    for (int q = 0; q < CHIP_MAX_VECS && g->devs[d].dev->vecs[q].count; q++)
                        via_dev |= v >= g->devs[d].dev->vecs[q].first &&
                                   v < g->devs[d].dev->vecs[q].first + g->devs[d].dev->vecs[q].count;
                int shared_console = (g->flags & o->flags & TVP_GUEST_CONSOLE) &&
                                     chip_device(m->chip, m->board->console) &&
                                     v >= chip_device(m->chip, m->board->console)->vecs[0].first &&
                                     v < chip_device(m->chip, m->board->console)->vecs[0].first +
                                             chip_device(m->chip, m->board->console)->vecs[0].count;
                if (shared_console) continue; /* the console emulator serves everyone */
                if (!via_dev || 1) {
                    struct pos p = g->pos;
                    for (unsigned i = 0; i < g->y->interrupts_count; i++)
                        if (chip_vector(m->chip, g->y->interrupts[i]) == v)
                            p = ytree_at("guests/%d/interrupts/%u", gi, i);
                    if (!via_dev || p.line != g->pos.line)
                        diag_error(p, "interrupt %d (%s) is given to guest '%s' and to guest '%s'; an "
                                   "interrupt has one owner", v, m->chip->vector_names[v], o->name, g->name);
                }
                continue;
            }
            m->irq_owner[v] = (uint8_t)(gi + 1);
        }
    }
    /* console vectors are the hypervisor's, whoever has a virtual console */
    const struct chip_device *con = chip_device(m->chip, m->board->console);
    for (int q = 0; con && q < CHIP_MAX_VECS && con->vecs[q].count; q++)
        for (int k = 0; k < con->vecs[q].count; k++) m->irq_owner[con->vecs[q].first + k] = 0;
}

/* ---- schedule ------------------------------------------------------------------ */

static int cmp_win(const void *a, const void *b)
{
    const struct m_window *x = a, *y = b;
    return x->start_us < y->start_us ? -1 : x->start_us > y->start_us;
}

static void check_schedule(const struct y_schedule *s, struct model *m)
{
    struct pos fp = ytree_at("schedule/major_frame");
    if (get_time(s->major_frame, fp, "major_frame", &m->major_frame_us)) return;
    if (!m->major_frame_us) {
        diag_error(fp, "'major_frame' must be longer than 0");
        return;
    }
    for (unsigned i = 0; i < s->windows_count && m->nr_windows < TVP_MAX_WINDOWS; i++) {
        const struct y_window *w = &s->windows[i];
        struct m_window mw = { .pos = ytree_at("schedule/windows/%u", i) };
        struct pos gp = ytree_at("schedule/windows/%u/guest", i);
        struct pos sp = ytree_at("schedule/windows/%u/start", i);
        struct pos dp = ytree_at("schedule/windows/%u/duration", i);
        int bad = 0;
        mw.guest = guest_index(m, w->guest);
        if (mw.guest < 0) {
            unknown_guest(m, gp, "guest", w->guest);
            bad = 1;
        }
        bad |= get_time(w->start, sp, "start", &mw.start_us);
        bad |= get_time(w->duration, dp, "duration", &mw.dur_us);
        if (bad) {
            m->windows_bad = 1;
            continue;
        }
        if (!mw.dur_us) {
            diag_error(dp, "'duration' must be longer than 0");
            m->windows_bad = 1;
            continue;
        }
        if ((uint64_t)mw.start_us + mw.dur_us > m->major_frame_us) {
            diag_error(dp, "window %uus..%uus of guest '%s' overruns the major frame of %uus", mw.start_us,
                       mw.start_us + mw.dur_us, w->guest, m->major_frame_us);
            m->windows_bad = 1;
            continue;
        }
        m->guests[mw.guest].has_window = 1;
        m->windows[m->nr_windows++] = mw;
    }
    /* stable order for equal starts: insertion sort keeps config order */
    for (int i = 1; i < m->nr_windows; i++) {
        struct m_window t = m->windows[i];
        int j = i;
        while (j > 0 && cmp_win(&m->windows[j - 1], &t) > 0) {
            m->windows[j] = m->windows[j - 1];
            j--;
        }
        m->windows[j] = t;
    }
    for (int i = 1; i < m->nr_windows; i++) {
        const struct m_window *a = &m->windows[i - 1], *b = &m->windows[i];
        if (b->start_us < a->start_us + a->dur_us)
            diag_error(b->pos, "window %uus..%uus of guest '%s' overlaps window %uus..%uus of guest '%s' "
                       "(line %d)", b->start_us, b->start_us + b->dur_us, m->guests[b->guest].name,
                       a->start_us, a->start_us + a->dur_us, m->guests[a->guest].name, a->pos.line);
    }
    /* The switch to a window begins SCHED_LEAD ticks before its start, and
     * SCHED_LEAD_TLB more when a guest TLB is switched (which guest uses
     * its own TLB is only known at run time), out of the gap before it or
     * else the end of the window before: a window and the gap after it
     * must outlast that, or its guest would never run. */
    uint32_t tpu = m->board->count_hz / 1000000u, lead = SCHED_LEAD + SCHED_LEAD_TLB;
    for (int i = 0; i < m->nr_windows; i++) {
        const struct m_window *a = &m->windows[i];
        uint64_t next = i + 1 < m->nr_windows ? m->windows[i + 1].start_us : (uint64_t)m->major_frame_us + m->windows[0].start_us;
        if ((next - a->start_us) * tpu <= lead)
            diag_error(a->pos, "window %uus..%uus of guest '%s' is too short: the switch to the window after it "
                       "(at %lluus) begins up to %u.%02uus (%u core timer ticks) before that one starts, so this window "
                       "and the gap after it must last longer than that", a->start_us, a->start_us + a->dur_us,
                       m->guests[a->guest].name, (unsigned long long)next, lead / tpu, lead % tpu * 100 / tpu, lead);
    }
    for (int gi = 0; gi < m->nr_guests && !m->windows_bad; gi++)
        if (!m->guests[gi].has_window)
            diag_error(m->guests[gi].pos, "guest '%s' has no window in the schedule: it would never run",
                       m->guests[gi].name);
}

/* ---- channels ------------------------------------------------------------------ */

static void check_channels(const struct y_system *sys, struct model *m)
{
    uint32_t off = 0;
    for (unsigned i = 0; i < sys->channels_count && m->nr_channels < TVP_MAX_CHANNELS; i++) {
        const struct y_channel *y = &sys->channels[i];
        struct m_channel ch = { .y = y, .kind = y->kind == Y_CHAN_QUEUING ? TVP_CHAN_QUEUING : TVP_CHAN_SAMPLING };
        int bad = 0;
        for (int k = 0; k < m->nr_channels; k++)
            if (!strcmp(m->channels[k].y->name, y->name)) {
                diag_error(ytree_at("channels/%u/name", i), "channel name '%s' used twice", y->name);
                bad = 1;
            }
        ch.source = guest_index(m, y->from);
        if (ch.source < 0) {
            unknown_guest(m, ytree_at("channels/%u/from", i), "from", y->from);
            bad = 1;
        }
        for (unsigned t = 0; t < y->to_count; t++) {
            struct pos tp = ytree_at("channels/%u/to/%u", i, t);
            int d = guest_index(m, y->to[t]);
            if (d < 0) {
                unknown_guest(m, tp, "to", y->to[t]);
                bad = 1;
            } else if (d == ch.source) {
                diag_error(tp, "channel '%s' goes from guest '%s' to itself", y->name, y->to[t]);
                bad = 1;
            } else if (ch.dest_mask & (1u << (d + 1))) {
                diag_error(tp, "channel '%s' names destination '%s' twice", y->name, y->to[t]);
                bad = 1;
            } else {
                ch.dest_mask |= (uint8_t)(1u << (d + 1));
            }
        }
        if (ch.kind == TVP_CHAN_QUEUING && y->to_count > 1) {
            diag_error(ytree_at("channels/%u/to", i), "queuing channel '%s' has %u destinations; a queue "
                       "has exactly one reader (use kind: sampling to broadcast)", y->name, y->to_count);
            bad = 1;
        }
        struct pos mp = ytree_at("channels/%u/msg_size", i);
        if (get_size(y->msg_size, mp, "msg_size", &ch.msg_size)) {
            bad = 1;
        } else if (ch.msg_size < 1 || ch.msg_size > TVP_CHAN_MSG_MAX) {
            diag_error(mp, "'msg_size': %u bytes is out of range; valid: 1..%u", ch.msg_size, TVP_CHAN_MSG_MAX);
            bad = 1;
        }
        struct pos dp = ytree_at("channels/%u/depth", i);
        if (ch.kind == TVP_CHAN_SAMPLING) {
            ch.depth = 1;
            if (y->depth && *y->depth != 1) {
                diag_error(dp, "'depth': a sampling channel holds one message (its latest); remove "
                           "'depth' or use kind: queuing");
                bad = 1;
            }
        } else {
            ch.depth = y->depth ? (uint32_t)*y->depth : 4;
            if (y->depth && (*y->depth < 1 || *y->depth > 64)) {
                diag_error(dp, "'depth': %d is out of range; valid: 1..64 messages", *y->depth);
                bad = 1;
            }
        }
        if (bad) continue;
        ch.bytes = ch.depth * align_up(ch.msg_size + 4, 4);
        ch.pool_offset = off;
        off += ch.bytes;
        m->channels[m->nr_channels++] = ch;
    }
    m->channel_pool_bytes = off;
}

/* ---- page cover and device access lists -------------------------------------------- */

static uint32_t lo_attr(uint8_t perm, uint8_t cache)
{
    uint32_t a = MIPS_ENTRYLO_G | ((uint32_t)cache << MIPS_ENTRYLO_C_SHIFT);
    if (perm & TVP_PERM_W) a |= MIPS_ENTRYLO_D;
    if (!(perm & TVP_PERM_X)) a |= MIPS_ENTRYLO_XI;
    return a;
}

static int cmp_range(const void *a, const void *b)
{
    const struct tvp_dev_range *x = a, *y = b;
    return x->base < y->base ? -1 : x->base > y->base;
}

static void build_tables(struct model *m)
{
    const struct chip *c = m->chip;
    m->tlb_total = 0;
    for (int gi = 0; gi < m->nr_guests; gi++) {
        struct m_guest *g = &m->guests[gi];
        /* the device access list: every device range the guest may touch */
        g->nr_list = 0;
        const struct chip_device *intc = NULL, *con = chip_device(c, m->board->console);
        for (int d = 0; d < c->nr_devices; d++)
            if (c->devices[d].flags & CHIP_IMPLICIT) intc = &c->devices[d];
        struct m_devuse all[M_MAX_DEVS + 2];
        int na = 0;
        for (int d = 0; d < g->nr_devs; d++)
            if (!g->devs[d].redundant) all[na++] = g->devs[d];
        if (intc) all[na++] = (struct m_devuse){ intc, TVP_ACCESS_EMULATED, intc->emulator, 0, { 0, 0 } };
        if (con && (g->flags & TVP_GUEST_CONSOLE))
            all[na++] = (struct m_devuse){ con, TVP_ACCESS_EMULATED, TVP_EMU_CONSOLE_UART, 0, { 0, 0 } };
        for (int d = 0; d < na; d++) {
            const struct chip_device *dev = all[d].dev;
            for (int r = 0; r < CHIP_MAX_RANGES && dev->ranges[r].size; r++) {
                g->list[g->nr_list++] = (struct tvp_dev_range){
                    .base = dev->ranges[r].base, .size = dev->ranges[r].size, .access = all[d].access,
                    .emulator = all[d].emulator, .device = (device_id_t)(dev - c->devices) };
                /* whole pages exclusive / write-ignore go straight in the TLB */
                int whole = !(dev->ranges[r].base % PAGE) && !(dev->ranges[r].size % PAGE);
                if (whole && all[d].access != TVP_ACCESS_EMULATED) {
                    uint8_t perm = all[d].access == TVP_ACCESS_EXCLUSIVE ? TVP_PERM_R | TVP_PERM_W : TVP_PERM_R;
                    struct m_region *sr = add_region(g, dev->name, TVP_MEM_SFR, dev->ranges[r].base,
                                                     dev->ranges[r].size, perm, TVP_CACHE_UNCACHED, -1, all[d].pos);
                    if (sr) sr->rpa = sr->gpa, sr->placed = 1;
                }
            }
        }
        qsort(g->list, g->nr_list, sizeof g->list[0], cmp_range);

        struct cover_region cr[M_MAX_REGIONS];
        int n = 0;
        for (int k = 0; k < g->nr_regions; k++) {
            const struct m_region *r = &g->regions[k];
            if (r->placed != 1) continue;
            cr[n++] = (struct cover_region){ r->gpa, r->rpa, r->size, lo_attr(r->perm, r->cache) };
        }
        if (diag_errors()) continue; /* the cover needs a consistent map */
        if (cover_build(cr, n, &g->tree)) {
            diag_error(g->pos, "internal: page cover failed for guest '%s'", g->name);
            continue;
        }
        m->tlb_total += g->tree.entries;
        if (g->tree.entries > TVP_TLB_ENTRIES)
            diag_warning(g->pos, "TLB pressure: guest '%s' alone needs %d TLB entries, the TLB has %d; it "
                         "will refill continuously (align its placements or sizes to bigger pages)",
                         g->name, g->tree.entries, TVP_TLB_ENTRIES);
    }
    if (!diag_errors() && m->tlb_total > TVP_TLB_ENTRIES) {
        char list[256] = "";
        for (int gi = 0; gi < m->nr_guests; gi++) {
            char one[48];
            snprintf(one, sizeof one, "%s%s %d", gi ? ", " : "", m->guests[gi].name, m->guests[gi].tree.entries);
            strncat(list, one, sizeof list - strlen(list) - 1);
        }
        diag_warning(ytree_at("guests"), "TLB pressure: the guests need %d TLB entries together (%s), the TLB "
                     "has %d; guest switches will cost refills", m->tlb_total, list, TVP_TLB_ENTRIES);
    }
}

/* ---- board setup writes ---------------------------------------------------------------- */

static void add_write(struct model *m, uint32_t addr, uint32_t value, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void add_write(struct model *m, uint32_t addr, uint32_t value, const char *fmt, ...)
{
    if (m->nr_writes >= (int)TVP_ARRAY_SIZE(m->writes)) {
        diag_error(ytree_at("guests"), "internal: more than %d board setup writes",
                   (int)TVP_ARRAY_SIZE(m->writes));
        return;
    }
    struct m_write *w = &m->writes[m->nr_writes++];
    w->addr = addr;
    w->value = value;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->why, sizeof w->why, fmt, ap);
    va_end(ap);
}

static void build_setup(struct model *m)
{
    const struct chip *c = m->chip;
    const struct board *b = m->board;
    for (int i = 0; i < b->nr_console_setup; i++)
        add_write(m, b->console_setup[i].addr, b->console_setup[i].value, "%s", b->console_setup[i].why);

    /* the guests' pins (conf/pins.c): each PPS function's register, and a
     * PPS input on an analog-capable pin made digital (ANSELx CLR), before
     * the hypervisor sets IOLOCK (DS60001320 sec. 12.4) */
    for (int gi = 0; gi < m->nr_guests; gi++) {
        const struct m_guest *g = &m->guests[gi];
        for (int k = 0; k < g->nr_pins; k++) {
            const struct m_pin *p = &g->pins[k];
            int port = p->pin >> 4, bit = p->pin & 15;
            if (p->gpio || p->console) continue; /* the console's are the board's, above */
            if (p->output)
                add_write(m, 0xA0000000u | (c->pps_base + p->reg_off), p->value, "RP%c%dR = %s (guest '%s')",
                          'A' + port, bit, p->func, g->name);
            else
                add_write(m, 0xA0000000u | (c->pps_base + p->reg_off), p->value, "%sR = RP%c%d (guest '%s')",
                          p->func, 'A' + port, bit, g->name);
            if (!p->output && (c->port_analog[port] >> bit & 1))
                add_write(m, 0xA0000000u | (c->port_base + 0x100u * (uint32_t)port + 0x4), 1u << bit,
                          "ANSEL%cCLR: R%c%d digital for %s (guest '%s')", 'A' + port, 'A' + port, bit,
                          p->func, g->name);
        }
    }

    /* CFGPG: DMA initiators owned exclusively go to their guest's group */
    uint32_t cfgpg = 0;
    for (int gi = 0; gi < m->nr_guests; gi++) {
        const struct m_guest *g = &m->guests[gi];
        for (int d = 0; d < g->nr_devs; d++)
            if (g->devs[d].dev->dma_pg_shift >= 0 && g->devs[d].access == TVP_ACCESS_EXCLUSIVE && g->dma_group)
                cfgpg |= (uint32_t)g->dma_group << g->devs[d].dev->dma_pg_shift;
    }
    add_write(m, c->cfgpg_addr, cfgpg, "CFGPG: DMA initiators to their guests' permission groups");

    /* bus protection: each DMA zone a region readable/writable by group 0
     * (CPU, hypervisor) and its guest's group; RAM region 0 of the RAM
     * targets then allows group 0 only */
    int any = 0, next_region[16] = { 0 };
    for (int gi = 0; gi < m->nr_guests; gi++) {
        const struct m_guest *g = &m->guests[gi];
        if (!g->dma_group || !g->zone_size) continue;
        int t;
        for (t = 0; t < c->nr_sb_targets; t++)
            if (t >= 2 && t <= 3 && g->zone_base >= c->sb_targets[t].base &&
                g->zone_base + g->zone_size <= c->sb_targets[t].base + c->sb_targets[t].size)
                break;
        if (t >= c->nr_sb_targets) {
            diag_error(ytree_at("guests/%d/dma_group", gi), "DMA zone 0x%08x..0x%08x of guest '%s' spans both "
                       "RAM bus-protection targets (0x0..0x3ffff, 0x40000..0x7ffff); keep it inside one",
                       g->zone_base, g->zone_base + g->zone_size - 1, g->name);
            continue;
        }
        int region = ++next_region[t];
        if (region > c->sb_targets[t].nr_regions) {
            diag_error(ytree_at("guests/%d/dma_group", gi), "no bus-protection region left in target %d for "
                       "the DMA zone of guest '%s'", t, g->name);
            continue;
        }
        uint32_t blk = c->sb_base + 0x400u * (uint32_t)t;
        uint32_t size_code = 1;
        while ((1024u << (size_code - 1)) < g->zone_size) size_code++;
        uint32_t reg = (g->zone_base & ~0x3ffu) | (1u << 9) | (size_code << 3);
        uint32_t groups = 1u | (1u << g->dma_group);
        add_write(m, blk + 0x40 + 0x20u * region, reg, "SBT%dREG%d: DMA zone of '%s' 0x%08x +%u KB",
                  t, region, g->name, g->zone_base, g->zone_size / 1024);
        add_write(m, blk + 0x50 + 0x20u * region, groups, "SBT%dRD%d: groups 0 and %d", t, region, g->dma_group);
        add_write(m, blk + 0x58 + 0x20u * region, groups, "SBT%dWR%d: groups 0 and %d", t, region, g->dma_group);
        any = 1;
    }
    if (any)
        for (int t = 2; t <= 3; t++) {
            uint32_t blk = c->sb_base + 0x400u * (uint32_t)t;
            add_write(m, blk + 0x50, 1, "SBT%dRD0: rest of RAM, group 0 only", t);
            add_write(m, blk + 0x58, 1, "SBT%dWR0: rest of RAM, group 0 only", t);
        }

    /* PMD: switch off every module no guest has and the hypervisor does not use */
    uint32_t pmd[8] = { 0 };
    for (int d = 0; d < c->nr_devices; d++) {
        const struct chip_device *dev = &c->devices[d];
        if (!dev->pmd_reg) continue;
        int used_by = !strcmp(dev->name, b->console);
        for (int gi = 0; gi < m->nr_guests; gi++)
            for (int k = 0; k < m->guests[gi].nr_devs; k++)
                used_by |= m->guests[gi].devs[k].dev == dev;
        if (!used_by) pmd[dev->pmd_reg] |= 1u << dev->pmd_bit;
    }
    for (int r = 1; r <= 7; r++)
        add_write(m, c->pmd_base + 0x10u * (uint32_t)(r - 1), pmd[r], "PMD%d: modules no one uses off", r);
}

/* ---- top level ------------------------------------------------------------------------- */

static int valid_name(const char *s)
{
    if (!isalpha((unsigned char)s[0])) return 0;
    for (const char *p = s; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-') return 0;
    return 1;
}

void check_system(const struct y_system *sys, const struct check_opts *o, struct model *m)
{
    memset(m, 0, sizeof *m);
    m->config_path = o->config_path;
    char b1[32];

    m->board = board_find(sys->board);
    if (!m->board) {
        const char *names[8];
        for (int i = 0; i < nr_boards && i < 8; i++) names[i] = boards[i]->name;
        const char *near = diag_nearest(sys->board, names, nr_boards);
        diag_error(ytree_at("board"), "unknown board '%s'%s%s%s (boards: wifire)", sys->board,
                   near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
        return;
    }
    m->chip = m->board->chip;
    const struct chip *c = m->chip;

    /* hypervisor */
    m->shell = 1;
    m->hv_flash_size = m->board->hv_flash_default;
    m->hv_ram_size = m->board->hv_ram_default;
    if (sys->hypervisor) {
        const struct y_hypervisor *h = sys->hypervisor;
        if (h->console && strcmp(h->console, m->board->console))
            diag_error(ytree_at("hypervisor/console"), "'console': board %s has its console on '%s', not '%s'",
                       m->board->name, m->board->console, h->console);
        if (h->shell) m->shell = *h->shell;
        struct pos fp = ytree_at("hypervisor/flash"), rp = ytree_at("hypervisor/ram");
        if (h->flash && !get_size(h->flash, fp, "flash", &m->hv_flash_size)) {
            page_aligned(m->hv_flash_size, fp, "flash", "size");
            if (m->hv_flash_size < 16 * 1024 || m->hv_flash_size > c->flash_size / 2) {
                units_fmt_size(b1, sizeof b1, c->flash_size / 2);
                diag_error(fp, "'flash': the hypervisor needs 16K..%s of program flash, not %s", b1, h->flash);
                m->hv_flash_size = m->board->hv_flash_default;
            }
        }
        if (h->ram && !get_size(h->ram, rp, "ram", &m->hv_ram_size)) {
            page_aligned(m->hv_ram_size, rp, "ram", "size");
            if (m->hv_ram_size < 16 * 1024 || m->hv_ram_size > c->ram_size / 2) {
                units_fmt_size(b1, sizeof b1, c->ram_size / 2);
                diag_error(rp, "'ram': the hypervisor needs 16K..%s of RAM, not %s", b1, h->ram);
                m->hv_ram_size = m->board->hv_ram_default;
            }
        }
        m->hv_flash_size = align_up(m->hv_flash_size, PAGE);
        m->hv_ram_size = align_up(m->hv_ram_size, PAGE);
    }
    /* the hypervisor's flash holds EBase (0x9D000000) at the start of
     * program flash; its RAM is the top of RAM, so a DMA guest can have its
     * RAM at real 0 (guest-physical == real-physical) */
    m->hv_flash_base = c->flash_base;
    m->hv_ram_base = c->ram_base + c->ram_size - m->hv_ram_size;

    /* guests: names first, so windows and channels can refer to them */
    m->nr_guests = (int)(sys->guests_count > TVP_MAX_GUESTS ? TVP_MAX_GUESTS : sys->guests_count);
    for (int gi = 0; gi < m->nr_guests; gi++) {
        struct m_guest *g = &m->guests[gi];
        g->y = &sys->guests[gi];
        g->id = gi + 1;
        g->pos = ytree_at("guests/%d/name", gi);
        snprintf(g->name, sizeof g->name, "%s", g->y->name);
        if (!valid_name(g->name))
            diag_error(g->pos, "guest name '%s' must start with a letter and hold only letters, digits, "
                       "'_' and '-'", g->name);
        for (int k = 0; k < gi; k++)
            if (!strcmp(m->guests[k].name, g->name))
                diag_error(g->pos, "guest name '%s' used twice (first at line %d)", g->name, m->guests[k].pos.line);
    }
    for (int gi = 0; gi < m->nr_guests; gi++) check_guest(m, &m->guests[gi], gi, o);

    /* one DMA group per guest: the group is the isolation unit */
    for (int a = 0; a < m->nr_guests; a++)
        for (int b = 0; b < a; b++)
            if (m->guests[a].dma_group && m->guests[a].dma_group == m->guests[b].dma_group)
                diag_error(ytree_at("guests/%d/dma_group", a), "dma_group %d is already guest '%s''s (line %d); "
                           "each DMA guest needs its own group, so at most %d guests can do DMA",
                           m->guests[a].dma_group, m->guests[b].name,
                           ytree_at("guests/%d/dma_group", b).line, TVP_MAX_DMA_GROUPS);

    /* a DMA channel has one owner */
    for (int a = 0; a < m->nr_guests; a++)
        for (int b = 0; b < a; b++) {
            unsigned both = m->guests[a].dma_chans & m->guests[b].dma_chans;
            if (both)
                diag_error(m->guests[a].dma_chans_pos, "DMA channel %d of guest '%s' is already guest '%s''s "
                           "(line %d); each channel has one owner: give each guest its own 'dma_channels'",
                           __builtin_ctz(both), m->guests[a].name, m->guests[b].name,
                           m->guests[b].dma_chans_pos.line);
        }

    place(m);
    check_sharing(m);
    check_pins(m);
    check_schedule(sys->schedule, m);
    check_channels(sys, m);
    /* the channel pool is a static array in the hypervisor's RAM, beside
     * its own data and stack (up to ~16K with 7 guests): 24K kept for those */
    if (m->channel_pool_bytes > m->hv_ram_size - 24 * 1024) {
        units_fmt_size(b1, sizeof b1, m->hv_ram_size);
        diag_error(ytree_at("channels"), "the channels need a pool of %u bytes; the hypervisor's RAM (%s) "
                   "keeps 24K for itself and has %u bytes left: raise 'hypervisor: ram' or lower "
                   "msg_size or depth", m->channel_pool_bytes, b1, m->hv_ram_size - 24 * 1024);
    }
    build_setup(m);
    build_tables(m);
}

void model_free(struct model *m)
{
    for (int gi = 0; gi < m->nr_guests; gi++) {
        image_free(&m->guests[gi].img);
        free(m->guests[gi].image_path);
        cover_free(&m->guests[gi].tree);
    }
}

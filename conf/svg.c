/*
 * The two pictures next to the report: the major frame (one track per
 * guest, one bar per window, the idle gaps, a time axis) and the memory
 * map (program flash and RAM, every real region of every guest and of the
 * hypervisor as a box proportional to its size, the free space between).
 *
 * Plain SVG 1.1 (W3C Scalable Vector Graphics 1.1, Second Edition):
 * rect, line, text and title elements with presentation attributes only,
 * so any viewer shows them the same. Every bar carries a <title> (a
 * tooltip in browsers) stating exactly what the report says, and a class
 * ("window", "gap", "region", "free") that tools and the tests select on.
 * Coordinates are computed in integers (hundredths of a pixel) and every
 * name goes through sb_xml: the same model gives the same bytes.
 */
#include "svg.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "units.h"

#define WIDTH 960
#define LEFT 120   /* room for the track names */
#define RIGHT 30
#define PLOT_W (WIDTH - LEFT - RIGHT)

/* Okabe & Ito's colour-blind-safe palette, one colour per guest id 1..7;
 * the hypervisor is grey. */
static const char *const guest_fill[] = { "#999999", "#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                          "#0072B2", "#D55E00", "#CC79A7" };

static const char *fill_of(int id)
{
    return id >= 0 && id < (int)(sizeof guest_fill / sizeof guest_fill[0]) ? guest_fill[id] : "#999999";
}

/* A coordinate in hundredths of a pixel, printed with at most two decimals. */
static void fx(char out[24], uint64_t centi)
{
    if (centi % 100 == 0)
        snprintf(out, 24, "%" PRIu64, centi / 100);
    else if (centi % 10 == 0)
        snprintf(out, 24, "%" PRIu64 ".%" PRIu64, centi / 100, centi / 10 % 10);
    else
        snprintf(out, 24, "%" PRIu64 ".%02" PRIu64, centi / 100, centi % 100);
}

/* v scaled into [0, PLOT_W] pixels for a whole of `full`, in hundredths.
 * A bar's width is the scaled length itself (not the difference of two
 * scaled ends), so equal lengths give equal widths. */
static uint64_t scale(uint64_t v, uint64_t full)
{
    return full ? (v * PLOT_W * 100 + full / 2) / full : 0;
}

static void head(struct sbuf *b, int height, const char *what, const char *cfgname)
{
    sb_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" "
                 "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
              WIDTH, height, WIDTH, height);
    sb_printf(b, "<title>tinyVP %s: ", what);
    sb_xml(b, cfgname);
    sb_printf(b, "</title>\n");
    sb_printf(b, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", WIDTH, height);
    sb_printf(b, "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">tinyVP %s: ", what);
    sb_xml(b, cfgname);
    sb_printf(b, "</text>\n");
}

/* A box with its tooltip; the caller adds the title text. */
static void box_open(struct sbuf *b, const char *cls, uint64_t x, uint64_t y, uint64_t w, uint64_t h,
                     const char *fill, const char *extra)
{
    char sx[24], sy[24], sw[24], sh[24];
    fx(sx, x), fx(sy, y), fx(sw, w), fx(sh, h);
    sb_printf(b, "<rect class=\"%s\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\" stroke=\"#333333\" "
                 "stroke-width=\"0.5\"%s><title>",
              cls, sx, sy, sw, sh, fill, extra);
}

static void text_at(struct sbuf *b, uint64_t x, uint64_t y, const char *anchor, const char *s)
{
    char sx[24], sy[24];
    fx(sx, x), fx(sy, y);
    sb_printf(b, "<text x=\"%s\" y=\"%s\"%s%s%s>", sx, sy, anchor ? " text-anchor=\"" : "", anchor ? anchor : "",
              anchor ? "\"" : "");
    sb_xml(b, s);
    sb_printf(b, "</text>\n");
}

/* Rough width of s in pixels at font-size 12, to decide where a label fits. */
static uint64_t text_w(const char *s)
{
    return (uint64_t)strlen(s) * 700;
}

/* ---- schedule.svg ---------------------------------------------------------- */

/* Time for the axis: in ms with up to three decimals when ms, else in us. */
static void fmt_time(char *out, size_t n, uint32_t us, int in_ms)
{
    if (!in_ms)
        snprintf(out, n, "%u us", us);
    else if (us % 1000 == 0)
        snprintf(out, n, "%u ms", us / 1000);
    else if (us % 100 == 0)
        snprintf(out, n, "%u.%u ms", us / 1000, us % 1000 / 100);
    else if (us % 10 == 0)
        snprintf(out, n, "%u.%02u ms", us / 1000, us % 1000 / 10);
    else
        snprintf(out, n, "%u.%03u ms", us / 1000, us % 1000);
}

#define TRACK_H 30
#define BAR_H 20

void svg_schedule(struct sbuf *b, const struct model *m, const char *cfgname)
{
    const uint32_t frame = m->major_frame_us;
    const int top = 60, tracks = m->nr_guests + 1; /* guests, then the idle track */
    const int axis_y = top + tracks * TRACK_H + 6;
    const int height = axis_y + 44;
    const int in_ms = frame >= 2000;
    char s1[64], s2[64], s3[160];

    head(b, height, "major frame", cfgname);
    fmt_time(s1, sizeof s1, frame, in_ms);
    uint32_t busy = 0;
    for (int i = 0; i < m->nr_windows; i++) busy += m->windows[i].dur_us;
    sb_printf(b, "<text x=\"10\" y=\"42\">major frame %s (%u us), %d window%s, hypervisor idle %u us</text>\n", s1,
              frame, m->nr_windows, m->nr_windows == 1 ? "" : "s", frame - busy);

    /* the frame itself: the plot area, repeated cyclically */
    box_open(b, "frame", LEFT * 100, (uint64_t)top * 100, PLOT_W * 100, (uint64_t)tracks * TRACK_H * 100, "#f7f7f7",
             "");
    sb_printf(b, "major frame: 0..%u us, repeated</title></rect>\n", frame);

    /* track names */
    for (int t = 0; t < tracks; t++) {
        uint64_t y = (uint64_t)(top + t * TRACK_H + TRACK_H / 2 + 4) * 100;
        if (t < m->nr_guests)
            snprintf(s3, sizeof s3, "%d %s", m->guests[t].id, m->guests[t].name);
        else
            snprintf(s3, sizeof s3, "idle");
        text_at(b, (LEFT - 8) * 100, y, "end", s3);
    }

    /* one bar per window, on its guest's track */
    for (int i = 0; i < m->nr_windows; i++) {
        const struct m_window *w = &m->windows[i];
        const struct m_guest *g = &m->guests[w->guest];
        uint64_t x = LEFT * 100 + scale(w->start_us, frame), x2 = x + scale(w->dur_us, frame);
        uint64_t y = (uint64_t)(top + w->guest * TRACK_H + (TRACK_H - BAR_H) / 2) * 100;
        box_open(b, "window", x, y, x2 - x, BAR_H * 100, fill_of(g->id), "");
        sb_xml(b, g->name);
        sb_printf(b, " window %d: start %u us, length %u us, end %u us</title></rect>\n", i + 1, w->start_us,
                  w->dur_us, w->start_us + w->dur_us);
        fmt_time(s1, sizeof s1, w->start_us, in_ms);
        fmt_time(s2, sizeof s2, w->dur_us, in_ms);
        snprintf(s3, sizeof s3, "%s +%s", s1, s2);
        if (text_w(s3) + 800 <= x2 - x) text_at(b, x + 400, y + BAR_H * 100 - 600, NULL, s3);
    }

    /* the gaps: hypervisor idle time */
    uint32_t t = 0;
    uint64_t gy = (uint64_t)(top + m->nr_guests * TRACK_H + (TRACK_H - BAR_H) / 2) * 100;
    for (int i = 0; i <= m->nr_windows; i++) {
        uint32_t end = i < m->nr_windows ? m->windows[i].start_us : frame;
        if (end > t) {
            uint64_t x = LEFT * 100 + scale(t, frame), x2 = x + scale(end - t, frame);
            box_open(b, "gap", x, gy, x2 - x, BAR_H * 100, "#dddddd", " stroke-dasharray=\"3,2\"");
            sb_printf(b, "idle: start %u us, length %u us, end %u us</title></rect>\n", t, end - t, end);
        }
        if (i < m->nr_windows) t = m->windows[i].start_us + m->windows[i].dur_us;
    }

    /* time axis: 1-2-5 steps, about ten of them, and the frame's end */
    uint64_t step = 1;
    while (step * 10 < frame) {
        if (step * 2 * 10 >= frame) { step *= 2; break; }
        if (step * 5 * 10 >= frame) { step *= 5; break; }
        step *= 10;
    }
    sb_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>\n", LEFT, axis_y, LEFT + PLOT_W,
              axis_y);
    for (uint64_t tick = 0;; tick += step) {
        if (tick >= frame) tick = frame;
        uint64_t x = LEFT * 100 + scale(tick, frame);
        /* a step too close to the end would collide with the end's label */
        if (tick < frame && (uint64_t)(LEFT + PLOT_W) * 100 - x < 6000) continue;
        char sx[24];
        fx(sx, x);
        sb_printf(b, "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"#333333\"/>\n", sx, axis_y, sx,
                  axis_y + 5);
        fmt_time(s1, sizeof s1, (uint32_t)tick, in_ms);
        text_at(b, x, (uint64_t)(axis_y + 18) * 100, "middle", s1);
        if (tick == frame) break;
    }
    fmt_time(s1, sizeof s1, frame, in_ms);
    snprintf(s3, sizeof s3, "time in the major frame (%s, then it repeats)", s1);
    text_at(b, (LEFT + PLOT_W / 2) * 100, (uint64_t)(axis_y + 36) * 100, "middle", s3);
    sb_printf(b, "</svg>\n");
}

/* ---- memory.svg --------------------------------------------------------------- */

struct mem_box {
    uint32_t base, size;
    int owner;            /* guest id, 0 the hypervisor, -1 free */
    const char *owner_name, *what;
};

#define MAX_BOXES (TVP_MAX_GUESTS * M_MAX_REGIONS + 8)
#define ROW_H 18

static int collect(const struct model *m, uint32_t base, uint32_t size, struct mem_box *bx)
{
    int n = 0;
    if (m->hv_flash_size && m->hv_flash_base >= base && m->hv_flash_base - base < size)
        bx[n++] = (struct mem_box){ m->hv_flash_base, m->hv_flash_size, 0, "hypervisor", "flash" };
    if (m->hv_ram_size && m->hv_ram_base >= base && m->hv_ram_base - base < size)
        bx[n++] = (struct mem_box){ m->hv_ram_base, m->hv_ram_size, 0, "hypervisor", "ram" };
    for (int gi = 0; gi < m->nr_guests; gi++) {
        const struct m_guest *g = &m->guests[gi];
        for (int k = 0; k < g->nr_regions && n < MAX_BOXES; k++) {
            const struct m_region *r = &g->regions[k];
            if (r->placed != 1 || r->rpa < base || r->rpa - base >= size || r->alias) continue; /* an alias: drawn once */
            bx[n++] = (struct mem_box){ r->rpa, r->size, g->id, g->name, r->name };
        }
    }
    /* by address (owners never overlap in real memory: check.c refuses it) */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && bx[j - 1].base > bx[j].base; j--) {
            struct mem_box t = bx[j];
            bx[j] = bx[j - 1];
            bx[j - 1] = t;
        }
    /* the free space in between, as boxes of their own */
    struct mem_box all[MAX_BOXES * 2 + 1];
    int na = 0;
    uint64_t at = base;
    for (int i = 0; i < n; i++) {
        if (bx[i].base > at) all[na++] = (struct mem_box){ (uint32_t)at, (uint32_t)(bx[i].base - at), -1, "", "free" };
        all[na++] = bx[i];
        if ((uint64_t)bx[i].base + bx[i].size > at) at = (uint64_t)bx[i].base + bx[i].size;
    }
    if (at < (uint64_t)base + size)
        all[na++] = (struct mem_box){ (uint32_t)at, (uint32_t)((uint64_t)base + size - at), -1, "", "free" };
    memcpy(bx, all, (size_t)na * sizeof *bx);
    return na;
}

/* One memory: an overview strip, then one row per box, each placed and
 * sized to scale, its label where it fits. Returns the next free y. */
static int panel(struct sbuf *b, int y, const char *title, uint32_t base, uint32_t size, const struct mem_box *bx,
                 int n)
{
    char s1[32], s2[32], lab[192];
    units_fmt_size(s1, sizeof s1, size);
    snprintf(lab, sizeof lab, "%s 0x%08x..0x%08x (%s)", title, base, base + size - 1, s1);
    sb_printf(b, "<text x=\"10\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">", y + 14);
    sb_xml(b, lab);
    sb_printf(b, "</text>\n");
    y += 22;
    /* the strip: the whole memory at a glance */
    box_open(b, "memory", LEFT * 100, (uint64_t)y * 100, PLOT_W * 100, 2200, "#ffffff", "");
    sb_xml(b, lab);
    sb_printf(b, "</title></rect>\n");
    for (int i = 0; i < n; i++) {
        uint64_t x = LEFT * 100 + scale(bx[i].base - base, size), x2 = x + scale(bx[i].size, size);
        box_open(b, "strip", x, (uint64_t)y * 100, x2 - x, 2200, bx[i].owner < 0 ? "#ffffff" : fill_of(bx[i].owner),
                 "");
        sb_xml(b, bx[i].owner_name);
        sb_printf(b, "%s%s</title></rect>\n", bx[i].owner < 0 ? "" : " ", bx[i].what);
    }
    text_at(b, (LEFT - 8) * 100, (uint64_t)(y + 15) * 100, "end", "all");
    y += 30;
    for (int i = 0; i < n; i++, y += ROW_H) {
        const struct mem_box *x0 = &bx[i];
        uint64_t x = LEFT * 100 + scale(x0->base - base, size), x2 = x + scale(x0->size, size);
        units_fmt_size(s2, sizeof s2, x0->size);
        if (x0->owner < 0) {
            box_open(b, "free", x, (uint64_t)y * 100, x2 - x, (ROW_H - 4) * 100, "#ffffff",
                     " stroke-dasharray=\"3,2\"");
            sb_printf(b, "free: real 0x%08x..0x%08x, %s</title></rect>\n", x0->base, x0->base + x0->size - 1, s2);
            snprintf(lab, sizeof lab, "free  0x%08x..0x%08x  %s", x0->base, x0->base + x0->size - 1, s2);
        } else {
            box_open(b, "region", x, (uint64_t)y * 100, x2 - x, (ROW_H - 4) * 100, fill_of(x0->owner), "");
            sb_xml(b, x0->owner_name);
            sb_printf(b, " ");
            sb_xml(b, x0->what);
            sb_printf(b, ": real 0x%08x..0x%08x, %s</title></rect>\n", x0->base, x0->base + x0->size - 1, s2);
            snprintf(lab, sizeof lab, "%s %s  0x%08x..0x%08x  %s", x0->owner_name, x0->what, x0->base,
                     x0->base + x0->size - 1, s2);
        }
        if (x0->owner >= 0) text_at(b, (LEFT - 8) * 100, (uint64_t)(y + 11) * 100, "end", x0->owner_name);
        /* the label right of the box, else left of it, else inside */
        uint64_t tw = text_w(lab), ty = (uint64_t)(y + 11) * 100;
        if (x2 + 500 + tw <= (uint64_t)(LEFT + PLOT_W) * 100)
            text_at(b, x2 + 500, ty, NULL, lab);
        else if (x >= LEFT * 100 + tw + 500)
            text_at(b, x - 500, ty, "end", lab);
        else
            text_at(b, x + 500, ty, NULL, lab);
    }
    return y + 12;
}

void svg_memory(struct sbuf *b, const struct model *m, const char *cfgname)
{
    static struct mem_box fl[MAX_BOXES * 2 + 1], ram[MAX_BOXES * 2 + 1];
    const struct chip *c = m->chip;
    int nf = collect(m, c->flash_base, c->flash_size, fl);
    int nr = collect(m, c->ram_base, c->ram_size, ram);
    int height = 50 + 2 * (22 + 30 + 12) + (nf + nr) * ROW_H + 30;
    head(b, height, "memory map", cfgname);
    sb_printf(b, "<text x=\"10\" y=\"42\">real (physical) addresses; boxes to scale within each memory; the "
                 "guests see their own guest-physical map (report.txt)</text>\n");
    int y = panel(b, 56, "program flash", c->flash_base, c->flash_size, fl, nf);
    y = panel(b, y, "RAM", c->ram_base, c->ram_size, ram, nr);
    (void)y;
    sb_printf(b, "</svg>\n");
}

/*
 * Outputs of a checked model: the C tables, the limits header, the human
 * report, the flash layout (linker fragments, guest blobs, guests.S) and
 * guests.hex. Everything is produced in memory first and then written
 * atomically: each file goes to a temporary name in the output directory
 * and is renamed only after all of them were written, so an error leaves
 * nothing half-written. No timestamps, no host paths beyond what the
 * configuration says, fixed order: the same input gives the same bytes.
 */
#include "emit.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "access.h"
#include "sbuf.h"
#include "svg.h"
#include "units.h"

/* ---- the set of output files -------------------------------------------------- */

#define MAX_FILES 128

struct outfile {
    char name[64];
    const char *path; /* not in the output directory but here (the dependency file) */
    struct sbuf body;
};

/* Input-select registers: offsets 0 .. 4 * (n - 1) of the PPS block. */
static int pps_in_regs(const struct chip *c)
{
    int n = 0;
    for (int k = 0; k < c->nr_pps_in; k++)
        if (c->pps_in[k].reg_off / 4 + 1 > n) n = c->pps_in[k].reg_off / 4 + 1;
    return n;
}

/* Guests with pins routed through the PPS block (not GPIO): only then
 * does the hypervisor check PPS writes and name the registers. */
static int pps_guests(const struct model *m)
{
    int n = 0;
    for (int gi = 0; gi < m->nr_guests; gi++) {
        int np = 0;
        for (int k = 0; k < m->guests[gi].nr_pins; k++) np += !m->guests[gi].pins[k].gpio;
        n += np != 0;
    }
    return n;
}

/* Guests with a write-ignore-log device: only then does the hypervisor
 * log dropped writes, with the device's name (tvp_device_names). */
static int wi_log_guests(const struct model *m)
{
    int n = 0;
    for (int gi = 0; gi < m->nr_guests; gi++) {
        int wl = 0;
        for (int k = 0; k < m->guests[gi].nr_list; k++) wl |= m->guests[gi].list[k].access == TVP_ACCESS_WRITE_IGNORE_LOG;
        n += wl;
    }
    return n;
}

static struct outfile files[MAX_FILES];
static int nr_files;

static struct sbuf *new_file(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static struct sbuf *new_file(const char *fmt, ...)
{
    if (nr_files >= MAX_FILES) { fprintf(stderr, "vpconf: too many output files\n"); exit(2); }
    struct outfile *f = &files[nr_files++];
    memset(f, 0, sizeof *f);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->name, sizeof f->name, fmt, ap);
    va_end(ap);
    return &f->body;
}

static void drop_files(void)
{
    for (int i = 0; i < nr_files; i++) free(files[i].body.s);
    nr_files = 0;
}

static int mkdirs(const char *dir)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", dir);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            if (mkdir(buf, 0777) && errno != EEXIST) return -1;
            *p = '/';
        }
    if (mkdir(buf, 0777) && errno != EEXIST) return -1;
    return 0;
}

/* Where file i goes and its temporary name beside it: OUTDIR/NAME, or its
 * own path (the dependency file). 0, or -1 when a path is too long. */
static int file_paths(const char *dir, int i, char *fin, char *tmp, size_t n)
{
    const struct outfile *f = &files[i];
    int a, b;
    if (f->path) {
        const char *slash = strrchr(f->path, '/');
        a = snprintf(fin, n, "%s", f->path);
        b = slash ? snprintf(tmp, n, "%.*s/.%s.vpconf-tmp", (int)(slash - f->path), f->path, slash + 1)
                  : snprintf(tmp, n, ".%s.vpconf-tmp", f->path);
    } else {
        a = snprintf(fin, n, "%s/%s", dir, f->name);
        b = snprintf(tmp, n, "%s/.%s.vpconf-tmp", dir, f->name);
    }
    return a < 0 || b < 0 || (size_t)a >= n || (size_t)b >= n ? -1 : 0;
}

/* Writes every file under a temporary name, then renames them all. With
 * no dir, only the files that have their own path are written. */
static int commit_files(const char *dir)
{
    static char tmp[MAX_FILES][4200];
    char fin[4200];
    int written = 0, rc = 0;
    if (dir && mkdirs(dir)) {
        fprintf(stderr, "vpconf: cannot create output directory '%s': %s\n", dir, strerror(errno));
        return -1;
    }
    for (int i = 0; i < nr_files; i++) {
        tmp[i][0] = 0;
        written = i + 1;
        if (!dir && !files[i].path) continue;
        FILE *f = file_paths(dir, i, fin, tmp[i], sizeof tmp[i]) ? NULL : fopen(tmp[i], "wb");
        if (!f) {
            fprintf(stderr, "vpconf: cannot write '%s': %s\n", tmp[i][0] ? tmp[i] : fin,
                    tmp[i][0] ? strerror(errno) : "path too long");
            tmp[i][0] = 0;
            rc = -1;
            break;
        }
        size_t n = files[i].body.len;
        if ((n && fwrite(files[i].body.s, 1, n, f) != n) | (fclose(f) != 0)) {
            fprintf(stderr, "vpconf: cannot write '%s': %s\n", tmp[i], strerror(errno));
            rc = -1;
            break;
        }
    }
    if (rc) {
        for (int i = 0; i < written; i++)
            if (tmp[i][0]) unlink(tmp[i]);
        return -1;
    }
    for (int i = 0; i < nr_files; i++) {
        if (!tmp[i][0]) continue;
        file_paths(dir, i, fin, tmp[i], sizeof tmp[i]);
        if (rename(tmp[i], fin)) {
            fprintf(stderr, "vpconf: cannot rename '%s' to '%s': %s\n", tmp[i], fin, strerror(errno));
            for (int k = i; k < nr_files; k++)
                if (tmp[k][0]) unlink(tmp[k]);
            return -1;
        }
    }
    return 0;
}

/* ---- names ------------------------------------------------------------------- */

static const char *const emu_c[] = { "TVP_EMU_NONE", "TVP_EMU_EVIC", "TVP_EMU_CONSOLE_UART", "TVP_EMU_DMA", "TVP_EMU_USB" };
static const char *const emu_h[] = { "", "intc emulator", "console UART emulator", "DMA emulator",
                                     "USB DMA emulator" };
static const char *const kind_c[] = { "TVP_MEM_RAM", "TVP_MEM_FLASH", "TVP_MEM_BOOT", "TVP_MEM_EXTRA", "TVP_MEM_SFR" };
static const char *const kind_h[] = { "ram", "flash", "boot_flash", "region", "sfr" };
static const char *const fault_c[] = { "TVP_ON_FAULT_RESTART", "TVP_ON_FAULT_STOP", "TVP_ON_FAULT_REFLECT",
                                       "TVP_ON_FAULT_LOG" };
static const char *const fault_h[] = { "restart", "stop", "reflect", "log" };
/* the `health:` keys, in the order of enum tvp_hm_kind */
static const char *const hm_kind_h[TVP_HM_KINDS] = { "memory", "illegal", "fpu", "bus", "watchdog", "dma", "debug" };

/* The stores that put guest g's exclusive devices back to their reset
 * values (the chip's table of resets, by kind of device: its name without
 * the unit number; a port's TRIS and ANSEL from its pins), in device
 * order; devices inside another of the same guest are done by that one.
 * Written into b as table entries when b is given; the count returned. */
static int reset_writes(const struct model *m, const struct m_guest *g, struct sbuf *b)
{
    const struct chip *c = m->chip;
    int n = 0;
    for (int d = 0; d < g->nr_devs; d++) {
        const struct m_devuse *u = &g->devs[d];
        if (u->access != TVP_ACCESS_EXCLUSIVE || u->redundant || !u->dev->ranges[0].size) continue;
        char kind[16];
        snprintf(kind, sizeof kind, "%s", u->dev->name);
        int port0 = 0, nports = 1, port = !strncmp(kind, "port", 4);
        if (port) { /* porta..portg, or ports: all of them */
            port0 = kind[4] == 's' ? 0 : kind[4] - 'a';
            nports = kind[4] == 's' ? c->nr_ports : 1;
            kind[4] = 0;
        } else {
            for (size_t l = strlen(kind); l && kind[l - 1] >= '0' && kind[l - 1] <= '9'; l--) kind[l - 1] = 0;
        }
        for (int p = port0; p < port0 + nports; p++) {
            uint32_t base = port ? c->port_base + 0x100u * (uint32_t)p : u->dev->ranges[0].base;
            char name[16];
            if (port) snprintf(name, sizeof name, "port%c", 'a' + p);
            else snprintf(name, sizeof name, "%s", u->dev->name);
            for (int i = 0; i < c->nr_resets; i++) {
                const struct chip_reset *r = &c->resets[i];
                if (strcmp(r->kind, kind)) continue;
                for (int k = 0; k < r->count; k++) {
                    uint32_t off = r->off + (uint32_t)k * r->stride;
                    uint32_t v = r->value == CHIP_RESET_PINS     ? c->port_pins[p]
                                 : r->value == CHIP_RESET_ANALOG ? c->port_analog[p]
                                                                 : r->value;
                    if (r->value == CHIP_RESET_ANALOG) /* PPS inputs stay digital, as the boot made them */
                        for (int w = 0; w < m->nr_writes; w++)
                            if (m->writes[w].addr == ((base + 4u) | 0xA0000000u)) v &= ~m->writes[w].value;
                    if (b)
                        sb_printf(b, "    { 0x%08xu, 0x%08xu }, /* %s +0x%03x */\n", (base + off) | 0xA0000000u, v,
                                  name, off);
                    n++;
                }
            }
        }
    }
    return n;
}

static const char *cache_h(uint8_t c)
{
    return c == TVP_CACHE_WB ? "cached" : c == TVP_CACHE_WT ? "write-through" : "uncached";
}

static const char *cache_c(uint8_t c)
{
    return c == TVP_CACHE_WB ? "TVP_CACHE_WB" : c == TVP_CACHE_WT ? "TVP_CACHE_WT" : "TVP_CACHE_UNCACHED";
}

static void perm_str(uint8_t p, char out[4])
{
    out[0] = p & TVP_PERM_R ? 'r' : '-';
    out[1] = p & TVP_PERM_W ? 'w' : '-';
    out[2] = p & TVP_PERM_X ? 'x' : '-';
    out[3] = 0;
}

static void perm_c(uint8_t p, char *out, size_t n)
{
    snprintf(out, n, "%s%s%s%s", p & TVP_PERM_R ? "TVP_PERM_R" : "", p & TVP_PERM_W ? " | TVP_PERM_W" : "",
             p & TVP_PERM_X ? " | TVP_PERM_X" : "", p ? "" : "0");
}

static uint32_t ticks(const struct model *m, uint32_t us)
{
    return (uint32_t)((uint64_t)us * (m->board->count_hz / 1000000u));
}

/* Guest regions in guest-physical order (they are built per kind). */
static void sorted_regions(const struct m_guest *g, const struct m_region **out, int *n)
{
    *n = 0;
    for (int k = 0; k < g->nr_regions; k++) {
        if (g->regions[k].placed != 1) continue;
        int j = (*n)++;
        while (j > 0 && out[j - 1]->gpa > g->regions[k].gpa) { out[j] = out[j - 1]; j--; }
        out[j] = &g->regions[k];
    }
}

/* ---- tinyvp_limits.h ----------------------------------------------------------- */

static void emit_limits(const struct model *m, const char *cfgname)
{
    struct sbuf *b = new_file("tinyvp_limits.h");
    int max_tree = 0, max_irqs = 0, max_devs = 0;
    for (int gi = 0; gi < m->nr_guests; gi++) {
        if (m->guests[gi].tree.nr_words > max_tree) max_tree = m->guests[gi].tree.nr_words;
        if (m->guests[gi].nr_irqs > max_irqs) max_irqs = m->guests[gi].nr_irqs;
        if (m->guests[gi].nr_list > max_devs) max_devs = m->guests[gi].nr_list;
    }
    const struct chip_device *con = chip_device(m->chip, m->board->console);
    sb_printf(b, "/* Generated by vpconf from %s. Do not edit. */\n", cfgname);
    sb_printf(b, "#ifndef TINYVP_LIMITS_H\n#define TINYVP_LIMITS_H\n\n");
    sb_printf(b, "#define CONFIG_BOARD_%s 1\n", m->board->name);
    sb_printf(b, "#define CONFIG_NR_GUESTS %d\n", m->nr_guests);
    sb_printf(b, "#define CONFIG_NR_WINDOWS %d\n", m->nr_windows);
    sb_printf(b, "#define CONFIG_NR_CHANNELS %d\n", m->nr_channels);
    sb_printf(b, "#define CONFIG_NR_SETUP_WRITES %d\n", m->nr_writes);
    sb_printf(b, "#define CONFIG_NR_DEVICES %d\n", m->chip->nr_devices);
    sb_printf(b, "#define CONFIG_PPS_IN_REGS %d\n", pps_in_regs(m->chip));
    sb_printf(b, "#define CONFIG_PPS_GUESTS %d /* guests with PPS pins */\n", pps_guests(m));
    sb_printf(b, "#define CONFIG_WI_LOG_GUESTS %d /* guests with a write-ignore-log device */\n", wi_log_guests(m));
    sb_printf(b, "#define CONFIG_CHANNEL_POOL_BYTES %uu\n", m->channel_pool_bytes);
    sb_printf(b, "#define CONFIG_MAJOR_FRAME_US %uu\n", m->major_frame_us);
    sb_printf(b, "#define CONFIG_MAJOR_FRAME_TICKS %uu\n", ticks(m, m->major_frame_us));
    sb_printf(b, "#define CONFIG_SYSCLK_HZ %uu\n", m->board->sysclk_hz);
    sb_printf(b, "#define CONFIG_COUNT_HZ %uu\n", m->board->count_hz);
    sb_printf(b, "#define CONFIG_PBCLK_HZ %uu\n", m->board->pbclk_hz);
    sb_printf(b, "#define CONFIG_SHELL %d\n", m->shell);
    /* The window switch's plan, so that the switch computes nothing: per
     * window, its guest (index), its end, the window after it and that
     * one's start, and how far the frame moves on to reach it (the major
     * frame when it is the next frame's first), in ticks from the start
     * of the window's own frame. Back to back when the next start is the
     * end. */
    sb_printf(b, "/* X(window, guest index, end, next window, next start, frame advance) */\n");
    sb_printf(b, "#define TVP_WINDOW_PLAN(X) \\\n");
    for (int i = 0; i < m->nr_windows; i++) {
        const struct m_window *w = &m->windows[i];
        int nx = i + 1 == m->nr_windows ? 0 : i + 1;
        uint32_t adv = nx ? 0 : ticks(m, m->major_frame_us);
        sb_printf(b, "    X(%d, %d, %uu, %d, %uu, %uu) \\\n", i, w->guest, ticks(m, w->start_us) + ticks(m, w->dur_us),
                  nx, ticks(m, m->windows[nx].start_us) + adv, adv);
    }
    sb_printf(b, "    /* end */\n");
    int emu_guests[TVP_EMU_COUNT] = {0};
    for (int gi = 0; gi < m->nr_guests; gi++) {
        int seen[TVP_EMU_COUNT] = {0};
        for (int k = 0; k < m->guests[gi].nr_list; k++)
            if (m->guests[gi].list[k].access == TVP_ACCESS_EMULATED && m->guests[gi].list[k].emulator < TVP_EMU_COUNT)
                seen[m->guests[gi].list[k].emulator] = 1;
        for (int e = 0; e < TVP_EMU_COUNT; e++) emu_guests[e] += seen[e];
    }
    /* the hypervisor carries an emulator only when some guest uses it */
    sb_printf(b, "#define CONFIG_EMU_DMA %d /* guests with the DMA emulator */\n", emu_guests[TVP_EMU_DMA]);
    sb_printf(b, "#define CONFIG_EMU_USB %d /* guests with the USB emulator */\n", emu_guests[TVP_EMU_USB]);
    int max_rs = 0;
    for (int gi = 0; gi < m->nr_guests; gi++)
        if (m->guests[gi].within_ms && m->guests[gi].max_restarts > max_rs) max_rs = m->guests[gi].max_restarts;
    sb_printf(b, "#define CONFIG_HM_MAX_RESTARTS %d /* the largest restart budget */\n", max_rs);
    /* the health monitor carries the restart budget and the bus-protection
     * reports of guests' DMA groups only when some guest has them */
    int budgets = 0, dma_groups = 0;
    unsigned actions = 0;
    for (int gi = 0; gi < m->nr_guests; gi++) {
        budgets += m->guests[gi].within_ms != 0;
        dma_groups += m->guests[gi].dma_group != 0;
        for (int k = 0; k < TVP_HM_KINDS; k++)
            actions |= 1u << m->guests[gi].health[k];
    }
    sb_printf(b, "#define CONFIG_HM_BUDGETS %d /* guests with a restart budget */\n", budgets);
    sb_printf(b, "#define CONFIG_DMA_GROUPS %d /* guests with a DMA group */\n", dma_groups);
    sb_printf(b, "#define CONFIG_HM_ACTIONS 0x%xu /* bit a: some guest's health action a (enum tvp_on_fault) */\n",
              actions);
    sb_printf(b, "#define CONFIG_CONSOLE_UART_BASE 0x%08xu /* %s, kseg1 */\n",
              con ? con->ranges[0].base | 0xA0000000u : 0, m->board->console);
    sb_printf(b, "#define CONFIG_HV_FLASH_BASE 0x%08xu\n", m->hv_flash_base);
    sb_printf(b, "#define CONFIG_HV_FLASH_SIZE 0x%08xu\n", m->hv_flash_size);
    sb_printf(b, "#define CONFIG_HV_RAM_BASE 0x%08xu\n", m->hv_ram_base);
    sb_printf(b, "#define CONFIG_HV_RAM_SIZE 0x%08xu\n", m->hv_ram_size);
    sb_printf(b, "#define CONFIG_TLB_MIN_ENTRIES %d /* all guests together */\n", m->tlb_total);
    sb_printf(b, "#define CONFIG_MAX_TREE_WORDS %d\n", max_tree);
    sb_printf(b, "#define CONFIG_MAX_GUEST_IRQS %d\n", max_irqs);
    /* the vectors passed through to guests, each vector | owner << 8, in
     * vector order: the hypervisor's k-th injection stub and root vector
     * offset is the k-th's (hv/emu/pic32mz/fast.S, vintc.c) */
    int nr_pt = 0;
    for (int v = 0; v < TVP_NR_VECTORS; v++) nr_pt += m->irq_owner[v] != 0;
    sb_printf(b, "#define CONFIG_NR_PT_IRQS %d\n#define CONFIG_PT_IRQS", nr_pt);
    for (int v = 0, k = 0; v < TVP_NR_VECTORS; v++)
        if (m->irq_owner[v])
            sb_printf(b, "%s %d", k++ ? "," : "", v | m->guests[m->irq_owner[v] - 1].id << 8);
    sb_printf(b, "\n");
    sb_printf(b, "#define CONFIG_MAX_GUEST_DEV_RANGES %d\n", max_devs);
    sb_printf(b, "\n#endif\n");
}

/* ---- tinyvp_config.c ------------------------------------------------------------- */

static void emit_c(const struct model *m, const char *cfgname)
{
    struct sbuf *b = new_file("tinyvp_config.c");
    const struct chip *c = m->chip;
    char perm[64];
    sb_printf(b, "/* Generated by vpconf from %s. Do not edit: change the configuration.\n"
                 " * Schema: include/tinyvp/config.h; meaning: docs/config.md. */\n", cfgname);
    sb_printf(b, "#include \"tinyvp/config.h\"\n#include \"tinyvp_limits.h\"\n\n");

    for (int gi = 0; gi < m->nr_guests; gi++) {
        const struct m_guest *g = &m->guests[gi];
        sb_printf(b, "/* ---- guest %d: %s ---- */\n", g->id, g->name);
        sb_printf(b, "/* TLB refill tree: %d entries cover the whole map */\n", g->tree.entries);
        sb_printf(b, "static _Alignas(16) const uint32_t tree_g%d[%d] = {\n", g->id, g->tree.nr_words);
        for (int w = 0; w < g->tree.nr_words; w += 4)
            sb_printf(b, "    /* %4d */ 0x%08xu, 0x%08xu, 0x%08xu, 0x%08xu,\n", w * 4, g->tree.words[w],
                      g->tree.words[w + 1], g->tree.words[w + 2], g->tree.words[w + 3]);
        sb_printf(b, "};\n");
        const struct m_region *rs[M_MAX_REGIONS];
        int nr;
        sorted_regions(g, rs, &nr);
        sb_printf(b, "static const struct tvp_mem_region regions_g%d[%d] = {\n", g->id, nr);
        for (int k = 0; k < nr; k++) {
            perm_c(rs[k]->perm, perm, sizeof perm);
            sb_printf(b, "    { 0x%08xu, 0x%08xu, 0x%08xu, %s, %s, %s, %d }, /* %s */\n", rs[k]->gpa, rs[k]->rpa,
                      rs[k]->size, kind_c[rs[k]->kind], perm, cache_c(rs[k]->cache), rs[k]->dma, rs[k]->name);
        }
        sb_printf(b, "};\n");
        sb_printf(b, "static const struct tvp_dev_range devs_g%d[%d] = {\n", g->id, g->nr_list);
        for (int k = 0; k < g->nr_list; k++) {
            const struct tvp_dev_range *d = &g->list[k];
            sb_printf(b, "    { 0x%08xu, 0x%05xu, %s, %s, %u }, /* %s */\n", d->base, d->size, access_c_name(d->access),
                      emu_c[d->emulator], d->device, c->devices[d->device].name);
        }
        sb_printf(b, "};\n");
        if (g->nr_irqs) {
            sb_printf(b, "static const irq_t irqs_g%d[%d] = {", g->id, g->nr_irqs);
            for (int k = 0; k < g->nr_irqs; k++) sb_printf(b, "%s%u", k ? ", " : " ", g->irqs[k]);
            sb_printf(b, " };\n");
        }
        int np = 0;
        for (int k = 0; k < g->nr_pins; k++) np += !g->pins[k].gpio;
        if (np) {
            /* its PPS registers, by offset (conf/pins.c) */
            sb_printf(b, "static const struct tvp_pin pins_g%d[%d] = {\n", g->id, np);
            for (uint32_t off = 0; off < 0x400; off += 4)
                for (int k = 0; k < g->nr_pins; k++) {
                    const struct m_pin *p = &g->pins[k];
                    if (p->gpio || p->reg_off != off) continue;
                    sb_printf(b, "    { 0x%03x, %2u, 0 }, /* %s%s %s on R%c%d */\n", p->reg_off, p->value,
                              p->console ? "the console's " : "", p->output ? "output" : "input", p->func,
                              'A' + (p->pin >> 4), p->pin & 15);
                }
            sb_printf(b, "};\n");
        }
        sb_printf(b, "\n");
    }

    for (int gi = 0; gi < m->nr_guests; gi++) {
        const struct m_guest *g = &m->guests[gi];
        if (!reset_writes(m, g, 0)) continue;
        sb_printf(b, "/* guest %s restarts: its exclusive devices back to their reset values */\n", g->name);
        sb_printf(b, "static const struct tvp_setup_write reset_g%d[] = {\n", g->id);
        reset_writes(m, g, b);
        sb_printf(b, "};\n\n");
    }
    sb_printf(b, "const struct tvp_guest tvp_guests[] = {\n");
    for (int gi = 0; gi < m->nr_guests; gi++) {
        const struct m_guest *g = &m->guests[gi];
        const struct m_region *rs[M_MAX_REGIONS];
        int nr;
        sorted_regions(g, rs, &nr);
        sb_printf(b, "    {\n        .name = \"%s\",\n        .id = %d,\n        .on_fault = %s,\n", g->name, g->id,
                  fault_c[g->on_fault]);
        sb_printf(b, "        .dma_group = %d,\n        .flags = %s%s%s,\n", g->dma_group,
                  g->flags & TVP_GUEST_FPU ? "TVP_GUEST_FPU" : "",
                  (g->flags & TVP_GUEST_FPU) && (g->flags & TVP_GUEST_CONSOLE) ? " | " : "",
                  g->flags & TVP_GUEST_CONSOLE ? "TVP_GUEST_CONSOLE" : (g->flags ? "" : "0"));
        sb_printf(b, "        .entry = 0x%08xu, /* isa: %s */\n", g->entry, image_isa_name(g->img.isa));
        sb_printf(b, "        .dma_zone_base = 0x%08xu,\n        .dma_zone_size = 0x%08xu,\n",
                  g->dma_group ? g->zone_base : 0, g->dma_group ? g->zone_size : 0);
        if (g->dma_chans)
            sb_printf(b, "        .dma_channels = 0x%02xu,\n", g->dma_chans);
        sb_printf(b, "        .tlb_tree = tree_g%d,\n        .tlb_tree_words = TVP_ARRAY_SIZE(tree_g%d),\n", g->id, g->id);
        sb_printf(b, "        .tlb_min_entries = %d,\n", g->tree.entries);
        sb_printf(b, "        .regions = regions_g%d,\n        .nr_regions = TVP_ARRAY_SIZE(regions_g%d),\n", g->id,
                  g->id);
        sb_printf(b, "        .nr_devs = TVP_ARRAY_SIZE(devs_g%d),\n        .devs = devs_g%d,\n", g->id, g->id);
        if (g->nr_irqs)
            sb_printf(b, "        .irqs = irqs_g%d,\n        .nr_irqs = TVP_ARRAY_SIZE(irqs_g%d),\n", g->id, g->id);
        else
            sb_printf(b, "        .irqs = 0,\n        .nr_irqs = 0,\n");
        int np = 0;
        for (int k = 0; k < g->nr_pins; k++) np += !g->pins[k].gpio;
        if (np)
            sb_printf(b, "        .nr_pins = TVP_ARRAY_SIZE(pins_g%d),\n        .pins = pins_g%d,\n", g->id, g->id);
        else
            sb_printf(b, "        .nr_pins = 0,\n        .pins = 0,\n");
        sb_printf(b, "        .health = {");
        for (int k = 0; k < TVP_HM_KINDS; k++)
            sb_printf(b, "%s%s", k ? ", " : " ", fault_c[g->health[k]]);
        sb_printf(b, " },\n");
        if (g->within_ms)
            sb_printf(b, "        .max_restarts = %u,\n        .within_ms = %uu,\n", g->max_restarts, g->within_ms);
        if (reset_writes(m, g, 0))
            sb_printf(b, "        .nr_reset_writes = TVP_ARRAY_SIZE(reset_g%d),\n        .reset_writes = reset_g%d,\n",
                      g->id, g->id);
        sb_printf(b, "    },\n");
    }
    sb_printf(b, "};\n_Static_assert(TVP_ARRAY_SIZE(tvp_guests) == CONFIG_NR_GUESTS, \"guest table\");\n");
    sb_printf(b, "_Static_assert(CONFIG_NR_GUESTS >= 1 && CONFIG_NR_GUESTS <= TVP_MAX_GUESTS, \"guest count\");\n\n");

    sb_printf(b, "const struct tvp_window tvp_windows[] = {\n");
    for (int i = 0; i < m->nr_windows; i++) {
        const struct m_window *w = &m->windows[i];
        sb_printf(b, "    { %uu, %uu, %uu, %uu, %d }, /* %s */\n", ticks(m, w->start_us), ticks(m, w->dur_us),
                  w->start_us, w->dur_us, m->guests[w->guest].id, m->guests[w->guest].name);
    }
    sb_printf(b, "};\n_Static_assert(TVP_ARRAY_SIZE(tvp_windows) == CONFIG_NR_WINDOWS, \"window table\");\n\n");

    if (m->nr_channels) {
        sb_printf(b, "const struct tvp_channel tvp_channels[] = {\n");
        for (int i = 0; i < m->nr_channels; i++) {
            const struct m_channel *ch = &m->channels[i];
            sb_printf(b, "    { \"%s\", %s, %d, 0x%02xu, 0, %u, %u, %uu },\n", ch->y->name,
                      ch->kind == TVP_CHAN_QUEUING ? "TVP_CHAN_QUEUING" : "TVP_CHAN_SAMPLING",
                      m->guests[ch->source].id, ch->dest_mask, ch->msg_size, ch->depth, ch->pool_offset);
        }
        sb_printf(b, "};\n_Static_assert(TVP_ARRAY_SIZE(tvp_channels) == CONFIG_NR_CHANNELS, \"channel table\");\n\n");
    } else {
        sb_printf(b, "/* no channels: one zero entry keeps the array valid C */\n");
        sb_printf(b, "const struct tvp_channel tvp_channels[1] = { { 0, 0, 0, 0, 0, 0, 0, 0 } };\n\n");
    }

    sb_printf(b, "/* interrupt vector -> owning guest (0: the hypervisor) */\n");
    sb_printf(b, "const guest_id_t tvp_irq_owner[TVP_NR_VECTORS] = {\n");
    for (int v = 0; v < TVP_NR_VECTORS; v++)
        if (m->irq_owner[v])
            sb_printf(b, "    [%d] = %d, /* %s -> %s */\n", v, m->guests[m->irq_owner[v] - 1].id, c->vector_names[v],
                      m->guests[m->irq_owner[v] - 1].name);
    sb_printf(b, "};\n\n");

    sb_printf(b, "const struct tvp_setup_write tvp_setup_writes[] = {\n");
    for (int i = 0; i < m->nr_writes; i++)
        sb_printf(b, "    { 0x%08xu, 0x%08xu }, /* %s */\n", m->writes[i].addr, m->writes[i].value, m->writes[i].why);
    sb_printf(b, "};\n_Static_assert(TVP_ARRAY_SIZE(tvp_setup_writes) == CONFIG_NR_SETUP_WRITES, \"setup table\");\n\n");

    if (wi_log_guests(m)) { /* the log of a dropped write names the device */
        sb_printf(b, "const char *const tvp_device_names[] = {\n");
        for (int d = 0; d < c->nr_devices; d++) sb_printf(b, "    \"%s\",\n", c->devices[d].name);
        sb_printf(b, "};\n_Static_assert(TVP_ARRAY_SIZE(tvp_device_names) == CONFIG_NR_DEVICES, \"device names\");\n");
    }

    int nin = pps_in_regs(c);
    if (!pps_guests(m)) /* no guest has PPS pins: the hypervisor names no PPS register */
        return;
    sb_printf(b, "\nconst char *const tvp_pps_in_names[] = {\n");
    for (int r = 0; r < nin; r++) {
        const char *name = NULL;
        for (int k = 0; k < c->nr_pps_in; k++)
            if (c->pps_in[k].reg_off == 4 * r) name = c->pps_in[k].name;
        if (name)
            sb_printf(b, "    \"%sR\",\n", name);
        else
            sb_printf(b, "    0,\n");
    }
    sb_printf(b, "};\n_Static_assert(TVP_ARRAY_SIZE(tvp_pps_in_names) == CONFIG_PPS_IN_REGS, \"PPS names\");\n");
}

/* ---- flash layout: blobs, guests.S, guests.ld, layout.ld, guests.hex ------------------- */

struct placed_seg {
    const struct m_guest *g;
    const struct m_region *r;
    const struct image_seg *s;
    uint32_t real;
};

static int cmp_pseg(const void *a, const void *b)
{
    const struct placed_seg *x = a, *y = b;
    return x->real < y->real ? -1 : x->real > y->real;
}

static int collect_segs(const struct model *m, struct placed_seg **out)
{
    int n = 0, cap = 16;
    struct placed_seg *p = malloc(cap * sizeof *p);
    for (int gi = 0; gi < m->nr_guests; gi++) {
        const struct m_guest *g = &m->guests[gi];
        for (size_t i = 0; i < g->img.nsegs; i++) {
            const struct image_seg *s = &g->img.segs[i];
            for (int k = 0; k < g->nr_regions; k++) {
                const struct m_region *r = &g->regions[k];
                if (r->placed != 1 || (r->kind != TVP_MEM_FLASH && r->kind != TVP_MEM_BOOT)) continue;
                if (s->addr < r->gpa || s->addr + s->size > r->gpa + r->size) continue;
                if (n == cap) p = realloc(p, (cap *= 2) * sizeof *p);
                p[n++] = (struct placed_seg){ g, r, s, r->rpa + (s->addr - r->gpa) };
            }
        }
    }
    qsort(p, n, sizeof *p, cmp_pseg);
    *out = p;
    return n;
}

static void hex_record(struct sbuf *b, uint8_t type, uint16_t addr, const uint8_t *d, int n)
{
    uint8_t sum = (uint8_t)(n + (addr >> 8) + (addr & 0xff) + type);
    sb_printf(b, ":%02X%04X%02X", n, addr, type);
    for (int i = 0; i < n; i++) {
        sb_printf(b, "%02X", d[i]);
        sum += d[i];
    }
    sb_printf(b, "%02X\n", (uint8_t)(0x100 - sum));
}

static void emit_layout(const struct model *m, const char *cfgname)
{
    struct placed_seg *ps;
    int n = collect_segs(m, &ps);

    struct sbuf *hex = new_file("guests.hex");
    uint32_t upper = 0xffffffffu;
    for (int i = 0; i < n; i++) {
        const uint8_t *d = ps[i].s->data;
        uint32_t a = ps[i].real, left = ps[i].s->size;
        while (left) {
            if ((a >> 16) != upper) {
                upper = a >> 16;
                uint8_t ua[2] = { (uint8_t)(upper >> 8), (uint8_t)upper };
                hex_record(hex, 4, 0, ua, 2);
            }
            uint32_t chunk = left < 16 ? left : 16;
            uint32_t to_boundary = 0x10000u - (a & 0xffffu);
            if (chunk > to_boundary) chunk = to_boundary;
            hex_record(hex, 0, (uint16_t)a, d, (int)chunk);
            d += chunk;
            a += chunk;
            left -= chunk;
        }
    }
    hex_record(hex, 1, 0, NULL, 0);

    struct sbuf *S = new_file("guests.S");
    struct sbuf *ld = new_file("guests.ld");
    sb_printf(S, "/* Generated by vpconf from %s. Guest image bytes, unchanged, one section\n"
                 " * per contiguous piece; guests.ld places each at its real address.\n"
                 " * Assemble with the output directory on the include path (-Wa,-I,DIR). */\n", cfgname);
    sb_printf(ld, "/* Generated by vpconf from %s. Include in the hypervisor's linker\n"
                 " * script's SECTIONS: every guest piece at its real physical address\n"
                 " * (VMA = LMA = physical; guests run through the TLB, not at these VMAs). */\n", cfgname);
    for (int i = 0; i < n; i++) {
        const struct placed_seg *p = &ps[i];
        struct sbuf *bin = new_file("g%d_%s_%08x.bin", p->g->id, kind_h[p->r->kind], p->real);
        sb_bytes(bin, p->s->data, p->s->size);
        sb_printf(S, "\t.section .tvp_g%d_%08x, \"a\"\n\t.incbin \"g%d_%s_%08x.bin\"\n", p->g->id, p->real,
                  p->g->id, kind_h[p->r->kind], p->real);
        sb_printf(ld, ".tvp_g%d_%08x 0x%08x : AT(0x%08x) { KEEP(*(.tvp_g%d_%08x)) } /* %s %s */\n", p->g->id,
                  p->real, p->real, p->real, p->g->id, p->real, p->g->name, kind_h[p->r->kind]);
    }
    free(ps);

    struct sbuf *lay = new_file("layout.ld");
    sb_printf(lay, "/* Generated by vpconf from %s: where the hypervisor goes. */\n", cfgname);
    sb_printf(lay, "TVP_HV_FLASH_BASE = 0x%08x;\nTVP_HV_FLASH_SIZE = 0x%08x;\n", m->hv_flash_base, m->hv_flash_size);
    sb_printf(lay, "TVP_HV_RAM_BASE = 0x%08x;\nTVP_HV_RAM_SIZE = 0x%08x;\n", m->hv_ram_base, m->hv_ram_size);
    sb_printf(lay, "TVP_CHANNEL_POOL_BYTES = 0x%08x;\n", m->channel_pool_bytes);
    sb_printf(lay, "MEMORY\n{\n    hv_flash (rx)  : ORIGIN = 0x%08x, LENGTH = 0x%08x\n", m->hv_flash_base | 0x80000000u,
              m->hv_flash_size);
    sb_printf(lay, "    hv_ram   (rwx) : ORIGIN = 0x%08x, LENGTH = 0x%08x\n}\n", m->hv_ram_base | 0x80000000u,
              m->hv_ram_size);
}

/* ---- report.txt ----------------------------------------------------------------------- */

static void emit_report(const struct model *m, const char *cfgname)
{
    struct sbuf *b = new_file("report.txt");
    const struct chip *c = m->chip;
    char s1[32], pm[4];
    sb_printf(b, "tinyVP system: %s\n", cfgname);
    sb_printf(b, "board %s (%s), SYSCLK %u MHz, core timer %u MHz\n\n", m->board->name, c->name,
              m->board->sysclk_hz / 1000000, m->board->count_hz / 1000000);
    sb_printf(b, "HYPERVISOR\n");
    units_fmt_size(s1, sizeof s1, m->hv_flash_size);
    sb_printf(b, "  flash  0x%08x..0x%08x  %s (EBase 0x%08x)\n", m->hv_flash_base, m->hv_flash_base + m->hv_flash_size - 1,
              s1, m->hv_flash_base | 0x80000000u);
    units_fmt_size(s1, sizeof s1, m->hv_ram_size);
    sb_printf(b, "  ram    0x%08x..0x%08x  %s\n", m->hv_ram_base, m->hv_ram_base + m->hv_ram_size - 1, s1);
    sb_printf(b, "  console %s, shell %s, channel pool %u bytes\n\n", m->board->console, m->shell ? "on" : "off",
              m->channel_pool_bytes);

    for (int gi = 0; gi < m->nr_guests; gi++) {
        const struct m_guest *g = &m->guests[gi];
        sb_printf(b, "GUEST %d %s\n", g->id, g->name);
        sb_printf(b, "  image %s (%s), isa: %s, entry 0x%08x, on_fault %s%s%s", g->y->image,
                  g->img.format == IMAGE_ELF ? "ELF" : "Intel HEX", image_isa_name(g->img.isa),
                  g->entry, fault_h[g->on_fault], g->flags & TVP_GUEST_FPU ? ", fpu" : "",
                  g->flags & TVP_GUEST_CONSOLE ? ", console" : "");
        if (g->dma_group)
            sb_printf(b, ", dma_group %d (zone 0x%08x..0x%08x, guest-physical == real)", g->dma_group, g->zone_base,
                      g->zone_base + g->zone_size - 1);
        if (g->dma_chans) {
            sb_printf(b, ", DMA channels");
            for (int n = 0; n < 8; n++)
                if ((g->dma_chans >> n) & 1) sb_printf(b, " %d", n);
            sb_printf(b, " (emulated, addresses translated)");
        }
        if (g->img.isa != IMAGE_ISA_MIPS32)
            sb_printf(b, "\n  isa %s: %s", image_isa_name(g->img.isa), g->img.isa_why);
        if (g->has_health) {
            sb_printf(b, "\n  health");
            for (int k = 0; k < TVP_HM_KINDS; k++)
                sb_printf(b, "%s %s %s", k ? "," : "", hm_kind_h[k], fault_h[g->health[k]]);
            if (g->within_ms)
                sb_printf(b, "; at most %u restarts in %u ms, then stopped", g->max_restarts, g->within_ms);
        }
        int nrw = reset_writes(m, g, 0);
        if (nrw)
            sb_printf(b, "\n  a restart resets its exclusive devices: %d register writes", nrw);
        sb_printf(b, "\n  memory        guest-physical           real                     size  perm cache\n");
        const struct m_region *rs[M_MAX_REGIONS];
        int nr;
        sorted_regions(g, rs, &nr);
        for (int k = 0; k < nr; k++) {
            const struct m_region *r = rs[k];
            units_fmt_size(s1, sizeof s1, r->size);
            perm_str(r->perm, pm);
            sb_printf(b, "  %-12s  0x%08x..0x%08x   0x%08x..0x%08x   %-5s %s  %s\n", r->name, r->gpa,
                      r->gpa + r->size - 1, r->rpa, r->rpa + r->size - 1, s1, pm, cache_h(r->cache));
        }
        if (g->img_ok)
            for (size_t i = 0; i < g->img.nsegs; i++) {
                const struct image_seg *s = &g->img.segs[i];
                if (s->addr <= c->devcfg_addr + 0x3f && s->addr + s->size > c->devcfg_addr)
                    sb_printf(b, "  note: the image's DEVCFG words (0x%08x..) stay in the guest's own boot flash "
                                 "view; the chip's configuration words are the hypervisor's\n", c->devcfg_addr);
            }
        sb_printf(b, "  devices\n");
        for (int k = 0; k < g->nr_list; k++) {
            const struct tvp_dev_range *d = &g->list[k];
            int whole = !(d->base % 0x1000) && !(d->size % 0x1000);
            const char *how = d->access == TVP_ACCESS_EMULATED ? emu_h[d->emulator]
                              : whole ? (d->access == TVP_ACCESS_EXCLUSIVE ? "mapped" : "mapped read-only")
                                      : "sub-page: trapped, checked, forwarded";
            sb_printf(b, "    %-10s 0x%08x +0x%05x  %-16s %s\n", c->devices[d->device].name, d->base, d->size,
                      access_word(d->access), how);
        }
        sb_printf(b, "  interrupts");
        if (!g->nr_irqs) sb_printf(b, " none");
        for (int k = 0; k < g->nr_irqs; k++) sb_printf(b, " %u(%s)", g->irqs[k], c->vector_names[g->irqs[k]]);
        if (g->nr_pins) {
            sb_printf(b, "\n  pins");
            for (int k = 0; k < g->nr_pins; k++) {
                const struct m_pin *p = &g->pins[k];
                if (p->gpio)
                    sb_printf(b, " R%c%d(gpio)", 'A' + (p->pin >> 4), p->pin & 15);
                else if (p->console)
                    sb_printf(b, " %s=RP%c%d(console)", p->func, 'A' + (p->pin >> 4),
                              p->pin & 15);
                else
                    sb_printf(b, " %s=RP%c%d", p->func, 'A' + (p->pin >> 4), p->pin & 15);
            }
        }
        sb_printf(b, "\n  TLB: %d entries cover the map (%d tree words)\n", g->tree.entries, g->tree.nr_words);
        /* list the entries by walking every mapped page once */
        uint32_t last_vpn = 1;
        for (int k = 0; k < nr; k++)
            for (uint64_t a = rs[k]->gpa; a < (uint64_t)rs[k]->gpa + rs[k]->size; a += 0x1000) {
                uint32_t lo, pmask, vpn;
                if (!cover_walk(g->tree.words, (uint32_t)a, &lo, &pmask, &vpn) || vpn == last_vpn) continue;
                last_vpn = vpn;
                uint32_t page = ((pmask | 0x1fffu) + 1) / 2;
                uint32_t lo0, lo1, pm2, v2;
                cover_walk(g->tree.words, vpn, &lo0, &pm2, &v2);
                cover_walk(g->tree.words, vpn + page, &lo1, &pm2, &v2);
                units_fmt_size(s1, sizeof s1, page);
                sb_printf(b, "    VPN2 0x%08x  %-4s pages  EntryLo0 0x%08x  EntryLo1 0x%08x  PageMask 0x%08x\n", vpn,
                          s1, lo0, lo1, pmask);
            }
        sb_printf(b, "\n");
    }
    sb_printf(b, "TLB: %d entries for all guests together, the TLB has %d%s\n\n", m->tlb_total, TVP_TLB_ENTRIES,
              m->tlb_total > TVP_TLB_ENTRIES ? " (guest switches will refill)" : "");

    sb_printf(b, "INTERRUPT OWNERS\n");
    int any = 0;
    for (int v = 0; v < TVP_NR_VECTORS; v++)
        if (m->irq_owner[v]) {
            sb_printf(b, "  %3d %-16s -> %s\n", v, c->vector_names[v], m->guests[m->irq_owner[v] - 1].name);
            any = 1;
        }
    if (!any) sb_printf(b, "  (none: every vector stays with the hypervisor)\n");
    sb_printf(b, "  all others: the hypervisor\n\n");

    sb_printf(b, "SCHEDULE: major frame %u us (%u ticks)\n", m->major_frame_us, ticks(m, m->major_frame_us));
    uint32_t t = 0;
    for (int i = 0; i < m->nr_windows; i++) {
        const struct m_window *w = &m->windows[i];
        if (w->start_us > t) sb_printf(b, "  %8u..%8u us  (idle)\n", t, w->start_us);
        sb_printf(b, "  %8u..%8u us  %s\n", w->start_us, w->start_us + w->dur_us, m->guests[w->guest].name);
        t = w->start_us + w->dur_us;
    }
    if (t < m->major_frame_us) sb_printf(b, "  %8u..%8u us  (idle)\n", t, m->major_frame_us);
    sb_printf(b, "\nCHANNELS\n");
    if (!m->nr_channels) sb_printf(b, "  none\n");
    for (int i = 0; i < m->nr_channels; i++) {
        const struct m_channel *ch = &m->channels[i];
        sb_printf(b, "  port %-2d %-12s %-8s %s ->", i, ch->y->name, ch->kind == TVP_CHAN_QUEUING ? "queuing" : "sampling",
                  m->guests[ch->source].name);
        for (int gi = 0; gi < m->nr_guests; gi++)
            if (ch->dest_mask & (1u << (gi + 1))) sb_printf(b, " %s", m->guests[gi].name);
        sb_printf(b, "  %u bytes x %u, pool +0x%x\n", ch->msg_size, ch->depth, ch->pool_offset);
    }
    sb_printf(b, "\nFLASH IMAGE (guest bytes at real addresses, in guests.hex)\n");
    struct placed_seg *ps;
    int n = collect_segs(m, &ps);
    for (int i = 0; i < n; i++)
        sb_printf(b, "  0x%08x..0x%08x  %-10s %-10s from guest-physical 0x%08x\n", ps[i].real,
                  ps[i].real + ps[i].s->size - 1, ps[i].g->name, kind_h[ps[i].r->kind], ps[i].s->addr);
    free(ps);
    sb_printf(b, "\nBOARD SETUP WRITES\n");
    for (int i = 0; i < m->nr_writes; i++)
        sb_printf(b, "  0x%08x <- 0x%08x  %s\n", m->writes[i].addr, m->writes[i].value, m->writes[i].why);
}

/* ---- the dependency file ---------------------------------------------------------------- */

/* A make rule like GCC's -MD -MP writes: the targets depend on the
 * description and on every image it names, as the search resolved it
 * (each once, in guest order); each image also gets an empty rule, so
 * that make does not stop when an image is deleted or renamed. */
static void emit_depfile(const struct model *m, const char *cfgname, const struct emit_dep *dep)
{
    struct sbuf *b = new_file("depfile");
    files[nr_files - 1].path = dep->path;
    sb_printf(b, "# Generated by vpconf from ");
    sb_make_word(b, cfgname);
    sb_printf(b, ": what its outputs depend on.\n");
    for (int i = 0; i < dep->nr_targets; i++) {
        if (i) sb_printf(b, " ");
        sb_make_word(b, dep->targets[i]);
    }
    sb_printf(b, ": ");
    sb_make_word(b, cfgname);
    for (int gi = 0; gi < m->nr_guests; gi++) {
        int seen = 0;
        for (int k = 0; k < gi; k++) seen |= !strcmp(m->guests[k].image_path, m->guests[gi].image_path);
        if (seen) continue;
        sb_printf(b, " \\\n ");
        sb_make_word(b, m->guests[gi].image_path);
    }
    sb_printf(b, "\n");
    for (int gi = 0; gi < m->nr_guests; gi++) {
        int seen = 0;
        for (int k = 0; k < gi; k++) seen |= !strcmp(m->guests[k].image_path, m->guests[gi].image_path);
        if (seen) continue;
        sb_printf(b, "\n");
        sb_make_word(b, m->guests[gi].image_path);
        sb_printf(b, ":\n");
    }
}

int emit_all(const struct model *m, const char *cfgname, const char *outdir, const struct emit_dep *dep)
{
    nr_files = 0;
    emit_limits(m, cfgname);
    emit_c(m, cfgname);
    emit_layout(m, cfgname);
    emit_report(m, cfgname);
    svg_schedule(new_file("schedule.svg"), m, cfgname);
    svg_memory(new_file("memory.svg"), m, cfgname);
    if (dep && dep->path) emit_depfile(m, cfgname, dep);
    int rc = outdir || (dep && dep->path) ? commit_files(outdir) : 0;
    drop_files();
    return rc;
}

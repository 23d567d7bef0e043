/* vpsim measurements: see measure.h. */
#include "measure.h"

#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mips/mipsregs.h>

#include "../soc/pic32mz/intc.h"
#include "../soc/pic32mz/soc.h"

enum pt_kind { PT_PC, PT_EXC, PT_GUEST_ENTRY, PT_GUEST_EXIT, PT_IRQ, PT_GUEST_IRQ, PT_ROOT_WAIT };

struct point {
    enum pt_kind kind;
    bool has_arg;
    uint32_t arg;
    char sym[64]; /* PT_PC by symbol, resolved at start */
    uint32_t off;
};

struct sample {
    uint64_t cycles, insns;
};

#define MEASURE_MAX 16
static struct measure {
    char name[32];
    struct point from, to;
    bool open;
    uint64_t c0, i0;
    struct sample *s;
    size_t n, cap;
} ms[MEASURE_MAX];
static unsigned nms;
static FILE *events;
static FILE *timeline;      /* Chrome trace-event JSON (--timeline) */
static bool tl_first = true;
static int tl_guest = -1;   /* the guest whose slice is open, or -1 */
static char *json_path;
static struct soc *soc;
static bool last_gm;
static uint64_t last_gint;
static void (*prev_trace)(void *, struct cpu *, uint32_t, uint32_t);
static void *prev_trace_ctx;
static void (*prev_exc)(void *, struct cpu *, unsigned, uint32_t);
static uint32_t exc_pc; /* the exception's EPC (NestedEPC inside a handler): --events */
static void *prev_exc_ctx;

static bool parse_point(const char *s, struct point *p, char *err, size_t errlen)
{
    memset(p, 0, sizeof *p);
    const char *colon = strchr(s, ':');
    size_t klen = colon ? (size_t)(colon - s) : strlen(s);
    static const struct { const char *name; enum pt_kind kind; bool needs_arg; } kinds[] = {
        {"pc", PT_PC, true},          {"exc", PT_EXC, false},   {"guest-entry", PT_GUEST_ENTRY, false},
        {"guest-exit", PT_GUEST_EXIT, false}, {"irq", PT_IRQ, true}, {"guest-irq", PT_GUEST_IRQ, false},
        {"root-wait", PT_ROOT_WAIT, false},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strlen(kinds[i].name) != klen || strncmp(kinds[i].name, s, klen))
            continue;
        p->kind = kinds[i].kind;
        if (!colon) {
            if (kinds[i].needs_arg) {
                snprintf(err, errlen, "event '%s' needs an argument (%s:...)", s, kinds[i].name);
                return false;
            }
            return true;
        }
        const char *a = colon + 1;
        char *end;
        unsigned long v = strtoul(a, &end, 0);
        p->has_arg = true;
        if (*a && (*end == 0 || *end == '+') && end != a) {
            p->arg = (uint32_t)v;
            if (*end == '+')
                p->off = (uint32_t)strtoul(end + 1, NULL, 0);
            return true;
        }
        if (p->kind != PT_PC) {
            snprintf(err, errlen, "bad number in event '%s'", s);
            return false;
        }
        const char *plus = strchr(a, '+');
        size_t n = plus ? (size_t)(plus - a) : strlen(a);
        if (!n || n >= sizeof p->sym) {
            snprintf(err, errlen, "bad symbol in event '%s'", s);
            return false;
        }
        memcpy(p->sym, a, n);
        p->sym[n] = 0;
        if (plus)
            p->off = (uint32_t)strtoul(plus + 1, NULL, 0);
        return true;
    }
    snprintf(err, errlen,
             "unknown event '%s' (pc:ADDR|SYM[+OFF], exc[:CODE], guest-entry[:ID], "
             "guest-exit[:CODE], irq:V, guest-irq)", s);
    return false;
}

bool measure_add(const char *spec, char *err, size_t errlen)
{
    if (nms == MEASURE_MAX) {
        snprintf(err, errlen, "too many --measure (at most %d)", MEASURE_MAX);
        return false;
    }
    const char *eq = strchr(spec, '=');
    const char *dots = eq ? strstr(eq, "..") : NULL;
    if (!eq || !dots || eq == spec || (size_t)(eq - spec) >= sizeof ms[0].name) {
        snprintf(err, errlen, "bad --measure '%s' (use NAME=FROM..TO)", spec);
        return false;
    }
    struct measure *m = &ms[nms];
    memset(m, 0, sizeof *m);
    memcpy(m->name, spec, (size_t)(eq - spec));
    char from[128];
    size_t fl = (size_t)(dots - eq - 1);
    if (fl >= sizeof from) {
        snprintf(err, errlen, "bad --measure '%s'", spec);
        return false;
    }
    memcpy(from, eq + 1, fl);
    from[fl] = 0;
    if (!parse_point(from, &m->from, err, errlen) || !parse_point(dots + 2, &m->to, err, errlen))
        return false;
    nms++;
    return true;
}

bool measure_events_file(const char *path, char *err, size_t errlen)
{
    events = strcmp(path, "-") ? fopen(path, "w") : stderr;
    if (!events) {
        snprintf(err, errlen, "cannot open events file %s", path);
        return false;
    }
    return true;
}

bool measure_timeline_file(const char *path, char *err, size_t errlen)
{
    timeline = fopen(path, "w");
    if (!timeline) {
        snprintf(err, errlen, "cannot open timeline file %s", path);
        return false;
    }
    fputs("[", timeline);
    return true;
}

bool measure_json_file(const char *path, char *err, size_t errlen)
{
    free(json_path);
    json_path = strdup(path);
    return json_path != NULL;
}

/* Looks a symbol up in the images' symbol tables. */
static bool find_symbol(const char *const *images, unsigned n, const char *name, uint32_t *val)
{
    for (unsigned i = 0; i < n; i++) {
        int fd = open(images[i], O_RDONLY);
        if (fd < 0)
            continue;
        Elf *e = elf_begin(fd, ELF_C_READ, NULL);
        Elf_Scn *scn = NULL;
        bool found = false;
        while (e && !found && (scn = elf_nextscn(e, scn))) {
            GElf_Shdr sh;
            if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || !sh.sh_entsize)
                continue;
            Elf_Data *d = elf_getdata(scn, NULL);
            size_t cnt = sh.sh_size / sh.sh_entsize;
            for (size_t k = 0; d && k < cnt; k++) {
                GElf_Sym sym;
                if (!gelf_getsym(d, (int)k, &sym))
                    continue;
                const char *nm = elf_strptr(e, sh.sh_link, sym.st_name);
                if (nm && !strcmp(nm, name)) {
                    *val = (uint32_t)sym.st_value;
                    found = true;
                    break;
                }
            }
        }
        if (e)
            elf_end(e);
        close(fd);
        if (found)
            return true;
    }
    return false;
}

static void sample(struct measure *m, const struct cpu *c)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        struct sample *s = realloc(m->s, cap * sizeof *s);
        if (!s)
            return; /* out of host memory: the sample is dropped, noted below */
        m->s = s;
        m->cap = cap;
    }
    m->s[m->n].cycles = c->cycles - m->c0;
    m->s[m->n].insns = c->insns - m->i0;
    m->n++;
}

static bool match(const struct point *p, enum pt_kind kind, uint32_t arg)
{
    return p->kind == kind && (!p->has_arg || p->arg == arg);
}

/* s as a JSON string (RFC 8259, sec. 7): quote and backslash escaped,
 * control characters as \n, \t, ... or \u00XX; valid UTF-8 passes through,
 * a byte that is not part of valid UTF-8 becomes U+FFFD, so the file is
 * always valid JSON whatever the command line held. */
static void json_string(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', f);
    while (*p) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            fputc('\\', f);
            fputc(c, f);
            p++;
        } else if (c < 0x20 || c == 0x7f) {
            switch (c) {
            case '\b': fputs("\\b", f); break;
            case '\f': fputs("\\f", f); break;
            case '\n': fputs("\\n", f); break;
            case '\r': fputs("\\r", f); break;
            case '\t': fputs("\\t", f); break;
            default: fprintf(f, "\\u%04x", c); break;
            }
            p++;
        } else if (c < 0x80) {
            fputc(c, f);
            p++;
        } else {
            /* a UTF-8 sequence: lead byte, then 1..3 continuation bytes;
             * no overlong forms, no surrogates, nothing past U+10FFFF */
            unsigned n = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
            uint32_t cp = c & (0x3f >> n);
            bool ok = n > 0 && c < 0xf5;
            for (unsigned i = 1; ok && i <= n; i++) {
                ok = (p[i] & 0xc0) == 0x80;
                cp = cp << 6 | (p[i] & 0x3f);
            }
            static const uint32_t min_cp[4] = {0, 0x80, 0x800, 0x10000};
            ok = ok && cp >= min_cp[n] && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
            if (ok) {
                fwrite(p, 1, n + 1, f);
                p += n + 1;
            } else {
                fputs("\\ufffd", f);
                p++;
            }
        }
    }
    fputc('"', f);
}

/* Timeline: a slice per guest-mode stretch (one track per GuestID), root
 * exceptions and controller interrupts as instant events on the root
 * track. Times in microseconds of simulated time. */
static void tl_emit(const char *ph, const char *name, int tid, const struct cpu *c, uint32_t arg)
{
    static uint32_t named;   /* tracks that have their name record */
    if (tid >= 0 && tid < 32 && !(named & (1u << tid))) {
        named |= 1u << tid;
        /* trace-event "M" record: Perfetto and chrome://tracing label the track */
        if (tid == 0)
            fprintf(timeline, "%s\n{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":0,"
                              "\"args\":{\"name\":\"root (hypervisor)\"}}", tl_first ? "" : ",");
        else
            fprintf(timeline, "%s\n{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":%d,"
                              "\"args\":{\"name\":\"guest %d\"}}", tl_first ? "" : ",", tid, tid);
        tl_first = false;
    }
    fprintf(timeline, "%s\n{\"ph\":\"%s\",\"name\":", tl_first ? "" : ",", ph);
    json_string(timeline, name);
    fprintf(timeline, ",\"pid\":1,\"tid\":%d,\"ts\":%.3f%s", tid, (double)c->cycles / 200.0,
            ph[0] == 'i' ? ",\"s\":\"t\"" : "");
    if (ph[0] == 'i')
        fprintf(timeline, ",\"args\":{\"arg\":%" PRIu32 "}", arg);
    fputc('}', timeline);
    tl_first = false;
}

static void tl_event(const struct cpu *c, enum pt_kind kind, uint32_t arg)
{
    static const char *const exc_names[32] = {
        "Int", "Mod", "TLBL", "TLBS", "AdEL", "AdES", "IBE", "DBE", "Sys", "Bp", "RI",
        "CpU", "Ov", "Tr", "MSAFPE", "FPE", "16", "17", "18", "TLBRI", "TLBXI", "MSADis",
        "MDMX", "WATCH", "MCheck", "Thread", "DSPDis", "GE", "28", "29", "CacheErr", "31"};
    char name[32];
    switch (kind) {
    case PT_GUEST_ENTRY:
        snprintf(name, sizeof name, "guest %" PRIu32, arg);
        tl_emit("B", name, (int)arg, c, arg);
        tl_guest = (int)arg;
        break;
    case PT_GUEST_EXIT:
        if (tl_guest >= 0) {
            snprintf(name, sizeof name, "guest %d", tl_guest);
            tl_emit("E", name, tl_guest, c, 0);
            tl_guest = -1;
        }
        break;
    case PT_EXC:
        tl_emit("i", arg == CPU_EXC_DEBUG ? "debug" : exc_names[arg & 31], 0, c, arg);
        break;
    case PT_IRQ:
        snprintf(name, sizeof name, "irq %" PRIu32, arg);
        tl_emit("i", name, 0, c, arg);
        break;
    case PT_GUEST_IRQ:
        tl_emit("i", "guest irq", tl_guest >= 0 ? tl_guest : 0, c, arg);
        break;
    default:
        break;
    }
}

static void event(const struct cpu *c, enum pt_kind kind, uint32_t arg)
{
    if (timeline)
        tl_event(c, kind, arg);
    for (unsigned i = 0; i < nms; i++) {
        struct measure *m = &ms[i];
        if (m->open && match(&m->to, kind, arg)) {
            sample(m, c);
            m->open = false;
        }
        if (match(&m->from, kind, arg)) {
            m->open = true;
            m->c0 = c->cycles;
            m->i0 = c->insns;
        }
    }
    if (events && kind != PT_PC) {
        static const char *const names[] = {"pc", "exc", "guest-entry", "guest-exit", "irq",
                                            "guest-irq", "root-wait"};
        fprintf(events, "%" PRIu64 " %" PRIu64 " %s %" PRIu32, c->cycles, c->insns, names[kind], arg);
        if (kind == PT_EXC) /* and where it was taken */
            fprintf(events, " 0x%08" PRIx32, exc_pc);
        else if (kind == PT_GUEST_EXIT && arg == EXCCODE_GE) /* and the GExcCode */
            fprintf(events, " %" PRIu32, (c->cp0.guestctl0 & GUESTCTL0_GEXC) >> GUESTCTL0_GEXC_SHIFT);
        else if (kind == PT_GUEST_EXIT && arg >= 1 && arg <= 3) /* Mod, TLBL, TLBS: and BadVAddr */
            fprintf(events, " 0x%08" PRIx32, c->cp0.badvaddr);
        fputc('\n', events);
    }
}

static void on_trace(void *ctx, struct cpu *c, uint32_t pc, uint32_t insn)
{
    if (c->gm && !last_gm)
        event(c, PT_GUEST_ENTRY, (c->cp0.guestctl1 & GUESTCTL1_ID) >> GUESTCTL1_ID_SHIFT);
    last_gm = c->gm;
    if (c->stats.guest_interrupts != last_gint) {
        last_gint = c->stats.guest_interrupts;
        event(c, PT_GUEST_IRQ, 0);
    }
    /* root WAIT (MIPS32 PRA MD00090: COP0 CO, funct 0x20): the hypervisor idles,
     * its exit is over */
    if (!c->gm && (insn & 0xfe00003fu) == 0x42000020u)
        event(c, PT_ROOT_WAIT, 0);
    event(c, PT_PC, pc);
    if (prev_trace)
        prev_trace(prev_trace_ctx, c, pc, insn);
}

static void on_exc(void *ctx, struct cpu *c, unsigned code, uint32_t epc)
{
    exc_pc = epc;
    if (last_gm || c->exc_gm) /* also an exit before its first guest instruction */
        event(c, PT_GUEST_EXIT, code);
    last_gm = false;
    event(c, PT_EXC, code);
    if (prev_exc)
        prev_exc(prev_exc_ctx, c, code, epc);
}

static void on_irq(void *ctx, unsigned v)
{
    event(&soc->cpu, PT_IRQ, v);
}

static bool resolve(struct point *p, const char *const *images, unsigned n, char *err,
                    size_t errlen)
{
    if (p->kind != PT_PC || !p->sym[0])
        return true;
    uint32_t v;
    if (!find_symbol(images, n, p->sym, &v)) {
        snprintf(err, errlen, "symbol '%s' not found in the image(s)", p->sym);
        return false;
    }
    p->arg = v + p->off;
    return true;
}

bool measure_start(struct soc *s, const char *const *images, unsigned nimages, char *err,
                   size_t errlen)
{
    if (!nms && !events && !timeline)
        return true;
    elf_version(EV_CURRENT);
    for (unsigned i = 0; i < nms; i++)
        if (!resolve(&ms[i].from, images, nimages, err, errlen) ||
            !resolve(&ms[i].to, images, nimages, err, errlen))
            return false;
    soc = s;
    struct cpu *c = &s->cpu;
    prev_trace = c->hooks.trace;
    prev_trace_ctx = c->hooks.ctx;
    prev_exc = c->hooks.exception;
    prev_exc_ctx = c->hooks.ctx;
    c->hooks.trace = on_trace;
    c->hooks.exception = on_exc;
    if (s->intc)
        intc_set_probe(s->intc, on_irq, NULL);
    return true;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

struct stat3 {
    uint64_t min, med, max;
};

static struct stat3 stats_of(const struct measure *m, bool cycles)
{
    struct stat3 r = {0, 0, 0};
    if (!m->n)
        return r;
    uint64_t *v = malloc(m->n * sizeof *v);
    if (!v)
        return r;
    for (size_t i = 0; i < m->n; i++)
        v[i] = cycles ? m->s[i].cycles : m->s[i].insns;
    qsort(v, m->n, sizeof *v, cmp_u64);
    r.min = v[0];
    r.med = v[m->n / 2];
    r.max = v[m->n - 1];
    free(v);
    return r;
}

void measure_report(void)
{
    FILE *j = json_path ? fopen(json_path, "w") : NULL;
    if (json_path && !j)
        fprintf(stderr, "vpsim: cannot write %s\n", json_path);
    if (j)
        fprintf(j, "{\n");
    for (unsigned i = 0; i < nms; i++) {
        const struct measure *m = &ms[i];
        struct stat3 cy = stats_of(m, true), in = stats_of(m, false);
        fprintf(stderr,
                "measure %s: n=%zu cycles min %" PRIu64 " median %" PRIu64 " max %" PRIu64
                ", instructions min %" PRIu64 " median %" PRIu64 " max %" PRIu64 "\n",
                m->name, m->n, cy.min, cy.med, cy.max, in.min, in.med, in.max);
        if (j) {
            fputs("  ", j);
            json_string(j, m->name);
            fprintf(j,
                    ": {\"n\": %zu, \"cycles\": [%" PRIu64 ", %" PRIu64 ", %" PRIu64
                    "], \"instructions\": [%" PRIu64 ", %" PRIu64 ", %" PRIu64 "]}%s\n",
                    m->n, cy.min, cy.med, cy.max, in.min, in.med, in.max,
                    i + 1 < nms ? "," : "");
        }
    }
    if (j) {
        fprintf(j, "}\n");
        fclose(j);
    }
}

void measure_free(void)
{
    for (unsigned i = 0; i < nms; i++)
        free(ms[i].s);
    nms = 0;
    if (events && events != stderr)
        fclose(events);
    events = NULL;
    if (timeline) {
        fputs("\n]\n", timeline);
        fclose(timeline);
        timeline = NULL;
    }
    free(json_path);
    json_path = NULL;
}

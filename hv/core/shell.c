/*
 * The hypervisor shell: what is typed while the hypervisor has the
 * console's focus (Ctrl-E 0), with `hypervisor: { shell: true }`.
 *
 *   help  status  stats  log  faults [N]  stop N  cont N  restart N  dump N  focus N
 *
 * N is a guest's number (1..7) or name. A typed line is kept in a bounded
 * buffer (backspace edits, Ctrl-U clears, Ctrl-C drops it and stops a
 * reply); Enter runs it. The reply is the typed line ("tinyVP> ...") and
 * lines that start "tinyVP: ", like the hypervisor's own.
 *
 * Contract with the guests' windows: the shell runs in root interrupt
 * context (the console's RX and TX interrupts), so it does bounded work
 * per call — one command parsed per typed line, at most SHELL_BURST reply
 * lines per call — and never waits for the wire: a reply line is made
 * only when the hypervisor's console buffer has room for a whole one;
 * the rest of a long reply follows as the wire drains (console_kick).
 * One line typed while a reply is going out is kept and run after it;
 * more are dropped.
 */
#include "hv.h"

#if CONFIG_SHELL

#define SHELL_LINE  64u  /* typed line, characters */
#define SHELL_OUT   128u /* longest reply line, with its tag and newline */
#define SHELL_BURST 2u   /* reply lines per call */
#define CTRL_C 0x03
#define CTRL_U 0x15

/* A command prints its reply one line per step: step(v, i) prints line i
 * and says whether there are more. v: its guest argument, if it takes one. */
struct shell_cmd {
    const char *name;
    const char *args;
    const char *what;
    uint8_t arg; /* enum shell_arg */
    bool (*step)(struct vcpu *v, unsigned i);
};
enum shell_arg { ARG_NONE = 0, ARG_GUEST, ARG_FOCUS, ARG_ANY_GUEST /* a guest or none */ };

static char typed[SHELL_LINE + 1];
static unsigned typed_len;
static bool typed_long;                 /* more was typed than fits */
static char ahead[SHELL_LINE + 1];      /* a line typed during a reply */
static bool ahead_full;

static struct {
    const struct shell_cmd *cmd;        /* 0: no reply going out */
    struct vcpu *v;
    unsigned arg;                       /* focus N */
    unsigned i;                         /* next line of the reply */
    bool echoed;                        /* "tinyVP> line" is out */
    char line[SHELL_LINE + 1];
} job;
static bool busy;                       /* shell_poll is running (no re-entry) */

/* ---- output: whole lines into the hypervisor's console buffer ---------- */

static char out[SHELL_OUT];
static unsigned out_len;

static void out_putc(void *ctx, char c)
{
    (void)ctx;
    if (out_len < SHELL_OUT - 1) /* room kept for the newline */
        out[out_len++] = c;
}

/* A reply line is made in out: "tinyVP: " first (">" in place of ":" for
 * the echo of a command), then its parts (add), then the newline; it goes
 * to the hypervisor's console buffer whole (line_end). The caller has
 * checked the room (hv_console_putc never waits then). */
static __attribute__((noinline)) void line_begin(char mark)
{
    for (out_len = 0; out_len < 8; out_len++)
        out[out_len] = out_len == 6 ? mark : "tinyVP: "[out_len];
}

__attribute__((format(printf, 1, 2))) static void add(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tlib_vformat(out_putc, NULL, fmt, ap);
    va_end(ap);
}

static __attribute__((noinline)) void line_end(void)
{
    out[out_len++] = '\n';
    for (unsigned k = 0; k < out_len; k++)
        hv_console_putc(out[k]);
}

/* One reply line made by one format */
__attribute__((format(printf, 2, 3))) static void say_mark(char mark, const char *fmt, ...)
{
    va_list ap;
    line_begin(mark);
    va_start(ap, fmt);
    tlib_vformat(out_putc, NULL, fmt, ap);
    va_end(ap);
    line_end();
}

#define say(...) say_mark(':', __VA_ARGS__)

static bool room(void)
{
    return hv_console_room(HV_GUEST_ID) >= SHELL_OUT;
}

/* ---- commands ------------------------------------------------------------ */

static bool cmd_help(struct vcpu *v, unsigned i);
static bool cmd_status(struct vcpu *v, unsigned i);
static bool cmd_stats(struct vcpu *v, unsigned i);
static bool cmd_log(struct vcpu *v, unsigned i);
static bool cmd_faults(struct vcpu *v, unsigned i);
static bool cmd_stop(struct vcpu *v, unsigned i);
static bool cmd_cont(struct vcpu *v, unsigned i);
static bool cmd_restart(struct vcpu *v, unsigned i);
static bool cmd_dump(struct vcpu *v, unsigned i);
static bool cmd_focus(struct vcpu *v, unsigned i);

static const struct shell_cmd cmds[] = {
    {"help", "", "this list", ARG_NONE, cmd_help},
    {"status", "", "each guest: state, restarts, faults, exits, windows", ARG_NONE, cmd_status},
    {"stats", "", "each guest: exits by kind, hypercalls, emulations, interrupts", ARG_NONE, cmd_stats},
    {"log", "", "the last guest faults", ARG_NONE, cmd_log},
    {"faults", "[N]", "each guest's (or N's) faults by kind, restarts, its last ones", ARG_ANY_GUEST, cmd_faults},
    {"stop", "N", "stop guest N (its devices and timer go on)", ARG_GUEST, cmd_stop},
    {"cont", "N", "continue guest N after stop", ARG_GUEST, cmd_cont},
    {"restart", "N", "restart guest N from its entry", ARG_GUEST, cmd_restart},
    {"dump", "N", "guest N's PC and saved Status, Cause, EPC, BadVAddr", ARG_GUEST, cmd_dump},
    {"focus", "N", "input to guest N (0: here)", ARG_FOCUS, cmd_focus},
};
#define NR_CMDS ARRAY_SIZE(cmds)

static const char *state_name(const struct vcpu *v)
{
    static const char *const names[] = {
        [VCPU_RUNNABLE] = "running",
        [VCPU_WAITING] = "waiting",
        [VCPU_STOPPED] = "stopped",
    };
    return v->state < ARRAY_SIZE(names) ? names[v->state] : "?";
}

/* Its state before `stop`, plus one; 0: not stopped by the shell (a
 * fault's stop is not for `cont`). */
static uint8_t held[CONFIG_NR_GUESTS];

static bool cmd_help(struct vcpu *v, unsigned i)
{
    (void)v;
    if (i == 0) {
        say("commands (N: a guest's number or name; Ctrl-E 1..%u: a guest's input):",
            (unsigned)CONFIG_NR_GUESTS);
        return true;
    }
    const struct shell_cmd *c = &cmds[i - 1];
    say("  %-8s%-4s%s", c->name, c->args, c->what);
    return i < NR_CMDS;
}

/* The first window of guest g in the frame, and how many it has. */
static unsigned first_window(guest_id_t g, unsigned *n)
{
    unsigned first = CONFIG_NR_WINDOWS;
    *n = 0;
    for (unsigned w = 0; w < CONFIG_NR_WINDOWS; w++)
        if (tvp_windows[w].guest == g) {
            if (!*n)
                first = w;
            (*n)++;
        }
    return first;
}

/* v in decimal into buf (21 bytes): hv_printf has no 64-bit conversion,
 * and there is no libgcc: each step divides by 10 in 16-bit digits. */
static const char *dec64(uint64_t v, char *buf)
{
    char *p = buf + 20;
    *p = 0;
    do {
        uint32_t hi = (uint32_t)(v >> 32), lo = (uint32_t)v;
        uint32_t x = (hi % 10u) << 16 | lo >> 16;
        uint32_t y = (x % 10u) << 16 | (lo & 0xffffu);
        *--p = (char)('0' + y % 10u);
        v = (uint64_t)(hi / 10u) << 32 | (x / 10u) << 16 | y / 10u;
    } while (v && p > buf);
    return p;
}

static bool cmd_status(struct vcpu *v, unsigned i)
{
    static bool open; /* the window when the command ran: its lines go */
    static unsigned w; /* out as the wire drains, later */
    uint64_t frames;
    uint32_t ms, sec;
    char buf[21];
    (void)v;
    if (i == 0) {
        w = sched_window(&open, &frames);
        sec = hv_uptime(&ms);
        say("at %u.%03u s, frame %s, %s window %u of %u (%s)", sec, ms, dec64(frames, buf),
            open ? "in" : "before", w + 1, (unsigned)CONFIG_NR_WINDOWS,
            tvp_guests[tvp_windows[w].guest - 1].name);
        return true;
    }
    if (i == 1) {
        say(" N name            state    restarts faults      exits  windows");
        return true;
    }
    const struct vcpu *g = &vcpus[i - 2];
    unsigned n, fw = first_window(g->id, &n);
    say(" %u %-15s %-8s %8u %6u %10u  %u at %u us +%u us%s%s", g->id, g->cfg->name, state_name(g),
        g->restarts, g->st.faults, g->st.exits, n, fw < CONFIG_NR_WINDOWS ? tvp_windows[fw].start_us : 0,
        fw < CONFIG_NR_WINDOWS ? tvp_windows[fw].duration_us : 0,
        open && tvp_windows[w].guest == g->id ? ", now" : "",
        held[i - 2] ? ", by the shell" : "");
    return i - 1 < CONFIG_NR_GUESTS;
}

static bool cmd_stats(struct vcpu *v, unsigned i)
{
    (void)v;
    if (i == 0) {
        say("exits by kind: int gpsi gsfc hc ge gpa cpu other; then hypercalls, emulations,"
            " interrupts injected, switches");
        return true;
    }
    const struct vcpu *g = &vcpus[(i - 1) / 2];
    const uint32_t *k = g->st.kind;
    if ((i - 1) % 2 == 0)
        say(" %u %s: exits %u: int %u gpsi %u gsfc %u hc %u ge %u gpa %u cpu %u other %u", g->id,
            g->cfg->name, g->st.exits, k[EXK_INT], k[EXK_GPSI], k[EXK_GSFC], k[EXK_HC], k[EXK_GE],
            k[EXK_GPA], k[EXK_CPU], k[EXK_OTHER]);
    else
        say(" %u %s: hypercalls %u, emulations %u, injected %u, switches %u, faults %u", g->id,
            g->cfg->name, g->st.hcalls, g->st.emul, board_virq_taken_count(g->id), g->st.switches, g->st.faults);
    return i < 2 * CONFIG_NR_GUESTS;
}

static bool cmd_log(struct vcpu *v, unsigned i)
{
    (void)v;
    unsigned n = health_log_count();
    if (i == 0) {
        if (!n)
            say("no guest faults");
        else
            say("the last %u guest fault%s, oldest first:", n, n > 1 ? "s" : "");
        return n != 0;
    }
    static unsigned log_floor; /* the steps come in order: each goes on from the last */
    guest_id_t g = HV_GUEST_ID;
    if (i == 1)
        log_floor = 0x10000u;
    const struct hm_rec *r = health_log_next(&log_floor, &g);
    if (!r)
        return false; /* none left: new faults pushed them out */
    say("  %u.%03u s %s: %s at pc %08x (addr %08x): %s", r->t_ms / 1000u, r->t_ms % 1000u,
        tvp_guests[g - 1].name, health_kind_name(r->kind), r->pc, r->addr, health_policy_name(r->action));
    return i < n;
}

/* Per guest: its faults and restarts (and its restart budget), its count
 * per kind, its last HM_KEEP faults newest first; every guest's, or v's.
 * Line i of the reply: found by walking the guests' line counts (2 +
 * kept faults each). */
static bool cmd_faults(struct vcpu *v, unsigned i)
{
    unsigned first = v ? idx_of(v) : 0, last = v ? idx_of(v) : CONFIG_NR_GUESTS - 1, g = first;
    for (; g < last && i >= 2 + health_guest_count(&vcpus[g]); g++)
        i -= 2 + health_guest_count(&vcpus[g]);
    const struct vcpu *x = &vcpus[g];
    const struct tvp_guest *c = x->cfg;
    if (i == 0) {
        if (CONFIG_HM_BUDGETS && c->within_ms)
            say(" %u %s: %u faults, %u restarts; budget %u of %u in %u ms used", x->id, c->name,
                x->st.faults, x->restarts, health_budget_used(x), (unsigned)c->max_restarts, c->within_ms);
        else
            say(" %u %s: %u faults, %u restarts; no restart budget", x->id, c->name, x->st.faults,
                x->restarts);
    } else if (i == 1) {
        line_begin(':');
        for (unsigned k = 0; k < TVP_HM_KINDS; k++)
            add("%s %s %u", k ? "," : "  ", health_class_names[k], health_kind_count(x, k));
        line_end();
    } else {
        const struct hm_rec *r = health_guest_get(x, i - 2);
        say("   %u.%03u s %s at pc %08x addr %08x: %s", r->t_ms / 1000u, r->t_ms % 1000u,
            health_kind_name(r->kind), r->pc, r->addr, health_policy_name(r->action));
    }
    return g < last || i + 1 < 2 + health_guest_count(x);
}

static bool cmd_stop(struct vcpu *v, unsigned i)
{
    (void)i;
    if (v->state == VCPU_STOPPED) {
        say("guest %s is already stopped", v->cfg->name);
        return false;
    }
    /* its timer, devices and interrupts go on; pending ones wait for `cont` */
    held[idx_of(v)] = (uint8_t)(v->state + 1);
    v->state = VCPU_STOPPED;
    say("guest %s stopped (cont %u: on)", v->cfg->name, v->id);
    return false;
}

static bool cmd_cont(struct vcpu *v, unsigned i)
{
    (void)i;
    unsigned was = held[idx_of(v)];
    if (v->state != VCPU_STOPPED) {
        say("guest %s is not stopped", v->cfg->name);
    } else if (!was) {
        say("guest %s was stopped by a fault: restart %u", v->cfg->name, v->id);
    } else {
        held[idx_of(v)] = 0;
        v->state = (uint8_t)(was - 1);
        virq_kick(v); /* waiting, and an interrupt came meanwhile: it runs */
        say("guest %s continues (%s)", v->cfg->name, state_name(v));
    }
    return false;
}

static bool cmd_restart(struct vcpu *v, unsigned i)
{
    (void)i;
    held[idx_of(v)] = 0;
    health_budget_clear(v); /* the operator's: a fresh budget */
    board_guest_reset_cause(v->id, BOARD_RESET_EXT);
    vcpu_reset(v);
    v->restarts++;
    if (v == cur)
        sched_yield(); /* as the health monitor's restart: from its next window */
    say("guest %s restarts at %08x (restart %u)", v->cfg->name, v->pc, v->restarts);
    return false;
}

static bool cmd_dump(struct vcpu *v, unsigned i)
{
    /* the hardware holds the loaded guest's context; the rest are saved */
    bool hw = vcpu_loaded(v);
    if (i == 0) {
        say("guest %s, %s: pc %08x", v->cfg->name, state_name(v), v->pc);
        return true;
    }
    say("  Status %08x Cause %08x EPC %08x BadVAddr %08x", hw ? read_gc0_status() : v->gctx.status,
        hw ? read_gc0_cause() : v->gctx.cause, hw ? read_gc0_epc() : v->gctx.epc,
        hw ? read_gc0_badvaddr() : v->gctx.badvaddr);
    return false;
}

static bool cmd_focus(struct vcpu *v, unsigned i)
{
    (void)v;
    (void)i;
    if (!console_focus(job.arg))
        say("no guest %u with a console", job.arg);
    return false;
}


/* ---- parsing ------------------------------------------------------------- */

static bool word_is(const char *w, unsigned n, const char *s)
{
    unsigned k = 0;
    for (; k < n && s[k]; k++)
        if (w[k] != s[k])
            return false;
    return k == n && !s[k];
}

/* "3" or a guest's name: its vcpu, or 0. */
static struct vcpu *guest_arg(const char *w, unsigned n)
{
    if (n == 1 && w[0] >= '1' && w[0] < '1' + CONFIG_NR_GUESTS)
        return &vcpus[w[0] - '1'];
    for (unsigned k = 0; k < CONFIG_NR_GUESTS; k++)
        if (word_is(w, n, tvp_guests[k].name))
            return &vcpus[k];
    return 0;
}

static bool error_reply(struct vcpu *v, unsigned i);
static const char *error_why;
/* An explicit section keeps it out of the small-data model (-G): GCC 12's
 * LTO otherwise addresses it through $gp while placing it in .rodata. */
static const struct shell_cmd error_cmd __attribute__((section(".rodata.error_cmd"))) = {
    "", "", "", ARG_NONE, error_reply};

static bool error_reply(struct vcpu *v, unsigned i)
{
    (void)v;
    (void)i;
    say("%s (help: the commands)", error_why);
    return false;
}

/* The next word of line from *k (spaces skipped): its start in *at, its
 * length returned (0: none), *k past it. Bounded by SHELL_LINE. */
static unsigned next_word(const char *line, unsigned *k, unsigned *at)
{
    while (*k < SHELL_LINE && line[*k] == ' ')
        (*k)++;
    *at = *k;
    while (*k < SHELL_LINE && line[*k] && line[*k] != ' ')
        (*k)++;
    return *k - *at;
}

/* A typed line becomes the job: its command and argument, or an error. */
static void start(const char *line)
{
    unsigned k = 0, n = 0, cmd_at, cmd_n, arg_at, arg_n, more_at;
    for (; n < SHELL_LINE && line[n]; n++)
        job.line[n] = line[n];
    job.line[n] = 0;
    line = job.line; /* NUL-terminated within SHELL_LINE + 1: the scans below stop there */
    cmd_n = next_word(line, &k, &cmd_at);
    arg_n = next_word(line, &k, &arg_at);
    bool more = next_word(line, &k, &more_at) != 0;

    job.cmd = &error_cmd;
    job.v = 0;
    job.i = 0;
    job.echoed = false;
    const struct shell_cmd *c = 0;
    for (n = 0; n < NR_CMDS && !c; n++)
        if (word_is(line + cmd_at, cmd_n, cmds[n].name))
            c = &cmds[n];
    if (!c) {
        error_why = "unknown command";
    } else if (more || (c->arg == ARG_NONE && arg_n)) {
        error_why = "too many arguments";
    } else if (c->arg == ARG_GUEST && !(job.v = guest_arg(line + arg_at, arg_n))) {
        error_why = arg_n ? "no such guest" : "which guest? (a number or a name)";
    } else if (c->arg == ARG_ANY_GUEST && arg_n && !(job.v = guest_arg(line + arg_at, arg_n))) {
        error_why = "no such guest";
    } else if (c->arg == ARG_FOCUS && !(arg_n == 1 && line[arg_at] >= '0' && line[arg_at] <= '7')) {
        error_why = "focus 0..7";
    } else {
        job.arg = c->arg == ARG_FOCUS ? (unsigned)(line[arg_at] - '0') : 0;
        job.cmd = c;
    }
}

/* The reply's next lines while the console buffer has room for them;
 * true while more are to come. */
bool shell_poll(void)
{
    if (busy || !job.cmd)
        return job.cmd != 0;
    busy = true;
    for (unsigned n = 0; n < SHELL_BURST && job.cmd && room(); n++) {
        if (!job.echoed) {
            say_mark('>', "%s", job.line);
            job.echoed = true;
        } else if (!job.cmd->step(job.v, job.i++)) {
            job.cmd = 0;
            if (ahead_full) { /* the line typed meanwhile: its reply next */
                ahead_full = false;
                start(ahead);
            }
        }
    }
    busy = false;
    return job.cmd != 0;
}

void shell_input(char c)
{
    if (c == '\r' || c == '\n') {
        if (typed_long) {
            typed_long = false;
            typed_len = 0;
            if (!job.cmd) {
                start("");
                job.echoed = true; /* nothing to echo */
                error_why = "line too long";
            }
        } else if (typed_len) {
            typed[typed_len] = 0;
            typed_len = 0;
            if (!job.cmd) {
                start(typed);
            } else if (!ahead_full) {
                for (unsigned k = 0; k <= SHELL_LINE; k++)
                    ahead[k] = typed[k];
                ahead_full = true;
            } /* else dropped: two lines ahead of the reply */
        }
        console_kick(); /* shell_poll, and the TX interrupt on while the reply goes on */
    } else if (c == '\b' || c == 0x7f) {
        if (typed_len)
            typed_len--;
    } else if (c == CTRL_U) {
        typed_len = 0;
        typed_long = false;
    } else if (c == CTRL_C) {
        typed_len = 0;
        typed_long = false;
        ahead_full = false;
        job.cmd = 0;
    } else if (c >= ' ' && c < 0x7f) {
        if (typed_len < SHELL_LINE)
            typed[typed_len++] = c;
        else
            typed_long = true;
    }
}

#else /* no shell: the hypervisor's input is dropped */

void shell_input(char c)
{
    (void)c;
}

bool shell_poll(void)
{
    return false;
}

#endif

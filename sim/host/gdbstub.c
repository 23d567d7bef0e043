/*
 * vpsim: GDB remote serial protocol stub (see gdbstub.h).
 *
 * Running and stopping. While a breakpoint is set or a step runs, the
 * stub installs the core's pre_exec hook, called at each instruction
 * boundary before the fetch: stopping there leaves the core with nothing
 * of the next instruction charged, so a run with stops has the same cycle
 * count as one without. To notice ^C and to honour the run limit, the stub
 * runs the core in slices of SLICE cycles through limit_cycles (the extra
 * instruction boundaries this makes are ones the core would also accept at
 * any time).
 */
#include "gdbstub.h"

#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mips/mipsregs.h>

#include "../soc/pic32mz/soc.h"

#define SLICE       (1u << 21) /* cycles between checks for ^C (~10 ms simulated) */
#define MAX_BP      64
#define PKT_MAX     4096
#define NREGS       72 /* 0-31 GPRs, sr, lo, hi, bad, cause, pc, f0-f31, fsr, fir */
#define REG_SR      32
#define REG_LO      33
#define REG_HI      34
#define REG_BAD     35
#define REG_CAUSE   36
#define REG_PC      37
#define REG_F0      38
#define REG_FSR     70
#define REG_FIR     71

enum run_mode { RUN_CONTINUE, RUN_STEP };
enum stop_why { WHY_NONE, WHY_TRAP, WHY_INT, WHY_END };

static struct gdb {
    struct soc *soc;
    struct cpu *c;
    int fd;
    bool noack;
    uint64_t limit;        /* the run limit the user gave (UINT64_MAX = none) */
    uint32_t bp[MAX_BP];
    unsigned nbp;
    enum run_mode mode;
    bool trapped;          /* the pre_exec hook stopped the core */
    unsigned executed;     /* instructions let through since the resume */
    bool skip_bp_once;     /* resuming at a breakpoint: execute it first */
    uint32_t resume_pc;
    char last_stop[64];
} g;

static bool is_bp(uint32_t pc)
{
    for (unsigned i = 0; i < g.nbp; i++)
        if (g.bp[i] == pc)
            return true;
    return false;
}

static bool gdb_pre_exec(void *ctx, struct cpu *c)
{
    uint32_t pc = c->pc;
    if (g.mode == RUN_STEP) {
        if (g.executed >= 1) {
            g.trapped = true;
            return true;
        }
    } else if (g.nbp && is_bp(pc)) {
        if (!(g.skip_bp_once && g.executed == 0 && pc == g.resume_pc)) {
            g.trapped = true;
            return true;
        }
    }
    g.executed++;
    return false;
}

/* ---- packets ------------------------------------------------------------ */

static const char hexd[] = "0123456789abcdef";

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

static bool send_raw(const void *buf, size_t len)
{
    const char *p = buf;
    while (len) {
        ssize_t k = send(g.fd, p, len, MSG_NOSIGNAL);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        p += k;
        len -= (size_t)k;
    }
    return true;
}

/* One byte from the debugger; -1 on EOF/error. */
static int get_byte(void)
{
    unsigned char ch;
    for (;;) {
        ssize_t k = recv(g.fd, &ch, 1, 0);
        if (k == 1)
            return ch;
        if (k < 0 && errno == EINTR)
            continue;
        return -1;
    }
}

static bool send_packet(const char *data)
{
    size_t len = strlen(data);
    char *buf = malloc(len + 5);
    if (!buf)
        return false;
    unsigned sum = 0;
    for (size_t i = 0; i < len; i++)
        sum += (unsigned char)data[i];
    buf[0] = '$';
    memcpy(buf + 1, data, len);
    buf[len + 1] = '#';
    buf[len + 2] = hexd[(sum >> 4) & 15];
    buf[len + 3] = hexd[sum & 15];
    for (int tries = 0; tries < 8; tries++) {
        if (!send_raw(buf, len + 4)) {
            free(buf);
            return false;
        }
        if (g.noack)
            break;
        int ch;
        do
            ch = get_byte();
        while (ch != '+' && ch != '-' && ch >= 0);
        if (ch != '-')
            break;
    }
    free(buf);
    return true;
}

/* Reads one packet into buf (NUL-terminated). Returns its length, -1 on
 * EOF, -2 for a ^C received outside a packet. */
static int get_packet(char *buf, size_t n)
{
    for (;;) {
        int ch = get_byte();
        if (ch < 0)
            return -1;
        if (ch == 0x03)
            return -2;
        if (ch != '$')
            continue; /* acks, noise */
        size_t len = 0;
        unsigned sum = 0;
        bool overflow = false;
        while ((ch = get_byte()) >= 0 && ch != '#') {
            if (len + 1 < n)
                buf[len++] = (char)ch;
            else
                overflow = true;
            sum += (unsigned)ch;
        }
        if (ch < 0)
            return -1;
        int h = get_byte(), l = get_byte();
        if (h < 0 || l < 0)
            return -1;
        buf[len] = 0;
        bool ok = !overflow && hexval(h) >= 0 && hexval(l) >= 0 &&
                  (unsigned)(hexval(h) << 4 | hexval(l)) == (sum & 0xFF);
        if (!g.noack && !send_raw(ok ? "+" : "-", 1))
            return -1;
        if (ok)
            return (int)len;
    }
}

/* ---- registers ---------------------------------------------------------- */

static uint32_t reg_get(unsigned n)
{
    struct cpu *c = g.c;
    const struct cp0 *p = c->gm ? &c->gcp0 : &c->cp0;
    if (n < 32)
        return n ? c->r[n] : 0;
    if (n >= REG_F0 && n < REG_F0 + 32)
        return fpu_get_w(c, n - REG_F0);
    switch (n) {
    case REG_SR: return p->status;
    case REG_LO: return c->lo;
    case REG_HI: return c->hi;
    case REG_BAD: return p->badvaddr;
    case REG_CAUSE:
        if (c->gm) /* the guest sees GuestCtl2.GRIPL as its RIPL */
            return (p->cause & ~CAUSEF_RIPL) |
                   ((c->cp0.guestctl2 >> GUESTCTL2_GRIPL_SHIFT) & 0xFF) << CAUSEB_RIPL;
        return (p->cause & ~CAUSEF_RIPL) | (uint32_t)(c->eic_ripl & 0xFF) << CAUSEB_RIPL;
    case REG_PC: return c->pc;
    case REG_FSR: return c->fpu.fcsr;
    case REG_FIR: return c->fpu.fir;
    default: return 0;
    }
}

/* Register writes. PC: a new PC leaves any delay slot. sr/cause: through
 * the root CP0 write path (masks, side effects); ignored while stopped in
 * guest mode. badvaddr and fir are read-only. */
static void reg_set(unsigned n, uint32_t v)
{
    struct cpu *c = g.c;
    if (n < 32) {
        if (n)
            c->r[n] = v;
        return;
    }
    if (n >= REG_F0 && n < REG_F0 + 32) {
        fpu_set_w(c, n - REG_F0, v);
        return;
    }
    switch (n) {
    case REG_SR: if (!c->gm) cp0_write(c, 12, 0, v); break;
    case REG_CAUSE: if (!c->gm) cp0_write(c, 13, 0, v); break;
    case REG_LO: c->lo = v; break;
    case REG_HI: c->hi = v; break;
    case REG_PC:
        c->pc = v;
        c->in_ds = false;
        break;
    case REG_FSR: c->fpu.fcsr = v; break;
    default: break;
    }
}

static void put_le32(char *out, uint32_t v)
{
    for (unsigned i = 0; i < 4; i++) {
        unsigned b = (v >> (8 * i)) & 0xFF;
        out[2 * i] = hexd[b >> 4];
        out[2 * i + 1] = hexd[b & 15];
    }
}

static bool get_le32(const char *in, uint32_t *v)
{
    uint32_t r = 0;
    for (unsigned i = 0; i < 4; i++) {
        int h = hexval(in[2 * i]), l = h < 0 ? -1 : hexval(in[2 * i + 1]);
        if (l < 0)
            return false;
        r |= (uint32_t)(h << 4 | l) << (8 * i);
    }
    *v = r;
    return true;
}

/* ---- memory ------------------------------------------------------------- */

static bool translate(uint32_t va, uint32_t *pa)
{
    return cpu_debug_translate(g.c, va, pa);
}

/* Reads up to len bytes from memory (RAM, flash, boot flash: never a
 * device register); returns how many could be read. */
static size_t mem_read(uint32_t va, uint8_t *buf, size_t len)
{
    size_t done = 0;
    while (done < len) {
        uint32_t pa;
        if (!translate(va + (uint32_t)done, &pa) || !bus_read_debug(&g.soc->bus, pa, buf + done, 1))
            break;
        done++;
    }
    return done;
}

static bool mem_write(uint32_t va, const uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        uint32_t pa;
        if (!translate(va + (uint32_t)i, &pa) || !bus_write_debug(&g.soc->bus, pa, buf + i, 1))
            return false;
    }
    return true;
}

/* ---- target description -------------------------------------------------- */

static const char *target_xml(void)
{
    static char xml[8192];
    if (xml[0])
        return xml;
    size_t n = 0;
#define ADD(...) (n += (size_t)snprintf(xml + n, sizeof xml - n, __VA_ARGS__))
    ADD("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target>\n"
        "<architecture>mips</architecture>\n<feature name=\"org.gnu.gdb.mips.cpu\">\n");
    for (unsigned i = 0; i < 32; i++)
        ADD("<reg name=\"r%u\" bitsize=\"32\" regnum=\"%u\"/>\n", i, i);
    ADD("<reg name=\"lo\" bitsize=\"32\" regnum=\"33\"/>\n"
        "<reg name=\"hi\" bitsize=\"32\" regnum=\"34\"/>\n"
        "<reg name=\"pc\" bitsize=\"32\" regnum=\"37\"/>\n</feature>\n"
        "<feature name=\"org.gnu.gdb.mips.cp0\">\n"
        "<reg name=\"status\" bitsize=\"32\" regnum=\"32\"/>\n"
        "<reg name=\"badvaddr\" bitsize=\"32\" regnum=\"35\"/>\n"
        "<reg name=\"cause\" bitsize=\"32\" regnum=\"36\"/>\n</feature>\n"
        "<feature name=\"org.gnu.gdb.mips.fpu\">\n");
    for (unsigned i = 0; i < 32; i++)
        ADD("<reg name=\"f%u\" bitsize=\"32\" type=\"ieee_single\" regnum=\"%u\"/>\n", i,
            REG_F0 + i);
    ADD("<reg name=\"fcsr\" bitsize=\"32\" group=\"float\" regnum=\"70\"/>\n"
        "<reg name=\"fir\" bitsize=\"32\" group=\"float\" regnum=\"71\"/>\n</feature>\n"
        "</target>\n");
#undef ADD
    return xml;
}

/* qXfer:features:read:target.xml:OFF,LEN */
static void xfer_features(const char *args, char *out, size_t outn)
{
    const char *colon = strchr(args, ':');
    if (!colon || strncmp(args, "target.xml", (size_t)(colon - args)) != 0 ||
        colon - args != 10) {
        snprintf(out, outn, "E00");
        return;
    }
    char *end;
    unsigned long off = strtoul(colon + 1, &end, 16);
    if (*end != ',') {
        snprintf(out, outn, "E00");
        return;
    }
    unsigned long len = strtoul(end + 1, NULL, 16);
    const char *x = target_xml();
    size_t total = strlen(x);
    if (len > outn - 2)
        len = outn - 2;
    if (off >= total) {
        snprintf(out, outn, "l");
        return;
    }
    size_t k = total - off < len ? total - off : len;
    out[0] = off + k < total ? 'm' : 'l';
    memcpy(out + 1, x + off, k); /* the XML holds no '$', '#', '}' or '*' */
    out[1 + k] = 0;
}

/* ---- running ------------------------------------------------------------- */

static bool interrupt_requested(void)
{
    struct pollfd p = {.fd = g.fd, .events = POLLIN};
    if (poll(&p, 1, 0) <= 0)
        return false;
    unsigned char ch;
    ssize_t k = recv(g.fd, &ch, 1, MSG_PEEK);
    if (k <= 0)
        return true; /* closed: stop, the packet loop sees EOF */
    if (ch == 0x03) {
        (void)recv(g.fd, &ch, 1, 0);
        return true;
    }
    return false;
}

/* Runs until a breakpoint, the end of a step, ^C or the end of the
 * program. Simulated time only advances in here. */
static enum stop_why run(enum run_mode mode)
{
    struct cpu *c = g.c;
    g.mode = mode;
    g.executed = 0;
    g.resume_pc = c->pc;
    g.skip_bp_once = true;
    g.trapped = false;
    bool hook = mode == RUN_STEP || g.nbp;
    c->hooks.pre_exec = hook ? gdb_pre_exec : NULL;
    enum stop_why why = WHY_NONE;
    while (why == WHY_NONE) {
        uint64_t lim = c->cycles + SLICE;
        cpu_set_limit(c, lim < g.limit && lim > c->cycles ? lim : g.limit);
        c->stop = CPU_RUNNING;
        c->deadline = 0; /* start with an instruction boundary */
        soc_run(g.soc);
        if (g.trapped) {
            why = WHY_TRAP;
            break;
        }
        if (c->stop == CPU_STOP_LIMIT && c->cycles < g.limit) {
            if (interrupt_requested())
                why = WHY_INT;
            continue;
        }
        why = WHY_END;
    }
    c->hooks.pre_exec = NULL;
    cpu_set_limit(c, g.limit);
    if (why != WHY_END) {
        c->stop = CPU_RUNNING;
        c->deadline = 0;
    }
    return why;
}

static void stop_reply(enum stop_why why, char *out, size_t n)
{
    char pc[9] = {0}, sp[9] = {0};
    put_le32(pc, reg_get(REG_PC));
    put_le32(sp, reg_get(29));
    snprintf(out, n, "T%02x25:%s;1d:%s;", why == WHY_INT ? 2 : 5, pc, sp);
}

/* The program ended (exit, limit, deadlock, --until): W with the status
 * vpsim will exit with. */
static void end_reply(char *out, size_t n)
{
    struct cpu *c = g.c;
    int status;
    switch (c->stop) {
    case CPU_STOP_EXIT: status = c->exit_code & 0xFF; break;
    case CPU_STOP_DEADLOCK: status = 125; break;
    case CPU_STOP_BREAK: status = 0; break; /* --until matched */
    default: status = 124; break;
    }
    snprintf(out, n, "W%02x", status);
}

/* ---- the session ------------------------------------------------------------ */

static bool parse_addr_len(const char *s, uint32_t *addr, size_t *len, const char **rest)
{
    char *end;
    unsigned long a = strtoul(s, &end, 16);
    if (*end != ',')
        return false;
    unsigned long l = strtoul(end + 1, &end, 16);
    *addr = (uint32_t)a;
    *len = l;
    if (rest)
        *rest = end;
    return true;
}

static void monitor(const char *hexcmd, char *out, size_t n)
{
    char cmd[128];
    size_t k = 0;
    for (; hexcmd[0] && hexcmd[1] && k + 1 < sizeof cmd; hexcmd += 2)
        cmd[k++] = (char)(hexval(hexcmd[0]) << 4 | hexval(hexcmd[1]));
    cmd[k] = 0;
    char text[512];
    struct cpu *c = g.c;
    if (!strcmp(cmd, "info") || !strcmp(cmd, "cycles")) {
        snprintf(text, sizeof text,
                 "cycles %" PRIu64 " insns %" PRIu64 " pc 0x%08" PRIx32 " mode %s%s\n",
                 c->cycles, c->insns, c->pc, c->gm ? "guest" : "root",
                 c->in_ds ? " (in a delay slot)" : "");
    } else {
        snprintf(text, sizeof text, "vpsim monitor commands: info (cycles, instructions, pc, mode)\n");
    }
    size_t o = 0;
    for (const char *p = text; *p && o + 2 < n; p++) {
        out[o++] = hexd[(unsigned char)*p >> 4];
        out[o++] = hexd[*p & 15];
    }
    out[o] = 0;
}

enum session_end { END_PROGRAM, END_DETACH, END_KILL };

static enum session_end serve(void)
{
    static char in[PKT_MAX + 1], out[PKT_MAX * 2 + 16];
    snprintf(g.last_stop, sizeof g.last_stop, "S05");
    for (;;) {
        int len = get_packet(in, sizeof in);
        if (len == -1)
            return END_DETACH; /* connection closed */
        if (len == -2) /* ^C while stopped: already stopped */
            continue;
        out[0] = 0;
        enum stop_why why = WHY_NONE;
        switch (in[0]) {
        case '?': snprintf(out, sizeof out, "%s", g.last_stop); break;
        case 'g':
            for (unsigned i = 0; i < NREGS; i++)
                put_le32(out + 8 * i, reg_get(i));
            out[8 * NREGS] = 0;
            break;
        case 'G': {
            if (strlen(in + 1) < 8 * NREGS) {
                snprintf(out, sizeof out, "E01");
                break;
            }
            uint32_t v[NREGS];
            bool ok = true;
            for (unsigned i = 0; i < NREGS && ok; i++)
                ok = get_le32(in + 1 + 8 * i, &v[i]);
            if (!ok) {
                snprintf(out, sizeof out, "E01");
                break;
            }
            for (unsigned i = 0; i < NREGS; i++)
                if (reg_get(i) != v[i])
                    reg_set(i, v[i]);
            snprintf(out, sizeof out, "OK");
            break;
        }
        case 'p': {
            unsigned long n = strtoul(in + 1, NULL, 16);
            if (n >= NREGS) {
                snprintf(out, sizeof out, "E01");
                break;
            }
            put_le32(out, reg_get((unsigned)n));
            out[8] = 0;
            break;
        }
        case 'P': {
            char *eq;
            unsigned long n = strtoul(in + 1, &eq, 16);
            uint32_t v;
            if (*eq != '=' || n >= NREGS || strlen(eq + 1) < 8 || !get_le32(eq + 1, &v)) {
                snprintf(out, sizeof out, "E01");
                break;
            }
            reg_set((unsigned)n, v);
            snprintf(out, sizeof out, "OK");
            break;
        }
        case 'm': {
            uint32_t a;
            size_t l;
            if (!parse_addr_len(in + 1, &a, &l, NULL)) {
                snprintf(out, sizeof out, "E01");
                break;
            }
            if (l > PKT_MAX / 2)
                l = PKT_MAX / 2;
            uint8_t buf[PKT_MAX / 2];
            size_t got = mem_read(a, buf, l);
            if (!got && l) {
                snprintf(out, sizeof out, "E14");
                break;
            }
            for (size_t i = 0; i < got; i++) {
                out[2 * i] = hexd[buf[i] >> 4];
                out[2 * i + 1] = hexd[buf[i] & 15];
            }
            out[2 * got] = 0;
            break;
        }
        case 'M': case 'X': {
            uint32_t a;
            size_t l;
            const char *p;
            if (!parse_addr_len(in + 1, &a, &l, &p) || *p != ':' || l > PKT_MAX) {
                snprintf(out, sizeof out, "E01");
                break;
            }
            p++;
            uint8_t buf[PKT_MAX];
            bool ok = true;
            if (in[0] == 'M') {
                for (size_t i = 0; i < l && ok; i++) {
                    int h = hexval(p[2 * i]), lo = h < 0 ? -1 : hexval(p[2 * i + 1]);
                    ok = lo >= 0;
                    buf[i] = (uint8_t)(h << 4 | lo);
                }
            } else { /* binary, '}' escapes the next byte ^ 0x20 */
                const char *end = in + len;
                for (size_t i = 0; i < l && ok; i++) {
                    if (p >= end) {
                        ok = false;
                        break;
                    }
                    uint8_t b = (uint8_t)*p++;
                    if (b == '}') {
                        ok = p < end;
                        b = ok ? (uint8_t)(*p++ ^ 0x20) : 0;
                    }
                    buf[i] = b;
                }
            }
            if (!ok)
                snprintf(out, sizeof out, "E01");
            else
                snprintf(out, sizeof out, mem_write(a, buf, l) ? "OK" : "E14");
            break;
        }
        case 'c': case 's':
            if (in[1]) { /* resume address */
                reg_set(REG_PC, (uint32_t)strtoul(in + 1, NULL, 16));
            }
            why = run(in[0] == 's' ? RUN_STEP : RUN_CONTINUE);
            break;
        case 'v':
            if (!strcmp(in, "vCont?")) {
                snprintf(out, sizeof out, "vCont;c;C;s;S");
            } else if (!strncmp(in, "vCont;", 6)) {
                /* one thread: the first action decides */
                char a = in[6];
                if (a == 'c' || a == 'C')
                    why = run(RUN_CONTINUE);
                else if (a == 's' || a == 'S')
                    why = run(RUN_STEP);
                else
                    snprintf(out, sizeof out, "E01");
            } else if (!strncmp(in, "vKill", 5)) {
                send_packet("OK");
                return END_KILL;
            }
            /* else: unsupported, empty reply */
            break;
        case 'Z': case 'z': {
            uint32_t a;
            size_t kind;
            if (in[1] != '0' || in[2] != ',') {
                break; /* only software breakpoints: empty = unsupported */
            }
            if (!parse_addr_len(in + 3, &a, &kind, NULL)) {
                snprintf(out, sizeof out, "E01");
                break;
            }
            if (in[0] == 'Z') {
                if (!is_bp(a)) {
                    if (g.nbp == MAX_BP) {
                        snprintf(out, sizeof out, "E0e");
                        break;
                    }
                    g.bp[g.nbp++] = a;
                }
            } else {
                for (unsigned i = 0; i < g.nbp; i++)
                    if (g.bp[i] == a)
                        g.bp[i--] = g.bp[--g.nbp];
            }
            snprintf(out, sizeof out, "OK");
            break;
        }
        case 'k': return END_KILL;
        case 'D':
            send_packet("OK");
            return END_DETACH;
        case 'H': case 'T': snprintf(out, sizeof out, "OK"); break;
        case 'q':
            if (!strncmp(in, "qSupported", 10)) {
                snprintf(out, sizeof out,
                         "PacketSize=%x;qXfer:features:read+;QStartNoAckMode+;vContSupported+",
                         PKT_MAX);
            } else if (!strncmp(in, "qXfer:features:read:", 20)) {
                xfer_features(in + 20, out, sizeof out < PKT_MAX ? sizeof out : PKT_MAX);
            } else if (!strcmp(in, "qAttached")) {
                snprintf(out, sizeof out, "1");
            } else if (!strcmp(in, "qC")) {
                snprintf(out, sizeof out, "QC1");
            } else if (!strcmp(in, "qfThreadInfo")) {
                snprintf(out, sizeof out, "m1");
            } else if (!strcmp(in, "qsThreadInfo")) {
                snprintf(out, sizeof out, "l");
            } else if (!strncmp(in, "qRcmd,", 6)) {
                monitor(in + 6, out, sizeof out);
            } else if (!strncmp(in, "qSymbol", 7)) {
                snprintf(out, sizeof out, "OK");
            }
            break;
        case 'Q':
            if (!strcmp(in, "QStartNoAckMode")) {
                send_packet("OK");
                g.noack = true;
                continue;
            }
            break;
        default: break; /* unsupported: empty reply */
        }
        if (why == WHY_END) {
            end_reply(out, sizeof out);
            send_packet(out);
            return END_PROGRAM;
        }
        if (why != WHY_NONE) {
            stop_reply(why, out, sizeof out);
            /* a stop reply is a few dozen characters; keep it for "?" */
            size_t n = strnlen(out, sizeof g.last_stop - 1);
            memcpy(g.last_stop, out, n);
            g.last_stop[n] = 0;
        }
        if (!send_packet(out))
            return END_DETACH;
    }
}

bool gdbstub_run(struct soc *s, unsigned port, char *err, size_t errlen)
{
    memset(&g, 0, sizeof g);
    g.soc = s;
    g.c = &s->cpu;
    g.limit = s->cpu.limit_cycles;
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    if (ls < 0) {
        snprintf(err, errlen, "gdb: socket: %s", strerror(errno));
        return false;
    }
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t sl = sizeof sa;
    if (bind(ls, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(ls, 1) < 0 ||
        getsockname(ls, (struct sockaddr *)&sa, &sl) < 0) {
        snprintf(err, errlen, "gdb: cannot listen on 127.0.0.1:%u: %s", port, strerror(errno));
        close(ls);
        return false;
    }
    fprintf(stderr, "vpsim: gdb: listening on 127.0.0.1:%u\n", ntohs(sa.sin_port));
    fflush(stderr);
    do
        g.fd = accept(ls, NULL, NULL);
    while (g.fd < 0 && errno == EINTR);
    close(ls);
    if (g.fd < 0) {
        snprintf(err, errlen, "gdb: accept: %s", strerror(errno));
        return false;
    }
    setsockopt(g.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    enum session_end e = serve();
    close(g.fd);
    struct cpu *c = g.c;
    c->hooks.pre_exec = NULL;
    cpu_set_limit(c, g.limit);
    switch (e) {
    case END_PROGRAM: break;
    case END_KILL:
        c->stop = CPU_STOP_EXIT;
        c->exit_code = 0;
        break;
    case END_DETACH: /* the program runs on to its end */
        c->stop = CPU_RUNNING;
        c->deadline = 0;
        soc_run(s);
        break;
    }
    return true;
}

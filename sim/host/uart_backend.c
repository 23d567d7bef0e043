/* Host ends of the simulated UARTs (uart_backend.h). */
#include "uart_backend.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define UB_SYSCLK_HZ 200000000.0 /* clock.h: SYSCLK is always 200 MHz */

static bool fail(char *err, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool fail(char *err, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, n, fmt, ap);
    va_end(ap);
    return false;
}

void uart_backends_init(struct uart_backends *ub)
{
    memset(ub, 0, sizeof *ub);
    for (unsigned i = 0; i < UART_COUNT; i++) {
        struct uart_backend *b = &ub->b[i];
        b->n = i + 1;
        b->kind = b->n == UART_BACKEND_CONSOLE ? UB_STDIO : UB_NONE;
        b->out_fd = b->in_fd = b->listen_fd = -1;
        b->all = ub;
    }
}

void uart_backends_set_console(struct uart_backends *ub, unsigned n)
{
    struct uart_backend *old = &ub->b[UART_BACKEND_CONSOLE - 1];
    if (n < 1 || n > UART_COUNT || n == UART_BACKEND_CONSOLE || ub->b[n - 1].spec_given)
        return;
    if (!old->spec_given)
        old->kind = UB_NONE;
    ub->b[n - 1].kind = UB_STDIO;
}

/* "N=" prefix of --uart/--input; returns the backend or NULL. */
static struct uart_backend *parse_unit(struct uart_backends *ub, const char *opt,
                                       const char *arg, const char **rest, char *err,
                                       size_t n)
{
    if (arg[0] < '1' || arg[0] > '0' + UART_COUNT || arg[1] != '=') {
        fail(err, n, "%s '%s': expected N=... with N a UART number 1-%d", opt, arg,
             UART_COUNT);
        return NULL;
    }
    *rest = arg + 2;
    return &ub->b[arg[0] - '1'];
}

bool uart_backends_parse(struct uart_backends *ub, const char *arg, char *err, size_t n)
{
    const char *spec;
    struct uart_backend *b = parse_unit(ub, "--uart", arg, &spec, err, n);
    if (!b)
        return false;
    if (b->spec_given)
        return fail(err, n, "--uart %u given twice", b->n);
    b->spec_given = true;
    if (!strcmp(spec, "none")) {
        b->kind = UB_NONE;
    } else if (!strcmp(spec, "stdio")) {
        b->kind = UB_STDIO;
    } else if (!strncmp(spec, "file:", 5) && spec[5]) {
        b->kind = UB_FILE;
        b->path = strdup(spec + 5);
    } else if (!strncmp(spec, "tcp:", 4)) {
        char *end;
        long port = strtol(spec + 4, &end, 10);
        if (!spec[4] || *end || port < 0 || port > 65535)
            return fail(err, n, "--uart %u: bad TCP port in '%s' (tcp:PORT, 0-65535)", b->n,
                        spec);
        b->kind = UB_TCP;
        b->port = (int)port;
    } else {
        return fail(err, n, "--uart %u: unknown backend '%s' (none, stdio, file:PATH, tcp:PORT)",
                    b->n, spec);
    }
    return true;
}

/* ---- scripted input ----------------------------------------------------- */

bool ub_parse_time(const char **sp, uint64_t *cycles)
{
    const char *s = *sp;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || v < 0 || *s == '-' || *s == '+')
        return false;
    static const struct {
        const char *unit;
        double scale;
    } units[] = {{"cyc", 0}, {"ms", 1e-3}, {"us", 1e-6}, {"ns", 1e-9}, {"s", 1}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t l = strlen(units[i].unit);
        if (strncmp(end, units[i].unit, l))
            continue;
        double c = units[i].scale ? v * units[i].scale * UB_SYSCLK_HZ : v;
        if (c > 1.8e19)
            return false;
        *cycles = (uint64_t)(c + 0.5);
        *sp = end + l;
        return true;
    }
    return false;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

long ub_unescape(const char *src, size_t len, char *dst)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        char c = src[i];
        if (c != '\\') {
            dst[o++] = c;
            continue;
        }
        if (++i >= len)
            return -1;
        switch (src[i]) {
        case 'n': dst[o++] = '\n'; break;
        case 'r': dst[o++] = '\r'; break;
        case 't': dst[o++] = '\t'; break;
        case 'e': dst[o++] = 0x1B; break;
        case '0': dst[o++] = 0; break;
        case '\\': dst[o++] = '\\'; break;
        case '"': dst[o++] = '"'; break;
        case '\'': dst[o++] = '\''; break;
        case 'x': {
            int h = i + 1 < len ? hexval(src[i + 1]) : -1;
            int l = i + 2 < len ? hexval(src[i + 2]) : -1;
            if (h < 0 || l < 0)
                return -1;
            dst[o++] = (char)(h << 4 | l);
            i += 2;
            break;
        }
        default: return -1;
        }
    }
    return (long)o;
}

static bool script_push(struct uart_backend *b, uint64_t at, const char *text, size_t len)
{
    if (b->nscript + len > b->script_cap) {
        size_t cap = b->script_cap ? b->script_cap : 64;
        while (cap < b->nscript + len)
            cap *= 2;
        struct ub_input *p = realloc(b->script, cap * sizeof *p);
        if (!p)
            return false;
        b->script = p;
        b->script_cap = cap;
    }
    /* Keep the bytes sorted by time, later entries after earlier ones of
     * the same time (insertion; scripts are short). */
    size_t pos = b->nscript;
    while (pos > 0 && b->script[pos - 1].at > at)
        pos--;
    memmove(&b->script[pos + len], &b->script[pos], (b->nscript - pos) * sizeof *b->script);
    for (size_t i = 0; i < len; i++)
        b->script[pos + i] = (struct ub_input){at, (uint8_t)text[i]};
    b->nscript += len;
    return true;
}

/* One script line: "at TIME: TEXT", blank, or "# comment". */
static bool script_line(struct uart_backend *b, const char *line, size_t len, const char *where,
                        unsigned lineno, char *err, size_t n)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
        i++;
    if (i == len || line[i] == '#')
        return true;
    char *copy = strndup(line + i, len - i);
    if (!copy)
        return fail(err, n, "out of host memory");
    const char *s = copy;
    uint64_t at;
    bool ok = !strncmp(s, "at", 2) && (s[2] == ' ' || s[2] == '\t');
    if (ok) {
        s += 3;
        while (*s == ' ' || *s == '\t')
            s++;
        ok = ub_parse_time(&s, &at) && *s == ':';
    }
    if (!ok) {
        free(copy);
        return fail(err, n, "--input %u: %s line %u: expected 'at TIME: TEXT' (TIME like 1ms, 20us, 5000cyc)",
                    b->n, where, lineno);
    }
    s++;
    if (*s == ' ')
        s++;
    size_t tl = strlen(s);
    while (tl && s[tl - 1] == '\r')
        tl--;
    char *text = malloc(tl + 1);
    long dl = text ? ub_unescape(s, tl, text) : -1;
    if (dl < 0) {
        free(copy);
        free(text);
        return fail(err, n, "--input %u: %s line %u: bad escape in text (use \\n \\r \\t \\\\ \\0 \\e \\xHH)",
                    b->n, where, lineno);
    }
    ok = script_push(b, at, text, (size_t)dl);
    free(copy);
    free(text);
    return ok ? true : fail(err, n, "out of host memory");
}

static bool script_text(struct uart_backend *b, const char *text, const char *where, char *err,
                        size_t n)
{
    unsigned lineno = 1;
    for (const char *p = text;; lineno++) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (!script_line(b, p, len, where, lineno, err, n))
            return false;
        if (!nl)
            return true;
        p = nl + 1;
    }
}

bool uart_backends_add_input(struct uart_backends *ub, const char *arg, char *err, size_t n)
{
    const char *spec;
    struct uart_backend *b = parse_unit(ub, "--input", arg, &spec, err, n);
    if (!b)
        return false;
    if (spec[0] != '@')
        return script_text(b, spec, "script", err, n);
    FILE *f = fopen(spec + 1, "r");
    if (!f)
        return fail(err, n, "--input %u: cannot read %s: %s", b->n, spec + 1, strerror(errno));
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int c;
    while ((c = fgetc(f)) != EOF) {
        if (len + 2 > cap) {
            cap = cap ? cap * 2 : 4096;
            char *p = realloc(buf, cap);
            if (!p) {
                free(buf);
                fclose(f);
                return fail(err, n, "out of host memory");
            }
            buf = p;
        }
        buf[len++] = (char)c;
    }
    bool rd_err = ferror(f);
    fclose(f);
    if (rd_err) {
        free(buf);
        return fail(err, n, "--input %u: cannot read %s", b->n, spec + 1);
    }
    if (buf && memchr(buf, 0, len)) {
        free(buf);
        return fail(err, n, "--input %u: %s is not a text script", b->n, spec + 1);
    }
    bool ok = script_text(b, buf ? (buf[len] = 0, buf) : "", spec + 1, err, n);
    free(buf);
    return ok;
}

bool uart_backends_set_until(struct uart_backends *ub, const char *pattern,
                             void (*on_until)(void *ctx), void *ctx, char *err, size_t n)
{
    size_t l = strlen(pattern);
    char *p = malloc(l + 1);
    long dl = p ? ub_unescape(pattern, l, p) : -1;
    if (dl <= 0) {
        free(p);
        return fail(err, n, "--until: %s pattern", dl == 0 ? "empty" : "bad escape in");
    }
    ub->until = p;
    ub->until_len = (size_t)dl;
    ub->until_tail = calloc(1, (size_t)dl);
    if (!ub->until_tail)
        return fail(err, n, "out of host memory");
    ub->on_until = on_until;
    ub->until_ctx = ctx;
    return true;
}

/* ---- opening ------------------------------------------------------------ */

static bool tcp_open(struct uart_backend *b, char *err, size_t n)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return fail(err, n, "UART%u: socket: %s", b->n, strerror(errno));
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)b->port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t al = sizeof a;
    if (bind(fd, (struct sockaddr *)&a, sizeof a) || listen(fd, 1) ||
        getsockname(fd, (struct sockaddr *)&a, &al)) {
        int e = errno;
        close(fd);
        return fail(err, n, "UART%u: cannot listen on 127.0.0.1:%d: %s", b->n, b->port,
                    strerror(e));
    }
    fprintf(stderr, "vpsim: UART%u: waiting for a connection on 127.0.0.1:%u\n", b->n,
            (unsigned)ntohs(a.sin_port));
    int c;
    do
        c = accept(fd, NULL, NULL);
    while (c < 0 && errno == EINTR);
    close(fd);
    if (c < 0)
        return fail(err, n, "UART%u: accept: %s", b->n, strerror(errno));
    b->out_fd = b->in_fd = c;
    return true;
}

bool uart_backends_open(struct uart_backends *ub, char *err, size_t n)
{
    bool stdin_taken = false;
    for (unsigned i = 0; i < UART_COUNT; i++) {
        struct uart_backend *b = &ub->b[i];
        switch (b->kind) {
        case UB_NONE: break;
        case UB_STDIO:
            b->out_fd = STDOUT_FILENO;
            b->console = true;
            if (!stdin_taken) {
                b->in_fd = STDIN_FILENO;
                stdin_taken = true;
            }
            break;
        case UB_FILE:
            b->out_fd = open(b->path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
            if (b->out_fd < 0)
                return fail(err, n, "UART%u: cannot write %s: %s", b->n, b->path,
                            strerror(errno));
            break;
        case UB_TCP:
            if (!tcp_open(b, err, n))
                return false;
            break;
        }
    }
    return true;
}

static void side_flush(struct uart_backends *ub);

void uart_backends_close(struct uart_backends *ub)
{
    if (ub->side_len) { /* side lines still waiting: after the console's last line */
        if (ub->out_midline)
            fputc('\n', stdout);
        ub->out_midline = false;
        side_flush(ub);
        fflush(stdout);
    }
    free(ub->side);
    ub->side = NULL;
    ub->side_cap = 0;
    for (unsigned i = 0; i < UART_COUNT; i++) {
        struct uart_backend *b = &ub->b[i];
        if (b->kind == UB_FILE || b->kind == UB_TCP) {
            if (b->out_fd >= 0)
                close(b->out_fd);
            else if (b->in_fd >= 0)
                close(b->in_fd);
        }
        b->out_fd = b->in_fd = -1;
        free(b->path);
        free(b->script);
        b->path = NULL;
        b->script = NULL;
    }
    free(ub->until);
    free(ub->until_tail);
    ub->until = ub->until_tail = NULL;
}

/* ---- stdout: the console and the side lines ---------------------------- */

static void side_flush(struct uart_backends *ub)
{
    if (!ub->side_len)
        return;
    fwrite(ub->side, 1, ub->side_len, stdout);
    ub->side_len = 0;
}

void uart_backends_console_write(struct uart_backends *ub, const void *buf, size_t len)
{
    const uint8_t *p = buf;
    for (size_t i = 0; i < len; i++) {
        fputc(p[i], stdout);
        ub->out_midline = p[i] != '\n';
        if (!ub->out_midline)
            side_flush(ub);
    }
    fflush(stdout);
}

void uart_backends_side_line(struct uart_backends *ub, const char *line)
{
    size_t n = strlen(line);
    if (ub->out_midline && ub->side_len + n > UART_BACKEND_SIDE_MAX) {
        fputc('\n', stdout); /* the console never ends its line: end it here */
        ub->out_midline = false;
        side_flush(ub);
    }
    if (!ub->out_midline) {
        fwrite(line, 1, n, stdout);
        fflush(stdout);
        return;
    }
    if (ub->side_len + n > ub->side_cap) {
        size_t cap = ub->side_cap ? ub->side_cap : 256;
        while (cap < ub->side_len + n)
            cap *= 2;
        char *s = realloc(ub->side, cap);
        if (!s)
            return; /* out of host memory: the line is lost, the run goes on */
        ub->side = s;
        ub->side_cap = cap;
    }
    memcpy(ub->side + ub->side_len, line, n);
    ub->side_len += n;
}

/* ---- the line ----------------------------------------------------------- */

static void until_feed(struct uart_backends *ub, uint8_t c)
{
    if (!ub->until || ub->until_hit)
        return;
    size_t l = ub->until_len;
    ub->until_tail[ub->until_pos] = (char)c;
    ub->until_pos = (ub->until_pos + 1) % l;
    if (ub->until_n < l)
        ub->until_n++;
    if (ub->until_n < l)
        return;
    for (size_t i = 0; i < l; i++)
        if (ub->until_tail[(ub->until_pos + i) % l] != ub->until[i])
            return;
    ub->until_hit = true;
    if (ub->on_until)
        ub->on_until(ub->until_ctx);
}

static void line_tx(void *ctx, uint64_t now, unsigned data)
{
    struct uart_backend *b = ctx;
    uint8_t c = (uint8_t)data; /* 9-bit characters: the low 8 bits */
    if (b->out_fd == STDOUT_FILENO) {
        uart_backends_console_write(b->all, &c, 1);
    } else if (b->out_fd >= 0) {
        ssize_t r;
        do
            r = b->kind == UB_TCP ? send(b->out_fd, &c, 1, MSG_NOSIGNAL) : write(b->out_fd, &c, 1);
        while (r < 0 && errno == EINTR);
        if (r != 1 && b->kind != UB_TCP)
            b->out_fd = -1; /* stop writing; the input side may go on */
    }
    if (b->console)
        until_feed(b->all, c);
}

/* Reads what live input is available now (never blocks). */
static void live_read(struct uart_backend *b)
{
    struct pollfd p = {.fd = b->in_fd, .events = POLLIN};
    if (poll(&p, 1, 0) <= 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR)))
        return;
    ssize_t r;
    do
        r = read(b->in_fd, b->inbuf, sizeof b->inbuf);
    while (r < 0 && errno == EINTR);
    if (r <= 0) {
        /* End of input: no more polling (so a WAIT with nothing else
         * left can end the run). A socket stays open for output. */
        b->in_fd = -1;
        return;
    }
    b->in_len = (size_t)r;
    b->in_pos = 0;
}

static bool line_rx(void *ctx, uint64_t now, unsigned *data, uint64_t *when)
{
    struct uart_backend *b = ctx;
    uint64_t next = UINT64_MAX;
    if (b->script_pos < b->nscript) {
        const struct ub_input *in = &b->script[b->script_pos];
        if (in->at <= now) {
            *data = in->byte;
            b->script_pos++;
            return true;
        }
        next = in->at;
    }
    if (b->in_pos == b->in_len && b->in_fd >= 0 && now >= b->next_poll) {
        live_read(b);
        b->next_poll = (now / UART_BACKEND_POLL_CYCLES + 1) * UART_BACKEND_POLL_CYCLES;
    }
    if (b->in_pos < b->in_len) {
        *data = b->inbuf[b->in_pos++];
        return true;
    }
    if (b->in_fd >= 0 && b->next_poll < next)
        next = b->next_poll > now ? b->next_poll : now;
    *when = next;
    return false;
}

void uart_backends_line(struct uart_backends *ub, unsigned n, struct uart_line *line)
{
    struct uart_backend *b = &ub->b[n - 1];
    *line = (struct uart_line){.ctx = b, .tx = line_tx, .rx = line_rx};
}

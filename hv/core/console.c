/*
 * The shared console (the board's console UART, UART4 on the Wi-FIRE).
 *
 * Output: every source — the hypervisor (0) and each guest with
 * `console: true` (1..7, through its emulated UART) — has its own buffer.
 * The wire takes whole lines, one source at a time, in the order the
 * lines were completed; a guest's lines get its tag,
 * "[name] ", the hypervisor's lines start "tinyVP:" and are untagged. A
 * guest whose buffer is full sees its UART's UTXBF set (a slow UART), so
 * nothing a well-behaved guest writes is lost. A line longer than a
 * guest's buffer is sent in pieces, broken by a line end when another
 * source gets the wire in between. Nothing here waits for the wire: the
 * hypervisor's own lines go in whole or are dropped and counted
 * ("tinyVP: N lines dropped", hv_console_putc).
 *
 * Input: typed characters go to the guest with the focus (its emulated
 * UART's receiver and RX interrupt). Ctrl-E then a digit moves the focus:
 * 1..7 to that guest (if it has a console), 0 to the hypervisor: its
 * shell (shell.c) with `shell: true`, else the input is dropped;
 * Ctrl-E Ctrl-E types one Ctrl-E.
 * At boot the first console guest has the focus.
 */
#include "hv.h"

#define HV_BUF    1024u /* powers of two */
#define GUEST_BUF 256u
#define CTRL_E    0x05

#define SEQS 16u /* line order remembered per source */

struct con_src {
    char *buf;
    uint16_t mask;       /* size - 1 */
    uint16_t head, tail; /* head - tail = bytes waiting */
    uint16_t lines;      /* complete lines waiting */
    uint8_t nseq, seq0;  /* order numbers of its oldest complete lines */
    uint32_t seq[SEQS];
    char tag[TVP_NAME_MAX + 4];
};

static char hv_buf[HV_BUF];
static char guest_buf[CONFIG_NR_GUESTS][GUEST_BUF];
static struct con_src src[CONFIG_NR_GUESTS + 1];

static int wire = -1;         /* the source whose line is on the wire */
static unsigned wire_n;       /* bytes it sent since it got the wire */
static const char *wire_tag;  /* what is left of its tag */
static uint32_t seq_next;     /* order number of the next completed line */
static guest_id_t focus;      /* 0: the hypervisor */
static bool esc;              /* Ctrl-E seen */

HV_BOOT_GAP void console_init(void)
{
    src[0].buf = hv_buf;
    src[0].mask = HV_BUF - 1;
    focus = INVALID_GUEST_ID;
    for (unsigned i = 0; i < CONFIG_NR_GUESTS; i++) {
        struct con_src *s = &src[i + 1];
        const char *name = tvp_guests[i].name;
        unsigned n = 0;
        s->buf = guest_buf[i];
        s->mask = GUEST_BUF - 1;
        s->tag[n++] = '[';
        for (unsigned k = 0; name[k] && n < TVP_NAME_MAX + 1; k++)
            s->tag[n++] = name[k];
        s->tag[n++] = ']';
        s->tag[n++] = ' ';
        s->tag[n] = 0;
        if (focus == INVALID_GUEST_ID && (tvp_guests[i].flags & TVP_GUEST_CONSOLE))
            focus = tvp_guests[i].id;
    }
    if (focus == INVALID_GUEST_ID)
        focus = HV_GUEST_ID;
}

static unsigned used(const struct con_src *s)
{
    return (uint16_t)(s->head - s->tail);
}

static bool ready(const struct con_src *s)
{
    return s->lines || used(s) > s->mask; /* a line, or full */
}

/* Its oldest line's order number (a line completed when SEQS were
 * already remembered counts as completed now). */
static uint32_t order_of(const struct con_src *s)
{
    return s->nseq ? s->seq[s->seq0 % SEQS] : seq_next;
}

/* The next source with something to send: the oldest complete line first,
 * so the sources' lines come out in the order they were completed. */
static int pick(void)
{
    int best = -1;
    for (unsigned i = 0; i <= CONFIG_NR_GUESTS; i++)
        if (ready(&src[i]) &&
            (best < 0 || (int32_t)(order_of(&src[i]) - order_of(&src[best])) < 0))
            best = (int)i;
    return best;
}

/* One byte for the wire, or -1: the line on the wire goes on to its end;
 * then the next source with a line gets the wire (its tag first). A line
 * that does not end (a guest printing flat out without a newline refills
 * its buffer as fast as the wire drains it) keeps the wire for at most
 * GUEST_BUF bytes while another source has something to send; then it is
 * broken there, as a line longer than its buffer is, so that no source
 * keeps the others' lines off the wire. */
static int next_byte(void)
{
    for (unsigned step = 0; step < 4; step++) {
        if (wire_tag && *wire_tag)
            return *wire_tag++;
        if (wire >= 0) {
            struct con_src *s = &src[wire];
            int other;
            if (used(s) && (wire_n < GUEST_BUF || (other = pick()) < 0 || other == wire)) {
                wire_n++;
                int i = wire;
                bool was_full = used(s) > s->mask;
                char c = s->buf[s->tail++ & s->mask];
                if (c == '\n') {
                    s->lines--;
                    if (s->nseq) {
                        s->nseq--;
                        s->seq0++;
                    }
                    wire = -1;
                }
                if (i > 0 && was_full) { /* its UART has room again */
                    board_vuart_room((guest_id_t)i);
                    virq_kick(vcpu_of((guest_id_t)i));
                }
                return (unsigned char)c;
            }
            /* a long line's piece is out and its source has no more yet */
            int n = pick();
            if (n < 0 || n == wire)
                return -1;
            wire = -1;
            wire_tag = "\r\n";
            continue;
        }
        int n = pick();
        if (n < 0)
            return -1;
        wire = n;
        wire_n = 0;
        wire_tag = n > 0 ? src[n].tag : 0;
    }
    return -1;
}

static void hv_note_dropped(void);

/* The middle of the line on the wire, straight into the UART while it has
 * room: next_byte's common case (no tag left, not the line's end, its
 * source not full, fewer than GUEST_BUF bytes sent) without its checks
 * per byte (~25 cycles a byte instead of ~80). At most `max` bytes;
 * returns how many it sent. The rest (tags, line ends, a full source, a
 * long line's break, the next line) is next_byte's. */
static unsigned burst(unsigned max)
{
    if (wire < 0 || (wire_tag && *wire_tag) || wire_n >= GUEST_BUF)
        return 0;
    struct con_src *s = &src[wire];
    const uint16_t head = s->head, mask = s->mask;
    uint16_t t = s->tail;
    if ((uint16_t)(head - t) > mask)
        return 0; /* full: next_byte tells its UART that there is room */
    unsigned n = 0, lim = GUEST_BUF - wire_n < max ? GUEST_BUF - wire_n : max;
    while (n < lim && t != head) {
        char c = s->buf[t & mask];
        if (c == '\n' || !board_console_tx_ready())
            break;
        board_console_tx(c);
        t++;
        n++;
    }
    s->tail = t;
    wire_n += n;
    return n;
}

/* Moves bytes into the UART while it has room; its interrupt stays on
 * while bytes wait. */
void console_kick(void)
{
    bool more = true;
    /* the shell's reply first (its lines' own kicks come before the
     * interrupt is set below); while it goes on, the interrupt stays on */
    bool reply = shell_poll();
    for (unsigned n = 0; n < 64;) {
        n += burst(64 - n);
        if (n >= 64 || !board_console_tx_ready())
            break;
        int c = next_byte();
        if (c < 0) {
            more = false;
            break;
        }
        board_console_tx((char)c);
        n++;
    }
    hv_note_dropped(); /* the wire made room: the count of lines dropped */
    board_console_tx_irq(more || reply);
}

static void put(struct con_src *s, char c)
{
    s->buf[s->head++ & s->mask] = c;
    if (c == '\n') {
        /* remembered only while all its older lines are */
        if (s->nseq == s->lines && s->nseq < SEQS) {
            s->seq[(s->seq0 + s->nseq) % SEQS] = seq_next;
            s->nseq++;
        }
        seq_next++;
        s->lines++;
    }
    /* when this source becomes ready (a line ends, or the buffer is full)
     * and the wire is idle, the UART's transmit interrupt (on while it has
     * room) moves the bytes: console_kick runs as an interrupt of its own,
     * never inside the exit that wrote (a bounded exit; and an interrupt
     * near a window switch waits for it, sched_hold_irq) */
    if ((c == '\n' || used(s) > s->mask) && wire < 0)
        board_console_tx_irq(true);
}

/* The hypervisor's own output, whole lines, and never a wait: this runs in
 * exception context, where a wait for the wire would take the time of the
 * partition whose window it is. A line is gathered in hv_line and goes into
 * the buffer at its end if all of it fits; else it is dropped and counted,
 * and "tinyVP: N lines dropped" goes out, before any later line, as soon
 * as the buffer has room for it (at the next line, or when the wire takes
 * bytes: console_kick). A line longer than hv_line goes in pieces; when a
 * later piece does not fit, the rest of the line is dropped (one line). */
#define HV_LINE 160u
static char hv_line[HV_LINE];
static unsigned hv_line_len;
static bool hv_line_cut;      /* dropping the rest of a line */
static bool hv_line_open;     /* the buffer holds a line's piece, not its end */
static uint32_t hv_dropped;   /* lines dropped and not yet reported */

static unsigned hv_room(void)
{
    return src[0].mask + 1u - used(&src[0]);
}

static void hv_note_dropped(void)
{
    char note[48];
    char num[11];
    unsigned n = 0, k = 0;
    uint32_t d = hv_dropped;
    if (!d)
        return;
    do {
        num[k++] = (char)('0' + d % 10);
        d /= 10;
    } while (d && k < sizeof num);
    if (hv_line_open) { /* a cut line gets its end first */
        note[n++] = '\r';
        note[n++] = '\n';
    }
    for (const char *p = "tinyVP: "; *p; p++)
        note[n++] = *p;
    while (k)
        note[n++] = num[--k];
    for (const char *p = hv_dropped == 1 ? " line dropped\r\n" : " lines dropped\r\n"; *p; p++)
        note[n++] = *p;
    if (hv_room() < n)
        return;
    hv_dropped = 0; /* before put: its console_kick comes back here */
    hv_line_open = false;
    for (unsigned i = 0; i < n; i++)
        put(&src[0], note[i]);
}

static void hv_commit(bool line_end)
{
    hv_note_dropped();
    if (!hv_line_cut && !hv_dropped && hv_room() >= hv_line_len) {
        for (unsigned i = 0; i < hv_line_len; i++)
            put(&src[0], hv_line[i]);
        hv_line_open = !line_end;
    } else if (!hv_line_cut) {
        hv_dropped++;
        hv_line_cut = !line_end;
    }
    if (line_end)
        hv_line_cut = false;
    hv_line_len = 0;
}

void hv_console_putc(char c)
{
    hv_line[hv_line_len++] = c;
    if (c == '\n' || hv_line_len == HV_LINE)
        hv_commit(c == '\n');
}

static void hv_printf_putc(void *ctx, char c)
{
    (void)ctx;
    if (c == '\n')
        hv_console_putc('\r');
    hv_console_putc(c);
}

void hv_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tlib_vformat(hv_printf_putc, NULL, fmt, ap);
    va_end(ap);
}

/* hv_printf with the "tinyVP: " every log line starts with (kept once
 * here, not in each message) */
void hv_log(const char *fmt, ...)
{
    va_list ap;
    for (const char *p = "tinyVP: "; *p; p++)
        hv_console_putc(*p);
    va_start(ap, fmt);
    tlib_vformat(hv_printf_putc, NULL, fmt, ap);
    va_end(ap);
}

void *hv_console_ring(guest_id_t g)
{
    return &src[g];
}
_Static_assert(__builtin_offsetof(struct con_src, buf) == HV_CON_BUF &&
               __builtin_offsetof(struct con_src, mask) == HV_CON_MASK &&
               __builtin_offsetof(struct con_src, head) == HV_CON_HEAD &&
               __builtin_offsetof(struct con_src, tail) == HV_CON_TAIL, "board.h: hv_console_ring");

unsigned hv_console_room(guest_id_t g)
{
    const struct con_src *s = &src[g];
    return s->mask + 1u - used(s);
}

void hv_console_put(guest_id_t g, char c)
{
    struct con_src *s = &src[g];
    if (used(s) <= s->mask) {
        put(s, c);
        if (used(s) > s->mask) /* its UART shows UTXBF from now on */
            board_vuart_full(g);
    }
}

/* Up to n bytes of guest g's output at once (its console-write
 * hypercall): what fits; the count taken. */
unsigned hv_console_write(guest_id_t g, const char *p, unsigned n)
{
    struct con_src *s = &src[g];
    unsigned room = s->mask + 1u - used(s);
    if (n > room)
        n = room;
    for (unsigned i = 0; i < n; i++)
        put(s, p[i]);
    if (n && used(s) > s->mask) /* its UART shows UTXBF from now on */
        board_vuart_full(g);
    return n;
}

/* Everything out now, by polling (panic path). */
void console_flush(void)
{
    if (hv_line_len) /* a line being written when the panic came */
        hv_commit(false);
    for (unsigned n = 0; n < HV_BUF + CONFIG_NR_GUESTS * GUEST_BUF + 64; n++) {
        int c = next_byte();
        if (c < 0) {
            /* partial lines too: the last words before a panic */
            for (unsigned i = 0; i <= CONFIG_NR_GUESTS && c < 0; i++)
                if (used(&src[i])) {
                    src[i].lines++;
                    c = next_byte();
                }
            if (c < 0)
                return;
        }
        board_console_putc((char)c);
    }
}

/* ---- input ------------------------------------------------------------- */

bool console_focus(unsigned g)
{
    if (g == 0) {
        focus = HV_GUEST_ID;
        if (CONFIG_SHELL)
            hv_log("input to the hypervisor shell (help: the commands; Ctrl-E 1..%u: a guest)\n",
                      (unsigned)CONFIG_NR_GUESTS);
        else
            hv_log("input to the hypervisor (no shell: dropped; Ctrl-E 1..%u: a guest)\n",
                      (unsigned)CONFIG_NR_GUESTS);
    } else if (g <= CONFIG_NR_GUESTS && (tvp_guests[g - 1].flags & TVP_GUEST_CONSOLE)) {
        focus = (guest_id_t)g;
        hv_log("input to %s\n", tvp_guests[g - 1].name);
    } else {
        return false;
    }
    return true;
}

static void input(char c)
{
    if (esc) {
        esc = false;
        if (c >= '0' && c <= '7') {
            console_focus((unsigned)(c - '0'));
            return;
        }
        if (c != CTRL_E)
            return; /* not a focus key: both dropped */
    } else if (c == CTRL_E) {
        esc = true;
        return;
    }
    if (focus == HV_GUEST_ID) {
        shell_input(c); /* nothing without `shell: true` */
    } else {
        struct vcpu *v = vcpu_of(focus);
        if (v->state != VCPU_STOPPED) {
            board_vuart_input(focus, c);
            virq_kick(v);
        }
    }
}

/* The console UART's receive interrupt: every waiting character (a
 * persistent source: its flag is cleared once the FIFO is empty). */
void console_rx(void)
{
    for (unsigned n = 0; n < 16; n++) {
        int c = board_console_getc();
        if (c < 0)
            break;
        input((char)c);
    }
    board_irq_ack(board_console_rx_vector);
}

/* EV_UART: guest v's emulated transmitter reached a state its TX
 * interrupt waits for. */
void console_pace(struct vcpu *v)
{
    board_vuart_event(v->id);
    virq_kick(v);
}

void hv_event_at(guest_id_t g, uint32_t when)
{
    ev_set(EV_UART(g - 1u), when);
}

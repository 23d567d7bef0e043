/* Board model: LED observation and button presses (board.h). */
#include "board.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../soc/pic32mz/ports.h"
#include "../soc/pic32mz/soc.h"
#include "../soc/pic32mz/uart.h"

extern const struct board_def board_wifire;
static const struct board_def *const boards[] = {&board_wifire};

struct press {
    struct event ev;
    struct board *b;
    unsigned button;
    bool down;
};

struct board {
    const struct board_def *def;
    struct soc *soc;
    unsigned nleds, nbuttons;
    unsigned led_port[BOARD_MAX_LEDS], led_pin[BOARD_MAX_LEDS];
    unsigned btn_port[BOARD_MAX_BUTTONS], btn_pin[BOARD_MAX_BUTTONS];
    bool led_on[BOARD_MAX_LEDS];
    void (*led_print)(void *ctx, const char *line);
    void *led_ctx;
    struct board_led_event *log;
    size_t nlog, cap;
    struct press **press;
    size_t npress;
};

const char *board_names(void)
{
    return "wifire";
}

const struct board_def *board_def_of(const struct board *b)
{
    return b->def;
}

static void led_observer(void *ctx, unsigned port, uint16_t out_high, uint16_t changed)
{
    struct board *b = ctx;
    uint64_t now = ev_now(&b->soc->evq);
    for (unsigned i = 0; i < b->nleds; i++) {
        if (b->led_port[i] != port || !(changed & (1u << b->led_pin[i])))
            continue;
        bool high = (out_high >> b->led_pin[i]) & 1;
        bool on = b->def->leds[i].active_high ? high : !high;
        if (on == b->led_on[i])
            continue;
        b->led_on[i] = on;
        if (b->nlog == b->cap) {
            size_t cap = b->cap ? 2 * b->cap : 64;
            struct board_led_event *n = realloc(b->log, cap * sizeof *n);
            if (!n)
                continue; /* out of host memory: the log stops growing */
            b->log = n;
            b->cap = cap;
        }
        b->log[b->nlog++] = (struct board_led_event){now, i, on};
        if (b->led_print) {
            /* one cycle = 5 ns: milliseconds with 6 decimals, exact */
            uint64_t ns = now * (1000000000ull / PIC32MZ_SYSCLK_HZ);
            char line[96];
            snprintf(line, sizeof line, "[t=%" PRIu64 ".%06" PRIu64 "ms] LED %s %s\n", ns / 1000000,
                     ns % 1000000, b->def->leds[i].name, on ? "on" : "off");
            b->led_print(b->led_ctx, line);
        }
    }
}

static void press_event(void *ctx, uint64_t when)
{
    struct press *p = ctx;
    struct board *b = p->b;
    bool level = b->def->buttons[p->button].active_high ? p->down : !p->down;
    ports_drive(b->soc->ports, b->btn_port[p->button], b->btn_pin[p->button], level);
}

struct board *board_create(struct soc *s, const char *name, char *err, size_t errlen)
{
    const struct board_def *def = NULL;
    for (size_t i = 0; i < sizeof boards / sizeof boards[0]; i++)
        if (!strcmp(boards[i]->name, name))
            def = boards[i];
    if (!def) {
        snprintf(err, errlen, "unknown board '%s' (known: %s)", name, board_names());
        return NULL;
    }
    struct board *b = calloc(1, sizeof *b);
    if (!b) {
        snprintf(err, errlen, "out of host memory");
        return NULL;
    }
    b->def = def;
    b->soc = s;
    for (unsigned i = 0; i < BOARD_MAX_LEDS && def->leds[i].name; i++, b->nleds++)
        if (!ports_parse_pin(s->ports, def->leds[i].pin, &b->led_port[i], &b->led_pin[i])) {
            snprintf(err, errlen, "board %s: LED %s on no pin (%s)", name, def->leds[i].name,
                     def->leds[i].pin);
            free(b);
            return NULL;
        }
    for (unsigned i = 0; i < BOARD_MAX_BUTTONS && def->buttons[i].name; i++, b->nbuttons++) {
        if (!ports_parse_pin(s->ports, def->buttons[i].pin, &b->btn_port[i], &b->btn_pin[i])) {
            snprintf(err, errlen, "board %s: button %s on no pin (%s)", name,
                     def->buttons[i].name, def->buttons[i].pin);
            free(b);
            return NULL;
        }
        /* released: the board's resistor holds the pin at its idle level */
        ports_drive(s->ports, b->btn_port[i], b->btn_pin[i], def->buttons[i].active_high ? 0 : 1);
    }
    if (def->console_tx && def->console_rx) { /* the USB serial bridge's pins */
        unsigned tp, tn, rp, rn;
        if (!ports_parse_pin(s->ports, def->console_tx, &tp, &tn) ||
            !ports_parse_pin(s->ports, def->console_rx, &rp, &rn)) {
            snprintf(err, errlen, "board %s: console on no pin (%s, %s)", name, def->console_tx,
                     def->console_rx);
            free(b);
            return NULL;
        }
        uart_set_line_pins(s, def->console_uart, (int)(tp << 4 | tn), (int)(rp << 4 | rn));
    }
    ports_set_observer(s->ports, led_observer, b);
    memcpy(s->devcfg_default, def->devcfg, sizeof s->devcfg_default);
    s->has_devcfg_default = true;
    s->board = b;
    return b;
}

void board_free(struct board *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->npress; i++) {
        ev_cancel(&b->soc->evq, &b->press[i]->ev);
        free(b->press[i]);
    }
    free(b->press);
    free(b->log);
    if (b->soc->board == b)
        b->soc->board = NULL;
    ports_set_observer(b->soc->ports, NULL, NULL);
    free(b);
}

void board_print_leds(struct board *b, void (*print)(void *ctx, const char *line), void *ctx)
{
    b->led_print = print;
    b->led_ctx = ctx;
}

const struct board_led_event *board_led_log(const struct board *b, size_t *n)
{
    *n = b->nlog;
    return b->log;
}

/* "10ms", "2.5s", "500us", "100ns" -> cycles; false if malformed. */
static bool parse_time(const char *s, const char *end, uint64_t *cycles)
{
    char buf[64];
    size_t len = (size_t)(end - s);
    if (!len || len >= sizeof buf)
        return false;
    memcpy(buf, s, len);
    buf[len] = 0;
    char *unit;
    errno = 0;
    double v = strtod(buf, &unit);
    if (errno || unit == buf || v < 0 || buf[0] == '-' || buf[0] == '+')
        return false;
    double scale;
    if (!strcmp(unit, "s"))
        scale = 1;
    else if (!strcmp(unit, "ms"))
        scale = 1e-3;
    else if (!strcmp(unit, "us"))
        scale = 1e-6;
    else if (!strcmp(unit, "ns"))
        scale = 1e-9;
    else
        return false;
    double c = v * scale * (double)PIC32MZ_SYSCLK_HZ + 0.5;
    if (c > 1.8e19)
        return false;
    *cycles = (uint64_t)c;
    return true;
}

static bool add_event(struct board *b, unsigned button, bool down, uint64_t when)
{
    struct press **n = realloc(b->press, (b->npress + 1) * sizeof *n);
    if (!n)
        return false;
    b->press = n;
    struct press *p = calloc(1, sizeof *p);
    if (!p)
        return false;
    p->b = b;
    p->button = button;
    p->down = down;
    ev_init(&p->ev, down ? "button-press" : "button-release", press_event, p);
    p->ev.keep_on_reset = true; /* the finger is outside the chip */
    ev_schedule(&b->soc->evq, &p->ev, when);
    b->press[b->npress++] = p;
    return true;
}

bool board_press(struct board *b, const char *spec, char *err, size_t errlen)
{
    const char *at = strchr(spec, '@');
    if (!at) {
        snprintf(err, errlen, "bad press '%s' (use BUTTON@TIME[:DURATION], e.g. BTN1@10ms:5ms)",
                 spec);
        return false;
    }
    unsigned button = b->nbuttons;
    for (unsigned i = 0; i < b->nbuttons; i++)
        if (strlen(b->def->buttons[i].name) == (size_t)(at - spec) &&
            !strncmp(b->def->buttons[i].name, spec, (size_t)(at - spec)))
            button = i;
    if (button == b->nbuttons) {
        char names[128] = "";
        for (unsigned i = 0; i < b->nbuttons; i++) {
            strncat(names, i ? ", " : "", sizeof names - strlen(names) - 1);
            strncat(names, b->def->buttons[i].name, sizeof names - strlen(names) - 1);
        }
        snprintf(err, errlen, "bad press '%s': board %s has no button '%.*s' (buttons: %s)", spec,
                 b->def->name, (int)(at - spec), spec, names);
        return false;
    }
    const char *colon = strchr(at + 1, ':');
    const char *tend = colon ? colon : at + 1 + strlen(at + 1);
    uint64_t t, d = PIC32MZ_SYSCLK_HZ / 20; /* 50 ms */
    if (!parse_time(at + 1, tend, &t) ||
        (colon && (!parse_time(colon + 1, colon + 1 + strlen(colon + 1), &d) || !d))) {
        snprintf(err, errlen, "bad time in press '%s' (use e.g. BTN1@10ms:5ms; units s, ms, us, ns)",
                 spec);
        return false;
    }
    if (!add_event(b, button, true, t) || !add_event(b, button, false, t + d)) {
        snprintf(err, errlen, "out of host memory");
        return false;
    }
    return true;
}

bool board_script(struct board *b, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "cannot read button script %s: %s", path, strerror(errno));
        return false;
    }
    char line[256];
    unsigned lineno = 0;
    bool ok = true;
    while (ok && fgets(line, sizeof line, f)) {
        lineno++;
        char *h = strchr(line, '#');
        if (h)
            *h = 0;
        char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        char *e = s + strlen(s);
        while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            *--e = 0;
        if (!*s)
            continue;
        char msg[200];
        if (!board_press(b, s, msg, sizeof msg)) {
            snprintf(err, errlen, "%s:%u: %s", path, lineno, msg);
            ok = false;
        }
    }
    fclose(f);
    return ok;
}

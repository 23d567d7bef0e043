/*
 * Host ends of the simulated UARTs: where UART1–6 output goes and where
 * their input comes from (docs/simulator.md, "UART backends").
 *
 * Output: none, stdio (stdout), file:PATH, tcp:PORT (a server on
 * 127.0.0.1; vpsim waits for one client before the simulation starts).
 * Input, merged in time order:
 *   - scripted: "at TIME: TEXT" lines (TEXT with C escapes), from the
 *     command line or a file; a character is offered to the line at its
 *     time, and the next one when the line is free again;
 *   - live: stdin for the lowest-numbered stdio UART, the socket for tcp.
 *     Live input is read only at fixed simulated instants (every
 *     UART_BACKEND_POLL_CYCLES): which instant picks a byte up depends on
 *     when it was typed, but everything else stays deterministic, and a
 *     pipe or file on stdin is read the same way on every run.
 * The backends are plain host code: the UART model sees only a
 * struct uart_line per UART.
 */
#ifndef SIM_HOST_UART_BACKEND_H
#define SIM_HOST_UART_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../soc/pic32mz/uart.h"

/* Live input is polled every 1 ms of simulated time (200 MHz cycles). */
#define UART_BACKEND_POLL_CYCLES 200000u
#define UART_BACKEND_CONSOLE     4 /* the Wi-FIRE's USB serial */

enum uart_backend_kind { UB_NONE, UB_STDIO, UB_FILE, UB_TCP };

struct ub_input {
    uint64_t at;  /* earliest cycle the byte may start on the line */
    uint8_t byte;
};

struct uart_backend {
    unsigned n; /* 1..6 */
    enum uart_backend_kind kind;
    char *path;     /* file: output path */
    int port;       /* tcp: port (0 = let the host choose) */
    bool spec_given;
    int out_fd;     /* -1: output dropped */
    int in_fd;      /* live input, -1 none */
    int listen_fd;
    bool console;   /* output counts for --until */
    /* scripted input, sorted by time (stable) */
    struct ub_input *script;
    size_t nscript, script_cap, script_pos;
    /* live input read but not yet on the line */
    uint8_t inbuf[512];
    size_t in_len, in_pos;
    uint64_t next_poll;
    struct uart_backends *all;
};

struct uart_backends {
    struct uart_backend b[UART_COUNT];
    /* --until: stop when the console output contains this */
    char *until;
    size_t until_len;
    char *until_tail; /* the last until_len console bytes (ring) */
    size_t until_n, until_pos;
    bool until_hit;
    void (*on_until)(void *ctx);
    void *until_ctx;
    /* stdout: the console and the side lines beside it (see below) */
    bool out_midline;  /* the console's last byte on stdout was not a newline */
    char *side;        /* side lines waiting for the console line to end */
    size_t side_len, side_cap;
};

/* Defaults: UART4 on stdio, the others none. */
void uart_backends_init(struct uart_backends *ub);
/* The board's console UART (its USB serial) is the default stdio UART
 * instead of UART_BACKEND_CONSOLE, unless --uart said otherwise. */
void uart_backends_set_console(struct uart_backends *ub, unsigned n);
/* "--uart N=SPEC" with SPEC none|stdio|file:PATH|tcp:PORT. */
bool uart_backends_parse(struct uart_backends *ub, const char *arg, char *err, size_t errlen);
/* "--input N=SCRIPT" or "--input N=@FILE": appends scripted input. */
bool uart_backends_add_input(struct uart_backends *ub, const char *arg, char *err,
                             size_t errlen);
/* "--until PATTERN" (C escapes allowed); on_until runs when it is seen. */
bool uart_backends_set_until(struct uart_backends *ub, const char *pattern,
                             void (*on_until)(void *ctx), void *ctx, char *err, size_t errlen);
/* Opens files and sockets (waits for TCP clients); false with a message. */
bool uart_backends_open(struct uart_backends *ub, char *err, size_t errlen);
/* The line for UART n (1..6), to pass to uart_set_line(). */
void uart_backends_line(struct uart_backends *ub, unsigned n, struct uart_line *line);
void uart_backends_close(struct uart_backends *ub);

/* stdout carries the console (stdio UARTs, and UHI writes to fd 1) and the
 * lines vpsim prints beside it (--leds). A side line never splits a console
 * line: while the console is in the middle of a line, side lines wait, and
 * follow the console's next newline. Those still waiting when the run ends
 * are printed by uart_backends_close, after a newline that ends the
 * console's last line. More than UART_BACKEND_SIDE_MAX waiting bytes end
 * the console line early (a console that never ends its line). */
#define UART_BACKEND_SIDE_MAX (1u << 20)
void uart_backends_console_write(struct uart_backends *ub, const void *buf, size_t len);
/* line: one whole line, ending in '\n'. */
void uart_backends_side_line(struct uart_backends *ub, const char *line);

/* Parses "TIME" at *s (e.g. 1ms, 2.5us, 100ns, 3s, 12345cyc), advancing
 * *s; false if it is not one. Cycles are 200 MHz SYSCLK cycles. */
bool ub_parse_time(const char **s, uint64_t *cycles);
/* Decodes C escapes (\n \r \t \\ \0 \e \xHH \") of src[0..len) into dst
 * (at least len bytes); returns the decoded length, or -1 (bad escape). */
long ub_unescape(const char *src, size_t len, char *dst);

#endif

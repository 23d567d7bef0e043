/*
 * Boards around the simulated PIC32MZ EF: what is wired to the chip's pins
 * (LEDs, buttons), the clocks and console the board provides, and the
 * configuration words its boot loader leaves. A board is data
 * (struct board_def, one file per board: wifire.c); board.c does the
 * rest: it watches LED pins (each change is an event with its simulated
 * time, printable and kept in a log for tests) and drives button pins at
 * the times given on the command line or in a script.
 */
#ifndef SIM_BOARD_BOARD_H
#define SIM_BOARD_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct soc;

#define BOARD_MAX_LEDS    8
#define BOARD_MAX_BUTTONS 8

struct board_pin {
    const char *name; /* "LD1", "BTN1" */
    const char *pin;  /* "RG6" */
    bool active_high; /* LED lit / button reads pressed when the pin is 1 */
};

struct board_def {
    const char *name;
    const char *description;
    struct board_pin leds[BOARD_MAX_LEDS];
    struct board_pin buttons[BOARD_MAX_BUTTONS];
    uint32_t posc_hz;      /* primary oscillator on the board */
    unsigned console_uart; /* UART wired to the USB serial bridge */
    const char *console_tx, *console_rx; /* the chip's pins it is wired to (its TX: the
                                          * chip's UxTX out; its RX: UxRX in) */
    uint32_t devcfg[4];    /* DEVCFG0..3 used when the image has none */
};

struct board_led_event {
    uint64_t cycle;
    unsigned led;
    bool on;
};

struct board;

/* NULL with a message in err if there is no board of that name. */
struct board *board_create(struct soc *s, const char *name, char *err, size_t errlen);
void board_free(struct board *b);
const struct board_def *board_def_of(const struct board *b);
/* Known board names, comma-separated (for messages). */
const char *board_names(void);
/* --leds: every LED change is handed to print as one whole line,
 * "[t=1.234567ms] LED LD1 on\n"; print decides where it goes (the host
 * keeps it from splitting a console line: docs/simulator.md, "Board"). */
void board_print_leds(struct board *b, void (*print)(void *ctx, const char *line), void *ctx);
/* The LED changes so far. */
const struct board_led_event *board_led_log(const struct board *b, size_t *n);
/* "BTN1@10ms" or "BTN1@10ms:5ms" (press at 10 ms, release 5 ms later;
 * default 50 ms). false with a message in err. */
bool board_press(struct board *b, const char *spec, char *err, size_t errlen);
/* A file of press specs, one per line, '#' comments. */
bool board_script(struct board *b, const char *path, char *err, size_t errlen);

#endif

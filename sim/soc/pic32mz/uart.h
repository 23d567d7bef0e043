/*
 * UART1–UART6 of the PIC32MZ EF (DS60001320 section 22, FRM section 21).
 *
 * Registers at 0xBF822000 + 0x200·(n−1): MODE +0, STA +0x10 (both with
 * CLR/SET/INV), TXREG +0x20, RXREG +0x30 (no aliases), BRG +0x40 (aliases).
 * 8-deep TX and RX FIFOs; a character takes the time its baud rate gives
 * on the simulated timeline (uart_frame_cycles); interrupts are persistent
 * (level) requests into the interrupt controller: fault, RX, TX at the
 * vectors of uart_vectors[].
 *
 * The pins reach the outside world through a struct uart_line that the
 * host (sim/host/uart_backend.c) or a board supplies; without one, TX
 * characters vanish and nothing is ever received. Decisions about
 * behaviour the manuals leave open are in docs/simulator.md, "UART".
 */
#ifndef SIM_SOC_PIC32MZ_UART_H
#define SIM_SOC_PIC32MZ_UART_H

#include <stdbool.h>
#include <stdint.h>

struct soc;

#define UART_COUNT 6
#define UART_BASE(n) (0x1F822000u + 0x200u * ((n)-1)) /* physical, n = 1..6 */
#define UART_FIFO_DEPTH 8

/* UxMODE */
#define UMODE_STSEL   (1u << 0)  /* 2 stop bits */
#define UMODE_PDSEL   (3u << 1)  /* 00 8N, 01 8E, 10 8O, 11 9N */
#define UMODE_PDSEL_SHIFT 1
#define UMODE_BRGH    (1u << 3)
#define UMODE_RXINV   (1u << 4)
#define UMODE_ABAUD   (1u << 5)
#define UMODE_LPBACK  (1u << 6)
#define UMODE_WAKE    (1u << 7)
#define UMODE_UEN     (3u << 8)
#define UMODE_RTSMD   (1u << 11)
#define UMODE_IREN    (1u << 12)
#define UMODE_SIDL    (1u << 13)
#define UMODE_ON      (1u << 15)
#define UMODE_RUNOVF  (1u << 16)
#define UMODE_CLKSEL  (3u << 17)
#define UMODE_CLKSEL_SHIFT 17
#define UMODE_ACTIVE  (1u << 22)
#define UMODE_SLPEN   (1u << 23)

/* UxSTA */
#define USTA_URXDA    (1u << 0)
#define USTA_OERR     (1u << 1)
#define USTA_FERR     (1u << 2)
#define USTA_PERR     (1u << 3)
#define USTA_RIDLE    (1u << 4)
#define USTA_ADDEN    (1u << 5)
#define USTA_URXISEL  (3u << 6)
#define USTA_URXISEL_SHIFT 6
#define USTA_TRMT     (1u << 8)
#define USTA_UTXBF    (1u << 9)
#define USTA_UTXEN    (1u << 10)
#define USTA_UTXBRK   (1u << 11)
#define USTA_URXEN    (1u << 12)
#define USTA_UTXINV   (1u << 13)
#define USTA_UTXISEL  (3u << 14)
#define USTA_UTXISEL_SHIFT 14
#define USTA_ADDR     (0xFFu << 16)
#define USTA_ADM_EN   (1u << 24)

/* Interrupt vectors of UART n (index n−1): fault, RX, TX. */
struct uart_vectors {
    uint8_t fault, rx, tx;
};
extern const struct uart_vectors uart_vectors[UART_COUNT];

/*
 * The wire of one UART, from the outside (host backend, board).
 *  tx: a character has finished leaving the TX pin at simulated cycle
 *      `now` (data: 8 or 9 bits as sent). Called from a device event.
 *  rx: the receive line is idle at cycle `now`. If a character starts on
 *      the line at or before `now`, return true with it in *data (8 bits;
 *      it then occupies the line for one frame at the UART's current
 *      baud rate). Otherwise return false and set *when to the earliest
 *      cycle at which one could start (UINT64_MAX: none will unless
 *      uart_line_kick() is called). Must be deterministic in its inputs.
 */
struct uart_line {
    void *ctx;
    void (*tx)(void *ctx, uint64_t now, unsigned data);
    bool (*rx)(void *ctx, uint64_t now, unsigned *data, uint64_t *when);
};

/* Device init (soc.c's table): allocates UART1–6 into s->uart and
 * registers their SFR blocks. */
bool uart_init(struct soc *s);
void uart_free(struct soc *s);
/* Connects UART n (1..6) to a line (copied); NULL disconnects. The line
 * is wired to the UART's pins as the program routes them through PPS: a
 * character reaches it only while UxTX is on a pin, and comes in only
 * while UxRXR selects a pin (docs/simulator.md, "UART"). */
void uart_set_line(struct soc *s, unsigned n, const struct uart_line *line);
/* The line of UART n is on fixed pins (a board's wiring, port << 4 | pin;
 * -1: whichever the program selects): then only those pins reach it. */
void uart_set_line_pins(struct soc *s, unsigned n, int tx_rp, int rx_rp);
/* The line of UART n has a character earlier than it said: ask again now. */
void uart_line_kick(struct soc *s, unsigned n);

/* Timing (pure functions, exposed for tests and the documentation):
 * CPU cycles per bit for a MODE/BRG pair and a peripheral clock of
 * pb_cycles CPU cycles per tick, and bits per frame. */
uint64_t uart_bit_cycles(uint32_t mode, uint32_t brg, uint32_t pb_cycles);
unsigned uart_frame_bits(uint32_t mode);

/* Statistics for --stats: characters sent, received, lost to overrun or
 * to a disabled receiver. */
struct uart_stats {
    uint64_t tx, rx, overrun, dropped;
    uint64_t unrouted; /* characters lost: UxTX on no pin, or UxRXR not the line's pin */
};
void uart_get_stats(struct soc *s, unsigned n, struct uart_stats *st);

#endif

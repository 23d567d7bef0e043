/* UART1–UART6 (uart.h; behaviour decisions in docs/simulator.md, "UART"). */
#include "uart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intc.h"
#include "ports.h"
#include "soc.h"

enum { U_MODE, U_STA, U_TXREG, U_RXREG, U_BRG, U_NREGS };

/* UxSTA bits software can write (OERR only to clear it: see uart_write). */
#define USTA_WMASK (USTA_ADM_EN | USTA_ADDR | USTA_UTXISEL | USTA_UTXINV | USTA_URXEN | \
                    USTA_UTXBRK | USTA_UTXEN | USTA_URXISEL | USTA_ADDEN | USTA_OERR)
#define UMODE_WMASK (UMODE_SLPEN | UMODE_CLKSEL | UMODE_RUNOVF | UMODE_ON | UMODE_SIDL | \
                     UMODE_IREN | UMODE_RTSMD | UMODE_UEN | UMODE_WAKE | UMODE_LPBACK | \
                     UMODE_ABAUD | UMODE_RXINV | UMODE_BRGH | UMODE_PDSEL | UMODE_STSEL)

static const struct sfr_reg uart_regs[U_NREGS] = {
    [U_MODE] = {0x00, 0x00000000, UMODE_WMASK, SFR_WR},
    [U_STA] = {0x10, USTA_RIDLE | USTA_TRMT, USTA_WMASK, SFR_WR},
    [U_TXREG] = {0x20, 0, 0, SFR_WR | SFR_NOALIAS},
    [U_RXREG] = {0x30, 0, 0, SFR_RD | SFR_NOALIAS},
    [U_BRG] = {0x40, 0, 0xFFFF, 0},
};

/* DS60001320 Table 7-2. */
const struct uart_vectors uart_vectors[UART_COUNT] = {
    {112, 113, 114}, {145, 146, 147}, {157, 158, 159},
    {170, 171, 172}, {179, 180, 181}, {188, 189, 190},
};

/* Where each UART's pins come from, through peripheral pin select
 * (DS60001320 sec. 12.4, Tables 12-2 and 12-3): UxTX is output code
 * tx_code on the pins of the groups in tx_groups (bit g: group g + 1);
 * UxRX is the input register rx_reg (from the PPS base) of group rx_group. */
static const struct {
    uint8_t tx_groups, tx_code;
    uint16_t rx_reg;
    uint8_t rx_group;
} uart_pps[UART_COUNT] = {
    {1u << 1, 1, 0x068, 0}, {1u << 3, 2, 0x070, 2}, {1u << 0, 1, 0x078, 1},
    {1u << 2, 2, 0x080, 3}, {1u << 1, 3, 0x088, 0}, {3u << 2, 4, 0x090, 3},
};

static const char *const uart_names[UART_COUNT] = {"uart1", "uart2", "uart3",
                                                   "uart4", "uart5", "uart6"};

struct uart_rxchar {
    uint16_t data;
    uint8_t err; /* USTA_FERR | USTA_PERR of this character */
};

struct uart {
    struct soc *soc;
    unsigned n; /* 1..6 */
    struct sfr_block blk;
    uint32_t val[U_NREGS];

    uint16_t txq[UART_FIFO_DEPTH];
    unsigned tx_head, tx_count;
    bool tx_busy;      /* the shift register holds a character */
    bool tx_break;     /* ... and it is a break (UTXBRK) */
    uint16_t tx_char;
    struct event tx_ev; /* end of the character in the shift register */

    struct uart_rxchar rxq[UART_FIFO_DEPTH];
    unsigned rx_head, rx_count;
    uint16_t rx_last;  /* RXREG reads this when the FIFO is empty */
    bool rx_busy;      /* a character from the line is in progress */
    uint16_t rx_char;
    struct event rx_ev; /* end of that character, or the next line poll */

    struct uart_line line;
    bool has_line;
    int line_tx_rp, line_rx_rp; /* the line's pins (uart_set_line_pins), -1: any */
    bool irq_fault, irq_rx, irq_tx; /* request lines as last reported */
    struct uart_stats st;
};

struct uarts {
    struct uart u[UART_COUNT];
};

/* ---- timing ------------------------------------------------------------- */

/* CPU cycles per tick of the clock the baud-rate generator counts, by
 * UxMODE.CLKSEL (docs/simulator.md, "UART": the encoding is L confidence;
 * software that leaves CLKSEL at 0 gets PBCLK2). REFCLKO1 is modelled as
 * PBCLK2 until a reference-clock model exists. */
static uint32_t uart_clk_cycles(const struct soc *s, uint32_t mode)
{
    switch ((mode & UMODE_CLKSEL) >> UMODE_CLKSEL_SHIFT) {
    case 1: return 1;                                    /* SYSCLK */
    case 2: return (uint32_t)(PIC32MZ_SYSCLK_HZ / 8000000u); /* FRC, 8 MHz */
    default: return clk_pb_cycles(&s->clk, 2);           /* PBCLK2 (3: REFCLKO1) */
    }
}

uint64_t uart_bit_cycles(uint32_t mode, uint32_t brg, uint32_t pb_cycles)
{
    /* Baud = clock / (16·(BRG+1)), or / (4·(BRG+1)) with BRGH (FRM §21). */
    return (uint64_t)pb_cycles * ((mode & UMODE_BRGH) ? 4u : 16u) * ((brg & 0xFFFF) + 1u);
}

unsigned uart_frame_bits(uint32_t mode)
{
    unsigned pdsel = (mode & UMODE_PDSEL) >> UMODE_PDSEL_SHIFT;
    unsigned data = pdsel == 3 ? 9 : 8;
    unsigned parity = (pdsel == 1 || pdsel == 2) ? 1 : 0;
    unsigned stop = (mode & UMODE_STSEL) ? 2 : 1;
    return 1 + data + parity + stop;
}

/* A break: start bit, 12 zero bits, stop bit (FRM §21 "Break"). */
#define UART_BREAK_BITS 14

static uint64_t frame_cycles(const struct uart *u, unsigned bits)
{
    return uart_bit_cycles(u->val[U_MODE], u->val[U_BRG], uart_clk_cycles(u->soc, u->val[U_MODE])) *
           bits;
}

/* ---- status and interrupts ---------------------------------------------- */

static bool uart_on(const struct uart *u)
{
    return u->val[U_MODE] & UMODE_ON;
}

static void irq_set(struct uart *u, bool *cur, unsigned vec, bool level)
{
    if (*cur == level)
        return;
    *cur = level;
    intc_level(u->soc->intc, vec, level);
}

/* Recomputes the read-only UxSTA bits and the three persistent interrupt
 * requests from the FIFO state. Called after every state change. */
static void uart_update(struct uart *u)
{
    uint32_t sta = u->val[U_STA] & ~(USTA_URXDA | USTA_FERR | USTA_PERR | USTA_RIDLE |
                                     USTA_TRMT | USTA_UTXBF);
    bool on = uart_on(u);
    if (u->rx_count) {
        sta |= USTA_URXDA;
        sta |= u->rxq[u->rx_head].err;
    }
    if (!on || !u->rx_busy || !(sta & USTA_URXEN))
        sta |= USTA_RIDLE;
    if (!u->tx_busy && !u->tx_count)
        sta |= USTA_TRMT;
    if (u->tx_count == UART_FIFO_DEPTH)
        sta |= USTA_UTXBF;
    u->val[U_STA] = sta;

    bool tx = false, rx = false, fault = false;
    if (on) {
        if (sta & USTA_UTXEN) {
            switch ((sta & USTA_UTXISEL) >> USTA_UTXISEL_SHIFT) {
            case 0: tx = !(sta & USTA_UTXBF); break; /* a FIFO slot is free */
            case 1: tx = sta & USTA_TRMT; break;     /* everything sent */
            case 2: tx = u->tx_count == 0; break;    /* the FIFO is empty */
            default: break;                          /* reserved: none */
            }
        }
        static const unsigned rx_level[4] = {1, 4, 6, 6}; /* URXISEL 11: as 10 */
        rx = u->rx_count >= rx_level[(sta & USTA_URXISEL) >> USTA_URXISEL_SHIFT];
        fault = sta & (USTA_OERR | USTA_FERR | USTA_PERR);
    }
    const struct uart_vectors *v = &uart_vectors[u->n - 1];
    irq_set(u, &u->irq_fault, v->fault, fault);
    irq_set(u, &u->irq_rx, v->rx, rx);
    irq_set(u, &u->irq_tx, v->tx, tx);
}

/* ---- pins --------------------------------------------------------------- */

/* Does the transmitter reach the line? UxTX must be on a pin (some RPxnR
 * selects it; with the line on a fixed pin, that pin's RPxnR). */
static bool tx_routed(const struct uart *u)
{
    const struct ports *ps = u->soc->ports;
    unsigned code = uart_pps[u->n - 1].tx_code;
    if (u->line_tx_rp >= 0)
        return ports_pps_output_on(ps, (unsigned)u->line_tx_rp, code);
    for (unsigned g = 0; g < 4; g++)
        if ((uart_pps[u->n - 1].tx_groups >> g & 1) && ports_pps_output_any(ps, g, code))
            return true;
    return false;
}

/* Does the line reach the receiver? UxRXR must select a pin (the line's
 * own, when it is on a fixed pin). */
static bool rx_routed(const struct uart *u)
{
    int rp = ports_pps_input_pin(u->soc->ports, uart_pps[u->n - 1].rx_reg, uart_pps[u->n - 1].rx_group);
    return rp >= 0 && (u->line_rx_rp < 0 || rp == u->line_rx_rp);
}

/* ---- transmitter -------------------------------------------------------- */

/* Moves the next FIFO character into the shift register if it is free. The
 * character starts at `now` (the cycle of the TXREG write, or the end of
 * the previous character: back-to-back frames). */
static void tx_start(struct uart *u, uint64_t now)
{
    if (u->tx_busy || !u->tx_count || !uart_on(u) || !(u->val[U_STA] & USTA_UTXEN))
        return;
    u->tx_char = u->txq[u->tx_head];
    u->tx_head = (u->tx_head + 1) % UART_FIFO_DEPTH;
    u->tx_count--;
    u->tx_busy = true;
    u->tx_break = u->val[U_STA] & USTA_UTXBRK;
    unsigned bits = u->tx_break ? UART_BREAK_BITS : uart_frame_bits(u->val[U_MODE]);
    ev_schedule(&u->soc->evq, &u->tx_ev, now + frame_cycles(u, bits));
}

static void rx_deliver(struct uart *u, uint16_t data, uint8_t err);

static void tx_done(void *ctx, uint64_t when)
{
    struct uart *u = ctx;
    u->tx_busy = false;
    if (u->tx_break) {
        /* The break is on the wire, not a character: the line backends
         * see nothing; UTXBRK clears itself (FRM §21). */
        u->val[U_STA] &= ~USTA_UTXBRK;
    } else {
        unsigned nine = ((u->val[U_MODE] & UMODE_PDSEL) >> UMODE_PDSEL_SHIFT) == 3;
        uint16_t c = u->tx_char & (nine ? 0x1FF : 0xFF);
        u->st.tx++;
        if (u->has_line && u->line.tx) {
            if (tx_routed(u))
                u->line.tx(u->line.ctx, when, c);
            else
                u->st.unrouted++; /* on no pin: the line never sees it */
        }
        if (u->val[U_MODE] & UMODE_LPBACK)
            rx_deliver(u, c, 0);
    }
    tx_start(u, when);
    uart_update(u);
}

static void tx_flush(struct uart *u)
{
    u->tx_count = u->tx_head = 0;
    u->tx_busy = false;
    ev_cancel(&u->soc->evq, &u->tx_ev);
}

/* ---- receiver ----------------------------------------------------------- */

static bool rx_enabled(const struct uart *u)
{
    return uart_on(u) && (u->val[U_STA] & USTA_URXEN);
}

/* A character has arrived at the receiver (end of its stop bit). */
static void rx_deliver(struct uart *u, uint16_t data, uint8_t err)
{
    if (!rx_enabled(u)) {
        u->st.dropped++;
        return;
    }
    uint32_t mode = u->val[U_MODE], sta = u->val[U_STA];
    bool nine = ((mode & UMODE_PDSEL) >> UMODE_PDSEL_SHIFT) == 3;
    if (nine && (sta & USTA_ADDEN) && !(data & 0x100)) {
        u->st.dropped++; /* address detect: data characters are ignored */
        return;
    }
    if (sta & USTA_OERR) {
        u->st.overrun++; /* reception stays stopped until OERR is cleared */
        return;
    }
    if (u->rx_count == UART_FIFO_DEPTH) {
        u->val[U_STA] |= USTA_OERR; /* the FIFO keeps its characters */
        u->st.overrun++;
        return;
    }
    unsigned i = (u->rx_head + u->rx_count) % UART_FIFO_DEPTH;
    u->rxq[i].data = data & (nine ? 0x1FF : 0xFF);
    u->rxq[i].err = err;
    u->rx_count++;
    u->st.rx++;
}

/* The line is idle at `now`: take the next character from it, or arrange
 * to ask again when the line says one could come. */
static void rx_poll(struct uart *u, uint64_t now)
{
    if (u->rx_busy || !u->has_line || !u->line.rx)
        return;
    unsigned data;
    uint64_t when = UINT64_MAX;
    if (u->line.rx(u->line.ctx, now, &data, &when)) {
        u->rx_busy = true;
        u->rx_char = (uint16_t)(data & 0xFF);
        ev_schedule(&u->soc->evq, &u->rx_ev, now + frame_cycles(u, uart_frame_bits(u->val[U_MODE])));
    } else if (when != UINT64_MAX) {
        ev_schedule(&u->soc->evq, &u->rx_ev, when > now ? when : now);
    } else {
        ev_cancel(&u->soc->evq, &u->rx_ev);
    }
}

static void rx_event(void *ctx, uint64_t when)
{
    struct uart *u = ctx;
    if (u->rx_busy) {
        u->rx_busy = false;
        /* In loopback the RX pin is disconnected from the receiver: the
         * character on the external line is lost. */
        if (u->val[U_MODE] & UMODE_LPBACK)
            u->st.dropped++;
        else if (!rx_routed(u))
            u->st.unrouted++; /* UxRXR selects another pin: lost */
        else
            rx_deliver(u, u->rx_char, 0);
    }
    rx_poll(u, when);
    uart_update(u);
}

static void rx_flush(struct uart *u)
{
    u->rx_count = u->rx_head = 0;
}

/* ---- registers ---------------------------------------------------------- */

static uint32_t uart_read(void *ctx, unsigned idx, bool peek)
{
    struct uart *u = ctx;
    if (idx != U_RXREG)
        return u->val[idx];
    if (!u->rx_count)
        return u->rx_last;
    uint16_t d = u->rxq[u->rx_head].data;
    if (!peek) {
        u->rx_last = d;
        u->rx_head = (u->rx_head + 1) % UART_FIFO_DEPTH;
        u->rx_count--;
        uart_update(u);
    }
    return d;
}

static void uart_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct uart *u = ctx;
    uint64_t now = ev_now(&u->soc->evq);
    switch (idx) {
    case U_MODE: {
        uint32_t mode = u->val[U_MODE];
        if ((old & UMODE_ON) && !(mode & UMODE_ON)) {
            /* Turning the module off resets both buffers and the error
             * state (FRM §21 "UART module disable"). */
            tx_flush(u);
            rx_flush(u);
            u->val[U_STA] &= ~USTA_OERR;
        }
        u->val[U_MODE] = (mode & ~UMODE_ACTIVE) | ((mode & UMODE_ON) ? UMODE_ACTIVE : 0);
        break;
    }
    case U_STA: {
        uint32_t sta = u->val[U_STA];
        /* OERR: software can only clear it; clearing empties the receive
         * FIFO and restarts reception (FRM §21 "Receive overrun"). */
        if (!(old & USTA_OERR))
            sta &= ~USTA_OERR;
        else if (!(sta & USTA_OERR))
            rx_flush(u);
        /* The read-only bits keep the device's values. */
        sta = (sta & USTA_WMASK) | (old & ~USTA_WMASK);
        u->val[U_STA] = sta;
        if ((old & USTA_UTXEN) && !(sta & USTA_UTXEN))
            tx_flush(u); /* disabling the transmitter aborts and resets it */
        break;
    }
    case U_TXREG:
        if (!uart_on(u) || u->tx_count == UART_FIFO_DEPTH) {
            u->st.dropped++; /* ignored, as the chip does with UTXBF set */
            break;
        }
        u->txq[(u->tx_head + u->tx_count) % UART_FIFO_DEPTH] = (uint16_t)(req & 0x1FF);
        u->tx_count++;
        break;
    default: break;
    }
    tx_start(u, now);
    uart_update(u);
}

static void uart_reset(void *ctx)
{
    struct uart *u = ctx;
    /* ev_reset() already disarmed the events. */
    u->tx_count = u->tx_head = 0;
    u->tx_busy = u->tx_break = false;
    u->rx_count = u->rx_head = 0;
    u->rx_busy = false;
    u->rx_last = 0;
    u->irq_fault = u->irq_rx = u->irq_tx = false; /* the controller was reset too */
    uart_update(u);
    rx_poll(u, ev_now(&u->soc->evq));
}

/* ---- set-up ------------------------------------------------------------- */

bool uart_init(struct soc *s)
{
    struct uarts *us = calloc(1, sizeof *us);
    if (!us) {
        fprintf(stderr, "vpsim: out of host memory\n");
        return false;
    }
    s->uart = us;
    for (unsigned i = 0; i < UART_COUNT; i++) {
        struct uart *u = &us->u[i];
        u->soc = s;
        u->n = i + 1;
        u->line_tx_rp = u->line_rx_rp = -1;
        u->blk = (struct sfr_block){
            .name = uart_names[i], .base = UART_BASE(i + 1), .size = 0x50,
            .regs = uart_regs, .nregs = U_NREGS, .val = u->val, .ctx = u,
            .read = uart_read, .write = uart_write, .reset = uart_reset,
        };
        ev_init(&u->tx_ev, uart_names[i], tx_done, u);
        ev_init(&u->rx_ev, uart_names[i], rx_event, u);
        if (!sfr_register(s->sfr, &u->blk))
            return false;
    }
    return true;
}

void uart_free(struct soc *s)
{
    free(s->uart);
    s->uart = NULL;
}

void uart_set_line(struct soc *s, unsigned n, const struct uart_line *line)
{
    if (!s->uart || n < 1 || n > UART_COUNT)
        return;
    struct uart *u = &s->uart->u[n - 1];
    u->has_line = line != NULL;
    if (line)
        u->line = *line;
    if (!u->rx_busy)
        rx_poll(u, ev_now(&s->evq));
}

void uart_set_line_pins(struct soc *s, unsigned n, int tx_rp, int rx_rp)
{
    if (!s->uart || n < 1 || n > UART_COUNT)
        return;
    s->uart->u[n - 1].line_tx_rp = tx_rp;
    s->uart->u[n - 1].line_rx_rp = rx_rp;
}

void uart_line_kick(struct soc *s, unsigned n)
{
    if (!s->uart || n < 1 || n > UART_COUNT)
        return;
    struct uart *u = &s->uart->u[n - 1];
    if (!u->rx_busy)
        rx_poll(u, ev_now(&s->evq));
}

void uart_get_stats(struct soc *s, unsigned n, struct uart_stats *st)
{
    if (!s->uart || n < 1 || n > UART_COUNT) {
        *st = (struct uart_stats){0};
        return;
    }
    *st = s->uart->u[n - 1].st;
}

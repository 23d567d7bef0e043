/*
 * The console UART a guest sees (PIC32MZ EF datasheet DS60001320, sec. 22
 * "UART"; the board's console UART, UART4 on the Wi-FIRE): MODE/BRG/STA
 * control bits are virtual; transmitted bytes go to the shared console
 * (hv/core/console.c) while STA shows the guest a transmitter as slow as
 * the real one at its settings (UTXBF, TRMT), so it paces itself as on a
 * bare board; receive is what the core's console hands the guest with the
 * input focus. Its RX/TX interrupts are raised in the guest's virtual
 * interrupt controller (vintc.c) as persistent sources.
 */
#include <stdbool.h>

#include "../../board/board.h"
#include "../../board/pic32mz/pic32mz.h"
#include "emu.h"
#include "tinyvp_limits.h"

struct vuart {
    uint32_t mode, sta, brg;
    uint8_t rx[64];         /* typed input waiting for the guest */
    uint8_t rx_head, rx_tail;
    uint16_t tx_lost;       /* bytes written while UTXBF (lost, as on a chip) */
    uint8_t ev_armed;       /* its pacing event (hv_event_at) is set */
};
#define RX_RING 64u

static struct vuart vuart[CONFIG_NR_GUESTS];

/* Per guest (index id - 1), what fast.S answers a guest's LW of its
 * console UART's STA from and takes a TXREG store with (emu.h:
 * UART_FAST_*): the transmitter's time lives only here, for both. C
 * keeps STA's word in step wherever what STA shows can change other than
 * by time: STA's own bits, the receive buffer, the console buffer's room
 * (vuart_write, vuart_read of RXREG, board_vuart_input/room/full,
 * vuart_reset), and TXOK at the end of every irq_update. */
uint32_t uart_fast[CONFIG_NR_GUESTS][UART_FAST_WORDS];
_Static_assert(UART_FAST_WORDS * 4 == 1 << UART_FAST_SHIFT && UART_RING_BUF == HV_CON_BUF &&
               UART_RING_MASK == HV_CON_MASK && UART_RING_HEAD == HV_CON_HEAD &&
               UART_RING_TAIL == HV_CON_TAIL && UART_FAST_STA + 4 == UART_FAST_BUSY,
               "fast.S's uart_fast layout; board.h's console buffer");
#define UF(g, w) uart_fast[(g) - 1][UART_FAST_##w / 4]
#define TX_BUSY_UNTIL(g) UF(g, BUSY) /* Count when its last byte has left the wire (while TX_BUSY) */
#define TX_BUSY(g)       UF(g, TXBUSY) /* bytes on the (virtual) wire: TX_BUSY_UNTIL is ahead, or
                                        * was until an access or the pacing event saw it pass */
#define CHAR_TICKS(g)    UF(g, CHAR) /* one character's time at MODE/BRG */

#define USTA_W   0x01fffc22u /* ADDEN URXISEL UTXEN UTXBRK URXEN UTXINV UTXISEL ADDR ADM_EN, OERR */

void vuart_init(void)
{
    for (unsigned g = 0; g < CONFIG_NR_GUESTS; g++) {
        const struct tvp_guest *gc = &tvp_guests[g];
        uart_fast[g][UART_FAST_PA / 4] = 1; /* matches no aligned LW */
        uart_fast[g][UART_FAST_RING / 4] = (uint32_t)hv_console_ring(gc->id);
        for (unsigned k = 0; k < gc->nr_devs; k++) {
            const struct tvp_dev_range *d = &gc->devs[k];
            /* the emulator sees pa & 0x1ff: STA where that is USTA */
            if (d->access == TVP_ACCESS_EMULATED && d->emulator == TVP_EMU_CONSOLE_UART &&
                !(d->base & 0x1ff) && d->size >= USTA + 4)
                uart_fast[g][UART_FAST_PA / 4] = d->base + USTA;
        }
    }
}

/* ---- console UART ------------------------------------------------------ */

#define USTA_URXISEL_SHIFT 6
#define USTA_UTXISEL_SHIFT 14

/* One character's time on the wire at the guest's settings, in core-timer
 * ticks: start bit, 8 or 9 data bits, parity, 1 or 2 stop bits; a bit is
 * 16 (4 with BRGH) x (BRG + 1) PBCLK2 cycles. */
static uint32_t char_ticks_of(const struct vuart *u)
{
    unsigned pdsel = (u->mode >> 1) & 3, bits = 1 + (pdsel == 3 ? 9 : 8) +
                     (pdsel == 1 || pdsel == 2) + 1 + (u->mode & 1);
    uint32_t cyc = bits * ((u->mode & UMODE_BRGH) ? 4u : 16u) * ((u->brg & 0xfffff) + 1);
    return cyc / (CONFIG_PBCLK_HZ / 1000000u) * (CONFIG_COUNT_HZ / 1000000u);
}

/* The transmitter's time: TX_BUSY_UNTIL is a Count, read only against
 * Count as a signed difference, so it must stay within 2^31 ticks of it.
 * It does: a byte is taken only while at most 8 characters' time is left
 * (a ninth is lost, as on the chip: the FIFO is full), so while busy
 * (TX_BUSY) the backlog is at most 9 characters. TX_BUSY is cleared when
 * an access finds that time passed, and at the latest by the pacing
 * event, which a busy transmitter always has armed no later than
 * TX_IDLE_LATER ticks after TX_BUSY_UNTIL (the difference is still exact
 * then); an idle transmitter is not timed at all, however long it stays
 * idle. That event comes late on purpose: one per burst of output, not
 * one per character (a TXREG store only checks that it is armed). The
 * slowest character (12 bits, BRG 0xFFFFF, x16) is 2.0 x 10^8 ticks at
 * 100 MHz; 9 of them and TX_IDLE_LATER stay below 2^31. */
#define CHAR_TICKS_MAX ((uint64_t)12u * 16u * 0x100000u / (CONFIG_PBCLK_HZ / 1000000u) * \
                        (CONFIG_COUNT_HZ / 1000000u))
#define TX_IDLE_LATER 0x10000000u /* 2.7 s at 100 MHz */
_Static_assert(9u * CHAR_TICKS_MAX + TX_IDLE_LATER < 0x80000000u,
               "the console's backlog and idle event fit a signed Count difference");

/* Bytes the guest's transmitter still holds, as time left on the wire
 * (<= 0: empty), by the wire's pace: the guest sees its UART as slow as
 * a real one (UTXBF, TRMT), while the bytes go on to its console buffer. */
static int32_t tx_backlog(guest_id_t g)
{
    return TX_BUSY(g) ? (int32_t)(TX_BUSY_UNTIL(g) - hv_ticks()) : 0;
}

static unsigned rx_count(const struct vuart *u)
{
    return (uint8_t)(u->rx_head - u->rx_tail);
}

/* STA less what time changes (TRMT, the transmitter's UTXBF): fast.S's
 * word, and vuart_read's. The transmitter is full (UTXBF) with eight
 * characters still on the wire (vuart_read, fast.S: from Count), or when
 * the hypervisor's buffer for this guest has no room (here: its output
 * waits for the shared wire: the guest sees a slow UART, never a lost
 * byte). An idle transmitter shows TRMT here, so fast.S need not time it. */
static uint32_t sta_fixed(guest_id_t g, const struct vuart *u)
{
    return (u->sta & USTA_W) | USTA_RIDLE | (hv_console_room(g) ? 0 : USTA_UTXBF) |
           (rx_count(u) ? USTA_URXDA : 0) | (TX_BUSY(g) ? 0 : USTA_TRMT);
}

/* fast.S's words for guest g, after anything but time changed its STA.
 * Idle: STA has TRMT and the "full" limit is one no Count difference
 * exceeds, so fast.S's sums (TRMT when left <= 0, UTXBF when left > FULL)
 * give an idle transmitter's STA whatever TX_BUSY_UNTIL - Count is. */
static void uart_fast_sync(guest_id_t g)
{
    const struct vuart *u = &vuart[g - 1];
    uint32_t *f = uart_fast[g - 1];
    f[UART_FAST_STA / 4] = sta_fixed(g, u);
    f[UART_FAST_FULL / 4] = TX_BUSY(g) ? 8 * CHAR_TICKS(g) : 0x7fffffffu;
}

/* The transmitter's last byte has left the wire: idle from now on. */
static void tx_settle(guest_id_t g)
{
    if (TX_BUSY(g) && (int32_t)(TX_BUSY_UNTIL(g) - hv_ticks()) <= 0) {
        TX_BUSY(g) = 0;
        uart_fast_sync(g);
    }
}

/* The UART's persistent interrupt sources, as its flags would be raised
 * now (URXISEL: 00 a character waits, 01 four, 10 six; UTXISEL: 00 the
 * FIFO has room, 01 all sent, 10 the FIFO is empty). A transmitter
 * condition that only time will bring arms a pacing event for then; a
 * busy transmitter always has one (at the latest TX_IDLE_LATER after it
 * has become idle). settle: see first whether the transmitter has become
 * idle (not needed right after a byte was taken). */
static void irq_update(guest_id_t g, bool settle)
{
    struct vuart *u = &vuart[g - 1];
    static const uint8_t rx_need[4] = {1, 4, 6, 6};
    if (settle)
        tx_settle(g);
    uint32_t when = TX_BUSY_UNTIL(g) + TX_IDLE_LATER; /* if busy: the idle check */
    bool soon = false; /* a TX interrupt waits for a time */
    if (!(u->mode & UMODE_ON))
        goto pace;
    if (rx_count(u) >= rx_need[(u->sta >> USTA_URXISEL_SHIFT) & 3] &&
        !(vintc_state(g, board_console_rx_vector) & VF_IFS))
        vintc_raise(g, board_console_rx_vector);
    if ((vintc_state(g, board_console_tx_vector) & (VF_IEC | VF_IFS)) != VF_IEC || !(u->sta & USTA_UTXEN))
        goto pace;
    unsigned sel = (u->sta >> USTA_UTXISEL_SHIFT) & 3;
    int32_t left = tx_backlog(g), limit = sel == 0 ? (int32_t)(8 * CHAR_TICKS(g)) : 0;
    if (left <= limit && hv_console_room(g)) {
        vintc_raise(g, board_console_tx_vector);
    } else if (left > limit) {
        when = TX_BUSY_UNTIL(g) - (uint32_t)limit; /* before the idle time */
        soon = true;
    } /* else: waits for room in the buffer (board_vuart_room) */
pace:
    if (soon || (TX_BUSY(g) && !u->ev_armed)) {
        u->ev_armed = 1;
        hv_event_at(g, when);
    }
    /* fast.S may take a TXREG store while the byte needs nothing of
     * this: the transmitter on, its TX interrupt needing no look (the
     * enable off or the flag up), the pacing event armed (the RX
     * condition does not change with a byte sent) */
    UF(g, TXOK) = (u->mode & UMODE_ON) && (u->sta & USTA_UTXEN) && u->ev_armed &&
                  (vintc_state(g, board_console_tx_vector) & (VF_IEC | VF_IFS)) != VF_IEC;
}

void vuart_irq_update(guest_id_t g)
{
    irq_update(g, true);
}

void board_vuart_event(guest_id_t g)
{
    vuart[g - 1].ev_armed = 0;
    vuart_irq_update(g);
}

void board_vuart_room(guest_id_t g)
{
    uart_fast_sync(g);
    vuart_irq_update(g);
}

void board_vuart_full(guest_id_t g)
{
    uart_fast_sync(g);
}

/* Typed input for guest g (it has the focus). A full receive buffer
 * loses the character and sets OERR, as a real receiver does. */
void board_vuart_input(guest_id_t g, char c)
{
    struct vuart *u = &vuart[g - 1];
    if (rx_count(u) >= RX_RING) {
        u->sta |= USTA_OERR;
        uart_fast_sync(g);
        return;
    }
    u->rx[u->rx_head++ % RX_RING] = (uint8_t)c;
    uart_fast_sync(g);
    vuart_irq_update(g);
}

bool vuart_read(guest_id_t g, uint32_t off, uint32_t *word)
{
    struct vuart *u = &vuart[g - 1];
    *word = 0;
    if (off & 0xc)
        return true; /* aliases read as zero */
    switch (off) {
    case UMODE: *word = u->mode; break;
    case USTA: {
        int32_t left = tx_backlog(g); /* fast.S: the same from uart_fast */
        *word = sta_fixed(g, u) | (left <= 0 ? USTA_TRMT : 0) |
                (left > (int32_t)(8 * CHAR_TICKS(g)) ? USTA_UTXBF : 0);
        break;
    }
    case URXREG:
        if (rx_count(u)) {
            *word = u->rx[u->rx_tail++ % RX_RING];
            uart_fast_sync(g);
            vuart_irq_update(g);
        }
        break;
    case UBRG: *word = u->brg; break;
    default: break;
    }
    return true;
}

bool vuart_write(guest_id_t g, uint32_t off, uint32_t word, uint32_t lanes)
{
    struct vuart *u = &vuart[g - 1];
    switch (off & ~0xcu) {
    case UMODE:
        u->mode = sfr_alias_op(u->mode, off, word, lanes) & 0xffffu;
        CHAR_TICKS(g) = char_ticks_of(u);
        break;
    case USTA: {
        uint32_t was = u->sta;
        u->sta = sfr_alias_op(u->sta, off, word, lanes) & USTA_W;
        if ((was & USTA_OERR) && !(u->sta & USTA_OERR))
            u->rx_tail = u->rx_head; /* clearing OERR empties the receiver */
        break;
    }
    case UBRG:
        u->brg = sfr_alias_op(u->brg, off, word, lanes) & 0xfffffu;
        CHAR_TICKS(g) = char_ticks_of(u);
        break;
    case UTXREG:
        /* a byte leaves only from an enabled transmitter, as on the chip;
         * one written while UTXBF is lost, as on the chip (counted) */
        if (off == UTXREG && (lanes & 0xff) && (u->mode & UMODE_ON) && (u->sta & USTA_UTXEN)) {
            uint32_t *f = uart_fast[g - 1];
            int32_t left = tx_backlog(g);
            if ((f[UART_FAST_STA / 4] & USTA_UTXBF) || /* no room in the buffer (in step) */
                left > (int32_t)(8 * CHAR_TICKS(g))) { /* or the FIFO is full */
                u->tx_lost++;
                break;
            }
            /* fast.S does the same for a byte that needs nothing else */
            TX_BUSY_UNTIL(g) = (left > 0 ? TX_BUSY_UNTIL(g) : hv_ticks()) + CHAR_TICKS(g);
            TX_BUSY(g) = 1;
            f[UART_FAST_STA / 4] &= ~USTA_TRMT;
            f[UART_FAST_FULL / 4] = 8 * CHAR_TICKS(g);
            hv_console_put(g, (char)(word & 0xff)); /* full: board_vuart_full */
        }
        irq_update(g, false); /* STA's other bits have not changed */
        return true;
    default: break;
    }
    uart_fast_sync(g);
    vuart_irq_update(g);
    return true;
}

void vuart_reset(guest_id_t g)
{
    vuart[g - 1] = (struct vuart){0};
    TX_BUSY(g) = TX_BUSY_UNTIL(g) = UF(g, TXOK) = 0;
    CHAR_TICKS(g) = char_ticks_of(&vuart[g - 1]);
    uart_fast_sync(g);
}

/*
 * The board seam: what hv/core needs from a board (hv/board/<board>/).
 * A board supplies addresses, setup and device emulators; it decides no
 * policy. Contract per function below; all run in root exception context.
 */
#ifndef HV_BOARD_BOARD_H
#define HV_BOARD_BOARD_H

#include <stdbool.h>
#include <stdint.h>

#include <tinyvp/config.h>

/* After the reset code: clocks checked, vpconf's setup writes done (PPS,
 * PMD, bus protection), console UART on, interrupt controller in
 * multi-vector EIC mode with every vector disabled. */
void board_init(void);

/* Root console, unbuffered: waits (bounded) for room. For a panic; the
 * core's console buffer (console.c) is the normal way out. */
void board_console_putc(char c);

/* A guest access forwarded to a real device register: pa is a physical
 * address inside a device range the guest may reach, size 1, 2 or 4,
 * naturally aligned. false: the device answered with a bus error (the
 * hypervisor survives it: arch_dev_load/arch_dev_store); a read then
 * leaves *val unchanged. */
bool board_dev_read(uint32_t pa, unsigned size, uint32_t *val);
bool board_dev_write(uint32_t pa, unsigned size, uint32_t val);
/* The byte lanes of the aligned word wa a store touches (0x000000ff ...
 * 0xffffffff, the value in place), at the store's own width where the
 * lanes allow it (a FIFO counts bytes). false: a bus error. */
bool board_dev_write_lanes(uint32_t wa, uint32_t val, uint32_t lanes);

/* Emulated devices (enum tvp_emulator). Word based: pa is the aligned word;
 * a write carries the byte lanes it touches (0x000000ff ... 0xffffffff) and
 * the value already shifted into them. false: the access is not one the
 * device accepts (a guest fault). */
bool board_emu_read(unsigned emu, guest_id_t g, uint32_t pa, uint32_t *word);
bool board_emu_write(unsigned emu, guest_id_t g, uint32_t pa, uint32_t word, uint32_t lanes);
/* The guest's virtual devices back to their reset state, and its
 * exclusive devices too when `devices` (a restart; at boot the chip's own
 * reset left them so): vpconf's reset writes, their registers at their
 * reset values, DMA channels aborted, and its pending interrupts cleared
 * at the real controller as in its virtual one. A register whose device
 * answered a reset write with a bus error: the first one's address is
 * returned (0: none), and the restart goes on. */
uint32_t board_guest_reset(guest_id_t g, bool devices);
/* The system registers a guest has its own copy of inside a write-ignore
 * device (its reset control: SYSKEY, RCON, RSWRST on the PIC32MZ): a
 * store (word address, lanes as above) or a load of the aligned word at
 * pa that the board answers. false: not one of them (the device list's
 * access applies: the read forwarded, the write dropped). */
bool board_sys_write(guest_id_t g, uint32_t wa, uint32_t val, uint32_t lanes);
bool board_sys_read(guest_id_t g, uint32_t pa, uint32_t *word);

/* The console UART's transmitter, for the core's console buffer: room in
 * its FIFO, one byte out, its "room" interrupt on or off. Its receiver:
 * the next typed character or -1 (its interrupt is on from board_init). */
bool board_console_tx_ready(void);
void board_console_tx(char c);
void board_console_tx_irq(bool on);
int board_console_getc(void);

/* Interrupts: the vector the controller is delivering now, or INVALID_IRQ;
 * a vector on at a level (1..7) / off (enable only, or enable and flag);
 * its flag cleared (edge sources; a persistent source's flag comes back
 * while it lasts); the 32 flags IFSn. */
irq_t board_irq_current(void);
void board_irq_enable(irq_t v, unsigned level);
void board_irq_disable(irq_t v);
void board_irq_mask(irq_t v);
void board_irq_ack(irq_t v);
uint32_t board_irq_flags(unsigned n);
/* Vector v enters the hypervisor at `entry` instead of the common
 * interrupt entry (its own offset: the core timer's goes to the window
 * switch); the register whose store of `*bit` clears v's flag (for
 * assembly that acknowledges it). */
void board_irq_entry(irq_t v, const void *entry);
void board_irq_flag_reg(irq_t v, uint32_t *reg, uint32_t *bit);
extern const irq_t board_core_timer_vector;  /* Count = Compare */
extern const irq_t board_console_tx_vector;  /* console UART TX has room */
extern const irq_t board_console_rx_vector;  /* console UART RX has data */

/* The guest's virtual interrupt controller: the highest-priority vector
 * pending and enabled (its level and vector offset), if any, which is
 * then the one offered; the offered one taken by the guest; the guest's
 * core timer (Count = Compare) raising its vector; a real interrupt v the
 * guest owns: masked at the real controller, pending in the guest's (the
 * real enable comes back when the guest clears its flag). */
bool board_virq_pending(guest_id_t g, unsigned *level, uint32_t *voff);
/* bit g: guest g's pending interrupts may have changed since
 * board_virq_pending looked (a byte the exit path tests inline) */
extern uint8_t board_virq_dirty;
static inline bool board_virq_changed(guest_id_t g)
{
    return (board_virq_dirty >> g) & 1;
}
void board_virq_taken(guest_id_t g);
uint32_t board_virq_taken_count(guest_id_t g); /* interrupts guest g took (the shell) */
/* The guest's core software interrupts: its Cause.IP0 (bit 0 of rise) or
 * IP1 (bit 1) seen going from 0 to 1 raises CS0IF / CS1IF (vectors 1,
 * 2). Guest Cause writes do not trap, so the core samples IP1:0 at its
 * exits; bit g of board_virq_soft_on: guest g has CS0 or CS1 enabled
 * (then the core also makes the guest's exception entries and ERETs
 * exits, GuestCtl0.MC, so a yield requested in a handler is taken
 * right after its ERET as on the chip). */
void board_virq_soft(guest_id_t g, unsigned rise);
extern uint8_t board_virq_soft_on;
void board_vtimer_fire(guest_id_t g);
void board_virq_raise(guest_id_t g, irq_t v);

/* Bus-protection violations: board_sbp_init (after the setup writes)
 * makes every target report to vector board_sbp_vector, the hypervisor's.
 * board_sbp_next: the next violation a target logged, its log cleared so
 * the next one is seen; false when none is left (then ack the vector). */
struct board_sbp_err {
    uint32_t addr;     /* the address, when the DMA controller knows it; else 0 */
    uint8_t target, region, initiator, group, code;
    bool write, multi, dma; /* multi: more violations were lost behind it */
};
extern const irq_t board_sbp_vector;
void board_sbp_init(void);
bool board_sbp_next(struct board_sbp_err *e);

/* The guest's emulated console UART: a character typed for it (it has the
 * focus); its pacing event (hv_event_at) is due; its console buffer has
 * room again. Each may raise its RX/TX interrupt. Its console buffer
 * has just filled up (hv_console_put: its STA shows UTXBF now). */
void board_vuart_input(guest_id_t g, char c);
void board_vuart_event(guest_id_t g);
void board_vuart_room(guest_id_t g);
void board_vuart_full(guest_id_t g);

/* Services of the core the board's emulators use. */
void hv_console_putc(char c);   /* the hypervisor's console output, buffered */
void hv_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2))); /* the same, formatted */
void hv_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));    /* "tinyVP: " and the same */
unsigned hv_console_room(guest_id_t g);     /* bytes guest g's buffer takes now */
/* Guest g's console buffer, for a board fast path that puts a byte that
 * needs nothing else (not a line end, the buffer not full after it): at
 * HV_CON_BUF the bytes (a pointer), HV_CON_MASK the size - 1, HV_CON_HEAD
 * and HV_CON_TAIL (16 bits; the byte goes at buf[head & mask], head + 1;
 * head - tail bytes wait). */
void *hv_console_ring(guest_id_t g);
#define HV_CON_BUF  0
#define HV_CON_MASK 4
#define HV_CON_HEAD 6
#define HV_CON_TAIL 8
void hv_console_put(guest_id_t g, char c);  /* one byte of guest g's output */
void hv_event_at(guest_id_t g, uint32_t count); /* board_vuart_event(g) then */
/* Guest g's interrupt proximity timer (its INTCON.TPC, IPTMR): due at root
 * Count `count` (less than 2^31 ticks ahead; board_tpc_expired(g) then),
 * or cancelled. */
void hv_tpc_at(guest_id_t g, uint32_t count);
void hv_tpc_cancel(guest_id_t g);
void board_tpc_expired(guest_id_t g);
uint32_t hv_ticks(void);        /* core-timer ticks (CONFIG_COUNT_HZ), wrapping */
/* A guest fault the running guest's access is about to become: false when
 * it would run too close to the window switch and is put off whole (the
 * access runs again in its next window; sched_defer with the fault bound). */
bool hv_fault_now(void);
/* The address of the guest instruction whose access is being emulated
 * (for the emulators' log lines). */
uint32_t hv_guest_pc(void);
/* The interrupt the core offered guest g (board_virq_pending), if the
 * guest has taken it since this exit began: board_virq_taken now (for a
 * register read that must already name it, INTSTAT). */
void hv_virq_sync(guest_id_t g);
/* Guest g's core software interrupt enables (board_virq_soft_on) changed
 * by its own write: the core decides again how it runs it. */
void hv_virq_soft_changed(guest_id_t g);
/* Guest g (the running one) asked for a software reset (the chip's
 * RSWRST sequence): it restarts at its entry once this exit is done,
 * alone, as a chip restarts; its devices are reset (board_guest_reset). */
void hv_guest_sw_reset(guest_id_t g);
/* Guest g's own watchdog (hv/core/wdt.c): on or off with its period in
 * core-timer ticks (on: a full period starts), and its clear. The board
 * decodes the guest's register; the core times it in the guest's windows
 * and applies the health monitor's action at expiry. closed_8ths: window
 * mode, the first closed_8ths eighths of the period closed (a clear there
 * resets the guest), 0 without it. */
void hv_wdt_control(guest_id_t g, bool on, uint64_t period);
void hv_wdt_clear(guest_id_t g, unsigned closed_8ths);
/* Guest g is about to restart (before board_guest_reset): why, as the
 * chip's reset cause register tells the guest (RCON on the PIC32MZ). */
enum board_reset_why {
    BOARD_RESET_SW = 0, /* its own software reset, or the health monitor's restart after a fault */
    BOARD_RESET_WDT,    /* its watchdog ran out */
    BOARD_RESET_EXT,    /* the operator's (the shell's `restart`): as the reset pin */
};
void board_guest_reset_cause(guest_id_t g, enum board_reset_why why);
/* The guest access being refused (board_emu_write/read false, after
 * hv_fault_now) is a DMA transfer the DMA emulator refuses: the health
 * monitor counts it as a DMA violation, not a memory one. */
void hv_fault_dma(void);

extern const char board_name[];

#endif /* HV_BOARD_BOARD_H */

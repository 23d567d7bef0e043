/*
 * tinyVP guest runtime: what a bare-metal firmware for the chipKIT Wi-FIRE
 * (PIC32MZ2048EFG100) needs, and nothing of the hypervisor. A guest built
 * with it runs on the real board, on the bare simulated board (vpsim) and,
 * unchanged, as a tinyVP partition. guests/README.md describes the memory
 * layout and the start-up sequence; each function's contract is here.
 *
 * Clock facts the runtime assumes (set by the DEVCFG words and
 * board_init()): SYSCLK 200 MHz, PBCLK2 (UARTs) = PBCLK3 (timers) =
 * 100 MHz, core timer (CP0 Count) at SYSCLK / 2 = 100 MHz.
 */
#ifndef GUESTS_RT_RT_H
#define GUESTS_RT_RT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cp0.h"
#include "pic32mz.h"
#include "tlib.h"

#define RT_SYSCLK_HZ   200000000u
#define RT_PBCLK_HZ    100000000u /* PBCLK2 and PBCLK3 after board_init() */
#define RT_CT_HZ       (RT_SYSCLK_HZ / 2) /* core timer ticks per second */
#define RT_CT_PER_MS   (RT_CT_HZ / 1000u)
#define RT_CT_PER_US   (RT_CT_HZ / 1000000u)
#define RT_CONSOLE_BAUD 115200u

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---- board ------------------------------------------------------------- */
/* Board set-up as a Wi-FIRE firmware does it, in this order: SYSKEY unlock,
 * PB2/PB3/PB4 dividers to 100 MHz, relock; flash wait states and prefetch
 * (PRECON: 2 wait states at 200 MHz, prefetch for all regions); PPS for the
 * console (RF8 = U4TX, RF2 = U4RX) with the IOLOCK dance; the console UART
 * at 115200 8N1. Interrupts stay as they are (crt0 leaves them off). The
 * LEDs and buttons are not touched (rt_led_init), so that a firmware that
 * does not use them does not need ports A, B, D and G. */
void board_init(void);
/* SYSCLK and PBCLKx (1..8) as the oscillator registers say (POSC = 24 MHz
 * on the Wi-FIRE), in Hz. */
uint32_t board_sysclk_hz(void);
uint32_t board_pbclk_hz(unsigned x);
/* SYSKEY unlock/relock (interrupts must be off in between: the two key
 * writes must be back to back). */
void board_unlock(void);
void board_lock(void);

/* ---- LEDs and buttons ------------------------------------------------- */
/* LD1 = RG6, LD2 = RD4, LD3 = RB11, LD4 = RG15; 1 on LAT lights an LED.
 * Buttons BTN1 = RA5, BTN2 = RA4 (pressed reads 1). Numbers start at 1;
 * others are ignored (read as 0). Changes use LATxSET/CLR/INV, so they are
 * safe from interrupt handlers. rt_led_init() first: LED pins digital
 * outputs, off; button pins digital inputs. */
#define RT_NLEDS 4
#define RT_NBUTTONS 2
void rt_led_init(void);
void rt_led_set(unsigned led, bool on);
void rt_led_toggle(unsigned led);
bool rt_led_get(unsigned led);
bool rt_button(unsigned button);

/* ---- UART (polled) ----------------------------------------------------- */
/* UART n (1..6) on at `baud`, 8N1, BRGH = 1, TX and RX enabled, interrupts
 * not touched; the pins must have been routed (board_init does UART4). */
void rt_uart_init(unsigned n, uint32_t baud);
void rt_uart_putc(unsigned n, char c);       /* waits while the TX FIFO is full */
bool rt_uart_rx_ready(unsigned n);           /* a character is waiting */
int rt_uart_getc(unsigned n);                /* waits for one; clears OERR first */
int rt_uart_trygetc(unsigned n);             /* -1 when none waits */
void rt_uart_flush(unsigned n);              /* waits until all is sent (TRMT) */
/* Vectors of UART n: fault, rx, tx (kind 0, 1, 2). */
unsigned rt_uart_vector(unsigned n, unsigned kind);

/* The console is UART4. Text output turns "\n" into "\r\n". */
void rt_putc(char c);
void rt_puts(const char *s);   /* no newline added */
int rt_getc(void);
int rt_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int rt_vprintf(const char *fmt, va_list ap);
/* rt_printf, rt_snprintf: tlib_vformat's formats (tlib/tlib.h): %d %i %u %x
 * %X %o %c %s %p %%, flags - 0 + space, width, .precision for strings and
 * integers, length h hh l ll z. No floating point (see rt_fmt_double).
 * Returns the length of the full result; the buffer always ends with a NUL
 * when size > 0. The string functions (memcpy, strlen, ...) are tlib's. */
#define rt_snprintf  tlib_snprintf
#define rt_vsnprintf tlib_vsnprintf
/* Writes v with `decimals` digits after the point (0..9), rounded to
 * nearest: "-1.250", "inf", "nan". |v| >= 1e18 is written as "big".
 * Returns the length. buf needs 32 bytes. */
#define rt_fmt_double tlib_fmt_double

/* ---- interrupts -------------------------------------------------------- */
/* crt0 sets multi-vector mode: EBase = 0x9D000000, IntCtl.VS = 1,
 * Cause.IV = 1, INTCON.MVEC = 1, PRISS = 0 (shadow set 0 for every level),
 * and OFF[v] = 0x200 + 8 v: the per-vector stub at EBase + OFF[v] enters
 * the common handler, which saves the caller-saved registers, calls the
 * handler installed for v and returns with ERET. Handlers run with
 * Status.EXL = 1 (no nesting) and must not use the FPU. The default handler
 * prints "unexpected interrupt N" and disables vector N. */
typedef void (*rt_irq_handler_t)(unsigned vec);
void rt_irq_init(void); /* crt0 calls it */
void rt_irq_set_handler(unsigned vec, rt_irq_handler_t h);
void rt_irq_set_priority(unsigned vec, unsigned ip, unsigned is); /* ip 1..7, 0 = off */
void rt_irq_enable(unsigned vec);
void rt_irq_disable(unsigned vec);
void rt_irq_clear(unsigned vec);        /* IFSxCLR */
bool rt_irq_flag(unsigned vec);
/* handler + priority (subpriority 0) + clear flag + enable */
void rt_irq_attach(unsigned vec, rt_irq_handler_t h, unsigned ip);
bool rt_irq_vector_exists(unsigned vec);

/* Global interrupt enable (Status.IE), returning the previous Status. */
static inline uint32_t rt_irq_off(void)
{
    uint32_t s;
    __asm__ volatile("di %0; ehb" : "=r"(s) :: "memory");
    return s;
}
static inline uint32_t rt_irq_on(void)
{
    uint32_t s;
    __asm__ volatile("ei %0; ehb" : "=r"(s) :: "memory");
    return s;
}
static inline void rt_irq_restore(uint32_t status)
{
    if (status & ST0_IE)
        rt_irq_on();
    else
        rt_irq_off();
}
/* Sleeps until an interrupt arrives (WAIT). */
static inline void rt_wait(void)
{
    __asm__ volatile("wait" ::: "memory");
}

/* ---- core timer (CP0 Count/Compare, 100 MHz) --------------------------- */
static inline uint32_t rt_ticks(void) { return read_c0_count(); }
/* Busy-waits (Count based). */
void rt_delay_us(uint32_t us);
void rt_delay_ms(uint32_t ms);
/* Periodic core-timer interrupt: every `period` ticks call h (at priority
 * ip), the first time `period` ticks from now. Compare advances by exactly
 * `period` each time, so the schedule does not drift with the handler's
 * latency. 0 stops it. */
void rt_ct_periodic(uint32_t period, void (*h)(void), unsigned ip);

/* ---- Timer1..Timer9 (PBCLK3) ------------------------------------------ */
/* Starts timer n (1..9) with a period of `ticks` PBCLK3 cycles (its flag
 * rises every `ticks` cycles): picks the smallest prescaler with which
 * PR = ticks / prescale - 1 fits in 16 bits and divides exactly. Returns
 * the prescaler used, or 0 (timer untouched) if none fits. The interrupt
 * is not enabled here (rt_irq_attach(rt_timer_vector(n), ...)). */
unsigned rt_timer_start(unsigned n, uint32_t ticks);
/* Timers 2/4/6/8 paired with the next one as a 32-bit timer; the odd
 * timer's vector signals the period. Same return value. */
unsigned rt_timer32_start(unsigned n, uint32_t ticks);
void rt_timer_stop(unsigned n);
void rt_timer_stop_all(void); /* every timer rt_timer*_start() started */
uint32_t rt_timer_read(unsigned n);
unsigned rt_timer_vector(unsigned n);

/* ---- exit -------------------------------------------------------------- */
/* The end of a firmware: prints "[exit N]" on the console, waits until it
 * is sent, turns interrupts off (Status.IE and every IEC bit), stops the
 * timers it started and the core timer (Cause.DC) and sleeps in WAIT for
 * ever. On the board that is an idle chip; on vpsim a WAIT with
 * nothing pending ends the run (status 125); under tinyVP the partition
 * idles. main() returning does the same with its return value. */
void rt_exit(int status) __attribute__((noreturn));

/* ---- exceptions -------------------------------------------------------- */
/* Registers saved by the general-exception entry (crt0.S). */
struct rt_frame {
    uint32_t args[4];           /* o32 argument save area of the callee */
    uint32_t r[32];             /* r[0] unused; k0/k1 not saved */
    uint32_t hi, lo, epc, status, cause, badvaddr;
};
/* Called for every exception other than an interrupt. The default prints
 * the cause, EPC, BadVAddr and Status and calls rt_exit(128 + ExcCode). A
 * firmware may define its own: the value returned is the EPC to resume at
 * (registers are restored from the frame). */
uint32_t rt_exception(struct rt_frame *f);

/* Linker-script symbols (guest.ld). */
extern char __ram_start[], __ram_end[], __stack_top[], __data_start[], __data_end[],
    __bss_start[], __bss_end[], __text_start[], __rodata_end[];

#endif

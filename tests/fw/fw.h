/*
 * Firmware-style test guests (tests/fw): what their programs share. No
 * tinyVP runtime: registers by address from the PIC32MZ EF datasheet
 * (DS60001320: sec. 7 interrupt controller, sec. 6 resets, sec. 21
 * UART), CP0 by number from the MIPS32 PRA (MD00090) and the M5150
 * manual (MD00980), a polled console on UART4 (the Wi-FIRE's USB serial).
 */
#ifndef FW_H
#define FW_H

#include <stdint.h>

#define REG(a) (*(volatile uint32_t *)(a))
#define CLR(a) REG((a) + 4)
#define SET(a) REG((a) + 8)

/* interrupt controller (DS60001320 sec. 7) */
#define INTCON      0xBF810000u
#define INTCON_MVEC (1u << 12)
#define INTSTAT     0xBF810020u
#define IFS(n)      (0xBF810040u + 0x10u * (n))
#define IEC(n)      (0xBF8100C0u + 0x10u * (n))
#define IPC(n)      (0xBF810140u + 0x10u * (n))
#define OFF(v)      (0xBF810540u + 4u * (v))
#define VEC_CT   0   /* core timer */
#define VEC_CS0  1   /* core software interrupt 0 (Cause.IP0) */
#define VEC_CS1  2   /* core software interrupt 1 (Cause.IP1) */
#define VEC_T2   9   /* Timer2 */
#define VEC_U4TX 172 /* UART4 transmitter */

/* resets and locks (DS60001320 sec. 6) */
#define SYSKEY   0xBF800030u
#define RCON     0xBF801240u
#define RSWRST   0xBF801250u
#define RCON_SWR (1u << 6)

/* UART4 */
#define U4MODE  0xBF822600u
#define U4STA   0xBF822610u
#define U4TXREG 0xBF822620u
#define U4BRG   0xBF822640u

/* CP0 (register, select) */
#define MFC0(...) MFC0_(__VA_ARGS__)
#define MTC0(...) MTC0_(__VA_ARGS__)
#define MFC0_(r, s) ({ uint32_t v_; __asm__ volatile("mfc0 %0, $" #r ", " #s : "=r"(v_)); v_; })
#define MTC0_(r, s, v) __asm__ volatile("mtc0 %z0, $" #r ", " #s "\n\tehb" : : "Jr"((uint32_t)(v)) : "memory")
#define C0_COUNT   9, 0
#define C0_COMPARE 11, 0
#define C0_STATUS  12, 0
#define C0_CAUSE   13, 0
#define CAUSE_IP0 (1u << 8)
#define CAUSE_IP1 (1u << 9)
#define COUNT_HZ 100000000u /* SYSCLK / 2 */

static inline void fw_di(void) { __asm__ volatile("di\n\tehb" ::: "memory"); }
static inline void fw_ei(void) { __asm__ volatile("ei\n\tehb" ::: "memory"); }

static inline void fw_putc(char c)
{
    while (REG(U4STA) & (1u << 9)) /* UTXBF */
        ;
    REG(U4TXREG) = (uint8_t)c;
}

static inline void fw_puts(const char *s)
{
    while (*s)
        fw_putc(*s++);
}

static inline void fw_putu(uint32_t v)
{
    char b[11];
    unsigned n = 0;
    do
        b[n++] = (char)('0' + v % 10);
    while ((v /= 10) && n < sizeof b);
    while (n)
        fw_putc(b[--n]);
}

static inline void fw_puthex(uint32_t v)
{
    for (int i = 28; i >= 0; i -= 4)
        fw_putc("0123456789abcdef"[(v >> i) & 15]);
}

/* "NAME: exception at +OFF cause CAUSE epc EPC", the programs' fw_exception line */
static inline void fw_exception_line(const char *name, uint32_t off, uint32_t cause, uint32_t epc)
{
    fw_puts(name);
    fw_puts(": exception at +");
    fw_puthex(off);
    fw_puts(" cause ");
    fw_puthex(cause);
    fw_puts(" epc ");
    fw_puthex(epc);
    fw_putc('\n');
}

/* UART4 on the Wi-FIRE's USB serial pins (DS60001320 sec. 12.4: RPF8R =
 * 2, U4TX; U4RXR = 11, RPF2), written as chipKIT's start-up does it:
 * without SYSKEY, CFGCON.IOLOCK being 0 after reset; then 115200 8N1
 * from PBCLK2 = 100 MHz (BRGH: 100 MHz / (4 (216 + 1))) */
#define RPF8R 0xBF801660u
#define U4RXR 0xBF801480u
static inline void fw_console_init(void)
{
    REG(RPF8R) = 2;
    REG(U4RXR) = 11;
    REG(U4MODE) = 0;
    REG(U4BRG) = 216;
    REG(U4STA) = 1u << 10;              /* UTXEN */
    REG(U4MODE) = (1u << 15) | (1u << 3); /* ON, BRGH */
}

static inline void fw_flush(void)
{
    while (!(REG(U4STA) & (1u << 8))) /* TRMT */
        ;
}

#endif

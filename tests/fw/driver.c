/*
 * driver: a firmware written the way an XC32/Harmony user writes one for
 * the chipKIT Wi-FIRE, not on tinyVP's guest runtime and not on the
 * other tests/fw programs' start-up: its own crt0 (driver-crt0.S: cache
 * initialisation with CACHE Index Store Tag, .data/.bss, OFFx from a
 * linker table, EBase, IntCtl.VS from _vector_spacing), its own linker
 * script (driver.ld: configuration words at boot-flash panel 1's own
 * address), handlers with the compiler's interrupt prologue (nesting, IPL
 * from Cause.RIPL, as XC32's IPLnSOFT), registers by address from the
 * PIC32MZ EF datasheet (DS60001320: sec. 7 interrupts, sec. 12 PPS,
 * sec. 14 timers, sec. 22 UART).
 *
 * It prints on the console (UART4, routed through PPS to the USB serial
 * pins as a Wi-FIRE program does):
 *   its start-up's CP0 state (EBase, IntCtl.VS, Config.K0), its DEVCFG
 *   words read at the lower boot alias and at panel 1's own address, a
 *   .data word and a .bss word;
 *   the results of cache maintenance on a buffer: Hit Writeback of the
 *   D-cache then an uncached read, Hit Invalidate of the D-cache after an
 *   uncached write, and code copied to RAM made executable (Hit
 *   Writeback D + Hit Invalidate I);
 *   each line it receives on UART1 (its own pins: U1RX on RPF4, U1TX on
 *   RPF5), taken by the UART1 receive interrupt (vector 113, level 3) and
 *   answered on UART1 (each character echoed, then "= " and the line
 *   reversed);
 *   that Timer2 (1 ms, vector 9, level 4) interrupted it 50 times;
 *   "driver: done".
 * The input comes from the test (vpsim --input 1=...).
 */
#include <stdint.h>

#define REG(a) (*(volatile uint32_t *)(a))
#define CLR(a) REG((a) + 4)
#define SET(a) REG((a) + 8)

/* interrupt controller */
#define INTCON      0xBF810000u
#define INTCON_MVEC (1u << 12)
#define IFS(n)      (0xBF810040u + 0x10u * (n))
#define IEC(n)      (0xBF8100C0u + 0x10u * (n))
#define IPC(n)      (0xBF810140u + 0x10u * (n))
#define OFF(v)      (0xBF810540u + 4u * (v))
/* system lock, PPS */
#define SYSKEY      0xBF800030u
#define CFGCON      0xBF800000u
#define CFGCON_IOLOCK (1u << 13)
#define U1RXR       0xBF801468u
#define U4RXR       0xBF801480u
#define RPF5R       0xBF801654u
#define RPF8R       0xBF801660u
/* Timer2 */
#define T2CON       0xBF840200u
#define TMR2        0xBF840210u
#define PR2         0xBF840220u
/* UARTs */
#define UMODE(n)    (0xBF822000u + 0x200u * ((n) - 1))
#define USTA(n)     (UMODE(n) + 0x10)
#define UTXREG(n)   (UMODE(n) + 0x20)
#define URXREG(n)   (UMODE(n) + 0x30)
#define UBRG(n)     (UMODE(n) + 0x40)
#define USTA_URXDA  (1u << 0)
#define USTA_OERR   (1u << 1)
#define USTA_TRMT   (1u << 8)
#define USTA_UTXBF  (1u << 9)
#define USTA_UTXEN  (1u << 10)
#define USTA_URXEN  (1u << 12)

#define VEC_T2     9
#define VEC_U1E    112
#define VEC_U1RX   113

/* BF1DEVCFG3..0 at panel 1's own address (driver.ld): the Wi-FIRE's
 * words (SPLL 200 MHz from the 24 MHz EC, WDT and DMT off, JTAG on) */
__attribute__((section(".bf1cfg"), used)) const uint32_t drv_devcfg[4] = {
    0x86FFFFFFu, 0xFFF9B11Au, 0x03743CB9u, 0xFFF6FFF7u,
};

/* each vector's entry, as XC32's vector attribute emits it */
#define VECTOR(n, fn) \
    __asm__(".section .vector_" #n ",\"ax\"\n\t.set push\n\t.set noreorder\n\t" \
            "j " #fn "\n\tnop\n\t.set pop\n\t.text")

volatile uint32_t data_word = 0x5A17C0DEu; /* .data: copied by the start-up */
volatile uint32_t bss_word;              /* .bss: cleared by it */
static volatile uint32_t ticks, rx_irqs, rx_overruns;
static volatile unsigned rx_head, rx_tail;
static volatile char rx_ring[64];
static uint32_t cbuf[16] __attribute__((aligned(16)));
static uint32_t code_ram[4] __attribute__((aligned(16)));

static void u_putc(unsigned n, char c)
{
    while (REG(USTA(n)) & USTA_UTXBF)
        ;
    REG(UTXREG(n)) = (uint8_t)c;
}

static void u_puts(unsigned n, const char *s)
{
    while (*s)
        u_putc(n, *s++);
}

static void puts4(const char *s) { u_puts(4, s); }

static void puthex(uint32_t v)
{
    for (int i = 28; i >= 0; i -= 4)
        u_putc(4, "0123456789abcdef"[(v >> i) & 15]);
}

static void putu(uint32_t v)
{
    char b[11];
    unsigned n = 0;
    do
        b[n++] = (char)('0' + v % 10);
    while ((v /= 10) && n < sizeof b);
    while (n)
        u_putc(4, b[--n]);
}

static void flush(unsigned n)
{
    while (!(REG(USTA(n)) & USTA_TRMT))
        ;
}

void drv_exception(uint32_t cause, uint32_t epc)
{
    puts4("driver: exception, cause ");
    puthex(cause);
    puts4(" epc ");
    puthex(epc);
    u_putc(4, '\n');
    flush(4);
    for (;;)
        __asm__ volatile("wait");
}

/* ---- interrupt handlers (the compiler's EIC prologue: IPL = RIPL) ----- */

void __attribute__((interrupt)) t2_isr(void)
{
    ticks++;
    CLR(IFS(0)) = 1u << VEC_T2;
}
VECTOR(9, t2_isr);

void __attribute__((interrupt)) u1rx_isr(void)
{
    rx_irqs++;
    while (REG(USTA(1)) & USTA_URXDA) {
        char c = (char)REG(URXREG(1));
        unsigned h = rx_head;
        if (h - rx_tail < sizeof rx_ring) {
            rx_ring[h % sizeof rx_ring] = c;
            rx_head = h + 1;
        }
    }
    CLR(IFS(3)) = 1u << (VEC_U1RX - 96);
}
VECTOR(113, u1rx_isr);

void __attribute__((interrupt)) u1err_isr(void)
{
    rx_overruns++;
    CLR(USTA(1)) = USTA_OERR;
    CLR(IFS(3)) = 1u << (VEC_U1E - 96);
}
VECTOR(112, u1err_isr);

/* ---- cache maintenance (MIPS32 CACHE, MD00086; 16-byte lines) ------- */

#define CACHE_OP(op, addr) __asm__ volatile("cache %0, 0(%1)" : : "i"(op) , "r"(addr) : "memory")
#define HIT_INV_I     0x10
#define HIT_INV_D     0x11
#define HIT_WB_INV_D  0x15
#define HIT_WB_D      0x19

static void cache_range(unsigned op, const void *p, unsigned len)
{
    uintptr_t a = (uintptr_t)p & ~15u, end = (uintptr_t)p + len;
    for (; a < end; a += 16) {
        switch (op) {
        case HIT_INV_I: CACHE_OP(HIT_INV_I, a); break;
        case HIT_INV_D: CACHE_OP(HIT_INV_D, a); break;
        case HIT_WB_INV_D: CACHE_OP(HIT_WB_INV_D, a); break;
        default: CACHE_OP(HIT_WB_D, a); break;
        }
    }
    __asm__ volatile("sync" ::: "memory");
}

#define KSEG1(p) ((volatile uint32_t *)((uintptr_t)(p) | 0xA0000000u))

static void cache_tests(void)
{
    unsigned ok = 0;
    /* written through kseg0 (into the write-back D-cache), pushed to RAM */
    for (unsigned i = 0; i < 16; i++)
        ((volatile uint32_t *)cbuf)[i] = 0x11110000u + i;
    cache_range(HIT_WB_D, cbuf, sizeof cbuf);
    for (unsigned i = 0; i < 16; i++)
        ok += KSEG1(cbuf)[i] == 0x11110000u + i;
    puts4("driver: cache: hit writeback D, uncached read back ");
    putu(ok);
    puts4("/16\n");

    /* the lines are in the cache (read through kseg0); RAM changes behind
     * it (an uncached write, as a DMA transfer would); invalidate, read */
    ok = 0;
    uint32_t sum = 0;
    for (unsigned i = 0; i < 16; i++)
        sum += ((volatile uint32_t *)cbuf)[i];
    for (unsigned i = 0; i < 16; i++)
        KSEG1(cbuf)[i] = 0x22220000u + i;
    cache_range(HIT_INV_D, cbuf, sizeof cbuf);
    for (unsigned i = 0; i < 16; i++)
        ok += ((volatile uint32_t *)cbuf)[i] == 0x22220000u + i;
    puts4("driver: cache: hit invalidate D after an uncached write ");
    putu(ok);
    puts4("/16 (sum before ");
    puthex(sum);
    puts4(")\n");

    /* writeback-invalidate, then code in RAM: "addu v0, a0, a1; jr ra; nop" */
    for (unsigned i = 0; i < 16; i++)
        ((volatile uint32_t *)cbuf)[i] = 0x33330000u + i;
    cache_range(HIT_WB_INV_D, cbuf, sizeof cbuf);
    ok = 0;
    for (unsigned i = 0; i < 16; i++)
        ok += KSEG1(cbuf)[i] == 0x33330000u + i;
    puts4("driver: cache: hit writeback-invalidate D ");
    putu(ok);
    puts4("/16\n");

    ((volatile uint32_t *)code_ram)[0] = 0x00851021u; /* addu $v0, $a0, $a1 */
    ((volatile uint32_t *)code_ram)[1] = 0x03e00008u; /* jr $ra */
    ((volatile uint32_t *)code_ram)[2] = 0x00000000u; /* nop */
    cache_range(HIT_WB_D, code_ram, sizeof code_ram);
    cache_range(HIT_INV_I, code_ram, sizeof code_ram);
    __asm__ volatile("ehb" ::: "memory");
    uint32_t (*fn)(uint32_t, uint32_t) = (uint32_t (*)(uint32_t, uint32_t))(uintptr_t)code_ram;
    puts4("driver: cache: code written to RAM, run: 1234 + 4321 = ");
    putu(fn(1234, 4321));
    u_putc(4, '\n');
}

/* ---- start ------------------------------------------------------------ */

static void pps_and_uarts(void)
{
    REG(SYSKEY) = 0;
    REG(SYSKEY) = 0xAA996655u;
    REG(SYSKEY) = 0x556699AAu;
    REG(CFGCON) &= ~CFGCON_IOLOCK; /* no CLR/SET aliases: read-modify-write */
    REG(RPF8R) = 2;  /* U4TX on RPF8 (the USB serial bridge) */
    REG(U4RXR) = 11; /* U4RX from RPF2 */
    REG(U1RXR) = 2;  /* U1RX from RPF4 */
    REG(RPF5R) = 1;  /* U1TX on RPF5 */
    REG(CFGCON) |= CFGCON_IOLOCK;
    REG(SYSKEY) = 0x33333333u;

    /* both: 115200 8N1 from PBCLK2 = 100 MHz (BRGH: 100 MHz / (4 (216 + 1))) */
    static const unsigned which[2] = {4, 1};
    for (unsigned k = 0; k < 2; k++) {
        unsigned n = which[k];
        REG(UMODE(n)) = 0;
        REG(UBRG(n)) = 216;
        REG(USTA(n)) = USTA_UTXEN | (n == 1 ? USTA_URXEN : 0); /* URXISEL 00: each character */
        REG(UMODE(n)) = (1u << 15) | (1u << 3);                  /* ON, BRGH */
    }
}

static void irq_setup(void)
{
    /* multi-vector mode (Harmony's EVIC_Initialize); OFFx came from crt0 */
    SET(INTCON) = INTCON_MVEC;
    /* Timer2: 1 ms (PBCLK3 100 MHz / 8 = 12.5 MHz, 12,500 counts) */
    REG(T2CON) = 0;
    REG(TMR2) = 0;
    REG(PR2) = 12500 - 1;
    REG(T2CON) = 3u << 4; /* TCKPS 1:8 */
    CLR(IPC(2)) = 0x1Fu << 8;
    SET(IPC(2)) = (4u << 10) | (1u << 8); /* level 4, sub 1 */
    CLR(IFS(0)) = 1u << VEC_T2;
    SET(IEC(0)) = 1u << VEC_T2;
    /* UART1 receive level 3, fault level 5 */
    CLR(IPC(28)) = 0x1F1Fu;
    SET(IPC(28)) = (3u << 10) | (5u << 2);
    CLR(IFS(3)) = 3u << (VEC_U1E - 96);
    SET(IEC(3)) = 3u << (VEC_U1E - 96);
    SET(T2CON) = 1u << 15; /* ON */
    __asm__ volatile("ei\n\tehb" ::: "memory");
}

static int getc_irq(void)
{
    while (rx_tail == rx_head)
        __asm__ volatile("wait");
    char c = rx_ring[rx_tail % sizeof rx_ring];
    rx_tail++;
    return (unsigned char)c;
}

int main(void)
{
    pps_and_uarts();
    uint32_t ebase, intctl, config;
    __asm__ volatile("mfc0 %0, $15, 1" : "=r"(ebase));
    __asm__ volatile("mfc0 %0, $12, 1" : "=r"(intctl));
    __asm__ volatile("mfc0 %0, $16, 0" : "=r"(config));
    puts4("driver: start-up: EBase ");
    puthex(ebase & 0xFFFFF000u);
    puts4(", IntCtl.VS ");
    putu((intctl >> 5) & 31);
    puts4(", Config.K0 ");
    putu(config & 7);
    puts4(", OFF113 ");
    puthex(REG(OFF(VEC_U1RX)));
    u_putc(4, '\n');
    puts4("driver: DEVCFG3..0 at 1fc0ffc0:");
    for (unsigned i = 0; i < 4; i++) {
        u_putc(4, ' ');
        puthex(REG(0xBFC0FFC0u + 4 * i));
    }
    puts4("\ndriver: BF1DEVCFG3..0 at 1fc4ffc0:");
    for (unsigned i = 0; i < 4; i++) {
        u_putc(4, ' ');
        puthex(REG(0xBFC4FFC0u + 4 * i));
    }
    puts4("\ndriver: .data ");
    puthex(data_word);
    puts4(", .bss ");
    puthex(bss_word);
    u_putc(4, '\n');

    cache_tests();

    irq_setup();
    u_puts(1, "driver ready\r\n");
    puts4("driver: UART1 ready, interrupts on\n");

    unsigned lines = 0, chars = 0;
    char line[32];
    unsigned n = 0;
    while (lines < 3) {
        char c = (char)getc_irq();
        chars++;
        u_putc(1, c); /* echo */
        if (c != '\r' && n < sizeof line - 1) {
            line[n++] = c;
            continue;
        }
        line[n] = 0;
        lines++;
        u_puts(1, "\n= ");
        for (unsigned i = n; i > 0; i--)
            u_putc(1, line[i - 1]);
        u_puts(1, "\r\n");
        puts4("driver: line ");
        putu(lines);
        puts4(" '");
        puts4(line);
        puts4("'\n");
        n = 0;
    }
    while (ticks < 50)
        __asm__ volatile("wait");
    CLR(T2CON) = 1u << 15;
    flush(1);
    puts4("driver: timer2 ");
    putu(ticks >= 50 ? 50 : ticks);
    puts4(" interrupts; received ");
    putu(chars);
    puts4(" characters, all by interrupt: ");
    puts4(rx_irqs > 0 && rx_head == chars ? "yes" : "no");
    puts4(", overruns ");
    putu(rx_overruns);
    u_putc(4, '\n');
    puts4("driver: done\n");
    flush(4);
    for (;;)
        __asm__ volatile("wait");
}

/* Helpers for the SoC test programs: PIC32MZ EF register addresses (from
 * the XC32 device definitions, kseg1) and CP0 access. */
#ifndef TESTS_SOC_SOC_TEST_H
#define TESTS_SOC_SOC_TEST_H
#include <stdint.h>

#include <mips/mipsregs.h>

#include "../lib/test.h"

/* Survives a chip reset: RAM keeps its contents and crt0 clears only .bss,
 * so a variable placed in .data keeps its last value. */
#define RESET_KEEP __attribute__((section(".data")))

#define REG(a)      (*(volatile uint32_t *)(a))
#define REG16(a)    (*(volatile uint16_t *)(a))
#define REG8(a)     (*(volatile uint8_t *)(a))
#define CLR(a)      REG((a) + 4)
#define SET(a)      REG((a) + 8)
#define INV(a)      REG((a) + 12)

/* configuration and system */
#define CFGCON      0xBF800000u
#define DEVID       0xBF800020u
#define SYSKEY      0xBF800030u
#define PMD(n)      (0xBF800040u + 0x10u * ((n) - 1))
#define CFGPG       0xBF8000E0u
#define WDTCON      0xBF800800u
#define DMTCON      0xBF800A00u
#define DMTPRECLR   0xBF800A10u
#define DMTCLR      0xBF800A20u
#define DMTSTAT     0xBF800A30u
#define DMTCNT      0xBF800A40u
#define DMTPSCNT    0xBF800A60u
#define DMTPSINTV   0xBF800A70u
#define OSCCON      0xBF801200u
#define SPLLCON     0xBF801220u
#define RCON        0xBF801240u
#define RSWRST      0xBF801250u
#define REFOCON(n)  (0xBF801280u + 0x20u * ((n) - 1))
#define PBDIV(n)    (0xBF801300u + 0x10u * ((n) - 1))
#define INT1R       0xBF801404u
#define U4RXR       0xBF801480u
#define RPF8R       0xBF801660u
#define PRECON      0xBF8E0000u

/* interrupt controller */
#define INTCON      0xBF810000u
#define PRISS       0xBF810010u
#define INTSTAT     0xBF810020u
#define IPTMR       0xBF810030u
#define IFS(n)      (0xBF810040u + 0x10u * (n))
#define IEC(n)      (0xBF8100C0u + 0x10u * (n))
#define IPC(n)      (0xBF810140u + 0x10u * (n))
#define OFF(v)      (0xBF810540u + 4u * (v))
#define INTCON_MVEC (1u << 12)

/* timers: T1 at 0xBF840000, Tn at + 0x200 (n-1) */
#define TCON(n)     (0xBF840000u + 0x200u * ((n) - 1))
#define TMR(n)      (TCON(n) + 0x10u)
#define PR(n)       (TCON(n) + 0x20u)
#define TCON_ON     (1u << 15)
#define TCON_T32    (1u << 3)

/* ports: A = 0 .. G = 6 */
#define PORT_BASE(p) (0xBF860000u + 0x100u * (p))
#define ANSEL(p)    (PORT_BASE(p) + 0x00u)
#define TRIS(p)     (PORT_BASE(p) + 0x10u)
#define PORT(p)     (PORT_BASE(p) + 0x20u)
#define LAT(p)      (PORT_BASE(p) + 0x30u)
#define ODC(p)      (PORT_BASE(p) + 0x40u)
#define CNPU(p)     (PORT_BASE(p) + 0x50u)
#define CNPD(p)     (PORT_BASE(p) + 0x60u)
#define CNCON(p)    (PORT_BASE(p) + 0x70u)
#define CNEN(p)     (PORT_BASE(p) + 0x80u)
#define CNSTAT(p)   (PORT_BASE(p) + 0x90u)
#define CNNE(p)     (PORT_BASE(p) + 0xA0u)
#define CNF(p)      (PORT_BASE(p) + 0xB0u)
enum { PA, PB, PC, PD, PE, PF, PG };

/* vectors */
#define V_CT   0
#define V_CS0  1
#define V_CS1  2
#define V_INT(n) (3u + 5u * (n))
#define V_T(n) ((n) <= 5 ? 5u * (n) - 1u : 4u * (n) + 4u)
#define V_CN(p) (118u + (p))

/* CP0 */
#define MFC0(reg, sel) ({ uint32_t _v; __asm__ volatile("mfc0 %0, $%1, %2" : "=r"(_v) : "i"(reg), "i"(sel)); _v; })
#define MTC0(reg, sel, v) __asm__ volatile("mtc0 %0, $%1, %2\n\tehb" :: "r"((uint32_t)(v)), "i"(reg), "i"(sel) : "memory")
static inline uint32_t c0_count(void) { return MFC0(9, 0); }

/* Interrupt set-up for a vector: flag clear, priority ip/is, enable. */
static inline void irq_setup(unsigned v, unsigned ip, unsigned is)
{
    CLR(IFS(v / 32)) = 1u << (v % 32);
    uint32_t sh = 8 * (v % 4);
    CLR(IPC(v / 4)) = 0x1Fu << sh;
    SET(IPC(v / 4)) = ((ip << 2) | is) << sh;
    SET(IEC(v / 32)) = 1u << (v % 32);
}
static inline void irq_ack(unsigned v) { CLR(IFS(v / 32)) = 1u << (v % 32); }
static inline int irq_flag(unsigned v) { return (REG(IFS(v / 32)) >> (v % 32)) & 1; }

/* EIC vectored mode: Cause.IV, IntCtl.VS, Status IE with IPL 0. */
static inline void irq_cpu_enable(void)
{
    MTC0(13, 0, MFC0(13, 0) | CAUSEF_IV);
    MTC0(12, 1, (MFC0(12, 1) & ~0x3E0u) | (1u << 5));
    MTC0(12, 0, (MFC0(12, 0) & ~(ST0_IPL | ST0_EXL | ST0_ERL)) | ST0_IE);
}
static inline void irq_cpu_disable(void) { MTC0(12, 0, MFC0(12, 0) & ~ST0_IE); }

/* soc_rt.S */
extern char irq_stub0[], irq_stub1[], irq_stub2[], irq_stub3[];
extern char irq_stub4[], irq_stub5[], irq_stub6[], irq_stub7[];
extern char irq_hook_entry[], ss_handler[], exc_skip[];
extern volatile uint32_t ss_srsctl, ss_intstat, ss_count, exc_cause, exc_epc, exc_count;
uint32_t probe_read32(uint32_t addr);
uint32_t probe_read8(uint32_t addr);
void probe_write32(uint32_t addr, uint32_t val);
void irq_handler(unsigned tag); /* each program defines it */

static inline uint32_t ebase_off(const void *p) { return (uint32_t)p - 0x80000000u; }

#endif

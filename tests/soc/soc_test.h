/* Helpers for the SoC test programs: PIC32MZ EF register addresses (kseg1,
 * from the generated pic32mz/chip.h: vpconf's chip data) and CP0 access. */
#ifndef TESTS_SOC_SOC_TEST_H
#define TESTS_SOC_SOC_TEST_H
#include <stdint.h>

#include <mips/mipsregs.h>
#include <pic32mz/chip.h>

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

/* Register addresses of the devices there is one of (CFGCON, DEVID, PMD(n),
 * WDTCON, DMTCON, OSCCON, PBDIV(n), U4RXR, PRECON, INTCON, IFS(n), OFF(v),
 * NVMCON, DMACON, DCH(n), SBFLAG, SBT(t), ...) are chip.h's. */

/* interrupt controller */
#define INTCON_MVEC (1u << 12)

/* timers 1..9 */
#define TCON(n)     (TIMER_BASE(n) + TIMER_CON)
#define TMR(n)      (TIMER_BASE(n) + TIMER_TMR)
#define PR(n)       (TIMER_BASE(n) + TIMER_PR)
#define TCON_ON     (1u << 15)
#define TCON_T32    (1u << 3)

/* ports: A = 0 .. G = 6 (PORT_BASE(p)) */
#define ANSEL(p)    (PORT_BASE(p) + PORT_ANSEL)
#define TRIS(p)     (PORT_BASE(p) + PORT_TRIS)
#define PORT(p)     (PORT_BASE(p) + PORT_PORT)
#define LAT(p)      (PORT_BASE(p) + PORT_LAT)
#define ODC(p)      (PORT_BASE(p) + PORT_ODC)
#define CNPU(p)     (PORT_BASE(p) + PORT_CNPU)
#define CNPD(p)     (PORT_BASE(p) + PORT_CNPD)
#define CNCON(p)    (PORT_BASE(p) + PORT_CNCON)
#define CNEN(p)     (PORT_BASE(p) + PORT_CNEN)
#define CNSTAT(p)   (PORT_BASE(p) + PORT_CNSTAT)
#define CNNE(p)     (PORT_BASE(p) + PORT_CNNE)
#define CNF(p)      (PORT_BASE(p) + PORT_CNF)
enum { PA, PB, PC, PD, PE, PF, PG };

/* vectors */
#define V_CT   VEC_CORE_TIMER
#define V_CS0  VEC_CORE_SW0
#define V_CS1  VEC_CORE_SW1
#define V_INT(n) (3u + 5u * (n))
#define V_T(n) ((n) <= 5 ? 5u * (n) - 1u : 4u * (n) + 4u)
#define V_CN(p) (VEC_CN_A + (p))

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

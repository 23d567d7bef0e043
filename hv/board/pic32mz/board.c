/*
 * PIC32MZ EF board layer: clocks check, the setup writes vpconf generated,
 * the root console on the board's console UART, the interrupt controller
 * in multi-vector EIC mode, and guest accesses forwarded to real registers.
 */
#include <stdbool.h>

#include "../../arch/mips/arch.h"
#include "../board.h"
#include "../../emu/pic32mz/emu.h"
#include "pic32mz.h"
#include "tinyvp_limits.h"

const char board_name[] = "PIC32MZ EF (chipKIT Wi-FIRE)";

#define UART_INDEX(base) (((base) - UART_BASE(1)) / UART_STRIDE) /* UART1 = 0 */
static const irq_t uart_tx_vector[6] = {VEC_UART1_TX, VEC_UART2_TX, VEC_UART3_TX,
                                        VEC_UART4_TX, VEC_UART5_TX, VEC_UART6_TX};
const irq_t board_core_timer_vector = VEC_CORE_TIMER;
const irq_t board_console_tx_vector = uart_tx_vector[UART_INDEX(CONFIG_CONSOLE_UART_BASE)];
const irq_t board_console_rx_vector = uart_tx_vector[UART_INDEX(CONFIG_CONSOLE_UART_BASE)] - 1;

#define CONSOLE CONFIG_CONSOLE_UART_BASE
#define SPIN_MAX 200000u /* bounded waits: > 10 ms at 200 MHz */

static void syskey_unlock(void)
{
    SFR(SYSKEY) = 0;
    SFR(SYSKEY) = SYSKEY_1;
    SFR(SYSKEY) = SYSKEY_2;
}

static void syskey_lock(void)
{
    SFR(SYSKEY) = 0;
}

/* The DEVCFG words start the chip on the system PLL (200 MHz). If another
 * boot stage left it elsewhere, switch (DS60001320 "Oscillator switching"). */
static void clocks_init(void)
{
    uint32_t osc = SFR(OSCCON);
    if (((osc >> OSCCON_COSC_SHIFT) & 7) != OSC_SPLL) {
        syskey_unlock();
        SFR(OSCCON) = (osc & ~(7u << OSCCON_NOSC_SHIFT)) | OSC_SPLL << OSCCON_NOSC_SHIFT;
        SFR(OSCCON + SFR_SET) = OSCCON_OSWEN;
        syskey_lock();
        for (unsigned i = 0; i < SPIN_MAX && (SFR(OSCCON) & OSCCON_OSWEN); i++)
            ;
    }
    /* Peripheral buses 2 (UARTs), 3 (timers), 4 (ports): SYSCLK/2 = 100 MHz */
    syskey_unlock();
    for (unsigned x = 2; x <= 4; x++)
        SFR(PBDIV(x)) = PBDIV_ON | 1;
    syskey_lock();
}

static void console_init(void)
{
    /* Baud = PBCLK2 / (4 (BRG + 1)) with BRGH */
    SFR(CONSOLE + UMODE) = 0;
    SFR(CONSOLE + UBRG) = (CONFIG_PBCLK_HZ / 4 + CONSOLE_BAUD / 2) / CONSOLE_BAUD - 1;
    SFR(CONSOLE + USTA) = USTA_UTXISEL_EMPTY | USTA_UTXEN | USTA_URXEN;
    SFR(CONSOLE + UMODE) = UMODE_ON | UMODE_BRGH;
}

/* Every vector off, its flag clear, its offset at the hypervisor's
 * interrupt entry (EBase + 0x200); multi-vector mode, all levels in
 * shadow set 0. */
static void intc_init(void)
{
    for (unsigned n = 0; n < INTC_NR_WORDS; n++) {
        SFR(IEC(n)) = 0;
        SFR(IFS(n)) = 0;
    }
    for (unsigned v = 0; v < TVP_NR_VECTORS; v++)
        SFR(OFF(v)) = 0x200;
    SFR(PRISS) = 0;
    SFR(INTCON) = INTCON_MVEC;
}

void board_init(void)
{
    clocks_init();
    for (unsigned i = 0; i < CONFIG_NR_SETUP_WRITES; i++)
        SFR(tvp_setup_writes[i].addr) = tvp_setup_writes[i].value;
    /* pin selection and module power stay as set: guests see them
     * write-ignore at most */
    syskey_unlock();
    SFR(CFGCON + SFR_SET) = CFGCON_IOLOCK | CFGCON_PMDLOCK;
    syskey_lock();
    console_init();
    intc_init();
    board_sbp_init();
    emu_init();
    vsys_init();
    board_irq_enable(board_console_rx_vector, 2); /* URXISEL = 0: a character waits */
}

void board_console_putc(char c)
{
    for (unsigned i = 0; i < SPIN_MAX && (SFR(CONSOLE + USTA) & USTA_UTXBF); i++)
        ;
    SFR(CONSOLE + UTXREG) = (uint8_t)c;
}

/* A receiver overrun stops reception until OERR is cleared (which also
 * empties the FIFO): cleared here, the lost characters are the wire's. */
int board_console_getc(void)
{
    uint32_t sta = SFR(CONSOLE + USTA);
    if (sta & USTA_OERR)
        SFR(CONSOLE + USTA + SFR_CLR) = USTA_OERR;
    if (!(sta & USTA_URXDA))
        return -1;
    return (int)(SFR(CONSOLE + URXREG) & 0xff);
}

bool board_dev_read(uint32_t pa, unsigned size, uint32_t *val)
{
    return arch_dev_load(pa | 0xa0000000u, size, val);
}

bool board_dev_write(uint32_t pa, unsigned size, uint32_t val)
{
    return arch_dev_store(pa | 0xa0000000u, size, val);
}

bool board_dev_write_lanes(uint32_t wa, uint32_t val, uint32_t lanes)
{
    if (lanes == 0xffffffffu)
        return board_dev_write(wa, 4, val);
    if (lanes == 0x0000ffffu || lanes == 0xffff0000u) {
        unsigned sh = lanes & 1 ? 0 : 16;
        return board_dev_write(wa + sh / 8, 2, val >> sh);
    }
    bool ok = true;
    for (unsigned b = 0; b < 4 && ok; b++)
        if (lanes & (0xffu << 8 * b))
            ok = board_dev_write(wa + b, 1, val >> 8 * b);
    return ok;
}

bool board_console_tx_ready(void)
{
    return !(SFR(CONSOLE + USTA) & USTA_UTXBF);
}

void board_console_tx(char c)
{
    SFR(CONSOLE + UTXREG) = (uint8_t)c;
}

/* UTXISEL = 2: the TX interrupt is requested while the FIFO is empty
 * (console_kick then refills all of it). */
void board_console_tx_irq(bool on)
{
    if (on)
        board_irq_enable(board_console_tx_vector, 1);
    else
        board_irq_mask(board_console_tx_vector);
}

irq_t board_irq_current(void)
{
    uint32_t v = SFR(INTSTAT) & INTSTAT_SIRQ;
    return v < TVP_NR_VECTORS ? (irq_t)v : INVALID_IRQ;
}

/* IPCn holds four vectors, a byte each: IP in 4:2, IS in 1:0. */
void board_irq_enable(irq_t v, unsigned level)
{
    uint32_t sh = 8 * (v % 4);
    SFR(IPC(v / 4) + SFR_CLR) = 0x1fu << sh;
    SFR(IPC(v / 4) + SFR_SET) = (level & 7) << 2 << sh;
    SFR(IEC(v / 32) + SFR_SET) = 1u << (v % 32);
}

void board_irq_disable(irq_t v)
{
    SFR(IEC(v / 32) + SFR_CLR) = 1u << (v % 32);
}

uint32_t board_irq_flags(unsigned n)
{
    return SFR(IFS(n));
}

void board_irq_mask(irq_t v)
{
    SFR(IEC(v / 32) + SFR_CLR) = 1u << (v % 32);
    SFR(IFS(v / 32) + SFR_CLR) = 1u << (v % 32);
}

void board_irq_ack(irq_t v)
{
    SFR(IFS(v / 32) + SFR_CLR) = 1u << (v % 32);
}

/* OFFx: the offset from EBase of the vector's entry (18 bits: the
 * hypervisor's code is within 256 KB of it), DS60001320 sec. 7 */
void board_irq_entry(irq_t v, const void *entry)
{
    SFR(OFF(v)) = (uint32_t)entry - (uint32_t)hv_ebase;
}

void board_irq_flag_reg(irq_t v, uint32_t *reg, uint32_t *bit)
{
    *reg = (uint32_t)&SFR(IFS(v / 32) + SFR_CLR);
    *bit = 1u << (v % 32);
}
uint32_t board_guest_reset(guest_id_t g, bool devices)
{
    const struct tvp_guest *gc = &tvp_guests[g - 1];
    uint32_t refused = 0;
    /* its exclusive devices to their reset values, module off first, then
     * its interrupts' real flags clear (a device stopped raises no more);
     * through the forwarded-access store, which survives a device that
     * answers with a bus error (the guest's device, not the hypervisor's
     * fault): the first such register is returned, the rest still written */
    for (unsigned i = 0; devices && i < gc->nr_reset_writes; i++)
        if (!arch_dev_store(gc->reset_writes[i].addr, 4, gc->reset_writes[i].value) && !refused)
            refused = gc->reset_writes[i].addr;
    evic_reset(g);
    for (unsigned i = 0; devices && i < gc->nr_irqs; i++)
        board_irq_mask(gc->irqs[i]);
    vuart_reset(g);
    vsys_reset(g);
    if (CONFIG_EMU_DMA) /* the emulators a system without their guests does not carry */
        vdma_reset(g);
    if (CONFIG_EMU_USB)
        vusb_reset(g);
    return refused;
}

/* PIC32MZ device emulators, one file each: the interrupt controller
 * (vintc.c, a per-guest virtual copy), the console UART (vuart.c), the DMA
 * controller (vdma.c), the USB controller's DMA (vusb.c), a guest's reset
 * control (vsys.c) and PPS writes (vpps.c); emu.c dispatches the board
 * seam's emulated accesses to them, fast.S answers the hottest loads.
 * hv/board/pic32mz keeps the real chip's drivers. */
#ifndef HV_EMU_PIC32MZ_EMU_H
#define HV_EMU_PIC32MZ_EMU_H

/* evic_fast[guest - 1][EVIC_FAST_WORDS] (vintc.c), read by fast.S: word k
 * = the guest's register at 0x040 + 0x10 k (IFS0..6, 0, IEC0..6, 0);
 * EVIC_FAST_REAL + n = its real vectors in IFSn; EVIC_FAST_MASK + n =
 * all its vectors in IFSn/IECn (for an assembly store path: the holes'
 * masks, 7, are 0). */
#define EVIC_FAST_IEC   8
#define EVIC_FAST_REAL  16
#define EVIC_FAST_MASK  24
#define EVIC_FAST_WORDS 32
#define EVIC_FAST_SHIFT 7 /* bytes per guest: 1 << 7 */

/* uart_fast[guest - 1][UART_FAST_WORDS] (vuart.c), read by fast.S for a
 * guest's aligned LW of its console UART's STA: the GPA of that STA (1:
 * the guest has no emulated console UART), STA as vuart_read composes it
 * less what time changes while the transmitter is busy, TRMT and its
 * UTXBF (fast.S adds them from Count; an idle transmitter's word has
 * TRMT), the Count its last byte leaves the wire (tx_busy_until) and 8
 * characters' time (UTXBF while more is left; 0x7fffffff while idle). */
#define UART_FAST_PA    0
#define UART_FAST_STA   4
#define UART_FAST_BUSY  8
#define UART_FAST_FULL  12
#define UART_FAST_WORDS 4
#define UART_FAST_SHIFT 4 /* bytes per guest: 1 << 4 */

#ifndef __ASSEMBLER__

#include <stdbool.h>
#include <stdint.h>

#include <tinyvp/config.h>

void emu_init(void);
/* vintc.c: the virtual interrupt controller. Slots 5, 6, 7 of every
 * guest are the console UART's fault, RX and TX vectors; a slot's state
 * is VF_IFS (its flag) | VF_IEC (its enable). */
#define SLOT_UERR 5u
#define SLOT_URX  6u
#define SLOT_UTX  7u
#define VF_IFS 1u
#define VF_IEC 2u
void vintc_init(void);
unsigned vintc_state(guest_id_t g, unsigned slot);
void vintc_raise(guest_id_t g, unsigned slot); /* flag up, the guest's offer re-examined */
bool evic_read(guest_id_t g, uint32_t off, uint32_t *word);
bool evic_write(guest_id_t g, uint32_t off, uint32_t word, uint32_t lanes);
void evic_reset(guest_id_t g);
bool vuart_read(guest_id_t g, uint32_t off, uint32_t *word);
bool vuart_write(guest_id_t g, uint32_t off, uint32_t word, uint32_t lanes);
void vuart_reset(guest_id_t g);
void vuart_init(void);
void vuart_irq_update(guest_id_t g);
void vsys_init(void);             /* vsys.c: a guest's reset control */
void vsys_reset(guest_id_t g);
/* The DMA controller with address correction (vdma.c): off = pa & 0xfff. */
bool vdma_read(guest_id_t g, uint32_t off, uint32_t *word);
bool vdma_write(guest_id_t g, uint32_t off, uint32_t word, uint32_t lanes);
void vdma_reset(guest_id_t g);
/* The real address of guest-physical [gpa, gpa + size) (vdma.c): wholly
 * inside one region of the guest's memory with `perm` (TVP_PERM_*), or
 * one of its exclusive device ranges; false: outside. And back. */
bool vdma_xlate(const struct tvp_guest *gc, uint32_t gpa, uint32_t size, unsigned perm,
                uint32_t *rpa);
uint32_t vdma_unxlate(const struct tvp_guest *gc, uint32_t rpa);
/* The USB controller's DMA channels with address correction (vusb.c):
 * pa = the physical address (the controller's page, or USBCRCON). */
bool vusb_read(guest_id_t g, uint32_t pa, uint32_t *word);
bool vusb_write(guest_id_t g, uint32_t pa, uint32_t word, uint32_t lanes);
void vusb_reset(guest_id_t g);
/* vpps.c: a guest's PPS write checked against its pins (true: handled) */
bool pps_guest_write(guest_id_t g, uint32_t wa, uint32_t val, uint32_t lanes);


/* An SFR write through the CLR/SET/INV aliases at +4/+8/+C (off & 0xc),
 * limited to the byte lanes written. */
static inline uint32_t sfr_alias_op(uint32_t old, uint32_t off, uint32_t word, uint32_t lanes)
{
    word &= lanes;
    switch (off & 0xc) {
    case 0x4: return old & ~word;
    case 0x8: return old | word;
    case 0xc: return old ^ word;
    default: return (old & ~lanes) | word;
    }
}

#endif /* __ASSEMBLER__ */
#endif

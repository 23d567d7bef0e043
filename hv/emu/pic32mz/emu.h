/* PIC32MZ device emulators, one file each: the interrupt controller
 * (vintc.c, a per-guest virtual copy), the console UART (vuart.c), the DMA
 * controller (vdma.c), the USB controller's DMA (vusb.c), a guest's reset
 * control (vsys.c) and PPS writes (vpps.c); emu.c dispatches the board
 * seam's emulated accesses to them, fast.S answers the hottest loads.
 * hv/board/pic32mz keeps the real chip's drivers. */
#ifndef HV_EMU_PIC32MZ_EMU_H
#define HV_EMU_PIC32MZ_EMU_H

/* A guest's virtual interrupt controller (vintc.c: struct vevic), as
 * words and bytes the assembly paths (fast.S) use directly; vintc_of[ID]
 * points at guest ID's. VI_IFS + 4n, VI_IEC + 4n: its IFSn, IECn (n 0..6;
 * word 7 a hole, 0); VI_REAL + 4n: its passed-through vectors in IFSn;
 * VI_OWN + 4n: all its vectors; VI_SLOW + 4k, k as the IFS/IEC words
 * (IFSn k = n, IECn k = 8 + n): the vectors whose flag (enable) change
 * needs C (the console UART's, persistent sources; in IEC0 also the core
 * software interrupts, whose enables change how it runs); VI_INTCON:
 * its INTCON; VI_OFFERED: the key (below) of what GuestCtl2 offers it,
 * 0 none; VI_INTSTAT; VI_TAKEN: interrupts it took (the shell's count);
 * VI_WORDS (byte): bit n, it has vectors in IFSn; VI_PEND (byte): bit
 * n, IFSn & IECn != 0 (kept by every writer of the two); VI_IPC + v (byte):
 * vector v's IPC field, IP << 2 | IS, in bits 4:0 (0 for a vector not
 * its own) and its OFFx bits 17:16 in 6:5; VI_OFF + 2v (halfword): its
 * OFFx bits 15:0, the GuestCtl2.GVEC an offer carries. A vector's key,
 * compared as a number in the controller's order (priority,
 * subpriority, then the lower vector): IPC field << 8 | 255 - v.
 * VI_CT_KEY, VI_CT_GC2: vector 0's (the core timer's) key, 0 while its
 * priority is 0, and the GuestCtl2 it is offered with, kept whenever
 * IPC0, OFF000 or INTCON change (fast.S, board_vtimer_raise). */
#define VI_IFS      0
#define VI_IEC      32
#define VI_REAL     64
#define VI_OWN      96
#define VI_SLOW     128
#define VI_INTCON   192
#define VI_OFFERED  196
#define VI_INTSTAT  200
#define VI_TAKEN    204
#define VI_PRISS    208
#define VI_IPTMR    212
#define VI_WORDS    216
#define VI_PEND     218
#define VI_IPC      220
#define VI_OFF      436
#define VI_CT_KEY   864
#define VI_CT_GC2   868
#define VI_SIZE     872
#define EVIC_INTCON_TPC  0x00000700 /* INTCON.TPC, MVEC (DS60001320 sec. 7) */
#define EVIC_INTCON_MVEC 0x00001000
#define EVIC_SINGLE_VOFF 0x200      /* every vector's offset with MVEC = 0 */

/* uart_fast[guest - 1][UART_FAST_WORDS] (vuart.c), read by fast.S for a
 * guest's aligned LW of its console UART's STA and SW of its TXREG: the
 * GPA of that STA (1: the guest has no emulated console UART), STA as
 * vuart_read composes it less what time changes while the transmitter is
 * busy, TRMT and its UTXBF (fast.S adds them from Count; an idle
 * transmitter's word has TRMT), the Count its last byte leaves the wire
 * (BUSY, while TXBUSY) and 8 characters' time (FULL: UTXBF while more is
 * left; 0x7fffffff while idle), one character's time (CHAR), TXOK (a
 * TXREG store needs nothing but the byte and the time: vuart.c,
 * irq_update), TXBUSY (bytes on the wire) and the guest's console buffer
 * (RING: board.h, hv_console_ring). */
#define UART_FAST_PA     0
#define UART_FAST_STA    4
#define UART_FAST_BUSY   8
#define UART_FAST_FULL   12
#define UART_FAST_CHAR   16
#define UART_FAST_TXOK   20
#define UART_FAST_TXBUSY 24
#define UART_FAST_RING   28
#define UART_FAST_WORDS  8
#define UART_FAST_SHIFT  5 /* bytes per guest: 1 << 5 */
/* board.h's HV_CON_* (the console buffer's fields), for fast.S */
#define UART_RING_BUF  0
#define UART_RING_MASK 4
#define UART_RING_HEAD 6
#define UART_RING_TAIL 8

#ifndef __ASSEMBLER__

#include <stdbool.h>
#include <stdint.h>

#include <tinyvp/config.h>

void emu_init(void);
/* vintc.c: the virtual interrupt controller. vintc_state: vector v's
 * VF_IFS (its flag) | VF_IEC (its enable) in guest g's controller;
 * vintc_raise: its flag up, the guest's offer looked at again. */
#define VF_IFS 1u
#define VF_IEC 2u
void vintc_init(void);
unsigned vintc_state(guest_id_t g, unsigned v);
void vintc_raise(guest_id_t g, unsigned v);
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

/* PIC32MZ device emulators: the interrupt controller (per-guest virtual
 * copy) and the console UART. */
#ifndef HV_BOARD_PIC32MZ_EMU_H
#define HV_BOARD_PIC32MZ_EMU_H

#include <stdbool.h>
#include <stdint.h>

#include <tinyvp/config.h>

void emu_init(void);
bool evic_read(guest_id_t g, uint32_t off, uint32_t *word);
bool evic_write(guest_id_t g, uint32_t off, uint32_t word, uint32_t lanes);
void evic_reset(guest_id_t g);
bool vuart_read(guest_id_t g, uint32_t off, uint32_t *word);
bool vuart_write(guest_id_t g, uint32_t off, uint32_t word, uint32_t lanes);
void vuart_reset(guest_id_t g);
void vuart_irq_update(guest_id_t g);


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

#endif

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

/* Root console (the hypervisor's own output): waits, bounded, for room. */
void board_console_putc(char c);

/* A guest access forwarded to a real device register: pa is a physical
 * address inside a device range the guest may reach, size 1, 2 or 4,
 * naturally aligned. */
uint32_t board_dev_read(uint32_t pa, unsigned size);
void board_dev_write(uint32_t pa, unsigned size, uint32_t val);

/* Emulated devices (enum tvp_emulator). Word based: pa is the aligned word;
 * a write carries the byte lanes it touches (0x000000ff ... 0xffffffff) and
 * the value already shifted into them. false: the access is not one the
 * device accepts (a guest fault). */
bool board_emu_read(unsigned emu, guest_id_t g, uint32_t pa, uint32_t *word);
bool board_emu_write(unsigned emu, guest_id_t g, uint32_t pa, uint32_t word, uint32_t lanes);
/* The guest's virtual devices back to their reset state. */
void board_guest_reset(guest_id_t g);

/* Interrupts: the vector the controller is delivering now (its flag
 * acknowledged for edge sources), or INVALID_IRQ. */
irq_t board_irq_current(void);
/* Keeps vector v from interrupting again (its enable off at the controller). */
void board_irq_mask(irq_t v);

extern const char board_name[];

#endif /* HV_BOARD_BOARD_H */

/*
 * I/O ports A–K (ANSEL, TRIS, PORT, LAT, ODC, CNPU, CNPD, CNCON, CNEN,
 * CNSTAT, CNNE, CNF at 0xBF860000 + 0x100 * port) with change
 * notification, the external interrupt pins INT0–INT4, and the peripheral
 * pin select registers (0xBF801400–0xBF8016FF).
 *
 * The model covers ports A–K; the PIC32MZ2048EFG100 (100 pins) has A–G,
 * so H, J and K are not instantiated (their addresses are bus errors) and
 * each port has only the pins the 100-pin package bonds out.
 *
 * A pin's level: an output (TRIS = 0) drives LAT (open drain: LAT = 1
 * floats); an input sees what the board drives (ports_drive), else its
 * pull-up / pull-down, else 0. A pin with ANSEL = 1 reads 0 as a digital
 * input. The board observes output levels through an observer callback.
 */
#ifndef SIM_SOC_PIC32MZ_PORTS_H
#define SIM_SOC_PIC32MZ_PORTS_H

#include <stdbool.h>
#include <stdint.h>

#define PORTS_BASE  0x1F860000u
#define PPS_BASE    0x1F801400u
#define PORTS_MAX   10 /* A B C D E F G H J K */

struct soc;
struct ports;

/* Called when the set of pins a port drives high (output, LAT = 1, not
 * open drain) changes. */
typedef void (*ports_observer_fn)(void *ctx, unsigned port, uint16_t out_high, uint16_t changed);

bool ports_init(struct soc *s);
/* The board drives an input: level 0/1, or -1 to stop driving it. Kept
 * across chip resets (it is outside the chip). */
void ports_drive(struct ports *ps, unsigned port, unsigned pin, int level);
/* Current level of a pin. */
bool ports_level(const struct ports *ps, unsigned port, unsigned pin);
void ports_set_observer(struct ports *ps, ports_observer_fn fn, void *ctx);
/* "RG6" -> port 6, pin 6. false if the name is no pin of this chip. */
bool ports_parse_pin(const struct ports *ps, const char *name, unsigned *port, unsigned *pin);
/* "A".."K" for a port index. */
char ports_letter(unsigned port);

/* Peripheral pin select as a peripheral sees it (DS60001320 sec. 12.4;
 * pins as port << 4 | pin). The pin input function register `reg_off`
 * (from PPS_BASE, e.g. U1RXR 0x068) of pin group `group` (0..3, the
 * datasheet's groups 1..4) selects, or -1 (a reserved selection). */
int ports_pps_input_pin(const struct ports *ps, unsigned reg_off, unsigned group);
/* Does pin `rp`'s RPxnR hold `code`? */
bool ports_pps_output_on(const struct ports *ps, unsigned rp, unsigned code);
/* Does some pin of group `group` have RPxnR = `code`? */
bool ports_pps_output_any(const struct ports *ps, unsigned group, unsigned code);

#endif

/*
 * A guest's own peripheral-pin-select writes (PIC32MZ EF datasheet
 * DS60001320, sec. 12.4 "Peripheral Pin Select"). The PPS block is the
 * hypervisor's: it wrote every guest's assignment (its `pins:`, vpconf's
 * tvp_guests[].pins) at boot with the console's, then set CFGCON.IOLOCK.
 * A guest with pins sees the block write-ignore; a write of it is
 *
 *   accepted  when it stores its assignment's value into one of its own
 *             registers: the register already holds it, so nothing is
 *             written (a bare-board start-up routing its pins runs as it
 *             does on the chip, with or without its SYSKEY / IOLOCK steps:
 *             its CFGCON stays the hypervisor's);
 *   refused   otherwise (another guest's pin, the console's, an unassigned
 *             register, another value), with one log line naming it.
 *
 * Nothing here ever writes the real PPS registers. A guest without pins
 * keeps the block write-ignore as before (the write is dropped).
 */
#include "../../board/board.h"
#include "emu.h"
#include "tinyvp_limits.h"

#define PPS_PA   0x1f801400u
#define PPS_SIZE 0x400u
#define PPS_OUT  0x100u /* RPA0R; RPxnR at +0x40 x + 4 n */

#if CONFIG_PPS_GUESTS /* else no guest has pins: every PPS write is dropped */

/* "U1RXR", "RPD3R" or the offset, into buf (8 bytes). */
static const char *pps_name(uint32_t off, char *buf)
{
    if (off < 4u * CONFIG_PPS_IN_REGS && tvp_pps_in_names[off / 4])
        return tvp_pps_in_names[off / 4];
    if (off >= PPS_OUT && off < PPS_SIZE) {
        uint32_t rel = off - PPS_OUT, bit = (rel & 0x3f) / 4;
        buf[0] = 'R', buf[1] = 'P', buf[2] = (char)('A' + rel / 0x40);
        unsigned i = 3;
        if (bit >= 10)
            buf[i++] = '1', bit -= 10;
        buf[i++] = (char)('0' + bit), buf[i++] = 'R', buf[i] = 0;
        return buf;
    }
    return "PPS";
}

bool pps_guest_write(guest_id_t g, uint32_t wa, uint32_t val, uint32_t lanes)
{
    const struct tvp_guest *gc = &tvp_guests[g - 1];
    uint32_t off = wa - PPS_PA;
    if (off >= PPS_SIZE || !gc->nr_pins)
        return false; /* not PPS, or a guest without pins: dropped as before */
    char buf[8];
    const char *name = pps_name(off, buf);
    for (unsigned i = 0; i < gc->nr_pins; i++) {
        if (gc->pins[i].off != off)
            continue;
        if ((val & lanes) == (gc->pins[i].value & lanes))
            return true; /* its assignment: the register holds it already */
        hv_log("guest %s: PPS write %s <- 0x%x refused: its assignment is %s = 0x%x (pc %08x)\n",
                  gc->name, name, (unsigned)(val & lanes), name, gc->pins[i].value, (unsigned)hv_guest_pc());
        return true;
    }
    hv_log("guest %s: PPS write %s <- 0x%x refused: not its assignment (pc %08x)\n", gc->name,
              name, (unsigned)(val & lanes), (unsigned)hv_guest_pc());
    return true;
}

#else

bool pps_guest_write(guest_id_t g, uint32_t wa, uint32_t val, uint32_t lanes)
{
    (void)g, (void)wa, (void)val, (void)lanes;
    return false;
}

#endif

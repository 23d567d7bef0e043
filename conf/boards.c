/*
 * Boards: memory left for guests, the console, clocks. chipKIT Wi-FIRE
 * facts from the chipKIT Wi-FIRE Reference Manual (Digilent) and its schematic.
 */
#include <string.h>

#include "chip.h"

/* UART4 on the USB-serial bridge: TX on RF8 (RPF8R = 2), RX on RF2
 * (U4RXR = 11). Written by the hypervisor at boot (PPS unlocked). */
static const struct board_write wifire_console_setup[] = {
    { 0xBF801660, 2, "RPF8R = U4TX (console TX on RF8)" },
    { 0xBF801480, 11, "U4RXR = RPF2 (console RX on RF2)" },
};

static const struct board wifire = {
    .name = "wifire",
    .chip = &chip_pic32mzef,
    .console = "uart4",
    .console_setup = wifire_console_setup,
    .nr_console_setup = (int)TVP_ARRAY_SIZE(wifire_console_setup),
    .sysclk_hz = 200000000,  /* 24 MHz POSC /3 x50 /2 */
    .count_hz = 100000000,   /* CP0 Count = SYSCLK/2 */
    .pbclk_hz = 100000000,
    .posc_hz = 24000000,
    .hv_flash_default = 128 * 1024,
    .hv_ram_default = 64 * 1024,
};

const struct board *const boards[] = { &wifire };
const int nr_boards = (int)TVP_ARRAY_SIZE(boards);

const struct board *board_find(const char *name)
{
    for (int i = 0; i < nr_boards; i++)
        if (!strcmp(boards[i]->name, name)) return boards[i];
    return NULL;
}

/*
 * The emulators' side of the board seam (board.h): a guest's access to a
 * device range vpconf marked emulated goes to the emulator it names.
 */
#include <stdbool.h>

#include "../../board/board.h"
#include "emu.h"
#include "tinyvp_limits.h"

/* the exit path's hottest functions: -O2 for these few */
#define HOT_O2 __attribute__((optimize("O2")))

void emu_init(void)
{
    vintc_init();
    vuart_init();
}

HOT_O2 bool board_emu_read(unsigned emu, guest_id_t g, uint32_t pa, uint32_t *word)
{
    switch (emu) {
    case TVP_EMU_EVIC: return evic_read(g, pa & 0xfff, word);
    case TVP_EMU_CONSOLE_UART: return vuart_read(g, pa & 0x1ff, word);
    case TVP_EMU_DMA: return CONFIG_EMU_DMA && vdma_read(g, pa & 0xfff, word);
    case TVP_EMU_USB: return CONFIG_EMU_USB && vusb_read(g, pa, word);
    default: return false;
    }
}

HOT_O2 bool board_emu_write(unsigned emu, guest_id_t g, uint32_t pa, uint32_t word, uint32_t lanes)
{
    switch (emu) {
    case TVP_EMU_EVIC: return evic_write(g, pa & 0xfff, word, lanes);
    case TVP_EMU_CONSOLE_UART: return vuart_write(g, pa & 0x1ff, word, lanes);
    case TVP_EMU_DMA: return CONFIG_EMU_DMA && vdma_write(g, pa & 0xfff, word, lanes);
    case TVP_EMU_USB: return CONFIG_EMU_USB && vusb_write(g, pa, word, lanes);
    default: return false;
    }
}


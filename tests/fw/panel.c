/*
 * panel: a firmware whose image holds boot-flash content at the panels'
 * own addresses, as some toolchains emit it (DS60001320 Section 4,
 * "Boot Flash": panel 1 at 0x1FC40000, shown at the lower boot alias
 * 0x1FC00000; panel 2 at 0x1FC60000, shown at the upper alias 0x1FC20000;
 * BF1_/BF2_ configuration words at 0x1FCxFF40): its usual DEVCFG words at
 * the lower alias, alternate words at panel 1's and panel 2's own
 * addresses. It reads every word back through both addresses of its panel
 * and prints them: the same text on the bare board and as a partition.
 */
#include "fw.h"

/* DEVCFG3..0 at the lower alias: the Wi-FIRE's usual words */
__attribute__((section(".devcfg"), used)) const uint32_t panel_devcfg[4] = {
    0x86FFFFFFu, 0xFFF9B11Au, 0x0363FCB9u, 0xFFF6FFF7u,
};
/* words at the panels' own addresses (a pattern per panel) */
__attribute__((section(".bf1cfg"), used)) const uint32_t panel_bf1[4] = {
    0xB1000000u, 0xB1000001u, 0xB1000002u, 0xB1000003u,
};
__attribute__((section(".bf2cfg"), used)) const uint32_t panel_bf2[4] = {
    0xB2000000u, 0xB2000001u, 0xB2000002u, 0xB2000003u,
};

void fw_exception(uint32_t off, uint32_t cause, uint32_t epc)
{
    fw_exception_line("panel", off, cause, epc);
    fw_flush();
    for (;;)
        ;
}

uint32_t *fw_irq_dispatch(int vec, uint32_t *frame)
{
    (void)vec;
    return frame;
}

static void show(const char *what, uint32_t kseg1)
{
    fw_puts("panel: ");
    fw_puts(what);
    fw_puts(" ");
    fw_puthex(kseg1 & 0x1FFFFFFFu);
    for (unsigned i = 0; i < 4; i++) {
        fw_putc(' ');
        fw_puthex(REG(kseg1 + 4 * i));
    }
    fw_putc('\n');
}

int main(void)
{
    fw_console_init();
    show("lower alias ", 0xBFC0FF40u); /* panel 1's words, through the alias */
    show("panel 1     ", 0xBFC4FF40u);
    show("upper alias ", 0xBFC2FF40u); /* panel 2's words, through the alias */
    show("panel 2     ", 0xBFC6FF40u);
    show("DEVCFG alias", 0xBFC0FFC0u);
    show("DEVCFG bf1  ", 0xBFC4FFC0u);
    /* the same words through kseg0 (cached) */
    show("kseg0 panel1", 0x9FC4FF40u);
    fw_puts("panel: done\n");
    fw_flush();
    for (;;)
        ;
}

/*
 * The USB controller as a guest with `usb` emulated sees it (PIC32MZ EF
 * datasheet DS60001320, "Hi-Speed USB with On-The-Go"; the controller's
 * DMA channels USBDMAnC/A/N and USBDMAINT at 0xBF8E3200): the real
 * controller, every register forwarded at the guest's access width, but
 * USBDMAnA holds guest-physical addresses. The USB initiator stays in the
 * hypervisor's permission group 0 (it reaches everything): this emulator
 * is what confines it, with one invariant:
 *
 *   real DMAEN set  =>  real USBDMAnA..+USBDMAnN is the translation of
 *   the guest's range, wholly inside one region of its memory (readable
 *   for DMADIR = 1, memory to FIFO; writable for DMADIR = 0) or one of
 *   its exclusive device ranges.
 *
 * Every write that could break it (USBDMAnC setting DMAEN; USBDMAnA or
 * USBDMAnN while DMAEN is set) checks first; a range outside the guest's
 * map is refused: the channel is left (or put) off, a line names the
 * range, the access is the guest's fault for the health monitor, and the
 * engine never touches the range. USBDMAnA reads back in guest terms (the
 * engine counts the real one up as it goes). The guest's translation is
 * vdma.c's (vdma_xlate), the DMA emulator's.
 *
 * Every access to the controller's page traps (the page is never mapped):
 * the cost is measured in docs/hypervisor.md ("The USB DMA corrector").
 */
#include <stdbool.h>

#include "../../board/board.h"
#include "emu.h"
#include "../../board/pic32mz/pic32mz.h"
#include "tinyvp_limits.h"

#define USB_PA      0x1F8E3000u
#define USB_NDMA    8u
#define USBDMA_C(n) (0x204u + 0x10u * (n)) /* channel n + 1 */
#define USBDMA_A(n) (0x208u + 0x10u * (n))
#define USBDMA_N(n) (0x20Cu + 0x10u * (n))
#define DMAC_EN     (1u << 0)
#define DMAC_DIR    (1u << 1) /* 1: memory to the endpoint's TX FIFO */

struct vusb {
    uint32_t a[USB_NDMA]; /* USBDMAnA as the guest wrote it */
    uint8_t raw;          /* bit n: a[n] is not (yet) in the real register */
    uint8_t refused;      /* refusals logged */
};

static struct vusb vusb[CONFIG_NR_GUESTS];

#define REFUSED_MAX 32u

static uint32_t real_read(uint32_t off)
{
    uint32_t v = 0;
    board_dev_read(USB_PA + off, 4, &v);
    return v;
}

static void real_write(uint32_t off, uint32_t v)
{
    board_dev_write(USB_PA + off, 4, v);
}

/* The channel's current address in guest terms. */
static uint32_t guest_a(guest_id_t g, unsigned n)
{
    struct vusb *u = &vusb[g - 1];
    if ((u->raw >> n) & 1)
        return u->a[n];
    return vdma_unxlate(&tvp_guests[g - 1], real_read(USBDMA_A(n)));
}

/* Checks the guest's range for a transfer of channel n with control word
 * c and count cnt; on success the real USBDMAnA holds its translation. */
static bool range_ok(guest_id_t g, unsigned n, uint32_t c, uint32_t cnt)
{
    struct vusb *u = &vusb[g - 1];
    uint32_t ga = guest_a(g, n), rpa;
    unsigned perm = (c & DMAC_DIR) ? TVP_PERM_R : TVP_PERM_W;
    if (!vdma_xlate(&tvp_guests[g - 1], ga, cnt ? cnt : 1, perm, &rpa)) {
        if (hv_fault_now() && u->refused < REFUSED_MAX && ++u->refused)
            hv_log("guest %s: USB DMA channel %u: %s 0x%08x..0x%08x is outside its "
                      "memory: refused\n", tvp_guests[g - 1].name, n + 1,
                      (c & DMAC_DIR) ? "source" : "destination", ga, ga + (cnt ? cnt : 1) - 1);
        return false;
    }
    real_write(USBDMA_A(n), rpa);
    u->a[n] = ga;
    u->raw &= (uint8_t)~(1u << n);
    return true;
}

bool vusb_read(guest_id_t g, uint32_t pa, uint32_t *word)
{
    uint32_t off = pa - USB_PA;
    if (off >= 0x1000u) /* USBCRCON: the real one */
        return board_dev_read(pa, 4, word);
    if (off >= USBDMA_C(0) && off < USBDMA_C(USB_NDMA) && (off & 0xf) == 0x8) {
        *word = guest_a(g, (off - USBDMA_A(0)) / 0x10u);
        return true;
    }
    return board_dev_read(pa, 4, word);
}

bool vusb_write(guest_id_t g, uint32_t pa, uint32_t word, uint32_t lanes)
{
    uint32_t off = pa - USB_PA;
    if (off >= 0x1000u || off < USBDMA_C(0) || off >= USBDMA_C(USB_NDMA) || (off & 0xf) == 0)
        return board_dev_write_lanes(pa, word, lanes); /* the FIFOs count bytes */
    unsigned n = (off - USBDMA_C(0)) / 0x10u;
    struct vusb *u = &vusb[g - 1];
    uint32_t c = real_read(USBDMA_C(n));
    switch (off & 0xf) {
    case 0x4: { /* USBDMAnC */
        uint32_t now = (c & ~lanes) | (word & lanes);
        if ((now & DMAC_EN) && !(c & DMAC_EN) && !range_ok(g, n, now, real_read(USBDMA_N(n)))) {
            real_write(USBDMA_C(n), now & ~DMAC_EN);
            return false;
        }
        real_write(USBDMA_C(n), now);
        return true;
    }
    case 0x8: /* USBDMAnA: the guest's, translated when it is used */
        u->a[n] = (guest_a(g, n) & ~lanes) | (word & lanes);
        u->raw |= (uint8_t)(1u << n);
        if ((c & DMAC_EN) && !range_ok(g, n, c, real_read(USBDMA_N(n)))) {
            real_write(USBDMA_C(n), c & ~DMAC_EN);
            return false;
        }
        return true;
    default: { /* USBDMAnN */
        uint32_t cnt = (real_read(USBDMA_N(n)) & ~lanes) | (word & lanes);
        if ((c & DMAC_EN) && !range_ok(g, n, c, cnt)) {
            real_write(USBDMA_C(n), c & ~DMAC_EN);
            return false;
        }
        real_write(USBDMA_N(n), cnt);
        return true;
    }
    }
}

/* The guest's controller back to reset: its DMA channels off. */
void vusb_reset(guest_id_t g)
{
    const struct tvp_guest *gc = &tvp_guests[g - 1];
    bool mine = false;
    for (unsigned i = 0; i < gc->nr_devs; i++)
        mine |= gc->devs[i].access == TVP_ACCESS_EMULATED && gc->devs[i].emulator == TVP_EMU_USB;
    if (!mine)
        return;
    for (unsigned n = 0; n < USB_NDMA; n++)
        real_write(USBDMA_C(n), 0);
    vusb[g - 1] = (struct vusb){.refused = vusb[g - 1].refused};
}

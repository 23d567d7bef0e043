/*
 * The Hi-Speed USB controller (DS60001320, "Hi-Speed USB with On-The-Go":
 * a Mentor Graphics-style register set at 0xBF8E3000, USBCRCON at
 * 0xBF884000), as far as its DMA engine needs, with no host on the wire:
 *
 *  - Endpoint FIFOs 0..7, a TX and an RX byte queue each (EP0 64 bytes,
 *    EP1..7 512 bytes: (decided) fixed sizes, USBFIFOA is a plain
 *    register). A CPU write of USBFIFOn loads endpoint n's TX FIFO with
 *    the bytes its lanes carry; a CPU read of USBFIFOn unloads endpoint
 *    n's RX FIFO, 4 bytes whatever the access width ((decided): the SFR
 *    bus gives the device no read width; bytes missing read 0).
 *  - The loopback the controller documents for a chip alone, TESTMODE
 *    FIFO_ACCESS (USBCSR3 bit 30): writing it 1 moves the packet in the
 *    EP0 TX FIFO into the EP0 RX FIFO, sets RXRDY (USBE0CSR0 bit 16) and
 *    COUNT0 (USBE0CSR2 6:0), raises EP0's interrupt (INTRTX bit 0); the
 *    bit clears itself. SVCRPR (USBE0CSR0 bit 22) clears RXRDY, FLSHFIFO
 *    (bit 24) empties the EP0 TX FIFO.
 *  - DMA channels 1..8: USBDMAnC (DMAEN 0, DMADIR 1 (1: memory to the
 *    endpoint's TX FIFO, 0: its RX FIFO to memory), DMAMODE 2, DMAIE 3,
 *    DMAEP 7:4, DMAERR 8, DMABRSTM 10:9), USBDMAnA (the memory address,
 *    physical), USBDMAnN (the byte count), USBDMAINT (bit n-1: channel n
 *    done; cleared by reading it). Setting DMAEN starts the channel: it
 *    moves bytes between memory (on the system bus as initiator 7, in
 *    CFGPG.USBPG's permission group) and the FIFO, USB_T_BYTE cycles a
 *    byte; USBDMAnA counts up and USBDMAnN down as it goes. It moves what
 *    the FIFO holds (RX) or has room for (TX) and waits for more while
 *    USBDMAnN is not 0 (a FIFO change restarts it). At USBDMAnN = 0 it
 *    clears DMAEN and, with DMAIE, sets its USBDMAINT bit. A bus error or
 *    a protection denial sets DMAERR, clears DMAEN and flags it too.
 *  - Interrupts: vector 133 (USB DMA) while a USBDMAINT bit is set;
 *    vector 132 (USB) while an INTRTX/INTRRX/INTRUSB bit is set and
 *    enabled (INTRTXE ...). Both persistent.
 *
 * Everything else (USB protocol, packets on the wire, host mode, the PHY,
 * suspend, DMAMODE 1's packet pacing, LPM) is a register file: the
 * registers at their offsets (Microchip's XC32 header for the part),
 * written and read back, no behaviour.
 */
#include "usb.h"

#include <stdlib.h>
#include <string.h>

#include "intc.h"
#include "sbp.h"
#include "soc.h"

#define USB_BASE    0x1F8E3000u
#define USBCR_BASE  0x1F884000u
#define IRQ_USB     132u
#define IRQ_USB_DMA 133u
#define NEP         8u
#define NDMA        8u
#define EP0_FIFO    64u
#define EP_FIFO     512u
#define USB_T_START 8u /* cycles from DMAEN to the first byte (decided) */
#define USB_T_BYTE  1u /* cycles a byte (decided: a 32-bit bus, 4 bytes in 4) */

/* USBCSR3 */
#define CSR3_FIFO_ACCESS (1u << 30)
/* USBE0CSR0 (the CSR0 register in bits 31:16) */
#define E0_RXRDY    (1u << 16)
#define E0_TXRDY    (1u << 17)
#define E0_SVCRPR   (1u << 22)
#define E0_FLSHFIFO (1u << 24)
/* USBDMAnC */
#define DMAC_EN    (1u << 0)
#define DMAC_DIR   (1u << 1)
#define DMAC_IE    (1u << 3)
#define DMAC_EP(c) (((c) >> 4) & 0xFu)
#define DMAC_ERR   (1u << 8)

enum {
    R_CSR0, R_CSR1, R_CSR2, R_CSR3,
    R_IENCSR0, R_IENCSR1, R_IENCSR2, R_IENCSR3,
    R_FIFO0, R_FIFO7 = R_FIFO0 + 7,
    R_OTG, R_FIFOA, R_HWVER, R_INFO, R_EOFRST,
    R_TXA0, R_TXA_LAST = R_TXA0 + 15,          /* USBExTXA, USBExRXA interleaved */
    R_ECSR0, R_ECSR_LAST = R_ECSR0 + 31,       /* USBExCSR0..3, x = 0..7 */
    R_DMAINT,
    R_DMAC1, R_DMA_LAST = R_DMAC1 + 3 * NDMA - 1, /* C, A, N per channel */
    R_RPC1, R_RPC_LAST = R_RPC1 + 6,
    R_DPBFD, R_TMCON1, R_TMCON2, R_LPMR1, R_LPMR2,
    R_NREGS
};

#define N(o, r, w, f) {o, r, w, SFR_NOALIAS | (f)}
#define RW SFR_RD | SFR_WR

struct usb {
    struct soc *soc;
    struct sfr_block blk, cr_blk;
    struct sfr_reg regs[R_NREGS];
    uint32_t val[R_NREGS];
    uint32_t cr_val[1];
    struct {
        uint8_t tx[EP_FIFO], rx[EP_FIFO];
        uint16_t ntx, nrx;
    } ep[NEP];
    struct uch {
        struct usb *u;
        unsigned n; /* channel n + 1 */
        struct event ev;
    } ch[NDMA];
};

static const struct sfr_reg usbcr_regs[1] = {N(0x00, 0, 0x000001FFu, 0)}; /* USBCRCON */

static unsigned fifo_cap(unsigned ep)
{
    return ep ? EP_FIFO : EP0_FIFO;
}

static uint32_t *ecsr(struct usb *u, unsigned ep, unsigned k)
{
    return &u->val[R_ECSR0 + 4 * ep + k];
}

static void irq_update(struct usb *u)
{
    uint32_t *v = u->val;
    bool usb = ((v[R_CSR0] >> 16) & (v[R_CSR1] >> 16)) || (v[R_CSR1] & v[R_CSR2] & 0xFFFF) ||
               ((v[R_CSR2] >> 16) & (v[R_CSR2] >> 24) & 0xFF);
    intc_level(u->soc->intc, IRQ_USB, usb);
    intc_level(u->soc->intc, IRQ_USB_DMA, (v[R_DMAINT] & 0xFF) != 0);
}

static void dma_kick(struct usb *u, unsigned ch, uint64_t now)
{
    if ((u->val[R_DMAC1 + 3 * ch] & DMAC_EN) && !ev_armed(&u->ch[ch].ev))
        ev_schedule(&u->soc->evq, &u->ch[ch].ev, now + USB_T_START);
}

/* A FIFO changed: channels waiting on it may go on. */
static void fifo_changed(struct usb *u)
{
    uint64_t now = ev_now(&u->soc->evq);
    for (unsigned ch = 0; ch < NDMA; ch++)
        dma_kick(u, ch, now);
}

static void dma_finish(struct usb *u, unsigned ch, bool err)
{
    uint32_t *c = &u->val[R_DMAC1 + 3 * ch];
    *c = (*c & ~DMAC_EN) | (err ? DMAC_ERR : 0);
    if (*c & DMAC_IE)
        u->val[R_DMAINT] |= 1u << ch;
    irq_update(u);
}

/* The channel's event: moves what it can now, in one go, and comes back
 * when those bytes' time has passed (or waits for the FIFO). */
static void dma_step(void *ctx, uint64_t when)
{
    struct uch *uc = ctx;
    struct usb *u = uc->u;
    unsigned ch = uc->n;
    uint32_t *c = &u->val[R_DMAC1 + 3 * ch], *a = c + 1, *n = c + 2;
    if (!(*c & DMAC_EN))
        return;
    if (!*n) {
        dma_finish(u, ch, false);
        return;
    }
    unsigned ep = DMAC_EP(*c) & 7u, moved = 0;
    struct soc *s = u->soc;
    bool err = false;
    if (*c & DMAC_DIR) { /* memory -> TX FIFO */
        while (*n && u->ep[ep].ntx < fifo_cap(ep)) {
            uint32_t v;
            if (sbp_usb_read(s, *a, 1, &v) != SBP_OK) {
                err = true;
                break;
            }
            u->ep[ep].tx[u->ep[ep].ntx++] = (uint8_t)v;
            (*a)++, (*n)--, moved++;
        }
    } else { /* RX FIFO -> memory */
        while (*n && u->ep[ep].nrx) {
            if (sbp_usb_write(s, *a, 1, u->ep[ep].rx[0]) != SBP_OK) {
                err = true;
                break;
            }
            memmove(u->ep[ep].rx, u->ep[ep].rx + 1, --u->ep[ep].nrx);
            (*a)++, (*n)--, moved++;
        }
        if (!ep)
            *ecsr(u, 0, 2) = (*ecsr(u, 0, 2) & ~0x7Fu) | u->ep[0].nrx;
    }
    if (err) {
        dma_finish(u, ch, true);
        return;
    }
    if (!*n) { /* done once the last byte's time has passed */
        if (moved)
            ev_schedule(&s->evq, &u->ch[ch].ev, when + (uint64_t)USB_T_BYTE * moved);
        else
            dma_finish(u, ch, false);
        return;
    }
    if (moved) /* more to do: again after these bytes (the FIFO may have changed) */
        ev_schedule(&s->evq, &u->ch[ch].ev, when + (uint64_t)USB_T_BYTE * moved);
    /* else: waits for the FIFO (fifo_changed) */
}

/* FIFO_ACCESS: the EP0 TX packet into the EP0 RX FIFO. */
static void fifo_access(struct usb *u)
{
    unsigned k = u->ep[0].ntx;
    if (k > EP0_FIFO - u->ep[0].nrx)
        k = EP0_FIFO - u->ep[0].nrx;
    memcpy(u->ep[0].rx + u->ep[0].nrx, u->ep[0].tx, k);
    u->ep[0].nrx = (uint16_t)(u->ep[0].nrx + k);
    u->ep[0].ntx = 0;
    *ecsr(u, 0, 0) = (*ecsr(u, 0, 0) & ~E0_TXRDY) | E0_RXRDY;
    *ecsr(u, 0, 2) = (*ecsr(u, 0, 2) & ~0x7Fu) | u->ep[0].nrx;
    u->val[R_CSR0] |= 1u << 16; /* INTRTX bit 0: endpoint 0 */
    irq_update(u);
    fifo_changed(u);
}

static uint32_t fifo_pop4(struct usb *u, unsigned ep)
{
    uint32_t v = 0;
    unsigned k = u->ep[ep].nrx < 4 ? u->ep[ep].nrx : 4;
    for (unsigned i = 0; i < k; i++)
        v |= (uint32_t)u->ep[ep].rx[i] << (8 * i);
    memmove(u->ep[ep].rx, u->ep[ep].rx + k, u->ep[ep].nrx - k);
    u->ep[ep].nrx = (uint16_t)(u->ep[ep].nrx - k);
    if (!ep)
        *ecsr(u, 0, 2) = (*ecsr(u, 0, 2) & ~0x7Fu) | u->ep[0].nrx;
    return v;
}

/* The indexed CSRs (USBIENCSR0..3) are the selected endpoint's USBExCSRk. */
static unsigned indexed(const struct usb *u)
{
    return (u->val[R_CSR3] >> 16) & 7u;
}

static uint32_t usb_read(void *ctx, unsigned idx, bool peek)
{
    struct usb *u = ctx;
    uint32_t v = u->val[idx];
    if (idx >= R_IENCSR0 && idx <= R_IENCSR3)
        return *ecsr(u, indexed(u), idx - R_IENCSR0);
    if (idx >= R_FIFO0 && idx <= R_FIFO7) {
        if (peek)
            return 0;
        uint32_t w = fifo_pop4(u, idx - R_FIFO0);
        fifo_changed(u);
        return w;
    }
    if (peek)
        return v;
    /* read-to-clear interrupt registers: INTRTX, INTRRX, INTRUSB, USBDMAINT */
    if (idx == R_CSR0)
        u->val[R_CSR0] &= 0xFFFFu;
    else if (idx == R_CSR1)
        u->val[R_CSR1] &= 0xFFFF0000u;
    else if (idx == R_CSR2)
        u->val[R_CSR2] &= 0xFF00FFFFu;
    else if (idx == R_DMAINT)
        u->val[R_DMAINT] = 0;
    else
        return v;
    irq_update(u);
    return v;
}

static void ep_csr_write(struct usb *u, unsigned ep, unsigned k, uint32_t old, uint32_t req)
{
    uint32_t *r = ecsr(u, ep, k);
    if (ep == 0 && k == 0) {
        uint32_t keep = old & (E0_RXRDY | E0_TXRDY);
        if (req & E0_SVCRPR)
            keep &= ~E0_RXRDY;
        if (req & E0_TXRDY)
            keep |= E0_TXRDY;
        if (req & E0_FLSHFIFO) {
            u->ep[0].ntx = 0;
            keep &= ~E0_TXRDY;
        }
        *r = (req & ~(E0_RXRDY | E0_TXRDY | E0_SVCRPR | E0_FLSHFIFO | 0x00040000u)) | keep;
        return;
    }
    *r = req;
}

static void usb_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct usb *u = ctx;
    uint64_t now = ev_now(&u->soc->evq);
    if (idx >= R_IENCSR0 && idx <= R_IENCSR3) {
        unsigned ep = indexed(u), k = idx - R_IENCSR0;
        uint32_t o = *ecsr(u, ep, k);
        ep_csr_write(u, ep, k, o, (o & ~lanes) | (req & lanes));
        return;
    }
    if (idx >= R_ECSR0 && idx <= R_ECSR_LAST) {
        unsigned ep = (idx - R_ECSR0) / 4, k = (idx - R_ECSR0) % 4;
        ep_csr_write(u, ep, k, old, req);
        return;
    }
    if (idx >= R_FIFO0 && idx <= R_FIFO7) { /* load the TX FIFO, lane by lane */
        unsigned ep = idx - R_FIFO0;
        for (unsigned b = 0; b < 4; b++)
            if (((lanes >> (8 * b)) & 0xFF) && u->ep[ep].ntx < fifo_cap(ep))
                u->ep[ep].tx[u->ep[ep].ntx++] = (uint8_t)(req >> (8 * b));
        u->val[idx] = 0;
        fifo_changed(u);
        return;
    }
    if (idx == R_CSR3 && (req & CSR3_FIFO_ACCESS)) {
        u->val[R_CSR3] &= ~CSR3_FIFO_ACCESS;
        fifo_access(u);
        return;
    }
    if (idx >= R_DMAC1 && idx <= R_DMA_LAST && (idx - R_DMAC1) % 3 == 0) {
        unsigned ch = (idx - R_DMAC1) / 3;
        uint32_t *c = &u->val[idx];
        if (!(req & DMAC_EN))
            ev_cancel(&u->soc->evq, &u->ch[ch].ev); /* stopped by software */
        else if (!(old & DMAC_EN))
            *c &= ~DMAC_ERR;
        dma_kick(u, ch, now);
        return;
    }
    irq_update(u); /* an enable may have changed */
}

static void usb_reset(void *ctx)
{
    struct usb *u = ctx;
    for (unsigned e = 0; e < NEP; e++)
        u->ep[e].ntx = u->ep[e].nrx = 0;
    for (unsigned ch = 0; ch < NDMA; ch++)
        ev_cancel(&u->soc->evq, &u->ch[ch].ev);
    irq_update(u);
}

/* The register table (offsets: XC32 p32mz2048efg100.h, USB section). */
static void build_regs(struct sfr_reg *r)
{
    r[R_CSR0] = (struct sfr_reg)N(0x000, 0, 0x0000E57Fu, RW);
    r[R_CSR1] = (struct sfr_reg)N(0x004, 0x00FF0000u, 0xFFFF0000u, RW);
    r[R_CSR2] = (struct sfr_reg)N(0x008, 0x060000FEu, 0xFF00FFFFu, RW);
    r[R_CSR3] = (struct sfr_reg)N(0x00C, 0, 0xFF0F0000u, RW);
    for (unsigned k = 0; k < 4; k++)
        r[R_IENCSR0 + k] = (struct sfr_reg)N(0x010 + 4 * k, 0, 0, RW);
    for (unsigned e = 0; e < NEP; e++)
        r[R_FIFO0 + e] = (struct sfr_reg)N(0x020 + 4 * e, 0, 0, RW);
    r[R_OTG] = (struct sfr_reg)N(0x060, 0, 0xFFFF00FFu, 0);
    r[R_FIFOA] = (struct sfr_reg)N(0x064, 0, 0x1FFF1FFFu, 0);
    r[R_HWVER] = (struct sfr_reg)N(0x06C, 0x00000800u, 0, 0);
    r[R_INFO] = (struct sfr_reg)N(0x078, 0x3C5C8C77u, 0xFF000000u, 0);
    r[R_EOFRST] = (struct sfr_reg)N(0x07C, 0x00727780u, 0x03FFFFFFu, 0);
    for (unsigned k = 0; k < 16; k++)
        r[R_TXA0 + k] = (struct sfr_reg)N(0x080 + 4 * k, 0, 0x7F7F007Fu, 0);
    for (unsigned e = 0; e < NEP; e++)
        for (unsigned k = 0; k < 4; k++) /* EP0 has no CSR1: a plain word */
            r[R_ECSR0 + 4 * e + k] =
                (struct sfr_reg)N(0x100 + 0x10 * e + 4 * k, 0, 0xFFFFFFFFu, RW);
    r[R_DMAINT] = (struct sfr_reg)N(0x200, 0, 0, RW);
    for (unsigned ch = 0; ch < NDMA; ch++) {
        r[R_DMAC1 + 3 * ch] = (struct sfr_reg)N(0x204 + 0x10 * ch, 0, 0x000006FFu, RW);
        r[R_DMAC1 + 3 * ch + 1] = (struct sfr_reg)N(0x208 + 0x10 * ch, 0, 0xFFFFFFFFu, 0);
        r[R_DMAC1 + 3 * ch + 2] = (struct sfr_reg)N(0x20C + 0x10 * ch, 0, 0xFFFFFFFFu, 0);
    }
    for (unsigned k = 0; k < 7; k++)
        r[R_RPC1 + k] = (struct sfr_reg)N(0x304 + 4 * k, 0, 0xFFFFu, 0);
    r[R_DPBFD] = (struct sfr_reg)N(0x340, 0, 0xFFFFFFFFu, 0);
    r[R_TMCON1] = (struct sfr_reg)N(0x344, 0x05E64074u, 0xFFFFFFFFu, 0);
    r[R_TMCON2] = (struct sfr_reg)N(0x348, 0, 0xFu, 0);
    r[R_LPMR1] = (struct sfr_reg)N(0x360, 0, 0xFFFFFFFFu, 0);
    r[R_LPMR2] = (struct sfr_reg)N(0x364, 0, 0xFFFFFFFFu, 0);
}
#undef N
#undef RW

static const char *const ev_names[NDMA] = {"usbdma1", "usbdma2", "usbdma3", "usbdma4",
                                           "usbdma5", "usbdma6", "usbdma7", "usbdma8"};

/* The event's ctx is its own struct event, whose first word ... no: each
 * event gets &u->ch[ch].ev as ctx and finds u through this table. */
bool usb_init(struct soc *s)
{
    struct usb *u = calloc(1, sizeof *u);
    if (!u)
        return false;
    u->soc = s;
    s->usb = u;
    build_regs(u->regs);
    for (unsigned ch = 0; ch < NDMA; ch++) {
        u->ch[ch] = (struct uch){.u = u, .n = ch};
        ev_init(&u->ch[ch].ev, ev_names[ch], dma_step, &u->ch[ch]);
    }
    u->blk = (struct sfr_block){.name = "usb", .base = USB_BASE, .size = 0x1000,
                                .regs = u->regs, .nregs = R_NREGS, .val = u->val, .ctx = u,
                                .read = usb_read, .write = usb_write, .reset = usb_reset};
    u->cr_blk = (struct sfr_block){.name = "usbcrcon", .base = USBCR_BASE, .size = 0x100,
                                   .regs = usbcr_regs, .nregs = 1, .val = u->cr_val};
    return sfr_register(s->sfr, &u->blk) && sfr_register(s->sfr, &u->cr_blk);
}

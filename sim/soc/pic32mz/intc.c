/* The interrupt controller in EIC mode (intc.h; docs/simulator.md,
 * "Interrupt controller"). */
#include "intc.h"

#include <stdlib.h>
#include <string.h>

#include "soc.h"

enum {
    R_INTCON,
    R_PRISS,
    R_INTSTAT,
    R_IPTMR,
    R_IFS0,
    R_IEC0 = R_IFS0 + 7,
    R_IPC0 = R_IEC0 + 7,
    R_OFF0 = R_IPC0 + 54,
    R_NREGS = R_OFF0 + INTC_NVEC,
};

#define NO_VEC 0xFFFFu

struct intc {
    struct soc *soc;
    struct sfr_block blk;
    struct sfr_reg regs[R_NREGS];
    uint32_t val[R_NREGS];
    uint32_t level[7]; /* persistent sources asserted now */
    unsigned ext_in;   /* INT0..4 input levels */
    unsigned lines;    /* CPU timer/software lines last seen */
    /* what the CPU is presented */
    unsigned cur_vec, cur_ripl, cur_ss;
    uint32_t cur_voff;
    /* temporal proximity (INTCON.TPC, IPTMR) */
    struct event tp_ev;
    bool tp_open;
    /* interrupt-event listener (the DMA controller's start/abort IRQs) */
    void (*listen)(void *ctx, unsigned v);
    void *listen_ctx;
    /* observer for measurements (vpsim --measure irq:V): never changes state */
    void (*probe)(void *ctx, unsigned v);
    void *probe_ctx;
};

/* Vectors without an IFS bit / OFF register on the PIC32MZ EF 100-pin
 * parts (gaps in the XC32 vector list). */
bool intc_vector_exists(unsigned v)
{
    if (v >= INTC_NVEC)
        return false;
    if ((v >= 94 && v <= 101) || v == 107 || v == 108 || (v >= 125 && v <= 127) || v == 191 ||
        v == 195 || v == 197 || v == 203 || v == 204 || v == 211 || v == 212)
        return false;
    return true;
}

static uint32_t vec_word_mask(unsigned w)
{
    uint32_t m = 0;
    for (unsigned b = 0; b < 32; b++)
        if (intc_vector_exists(w * 32 + b))
            m |= 1u << b;
    return m;
}

static uint32_t ipc_mask(unsigned n)
{
    uint32_t m = 0;
    for (unsigned k = 0; k < 4; k++)
        if (intc_vector_exists(n * 4 + k))
            m |= 0x1Fu << (8 * k);
    return m;
}

static void tp_expired(void *ctx, uint64_t when);

/* Arbitration: highest IP, then highest IS, then lowest vector number
 * (the natural order). */
static void intc_update(struct intc *ic)
{
    const uint32_t *v = ic->val;
    unsigned tpc = (v[R_INTCON] & INTCON_TPC) >> INTCON_TPC_SHIFT;
    unsigned best_hi = NO_VEC, key_hi = 0, best_lo = NO_VEC, key_lo = 0;
    for (unsigned w = 0; w < 7; w++) {
        uint32_t pend = v[R_IFS0 + w] & v[R_IEC0 + w];
        while (pend) {
            unsigned b = (unsigned)__builtin_ctz(pend);
            pend &= pend - 1;
            unsigned vec = w * 32 + b;
            unsigned pri = (v[R_IPC0 + vec / 4] >> (8 * (vec % 4))) & 0x1F;
            unsigned ip = pri >> 2;
            if (!ip)
                continue;
            unsigned key = pri + 1; /* ip:is, never 0 */
            if (ip > tpc) {
                if (key > key_hi) {
                    key_hi = key;
                    best_hi = vec;
                }
            } else if (key > key_lo) {
                key_lo = key;
                best_lo = vec;
            }
        }
    }
    unsigned best = best_hi;
    if (best == NO_VEC && best_lo != NO_VEC) {
        if (ic->tp_open) {
            best = best_lo;
        } else if (!ev_armed(&ic->tp_ev)) {
            /* Requests at or below TPC wait one IPTMR interval (SYSCLK
             * cycles), then are delivered together. */
            ev_schedule(&ic->soc->evq, &ic->tp_ev, ev_now(&ic->soc->evq) + v[R_IPTMR]);
        }
    }
    if (best_lo == NO_VEC) {
        ic->tp_open = false;
        ev_cancel(&ic->soc->evq, &ic->tp_ev);
    }
    unsigned ripl = 0, ss = 0;
    uint32_t voff = 0;
    if (best != NO_VEC) {
        ripl = ((v[R_IPC0 + best / 4] >> (8 * (best % 4))) >> 2) & 7;
        if (v[R_INTCON] & INTCON_MVEC) {
            voff = v[R_OFF0 + best] & 0x3FFFEu;
            ss = (v[R_PRISS] >> (4 * ripl)) & 7;
        } else {
            voff = 0x200;
            ss = (v[R_PRISS] & PRISS_SS0) ? 1 : 0;
        }
    }
    if (best != ic->cur_vec || ripl != ic->cur_ripl || voff != ic->cur_voff ||
        ss != ic->cur_ss) {
        ic->cur_vec = best;
        ic->cur_ripl = ripl;
        ic->cur_voff = voff;
        ic->cur_ss = ss;
        cpu_set_eic(&ic->soc->cpu, ripl, voff, ss);
    }
}

static void tp_expired(void *ctx, uint64_t when)
{
    struct intc *ic = ctx;
    ic->tp_open = true;
    intc_update(ic);
}

static void set_flag(struct intc *ic, unsigned v)
{
    if (!intc_vector_exists(v))
        return;
    ic->val[R_IFS0 + v / 32] |= 1u << (v % 32);
    if (ic->listen)
        ic->listen(ic->listen_ctx, v);
    if (ic->probe)
        ic->probe(ic->probe_ctx, v);
}

void intc_set_probe(struct intc *ic, void (*fn)(void *ctx, unsigned v), void *ctx)
{
    ic->probe = fn;
    ic->probe_ctx = ctx;
}

void intc_set_listener(struct intc *ic, void (*fn)(void *ctx, unsigned v), void *ctx)
{
    ic->listen = fn;
    ic->listen_ctx = ctx;
}

bool intc_level_on(const struct intc *ic, unsigned v)
{
    return v < INTC_NVEC && (ic->level[v / 32] >> (v % 32) & 1);
}

void intc_raise(struct intc *ic, unsigned v)
{
    set_flag(ic, v);
    intc_update(ic);
}

void intc_level(struct intc *ic, unsigned v, bool on)
{
    if (!intc_vector_exists(v))
        return;
    uint32_t bit = 1u << (v % 32);
    bool was = ic->level[v / 32] & bit;
    if (on)
        ic->level[v / 32] |= bit;
    else
        ic->level[v / 32] &= ~bit;
    if (on && (!was || !(ic->val[R_IFS0 + v / 32] & bit)))
        intc_raise(ic, v);
}

void intc_ext_pin(struct intc *ic, unsigned n, bool level)
{
    if (n > 4)
        return;
    bool old = (ic->ext_in >> n) & 1;
    if (old == level)
        return;
    ic->ext_in ^= 1u << n;
    bool rising_sel = ic->val[R_INTCON] & INTCON_INTEP(n);
    if (level == rising_sel)
        intc_raise(ic, IRQ_INT(n));
}

void intc_cpu_lines(struct intc *ic, unsigned lines)
{
    unsigned rise = lines & ~ic->lines;
    ic->lines = lines;
    if (rise & 1)
        set_flag(ic, IRQ_CORE_TIMER);
    if (rise & 2)
        set_flag(ic, IRQ_CORE_SW0);
    if (rise & 4)
        set_flag(ic, IRQ_CORE_SW1);
    if (rise)
        intc_update(ic);
}

void intc_cpu_ack(struct intc *ic, unsigned ripl)
{
    if (ic->cur_vec != NO_VEC)
        ic->val[R_INTSTAT] = (ic->cur_vec & 0xFF) | (ic->cur_ripl & 7) << 8;
}

static void intc_write(void *ctx, unsigned idx, uint32_t old, uint32_t req, uint32_t lanes)
{
    struct intc *ic = ctx;
    if (idx >= R_IFS0 && idx < R_IFS0 + 7)
        ic->val[idx] |= ic->level[idx - R_IFS0]; /* persistent sources come back */
    if (idx == R_IPTMR)
        return;
    intc_update(ic);
}

static void intc_reset(void *ctx)
{
    struct intc *ic = ctx;
    memset(ic->level, 0, sizeof ic->level);
    ic->ext_in = 0;
    ic->lines = 0;
    ic->tp_open = false;
    ic->cur_vec = NO_VEC;
    ic->cur_ripl = ic->cur_ss = 0;
    ic->cur_voff = 0;
    cpu_set_eic(&ic->soc->cpu, 0, 0, 0);
}

bool intc_init(struct soc *s)
{
    struct intc *ic = calloc(1, sizeof *ic);
    if (!ic)
        return false;
    ic->soc = s;
    struct sfr_reg *r = ic->regs;
    r[R_INTCON] = (struct sfr_reg){0x000, 0, 0x0000171Fu, SFR_WR};
    r[R_PRISS] = (struct sfr_reg){0x010, 0, 0xFFFFFFF1u, SFR_WR};
    r[R_INTSTAT] = (struct sfr_reg){0x020, 0, 0, 0};
    r[R_IPTMR] = (struct sfr_reg){0x030, 0, 0xFFFFFFFFu, SFR_WR};
    for (unsigned n = 0; n < 7; n++) {
        r[R_IFS0 + n] = (struct sfr_reg){(uint16_t)(0x040 + 0x10 * n), 0, vec_word_mask(n), SFR_WR};
        r[R_IEC0 + n] = (struct sfr_reg){(uint16_t)(0x0C0 + 0x10 * n), 0, vec_word_mask(n), SFR_WR};
    }
    for (unsigned n = 0; n < 54; n++)
        r[R_IPC0 + n] = (struct sfr_reg){(uint16_t)(0x140 + 0x10 * n), 0, ipc_mask(n), SFR_WR};
    for (unsigned v = 0; v < INTC_NVEC; v++)
        r[R_OFF0 + v] = (struct sfr_reg){(uint16_t)(0x540 + 4 * v), 0,
                                         intc_vector_exists(v) ? 0x0003FFFEu : 0,
                                         SFR_WR | SFR_NOALIAS};
    ic->blk = (struct sfr_block){
        .name = "intc", .base = INTC_BASE, .size = 0x1000, .regs = ic->regs,
        .nregs = R_NREGS, .val = ic->val, .ctx = ic, .write = intc_write, .reset = intc_reset,
    };
    ev_init(&ic->tp_ev, "intc-tpc", tp_expired, ic);
    if (!sfr_register(s->sfr, &ic->blk)) {
        free(ic);
        return false;
    }
    s->intc = ic;
    intc_reset(ic);
    return true;
}

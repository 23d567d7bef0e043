/* Interrupt-controller helpers in multi-vector mode (rt.h). */
#include "rt.h"

/* Called by crt0.S's interrupt entry: rt_irq_table[v](v). */
rt_irq_handler_t rt_irq_table[INTC_NVEC];

/* The stubs at EBase + 0x200 + 8 v (crt0.S). */
extern char __ebase[], __irq_stubs[];
#define STUB_SIZE 8u

bool rt_irq_vector_exists(unsigned v)
{
    /* Gaps in the PIC32MZ EF vector list (XC32 _*_VECTOR): no IFS bit,
     * no OFF register. */
    if (v >= INTC_NVEC)
        return false;
    return !((v >= 94 && v <= 101) || v == 107 || v == 108 || (v >= 125 && v <= 127) || v == 191 ||
             v == 195 || v == 197 || v == 203 || v == 204 || v == 211 || v == 212);
}

static void unexpected_irq(unsigned v)
{
    rt_irq_disable(v);
    rt_irq_clear(v);
    rt_printf("unexpected interrupt %u\n", v);
}

void rt_irq_init(void)
{
    uint32_t off0 = (uint32_t)(__irq_stubs - __ebase);
    SFR(INTCON) = INTCON_MVEC; /* multi-vector, TPC off, INTx on falling edges */
    SFR(PRISS) = 0;            /* every level in shadow set 0 */
    SFR(IPTMR) = 0;
    for (unsigned w = 0; w < INTC_NWORDS; w++) {
        SFR(IEC(w)) = 0;
        SFR(IFS(w)) = 0;
    }
    for (unsigned v = 0; v < INTC_NVEC; v++) {
        rt_irq_table[v] = unexpected_irq;
        if (!rt_irq_vector_exists(v))
            continue;
        SFR(OFF(v)) = off0 + STUB_SIZE * v;
        if (v % 4 == 0)
            SFR(IPC(v / 4)) = 0;
    }
}

void rt_irq_set_handler(unsigned vec, rt_irq_handler_t h)
{
    if (vec < INTC_NVEC)
        rt_irq_table[vec] = h ? h : unexpected_irq;
}

void rt_irq_set_priority(unsigned vec, unsigned ip, unsigned is)
{
    if (!rt_irq_vector_exists(vec))
        return;
    unsigned shift = 8 * (vec % 4);
    uint32_t field = ((ip & 7) << 2 | (is & 3)) << shift;
    SFR_CLR(IPC(vec / 4)) = 0x1Fu << shift;
    SFR_SET(IPC(vec / 4)) = field;
}

void rt_irq_enable(unsigned vec)
{
    if (rt_irq_vector_exists(vec))
        SFR_SET(IEC(vec / 32)) = 1u << (vec % 32);
}

void rt_irq_disable(unsigned vec)
{
    if (rt_irq_vector_exists(vec))
        SFR_CLR(IEC(vec / 32)) = 1u << (vec % 32);
}

void rt_irq_clear(unsigned vec)
{
    if (rt_irq_vector_exists(vec))
        SFR_CLR(IFS(vec / 32)) = 1u << (vec % 32);
}

bool rt_irq_flag(unsigned vec)
{
    return rt_irq_vector_exists(vec) && (SFR(IFS(vec / 32)) >> (vec % 32) & 1);
}

void rt_irq_attach(unsigned vec, rt_irq_handler_t h, unsigned ip)
{
    rt_irq_disable(vec);
    rt_irq_set_handler(vec, h);
    rt_irq_set_priority(vec, ip, 0);
    rt_irq_clear(vec);
    rt_irq_enable(vec);
}

/*
 * soak_ct: the core timer's 10 ms heartbeat, every one checked (soak.h);
 * silent on its console for 30 s at a time (longer than 2^31 ticks), then
 * one character, timed: written at once, sent within three character
 * times; then a line with its figures. Every other such line (60 s apart:
 * more than the 2^32 ticks after which the hypervisor's time service
 * moves its base) the time hypercall against its own clock, under tinyVP
 * only (a guest's Config3.VZ reads 0, MIPS Virtualization Module
 * MD00846; on the bare board the core's is 1).
 */
#include "soak.h"

#include <tinyvp/hypercall.h>

#define SILENT_HB 3000u /* 30 s */

/* The time hypercall (µs since the hypervisor's boot) minus its own time
 * in µs is a constant: each sample, taken between two reads of its Count
 * (t0, t1), bounds it to [us - t1 / per_us, us - t0 / per_us]; every
 * sample's bounds must overlap the others' (1 µs either way for the
 * truncations). Retried when the two reads are far apart (a window
 * switch came between them). */
static int64_t off_lo = INT64_MIN, off_hi = INT64_MAX;
static unsigned hc_samples;

static void hc_time_check(void)
{
    if (read_c0_config3() & MIPS_CONF3_VZ)
        return; /* the bare board: no hypervisor */
    for (unsigned k = 0; k < 8; k++) {
        uint64_t t0 = now64();
        long hi;
        uint32_t lo = (uint32_t)tvp_hc_time(0, 0, &hi);
        uint64_t t1 = now64();
        if (t1 - t0 > 100u * RT_CT_PER_US)
            continue;
        int64_t us = (int64_t)((uint64_t)(uint32_t)hi << 32 | lo);
        int64_t lo_k = us - (int64_t)(t1 / RT_CT_PER_US) - 1, hi_k = us - (int64_t)(t0 / RT_CT_PER_US) + 1;
        if (lo_k > off_lo)
            off_lo = lo_k;
        if (hi_k < off_hi)
            off_hi = hi_k;
        hc_samples++;
        if (off_lo > off_hi)
            fail("ct", "time hypercall at %u s: off by %d us from the earlier samples",
                 secs(t0), (int)(off_lo - off_hi));
        else
            rt_printf("ct: time hypercall, %u samples agree within %d us\n", hc_samples,
                      (int)(off_hi - off_lo));
        return;
    }
    fail("ct", "time hypercall: no sample without a switch between its reads");
}

int main(void)
{
    board_init();
    rt_printf("soak ct: start\n");
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    ct_heartbeat("ct");
    rt_irq_on();
    for (uint32_t next = SILENT_HB;;) {
        rt_wait();
        if (hb_count(&ct_hb) < next)
            continue;
        next += SILENT_HB;
        uint32_t t0 = rt_ticks();
        rt_uart_putc(WIFIRE_CONSOLE_UART, '.');
        uint32_t t1 = rt_ticks();
        rt_uart_flush(WIFIRE_CONSOLE_UART);
        uint32_t t2 = rt_ticks();
        if (t1 - t0 > CHAR_TICKS || t2 - t0 > 3 * CHAR_TICKS)
            fail("ct", "a character after 30 s of silence: written in %u ticks, sent in %u",
                 (unsigned)(t1 - t0), (unsigned)(t2 - t0));
        uint32_t s = rt_irq_off();
        struct hb h = ct_hb;
        rt_irq_restore(s);
        rt_printf(" ct: %u s, %u heartbeats, latency %u ticks %d..%+d; after 30 s of silence a character "
                  "written in %u ticks, sent in %u\n", secs(now64()), (unsigned)h.n, (unsigned)h.lat0,
                  (int)h.lo, (int)h.hi, (unsigned)(t1 - t0), (unsigned)(t2 - t0));
        if (next % (2 * SILENT_HB) == SILENT_HB) /* 60, 120, ... s */
            hc_time_check();
    }
}

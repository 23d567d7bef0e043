/*
 * hcedge: every hypercall at its largest, timed to end at the window's
 * end (tests/bounded/run). The partition finds its window's start from a
 * jump of its own Count (the other window ran meanwhile), so it knows
 * when its window ends: WIN ticks later. In frame k it spins (a loop
 * without exits, calibrated against Count) until some ticks before that
 * end, then issues service k % 5: the console write at its maximum
 * (256 bytes asked, a whole 32-byte line taken: one call), or back to back
 * until its window is over: time, version in a branch delay slot (the C
 * path), an unknown service, yield. The console write comes
 * (k / 5 % SWEEP) * STEP ticks before the end: over 5 * SWEEP frames a
 * call of any length up to STEP * SWEEP ticks (20 us, more than any exit
 * and its bound) ends at every phase around the boundary, exactly at it
 * too (or is not begun: sched_defer). The others start 20 us earlier.
 */
#include "rt.h"

#include <tinyvp/hypercall.h>

#define WIN   (4u * RT_CT_PER_MS) /* its window (tests/bounded/hcedge.yaml) */
#define GAP   (RT_CT_PER_MS)      /* a jump this long: the other window ran */
#define STEP  50u                 /* ticks (100 cycles) */
#define SWEEP 40u                 /* 2,000 ticks = 20 us: more than any exit and its bound */

static char line[TVP_HC_CONSOLE_MAX];

static void call(unsigned svc)
{
    long r;
    switch (svc) {
    case 0: /* the console: a whole 32-byte line per call while it fits */
        r = tvp_hc_console_write((long)line, TVP_HC_CONSOLE_MAX, 0);
        (void)r;
        break;
    case 1:
        tvp_hc_time(0, 0, 0);
        break;
    case 2:
        __asm__ volatile(".set push\n\t.set noreorder\n\t"
                         "li $t8, 1\n\t"
                         "bnez $t8, 1f\n\t"
                         ".word 0x42000028\n\t" /* version, in the delay slot */
                         "nop\n"
                         "1:\n\t.set pop" ::: "$2", "$3", "$24", "memory");
        break;
    case 3:
        __asm__ volatile(".word 0x42000028 + (77 << 11)" ::: "$2", "$3", "memory");
        break;
    default:
        tvp_hc_yield(0, 0, 0);
        break;
    }
}

/* A pure loop: no exit while it runs (a Count read is one: GuestCtl0.GT
 * is 0), so the call after it comes when the loop says. */
static void spin(uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        __asm__ volatile("" ::: "memory");
}

#define CAL 20000u

int main(void)
{
    board_init();
    for (unsigned i = 0; i < sizeof line; i++) /* 32-byte lines "hcedge abc...\n" */
        line[i] = i % 32 == 31 ? '\n' : i % 32 < 7 ? "hcedge "[i % 32] : (char)('a' + i % 26);
    rt_printf("hcedge: up\n");
    /* spin's speed: the fastest of a few tries (a window switch inside
     * one only makes it slower) */
    uint32_t best = ~0u, none = ~0u;
    for (unsigned k = 0; k < 4; k++) {
        uint32_t t0 = read_c0_count();
        spin(0); /* the Count reads' own time */
        uint32_t t1 = read_c0_count();
        spin(CAL);
        uint32_t t2 = read_c0_count();
        if (t1 - t0 < none)
            none = t1 - t0;
        if (t2 - t1 < best)
            best = t2 - t1;
    }
    best -= none;
    uint32_t per_kt = (uint32_t)((uint64_t)CAL * 1000u / best); /* iterations per 1000 ticks */
    uint32_t last = read_c0_count();
    bool in_window = false; /* the loop below saw its window start already */
    for (unsigned k = 0;; k++) {
        while (!in_window) { /* the start of its next window: a jump of Count */
            uint32_t now = read_c0_count();
            in_window = now - last > GAP;
            last = now;
        }
        in_window = false;
        unsigned svc = k % 5;
        uint32_t before = (k / 5 % SWEEP) * STEP + (svc ? SWEEP * STEP : 0);
        uint32_t ticks = WIN - before - (read_c0_count() - last);
        spin((uint32_t)((uint64_t)ticks * per_kt / 1000u));
        last = read_c0_count();
        while (!in_window) { /* until the window is over (Count jumps) */
            call(svc);
            uint32_t now = read_c0_count();
            in_window = now - last > GAP;
            last = now;
            if (svc == 0) /* the console: one call at that time */
                break;
        }
    }
}

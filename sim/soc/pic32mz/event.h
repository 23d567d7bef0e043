/*
 * Device time: callbacks at absolute simulated cycles (SYSCLK, 5 ns).
 *
 * A device embeds a struct event per thing that can happen to it (a timer
 * period match, a UART character done, a watchdog expiry), initialises it
 * once with ev_init(), and arms it with ev_schedule(q, e, when) for an
 * absolute cycle. The callback gets the cycle it was scheduled for (the CPU
 * may be a few cycles past it when it runs, at an instruction boundary):
 * compute the next time from `when`, never from the current cycle, so that
 * periods do not drift. Events due at the same cycle run in the order they
 * were scheduled (a sequence number breaks ties): runs are deterministic.
 * Re-scheduling an armed event moves it; ev_cancel() disarms it.
 *
 * The queue drives the CPU through cpu_set_deadline(): the CPU runs in
 * batches up to the earliest event and calls ev_dispatch() from its event
 * hook. ev_reset() (chip reset) disarms every event; devices re-arm in
 * their reset hooks. No host time anywhere.
 */
#ifndef SIM_SOC_PIC32MZ_EVENT_H
#define SIM_SOC_PIC32MZ_EVENT_H

#include <stdbool.h>
#include <stdint.h>

struct event;
typedef void (*event_fn)(void *ctx, uint64_t when);

struct event {
    event_fn fn;
    void *ctx;
    const char *name;
    /* Outside the chip (a button press by the board): survives a chip
     * reset. Device events are all dropped by ev_reset(). */
    bool keep_on_reset;
    /* --- private to event.c --- */
    uint64_t when;
    uint64_t seq;
    struct event *next;
    bool armed;
};

struct evq {
    const uint64_t *now;                               /* the cycle counter */
    void (*set_deadline)(void *ctx, uint64_t when);    /* UINT64_MAX = none */
    void *ctx;
    /* --- private to event.c --- */
    struct event *head; /* sorted by (when, seq) */
    uint64_t seq;
    bool dispatching;
};

/* now: the cycle counter to read; set_deadline: told the earliest event. */
void ev_queue_init(struct evq *q, const uint64_t *now,
                   void (*set_deadline)(void *ctx, uint64_t when), void *ctx);
void ev_init(struct event *e, const char *name, event_fn fn, void *ctx);
void ev_schedule(struct evq *q, struct event *e, uint64_t when);
void ev_cancel(struct evq *q, struct event *e);
static inline bool ev_armed(const struct event *e) { return e->armed; }
static inline uint64_t ev_when(const struct event *e) { return e->when; }
static inline uint64_t ev_now(const struct evq *q) { return *q->now; }
/* Runs every event due at or before the current cycle, then re-arms the
 * deadline. Events scheduled during dispatch for a time already reached
 * run in the same call. */
void ev_dispatch(struct evq *q);
/* Earliest armed event's cycle, or UINT64_MAX. */
uint64_t ev_next(const struct evq *q);
/* Chip reset: disarms every event except keep_on_reset ones. */
void ev_reset(struct evq *q);

#endif

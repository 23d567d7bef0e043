/* Device-event queue on top of the CPU deadline (event.h). A sorted list:
 * a chip has a few dozen events at most, and most are re-armed at the far
 * end of the queue. */
#include "event.h"

#include <stddef.h>

void ev_queue_init(struct evq *q, const uint64_t *now,
                   void (*set_deadline)(void *ctx, uint64_t when), void *ctx)
{
    q->now = now;
    q->set_deadline = set_deadline;
    q->ctx = ctx;
    q->head = NULL;
    q->seq = 0;
    q->dispatching = false;
}

void ev_init(struct event *e, const char *name, event_fn fn, void *ctx)
{
    e->fn = fn;
    e->ctx = ctx;
    e->name = name;
    e->when = UINT64_MAX;
    e->seq = 0;
    e->next = NULL;
    e->armed = false;
    e->keep_on_reset = false;
}

uint64_t ev_next(const struct evq *q)
{
    return q->head ? q->head->when : UINT64_MAX;
}

static void update_deadline(struct evq *q)
{
    if (!q->dispatching && q->set_deadline)
        q->set_deadline(q->ctx, ev_next(q));
}

static void unlink_event(struct evq *q, struct event *e)
{
    for (struct event **p = &q->head; *p; p = &(*p)->next)
        if (*p == e) {
            *p = e->next;
            break;
        }
    e->next = NULL;
    e->armed = false;
}

void ev_schedule(struct evq *q, struct event *e, uint64_t when)
{
    bool was_head = q->head == e;
    if (e->armed)
        unlink_event(q, e);
    e->when = when;
    e->seq = q->seq++;
    e->armed = true;
    struct event **p = &q->head;
    while (*p && (*p)->when <= when)
        p = &(*p)->next;
    e->next = *p;
    *p = e;
    if (q->head == e || was_head)
        update_deadline(q);
}

void ev_cancel(struct evq *q, struct event *e)
{
    if (!e->armed)
        return;
    bool was_head = q->head == e;
    unlink_event(q, e);
    if (was_head)
        update_deadline(q);
}

void ev_dispatch(struct evq *q)
{
    q->dispatching = true;
    while (q->head && q->head->when <= *q->now) {
        struct event *e = q->head;
        q->head = e->next;
        e->next = NULL;
        e->armed = false;
        e->fn(e->ctx, e->when);
    }
    q->dispatching = false;
    update_deadline(q);
}

void ev_reset(struct evq *q)
{
    struct event **p = &q->head;
    while (*p) {
        struct event *e = *p;
        if (e->keep_on_reset) {
            p = &e->next;
            continue;
        }
        *p = e->next;
        e->next = NULL;
        e->armed = false;
    }
    update_deadline(q);
}

/* Unit tests of the device-event queue (sim/soc/pic32mz/event.c):
 * time order, FIFO order for equal times, cancel and re-schedule,
 * events scheduled during dispatch, the deadline told to the CPU, and
 * chip reset keeping only keep_on_reset events. */
#include <stdio.h>
#include <string.h>

#include "soc/pic32mz/event.h"

static int failures;
#define T(name, cond)                                                              \
    do {                                                                           \
        if (cond)                                                                  \
            printf("ok event/%s\n", name);                                         \
        else {                                                                     \
            printf("FAIL event/%s: %s (line %d)\n", name, #cond, __LINE__);        \
            failures++;                                                            \
        }                                                                          \
    } while (0)

static uint64_t now, deadline;
static char log_buf[256];
static struct evq q;

static void set_deadline(void *ctx, uint64_t when) { deadline = when; }

static void note(void *ctx, uint64_t when)
{
    char s[32];
    snprintf(s, sizeof s, "%s@%llu ", (const char *)ctx, (unsigned long long)when);
    strncat(log_buf, s, sizeof log_buf - strlen(log_buf) - 1);
}

static struct event chain_ev;
static int hops;
static void chain(void *ctx, uint64_t when)
{
    note(ctx, when);
    if (++hops < 3)
        ev_schedule(&q, &chain_ev, when); /* due at once: same dispatch */
}

static void run_to(uint64_t t)
{
    now = t;
    ev_dispatch(&q);
}

int main(void)
{
    struct event a, b, c, d;
    ev_queue_init(&q, &now, set_deadline, NULL);
    ev_init(&a, "a", note, "a");
    ev_init(&b, "b", note, "b");
    ev_init(&c, "c", note, "c");
    ev_init(&d, "d", note, "d");

    ev_schedule(&q, &a, 300);
    ev_schedule(&q, &b, 100);
    ev_schedule(&q, &c, 200);
    T("deadline-earliest", deadline == 100);
    run_to(250);
    T("time-order", !strcmp(log_buf, "b@100 c@200 "));
    T("deadline-after-dispatch", deadline == 300);

    log_buf[0] = 0;
    ev_schedule(&q, &b, 400);
    ev_schedule(&q, &c, 400);
    ev_schedule(&q, &d, 400);
    ev_schedule(&q, &b, 400); /* re-scheduling moves it behind c and d */
    run_to(500);
    T("fifo-equal-times", !strcmp(log_buf, "a@300 c@400 d@400 b@400 "));
    T("deadline-empty", deadline == UINT64_MAX);

    log_buf[0] = 0;
    ev_schedule(&q, &a, 600);
    ev_schedule(&q, &b, 700);
    ev_cancel(&q, &a);
    T("cancel-head-moves-deadline", deadline == 700);
    T("cancel-disarms", !ev_armed(&a) && ev_armed(&b));
    run_to(650);
    T("nothing-due", log_buf[0] == 0);
    ev_schedule(&q, &b, 660); /* earlier */
    T("reschedule-earlier", deadline == 660);
    run_to(660);
    T("due-at-exact-cycle", !strcmp(log_buf, "b@660 "));

    log_buf[0] = 0;
    ev_init(&chain_ev, "chain", chain, "x");
    ev_schedule(&q, &a, 800);
    ev_schedule(&q, &chain_ev, 800);
    /* x re-arms itself for a time already reached: it runs again in the
     * same dispatch (three times in all) */
    run_to(800);
    T("scheduled-during-dispatch", !strcmp(log_buf, "a@800 x@800 x@800 x@800 "));
    T("dispatch-leaves-deadline", deadline == UINT64_MAX);

    log_buf[0] = 0;
    ev_schedule(&q, &a, 900);
    ev_schedule(&q, &b, 950);
    b.keep_on_reset = true;
    ev_reset(&q);
    T("reset-keeps-outside-events", !ev_armed(&a) && ev_armed(&b) && deadline == 950);
    run_to(1000);
    T("reset-survivor-runs", !strcmp(log_buf, "b@950 "));
    return failures ? 1 : 0;
}

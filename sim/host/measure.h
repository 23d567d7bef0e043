/*
 * vpsim measurements from outside the code under test (make bench):
 *   --measure NAME=FROM..TO   cycles and instructions from each FROM event to
 *                             the next TO event; min/median/max at the end
 *   --events FILE             every VZ/interrupt event, one line each
 * Events: pc:ADDR|SYMBOL[+OFF] (that instruction is about to execute),
 * exc[:CODE] (root exception entry), guest-entry[:ID] (first guest-mode
 * instruction after root), guest-exit[:CODE] (a root exception taken from
 * guest mode), irq:V (the controller sets IFS bit V), guest-irq (the guest
 * takes an injected interrupt: at its handler's first instruction), root-wait
 * (root executes WAIT: the hypervisor idles). In --events lines a guest-exit
 * with ExcCode 27 (GE) carries the GExcCode as a fifth field.
 */
#ifndef SIM_HOST_MEASURE_H
#define SIM_HOST_MEASURE_H

#include <stdbool.h>
#include <stddef.h>

struct soc;

/* Parses one --measure argument; false with a message in err. */
bool measure_add(const char *spec, char *err, size_t errlen);
bool measure_events_file(const char *path, char *err, size_t errlen);
/* --timeline FILE: guest-mode slices per GuestID, root exceptions and
 * interrupts, as Chrome trace-event JSON (chrome://tracing, Perfetto). */
bool measure_timeline_file(const char *path, char *err, size_t errlen);
/* Resolves symbols against the loaded images and installs the hooks
 * (after --trace set its own, which keeps working). */
bool measure_start(struct soc *s, const char *const *images, unsigned nimages, char *err,
                   size_t errlen);
/* Prints the results (stderr, and JSON to --measure-json FILE if given). */
void measure_report(void);
bool measure_json_file(const char *path, char *err, size_t errlen);
void measure_free(void);

#endif

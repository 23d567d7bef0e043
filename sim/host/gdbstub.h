/*
 * vpsim: GDB remote serial protocol stub (vpsim --gdb PORT IMAGE).
 *
 * The stub listens on 127.0.0.1:PORT before the first instruction runs and
 * serves one debugger: registers (the classic MIPS numbering, also given
 * as a target description), memory (RAM and flash only: the SFR window is
 * refused, so a debugger read never has a side effect on a peripheral),
 * continue, step, software breakpoints (Z0, checked on the PC by the core's
 * trace hook — installed only while a breakpoint is set or a step runs, so
 * a debugger that lets the program run costs nothing), ^C, kill, detach.
 * Simulated time stands still while the target is stopped; stopping and
 * resuming do not change the run's cycle count (docs/simulator.md,
 * "Traces and debugging").
 */
#ifndef SIM_HOST_GDBSTUB_H
#define SIM_HOST_GDBSTUB_H

#include <stdbool.h>
#include <stddef.h>

struct soc;

/* Runs the simulation under the debugger instead of soc_run(). port 0
 * picks a free port. The listening port is announced on stderr as
 * "vpsim: gdb: listening on 127.0.0.1:PORT". Returns when the program
 * ends (c->stop as soc_run leaves it), after 'D' or a closed connection
 * (the run then continues to its end without the debugger) or after 'k'
 * (c->stop = CPU_STOP_EXIT with exit code 0). The run limit in
 * c->limit_cycles is honoured. False (message in err) if the socket
 * cannot be opened or accepted. */
bool gdbstub_run(struct soc *s, unsigned port, char *err, size_t errlen);

#endif /* SIM_HOST_GDBSTUB_H */

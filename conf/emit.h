/*
 * Writes the outputs of a checked model into outdir (created if needed),
 * atomically (see emit.c). outdir NULL: build everything, write nothing
 * (--check, fuzzing). Returns 0, or -1 after an I/O error was printed.
 */
#ifndef CONF_EMIT_H
#define CONF_EMIT_H

#include "model.h"

int emit_all(const struct model *m, const char *cfgname, const char *outdir);

#endif

/*
 * Writes the outputs of a checked model into outdir (created if needed),
 * atomically (see emit.c). outdir NULL: build everything, write nothing
 * but the dependency file, if asked for (--check, fuzzing). Returns 0, or
 * -1 after an I/O error was printed.
 */
#ifndef CONF_EMIT_H
#define CONF_EMIT_H

#include "model.h"

/* The make dependency file (--depfile): written atomically with the
 * outputs, to path, a rule for targets[0..nr_targets). */
struct emit_dep {
    const char *path;
    const char *const *targets;
    int nr_targets;
};

/* dep may be NULL (no dependency file); with outdir NULL only dep->path is
 * written. */
int emit_all(const struct model *m, const char *cfgname, const char *outdir, const struct emit_dep *dep);

#endif

/*
 * vpconf as a library: one call from a YAML text to checked outputs. Used
 * by the command line (main.c) and the fuzz harness.
 */
#ifndef CONF_VPCONF_H
#define CONF_VPCONF_H

#include <stddef.h>

#define VPCONF_OK 0
#define VPCONF_CONFIG_ERROR 1
#define VPCONF_USAGE_ERROR 2

struct vpconf_opts {
    const char *config_path;  /* for messages and relative image paths */
    const char *outdir;       /* NULL: check only */
    const char *const *image_dirs;
    int nr_image_dirs;
    int werror;               /* warnings count as errors */
    const char *depfile;      /* NULL: none; else a make rule for dep_targets */
    const char *const *dep_targets;
    int nr_dep_targets;
};

/* Checks buf (the contents of config_path) and writes the outputs.
 * Returns VPCONF_OK or VPCONF_CONFIG_ERROR (diagnostics printed). */
int vpconf_run(const struct vpconf_opts *o, const unsigned char *buf, size_t len);

#endif

/*
 * vpconf SYSTEM.yaml -o OUTDIR [-L DIR]... [--check] [--Werror]
 * Exit status: 0 ok, 1 configuration errors (all reported), 2 usage errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vpconf.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: vpconf SYSTEM.yaml -o OUTDIR [-L DIR]... [--Werror]\n"
            "       vpconf SYSTEM.yaml --check [-L DIR]...\n"
            "Checks a tinyVP system description and writes the hypervisor's tables,\n"
            "the placement report and the flash layout into OUTDIR.\n"
            "  -o OUTDIR   output directory (created; files replaced atomically)\n"
            "  -L DIR      look for guest images in DIR first (repeatable)\n"
            "  --check     check only, write nothing\n"
            "  --Werror    treat warnings as errors\n"
            "Exit status: 0 ok, 1 configuration errors, 2 usage errors.\n"
            "The format is described in docs/config.md.\n");
}

int main(int argc, char **argv)
{
    const char *cfg = NULL, *out = NULL;
    const char *dirs[32];
    int nd = 0, check = 0, werror = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "-o") && i + 1 < argc) {
            out = argv[++i];
        } else if (!strcmp(a, "-L") && i + 1 < argc) {
            if (nd == 32) { fprintf(stderr, "vpconf: too many -L\n"); return 2; }
            dirs[nd++] = argv[++i];
        } else if (!strcmp(a, "--check")) {
            check = 1;
        } else if (!strcmp(a, "--Werror")) {
            werror = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "vpconf: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        } else if (!cfg) {
            cfg = a;
        } else {
            fprintf(stderr, "vpconf: more than one system description ('%s', '%s')\n", cfg, a);
            return 2;
        }
    }
    if (!cfg || (!out && !check)) {
        usage(stderr);
        return 2;
    }
    FILE *f = fopen(cfg, "rb");
    if (!f) {
        fprintf(stderr, "vpconf: cannot open '%s'\n", cfg);
        return 2;
    }
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + len, 1, cap - len, f)) > 0) {
        len += r;
        if (len == cap) {
            if (cap >= (16u << 20)) { fprintf(stderr, "vpconf: '%s' is too large\n", cfg); return 2; }
            buf = realloc(buf, cap *= 2);
        }
    }
    fclose(f);
    if (!buf) { perror("vpconf"); return 2; }
    struct vpconf_opts o = { cfg, check ? NULL : out, dirs, nd, werror };
    int rc = vpconf_run(&o, buf, len);
    free(buf);
    return rc;
}

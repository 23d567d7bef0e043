/*
 * vpconf's command line (GNU getopt_long; vpconf --help lists it).
 * Exit status: 0 ok, 1 configuration errors (all reported), 2 usage errors.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "chip.h"
#include "vpconf.h"

#ifndef TINYVP_VERSION
#define TINYVP_VERSION "unknown" /* the Makefile passes the VERSION file's */
#endif

/* The device library as a Markdown table (docs/config.md includes it). */
static int list_devices(void)
{
    const struct chip *c = boards[0]->chip;
    printf("| device | SFR ranges (physical) | vectors | SB target | PMD | DMA initiator | default access |\n");
    printf("|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < c->nr_devices; i++) {
        const struct chip_device *d = &c->devices[i];
        printf("| %s | ", d->name);
        if (!d->ranges[0].size) printf("none");
        for (int r = 0; r < CHIP_MAX_RANGES && d->ranges[r].size; r++)
            printf("%s0x%08X+0x%X", r ? ", " : "", d->ranges[r].base, d->ranges[r].size);
        printf(" | ");
        if (!d->vecs[0].count) printf("-");
        for (int v = 0; v < CHIP_MAX_VECS && d->vecs[v].count; v++) {
            if (d->vecs[v].count == 1) printf("%s%u", v ? ", " : "", d->vecs[v].first);
            else printf("%s%u-%u", v ? ", " : "", d->vecs[v].first, d->vecs[v].first + d->vecs[v].count - 1);
        }
        printf(" | %s%d | ", d->sb_target < 0 ? "" : "T", d->sb_target);
        if (d->pmd_reg) printf("PMD%d.%d", d->pmd_reg, d->pmd_bit); else printf("-");
        if (d->dma_pg_shift >= 0) printf(" | CFGPG bits %d-%d", d->dma_pg_shift + 1, d->dma_pg_shift); else printf(" | no");
        printf(" | %s |\n", d->flags & CHIP_HV_ONLY ? "hypervisor only" : d->flags & CHIP_IMPLICIT ? "emulated, implicit for every guest" : access_word(d->default_access));
    }
    return 0;
}

/* In the form help2man turns into a manual page: usage, description,
 * options with their long forms, then sections. */
static void usage(void)
{
    printf("Usage: vpconf [OPTION]... SYSTEM.yaml -o DIR\n"
           "  or:  vpconf [OPTION]... SYSTEM.yaml --check\n"
           "  or:  vpconf --devices\n"
           "Check a tinyVP system description (YAML) and the guest images it names, then\n"
           "write the hypervisor's static tables, the placement report, pictures of the\n"
           "schedule and the memory map (SVG) and the flash layout into DIR.\n"
           "\n"
           "  -o, --output=DIR       write the outputs into DIR (created; every file is\n"
           "                           replaced atomically, nothing is written on error)\n"
           "  -L, --image-dir=DIR    look for guest images in DIR first (repeatable; then\n"
           "                           next to SYSTEM.yaml, then the current directory)\n"
           "      --check            check only, write no outputs\n"
           "      --Werror           treat warnings as errors\n"
           "      --depfile=FILE     also write FILE, a make rule: the outputs depend on\n"
           "                           SYSTEM.yaml and on every guest image it names, as\n"
           "                           found through the search above\n"
           "      --dep-target=T     the target of that rule (repeatable; default\n"
           "                           DIR/tinyvp_config.c)\n"
           "      --devices          print the device library as a Markdown table and exit\n"
           "  -h, --help             display this help and exit\n"
           "  -V, --version          output version information and exit\n"
           "\n"
           "Exit status:\n"
           "  0  ok (warnings may have been printed)\n"
           "  1  configuration errors (all printed), or an output could not be written\n"
           "  2  usage error: a bad option, SYSTEM.yaml missing or unreadable\n"
           "\n"
           "The description format and the outputs are documented in docs/config.md.\n");
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        fprintf(stderr, "vpconf: ");
        vfprintf(stderr, fmt, ap);
        fprintf(stderr, "\n");
        va_end(ap);
    }
    fprintf(stderr, "Try 'vpconf --help' for more information.\n");
    return VPCONF_USAGE_ERROR;
}

enum { OPT_CHECK = 256, OPT_WERROR, OPT_DEVICES, OPT_DEPFILE, OPT_DEP_TARGET };

static const struct option long_opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "image-dir", required_argument, NULL, 'L' },
    { "check", no_argument, NULL, OPT_CHECK },
    { "Werror", no_argument, NULL, OPT_WERROR },
    { "depfile", required_argument, NULL, OPT_DEPFILE },
    { "dep-target", required_argument, NULL, OPT_DEP_TARGET },
    { "devices", no_argument, NULL, OPT_DEVICES },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 },
};

int main(int argc, char **argv)
{
    const char *cfg = NULL, *out = NULL, *depfile = NULL;
    /* -L and --dep-target values: at most one per argument */
    const char **dirs = calloc((size_t)argc, sizeof *dirs);
    const char **targets = calloc((size_t)argc + 1, sizeof *targets);
    int nd = 0, nt = 0, check = 0, werror = 0, c;
    if (!dirs || !targets) { perror("vpconf"); return VPCONF_USAGE_ERROR; }
    /* "-": operands come back as option 1, so the description may stand
     * anywhere, whatever POSIXLY_CORRECT says. getopt prints the message
     * for an unknown option or a missing argument. */
    while ((c = getopt_long(argc, argv, "-o:L:hV", long_opts, NULL)) != -1) {
        switch (c) {
        case 1:
            if (cfg) return usage_error("more than one system description ('%s', '%s')", cfg, optarg);
            cfg = optarg;
            break;
        case 'o': out = optarg; break;
        case 'L': dirs[nd++] = optarg; break;
        case OPT_CHECK: check = 1; break;
        case OPT_WERROR: werror = 1; break;
        case OPT_DEPFILE: depfile = optarg; break;
        case OPT_DEP_TARGET: targets[nt++] = optarg; break;
        case OPT_DEVICES: return list_devices();
        case 'h': usage(); return 0;
        case 'V': printf("vpconf %s\n", TINYVP_VERSION); return 0;
        default: return usage_error(NULL);
        }
    }
    for (; optind < argc; optind++) { /* operands after "--" */
        if (cfg) return usage_error("more than one system description ('%s', '%s')", cfg, argv[optind]);
        cfg = argv[optind];
    }
    if (!cfg) return usage_error("no system description (SYSTEM.yaml)");
    if (!out && !check) return usage_error("no output directory: give -o DIR, or --check");
    if (check) out = NULL;
    char *deftarget = NULL;
    if (depfile && !nt) {
        if (!out) return usage_error("--depfile with --check needs --dep-target");
        size_t n = strlen(out) + sizeof "/tinyvp_config.c";
        deftarget = malloc(n);
        if (!deftarget) { perror("vpconf"); return VPCONF_USAGE_ERROR; }
        snprintf(deftarget, n, "%s/tinyvp_config.c", out);
        targets[nt++] = deftarget;
    }
    if (nt && !depfile) return usage_error("--dep-target without --depfile");

    FILE *f = fopen(cfg, "rb");
    if (!f) {
        fprintf(stderr, "vpconf: cannot open '%s': %s\n", cfg, strerror(errno));
        return VPCONF_USAGE_ERROR;
    }
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + len, 1, cap - len, f)) > 0) {
        len += r;
        if (len == cap) {
            if (cap >= (16u << 20)) { fprintf(stderr, "vpconf: '%s' is too large\n", cfg); return VPCONF_USAGE_ERROR; }
            buf = realloc(buf, cap *= 2);
        }
    }
    fclose(f);
    if (!buf) { perror("vpconf"); return VPCONF_USAGE_ERROR; }
    struct vpconf_opts o = { cfg, out, dirs, nd, werror, depfile, targets, nt };
    int rc = vpconf_run(&o, buf, len);
    free(buf);
    free(deftarget);
    free(dirs);
    free(targets);
    return rc;
}

/*
 * vpconf SYSTEM.yaml -o OUTDIR [-L DIR]... [--check] [--Werror]
 * Exit status: 0 ok, 1 configuration errors (all reported), 2 usage errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chip.h"
#include "vpconf.h"

static const char *const access_word[] = { "none", "exclusive", "emulated", "write-ignore", "write-ignore-log" };

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
        printf(" | %s |\n", d->flags & CHIP_HV_ONLY ? "hypervisor only" : d->flags & CHIP_IMPLICIT ? "emulated, implicit for every guest" : access_word[d->default_access]);
    }
    return 0;
}

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
            "  --devices   print the device library (Markdown) and exit\n"
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
        } else if (!strcmp(a, "--devices")) {
            return list_devices();
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

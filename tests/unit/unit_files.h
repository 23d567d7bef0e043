/*
 * Files for the host unit tests: paths in a fixture or scratch directory
 * and whole-file reads. Header-only (static functions): each test program
 * is one translation unit plus the code it tests.
 */
#ifndef TESTS_UNIT_UNIT_FILES_H
#define TESTS_UNIT_UNIT_FILES_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* dir/name in one of 4 rotating buffers (so a few may be alive at once). */
static inline const char *unit_path(const char *dir, const char *name)
{
    static char path[4][512];
    static int slot;
    char *p = path[slot++ % 4];
    snprintf(p, sizeof(path[0]), "%s/%s", dir, name);
    return p;
}

/* The whole file, NUL-terminated (malloc'd), its length in *len; NULL if
 * it cannot be opened. */
static inline uint8_t *unit_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap + 1);
    for (;;) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        cap *= 2;
        buf = realloc(buf, cap + 1);
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

#endif

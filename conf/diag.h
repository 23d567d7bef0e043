/*
 * Diagnostics: every problem vpconf finds is collected here and printed
 * together at the end, as "file:line:col: error: message" (GCC style), so a
 * user sees all mistakes of a configuration in one run.
 */
#ifndef CONF_DIAG_H
#define CONF_DIAG_H

#include <stdarg.h>

/* A position in the configuration file (1-based; 0 = unknown). */
struct pos {
    int line, col;
};

void diag_init(const char *file);
void diag_error(struct pos p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void diag_warning(struct pos p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* An error not tied to a place in the config (e.g. an image file). */
void diag_error_file(const char *file, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* An error at a place in another file (an Intel HEX image's line and column). */
void diag_error_in(const char *file, struct pos p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int diag_errors(void);
int diag_warnings(void);
/* Prints everything collected, errors and warnings in file order. */
void diag_flush(void);
/* Drops everything (used by the fuzz harness between inputs). */
void diag_reset(void);
/* When set, diag_flush prints nothing (fuzzing). */
void diag_set_quiet(int quiet);

/* Levenshtein distance, for "did you mean" suggestions. */
int diag_distance(const char *a, const char *b);
/* The candidate nearest to `word` (NULL-terminated list), or NULL when none
 * is close enough to be a plausible misspelling. */
const char *diag_nearest(const char *word, const char *const *cands, int n);

#endif

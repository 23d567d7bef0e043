#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct diag_msg {
    struct pos p;
    int is_error;
    int seq;
    char *file;
    char *text;
};

static const char *diag_file = "<config>";
static struct diag_msg *msgs;
static int nr_msgs, cap_msgs, nr_err, nr_warn, quiet;

void diag_init(const char *file) { diag_file = file; }
void diag_set_quiet(int q) { quiet = q; }

static void add(const char *file, struct pos p, int is_error, const char *fmt, va_list ap)
{
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    for (int i = 0; i < nr_msgs; i++) /* one message per place and text */
        if (msgs[i].p.line == p.line && msgs[i].p.col == p.col &&
            !strcmp(msgs[i].text, buf) && !strcmp(msgs[i].file, file))
            return;
    if (nr_msgs == cap_msgs) {
        cap_msgs = cap_msgs ? 2 * cap_msgs : 32;
        msgs = realloc(msgs, cap_msgs * sizeof *msgs);
        if (!msgs) { perror("vpconf"); exit(2); }
    }
    msgs[nr_msgs] = (struct diag_msg){ p, is_error, nr_msgs, strdup(file), strdup(buf) };
    nr_msgs++;
    if (is_error) nr_err++; else nr_warn++;
}

void diag_error(struct pos p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(diag_file, p, 1, fmt, ap);
    va_end(ap);
}

void diag_warning(struct pos p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(diag_file, p, 0, fmt, ap);
    va_end(ap);
}

void diag_error_file(const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(file, (struct pos){ 0, 0 }, 1, fmt, ap);
    va_end(ap);
}

void diag_error_in(const char *file, struct pos p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(file, p, 1, fmt, ap);
    va_end(ap);
}

int diag_errors(void) { return nr_err; }
int diag_warnings(void) { return nr_warn; }

static int cmp_msg(const void *a, const void *b)
{
    const struct diag_msg *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c) return c;
    if (x->p.line != y->p.line) return x->p.line - y->p.line;
    if (x->p.col != y->p.col) return x->p.col - y->p.col;
    return x->seq - y->seq;
}

void diag_flush(void)
{
    if (nr_msgs) qsort(msgs, nr_msgs, sizeof *msgs, cmp_msg);
    for (int i = 0; i < nr_msgs && !quiet; i++) {
        const struct diag_msg *m = &msgs[i];
        const char *kind = m->is_error ? "error" : "warning";
        if (m->p.line > 0)
            fprintf(stderr, "%s:%d:%d: %s: %s\n", m->file, m->p.line, m->p.col, kind, m->text);
        else
            fprintf(stderr, "%s: %s: %s\n", m->file, kind, m->text);
    }
    diag_reset();
}

void diag_reset(void)
{
    for (int i = 0; i < nr_msgs; i++) {
        free(msgs[i].file);
        free(msgs[i].text);
    }
    free(msgs);
    msgs = NULL;
    nr_msgs = cap_msgs = nr_err = nr_warn = 0;
}

int diag_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return 1000;
    int d[65][65];
    for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1;
            /* adjacent transposition counts as one edit */
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < c)
                c = d[i - 2][j - 2] + 1;
            d[i][j] = c;
        }
    return d[la][lb];
}

const char *diag_nearest(const char *word, const char *const *cands, int n)
{
    const char *best = NULL;
    int best_d = 1000;
    for (int i = 0; i < n; i++) {
        int d = diag_distance(word, cands[i]);
        if (d < best_d) { best_d = d; best = cands[i]; }
    }
    /* plausible misspelling: at most a third of the word, at least 1 edit
     * allowed, or the word is a prefix/suffix-truncated form */
    int len = (int)strlen(word);
    int limit = len / 3 > 1 ? len / 3 : 1;
    if (len >= 3) limit = limit < 2 ? 2 : limit;
    /* never a complete rewrite: 'c' is no misspelling of 'a' */
    return best_d <= limit && best_d < len ? best : NULL;
}

/*
 * A growing text buffer: every output of vpconf is built in one of these
 * before anything is written (see emit.c). Out of memory ends the program
 * (exit status 2): there is nothing sensible to write then.
 */
#ifndef CONF_SBUF_H
#define CONF_SBUF_H

#include <stddef.h>

struct sbuf {
    char *s;
    size_t len, cap;
};

void sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_bytes(struct sbuf *b, const void *d, size_t n);
/* s as XML character data or attribute value: & < > " ' become entity
 * references (XML 1.0, sec. 2.4); control characters other than tab and
 * newline, which XML 1.0 does not allow at all, become '?'. */
void sb_xml(struct sbuf *b, const char *s);
/* s as a word of a make rule: space, tab and '#' get a backslash, '$'
 * is doubled (what GCC's -MD does for file names). */
void sb_make_word(struct sbuf *b, const char *s);

#endif

#include "sbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void sb_reserve(struct sbuf *b, size_t n)
{
    if (b->len + n + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + n + 1) cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) { perror("vpconf"); exit(2); }
    b->s = s;
    b->cap = cap;
}

void sb_printf(struct sbuf *b, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        size_t room = b->cap - b->len;
        va_start(ap, fmt);
        int n = vsnprintf(b->s ? b->s + b->len : NULL, room, fmt, ap);
        va_end(ap);
        if (n < 0) return;
        if ((size_t)n < room) {
            b->len += (size_t)n;
            return;
        }
        sb_reserve(b, (size_t)n);
    }
}

void sb_bytes(struct sbuf *b, const void *d, size_t n)
{
    sb_reserve(b, n);
    memcpy(b->s + b->len, d, n);
    b->len += n;
    b->s[b->len] = 0;
}

void sb_xml(struct sbuf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': sb_bytes(b, "&amp;", 5); break;
        case '<': sb_bytes(b, "&lt;", 4); break;
        case '>': sb_bytes(b, "&gt;", 4); break;
        case '"': sb_bytes(b, "&quot;", 6); break;
        case '\'': sb_bytes(b, "&apos;", 6); break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n') c = '?';
            sb_bytes(b, &c, 1);
        }
    }
}

void sb_make_word(struct sbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '#') sb_bytes(b, "\\", 1);
        if (*s == '$') sb_bytes(b, "$", 1);
        sb_bytes(b, s, 1);
    }
}

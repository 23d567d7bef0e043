/* Unit tests of vpconf's text buffer (conf/sbuf.c): growth past the first
 * allocation, the XML escaping every name in the SVG pictures goes through
 * (XML 1.0, sec. 2.4: & and < never literal in character data; quotes
 * escaped for attribute values; control characters XML cannot hold), and
 * the make escaping of file names in the dependency file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"

static int failures;
#define T(name, cond)                                                              \
    do {                                                                           \
        if (cond)                                                                  \
            printf("ok sbuf/%s\n", name);                                          \
        else {                                                                     \
            printf("FAIL sbuf/%s: %s (line %d)\n", name, #cond, __LINE__);         \
            failures++;                                                            \
        }                                                                          \
    } while (0)

static const char *xml(const char *s)
{
    static struct sbuf b;
    b.len = 0;
    sb_xml(&b, s);
    sb_bytes(&b, "", 0);
    return b.s;
}

static const char *mk(const char *s)
{
    static struct sbuf b;
    b.len = 0;
    sb_make_word(&b, s);
    sb_bytes(&b, "", 0);
    return b.s;
}

int main(void)
{
    struct sbuf b = { 0 };
    for (int i = 0; i < 1000; i++) sb_printf(&b, "%04d,", i);
    int good = b.len == 5000 && !memcmp(b.s, "0000,0001,", 10) && !memcmp(b.s + 4995, "0999,", 5);
    T("printf-grows", good);
    free(b.s);

    T("xml-plain", !strcmp(xml("ctrl-1 net_2"), "ctrl-1 net_2"));
    T("xml-amp-lt-gt", !strcmp(xml("a&b<c>d"), "a&amp;b&lt;c&gt;d"));
    T("xml-quotes", !strcmp(xml("say \"hi\" 'x'"), "say &quot;hi&quot; &apos;x&apos;"));
    T("xml-already-escaped-text", !strcmp(xml("&amp;"), "&amp;amp;"));
    T("xml-control-chars", !strcmp(xml("a\x01z\tb\nc\x1f"), "a?z\tb\nc?"));
    T("xml-utf8-kept", !strcmp(xml("\xc2\xb5s"), "\xc2\xb5s"));
    T("xml-empty", !strcmp(xml(""), ""));

    T("make-plain", !strcmp(mk("build/img/a.elf"), "build/img/a.elf"));
    T("make-space-tab", !strcmp(mk("my dir/a\tb.elf"), "my\\ dir/a\\\tb.elf"));
    T("make-hash-dollar", !strcmp(mk("x#1$y.hex"), "x\\#1$$y.hex"));
    return failures ? 1 : 0;
}

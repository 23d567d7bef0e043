#include "access.h"

#include <stdio.h>

static const struct {
    const char *word, *c_name;
} modes[] = {
    [TVP_ACCESS_NONE] = { "none", "TVP_ACCESS_NONE" },
#define ACCESS_ENTRY(e, w) [e] = { w, #e },
    TVP_ACCESS_MODES(ACCESS_ENTRY)
#undef ACCESS_ENTRY
};

#define NR_MODES (int)(sizeof modes / sizeof modes[0])

const char *access_word(int access)
{
    return access >= 0 && access < NR_MODES && modes[access].word ? modes[access].word : "?";
}

const char *access_c_name(int access)
{
    return access >= 0 && access < NR_MODES && modes[access].c_name ? modes[access].c_name : "TVP_ACCESS_NONE";
}

char *access_words_except(char *buf, size_t n, int except)
{
    size_t len = 0;
    if (n) buf[0] = 0;
    for (int a = TVP_ACCESS_NONE + 1; a < NR_MODES; a++) {
        if (a == except || !modes[a].word) continue;
        int w = snprintf(buf + len, n - len, "%s%s", len ? ", " : "", modes[a].word);
        if (w < 0 || (size_t)w >= n - len) break;
        len += (size_t)w;
    }
    return buf;
}

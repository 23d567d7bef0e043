/* String and memory functions written here (not the runtime's), checked
 * against hand-known results and against each other. */
#include "../../lib/test.h"

static size_t my_strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

static char *my_strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return 0;
    }
}

static char *my_strrchr(const char *s, int c)
{
    const char *r = 0;
    do {
        if (*s == (char)c)
            r = s;
    } while (*s++);
    return (char *)r;
}

static int my_strncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b)
            return (unsigned char)*a - (unsigned char)*b;
        if (!*a)
            return 0;
    }
    return 0;
}

static char *my_strstr(const char *h, const char *n)
{
    size_t ln = my_strlen(n);
    for (; *h; h++)
        if (!my_strncmp(h, n, ln))
            return (char *)h;
    return ln ? 0 : (char *)h;
}

static void my_reverse(char *s)
{
    size_t n = my_strlen(s);
    for (size_t i = 0; i < n / 2; i++) {
        char t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
}

static int my_atoi(const char *s)
{
    int neg = 0, v = 0;
    while (*s == ' ')
        s++;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (*s++ - '0');
    return neg ? -v : v;
}

static void my_itoa(int v, char *out)
{
    char tmp[12];
    int i = 0;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do {
        tmp[i++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *out++ = '-';
    while (i)
        *out++ = tmp[--i];
    *out = 0;
}

static void to_upper(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s -= 'a' - 'A';
}

/* unaligned copies of every length/offset pair, compared bytewise */
static unsigned char src[64], dst[80];
static int copy_check(void)
{
    int bad = 0;
    for (int i = 0; i < 64; i++)
        src[i] = (unsigned char)(i * 7 + 3);
    for (int so = 0; so < 4; so++)
        for (int d0 = 0; d0 < 4; d0++)
            for (int n = 0; n < 40; n++) {
                memset(dst, 0xee, sizeof dst);
                memcpy(dst + d0, src + so, (size_t)n);
                for (int k = 0; k < 80; k++) {
                    int want = (k >= d0 && k < d0 + n) ? src[so + k - d0] : 0xee;
                    if (dst[k] != want)
                        bad++;
                }
            }
    return bad;
}

static volatile char words_v[] = "the quick brown fox jumps over the lazy dog";

int main(void)
{
    char buf[64];
    const char *w = (const char *)words_v;
    CHECK_EQ(my_strlen(w), 43);
    CHECK_EQ(my_strlen(""), 0);
    CHECK_EQ(my_strchr(w, 'q') - w, 4);
    CHECK_EQ(my_strrchr(w, 'o') - w, 41);
    CHECK(my_strchr(w, 'Z') == 0);
    CHECK_EQ(my_strchr(w, 0) - w, 43);
    CHECK_EQ(my_strstr(w, "fox") - w, 16);
    CHECK_EQ(my_strstr(w, "the") - w, 0);
    CHECK_EQ(my_strstr(w + 1, "the") - w, 31);
    CHECK(my_strstr(w, "cat") == 0);
    CHECK(my_strncmp("abcd", "abce", 3) == 0);
    CHECK(my_strncmp("abcd", "abce", 4) < 0);
    CHECK(my_strncmp("b", "a", 1) > 0);
    CHECK(my_strncmp("\xff", "a", 1) > 0);   /* unsigned compare */

    strcpy(buf, w);
    my_reverse(buf);
    CHECK(strcmp(buf, "god yzal eht revo spmuj xof nworb kciuq eht") == 0);
    to_upper(buf);
    CHECK(strcmp(buf, "GOD YZAL EHT REVO SPMUJ XOF NWORB KCIUQ EHT") == 0);

    CHECK_EQ(my_atoi("  -12345"), -12345);
    CHECK_EQ(my_atoi("+2147483647"), 2147483647);
    CHECK_EQ(my_atoi("0"), 0);
    my_itoa(-2147483647 - 1, buf);
    CHECK(strcmp(buf, "-2147483648") == 0);
    my_itoa(1000000, buf);
    CHECK(strcmp(buf, "1000000") == 0);
    for (int v = -1000; v <= 1000; v += 37) {
        my_itoa(v, buf);
        CHECK_EQ(my_atoi(buf), v);
    }

    CHECK_EQ(copy_check(), 0);
    /* overlapping move both ways */
    for (int i = 0; i < 16; i++)
        buf[i] = (char)('a' + i);
    memmove(buf + 3, buf, 10);
    CHECK(memcmp(buf, "abcabcdefghijnop", 16) == 0);
    memmove(buf, buf + 3, 10);
    CHECK(memcmp(buf, "abcdefghijhijnop", 16) == 0);
    return t_done("isa/c str");
}

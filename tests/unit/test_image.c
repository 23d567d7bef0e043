/*
 * Unit tests of the shared image reader host/image.c (include/tinyvp/
 * image.h): what it says about an image (format, ISA, entry, pieces, the
 * flat view) and where it places an error. The fixtures are built by the
 * cross toolchain (tests/unit/rules.mk, tests/conf/rules.mk); corrupt and
 * re-ended copies are made here. vpsim's use of it is tested by
 * test_loader, vpconf's by tests/conf.
 * Prints one "ok <name>" or "FAIL <name>: <why>" line per test.
 */
#include <elf.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tinyvp/image.h>

#include "unit_files.h"

#if !defined(LOADER_FIXTURES) || !defined(CONF_IMG)
#error "LOADER_FIXTURES and CONF_IMG (directories of the built fixtures) must be defined"
#endif

static char why[1024];

#define CHECK(cond, ...)                                                                                          \
    do {                                                                                                          \
        if (!(cond)) {                                                                                            \
            snprintf(why, sizeof(why), __VA_ARGS__);                                                              \
            return false;                                                                                         \
        }                                                                                                         \
    } while (0)


static struct image img, img2;
static struct image_error err;

static bool read_ok(const char *path, struct image *i)
{
    int rc = image_read(path, i, &err);
    CHECK(rc == 0, "%s: %s", path, err.msg);
    return true;
}

/* Two readings say the same: format, ISA, entry, every piece and run. */
static bool same_image(const struct image *a, const struct image *b)
{
    CHECK(a->format == b->format && a->isa == b->isa, "format/ISA differ");
    CHECK(a->has_entry == b->has_entry && a->entry == b->entry, "entry 0x%08X vs 0x%08X", a->entry, b->entry);
    CHECK(a->nchunks == b->nchunks, "%zu pieces vs %zu", a->nchunks, b->nchunks);
    for (size_t i = 0; i < a->nchunks; i++) {
        const struct image_chunk *x = &a->chunks[i], *y = &b->chunks[i];
        CHECK(x->addr == y->addr && x->pa == y->pa && x->filesz == y->filesz && x->memsz == y->memsz &&
                  x->origin == y->origin && memcmp(x->data, y->data, x->filesz) == 0,
              "piece %zu differs (0x%08X/%u line %u vs 0x%08X/%u line %u)", i, x->pa, x->filesz, x->origin,
              y->pa, y->filesz, y->origin);
    }
    return true;
}

static bool same_segs(const struct image *a, const struct image *b)
{
    CHECK(a->nsegs == b->nsegs, "%zu runs vs %zu", a->nsegs, b->nsegs);
    for (size_t i = 0; i < a->nsegs; i++)
        CHECK(a->segs[i].addr == b->segs[i].addr && a->segs[i].size == b->segs[i].size &&
                  memcmp(a->segs[i].data, b->segs[i].data, a->segs[i].size) == 0,
              "run %zu differs: 0x%08X+%u vs 0x%08X+%u", i, a->segs[i].addr, a->segs[i].size, b->segs[i].addr,
              b->segs[i].size);
    return true;
}

/* ---- what an image is ----------------------------------------------------- */

static bool t_elf(void)
{
    if (!read_ok(unit_path(LOADER_FIXTURES, "img.elf"), &img))
        return false;
    CHECK(img.format == IMAGE_ELF && img.isa == IMAGE_ISA_MIPS32, "format %d isa %d", img.format, img.isa);
    CHECK(!strcmp(image_isa_name(img.isa), "MIPS32"), "ISA name %s", image_isa_name(img.isa));
    CHECK(img.has_entry && img.entry == 0x9D000000, "entry 0x%08X", img.entry);
    CHECK(img.nchunks == 4, "%zu PT_LOAD pieces, expected 4 (.text, .data, .bss, .boot)", img.nchunks);
    uint64_t filesz = 0, segsz = 0;
    for (size_t i = 0; i < img.nchunks; i++)
        filesz += img.chunks[i].filesz;
    for (size_t i = 0; i < img.nsegs; i++) {
        segsz += img.segs[i].size;
        if (i)
            CHECK(img.segs[i - 1].addr + img.segs[i - 1].size < img.segs[i].addr,
                  "runs %zu and %zu not sorted, disjoint and apart", i - 1, i);
    }
    CHECK(filesz == segsz, "the runs hold %llu bytes, the pieces' file data %llu", (unsigned long long)segsz,
          (unsigned long long)filesz);
    CHECK(img.segs[0].addr == 0x1D000000, "first run at 0x%08X, expected program flash 0x1D000000",
          img.segs[0].addr);
    return true;
}

/* objcopy's HEX of the same ELF: the same bytes at the same places. */
static bool t_hex_same_bytes_as_elf(void)
{
    if (!read_ok(unit_path(LOADER_FIXTURES, "img.elf"), &img) || !read_ok(unit_path(LOADER_FIXTURES, "img.hex"), &img2))
        return false;
    CHECK(img2.format == IMAGE_HEX && img2.isa == IMAGE_ISA_MIPS32, "format %d isa %d", img2.format, img2.isa);
    CHECK(img2.has_entry && img2.entry == 0x9D000000, "entry 0x%08X (type 05 record)", img2.entry);
    return same_segs(&img, &img2);
}

/* CRLF (objcopy, Windows tools) and LF line ends read the same. */
static bool t_hex_crlf_lf(void)
{
    size_t n;
    uint8_t *crlf = unit_slurp(unit_path(LOADER_FIXTURES, "img.hex"), &n);
    CHECK(crlf, "cannot read img.hex");
    CHECK(memchr(crlf, '\r', n), "img.hex has no CR: update this test");
    uint8_t *lf = malloc(n);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (crlf[i] != '\r')
            lf[m++] = crlf[i];
    int ra = image_read_mem("crlf.hex", crlf, n, &img, &err);
    int rb = ra == 0 ? image_read_mem("lf.hex", lf, m, &img2, &err) : -1;
    free(crlf);
    free(lf);
    CHECK(ra == 0 && rb == 0, "%s", err.msg);
    return same_image(&img, &img2) && same_segs(&img, &img2);
}

static bool t_mem_same_as_file(void)
{
    size_t n;
    uint8_t *b = unit_slurp(unit_path(LOADER_FIXTURES, "img.elf"), &n);
    CHECK(b, "cannot read img.elf");
    int rc = image_read_mem("img.elf", b, n, &img2, &err);
    memset(b, 0, n); /* the image must not point into the caller's buffer */
    free(b);
    CHECK(rc == 0, "%s", err.msg);
    if (!read_ok(unit_path(LOADER_FIXTURES, "img.elf"), &img))
        return false;
    CHECK(!strcmp(img2.path, "img.elf"), "path '%s'", img2.path);
    return same_image(&img, &img2) && same_segs(&img, &img2);
}

/* ---- microMIPS ------------------------------------------------------------------ */

static bool t_micromips_elf(void)
{
    if (!read_ok(unit_path(CONF_IMG, "micro.elf"), &img))
        return false;
    CHECK(img.isa == IMAGE_ISA_MICROMIPS, "ISA %s", image_isa_name(img.isa));
    CHECK(strstr(img.isa_why, "EF_MIPS_ARCH_ASE_MICROMIPS"), "why: '%s'", img.isa_why);
    CHECK(img.entry & 1, "entry 0x%08X is even: the fixture is not what this test expects", img.entry);
    return true;
}

/* The flag cleared, the entry still odd (the ISA mode bit): microMIPS. */
static bool t_micromips_odd_entry(void)
{
    size_t n;
    uint8_t *b = unit_slurp(unit_path(CONF_IMG, "micro.elf"), &n);
    CHECK(b && n >= sizeof(Elf32_Ehdr), "cannot read micro.elf");
    ((Elf32_Ehdr *)b)->e_flags &= ~0x02000000u;
    int rc = image_read_mem("odd.elf", b, n, &img, &err);
    uint32_t entry = ((Elf32_Ehdr *)b)->e_entry;
    /* and with an even entry too: MIPS32 */
    ((Elf32_Ehdr *)b)->e_entry &= ~1u;
    int rc2 = image_read_mem("even.elf", b, n, &img2, &err);
    free(b);
    CHECK(rc == 0 && rc2 == 0, "%s", err.msg);
    CHECK(img.isa == IMAGE_ISA_MICROMIPS, "odd entry 0x%08X read as %s", entry, image_isa_name(img.isa));
    CHECK(strstr(img.isa_why, "odd entry address 0x9D000001"), "why: '%s'", img.isa_why);
    CHECK(img2.isa == IMAGE_ISA_MIPS32, "no flag, even entry, read as %s", image_isa_name(img2.isa));
    return true;
}

static bool t_micromips_hex(void)
{
    if (!read_ok(unit_path(CONF_IMG, "micro.hex"), &img))
        return false;
    CHECK(img.isa == IMAGE_ISA_MICROMIPS, "ISA %s", image_isa_name(img.isa));
    CHECK(!strcmp(image_isa_name(img.isa), "microMIPS32"), "ISA name %s", image_isa_name(img.isa));
    CHECK(strstr(img.isa_why, "odd start address 0x9D000001 (line"), "why: '%s'", img.isa_why);
    return true;
}

/* MIPS32 start-up, microMIPS function: both kinds of functions */
static bool t_mixed_elf(void)
{
    if (!read_ok(unit_path(CONF_IMG, "mixed.elf"), &img))
        return false;
    CHECK(img.isa == IMAGE_ISA_MIXED, "ISA %s", image_isa_name(img.isa));
    CHECK(!strcmp(image_isa_name(img.isa), "mixed"), "ISA name %s", image_isa_name(img.isa));
    CHECK(strstr(img.isa_why, "1 MIPS32 and 1 microMIPS functions"), "why: '%s'", img.isa_why);
    return true;
}

/* ---- where errors are ------------------------------------------------------------ */

static bool expect_err(const char *text, unsigned line, unsigned col, const char *frag)
{
    int rc = image_read_mem("t.hex", (const uint8_t *)text, strlen(text), &img, &err);
    CHECK(rc == -1, "accepted");
    CHECK(err.line == line && err.col == col, "at %u:%u, expected %u:%u (%s)", err.line, err.col, line, col,
          err.msg);
    CHECK(strstr(err.msg, frag), "message lacks '%s': %s", frag, err.msg);
    CHECK(img.nchunks == 0 && img.nsegs == 0 && !img.store, "a failed read left pieces behind");
    return true;
}

static bool t_err_checksum(void)
{
    return expect_err(":020000041D00DD\r\n:0400000001020304F1\r\n:00000001FF\r\n", 2, 18,
                      "bad checksum: expected 0xF2, found 0xF1");
}

static bool t_err_bad_char(void)
{
    return expect_err(":020000041D00DD\n:04000000010203x4F2\n:00000001FF\n", 2, 16, "bad character 'x'");
}

static bool t_err_lone_cr(void)
{
    return expect_err(":020000041D00DD\r:00000001FF\r\n", 1, 16, "carriage return");
}

static bool t_err_overlap(void)
{
    return expect_err(":020000041D00DD\n:0400000001020304F2\n:0400020001020304F0\n:00000001FF\n", 3, 1,
                      "overlaps data from line 2");
}

static bool t_err_missing_eof(void)
{
    return expect_err(":020000041D00DD\n:0400000001020304F2\n", 0, 0, "missing end-of-file record");
}

static bool t_err_where(void)
{
    char out[64];
    struct image_error e = {.line = 7, .col = 3};
    image_error_where(&e, "a.hex", out, sizeof out);
    CHECK(!strcmp(out, "a.hex:7:3"), "'%s'", out);
    e.col = 0;
    image_error_where(&e, "a.hex", out, sizeof out);
    CHECK(!strcmp(out, "a.hex:7"), "'%s'", out);
    e.line = 0;
    image_error_where(&e, "a.elf", out, sizeof out);
    CHECK(!strcmp(out, "a.elf"), "'%s'", out);
    return true;
}

int main(void)
{
    static const struct { const char *name; bool (*fn)(void); } tests[] = {
        { "elf", t_elf },
        { "hex-same-bytes-as-elf", t_hex_same_bytes_as_elf },
        { "hex-crlf-same-as-lf", t_hex_crlf_lf },
        { "read-mem-same-as-file", t_mem_same_as_file },
        { "micromips-elf-flag", t_micromips_elf },
        { "micromips-elf-odd-entry", t_micromips_odd_entry },
        { "micromips-hex-odd-start", t_micromips_hex },
        { "mixed-elf", t_mixed_elf },
        { "error-checksum-place", t_err_checksum },
        { "error-bad-char-place", t_err_bad_char },
        { "error-lone-cr", t_err_lone_cr },
        { "error-overlap", t_err_overlap },
        { "error-missing-eof", t_err_missing_eof },
        { "error-where", t_err_where },
    };
    for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
        why[0] = '\0';
        bool ok = tests[i].fn();
        image_free(&img);
        image_free(&img2);
        if (ok)
            printf("ok image/%s\n", tests[i].name);
        else
            printf("FAIL image/%s: %s\n", tests[i].name, why);
        fflush(stdout);
    }
    return 0;
}

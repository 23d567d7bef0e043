/*
 * Unit tests of sim/host/loader.c: real ELF and HEX fixtures built by the
 * cross toolchain (tests/unit/rules.mk), plus corrupt copies made here.
 * Loads go into a fake PIC32MZ memory map that records every byte written.
 * Prints one "ok <name>" or "FAIL <name>: <why>" line per test.
 */
#include <elf.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host/loader.h"
#include "unit_files.h"

#ifndef LOADER_FIXTURES
#error "LOADER_FIXTURES (directory of the built fixtures) must be defined"
#endif

/* ---- fake memory map --------------------------------------------------- */

#define FILL 0xA5 /* what memory holds before a load */

struct region {
    const char *name;
    uint32_t base, size;
    uint8_t *mem;
    uint8_t *written; /* times each byte was written */
};

enum { RAM, FLASH, BOOT, NREGIONS };

static struct region regions[NREGIONS] = {
    [RAM] = { "RAM", 0x00000000, 512 * 1024, NULL, NULL },
    [FLASH] = { "flash", 0x1D000000, 2 * 1024 * 1024, NULL, NULL },
    [BOOT] = { "boot flash", 0x1FC00000, 80 * 1024, NULL, NULL },
};

static unsigned sink_calls;

static void mem_reset(void)
{
    for (int i = 0; i < NREGIONS; i++) {
        struct region *r = &regions[i];
        if (!r->mem) {
            r->mem = malloc(r->size);
            r->written = malloc(r->size);
            if (!r->mem || !r->written) {
                printf("FAIL test_loader: out of memory\n");
                exit(1);
            }
        }
        memset(r->mem, FILL, r->size);
        memset(r->written, 0, r->size);
    }
    sink_calls = 0;
}

static bool sink_write(void *ctx, uint32_t pa, const uint8_t *data, size_t len)
{
    sink_calls++;
    for (int i = 0; i < NREGIONS; i++) {
        struct region *r = &regions[i];
        if (pa >= r->base && (uint64_t)pa + len <= (uint64_t)r->base + r->size) {
            memcpy(r->mem + (pa - r->base), data, len);
            for (size_t k = 0; k < len; k++)
                r->written[pa - r->base + k]++;
            return true;
        }
    }
    return false;
}

static const struct load_sink sink = { NULL, sink_write };

static uint64_t written_total(void)
{
    uint64_t n = 0;
    for (int i = 0; i < NREGIONS; i++)
        for (uint32_t k = 0; k < regions[i].size; k++)
            n += regions[i].written[k];
    return n;
}

/* Bytes written outside [off, off+len) ranges listed, or written twice. */
struct span { int region; uint32_t off, len; };

static bool only_written(const struct span *spans, int n, char *why, size_t whylen)
{
    for (int i = 0; i < NREGIONS; i++) {
        for (uint32_t k = 0; k < regions[i].size; k++) {
            unsigned w = regions[i].written[k];
            bool expected = false;
            for (int s = 0; s < n; s++)
                if (spans[s].region == i && k >= spans[s].off && k < spans[s].off + spans[s].len)
                    expected = true;
            if (w > 1 || (w == 1) != expected) {
                snprintf(why, whylen, "%s+0x%X written %u times, expected %u", regions[i].name, k, w,
                         expected ? 1 : 0);
                return false;
            }
        }
    }
    return true;
}

/* ---- test plumbing ------------------------------------------------------ */

static char why[1024];
static char tmpdir[] = "/tmp/test_loader.XXXXXX";

#define CHECK(cond, ...)                                                                                          \
    do {                                                                                                          \
        if (!(cond)) {                                                                                            \
            snprintf(why, sizeof(why), __VA_ARGS__);                                                              \
            return false;                                                                                         \
        }                                                                                                         \
    } while (0)

static void run(const char *name, bool (*fn)(void))
{
    why[0] = '\0';
    mem_reset();
    if (fn())
        printf("ok loader/%s\n", name);
    else
        printf("FAIL loader/%s: %s\n", name, why);
    fflush(stdout);
}

static const char *fixture(const char *name)
{
    return unit_path(LOADER_FIXTURES, name);
}

static const char *tmpfile_path(const char *name)
{
    return unit_path(tmpdir, name);
}


static const char *spit(const char *name, const void *data, size_t len)
{
    const char *path = tmpfile_path(name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len) {
        printf("FAIL test_loader: cannot write %s\n", path);
        exit(1);
    }
    fclose(f);
    return path;
}

static struct load_info info;
static char err[512];

static int load(const char *path)
{
    memset(&info, 0x5A, sizeof(info)); /* the loader must set every field */
    strcpy(err, "(unchanged)");
    return load_image(path, &sink, &info, err, sizeof(err));
}

/* Loading path must fail with a message naming it and containing every
 * given fragment. */
static bool expect_error(const char *path, ...)
{
    int rc = load(path);
    CHECK(rc == -1, "load returned %d, expected -1 (err: %s)", rc, err);
    CHECK(strncmp(err, path, strlen(path)) == 0, "message does not start with the file name: %s", err);
    va_list ap;
    va_start(ap, path);
    for (const char *frag; (frag = va_arg(ap, const char *));) {
        if (!strstr(err, frag)) {
            va_end(ap);
            CHECK(false, "message lacks \"%s\": %s", frag, err);
        }
    }
    va_end(ap);
    return true;
}

static const uint8_t text_bytes[] = { 0x44, 0x33, 0x22, 0x11, 0x88, 0x77, 0x66, 0x55 };
static const uint8_t boot_bytes[] = { 0xAD, 0x10, 0x07, 0xB0, 0x0D, 0xF0, 0xFE, 0xCA };

/* The fixture's flash and boot flash contents, which ELF and HEX share. */
static bool check_image_rom(bool with_boot)
{
    CHECK(memcmp(regions[FLASH].mem, text_bytes, sizeof(text_bytes)) == 0, "flash 0x1D000000 does not hold .text");
    CHECK(memcmp(regions[FLASH].mem + 0x1000, "tinyVP", 7) == 0,
          ".data not loaded at its LMA 0x1D001000 (p_paddr)");
    if (with_boot)
        CHECK(memcmp(regions[BOOT].mem, boot_bytes, sizeof(boot_bytes)) == 0,
              "boot flash 0x1FC00000 does not hold .boot");
    /* .data runs at 0x80000100 but must not be loaded there. */
    for (uint32_t k = 0x100; k < 0x110; k++)
        CHECK(regions[RAM].written[k] == 0, "RAM+0x%X written: .data loaded at p_vaddr instead of p_paddr", k);
    return true;
}

/* ---- good images -------------------------------------------------------- */

static bool t_elf(void)
{
    const char *p = fixture("img.elf");
    int rc = load(p);
    CHECK(rc == 0, "load failed: %s", err);
    CHECK(err[0] == '\0', "err not cleared on success: %s", err);
    CHECK(info.has_entry && info.entry == 0x9D000000, "entry %s0x%08X, expected 0x9D000000",
          info.has_entry ? "" : "(none) ", info.entry);
    CHECK(info.fills_reset_vector, "fills_reset_vector false with .boot at 0xBFC00000");
    CHECK(info.nsegments == 4, "nsegments %u, expected 4", info.nsegments);
    if (!check_image_rom(true))
        return false;
    /* .bss: at least the 300 bytes of .space, zero-filled, right after .data's VMA. */
    uint32_t bss_len = 0;
    while (regions[RAM].written[0x110 + bss_len])
        bss_len++;
    CHECK(bss_len >= 300 && bss_len < 0x140, ".bss zero fill is %u bytes at RAM+0x110, expected 300..0x13F",
          bss_len);
    for (uint32_t k = 0; k < bss_len; k++)
        CHECK(regions[RAM].mem[0x110 + k] == 0, ".bss byte RAM+0x%X is 0x%02X, not 0", 0x110 + k,
              regions[RAM].mem[0x110 + k]);
    uint32_t text_len = 0, data_len = 0;
    while (regions[FLASH].written[text_len])
        text_len++;
    while (regions[FLASH].written[0x1000 + data_len])
        data_len++;
    CHECK(text_len >= 16 && data_len >= 7, "text %u / data %u bytes loaded", text_len, data_len);
    const struct span spans[] = {
        { FLASH, 0, text_len }, { FLASH, 0x1000, data_len }, { RAM, 0x110, bss_len }, { BOOT, 0, 8 }
    };
    if (!only_written(spans, 4, why, sizeof(why)))
        return false;
    CHECK(info.nbytes == written_total(), "nbytes %llu, sink got %llu", (unsigned long long)info.nbytes,
          (unsigned long long)written_total());
    return true;
}

static bool t_elf_noboot(void)
{
    int rc = load(fixture("noboot.elf"));
    CHECK(rc == 0, "load failed: %s", err);
    CHECK(!info.fills_reset_vector, "fills_reset_vector true without boot flash contents");
    CHECK(info.has_entry && info.entry == 0x9D000000, "entry 0x%08X", info.entry);
    CHECK(info.nsegments == 3, "nsegments %u, expected 3", info.nsegments);
    for (uint32_t k = 0; k < regions[BOOT].size; k++)
        CHECK(regions[BOOT].written[k] == 0, "boot flash +0x%X written", k);
    return check_image_rom(false);
}

/* The HEX objcopy makes from the ELF loads the same ROM bytes (no .bss: HEX
 * has no zero fill) and carries the entry in a type 05 record. */
static bool hex_matches_elf(const char *hexpath)
{
    int rc = load(fixture("img.elf"));
    CHECK(rc == 0, "ELF load failed: %s", err);
    uint8_t *flash = malloc(regions[FLASH].size), *boot = malloc(regions[BOOT].size);
    memcpy(flash, regions[FLASH].mem, regions[FLASH].size);
    memcpy(boot, regions[BOOT].mem, regions[BOOT].size);
    mem_reset();
    rc = load(hexpath);
    bool same = rc == 0 && memcmp(flash, regions[FLASH].mem, regions[FLASH].size) == 0 &&
                memcmp(boot, regions[BOOT].mem, regions[BOOT].size) == 0;
    free(flash);
    free(boot);
    CHECK(rc == 0, "HEX load failed: %s", err);
    CHECK(same, "flash/boot flash contents differ from the ELF load");
    CHECK(info.has_entry && info.entry == 0x9D000000, "entry %s0x%08X, expected 0x9D000000 (type 05 record)",
          info.has_entry ? "" : "(none) ", info.entry);
    CHECK(info.fills_reset_vector, "fills_reset_vector false");
    CHECK(info.nsegments == 3, "nsegments %u, expected 3 contiguous runs", info.nsegments);
    for (uint32_t k = 0; k < regions[RAM].size; k++)
        CHECK(regions[RAM].written[k] == 0, "RAM+0x%X written by HEX", k);
    CHECK(info.nbytes == written_total(), "nbytes %llu, sink got %llu", (unsigned long long)info.nbytes,
          (unsigned long long)written_total());
    return check_image_rom(true);
}

static bool t_hex(void)
{
    return hex_matches_elf(fixture("img.hex"));
}

/* objcopy writes CRLF line ends: the same file with LF only, lower-case
 * digits and trailing blank lines loads the same. */
static bool t_hex_lf_lower(void)
{
    size_t n;
    uint8_t *src = unit_slurp(fixture("img.hex"), &n);
    CHECK(src, "cannot read fixture");
    CHECK(memchr(src, '\r', n), "fixture has no CR: update this test");
    char *dst = malloc(n + 16);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i] != '\r')
            dst[m++] = (src[i] >= 'A' && src[i] <= 'F') ? (char)(src[i] + 32) : (char)src[i];
    }
    m += (size_t)sprintf(dst + m, "\n \n");
    const char *p = spit("lf.hex", dst, m);
    free(src);
    free(dst);
    return hex_matches_elf(p);
}

/* Builds one record, checksum included, into out. */
static char *rec(char *out, uint8_t type, uint16_t addr, const uint8_t *d, unsigned n)
{
    unsigned sum = n + (addr >> 8) + (addr & 0xff) + type;
    char *o = out + sprintf(out, ":%02X%04X%02X", n, addr, type);
    for (unsigned i = 0; i < n; i++) {
        o += sprintf(o, "%02X", d[i]);
        sum += d[i];
    }
    o += sprintf(o, "%02X\n", (0x100 - (sum & 0xff)) & 0xff);
    return o;
}

#define B(...) (const uint8_t[]){ __VA_ARGS__ }, sizeof((const uint8_t[]){ __VA_ARGS__ })

/* Segmented addressing (02), its 64 KB offset wrap, a start segment address
 * (03), kseg1 linear addresses, and physical boot flash. */
static bool t_hex_records(void)
{
    char buf[2048], *o = buf;
    o = rec(o, 0x02, 0, B(0x10, 0x00));                 /* segment 0x1000 → 0x10000 */
    o = rec(o, 0x00, 0x0010, B(1, 2, 3, 4));            /* 0x10010 */
    o = rec(o, 0x00, 0xFFFE, B(5, 6, 7, 8));            /* 0x1FFFE, 0x1FFFF, wraps to 0x10000, 0x10001 */
    o = rec(o, 0x03, 0, B(0x12, 0x34, 0x00, 0x10));     /* CS:IP = 0x1234:0x0010 */
    o = rec(o, 0x04, 0, B(0xA0, 0x00));                 /* kseg1 RAM */
    o = rec(o, 0x00, 0x0200, B(0xAA, 0xBB));            /* 0xA0000200 → 0x200 */
    o = rec(o, 0x04, 0, B(0x1F, 0xC0));                 /* physical boot flash */
    o = rec(o, 0x00, 0x0FFF, B(0xEE));                  /* last byte of the reset page */
    o = rec(o, 0x01, 0, NULL, 0);
    const char *p = spit("records.hex", buf, (size_t)(o - buf));
    int rc = load(p);
    CHECK(rc == 0, "load failed: %s", err);
    uint8_t *ram = regions[RAM].mem;
    CHECK(memcmp(ram + 0x10010, (uint8_t[]){ 1, 2, 3, 4 }, 4) == 0, "data at segment 0x1000:0x0010 wrong");
    CHECK(ram[0x1FFFE] == 5 && ram[0x1FFFF] == 6 && ram[0x10000] == 7 && ram[0x10001] == 8,
          "segment offset did not wrap at 64 KB: %02X %02X %02X %02X", ram[0x1FFFE], ram[0x1FFFF], ram[0x10000],
          ram[0x10001]);
    CHECK(ram[0x200] == 0xAA && ram[0x201] == 0xBB, "kseg1 linear 0xA0000200 not loaded at physical 0x200");
    CHECK(regions[BOOT].mem[0xFFF] == 0xEE, "boot flash byte not loaded");
    CHECK(info.fills_reset_vector, "fills_reset_vector false with a byte at 0x1FC00FFF");
    CHECK(info.has_entry && info.entry == 0x12340 + 0x10, "entry 0x%08X, expected 0x00012350", info.entry);
    CHECK(info.nbytes == 11 && written_total() == 11, "nbytes %llu", (unsigned long long)info.nbytes);
    CHECK(info.nsegments == 5, "nsegments %u, expected 5", info.nsegments);
    return true;
}

static bool t_hex_no_entry(void)
{
    char buf[256], *o = buf;
    o = rec(o, 0x04, 0, B(0x1D, 0x00));
    o = rec(o, 0x00, 0, B(1, 2));
    o = rec(o, 0x00, 2, B(3, 4)); /* continues the run */
    o = rec(o, 0x01, 0, NULL, 0);
    int rc = load(spit("noentry.hex", buf, (size_t)(o - buf)));
    CHECK(rc == 0, "load failed: %s", err);
    CHECK(!info.has_entry && info.entry == 0, "has_entry %d entry 0x%08X without a start record", info.has_entry,
          info.entry);
    CHECK(!info.fills_reset_vector, "fills_reset_vector true");
    CHECK(info.nsegments == 1 && info.nbytes == 4, "nsegments %u nbytes %llu, expected 1 and 4", info.nsegments,
          (unsigned long long)info.nbytes);
    CHECK(memcmp(regions[FLASH].mem, (uint8_t[]){ 1, 2, 3, 4 }, 4) == 0, "flash contents wrong");
    return true;
}

/* ---- file-level errors ---------------------------------------------------- */

static bool t_missing(void)
{
    return expect_error(tmpfile_path("does-not-exist.elf"), "cannot open", "No such file", NULL);
}

static bool t_empty(void)
{
    return expect_error(spit("empty.elf", "", 0), "empty", NULL);
}

static bool t_garbage(void)
{
    return expect_error(spit("garbage.bin", "hello world\n", 12), "neither an ELF file nor Intel HEX",
                        "68 65 6C 6C", NULL);
}

static bool t_directory(void)
{
    return expect_error(tmpdir, "cannot read", NULL);
}

static bool t_small_err_buffer(void)
{
    char small[8];
    struct load_info i;
    int rc = load_image(tmpfile_path("does-not-exist.elf"), &sink, &i, small, sizeof(small));
    CHECK(rc == -1, "rc %d", rc);
    CHECK(memchr(small, '\0', sizeof(small)) != NULL, "message not terminated in an 8-byte buffer");
    return true;
}

/* ---- ELF errors ------------------------------------------------------------ */

static uint8_t *elf_copy(size_t *n)
{
    uint8_t *b = unit_slurp(fixture("img.elf"), n);
    if (!b) {
        printf("FAIL test_loader: cannot read fixture img.elf\n");
        exit(1);
    }
    return b;
}

static Elf32_Phdr *phdr(uint8_t *b, int i)
{
    Elf32_Ehdr *eh = (Elf32_Ehdr *)b;
    return (Elf32_Phdr *)(b + eh->e_phoff) + i;
}

/* Index of the fixture segment whose p_paddr is pa. */
static int seg_at(uint8_t *b, uint32_t pa)
{
    Elf32_Ehdr *eh = (Elf32_Ehdr *)b;
    for (int i = 0; i < eh->e_phnum; i++)
        if (phdr(b, i)->p_type == PT_LOAD && phdr(b, i)->p_paddr == pa)
            return i;
    printf("FAIL test_loader: fixture has no segment at 0x%08X\n", pa);
    exit(1);
}

static bool t_elf64(void)
{
    /* This test program itself: a real 64-bit little-endian ELF. */
    char self[512];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    CHECK(n > 0, "cannot find own executable");
    self[n] = '\0';
    return expect_error(self, "64-bit", NULL);
}

static bool t_big_endian(void)
{
    size_t n;
    uint8_t *b = elf_copy(&n);
    b[EI_DATA] = ELFDATA2MSB;
    const char *p = spit("be.elf", b, n);
    free(b);
    return expect_error(p, "big-endian", NULL);
}

static bool t_wrong_machine(void)
{
    size_t n;
    uint8_t *b = elf_copy(&n);
    ((Elf32_Ehdr *)b)->e_machine = EM_ARM;
    const char *p = spit("arm.elf", b, n);
    free(b);
    return expect_error(p, "not a MIPS ELF", "ARM", NULL);
}

static bool t_relocatable(void)
{
    return expect_error(fixture("img.o"), "relocatable", "ET_REL", NULL);
}

static bool t_dyn(void)
{
    size_t n;
    uint8_t *b = elf_copy(&n);
    ((Elf32_Ehdr *)b)->e_type = ET_DYN;
    const char *p = spit("dyn.elf", b, n);
    free(b);
    return expect_error(p, "ET_DYN", NULL);
}

static bool t_truncated_header(void)
{
    size_t n;
    uint8_t *b = elf_copy(&n);
    const char *p = spit("trunc40.elf", b, 40);
    free(b);
    return expect_error(p, "truncated ELF header", NULL);
}

static bool t_truncated_tail(void)
{
    size_t n;
    uint8_t *b = elf_copy(&n);
    const char *p = spit("trunc-tail.elf", b, n - 100); /* cuts into the section header table */
    free(b);
    return expect_error(p, "truncated", "section header table", NULL);
}

static bool t_truncated_segment(void)
{
    size_t n;
    uint8_t *b = elf_copy(&n);
    int s = seg_at(b, 0xBFC00000);
    ((Elf32_Ehdr *)b)->e_shoff = 0; /* so the segment check is what trips */
    ((Elf32_Ehdr *)b)->e_shnum = 0;
    const char *p = spit("trunc-seg.elf", b, phdr(b, s)->p_offset + 4);
    free(b);
    return expect_error(p, "truncated", "segment", "runs past the end of the file", NULL);
}

static bool t_bad_phoff(void)
{
    size_t n;
    uint8_t *b = elf_copy(&n);
    ((Elf32_Ehdr *)b)->e_phoff = 0xFFFFFF00;
    const char *p = spit("phoff.elf", b, n);
    free(b);
    return expect_error(p, "program header", NULL);
}

static bool t_filesz_gt_memsz(void)
{
    size_t n;
    uint8_t *b = elf_copy(&n);
    Elf32_Phdr *ph = phdr(b, seg_at(b, 0x9D000000));
    ph->p_filesz = ph->p_memsz + 4;
    const char *p = spit("filesz.elf", b, n);
    free(b);
    return expect_error(p, "p_filesz", "p_memsz", NULL);
}

static bool t_kseg_cross(void)
{
    size_t n;
    uint8_t *b = elf_copy(&n);
    phdr(b, seg_at(b, 0x9D000000))->p_paddr = 0x9FFFFFF8;
    const char *p = spit("kseg.elf", b, n);
    free(b);
    return expect_error(p, "0x9FFFFFF8", "crosses the end of kseg0", NULL);
}

static bool t_outside(void)
{
    return expect_error(fixture("outside.elf"), "outside loadable memory", "0x1D200000-0x1D20000F", NULL);
}

static bool t_bss_outside(void)
{
    size_t n;
    uint8_t *b = elf_copy(&n);
    Elf32_Phdr *ph = phdr(b, seg_at(b, 0x80000110));
    ph->p_paddr = 0x80080000 - 0x100; /* .bss runs off the end of the 512 KB RAM */
    const char *p = spit("bss.elf", b, n);
    free(b);
    return expect_error(p, "zero fill", "0x0007FF00-", "outside loadable memory", NULL);
}

static bool t_no_load_segments(void)
{
    size_t n;
    uint8_t *b = elf_copy(&n);
    for (int i = 0; i < ((Elf32_Ehdr *)b)->e_phnum; i++)
        phdr(b, i)->p_type = PT_NOTE;
    const char *p = spit("noload.elf", b, n);
    free(b);
    return expect_error(p, "no loadable", NULL);
}

/* ---- HEX errors ------------------------------------------------------------ */

/* The fixture HEX, with line `line` (1-based) replaced by repl (NULL:
 * deleted), or with extra appended after everything. */
static const char *hex_variant(const char *name, int line, const char *repl, const char *extra)
{
    size_t n;
    char *src = (char *)unit_slurp(fixture("img.hex"), &n);
    if (!src) {
        printf("FAIL test_loader: cannot read fixture img.hex\n");
        exit(1);
    }
    char *out = malloc(n + 1024), *o = out;
    int ln = 1;
    for (char *s = src; *s;) {
        char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s + 1) : strlen(s);
        if (ln == line) {
            if (repl)
                o += sprintf(o, "%s\n", repl);
        } else {
            memcpy(o, s, len);
            o += len;
        }
        s += len;
        ln++;
    }
    if (extra)
        o += sprintf(o, "%s", extra);
    const char *p = spit(name, out, (size_t)(o - out));
    free(src);
    free(out);
    return p;
}

/* Line 2 of the fixture is the first .text record (checked here, so the
 * edits below mean what they say). */
#define TEXT_LINE ":10000000443322118877665500000000000000008C"

#define HEAD ":020000049D005D\r\n" TEXT_LINE "\r\n"

static bool fixture_line2(void)
{
    size_t n;
    char *src = (char *)unit_slurp(fixture("img.hex"), &n);
    CHECK(src, "cannot read img.hex");
    bool ok = strncmp(src, HEAD, sizeof(HEAD) - 1) == 0;
    free(src);
    CHECK(ok, "img.hex does not start as this test expects");
    return true;
}

static bool t_hex_checksum(void)
{
    if (!fixture_line2())
        return false;
    return expect_error(hex_variant("cksum.hex", 2, ":10000000443322118877665500000000000000008D", NULL),
                        ".hex:2:42: ", "bad checksum", "expected 0x8C, found 0x8D", NULL);
}

static bool t_hex_data_changed(void)
{
    /* One data digit changed, checksum left alone: must not load silently. */
    if (!fixture_line2())
        return false;
    return expect_error(hex_variant("data.hex", 2, ":10000000453322118877665500000000000000008C", NULL),
                        ".hex:2:42: ", "expected 0x8B, found 0x8C", NULL);
}

static bool t_hex_bad_char(void)
{
    return expect_error(hex_variant("char.hex", 2, ":1000000044332211887766550000000000G000008C", NULL),
                        ".hex:2:36: ", "bad character 'G'", NULL);
}

static bool t_hex_space(void)
{
    return expect_error(hex_variant("space.hex", 2, ":10000000 443322118877665500000000000000008C", NULL),
                        ".hex:2:10: ", "a space", NULL);
}

static bool t_hex_odd(void)
{
    return expect_error(hex_variant("odd.hex", 2, ":1000000044332211887766550000000000000008C", NULL), ".hex:2:",
                        "odd number of hex digits", NULL);
}

static bool t_hex_length(void)
{
    return expect_error(hex_variant("len.hex", 2, ":100000004433221188776655000000000000008C", NULL), ".hex:2:",
                        "length mismatch", "says 16 data bytes, the record holds 15", NULL);
}

static bool t_hex_short(void)
{
    return expect_error(hex_variant("short.hex", 2, ":000000", NULL), ".hex:2:", "too short", NULL);
}

static bool t_hex_no_colon(void)
{
    return expect_error(hex_variant("colon.hex", 3, "10100000", NULL), ".hex:3:", "must start with ':'", NULL);
}

static bool t_hex_empty_line(void)
{
    return expect_error(hex_variant("blank.hex", 3, "", NULL), ".hex:3:", "empty line", NULL);
}

static bool t_hex_unknown_type(void)
{
    char r[64];
    rec(r, 0x06, 0, B(1, 2))[-1] = '\0';
    return expect_error(hex_variant("type.hex", 2, r, NULL), ".hex:2:", "unknown record type 0x06", NULL);
}

static bool t_hex_after_eof(void)
{
    return expect_error(hex_variant("after.hex", 0, NULL, "\n" TEXT_LINE "\n"), ".hex:9:",
                        "data after the end-of-file record (line 7)", NULL);
}

static bool t_hex_missing_eof(void)
{
    return expect_error(hex_variant("noeof.hex", 7, NULL, NULL), "missing end-of-file record", NULL);
}

static bool t_hex_overflow(void)
{
    char buf[256], *o = buf;
    o = rec(o, 0x04, 0, B(0xFF, 0xFF));
    o = rec(o, 0x00, 0xFFF8, B(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    o = rec(o, 0x01, 0, NULL, 0);
    return expect_error(spit("overflow.hex", buf, (size_t)(o - buf)), ".hex:2:", "overflow", "4 GB", NULL);
}

static bool t_hex_outside(void)
{
    char buf[256], *o = buf;
    o = rec(o, 0x04, 0, B(0x10, 0x00));
    o = rec(o, 0x00, 0x0000, B(1, 2, 3, 4));
    o = rec(o, 0x01, 0, NULL, 0);
    return expect_error(spit("outside.hex", buf, (size_t)(o - buf)), ".hex:2:", "0x10000000-0x10000003",
                        "outside loadable memory", NULL);
}

static bool t_hex_bad_ext_len(void)
{
    char buf[256], *o = buf;
    o = rec(o, 0x04, 0, B(0x1D));
    o = rec(o, 0x01, 0, NULL, 0);
    return expect_error(spit("ext.hex", buf, (size_t)(o - buf)), ".hex:1:", "2 data bytes", NULL);
}

static bool t_hex_eof_with_data(void)
{
    char buf[256], *o = buf;
    o = rec(o, 0x04, 0, B(0x1D, 0x00));
    o = rec(o, 0x00, 0, B(1));
    o = rec(o, 0x01, 0, B(0));
    return expect_error(spit("eofdata.hex", buf, (size_t)(o - buf)), ".hex:3:", "end-of-file record", NULL);
}

static bool t_hex_no_data(void)
{
    return expect_error(spit("nodata.hex", ":00000001FF\n", 12), "no data", NULL);
}

static bool t_hex_two_entries(void)
{
    char buf[256], *o = buf;
    o = rec(o, 0x04, 0, B(0x1D, 0x00));
    o = rec(o, 0x00, 0, B(1));
    o = rec(o, 0x05, 0, B(0x9D, 0, 0, 0));
    o = rec(o, 0x05, 0, B(0xBF, 0xC0, 0, 0));
    o = rec(o, 0x01, 0, NULL, 0);
    return expect_error(spit("entries.hex", buf, (size_t)(o - buf)), ".hex:4:", "contradicts", NULL);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        printf("FAIL test_loader: cannot create a temporary directory\n");
        return 1;
    }
    static const struct { const char *name; bool (*fn)(void); } tests[] = {
        { "elf", t_elf },
        { "elf-noboot", t_elf_noboot },
        { "hex", t_hex },
        { "hex-lf-lowercase", t_hex_lf_lower },
        { "hex-records", t_hex_records },
        { "hex-no-entry", t_hex_no_entry },
        { "missing-file", t_missing },
        { "empty-file", t_empty },
        { "not-elf-or-hex", t_garbage },
        { "directory", t_directory },
        { "small-err-buffer", t_small_err_buffer },
        { "elf-64bit", t_elf64 },
        { "elf-big-endian", t_big_endian },
        { "elf-wrong-machine", t_wrong_machine },
        { "elf-relocatable", t_relocatable },
        { "elf-dyn", t_dyn },
        { "elf-truncated-header", t_truncated_header },
        { "elf-truncated-tail", t_truncated_tail },
        { "elf-truncated-segment", t_truncated_segment },
        { "elf-bad-phoff", t_bad_phoff },
        { "elf-filesz-gt-memsz", t_filesz_gt_memsz },
        { "elf-kseg-cross", t_kseg_cross },
        { "elf-outside-memory", t_outside },
        { "elf-bss-outside-memory", t_bss_outside },
        { "elf-no-load-segments", t_no_load_segments },
        { "hex-bad-checksum", t_hex_checksum },
        { "hex-data-changed", t_hex_data_changed },
        { "hex-bad-char", t_hex_bad_char },
        { "hex-space", t_hex_space },
        { "hex-odd-digits", t_hex_odd },
        { "hex-length-mismatch", t_hex_length },
        { "hex-short-record", t_hex_short },
        { "hex-no-colon", t_hex_no_colon },
        { "hex-empty-line", t_hex_empty_line },
        { "hex-unknown-type", t_hex_unknown_type },
        { "hex-data-after-eof", t_hex_after_eof },
        { "hex-missing-eof", t_hex_missing_eof },
        { "hex-address-overflow", t_hex_overflow },
        { "hex-outside-memory", t_hex_outside },
        { "hex-bad-extended-length", t_hex_bad_ext_len },
        { "hex-eof-with-data", t_hex_eof_with_data },
        { "hex-no-data", t_hex_no_data },
        { "hex-contradicting-entries", t_hex_two_entries },
    };
    for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
        run(tests[i].name, tests[i].fn);
    char cmd[600];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        printf("warning: could not remove %s\n", tmpdir);
    return 0;
}

#include "image.h"

#include <ctype.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

#define MAX_SEGS 4096
#define MAX_IMAGE_BYTES (16u << 20)

static uint32_t phys(uint32_t a)
{
    return (a >= 0x80000000u && a < 0xC0000000u) ? (a & 0x1FFFFFFFu) : a;
}

static int add_seg(struct image *img, uint32_t addr, const uint8_t *data, uint32_t size)
{
    if (!size) return 0;
    if (img->nr_segs >= MAX_SEGS) return -1;
    struct image_seg *s = realloc(img->segs, (img->nr_segs + 1) * sizeof *s);
    if (!s) return -1;
    img->segs = s;
    uint8_t *d = malloc(size);
    if (!d) return -1;
    memcpy(d, data, size);
    img->segs[img->nr_segs++] = (struct image_seg){ addr, size, d };
    return 0;
}

static int cmp_seg(const void *a, const void *b)
{
    const struct image_seg *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Sorts, rejects overlaps, merges adjacent segments. */
static int normalise(struct image *img)
{
    qsort(img->segs, img->nr_segs, sizeof *img->segs, cmp_seg);
    int out = 0;
    for (int i = 0; i < img->nr_segs; i++) {
        struct image_seg *s = &img->segs[i];
        if ((uint64_t)s->addr + s->size > 0x100000000ull) {
            diag_error_file(img->path, "data at 0x%08x..+0x%x runs past the end of the address space",
                            s->addr, s->size);
            return -1;
        }
        if (out > 0) {
            struct image_seg *p = &img->segs[out - 1];
            if ((uint64_t)p->addr + p->size > s->addr) {
                diag_error_file(img->path, "data overlaps itself at physical 0x%08x", s->addr);
                return -1;
            }
            if (p->addr + p->size == s->addr) {
                uint8_t *d = realloc(p->data, p->size + s->size);
                if (!d) return -1;
                memcpy(d + p->size, s->data, s->size);
                p->data = d;
                p->size += s->size;
                free(s->data);
                continue;
            }
        }
        img->segs[out++] = *s;
    }
    img->nr_segs = out;
    return 0;
}

static int load_elf(struct image *img, const uint8_t *buf, size_t len)
{
    if (elf_version(EV_CURRENT) == EV_NONE) {
        diag_error_file(img->path, "libelf initialisation failed");
        return -1;
    }
    Elf *e = elf_memory((char *)buf, len);
    GElf_Ehdr eh;
    size_t nph;
    int rc = -1;
    if (!e || elf_kind(e) != ELF_K_ELF || !gelf_getehdr(e, &eh)) {
        diag_error_file(img->path, "not a valid ELF file: %s", elf_errmsg(-1));
        goto out;
    }
    if (eh.e_ident[EI_CLASS] != ELFCLASS32 || eh.e_ident[EI_DATA] != ELFDATA2LSB ||
        eh.e_machine != EM_MIPS) {
        diag_error_file(img->path, "not a 32-bit little-endian MIPS ELF (the PIC32MZ runs mipsel)");
        goto out;
    }
    if (eh.e_type != ET_EXEC) {
        diag_error_file(img->path, "ELF is not an executable (e_type %u): link the guest first",
                        (unsigned)eh.e_type);
        goto out;
    }
    if (elf_getphdrnum(e, &nph) != 0) {
        diag_error_file(img->path, "corrupt ELF program headers: %s", elf_errmsg(-1));
        goto out;
    }
    size_t total = 0;
    for (size_t i = 0; i < nph; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph)) {
            diag_error_file(img->path, "corrupt ELF program header %zu: %s", i, elf_errmsg(-1));
            goto out;
        }
        if (ph.p_type != PT_LOAD || ph.p_filesz == 0) continue;
        if (ph.p_offset > len || ph.p_filesz > len - ph.p_offset) {
            diag_error_file(img->path, "corrupt ELF: segment %zu (0x%08llx, %llu bytes) lies beyond "
                            "the end of the file", i, (unsigned long long)ph.p_paddr,
                            (unsigned long long)ph.p_filesz);
            goto out;
        }
        total += ph.p_filesz;
        if (total > MAX_IMAGE_BYTES || ph.p_paddr > 0xffffffffull) {
            diag_error_file(img->path, "ELF image too large for a PIC32MZ");
            goto out;
        }
        if (add_seg(img, phys((uint32_t)ph.p_paddr), buf + ph.p_offset, (uint32_t)ph.p_filesz)) {
            diag_error_file(img->path, "too many segments");
            goto out;
        }
    }
    if (img->nr_segs == 0) {
        diag_error_file(img->path, "ELF has no loadable content");
        goto out;
    }
    img->entry = (uint32_t)eh.e_entry;
    img->has_entry = 1;
    rc = normalise(img);
out:
    if (e) elf_end(e);
    return rc;
}

static int hexval(const char *s, size_t i, size_t n)
{
    if (i + 2 > n || !isxdigit((unsigned char)s[i]) || !isxdigit((unsigned char)s[i + 1])) return -1;
    char t[3] = { s[i], s[i + 1], 0 };
    return (int)strtol(t, NULL, 16);
}

/* Strict Intel HEX: every line a record with a correct checksum, known
 * types only, an end-of-file record last, nothing after it. */
static int load_hex(struct image *img, const uint8_t *buf, size_t len)
{
    const char *s = (const char *)buf;
    size_t pos = 0;
    int line = 0, seen_eof = 0;
    uint32_t upper = 0;
    while (pos < len) {
        size_t end = pos;
        while (end < len && s[end] != '\n') end++;
        size_t n = end - pos;
        if (n && s[pos + n - 1] == '\r') n--;
        line++;
        const char *l = s + pos;
        pos = end + 1;
        if (n == 0) {
            if (pos >= len) break; /* final newline */
            diag_error_file(img->path, "line %d: empty line in Intel HEX", line);
            return -1;
        }
        if (seen_eof) {
            diag_error_file(img->path, "line %d: data after the end-of-file record", line);
            return -1;
        }
        if (l[0] != ':' || n < 11 || (n - 1) % 2) {
            diag_error_file(img->path, "line %d: not an Intel HEX record", line);
            return -1;
        }
        uint8_t rec[300];
        size_t nb = (n - 1) / 2;
        if (nb > sizeof rec) {
            diag_error_file(img->path, "line %d: record too long", line);
            return -1;
        }
        for (size_t i = 0; i < nb; i++) {
            int v = hexval(l, 1 + 2 * i, n);
            if (v < 0) {
                diag_error_file(img->path, "line %d: invalid hex digit", line);
                return -1;
            }
            rec[i] = (uint8_t)v;
        }
        unsigned cnt = rec[0], type = rec[3];
        uint32_t off = (uint32_t)rec[1] << 8 | rec[2];
        if (nb != cnt + 5u) {
            diag_error_file(img->path, "line %d: byte count %u does not match the record length", line, cnt);
            return -1;
        }
        uint8_t sum = 0;
        for (size_t i = 0; i < nb; i++) sum += rec[i];
        if (sum != 0) {
            diag_error_file(img->path, "line %d: bad checksum 0x%02x (expected 0x%02x)", line,
                            rec[nb - 1], (uint8_t)(rec[nb - 1] - sum));
            return -1;
        }
        const uint8_t *d = rec + 4;
        switch (type) {
        case 0:
            if (off + cnt > 0x10000u) {
                diag_error_file(img->path, "line %d: data record wraps past a 64 KB boundary", line);
                return -1;
            }
            if (add_seg(img, phys(upper + off), d, cnt)) {
                diag_error_file(img->path, "line %d: too many data records", line);
                return -1;
            }
            break;
        case 1:
            if (cnt) goto badlen;
            seen_eof = 1;
            break;
        case 2:
            if (cnt != 2) goto badlen;
            upper = ((uint32_t)d[0] << 8 | d[1]) << 4;
            break;
        case 3:
            if (cnt != 4) goto badlen;
            break; /* CS:IP start: meaningless on MIPS, ignored */
        case 4:
            if (cnt != 2) goto badlen;
            upper = ((uint32_t)d[0] << 8 | d[1]) << 16;
            break;
        case 5:
            if (cnt != 4) goto badlen;
            img->entry = (uint32_t)d[0] << 24 | (uint32_t)d[1] << 16 | (uint32_t)d[2] << 8 | d[3];
            img->has_entry = 1;
            break;
        default:
            diag_error_file(img->path, "line %d: unknown record type %02x", line, type);
            return -1;
        }
        continue;
    badlen:
        diag_error_file(img->path, "line %d: record type %02x has a wrong length", line, type);
        return -1;
    }
    if (!seen_eof) {
        diag_error_file(img->path, "Intel HEX has no end-of-file record (truncated?)");
        return -1;
    }
    if (img->nr_segs == 0) {
        diag_error_file(img->path, "Intel HEX holds no data");
        return -1;
    }
    return normalise(img);
}

int image_load_mem(const char *name, const uint8_t *buf, size_t len, struct image *img)
{
    memset(img, 0, sizeof *img);
    img->path = strdup(name);
    if (len >= 4 && !memcmp(buf, ELFMAG, SELFMAG)) {
        img->is_elf = 1;
        return load_elf(img, buf, len);
    }
    if (len >= 1 && buf[0] == ':') return load_hex(img, buf, len);
    diag_error_file(name, "not an ELF or Intel HEX file (first bytes neither \\x7fELF nor ':')");
    return -1;
}

int image_load(const char *path, struct image *img)
{
    FILE *f = fopen(path, "rb");
    memset(img, 0, sizeof *img);
    if (!f) {
        diag_error_file(path, "cannot open image");
        img->path = strdup(path);
        return -1;
    }
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 65536;
            if (cap > 4 * MAX_IMAGE_BYTES) break;
            uint8_t *nb = realloc(buf, cap);
            if (!nb) break;
            buf = nb;
        }
        size_t r = fread(buf + len, 1, cap - len, f);
        if (!r) break;
        len += r;
    }
    fclose(f);
    int rc = image_load_mem(path, buf ? buf : (uint8_t *)"", len, img);
    free(buf);
    return rc;
}

void image_free(struct image *img)
{
    for (int i = 0; i < img->nr_segs; i++) free(img->segs[i].data);
    free(img->segs);
    free(img->path);
    memset(img, 0, sizeof *img);
}

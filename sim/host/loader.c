/*
 * vpsim image loader: ELF32 little-endian MIPS executables (through libelf)
 * and Intel HEX files, written into physical memory through a load_sink.
 *
 * Strict by design: anything that is not exactly a well-formed image is an
 * error with one message naming the file (and the line, for HEX). The
 * loader never guesses what a damaged file meant.
 */
#include "loader.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mips/mipsregs.h>

/* The BEV=1 reset vector 0xBFC00000 and the first page after it, physical. */
#define LOADER_RESET_PA   CPHYSADDR(_MU(0xbfc00000))
#define LOADER_RESET_SIZE _MU(0x1000)

/* No PIC32 image comes near this; it keeps a wrong path (a disk image, a
 * core dump) from eating host memory. */
#define LOADER_MAX_FILE (256u * 1024 * 1024)

#define ADDR_SPACE_END (UINT64_C(1) << 32)

struct loader {
    const char *path;
    const struct load_sink *sink;
    struct load_info *info;
    char *err;
    size_t errlen;
};

static int fail(struct loader *ld, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int fail(struct loader *ld, const char *fmt, ...)
{
    if (ld->errlen == 0)
        return -1;
    int n = snprintf(ld->err, ld->errlen, "%s: ", ld->path);
    if (n >= 0 && (size_t)n < ld->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ld->err + n, ld->errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* Virtual (or linear) address range → physical. kseg0 and kseg1 are reduced
 * with CPHYSADDR; every other address is taken as physical. Returns NULL on
 * success, or why the range cannot be placed. */
static const char *map_range(uint64_t addr, uint64_t len, uint32_t *pa)
{
    if (addr + len > ADDR_SPACE_END)
        return "runs past the end of the 4 GB address space";
    if (addr >= KSEG0 && addr < KSEG2) {
        uint64_t seg_end = addr < KSEG1 ? KSEG1 : KSEG2;
        if (addr + len > seg_end)
            return addr < KSEG1 ? "crosses the end of kseg0 (0x9FFFFFFF)"
                                : "crosses the end of kseg1 (0xBFFFFFFF)";
        *pa = CPHYSADDR((uint32_t)addr);
    } else {
        *pa = (uint32_t)addr;
    }
    return NULL;
}

/* Hands len bytes at physical pa to the sink and keeps the statistics. */
static bool deliver(struct loader *ld, uint32_t pa, const uint8_t *data, size_t len)
{
    if (len == 0)
        return true;
    if (!ld->sink->write(ld->sink->ctx, pa, data, len))
        return false;
    uint64_t end = (uint64_t)pa + len;
    if (pa < LOADER_RESET_PA + LOADER_RESET_SIZE && end > LOADER_RESET_PA)
        ld->info->fills_reset_vector = true;
    ld->info->nbytes += len;
    return true;
}

/* ---- ELF ----------------------------------------------------------------- */

static const char *machine_name(unsigned m)
{
    switch (m) {
    case EM_386: return " (Intel 80386)";
    case EM_ARM: return " (ARM)";
    case EM_X86_64: return " (x86-64)";
    case EM_AARCH64: return " (AArch64)";
    case EM_PPC: return " (PowerPC)";
    case 243: return " (RISC-V)"; /* EM_RISCV, absent from older elf.h */
    default: return "";
    }
}

static int elf_fail(struct loader *ld, Elf *e, const char *what)
{
    fail(ld, "corrupt ELF: %s: %s", what, elf_errmsg(-1));
    if (e)
        elf_end(e);
    return -1;
}

static int load_elf(struct loader *ld, uint8_t *buf, size_t size)
{
    static const uint8_t zeros[4096];

    /* Identification first, so a 64-bit or big-endian file gets named as
     * such rather than as a broken 32-bit one. */
    if (size < EI_NIDENT)
        return fail(ld, "truncated ELF identification (%zu bytes, need %d)", size, EI_NIDENT);
    switch (buf[EI_CLASS]) {
    case ELFCLASS32: break;
    case ELFCLASS64:
        return fail(ld, "64-bit ELF (ELFCLASS64); vpsim loads 32-bit (ELFCLASS32) MIPS executables");
    default:
        return fail(ld, "corrupt ELF identification: invalid class %u", buf[EI_CLASS]);
    }
    switch (buf[EI_DATA]) {
    case ELFDATA2LSB: break;
    case ELFDATA2MSB:
        return fail(ld, "big-endian ELF (ELFDATA2MSB); the PIC32MZ is little-endian (build with -EL)");
    default:
        return fail(ld, "corrupt ELF identification: invalid data encoding %u", buf[EI_DATA]);
    }
    if (buf[EI_VERSION] != EV_CURRENT)
        return fail(ld, "corrupt ELF identification: version %u, expected %u", buf[EI_VERSION], EV_CURRENT);
    if (size < sizeof(Elf32_Ehdr))
        return fail(ld, "truncated ELF header (%zu bytes, need %zu)", size, sizeof(Elf32_Ehdr));

    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(ld, "libelf initialisation failed: %s", elf_errmsg(-1));
    Elf *e = elf_memory((char *)buf, size);
    if (!e)
        return elf_fail(ld, NULL, "cannot read");
    if (elf_kind(e) != ELF_K_ELF)
        return elf_fail(ld, e, "not recognised as ELF by libelf");
    Elf32_Ehdr *eh = elf32_getehdr(e);
    if (!eh)
        return elf_fail(ld, e, "ELF header");

    if (eh->e_machine != EM_MIPS) {
        fail(ld, "not a MIPS ELF: e_machine %u%s, expected %u (EM_MIPS)", eh->e_machine,
             machine_name(eh->e_machine), EM_MIPS);
        goto out_err;
    }
    if (eh->e_type != ET_EXEC) {
        if (eh->e_type == ET_REL)
            fail(ld, "relocatable object (ET_REL), not an executable: link it first");
        else if (eh->e_type == ET_DYN)
            fail(ld, "shared object or PIE (ET_DYN), not a fixed-address executable: link with -static -no-pie");
        else
            fail(ld, "ELF type %u is not an executable (ET_EXEC)", eh->e_type);
        goto out_err;
    }

    size_t phnum;
    if (elf_getphdrnum(e, &phnum) != 0)
        return elf_fail(ld, e, "program header count");
    if (phnum == 0) {
        fail(ld, "ELF has no program headers: nothing to load");
        goto out_err;
    }
    if (eh->e_phentsize != sizeof(Elf32_Phdr)) {
        fail(ld, "corrupt ELF header: e_phentsize %u, expected %zu", eh->e_phentsize, sizeof(Elf32_Phdr));
        goto out_err;
    }
    if ((uint64_t)eh->e_phoff + (uint64_t)phnum * sizeof(Elf32_Phdr) > size) {
        fail(ld, "truncated or corrupt ELF: program header table (offset %u, %zu entries) runs past the end of the file (%zu bytes)",
             eh->e_phoff, phnum, size);
        goto out_err;
    }
    /* Section headers are not needed to load, but a table that runs off the
     * end of the file means the file was cut short. */
    /* (libelf quietly treats a table past the end as empty, so the count
     * comes from the header; 0 means extended numbering: the count is the
     * sh_size of entry 0.) */
    if (eh->e_shoff != 0) {
        if (eh->e_shentsize != sizeof(Elf32_Shdr)) {
            fail(ld, "corrupt ELF header: e_shentsize %u, expected %zu", eh->e_shentsize, sizeof(Elf32_Shdr));
            goto out_err;
        }
        size_t shnum = eh->e_shnum;
        if (shnum == 0) {
            Elf32_Shdr sh0;
            if ((uint64_t)eh->e_shoff + sizeof(sh0) > size) {
                fail(ld, "truncated or corrupt ELF: section header table (offset %u) starts past the end of the file (%zu bytes)",
                     eh->e_shoff, size);
                goto out_err;
            }
            memcpy(&sh0, buf + eh->e_shoff, sizeof(sh0));
            shnum = sh0.sh_size;
        }
        if ((uint64_t)eh->e_shoff + (uint64_t)shnum * sizeof(Elf32_Shdr) > size) {
            fail(ld, "truncated or corrupt ELF: section header table (offset %u, %zu entries) runs past the end of the file (%zu bytes)",
                 eh->e_shoff, shnum, size);
            goto out_err;
        }
    }
    for (size_t i = 0; i < phnum; i++) {
        /* gelf copies the entry out: the table need not be aligned in the file. */
        GElf_Phdr g;
        if (!gelf_getphdr(e, (int)i, &g))
            return elf_fail(ld, e, "program header");
        const Elf32_Phdr q = {
            .p_type = g.p_type,
            .p_offset = (Elf32_Off)g.p_offset,
            .p_paddr = (Elf32_Addr)g.p_paddr,
            .p_filesz = (Elf32_Word)g.p_filesz,
            .p_memsz = (Elf32_Word)g.p_memsz,
        };
        const Elf32_Phdr *p = &q;
        if (p->p_type != PT_LOAD || p->p_memsz == 0)
            continue;
        if (p->p_filesz > p->p_memsz) {
            fail(ld, "corrupt ELF: segment %zu has p_filesz 0x%X larger than p_memsz 0x%X", i, p->p_filesz, p->p_memsz);
            goto out_err;
        }
        if ((uint64_t)p->p_offset + p->p_filesz > size) {
            fail(ld, "truncated or corrupt ELF: segment %zu data (offset 0x%X, 0x%X bytes) runs past the end of the file (%zu bytes)",
                 i, p->p_offset, p->p_filesz, size);
            goto out_err;
        }
        uint32_t pa;
        const char *why = map_range(p->p_paddr, p->p_memsz, &pa);
        if (why) {
            fail(ld, "segment %zu at 0x%08X-0x%08llX %s", i, p->p_paddr,
                 (unsigned long long)p->p_paddr + p->p_memsz - 1, why);
            goto out_err;
        }
        if (!deliver(ld, pa, buf + p->p_offset, p->p_filesz)) {
            fail(ld, "segment %zu (p_paddr 0x%08X) at physical 0x%08X-0x%08X is outside loadable memory",
                 i, p->p_paddr, pa, pa + p->p_filesz - 1);
            goto out_err;
        }
        uint32_t zpa = pa + p->p_filesz;
        uint32_t zlen = p->p_memsz - p->p_filesz;
        for (uint32_t done = 0; done < zlen;) {
            uint32_t n = zlen - done < sizeof(zeros) ? zlen - done : (uint32_t)sizeof(zeros);
            if (!deliver(ld, zpa + done, zeros, n)) {
                fail(ld, "segment %zu (p_paddr 0x%08X): zero fill (bss) at physical 0x%08X-0x%08X is outside loadable memory",
                     i, p->p_paddr, zpa, zpa + zlen - 1);
                goto out_err;
            }
            done += n;
        }
        ld->info->nsegments++;
    }
    if (ld->info->nsegments == 0) {
        fail(ld, "ELF has no loadable (PT_LOAD) segment: nothing to load");
        goto out_err;
    }
    ld->info->entry = eh->e_entry;
    ld->info->has_entry = true;
    elf_end(e);
    return 0;

out_err:
    elf_end(e);
    return -1;
}

/* ---- Intel HEX ------------------------------------------------------------ */

enum hex_rec {
    HEX_DATA = 0x00,
    HEX_EOF = 0x01,
    HEX_EXT_SEGMENT = 0x02,
    HEX_START_SEGMENT = 0x03,
    HEX_EXT_LINEAR = 0x04,
    HEX_START_LINEAR = 0x05,
};

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static void describe_char(char *out, size_t n, unsigned char c)
{
    if (c >= 0x21 && c < 0x7f)
        snprintf(out, n, "'%c'", c);
    else if (c == ' ')
        snprintf(out, n, "a space");
    else if (c == '\t')
        snprintf(out, n, "a tab");
    else
        snprintf(out, n, "byte 0x%02X", c);
}

struct hex_state {
    unsigned line;
    uint32_t base;     /* from the last 02 or 04 record */
    bool segmented;    /* base came from an 02 record (offsets wrap at 64 KB) */
    unsigned eof_line; /* 0 until the 01 record */
    unsigned entry_line;
    bool run_open;     /* for counting contiguous runs as segments */
    uint32_t run_end;
};

/* One piece of a data record: linear address range → sink. */
static int hex_put(struct loader *ld, struct hex_state *st, uint64_t linear, const uint8_t *data, size_t len)
{
    uint32_t pa;
    const char *why = map_range(linear, len, &pa);
    if (why)
        return fail(ld, "line %u: data at 0x%08llX (%zu bytes) %s", st->line, (unsigned long long)linear, len,
                    why);
    if (!deliver(ld, pa, data, len))
        return fail(ld, "line %u: data at physical 0x%08X-0x%08X is outside loadable memory", st->line, pa,
                    pa + (uint32_t)len - 1);
    if (!st->run_open || pa != st->run_end)
        ld->info->nsegments++;
    st->run_open = true;
    st->run_end = pa + (uint32_t)len;
    return 0;
}

static int hex_set_entry(struct loader *ld, struct hex_state *st, uint32_t entry)
{
    if (ld->info->has_entry && ld->info->entry != entry)
        return fail(ld, "line %u: start address 0x%08X contradicts the one on line %u (0x%08X)", st->line, entry,
                    st->entry_line, ld->info->entry);
    ld->info->entry = entry;
    ld->info->has_entry = true;
    st->entry_line = st->line;
    return 0;
}

static int hex_record(struct loader *ld, struct hex_state *st, const char *s, size_t len)
{
    char what[16];
    if (s[0] != ':') {
        describe_char(what, sizeof(what), (unsigned char)s[0]);
        return fail(ld, "line %u: a record must start with ':', found %s", st->line, what);
    }
    for (size_t i = 1; i < len; i++) {
        if (hex_digit(s[i]) < 0) {
            describe_char(what, sizeof(what), (unsigned char)s[i]);
            return fail(ld, "line %u, column %zu: bad character %s (a record holds only hex digits after ':')",
                        st->line, i + 1, what);
        }
    }
    size_t ndigits = len - 1;
    if (ndigits % 2)
        return fail(ld, "line %u: odd number of hex digits (%zu)", st->line, ndigits);
    size_t nbytes = ndigits / 2;
    if (nbytes < 5)
        return fail(ld, "line %u: record too short (%zu bytes; at least 5: length, address, type, checksum)",
                    st->line, nbytes);
    unsigned count = (unsigned)(hex_digit(s[1]) << 4 | hex_digit(s[2]));
    if (nbytes != count + 5u)
        return fail(ld, "line %u: record length mismatch: the length field says %u data bytes, the record holds %zu",
                    st->line, count, nbytes - 5);

    uint8_t rec[255 + 5];
    unsigned sum = 0;
    for (size_t i = 0; i < nbytes; i++) {
        rec[i] = (uint8_t)(hex_digit(s[1 + 2 * i]) << 4 | hex_digit(s[2 + 2 * i]));
        if (i + 1 < nbytes)
            sum += rec[i];
    }
    uint8_t expected = (uint8_t)(0x100 - (sum & 0xff));
    uint8_t found = rec[nbytes - 1];
    if (expected != found)
        return fail(ld, "line %u: bad checksum: expected 0x%02X, found 0x%02X", st->line, expected, found);

    uint16_t offset = (uint16_t)(rec[1] << 8 | rec[2]);
    uint8_t type = rec[3];
    const uint8_t *d = rec + 4;
    switch (type) {
    case HEX_DATA:
        if (st->segmented && offset + count > 0x10000u) {
            /* Segmented addressing wraps the offset within its 64 KB. */
            size_t first = 0x10000u - offset;
            if (hex_put(ld, st, (uint64_t)st->base + offset, d, first) < 0)
                return -1;
            return hex_put(ld, st, st->base, d + first, count - first);
        }
        if (count == 0)
            return 0;
        if ((uint64_t)st->base + offset + count > ADDR_SPACE_END)
            return fail(ld, "line %u: address overflow: data at 0x%08llX (%u bytes) runs past 4 GB", st->line,
                        (unsigned long long)st->base + offset, count);
        return hex_put(ld, st, (uint64_t)st->base + offset, d, count);
    case HEX_EOF:
        if (count != 0)
            return fail(ld, "line %u: end-of-file record must hold no data (has %u bytes)", st->line, count);
        st->eof_line = st->line;
        return 0;
    case HEX_EXT_SEGMENT:
    case HEX_EXT_LINEAR:
        if (count != 2)
            return fail(ld, "line %u: extended %s address record must hold 2 data bytes (has %u)", st->line,
                        type == HEX_EXT_LINEAR ? "linear" : "segment", count);
        st->segmented = type == HEX_EXT_SEGMENT;
        st->base = (uint32_t)(d[0] << 8 | d[1]) << (st->segmented ? 4 : 16);
        return 0;
    case HEX_START_SEGMENT:
    case HEX_START_LINEAR:
        if (count != 4)
            return fail(ld, "line %u: start %s address record must hold 4 data bytes (has %u)", st->line,
                        type == HEX_START_LINEAR ? "linear" : "segment", count);
        if (type == HEX_START_LINEAR)
            return hex_set_entry(ld, st, (uint32_t)d[0] << 24 | (uint32_t)d[1] << 16 | (uint32_t)d[2] << 8 | d[3]);
        /* CS:IP */
        return hex_set_entry(ld, st, ((uint32_t)(d[0] << 8 | d[1]) << 4) + (uint32_t)(d[2] << 8 | d[3]));
    default:
        return fail(ld, "line %u: unknown record type 0x%02X (valid: 00 data, 01 end of file, 02 extended segment "
                        "address, 03 start segment address, 04 extended linear address, 05 start linear address)",
                    st->line, type);
    }
}

static bool blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

static int load_hex(struct loader *ld, const char *buf, size_t size)
{
    struct hex_state st = { 0 };
    size_t pos = 0;
    while (pos < size) {
        const char *s = buf + pos;
        const char *nl = memchr(s, '\n', size - pos);
        size_t len = nl ? (size_t)(nl - s) : size - pos;
        pos += len + (nl ? 1 : 0);
        st.line++;
        if (len > 0 && s[len - 1] == '\r')
            len--;
        if (st.eof_line) {
            /* Only trailing blank lines may follow the end-of-file record. */
            if (!blank(s, len))
                return fail(ld, "line %u: data after the end-of-file record (line %u)", st.line, st.eof_line);
            continue;
        }
        if (len == 0)
            return fail(ld, "line %u: empty line (every line before the end-of-file record must be a record)",
                        st.line);
        if (hex_record(ld, &st, s, len) < 0)
            return -1;
    }
    if (!st.eof_line)
        return fail(ld, "missing end-of-file record (:00000001FF) after line %u", st.line);
    if (ld->info->nbytes == 0)
        return fail(ld, "Intel HEX file has no data records: nothing to load");
    return 0;
}

/* ---- Entry ------------------------------------------------------------------ */

static int read_file(struct loader *ld, uint8_t **out, size_t *outlen)
{
    int fd = open(ld->path, O_RDONLY);
    if (fd < 0)
        return fail(ld, "cannot open: %s", strerror(errno));
    size_t cap = 0, len = 0;
    uint8_t *buf = NULL;
    for (;;) {
        if (len == cap) {
            if (cap >= LOADER_MAX_FILE) {
                free(buf);
                close(fd);
                return fail(ld, "file too large (more than %u MB); not a PIC32 image", LOADER_MAX_FILE >> 20);
            }
            size_t ncap = cap ? cap * 2 : 64 * 1024;
            uint8_t *nbuf = realloc(buf, ncap);
            if (!nbuf) {
                free(buf);
                close(fd);
                return fail(ld, "out of memory reading the file");
            }
            buf = nbuf;
            cap = ncap;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            close(fd);
            return fail(ld, "cannot read: %s", strerror(e));
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    *out = buf;
    *outlen = len;
    return 0;
}

int load_image(const char *path, const struct load_sink *sink, struct load_info *info, char *err, size_t errlen)
{
    struct loader ld = { .path = path, .sink = sink, .info = info, .err = err, .errlen = errlen };
    memset(info, 0, sizeof(*info));
    if (errlen)
        err[0] = '\0';

    uint8_t *buf = NULL;
    size_t size = 0;
    if (read_file(&ld, &buf, &size) < 0)
        return -1;
    int rc;
    if (size == 0)
        rc = fail(&ld, "file is empty");
    else if (size >= SELFMAG && memcmp(buf, ELFMAG, SELFMAG) == 0)
        rc = load_elf(&ld, buf, size);
    else if (buf[0] == ':')
        rc = load_hex(&ld, (const char *)buf, size);
    else {
        char first[48] = "";
        size_t n = size < 4 ? size : 4;
        for (size_t i = 0; i < n; i++)
            snprintf(first + 3 * i, sizeof(first) - 3 * i, "%02X ", buf[i]);
        first[3 * n - 1] = '\0';
        rc = fail(&ld, "neither an ELF file nor Intel HEX (starts with bytes %s; expected 7F 45 4C 46 or ':')",
                  first);
    }
    free(buf);
    return rc;
}

/*
 * The image reader of vpsim and vpconf (include/tinyvp/image.h): ELF32
 * little-endian MIPS executables through libelf, Intel HEX by hand.
 *
 * Intel HEX follows Intel's "Hexadecimal Object File Format Specification"
 * (rev. A, 1988): records 00 data, 01 end of file, 02 extended segment
 * address (offsets wrap within the 64 KB segment), 03 start segment
 * address, 04 extended linear address (addresses run on linearly), 05
 * start linear address; every record's bytes sum to 0 mod 256.
 */
#include <tinyvp/image.h>

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

/* No PIC32 image comes near this; it keeps a wrong path (a disk image, a
 * core dump) from eating host memory. */
#define IMAGE_MAX_FILE (256u * 1024 * 1024)

#define ADDR_SPACE_END (UINT64_C(1) << 32)

/* e_flags bit of an object holding microMIPS code: EF_MIPS_ARCH_ASE_MICROMIPS
 * in the MIPS ELF ABI flags (as the GNU toolchain writes them; older elf.h
 * lack it). */
#define IMAGE_EF_MIPS_MICROMIPS 0x02000000u

struct rd {
    struct image *img;
    struct image_error *err;
    size_t chunk_cap;
};

static int fail_at(struct rd *r, unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail_at(struct rd *r, unsigned line, unsigned col, const char *fmt, ...)
{
    r->err->line = line;
    r->err->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err->msg, sizeof r->err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

#define fail(r, ...) fail_at(r, 0, 0, __VA_ARGS__)

const char *image_isa_name(enum image_isa isa)
{
    return isa == IMAGE_ISA_MICROMIPS ? "microMIPS32" : isa == IMAGE_ISA_MIXED ? "mixed" : "MIPS32";
}

/* Functions (STT_FUNC) of the symbol tables in microMIPS (st_other
 * STO_MICROMIPS, 0x80 under the mask 0xc0: MIPS ELF ABI as the GNU
 * toolchain writes it) and in MIPS32. */
static void elf_count_isa(Elf *e, unsigned *mm, unsigned *m32)
{
    Elf_Scn *s = 0;
    *mm = *m32 = 0;
    while ((s = elf_nextscn(e, s))) {
        GElf_Shdr sh;
        if (!gelf_getshdr(s, &sh) || sh.sh_type != SHT_SYMTAB || !sh.sh_entsize)
            continue;
        Elf_Data *d = elf_getdata(s, 0);
        size_t n = d ? sh.sh_size / sh.sh_entsize : 0;
        for (size_t k = 1; k < n; k++) {
            GElf_Sym sym;
            if (!gelf_getsym(d, (int)k, &sym) || GELF_ST_TYPE(sym.st_info) != STT_FUNC ||
                sym.st_shndx == SHN_UNDEF)
                continue;
            if ((sym.st_other & 0xc0) == 0x80)
                ++*mm;
            else
                ++*m32;
        }
    }
}

void image_error_where(const struct image_error *err, const char *path, char *out, size_t n)
{
    if (err->line && err->col)
        snprintf(out, n, "%s:%u:%u", path, err->line, err->col);
    else if (err->line)
        snprintf(out, n, "%s:%u", path, err->line);
    else
        snprintf(out, n, "%s", path);
}

/* Address range → physical. kseg0 and kseg1 (MIPS32 Architecture for
 * Programmers Vol. III, MD00090, "Virtual Memory": unmapped segments) are
 * reduced with CPHYSADDR; every other address is taken as physical.
 * Returns NULL on success, or why the range cannot be placed. */
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

static int add_chunk(struct rd *r, uint32_t addr, uint32_t pa, uint32_t filesz, uint32_t memsz,
                     const uint8_t *data, unsigned origin)
{
    struct image *img = r->img;
    if (img->nchunks == r->chunk_cap) {
        size_t cap = r->chunk_cap ? 2 * r->chunk_cap : 64;
        struct image_chunk *c = realloc(img->chunks, cap * sizeof *c);
        if (!c)
            return fail(r, "out of host memory");
        img->chunks = c;
        r->chunk_cap = cap;
    }
    img->chunks[img->nchunks++] = (struct image_chunk){addr, pa, filesz, memsz, data, origin};
    return 0;
}

/* ---- ELF --------------------------------------------------------------------- */

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

static int elf_fail(struct rd *r, Elf *e, const char *what)
{
    fail(r, "corrupt ELF: %s: %s", what, elf_errmsg(-1));
    if (e)
        elf_end(e);
    return -1;
}

/* Identification and header fields checked by hand first, so a 64-bit or
 * big-endian file is named as such rather than as a broken 32-bit one, and
 * a truncated file as truncated (libelf quietly treats a table past the end
 * as empty). */
static int elf_check_ident(struct rd *r, const uint8_t *buf, size_t size)
{
    if (size < EI_NIDENT)
        return fail(r, "truncated ELF identification (%zu bytes, need %d)", size, EI_NIDENT);
    switch (buf[EI_CLASS]) {
    case ELFCLASS32: break;
    case ELFCLASS64:
        return fail(r, "64-bit ELF (ELFCLASS64); a PIC32MZ image is a 32-bit (ELFCLASS32) MIPS executable");
    default:
        return fail(r, "corrupt ELF identification: invalid class %u", buf[EI_CLASS]);
    }
    switch (buf[EI_DATA]) {
    case ELFDATA2LSB: break;
    case ELFDATA2MSB:
        return fail(r, "big-endian ELF (ELFDATA2MSB); the PIC32MZ is little-endian (build with -EL)");
    default:
        return fail(r, "corrupt ELF identification: invalid data encoding %u", buf[EI_DATA]);
    }
    if (buf[EI_VERSION] != EV_CURRENT)
        return fail(r, "corrupt ELF identification: version %u, expected %u", buf[EI_VERSION], EV_CURRENT);
    if (size < sizeof(Elf32_Ehdr))
        return fail(r, "truncated ELF header (%zu bytes, need %zu)", size, sizeof(Elf32_Ehdr));
    return 0;
}

static int elf_check_header(struct rd *r, const Elf32_Ehdr *eh, const uint8_t *buf, size_t size, size_t phnum)
{
    if (eh->e_machine != EM_MIPS)
        return fail(r, "not a MIPS ELF: e_machine %u%s, expected %u (EM_MIPS)", eh->e_machine,
                    machine_name(eh->e_machine), EM_MIPS);
    if (eh->e_type != ET_EXEC) {
        if (eh->e_type == ET_REL)
            return fail(r, "relocatable object (ET_REL), not an executable: link it first");
        if (eh->e_type == ET_DYN)
            return fail(r, "shared object or PIE (ET_DYN), not a fixed-address executable: link with -static -no-pie");
        return fail(r, "ELF type %u is not an executable (ET_EXEC)", eh->e_type);
    }
    if (phnum == 0)
        return fail(r, "ELF has no program headers: nothing to load");
    if (eh->e_phentsize != sizeof(Elf32_Phdr))
        return fail(r, "corrupt ELF header: e_phentsize %u, expected %zu", eh->e_phentsize, sizeof(Elf32_Phdr));
    if ((uint64_t)eh->e_phoff + (uint64_t)phnum * sizeof(Elf32_Phdr) > size)
        return fail(r, "truncated or corrupt ELF: program header table (offset %u, %zu entries) runs past the end of the file (%zu bytes)",
                    eh->e_phoff, phnum, size);
    /* Section headers are not needed to load, but a table that runs off the
     * end of the file means the file was cut short. e_shnum 0 means
     * extended numbering: the count is the sh_size of entry 0. */
    if (eh->e_shoff == 0)
        return 0;
    if (eh->e_shentsize != sizeof(Elf32_Shdr))
        return fail(r, "corrupt ELF header: e_shentsize %u, expected %zu", eh->e_shentsize, sizeof(Elf32_Shdr));
    size_t shnum = eh->e_shnum;
    if (shnum == 0) {
        Elf32_Shdr sh0;
        if ((uint64_t)eh->e_shoff + sizeof(sh0) > size)
            return fail(r, "truncated or corrupt ELF: section header table (offset %u) starts past the end of the file (%zu bytes)",
                        eh->e_shoff, size);
        memcpy(&sh0, buf + eh->e_shoff, sizeof(sh0));
        shnum = sh0.sh_size;
    }
    if ((uint64_t)eh->e_shoff + (uint64_t)shnum * sizeof(Elf32_Shdr) > size)
        return fail(r, "truncated or corrupt ELF: section header table (offset %u, %zu entries) runs past the end of the file (%zu bytes)",
                    eh->e_shoff, shnum, size);
    return 0;
}

static int read_elf(struct rd *r, const uint8_t *buf, size_t size)
{
    if (elf_check_ident(r, buf, size) < 0)
        return -1;
    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(r, "libelf initialisation failed: %s", elf_errmsg(-1));
    Elf *e = elf_memory((char *)buf, size);
    if (!e)
        return elf_fail(r, NULL, "cannot read");
    if (elf_kind(e) != ELF_K_ELF)
        return elf_fail(r, e, "not recognised as ELF by libelf");
    Elf32_Ehdr *eh = elf32_getehdr(e);
    if (!eh)
        return elf_fail(r, e, "ELF header");
    size_t phnum;
    if (elf_getphdrnum(e, &phnum) != 0)
        return elf_fail(r, e, "program header count");
    if (elf_check_header(r, eh, buf, size, phnum) < 0)
        goto out_err;

    for (size_t i = 0; i < phnum; i++) {
        /* gelf copies the entry out: the table need not be aligned in the file. */
        GElf_Phdr p;
        if (!gelf_getphdr(e, (int)i, &p))
            return elf_fail(r, e, "program header");
        if (p.p_type != PT_LOAD || p.p_memsz == 0)
            continue;
        if (p.p_filesz > p.p_memsz) {
            fail(r, "corrupt ELF: segment %zu has p_filesz 0x%llX larger than p_memsz 0x%llX", i,
                 (unsigned long long)p.p_filesz, (unsigned long long)p.p_memsz);
            goto out_err;
        }
        if (p.p_offset + p.p_filesz > size) {
            fail(r, "truncated or corrupt ELF: segment %zu data (offset 0x%llX, 0x%llX bytes) runs past the end of the file (%zu bytes)",
                 i, (unsigned long long)p.p_offset, (unsigned long long)p.p_filesz, size);
            goto out_err;
        }
        uint32_t pa;
        const char *why = map_range(p.p_paddr, p.p_memsz, &pa);
        if (why) {
            fail(r, "segment %zu at 0x%08llX-0x%08llX %s", i, (unsigned long long)p.p_paddr,
                 (unsigned long long)(p.p_paddr + p.p_memsz - 1), why);
            goto out_err;
        }
        if (add_chunk(r, (uint32_t)p.p_paddr, pa, (uint32_t)p.p_filesz, (uint32_t)p.p_memsz,
                      buf + p.p_offset, (unsigned)i) < 0)
            goto out_err;
    }
    if (r->img->nchunks == 0) {
        fail(r, "ELF has no loadable (PT_LOAD) segment: nothing to load");
        goto out_err;
    }
    struct image *img = r->img;
    img->entry = eh->e_entry;
    img->has_entry = true;
    /* microMIPS: the object flag, or an entry with the ISA mode bit set
     * (bit 0 of a jump target selects microMIPS: MIPS Architecture for
     * Programmers Vol. II-B, microMIPS32 Instruction Set, MD00582). */
    if (eh->e_flags & IMAGE_EF_MIPS_MICROMIPS) {
        /* mixed: MIPS32 functions too (a MIPS32 start-up, a MIPS32
         * library), reached by JALX or a jump to an even address */
        unsigned mm, m32;
        elf_count_isa(e, &mm, &m32);
        img->isa = m32 ? IMAGE_ISA_MIXED : IMAGE_ISA_MICROMIPS;
        if (m32)
            snprintf(img->isa_why, sizeof img->isa_why,
                     "ELF e_flags 0x%08X (microMIPS ASE); %u MIPS32 and %u microMIPS functions",
                     eh->e_flags, m32, mm);
        else
            snprintf(img->isa_why, sizeof img->isa_why,
                     "ELF e_flags 0x%08X has EF_MIPS_ARCH_ASE_MICROMIPS (0x02000000)", eh->e_flags);
    } else if (eh->e_entry & 1) {
        img->isa = IMAGE_ISA_MICROMIPS;
        snprintf(img->isa_why, sizeof img->isa_why, "odd entry address 0x%08X (ISA mode bit set)",
                 eh->e_entry);
    }
    elf_end(e);
    return 0;

out_err:
    elf_end(e);
    return -1;
}

/* ---- Intel HEX --------------------------------------------------------------- */

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
    else if (c == '\r')
        snprintf(out, n, "a carriage return (lines end in LF or CRLF)");
    else
        snprintf(out, n, "byte 0x%02X", c);
}

struct hex_state {
    unsigned line;
    uint32_t base;     /* from the last 02 or 04 record */
    bool segmented;    /* base came from an 02 record (offsets wrap at 64 KB) */
    unsigned eof_line; /* 0 until the 01 record */
    unsigned entry_line;
    uint8_t *out;      /* next free byte of img->store */
};

/* One piece of a data record: a linear address range. */
static int hex_put(struct rd *r, struct hex_state *st, uint64_t linear, const uint8_t *data, uint32_t len)
{
    uint32_t pa;
    const char *why = map_range(linear, len, &pa);
    if (why)
        return fail_at(r, st->line, 1, "data at 0x%08llX (%u bytes) %s", (unsigned long long)linear, len, why);
    return add_chunk(r, (uint32_t)linear, pa, len, len, data, st->line);
}

static int hex_set_entry(struct rd *r, struct hex_state *st, uint32_t entry)
{
    struct image *img = r->img;
    if (img->has_entry && img->entry != entry)
        return fail_at(r, st->line, 10, "start address 0x%08X contradicts the one on line %u (0x%08X)", entry,
                       st->entry_line, img->entry);
    img->entry = entry;
    img->has_entry = true;
    st->entry_line = st->line;
    return 0;
}

/* One record, s[0..len) without its line end. Columns are 1-based: the
 * length field is at 2, the address at 4, the type at 8, data at 10. */
static int hex_record(struct rd *r, struct hex_state *st, const char *s, size_t len)
{
    char what[64];
    const unsigned ln = st->line;
    if (s[0] != ':') {
        describe_char(what, sizeof(what), (unsigned char)s[0]);
        return fail_at(r, ln, 1, "a record must start with ':', found %s", what);
    }
    for (size_t i = 1; i < len; i++) {
        if (hex_digit(s[i]) < 0) {
            describe_char(what, sizeof(what), (unsigned char)s[i]);
            return fail_at(r, ln, (unsigned)i + 1, "bad character %s (a record holds only hex digits after ':')",
                           what);
        }
    }
    size_t ndigits = len - 1;
    if (ndigits % 2)
        return fail_at(r, ln, 1, "odd number of hex digits (%zu)", ndigits);
    size_t nbytes = ndigits / 2;
    if (nbytes < 5)
        return fail_at(r, ln, 1, "record too short (%zu bytes; at least 5: length, address, type, checksum)",
                       nbytes);
    unsigned count = (unsigned)(hex_digit(s[1]) << 4 | hex_digit(s[2]));
    if (nbytes != count + 5u)
        return fail_at(r, ln, 2, "record length mismatch: the length field says %u data bytes, the record holds %zu",
                       count, nbytes - 5);

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
        return fail_at(r, ln, (unsigned)len - 1, "bad checksum: expected 0x%02X, found 0x%02X", expected, found);

    uint16_t offset = (uint16_t)(rec[1] << 8 | rec[2]);
    uint8_t type = rec[3];
    const uint8_t *d = rec + 4;
    switch (type) {
    case HEX_DATA: {
        if (count == 0)
            return 0;
        uint8_t *out = st->out;
        memcpy(out, d, count);
        st->out += count;
        if (st->segmented && offset + count > 0x10000u) {
            /* Segmented addressing wraps the offset within its 64 KB. */
            uint32_t first = 0x10000u - offset;
            if (hex_put(r, st, (uint64_t)st->base + offset, out, first) < 0)
                return -1;
            return hex_put(r, st, st->base, out + first, count - first);
        }
        if ((uint64_t)st->base + offset + count > ADDR_SPACE_END)
            return fail_at(r, ln, 4, "address overflow: data at 0x%08llX (%u bytes) runs past 4 GB",
                           (unsigned long long)st->base + offset, count);
        return hex_put(r, st, (uint64_t)st->base + offset, out, count);
    }
    case HEX_EOF:
        if (count != 0)
            return fail_at(r, ln, 2, "end-of-file record must hold no data (has %u bytes)", count);
        st->eof_line = ln;
        return 0;
    case HEX_EXT_SEGMENT:
    case HEX_EXT_LINEAR:
        if (count != 2)
            return fail_at(r, ln, 2, "extended %s address record must hold 2 data bytes (has %u)",
                           type == HEX_EXT_LINEAR ? "linear" : "segment", count);
        st->segmented = type == HEX_EXT_SEGMENT;
        st->base = (uint32_t)(d[0] << 8 | d[1]) << (st->segmented ? 4 : 16);
        return 0;
    case HEX_START_SEGMENT:
    case HEX_START_LINEAR:
        if (count != 4)
            return fail_at(r, ln, 2, "start %s address record must hold 4 data bytes (has %u)",
                           type == HEX_START_LINEAR ? "linear" : "segment", count);
        if (type == HEX_START_LINEAR)
            return hex_set_entry(r, st, (uint32_t)d[0] << 24 | (uint32_t)d[1] << 16 | (uint32_t)d[2] << 8 | d[3]);
        /* CS:IP */
        return hex_set_entry(r, st, ((uint32_t)(d[0] << 8 | d[1]) << 4) + (uint32_t)(d[2] << 8 | d[3]));
    default:
        return fail_at(r, ln, 8,
                       "unknown record type 0x%02X (valid: 00 data, 01 end of file, 02 extended segment "
                       "address, 03 start segment address, 04 extended linear address, 05 start linear address)",
                       type);
    }
}

static bool blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

static int read_hex(struct rd *r, const char *buf, size_t size)
{
    struct image *img = r->img;
    /* A record of n data bytes takes 2n + 11 characters: the decoded data
     * never needs more than half the file. */
    img->store = malloc(size / 2 + 1);
    if (!img->store)
        return fail(r, "out of host memory");
    struct hex_state st = {.out = img->store};
    size_t pos = 0;
    while (pos < size) {
        const char *s = buf + pos;
        const char *nl = memchr(s, '\n', size - pos);
        size_t len = nl ? (size_t)(nl - s) : size - pos;
        pos += len + (nl ? 1 : 0);
        st.line++;
        if (len > 0 && s[len - 1] == '\r')
            len--; /* CRLF, as Windows tools (and objcopy) write it */
        if (st.eof_line) {
            /* Only trailing blank lines may follow the end-of-file record. */
            if (!blank(s, len))
                return fail_at(r, st.line, 1, "data after the end-of-file record (line %u)", st.eof_line);
            continue;
        }
        if (len == 0)
            return fail_at(r, st.line, 1,
                           "empty line (every line before the end-of-file record must be a record)");
        if (hex_record(r, &st, s, len) < 0)
            return -1;
    }
    if (!st.eof_line)
        return fail(r, "missing end-of-file record (:00000001FF) after line %u", st.line);
    size_t nbytes = 0;
    for (size_t i = 0; i < img->nchunks; i++)
        nbytes += img->chunks[i].filesz;
    if (nbytes == 0)
        return fail(r, "Intel HEX file has no data records: nothing to load");
    /* microMIPS: a start address with the ISA mode bit set (MD00582). */
    if (img->has_entry && (img->entry & 1)) {
        img->isa = IMAGE_ISA_MICROMIPS;
        snprintf(img->isa_why, sizeof img->isa_why, "odd start address 0x%08X (line %u)", img->entry,
                 st.entry_line);
    }
    return 0;
}

/* ---- the flat view ----------------------------------------------------------- */

static int cmp_chunk_ptr(const void *a, const void *b)
{
    const struct image_chunk *x = *(const struct image_chunk *const *)a;
    const struct image_chunk *y = *(const struct image_chunk *const *)b;
    if (x->pa != y->pa)
        return x->pa < y->pa ? -1 : 1;
    return x < y ? -1 : x > y; /* file order: deterministic */
}

/* Sorts the file data by physical address, refuses data that overlaps
 * itself, merges adjacent runs into img->segs. */
static int flatten(struct rd *r)
{
    struct image *img = r->img;
    size_t n = 0;
    const struct image_chunk **v = malloc((img->nchunks ? img->nchunks : 1) * sizeof *v);
    if (!v)
        return fail(r, "out of host memory");
    for (size_t i = 0; i < img->nchunks; i++)
        if (img->chunks[i].filesz)
            v[n++] = &img->chunks[i];
    qsort(v, n, sizeof *v, cmp_chunk_ptr);
    bool hex = img->format == IMAGE_HEX;
    /* sizes of the merged runs first, then one buffer per run */
    img->segs = calloc(n ? n : 1, sizeof *img->segs);
    if (!img->segs) {
        free(v);
        return fail(r, "out of host memory");
    }
    size_t ns = 0;
    for (size_t i = 0; i < n; i++) {
        const struct image_chunk *c = v[i];
        if (ns > 0) {
            struct image_seg *p = &img->segs[ns - 1];
            uint64_t pend = (uint64_t)p->addr + p->size;
            if (pend > c->pa) {
                const struct image_chunk *o = v[i - 1];
                const struct image_chunk *later = o > c ? o : c, *earlier = o > c ? c : o;
                free(v);
                if (hex)
                    return fail_at(r, later->origin, 1,
                                   "data at physical 0x%08X-0x%08X overlaps data from line %u", later->pa,
                                   later->pa + later->filesz - 1, earlier->origin);
                return fail(r, "segment %u at physical 0x%08X-0x%08X overlaps segment %u", later->origin,
                            later->pa, later->pa + later->filesz - 1, earlier->origin);
            }
            if (pend == c->pa) {
                p->size += c->filesz;
                continue;
            }
        }
        img->segs[ns++] = (struct image_seg){c->pa, c->filesz, NULL};
    }
    img->nsegs = ns;
    /* fill: the sorted chunks, in order, run by run */
    size_t k = 0;
    for (size_t s = 0; s < ns; s++) {
        struct image_seg *g = &img->segs[s];
        g->data = malloc(g->size);
        if (!g->data) {
            free(v);
            return fail(r, "out of host memory");
        }
        for (uint32_t off = 0; off < g->size; k++) {
            memcpy(g->data + off, v[k]->data, v[k]->filesz);
            off += v[k]->filesz;
        }
    }
    free(v);
    return 0;
}

/* ---- entry ------------------------------------------------------------------- */

/* Takes ownership of buf (malloc'd, size bytes). */
static int read_buf(uint8_t *buf, size_t size, struct image *img, struct image_error *err)
{
    struct rd r = {.img = img, .err = err};
    int rc;
    if (size == 0) {
        rc = fail(&r, "file is empty");
    } else if (size >= SELFMAG && memcmp(buf, ELFMAG, SELFMAG) == 0) {
        img->format = IMAGE_ELF;
        img->store = buf; /* chunks point into the file */
        buf = NULL;
        rc = read_elf(&r, img->store, size);
    } else if (buf[0] == ':') {
        img->format = IMAGE_HEX;
        rc = read_hex(&r, (const char *)buf, size);
    } else {
        char first[16] = "";
        size_t n = size < 4 ? size : 4;
        for (size_t i = 0; i < n; i++)
            snprintf(first + 3 * i, sizeof(first) - 3 * i, "%02X ", buf[i]);
        first[3 * n - 1] = '\0';
        rc = fail(&r, "neither an ELF file nor Intel HEX (starts with bytes %s; expected 7F 45 4C 46 or ':')",
                  first);
    }
    free(buf);
    if (rc == 0)
        rc = flatten(&r);
    if (rc < 0) {
        char *path = img->path;
        img->path = NULL;
        image_free(img);
        img->path = path;
    }
    return rc;
}

static void clear(const char *name, struct image *img, struct image_error *err)
{
    memset(img, 0, sizeof *img);
    memset(err, 0, sizeof *err);
    img->path = strdup(name);
}

int image_read_mem(const char *name, const uint8_t *buf, size_t len, struct image *img, struct image_error *err)
{
    clear(name, img, err);
    uint8_t *copy = malloc(len ? len : 1);
    if (!copy) {
        snprintf(err->msg, sizeof err->msg, "out of host memory");
        return -1;
    }
    if (len)
        memcpy(copy, buf, len);
    return read_buf(copy, len, img, err);
}

int image_read(const char *path, struct image *img, struct image_error *err)
{
    clear(path, img, err);
    struct rd r = {.img = img, .err = err};
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return fail(&r, "cannot open: %s", strerror(errno));
    size_t cap = 0, len = 0;
    uint8_t *buf = NULL;
    for (;;) {
        if (len == cap) {
            if (cap >= IMAGE_MAX_FILE) {
                free(buf);
                close(fd);
                return fail(&r, "file too large (more than %u MB); not a PIC32 image", IMAGE_MAX_FILE >> 20);
            }
            size_t ncap = cap ? cap * 2 : 64 * 1024;
            uint8_t *nbuf = realloc(buf, ncap);
            if (!nbuf) {
                free(buf);
                close(fd);
                return fail(&r, "out of host memory reading the file");
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
            return fail(&r, "cannot read: %s", strerror(e));
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    return read_buf(buf, len, img, err);
}

void image_free(struct image *img)
{
    for (size_t i = 0; i < img->nsegs; i++)
        free(img->segs[i].data);
    free(img->segs);
    free(img->chunks);
    free(img->store);
    free(img->path);
    memset(img, 0, sizeof *img);
}

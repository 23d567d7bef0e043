/*
 * The image reader shared by vpsim and vpconf (host/image.c): an ELF32
 * little-endian MIPS executable (through libelf) or an Intel HEX file,
 * reduced to the bytes it puts at physical addresses, its entry point and
 * the instruction set it is built for.
 *
 * Strict by design: anything that is not exactly a well-formed image is an
 * error with one message, positioned (line and column) for Intel HEX. The
 * reader never guesses what a damaged file meant. It knows no memory map:
 * where bytes may go is the caller's business.
 *
 * Addresses: ELF PT_LOAD p_paddr, Intel HEX linear addresses (records 02
 * and 04); kseg0/kseg1 addresses are reduced to physical with
 * CPHYSADDR (& 0x1FFFFFFF), every other address is taken as physical.
 * Intel HEX lines may end in LF or CRLF.
 */
#ifndef TINYVP_IMAGE_H
#define TINYVP_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum image_format { IMAGE_ELF, IMAGE_HEX };

/* The instruction set the image's code is in. The PIC32MZ's M5150 core runs
 * both (Config3.ISA = 2). MIXED: microMIPS and MIPS32 functions (ELF only). */
enum image_isa { IMAGE_ISA_MIPS32, IMAGE_ISA_MICROMIPS, IMAGE_ISA_MIXED };

/* One piece of the image as the file holds it, in file order: an ELF
 * PT_LOAD segment, or an Intel HEX data record (a segmented record that
 * wraps at 64 KB is two pieces). */
struct image_chunk {
    uint32_t addr;       /* as the file gives it: p_paddr, or the HEX linear address */
    uint32_t pa;         /* physical */
    uint32_t filesz;     /* bytes at data */
    uint32_t memsz;      /* filesz + zero fill (ELF .bss); HEX: filesz */
    const uint8_t *data;
    unsigned origin;     /* ELF: program header index; HEX: line number */
};

/* The file data (zero fill excluded) as disjoint runs of physical memory,
 * sorted by address, adjacent runs merged. */
struct image_seg {
    uint32_t addr; /* physical */
    uint32_t size;
    uint8_t *data;
};

struct image {
    char *path;
    enum image_format format;
    enum image_isa isa;
    char isa_why[96];    /* for microMIPS or mixed: what says so (the ELF flag, the odd entry) */
    uint32_t entry;      /* ELF e_entry, HEX start address (05, or 03 as CS:IP); virtual */
    bool has_entry;
    struct image_chunk *chunks;
    size_t nchunks;
    struct image_seg *segs;
    size_t nsegs;
    uint8_t *store;      /* owns the bytes chunks point into */
};

/* Why a read failed. line/col are 1-based positions in an Intel HEX file,
 * 0 when the error has none (a whole-file or ELF error). */
struct image_error {
    unsigned line, col;
    char msg[512];
};

/* Reads path (ELF or Intel HEX, told apart by the content). Returns 0, or
 * -1 with err filled and img empty (image_free is still allowed). */
int image_read(const char *path, struct image *img, struct image_error *err);
/* The same from memory; name stands for the file in img->path. */
int image_read_mem(const char *name, const uint8_t *buf, size_t len, struct image *img,
                   struct image_error *err);
void image_free(struct image *img);

/* "MIPS32", "microMIPS32" or "mixed". */
const char *image_isa_name(enum image_isa isa);
/* Where an error is, compiler style: "PATH:LINE:COL", "PATH:LINE" or "PATH". */
void image_error_where(const struct image_error *err, const char *path, char *out, size_t n);

#endif /* TINYVP_IMAGE_H */

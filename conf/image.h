/*
 * Guest images: an ELF (read with libelf) or an Intel HEX file (strict
 * reader), from any toolchain, reduced to the bytes it puts at physical
 * addresses. kseg0/kseg1 addresses are folded to physical (& 0x1FFFFFFF),
 * as the PIC32MZ does. The bytes are never changed, only relocated.
 */
#ifndef CONF_IMAGE_H
#define CONF_IMAGE_H

#include <stddef.h>
#include <stdint.h>

struct image_seg {
    uint32_t addr; /* physical (guest-physical for a guest image) */
    uint32_t size;
    uint8_t *data;
};

struct image {
    char *path;
    int is_elf;
    uint32_t entry;     /* virtual as the image gives it */
    int has_entry;
    struct image_seg *segs; /* sorted by addr, disjoint, adjacent merged */
    int nr_segs;
};

/* Loads path; on failure returns -1 after reporting with diag_error_file
 * (the message says what is wrong with the file). */
int image_load(const char *path, struct image *img);
/* Same, from memory (fuzzing, tests); name is used in messages. */
int image_load_mem(const char *name, const uint8_t *buf, size_t len, struct image *img);
void image_free(struct image *img);

#endif

/*
 * vpsim image loader: puts an ELF32 little-endian MIPS executable or an Intel
 * HEX file into simulated physical memory.
 *
 * The loader knows no memory map: it hands every run of bytes to a sink,
 * which says whether that physical range is loadable (RAM, program flash,
 * boot flash, ...). An image that touches anything else is an error.
 */
#ifndef SIM_HOST_LOADER_H
#define SIM_HOST_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where loaded bytes go: physical address → write. Return false if pa..pa+len is not loadable memory. */
struct load_sink {
    void *ctx;
    bool (*write)(void *ctx, uint32_t pa, const uint8_t *data, size_t len);
};

struct load_info {
    uint32_t entry;          /* ELF e_entry (virtual); HEX: start linear address record if any, else 0 */
    bool has_entry;
    bool fills_reset_vector; /* some byte was loaded at physical 0x1FC00000..0x1FC00FFF */
    uint32_t nsegments;
    uint64_t nbytes;
};

/* Loads an ELF32 little-endian MIPS executable (libelf) or an Intel HEX file
 * (detected by content: ELF magic, or ':' first char).
 *
 * Addresses: ELF PT_LOAD p_paddr (kseg0/kseg1 virtual addresses are reduced
 * to physical with & 0x1FFFFFFF; others taken as physical), p_filesz bytes
 * loaded, p_memsz - p_filesz zero-filled; HEX: records 00 data, 01 EOF,
 * 02 extended segment, 04 extended linear, 03/05 start addresses; linear
 * addresses reduced the same way.
 *
 * nsegments counts the ELF PT_LOAD segments loaded, or for HEX the runs of
 * contiguous data; nbytes counts every byte written (zero fill included).
 *
 * Returns 0 on success; on any error returns -1 and writes one clear message
 * (naming the file, and for HEX the line number) into err. Loading is not
 * all-or-nothing: on error, the caller discards the machine. */
int load_image(const char *path, const struct load_sink *sink, struct load_info *info, char *err, size_t errlen);

#endif /* SIM_HOST_LOADER_H */

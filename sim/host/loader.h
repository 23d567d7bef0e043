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
    int isa;                 /* enum image_isa: IMAGE_ISA_MIPS32 or IMAGE_ISA_MICROMIPS */
    char isa_why[96];        /* for microMIPS: what says so */
};

/* Loads an ELF32 little-endian MIPS executable or an Intel HEX file (LF or
 * CRLF lines), read by the shared reader (include/tinyvp/image.h, which
 * says how addresses are found and reduced to physical): ELF PT_LOAD
 * segments get p_filesz bytes loaded and p_memsz - p_filesz zero-filled;
 * HEX data records are loaded as they are.
 *
 * nsegments counts the ELF PT_LOAD segments loaded, or for HEX the runs of
 * contiguous data; nbytes counts every byte written (zero fill included).
 *
 * The image's ISA is reported in info->isa (microMIPS: the ELF flag
 * EF_MIPS_ARCH_ASE_MICROMIPS or an odd entry/HEX start address); vpsim runs
 * both (an odd entry starts in microMIPS mode).
 *
 * Returns 0 on success; on any error returns -1 and writes one clear message
 * into err, starting with the file ("PATH: ", or "PATH:LINE:COL: " and
 * "PATH:LINE: " for a place in a HEX file). Loading is not all-or-nothing:
 * on error, the caller discards the machine. */
int load_image(const char *path, const struct load_sink *sink, struct load_info *info, char *err, size_t errlen);

#endif /* SIM_HOST_LOADER_H */

/*
 * vpsim image loader: reads the image with the shared reader
 * (include/tinyvp/image.h) and writes it into physical memory through a
 * load_sink. What vpsim adds: where bytes may go (the sink), the zero fill
 * of ELF .bss, and the refusal of images vpsim cannot run.
 */
#include "loader.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <mips/mipsregs.h>
#include <tinyvp/image.h>

/* The BEV=1 reset vector 0xBFC00000 and the first page after it, physical. */
#define LOADER_RESET_PA   CPHYSADDR(_MU(0xbfc00000))
#define LOADER_RESET_SIZE _MU(0x1000)

struct loader {
    const char *path;
    const struct load_sink *sink;
    struct load_info *info;
    char *err;
    size_t errlen;
};

/* "WHERE: message", WHERE being "path" or "path:line" (HEX). */
static int fail_at(struct loader *ld, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail_at(struct loader *ld, unsigned line, const char *fmt, ...)
{
    if (ld->errlen == 0)
        return -1;
    int n = line ? snprintf(ld->err, ld->errlen, "%s:%u: ", ld->path, line)
                 : snprintf(ld->err, ld->errlen, "%s: ", ld->path);
    if (n >= 0 && (size_t)n < ld->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ld->err + n, ld->errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return -1;
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

static int load_chunk(struct loader *ld, const struct image *img, const struct image_chunk *c)
{
    static const uint8_t zeros[4096];
    if (img->format == IMAGE_HEX) {
        if (!deliver(ld, c->pa, c->data, c->filesz))
            return fail_at(ld, c->origin, "data at physical 0x%08X-0x%08X is outside loadable memory", c->pa,
                           c->pa + c->filesz - 1);
        return 0;
    }
    if (!deliver(ld, c->pa, c->data, c->filesz))
        return fail_at(ld, 0, "segment %u (p_paddr 0x%08X) at physical 0x%08X-0x%08X is outside loadable memory",
                       c->origin, c->addr, c->pa, c->pa + c->filesz - 1);
    uint32_t zpa = c->pa + c->filesz;
    uint32_t zlen = c->memsz - c->filesz;
    for (uint32_t done = 0; done < zlen;) {
        uint32_t n = zlen - done < sizeof(zeros) ? zlen - done : (uint32_t)sizeof(zeros);
        if (!deliver(ld, zpa + done, zeros, n))
            return fail_at(ld, 0,
                           "segment %u (p_paddr 0x%08X): zero fill (bss) at physical 0x%08X-0x%08X is outside "
                           "loadable memory",
                           c->origin, c->addr, zpa, zpa + zlen - 1);
        done += n;
    }
    return 0;
}

int load_image(const char *path, const struct load_sink *sink, struct load_info *info, char *err, size_t errlen)
{
    struct loader ld = {.path = path, .sink = sink, .info = info, .err = err, .errlen = errlen};
    memset(info, 0, sizeof(*info));
    if (errlen)
        err[0] = '\0';

    struct image img;
    struct image_error ie;
    if (image_read(path, &img, &ie) < 0) {
        char where[600];
        image_error_where(&ie, path, where, sizeof where);
        if (errlen)
            snprintf(err, errlen, "%s: %s", where, ie.msg);
        image_free(&img);
        return -1;
    }
    int rc = 0;
    info->isa = img.isa;
    snprintf(info->isa_why, sizeof info->isa_why, "%s", img.isa_why);
    bool run_open = false;
    uint32_t run_end = 0;
    for (size_t i = 0; i < img.nchunks; i++) {
        const struct image_chunk *c = &img.chunks[i];
        if ((rc = load_chunk(&ld, &img, c)) < 0)
            goto out;
        /* ELF: a segment each; HEX: each run of contiguous data */
        if (img.format == IMAGE_ELF || !run_open || c->pa != run_end)
            info->nsegments++;
        run_open = true;
        run_end = c->pa + c->filesz;
    }
    info->entry = img.has_entry ? img.entry : 0;
    info->has_entry = img.has_entry;
out:
    image_free(&img);
    return rc;
}

/*
 * libFuzzer harness over vpconf's parser, schema validation, checker and
 * emitter (in memory, nothing written), and over the image reader (host/image.c).
 * Built with clang -fsanitize=fuzzer,address,undefined by tests/conf/rules.mk;
 * tests/conf/run replays tests/conf/corpus (and the example configs) with it,
 * make fuzz (FUZZ=1) fuzzes for a while. Guest images named by a fuzzed
 * config are looked up in $B/tests/conf/img (VPCONF_FUZZ_IMG overrides).
 */
#include <stdint.h>
#include <stdlib.h>

#include "diag.h"
#include "vpconf.h"

#include <tinyvp/image.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_set_quiet(1);
    if (size && (data[0] == ':' || data[0] == 0x7f)) {
        struct image img;
        struct image_error err;
        image_read_mem("fuzz-image", data, size, &img, &err);
        image_free(&img);
        diag_reset();
        return 0;
    }
    const char *dir = getenv("VPCONF_FUZZ_IMG");
    const char *dirs[1] = { dir ? dir : "build/tests/conf/img" };
    struct vpconf_opts o = { "fuzz.yaml", NULL, dirs, 1, 0 };
    vpconf_run(&o, data, size);
    return 0;
}

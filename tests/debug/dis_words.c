/*
 * tests/debug: runs vpsim's disassembler over "ADDR WORD" lines (hex, one
 * per line, as tests/debug/run extracts them from objdump -d) and prints
 * "ADDR KNOWN TEXT" (KNOWN: 1 = an instruction the core executes).
 * With --mutate, every "addu" is printed as "subu": the check must then
 * fail (tests/debug/run proves the comparison can fail).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../sim/host/disasm.h"

int main(int argc, char **argv)
{
    int mutate = argc > 1 && !strcmp(argv[1], "--mutate");
    char line[256], text[128];
    while (fgets(line, sizeof line, stdin)) {
        uint32_t addr, word;
        if (sscanf(line, "%" SCNx32 " %" SCNx32, &addr, &word) != 2)
            continue;
        int known = disasm(addr, word, text, sizeof text);
        if (mutate && !strncmp(text, "addu\t", 5))
            memcpy(text, "subu", 4);
        printf("%" PRIx32 " %d %s\n", addr, known, text);
    }
    return 0;
}

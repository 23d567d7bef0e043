/*
 * tests/debug: runs vpsim's disassembler over "ADDR WORD" lines (hex, one
 * per line, as tests/debug/run extracts them from objdump -d) and prints
 * "ADDR KNOWN TEXT" (KNOWN: 1 = an instruction the core executes).
 * With --mm the words are microMIPS (4 hex digits: 16-bit, 8: 32-bit).
 * With --mutate, every "addu" is printed as "subu": the check must then
 * fail (tests/debug/run proves the comparison can fail).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../sim/host/disasm.h"

int main(int argc, char **argv)
{
    int mutate = 0, mm = 0;
    for (int i = 1; i < argc; i++) {
        mutate |= !strcmp(argv[i], "--mutate");
        mm |= !strcmp(argv[i], "--mm");
    }
    char line[256], text[128], wtext[16];
    while (fgets(line, sizeof line, stdin)) {
        uint32_t addr, word;
        if (sscanf(line, "%" SCNx32 " %15s", &addr, wtext) != 2 || sscanf(wtext, "%" SCNx32, &word) != 1)
            continue;
        /* --mm: microMIPS, a 4-digit word is a 16-bit instruction */
        int known = mm ? disasm_mm(addr, word, strlen(wtext) <= 4 ? 2 : 4, text, sizeof text)
                       : disasm(addr, word, text, sizeof text);
        if (mutate && !strncmp(text, "addu\t", 5))
            memcpy(text, "subu", 4);
        printf("%" PRIx32 " %d %s\n", addr, known, text);
    }
    return 0;
}

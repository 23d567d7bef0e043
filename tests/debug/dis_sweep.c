/*
 * tests/debug: writes an assembly file of instruction words for the
 * disassembler check: for every primary opcode, every function/format
 * value (funct, rs, rt) with pseudo-random operand fields, in several
 * variants (all fields random; the usually-zero fields cleared), from a
 * fixed seed so the file is the same on every run.
 */
#include <stdint.h>
#include <stdio.h>

static uint32_t seed = 0x2545F491u;
static uint32_t rnd(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    return seed;
}

int main(void)
{
    printf("\t.text\n\t.set noreorder\n");
    for (uint32_t op = 0; op < 64; op++)
        for (uint32_t k = 0; k < 64; k++)
            for (unsigned v = 0; v < 6; v++) {
                uint32_t w = op << 26 | (rnd() & 0x03FFFFFFu);
                switch (op) {
                case 0x00: case 0x1C: case 0x1F: case 0x13:
                    w = (w & ~63u) | k; /* every function */
                    break;
                case 0x01: case 0x10: case 0x11:
                    w = (w & ~(31u << 16 | 31u << 21)) | (k & 31) << (op == 1 ? 16 : 21) |
                        (op == 1 ? (w & 31u << 21) : (w & 31u << 16));
                    if (op != 1 && (k & 32))
                        w = (w & ~63u) | (rnd() & 63); /* CO / fmt: random function */
                    break;
                default: break;
                }
                switch (v) { /* clear the fields encodings often require zero */
                case 1: w &= ~(31u << 6); break;              /* sa */
                case 2: w &= ~(31u << 6 | 31u << 11); break;  /* sa, rd */
                case 3: w &= ~(31u << 6 | 31u << 21); break;  /* sa, rs */
                case 4: w &= ~(31u << 6 | 31u << 16); break;  /* sa, rt */
                case 5: w &= ~(0x3FFu << 6 | 31u << 16); break;
                default: break;
                }
                printf("\t.word 0x%08x\n", w);
            }
    return 0;
}

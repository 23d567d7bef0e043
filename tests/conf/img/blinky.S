/* Test guest: toggles LD1 (RG6) through LATGINV, forever. */
#include <pic32mz/chip.h>
    .set noreorder
    .text
    .globl _start
_start:
    li    $t0, PORTG_BASE + PORT_LAT + 0xC  /* LATGINV; lui + ori */
    li    $t1, 0x40
1:  sw    $t1, 0($t0)
    b     1b
    nop
    .rept 20000                 /* 80 KB: more than one 64K page */
    nop
    .endr

/* Test guest: toggles LD1 (RG6) through LATGINV, forever. */
    .set noreorder
    .text
    .globl _start
_start:
    lui   $t0, 0xbf86
    ori   $t0, $t0, 0x063c      /* LATGINV */
    li    $t1, 0x40
1:  sw    $t1, 0($t0)
    b     1b
    nop
    .rept 20000                 /* 80 KB: more than one 64K page */
    nop
    .endr

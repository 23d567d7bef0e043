/* Test guest: prints "hi" on UART4 (the board console) and spins.
 * Fixed bytes for the golden tests of tests/conf (assembler only). */
    .set noreorder
    .text
    .globl _start
_start:
    lui   $t0, 0xbf82
    ori   $t0, $t0, 0x2620      /* U4TXREG */
    li    $t1, 'h'
    sw    $t1, 0($t0)
    li    $t1, 'i'
    sw    $t1, 0($t0)
1:  b     1b
    nop
    .rept 1100                  /* some bulk: > 4K of code */
    nop
    .endr

/* Test guest: prints "hi" on UART4 (the board console) and spins.
 * Fixed bytes for the golden tests of tests/conf (assembler only). */
#include <pic32mz/chip.h>
    .set noreorder
    .text
    .globl _start
_start:
    li    $t0, UART4_BASE + UART_TXREG  /* lui + ori */
    li    $t1, 'h'
    sw    $t1, 0($t0)
    li    $t1, 'i'
    sw    $t1, 0($t0)
1:  b     1b
    nop
    .rept 1100                  /* some bulk: > 4K of code */
    nop
    .endr

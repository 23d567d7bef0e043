/* A tight ALU loop: 5 instructions per iteration, 100 M iterations. */
#include <mips/mipsregs.h>
    .set noreorder
    .text
    .globl main
main:
    li      $t0, 100000000
    li      $t1, 0
    li      $t2, 7
1:  addu    $t1, $t1, $t2
    xor     $t2, $t2, $t1
    addiu   $t0, $t0, -1
    bnez    $t0, 1b
    sll     $t3, $t1, 3
    jr      $ra
    move    $v0, $zero

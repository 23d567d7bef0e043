/* Test guest: DEVCFG words both at the lower boot alias (0x1FC0FFC0) and
 * at boot-flash panel 1's own address (0x1FC4FFC0): one memory on the
 * chip, written twice (vpconf refuses it). */
    .set noreorder
    .text
    .globl _start
_start:
1:  b     1b
    nop
    .section .devcfg, "a"
    .word 0x86FFFFFF, 0xFFF9B11A, 0x0363FCB9, 0xFFF6FFF7
    .section .bf1, "a"
    .word 0x86FFFFFF, 0xFFF9B11A, 0x0363FCB9, 0xFFF6FFF7

/* Test guest built for the bare board: boot-flash reset code at 0xBFC00000
 * jumping to program flash, and its own DEVCFG words, which must stay in
 * its boot-flash view and never reach the chip's configuration words. */
    .set noreorder
    .section .boot, "ax"
    .globl _start
_start:
    la    $t0, main
    jr    $t0
    nop
    .section .devcfg, "a"
    .word 0x40000000            /* DEVCFG3 */
    .word 0x4000b9d9            /* DEVCFG2 */
    .word 0x5f74f4f9            /* DEVCFG1 */
    .word 0xfffff7d7            /* DEVCFG0 */
    .text
main:
    b     main
    nop

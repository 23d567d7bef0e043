/* Fixture for tests/unit/test_loader.c: known words in program flash
 * (.text), boot flash (.boot, at the reset vector), initialised data whose
 * load address (LMA) is in flash but whose run address is RAM, and a .bss
 * in RAM. Built without .boot when NO_BOOT is defined. */
    .set noreorder
    .text
    .globl _start
_start:
    .word 0x11223344, 0x55667788
    nop
    nop

#ifndef NO_BOOT
    .section .boot, "ax"
    .word 0xB00710AD, 0xCAFEF00D
#endif

    .data
    .asciz "tinyVP"

    .bss
    .space 300

/*
 * Start-up for bare-metal test programs (vpsim and QEMU malta -kernel).
 * Sets the stack, clears .bss, puts the CPU in a known state (kernel mode,
 * BEV=0 with EBase = 0x80000000, CU1 on, FR left as found), calls main and
 * leaves through UHI exit with main's return value.
 *
 * Exceptions: the general vector jumps to the handler in exc_hook if a test
 * set one (it is entered with k0/k1 free and must eret itself), otherwise
 * reports the exception and exits with status 99.
 */
#include <mips/mipsregs.h>
    .set noreorder
    .set noat

    .section .vectors, "ax"
    .globl __vectors
__vectors:
    /* +0x000: TLB refill */
    la      $k0, exc_hook
    lw      $k0, 0($k0)
    bnez    $k0, 1f
    nop
    j       __exc_default
    nop
1:  jr      $k0
    nop
    .org 0x180
    /* +0x180: general exception */
    la      $k0, exc_hook
    lw      $k0, 0($k0)
    bnez    $k0, 1f
    nop
    j       __exc_default
    nop
1:  jr      $k0
    nop
    .org 0x200
    /* +0x200: interrupt (Cause.IV=1) */
    la      $k0, exc_hook
    lw      $k0, 0($k0)
    bnez    $k0, 1f
    nop
    j       __exc_default
    nop
1:  jr      $k0
    nop

    .section .text.start, "ax"
    .globl _start
    .ent _start
_start:
    la      $sp, __stack_top
    /* Status: keep FR, set CU0|CU1, clear BEV/ERL/EXL/IE/UM. */
    mfc0    $t0, $12
    li      $t1, ST0_FR
    and     $t0, $t0, $t1
    li      $t1, ST0_CU0 | ST0_CU1
    or      $t0, $t0, $t1
    mtc0    $t0, $12
    ehb
    li      $t0, 0x80000000
    mtc0    $t0, $15, 1
    mtc0    $zero, $13
    ehb
    la      $t0, __bss_start
    la      $t1, __bss_end
2:  beq     $t0, $t1, 3f
    nop
    sw      $zero, 0($t0)
    b       2b
    addiu   $t0, $t0, 4
3:  jal     main
    nop
    move    $a0, $v0
    .globl uhi_exit
uhi_exit:
    li      $t9, UHI_EXIT
    sdbbp   1
4:  b       4b
    nop
    .end _start

    .globl uhi_write
    .ent uhi_write
uhi_write:
    /* int uhi_write(int fd, const void *buf, unsigned len) */
    li      $t9, UHI_WRITE
    sdbbp   1
    jr      $ra
    nop
    .end uhi_write

__exc_default:
    mfc0    $a0, $13
    mfc0    $a1, $14
    mfc0    $a2, $8
    la      $sp, __stack_top
    j       test_unexpected_exception
    nop

    .data
    .globl exc_hook
    .align 2
exc_hook:
    .word 0

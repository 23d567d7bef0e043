/*
 * A WAIT-heavy program: 1 simulated second of sleeping, woken 1000 times by
 * the core timer (every 1 ms) through the PIC32MZ interrupt controller.
 * Measures how fast vpsim skips idle time.
 */
#include <mips/mipsregs.h>
#include <pic32mz/chip.h>
#define IFS0   IFS(0)
#define IEC0   IEC(0)
#define IPC0   IPC(0)
#define OFF000 OFF(0)
#define TICKS  100000           /* Count ticks per ms (100 MHz) */
    .set noreorder
    .set noat
    .text
    .globl main
main:
    la      $t0, handler
    la      $t1, exc_hook
    sw      $t0, 0($t1)
    li      $t0, INTCON
    li      $t1, 1 << 12        /* MVEC */
    sw      $t1, 0($t0)
    li      $t0, OFF000
    li      $t1, 0x200
    sw      $t1, 0($t0)
    li      $t0, IPC0
    li      $t1, 3 << 2         /* core timer priority 3 */
    sw      $t1, 0($t0)
    li      $t0, IEC0 + 8
    li      $t1, 1
    sw      $t1, 0($t0)
    li      $t0, CAUSEF_IV
    mtc0    $t0, $13
    li      $t0, 1 << INTCTL_VS_SHIFT
    mtc0    $t0, $12, 1
    mfc0    $t0, $9
    li      $t1, TICKS
    addu    $t0, $t0, $t1
    mtc0    $t0, $11
    li      $s0, 0              /* wake-ups seen by the handler (k1 copy) */
    mfc0    $t0, $12
    ori     $t0, $t0, ST0_IE
    mtc0    $t0, $12
    ehb
1:  wait
    la      $t0, wakeups
    lw      $t1, 0($t0)
    sltiu   $t2, $t1, 1000
    bnez    $t2, 1b
    nop
    di
    li      $v0, 0
    jr      $ra
    nop

handler:
    mfc0    $k0, $11
    li      $k1, TICKS
    addu    $k0, $k0, $k1
    mtc0    $k0, $11            /* next ms; clears Cause.TI */
    li      $k0, IFS0 + 4
    li      $k1, 1
    sw      $k1, 0($k0)         /* IFS0CLR: core timer flag */
    la      $k0, wakeups
    lw      $k1, 0($k0)
    addiu   $k1, $k1, 1
    sw      $k1, 0($k0)
    ehb
    eret

    .data
    .align 2
wakeups:
    .word 0

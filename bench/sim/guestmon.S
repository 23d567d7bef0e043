/*
 * Minimal root monitor for measuring guest-mode simulation speed: maps the
 * guest's 512 KB of RAM 1:1 (one root TLB pair of 256 KB pages, GuestID 1),
 * lets the guest use its CP0 freely, and enters the program loaded at
 * 0x80010000 (a tests/lib program, loaded with vpsim --load) in guest
 * mode. The guest's UHI calls stop the run; any exit to root is reported.
 * Lives in program flash so it does not overlap the guest's RAM.
 */
#include <mips/mipsregs.h>
    .set noreorder
    .set noat
    .set virt
    .text
    .globl _start
_start:
    la      $t0, vectors
    mtc0    $t0, $15, 1
    li      $t0, ST0_CU0 | ST0_CU1
    mtc0    $t0, $12
    ehb
    /* root TLB entry 0 for GuestID 1: GPA 0..512K → PA 0..512K */
    li      $t0, 1 | (1 << GUESTCTL1_RID_SHIFT)
    mtc0    $t0, $10, 4
    li      $t0, PM_256K
    mtc0    $t0, $5
    mtc0    $zero, $10
    li      $t0, (0x00000 >> 12) << 6 | MIPS_ENTRYLO_V | MIPS_ENTRYLO_D | MIPS_ENTRYLO_G | (3 << 3)
    mtc0    $t0, $2
    li      $t0, (0x40000 >> 12) << 6 | MIPS_ENTRYLO_V | MIPS_ENTRYLO_D | MIPS_ENTRYLO_G | (3 << 3)
    mtc0    $t0, $3
    mtc0    $zero, $0
    ehb
    tlbwi
    /* controls: guest CP0, guest MMU, Count/Compare, CACHE, Config,
     * CU1 changes; no GSFC */
    li      $t0, GUESTCTL0_CP0 | (3 << GUESTCTL0_AT_SHIFT) | GUESTCTL0_GT | GUESTCTL0_CG | GUESTCTL0_CF | GUESTCTL0_SFC1
    mtc0    $t0, $12, 6
    li      $t0, GUESTCTL0EXT_FCD
    mtc0    $t0, $11, 4
    li      $t0, ST0_CU0 | ST0_CU1
    mtgc0   $t0, $12
    li      $t0, 0x80000000
    mtgc0   $t0, $15, 1
    /* enter the guest in shadow set 1 */
    li      $t0, 1 << SRSCTL_PSS_SHIFT
    mtc0    $t0, $12, 2
    li      $t0, 0x80010000
    mtc0    $t0, $14
    mfc0    $t0, $12
    ori     $t0, $t0, ST0_EXL
    mtc0    $t0, $12
    mfc0    $t0, $12, 6
    li      $t1, GUESTCTL0_GM
    or      $t0, $t0, $t1
    mtc0    $t0, $12, 6
    ehb
    eret

    .balign 4096
vectors:
    b       unexpected
    nop
    .org vectors + 0x180
    b       unexpected
    nop
    .org vectors + 0x200
    b       unexpected
    nop
unexpected:
    li      $a0, 2
    la      $a1, msg
    li      $a2, msg_end - msg
    li      $t9, UHI_WRITE
    sdbbp   1
    li      $a0, 3
    li      $t9, UHI_EXIT
    sdbbp   1
1:  b       1b
    nop
msg:
    .ascii  "guestmon: unexpected exit to root\n"
msg_end:

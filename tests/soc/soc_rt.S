/*
 * Runtime for the SoC test programs (tests/soc): interrupt entry stubs that
 * call a C handler, a stack-less handler for shadow-set tests, and bus
 * probes that survive a bus error.
 */
#include <mips/mipsregs.h>
#include <pic32mz/chip.h>
    .set noreorder
    .set noat
    .text

/* irq_stubN: multi-vector entry points (OFFx = irq_stubN - EBase); each
 * calls irq_handler(N) on the current stack with caller-saved registers
 * preserved, then returns with eret. */
    .macro STUB n
    .globl irq_stub\n
    .align 3
irq_stub\n:
    addiu   $sp, $sp, -96
    sw      $a0, 16($sp)
    b       irq_common
    li      $a0, \n
    .endm
    STUB 0
    STUB 1
    STUB 2
    STUB 3
    STUB 4
    STUB 5
    STUB 6
    STUB 7

/* Entry for a handler reached through exc_hook (single-vector mode): the
 * tag is 99 and the C handler reads INTSTAT. */
    .globl irq_hook_entry
    .align 3
irq_hook_entry:
    addiu   $sp, $sp, -96
    sw      $a0, 16($sp)
    b       irq_common
    li      $a0, 99

irq_common:
    sw      $1, 20($sp)
    sw      $v0, 24($sp)
    sw      $v1, 28($sp)
    sw      $a1, 32($sp)
    sw      $a2, 36($sp)
    sw      $a3, 40($sp)
    sw      $t0, 44($sp)
    sw      $t1, 48($sp)
    sw      $t2, 52($sp)
    sw      $t3, 56($sp)
    sw      $t4, 60($sp)
    sw      $t5, 64($sp)
    sw      $t6, 68($sp)
    sw      $t7, 72($sp)
    sw      $t8, 76($sp)
    sw      $t9, 80($sp)
    sw      $ra, 84($sp)
    mfhi    $t0
    sw      $t0, 88($sp)
    mflo    $t0
    jal     irq_handler
    sw      $t0, 92($sp)
    lw      $t0, 88($sp)
    mthi    $t0
    lw      $t0, 92($sp)
    mtlo    $t0
    lw      $1, 20($sp)
    lw      $v0, 24($sp)
    lw      $v1, 28($sp)
    lw      $a1, 32($sp)
    lw      $a2, 36($sp)
    lw      $a3, 40($sp)
    lw      $t0, 44($sp)
    lw      $t1, 48($sp)
    lw      $t2, 52($sp)
    lw      $t3, 56($sp)
    lw      $t4, 60($sp)
    lw      $t5, 64($sp)
    lw      $t6, 68($sp)
    lw      $t7, 72($sp)
    lw      $t8, 76($sp)
    lw      $t9, 80($sp)
    lw      $ra, 84($sp)
    lw      $a0, 16($sp)
    addiu   $sp, $sp, 96
    eret
    nop

/* ss_handler: for a software interrupt 0 (vector 1) delivered in a shadow
 * set. Uses no stack: records SRSCtl and INTSTAT, clears Cause.IP0 and
 * IFS0 bit 1, leaves 0x5A5A in $t0 of the set it ran in. */
    .globl ss_handler
    .align 3
ss_handler:
    mfc0    $k0, $12, 2
    la      $k1, ss_srsctl
    sw      $k0, 0($k1)
    li      $k0, INTC_BASE + INTC_INTSTAT
    lw      $k0, 0($k0)
    la      $k1, ss_intstat
    sw      $k0, 0($k1)
    mfc0    $k0, $13
    li      $k1, ~CAUSEF_IP0
    and     $k0, $k0, $k1
    mtc0    $k0, $13
    li      $k0, INTC_BASE + INTC_IFS(0) + 4    # IFS0CLR
    li      $k1, 2
    sw      $k1, 0($k0)
    li      $t0, 0x5A5A
    la      $k1, ss_count
    lw      $k0, 0($k1)
    addiu   $k0, $k0, 1
    sw      $k0, 0($k1)
    ehb
    eret
    nop

/* exc_skip: an exc_hook target that records Cause and EPC and resumes after
 * the faulting instruction (never in a delay slot: use the probes). */
    .globl exc_skip
    .align 3
exc_skip:
    mfc0    $k0, $13
    la      $k1, exc_cause
    sw      $k0, 0($k1)
    mfc0    $k0, $14
    la      $k1, exc_epc
    sw      $k0, 0($k1)
    la      $k1, exc_count
    lw      $k0, 0($k1)
    addiu   $k0, $k0, 1
    sw      $k0, 0($k1)
    mfc0    $k0, $14
    addiu   $k0, $k0, 4
    mtc0    $k0, $14
    ehb
    eret
    nop

/* uint32_t probe_read32(uint32_t addr): 0xDEADBEEF if the load faulted
 * (with exc_skip installed). probe_write32(addr, val). */
    .globl probe_read32
probe_read32:
    li      $v0, 0xDEADBEEF
    lw      $v0, 0($a0)
    nop
    jr      $ra
    nop
    .globl probe_read8
probe_read8:
    li      $v0, 0xDEADBEEF
    lbu     $v0, 0($a0)
    nop
    jr      $ra
    nop
    .globl probe_write32
probe_write32:
    sw      $a1, 0($a0)
    nop
    jr      $ra
    nop

    .data
    .align 2
    .globl ss_srsctl, ss_intstat, ss_count, exc_cause, exc_epc, exc_count
ss_srsctl:  .word 0
ss_intstat: .word 0
ss_count:   .word 0
exc_cause:  .word 0
exc_epc:    .word 0
exc_count:  .word 0

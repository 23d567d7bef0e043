/*
 * Minimal root monitor for VZ tests: root vectors that record a guest exit
 * and return to the C caller of vz_run, guest code snippets, and helpers.
 * The guest runs in shadow set 1 with GuestID 1; root in set 0.
 */
#include <mips/mipsregs.h>
    .set noreorder
    .set noat
    .set virt

    .text
/* Vector stubs, copied to the root EBase at +0x000, +0x180, +0x200. */
    .globl vz_stub_refill, vz_stub_general, vz_stub_int, vz_stub_end
vz_stub_refill:
    j       vz_root_exit
    li      $k1, 1
vz_stub_general:
    j       vz_root_exit
    li      $k1, 2
vz_stub_int:
    j       vz_root_exit
    li      $k1, 3
vz_stub_end:

vz_root_exit:
    la      $k0, vz_exit
    sw      $k1, 0($k0)
    mfc0    $k1, $13
    sw      $k1, 4($k0)
    mfc0    $k1, $14
    sw      $k1, 8($k0)
    mfc0    $k1, $12, 6
    sw      $k1, 12($k0)
    mfc0    $k1, $8
    sw      $k1, 16($k0)
    mfc0    $k1, $8, 1
    sw      $k1, 20($k0)
    mfc0    $k1, $8, 2
    sw      $k1, 24($k0)
    mfc0    $k1, $12
    sw      $k1, 28($k0)
    mfc0    $k1, $12, 2
    sw      $k1, 32($k0)
    /* leave guest mode for good: GM off, root interrupts off, back to
     * set 0, resume in C */
    mfc0    $k1, $12
    ins     $k1, $zero, 0, 1
    mtc0    $k1, $12
    mfc0    $k1, $12, 6
    li      $k0, ~GUESTCTL0_GM
    and     $k1, $k1, $k0
    mtc0    $k1, $12, 6
    mfc0    $k1, $12, 2
    li      $k0, ~SRSCTL_PSS
    and     $k1, $k1, $k0
    mtc0    $k1, $12, 2
    la      $k0, vz_return
    mtc0    $k0, $14
    ehb
    eret

/* void vz_run(uint32_t gva) */
    .globl vz_run
    .ent vz_run
vz_run:
    la      $t0, vz_saved
    sw      $sp, 0($t0)
    sw      $ra, 4($t0)
    sw      $s0, 8($t0)
    sw      $s1, 12($t0)
    sw      $s2, 16($t0)
    sw      $s3, 20($t0)
    sw      $s4, 24($t0)
    sw      $s5, 28($t0)
    sw      $s6, 32($t0)
    sw      $s7, 36($t0)
    sw      $fp, 40($t0)
    mtc0    $a0, $14
    mfc0    $t1, $12, 2
    li      $t2, ~SRSCTL_PSS
    and     $t1, $t1, $t2
    ori     $t1, $t1, 1 << SRSCTL_PSS_SHIFT
    mtc0    $t1, $12, 2
    mfc0    $t1, $12
    ori     $t1, $t1, ST0_EXL
    mtc0    $t1, $12
    mfc0    $t1, $12, 6
    li      $t2, GUESTCTL0_GM
    or      $t1, $t1, $t2
    mtc0    $t1, $12, 6
    ehb
    eret
vz_return:
    la      $t0, vz_saved
    lw      $sp, 0($t0)
    lw      $ra, 4($t0)
    lw      $s0, 8($t0)
    lw      $s1, 12($t0)
    lw      $s2, 16($t0)
    lw      $s3, 20($t0)
    lw      $s4, 24($t0)
    lw      $s5, 28($t0)
    lw      $s6, 32($t0)
    lw      $s7, 36($t0)
    jr      $ra
    lw      $fp, 40($t0)
    .end vz_run

/* Guest registers in shadow set 1 (SRSCtl.PSS must be 1 around these). */
    .globl vz_greg_rd, vz_greg_wr
vz_greg_rd: /* a0 = register number 0..31 (jump table) */
    la      $t0, 1f
    sll     $a0, $a0, 3
    addu    $t0, $t0, $a0
    jr      $t0
    nop
1:
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    jr      $ra
    rdpgpr  $v0, $\n
    .endr
vz_greg_wr: /* a0 = number, a1 = value */
    la      $t0, 1f
    sll     $a0, $a0, 3
    addu    $t0, $t0, $a0
    jr      $t0
    nop
1:
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    jr      $ra
    wrpgpr  $\n, $a1
    .endr

/* ---- guest snippets (position independent; addresses via li) ---------- */
#define SNIP(n) .globl n, n##_end; n:
#define END(n) n##_end:

/* HYPCALL 0x155 at once */
SNIP(g_hypcall)
    hypcall 0x155
END(g_hypcall)

/* read Status into t0, then HYPCALL 1 */
SNIP(g_mfc0_status)
    mfc0    $t0, $12
    hypcall 1
END(g_mfc0_status)

SNIP(g_mfc0_prid)
    mfc0    $t0, $15
    hypcall 1
END(g_mfc0_prid)

SNIP(g_wait)
    wait
    hypcall 1
END(g_wait)

SNIP(g_count)
    mfc0    $t0, $9
    hypcall 1
END(g_count)

SNIP(g_mtc0_config)
    mtc0    $t1, $16
    hypcall 1
END(g_mtc0_config)

/* t1 = new Status; mtc0 then read back into t0 */
SNIP(g_mtc0_status)
    mtc0    $t1, $12
    mfc0    $t0, $12
    hypcall 1
END(g_mtc0_status)

/* load from t1 */
SNIP(g_load)
    lw      $t0, 0($t1)
    hypcall 1
END(g_load)

/* store t2 to t1 */
SNIP(g_store)
    sw      $t2, 0($t1)
    hypcall 1
END(g_store)

/* load from t1 in the delay slot of a taken branch */
SNIP(g_load_ds)
    beq     $zero, $zero, 1f
    lw      $t0, 0($t1)
    nop
1:  hypcall 1
END(g_load_ds)

/* SYSCALL handled by the guest's own vector, then HYPCALL 2 */
SNIP(g_syscall)
    syscall
    hypcall 2
END(g_syscall)

/* guest general exception handler at guest EBase + 0x180: record Cause at
 * GUEST_DATA+0x100, skip the instruction, return */
SNIP(g_handler)
    lui     $k0, 0x8000
    mfc0    $k1, $13
    sw      $k1, 0x100($k0)
    mfc0    $k1, $14
    addiu   $k1, $k1, 4
    mtc0    $k1, $14
    ehb
    eret
END(g_handler)

/* guest interrupt handler (placed at guest EBase + GVEC): mark and exit */
SNIP(g_int_handler)
    lui     $k0, 0x8000
    mfc0    $k1, $13
    sw      $k1, 0x104($k0)
    hypcall 3
END(g_int_handler)

/* enable guest interrupts and spin until one comes */
SNIP(g_spin_ie)
    ei
    ehb
1:  b       1b
    addiu   $t3, $t3, 1
END(g_spin_ie)

/* enable guest interrupts, spin 100 times, then HYPCALL 4 */
SNIP(g_spin_bounded)
    ei
    ehb
    li      $t3, 100
1:  addiu   $t3, $t3, -1
    bnez    $t3, 1b
    nop
    hypcall 4
END(g_spin_bounded)

/* guest timer: Compare = Count + 50, interrupts on, spin, HYPCALL 4 */
SNIP(g_timer)
    mfc0    $t0, $9
    addiu   $t0, $t0, 50
    mtc0    $t0, $11
    ei
    ehb
    li      $t3, 1000
1:  addiu   $t3, $t3, -1
    bnez    $t3, 1b
    nop
    hypcall 4
END(g_timer)

/* FPU use */
SNIP(g_fpu)
    mtc1    $t1, $f2
    mfc1    $t0, $f2
    hypcall 1
END(g_fpu)

/* a reserved instruction (SPECIAL funct 0x05) */
SNIP(g_reserved)
    .word   0x00000005
    hypcall 1
END(g_reserved)

/* t0 = t1 + 1 using the guest's own registers */
SNIP(g_addone)
    addiu   $t0, $t1, 1
    hypcall 1
END(g_addone)

    .bss
    .align 2
vz_saved:
    .space 48

/* ---- microMIPS guest snippets (vz_micromips.c) ---------------------------
 * Entered at an odd address (the ISA bit, MD00582 sec. 2.1). The C side
 * clears bit 0 of these labels before copying the bytes. */
#define MSNIP(n) .align 2; .globl n, n##_end; n: .set push; .set micromips; .set noreorder
#define MEND(n) .set pop; .align 2; n##_end:
    .text

/* HYPCALL 0x155 (32-bit) */
MSNIP(gm_hypcall)
    hypcall 0x155
MEND(gm_hypcall)

/* MFC0 Status (trapped with GuestCtl0.CP0 = 0: GPSI) */
MSNIP(gm_mfc0)
    mfc0    $t0, $12
    hypcall 1
MEND(gm_mfc0)

/* a load from t1 in the slot of a 32-bit BEQ */
MSNIP(gm_load_ds32)
    beq     $zero, $zero, 1f
    lw      $t0, 0($t1)
    nop32
1:  hypcall 1
MEND(gm_load_ds32)

/* a 32-bit load from t1 in the slot of B16 */
MSNIP(gm_load_ds16)
    b16     1f
    lw      $t0, 0($t1)
    nop16
1:  hypcall 1
MEND(gm_load_ds16)

/* a 16-bit load from a0 in the 16-bit slot of JALS */
MSNIP(gm_load_jals)
    jals    1f
    lw16    $v0, 0($a0)
    nop16
1:  hypcall 1
MEND(gm_load_jals)

/* SYSCALL (32-bit) handled by the guest's vector, then HYPCALL 2 */
MSNIP(gm_syscall)
    syscall
    hypcall 2
MEND(gm_syscall)

/* a microMIPS guest exception handler (guest Config3.ISAOnExc = 1): HYPCALL 4 */
MSNIP(gm_handler)
    hypcall 4
MEND(gm_handler)

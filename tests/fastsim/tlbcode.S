/* The routine tlbrun.c copies to a page it maps in kuseg through the TLB:
 * position-independent (relative branches only). tlb_kernel(data, rounds):
 * rounds passes over 64 words at data, each word read, mixed into a
 * running value and written back; returns the value. */
    .text
    .set noreorder
    .globl tlb_kernel
    .globl tlb_kernel_end
    .type tlb_kernel, @function
tlb_kernel:
    move    $v0, $zero
1:  move    $t0, $a0
    li      $t1, 64
2:  lw      $t2, 0($t0)
    addu    $v0, $v0, $t2
    xor     $t2, $t2, $v0
    sll     $t3, $v0, 3
    srl     $t4, $v0, 29
    or      $v0, $t3, $t4
    sw      $t2, 0($t0)
    addiu   $t1, $t1, -1
    bnez    $t1, 2b
    addiu   $t0, $t0, 4
    addiu   $a1, $a1, -1
    bnez    $a1, 1b
    nop
    jr      $ra
    nop
tlb_kernel_end:
    .size tlb_kernel, . - tlb_kernel

/*
 * Start-up and exception vectors of the firmware-style test guests
 * (tests/fw), written from the MIPS32 PRA and the PIC32MZ EF datasheet
 * (DS60001320, sec. 7 "CPU exceptions and interrupt controller") the way
 * a bare-metal toolchain's crt0 does it, without tinyVP's guest runtime:
 *
 *   0xBFC00000  reset (BEV = 1): into program flash (kseg0), _start
 *   _start      stack, .bss cleared, Status = 0 (BEV, ERL off), EBase =
 *               0x9D000000, IntCtl.VS = 1, Cause.IV = 1, main()
 *   EBase+0x000 TLB refill, +0x180 general exception: fw_exception()
 *   EBase+0x200 the interrupt vector of single-vector mode
 *               (INTCON.MVEC = 0): every interrupt, k0 = -1
 *   EBase+0x400+8v  vector v's entry in multi-vector mode (the program
 *               sets OFFv = 0x400 + 8v), k0 = v
 *
 * fw_irq saves the interrupted context on its stack (every GPR but
 * k0/k1/sp, HI, LO, EPC, Status: FW_FRAME bytes), calls
 * fw_irq_dispatch(vector or -1, frame), which returns the frame to
 * resume (another task's, for a context switch), restores it and ERETs.
 * The handler runs at EXL = 1 throughout (no nesting).
 */
    .set noreorder
    .set noat

#define FW_FRAME 144

/* ---- boot flash ------------------------------------------------------- */
    .section .reset, "ax"
    .globl _reset
_reset:
    la      $k0, _start
    jr      $k0
    nop
    .org    0x380                   /* BEV = 1: general exception */
    la      $k0, fw_bad
    jr      $k0
    li      $k1, 0x380
    .org    0x400                   /* BEV = 1: interrupt */
    la      $k0, fw_bad
    jr      $k0
    li      $k1, 0x400

/* ---- EBase: program flash --------------------------------------------- */
    .section .vectors, "ax"
    .globl fw_ebase
fw_ebase:
    la      $k0, fw_bad             /* +0x000 TLB refill */
    jr      $k0
    li      $k1, 0
    .org    0x180                   /* general exception */
    la      $k0, fw_bad
    jr      $k0
    li      $k1, 0x180
    .org    0x200                   /* interrupt, single-vector mode */
    j       fw_irq
    li      $k0, -1
    .org    0x400                   /* multi-vector entries, 8 bytes each */
    .set    vec, 0
    .rept   192
    j       fw_irq
    li      $k0, vec
    .set    vec, vec + 1
    .endr

    .text
    .globl _start
    .ent _start
_start:
    la      $sp, _fw_stack_top
    la      $t0, _fw_bss
    la      $t1, _fw_bss_end
1:  beq     $t0, $t1, 2f
    nop
    sw      $zero, 0($t0)
    b       1b
    addiu   $t0, $t0, 4
2:  mtc0    $zero, $12, 0           /* Status: kernel, BEV/ERL/EXL/IE off */
    ehb
    la      $t0, fw_ebase
    mtc0    $t0, $15, 1             /* EBase */
    li      $t0, 1 << 5
    mtc0    $t0, $12, 1             /* IntCtl.VS = 1 (vectoring on) */
    li      $t0, 1 << 23
    mtc0    $t0, $13, 0             /* Cause.IV = 1: interrupts at +0x200 */
    ehb
    jal     main
    nop
3:  b       3b
    nop
    .end _start

/* exceptions the programs do not expect: k1 = the vector's offset */
fw_bad:
    la      $sp, _fw_stack_top - 256
    move    $a0, $k1
    mfc0    $a1, $13, 0             /* Cause */
    jal     fw_exception
    mfc0    $a2, $14, 0             /* EPC */
4:  b       4b
    nop

    .globl fw_irq
    .ent fw_irq
fw_irq:
    addiu   $sp, $sp, -FW_FRAME
    .irp    r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 28, 30, 31
    sw      $\r, 4 * \r($sp)
    .endr
    mfhi    $t0
    mflo    $t1
    sw      $t0, 128($sp)
    sw      $t1, 132($sp)
    mfc0    $t0, $14, 0             /* EPC */
    mfc0    $t1, $12, 0             /* Status (EXL = 1) */
    sw      $t0, 136($sp)
    sw      $t1, 140($sp)
    move    $a0, $k0
    jal     fw_irq_dispatch
    move    $a1, $sp
    move    $sp, $v0                /* the frame to resume */
    lw      $t0, 136($sp)
    lw      $t1, 140($sp)
    mtc0    $t0, $14, 0
    mtc0    $t1, $12, 0
    lw      $t0, 128($sp)
    lw      $t1, 132($sp)
    mthi    $t0
    mtlo    $t1
    .irp    r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 28, 30, 31
    lw      $\r, 4 * \r($sp)
    .endr
    addiu   $sp, $sp, FW_FRAME
    ehb
    eret
    .end fw_irq

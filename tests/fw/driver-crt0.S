/*
 * Start-up of the driver-style firmware (tests/fw/driver.c), written the
 * way XC32's crt0 for the PIC32MZ starts a program, from the MIPS32 PRA
 * (MD00090: CP0 registers, sec. 9; CACHE, MD00086) and the PIC32MZ EF
 * datasheet (DS60001320, sec. 4 "Memory organization", sec. 7 "CPU
 * exceptions and interrupt controller"):
 *
 *   0xBFC00000  _reset (boot flash, kseg1, BEV = ERL = 1): an NMI returns
 *               with ERET; otherwise on to _startup
 *   _startup    (boot flash, uncached) sp = _stack, gp = _gp; ErrCtl = 0,
 *               TagLo = 0; Index Store Tag over every line of the I-cache
 *               (from 0x9D000000) and the D-cache (from 0x80000000), the
 *               geometry from Config1; SYNC; Config.K0 = 3; into kseg0
 *   _main_entry .bss cleared, .data copied from flash (word by word),
 *               OFFx written from the linker's vector-offset table
 *               (byte stores, as XC32's .dinit copy makes them),
 *               Count = 0, Compare = -1, BEV = 1, EBase =
 *               _ebase_address, IntCtl.VS = _vector_spacing (linker
 *               symbols), Cause = IV, Status = its SR/NMI/BEV bits only,
 *               BEV cleared, main()
 *
 * Exceptions: EBase + 0x180 (general) calls drv_exception(cause, epc);
 * interrupts go to each vector's stub at EBase + OFFx (driver.ld puts
 * section .vector_N at 0x200 + N * (_vector_spacing << 5)).
 */
    .set noreorder
    .set noat

/* ---- boot flash ---------------------------------------------------------- */
    .section .reset, "ax"
    .globl _reset
    .ent _reset
_reset:
    mfc0    $k0, $12, 0             /* Status.NMI (19): a non-maskable interrupt */
    ext     $k0, $k0, 19, 1
    beqz    $k0, 1f
    nop
    mfc0    $k0, $12, 0             /* the NMI handler: BEV off, ERET */
    ins     $k0, $zero, 22, 1
    mtc0    $k0, $12, 0
    ehb
    eret
1:  la      $k0, _startup
    jr      $k0
    nop
    .end _reset

    .org    0x380                   /* BEV = 1 exceptions: not expected */
2:  b       2b
    nop
    .org    0x400
3:  b       3b
    nop
    .org    0x480                   /* EJTAG debug */
4:  b       4b
    nop

    .org    0x4B0                   /* XC32's .cache_init / .startup place */
    .globl _startup
    .ent _startup
_startup:
    la      $sp, _stack
    la      $gp, _gp
    mtc0    $zero, $26, 0           /* ErrCtl: the tag arrays, not data */
    mtc0    $zero, $28, 0           /* TagLo: invalid, unlocked */
    ehb
    mfc0    $s0, $16, 1             /* Config1 */
    /* I-cache: line 2 << IL, 64 << IS sets, IA + 1 ways */
    ext     $t1, $s0, 19, 3
    beqz    $t1, 6f
    li      $t2, 2
    sllv    $t1, $t2, $t1
    ext     $t2, $s0, 22, 3
    li      $t3, 64
    sllv    $t2, $t3, $t2
    ext     $t3, $s0, 16, 3
    addiu   $t3, $t3, 1
    mul     $t2, $t2, $t3
    li      $t0, 0x9D000000
5:  cache   0x08, 0($t0)            /* Index Store Tag, I */
    addiu   $t2, $t2, -1
    bnez    $t2, 5b
    addu    $t0, $t0, $t1
6:  /* D-cache: line 2 << DL, 64 << DS sets, DA + 1 ways */
    ext     $t1, $s0, 10, 3
    beqz    $t1, 8f
    li      $t2, 2
    sllv    $t1, $t2, $t1
    ext     $t2, $s0, 13, 3
    li      $t3, 64
    sllv    $t2, $t3, $t2
    ext     $t3, $s0, 7, 3
    addiu   $t3, $t3, 1
    mul     $t2, $t2, $t3
    li      $t0, 0x80000000
7:  cache   0x09, 0($t0)            /* Index Store Tag, D */
    addiu   $t2, $t2, -1
    bnez    $t2, 7b
    addu    $t0, $t0, $t1
8:  sync
    mfc0    $t0, $16, 0             /* Config.K0 = 3: cacheable, write-back */
    li      $t1, 3
    ins     $t0, $t1, 0, 3
    mtc0    $t0, $16, 0
    ehb
    la      $t0, _main_entry
    jr.hb   $t0
    nop
    .end _startup

/* ---- EBase: general exception ------------------------------------------- */
    .section .exc, "ax"
    .globl _gen_exception
_gen_exception:
    mfc0    $a0, $13, 0             /* Cause */
    mfc0    $a1, $14, 0             /* EPC */
    la      $k0, drv_exception
    jr      $k0
    addiu   $sp, $sp, -32

/* ---- program flash ------------------------------------------------------- */
    .section .text.startup, "ax"
    .globl _main_entry
    .ent _main_entry
_main_entry:
    la      $t0, _bss_begin         /* .bss */
    la      $t1, _bss_end
1:  beq     $t0, $t1, 2f
    nop
    sw      $zero, 0($t0)
    b       1b
    addiu   $t0, $t0, 4
2:  la      $t0, _data_load         /* .data from its copy in flash */
    la      $t1, _data_begin
    la      $t2, _data_end
3:  beq     $t1, $t2, 4f
    nop
    lw      $t3, 0($t0)
    addiu   $t0, $t0, 4
    sw      $t3, 0($t1)
    b       3b
    addiu   $t1, $t1, 4
4:  la      $t0, _voff_init         /* OFFx: (register, offset) pairs, */
    la      $t1, _voff_init_end     /* a byte at a time as XC32's .dinit */
5:  beq     $t0, $t1, 6f            /* copy loop writes them */
    nop
    lw      $t2, 0($t0)
    lw      $t3, 4($t0)
    sb      $t3, 0($t2)
    srl     $t3, $t3, 8
    sb      $t3, 1($t2)
    srl     $t3, $t3, 8
    sb      $t3, 2($t2)
    srl     $t3, $t3, 8
    sb      $t3, 3($t2)
    b       5b
    addiu   $t0, $t0, 8
6:  mtc0    $zero, $9, 0            /* Count = 0, Compare = -1 */
    li      $t0, -1
    mtc0    $t0, $11, 0
    mfc0    $t0, $12, 0             /* BEV = 1 while EBase changes */
    lui     $t1, 0x0040
    or      $t0, $t0, $t1
    mtc0    $t0, $12, 0
    ehb
    la      $t0, _ebase_address
    mtc0    $t0, $15, 1             /* EBase */
    la      $t1, _vector_spacing
    mfc0    $t0, $12, 1             /* IntCtl.VS */
    ins     $t0, $t1, 5, 5
    mtc0    $t0, $12, 1
    lui     $t0, 0x0080             /* Cause: IV = 1 */
    mtc0    $t0, $13, 0
    mfc0    $t0, $12, 0             /* Status: SR, NMI, BEV kept; ERL, EXL, IE off */
    li      $t1, 0x00580000
    and     $t0, $t0, $t1
    mtc0    $t0, $12, 0
    ehb
    ins     $t0, $zero, 22, 1       /* BEV off */
    mtc0    $t0, $12, 0
    ehb
    jal     main
    nop
9:  b       9b
    nop
    .end _main_entry

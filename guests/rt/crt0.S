/*
 * Start-up of a tinyVP example guest, as for the real chipKIT Wi-FIRE:
 *
 *   0xBFC00000  reset vector (boot flash, kseg1, BEV=1): initialise the
 *               L1 caches from Config1, set Config.K0 = 3 (cacheable,
 *               write-back), jump to _start in program flash (kseg0).
 *   _start      stack, .data copied from flash, .bss cleared, CP0: Status
 *               (CU1|FR: the FPU on in 64-bit mode, as XC32's start-up does
 *               for hard-float code; BEV, ERL, EXL, IE cleared), EBase =
 *               0x9D000000, IntCtl.VS = 1, Cause.IV = 1; rt_irq_init()
 *               (multi-vector mode, OFFx); main(); rt_exit(main's value).
 *
 * Exceptions (EBase = __ebase, the start of program flash):
 *   +0x000 TLB refill, +0x100 cache error, +0x180 general: __exc_entry
 *   +0x200 + 8 v: the stub for interrupt vector v (OFF[v] points to it)
 * While BEV=1 (the first instructions) the boot-flash vectors go to
 * __exc_entry too.
 */
#include <mips/mipsregs.h>

    .set noreorder
    .set noat

/* ---- boot flash ---------------------------------------------------------- */
    .section .reset, "ax"
    .globl _reset
    .ent _reset
_reset:
    j       __boot                  /* same 256 MB segment: kseg1 boot flash */
    nop
    .end _reset

    .org 0x380                      /* BEV=1 general exception */
    la      $k0, __exc_entry
    jr      $k0
    nop
    .org 0x400                      /* BEV=1 interrupt (interrupts are off) */
    la      $k0, __exc_entry
    jr      $k0
    nop
    .org 0x480                      /* EJTAG debug: no debugger support */
1:  b       1b
    nop

    .org 0x500
    .ent __boot
__boot:
    /* Caches: every line of both L1 caches gets an invalid tag (the M5150
     * does not initialise them: Config7.HCI = 0). Geometry from Config1:
     * sets per way 64 << S, line 2 << L (L = 0: no cache), ways A + 1. */
    mtc0    $zero, $28, 0           /* TagLo */
    mtc0    $zero, $28, 1           /* DataLo */
    ehb
    mfc0    $s0, $16, 1             /* Config1 */

    ext     $t1, $s0, 19, 3         /* IL */
    beqz    $t1, 2f
    li      $t2, 2
    sllv    $t1, $t2, $t1           /* line size */
    ext     $t2, $s0, 22, 3         /* IS */
    li      $t3, 64
    sllv    $t2, $t3, $t2           /* sets */
    ext     $t3, $s0, 16, 3         /* IA */
    addiu   $t3, $t3, 1
    mul     $t2, $t2, $t3           /* lines */
    li      $t0, KSEG0
1:  cache   0x08, 0($t0)            /* Index Store Tag, I */
    addiu   $t2, $t2, -1
    bnez    $t2, 1b
    addu    $t0, $t0, $t1
2:
    ext     $t1, $s0, 10, 3         /* DL */
    beqz    $t1, 2f
    li      $t2, 2
    sllv    $t1, $t2, $t1
    ext     $t2, $s0, 13, 3         /* DS */
    li      $t3, 64
    sllv    $t2, $t3, $t2
    ext     $t3, $s0, 7, 3          /* DA */
    addiu   $t3, $t3, 1
    mul     $t2, $t2, $t3
    li      $t0, KSEG0
1:  cache   0x09, 0($t0)            /* Index Store Tag, D */
    addiu   $t2, $t2, -1
    bnez    $t2, 1b
    addu    $t0, $t0, $t1
2:
    /* kseg0 cacheable, write-back, write-allocate */
    mfc0    $t0, $16, 0
    ins     $t0, $zero, 0, 3
    ori     $t0, $t0, CONF_CM_CACHABLE
    mtc0    $t0, $16, 0
    ehb
    la      $t0, _start             /* into program flash, kseg0 */
    jr.hb   $t0
    nop
    .end __boot

/* ---- program flash: exception and interrupt vectors at EBase ------------- */
    .section .vectors, "ax"
    .globl __ebase
__ebase:
    la      $k0, __exc_entry        /* +0x000 TLB refill */
    jr      $k0
    nop
    .org 0x100                      /* cache error */
    la      $k0, __exc_entry
    jr      $k0
    nop
    .org 0x180                      /* general exception */
    la      $k0, __exc_entry
    jr      $k0
    nop

    /* +0x200 + 8 v: vector v's stub (rt_irq_init sets OFF[v] to match) */
    .org 0x200
    .globl __irq_stubs
__irq_stubs:
    .set vec, 0
    .rept 214
    j       __irq_common
    addiu   $k0, $zero, vec
    .set vec, vec + 1
    .endr

/* ---- start-up in program flash ------------------------------------------ */
    .section .text.startup, "ax"
    .globl _start
    .ent _start
_start:
    la      $sp, __stack_top
    move    $fp, $zero
    /* .data: copy from its load address in flash */
    la      $t0, __data_load
    la      $t1, __data_start
    la      $t2, __data_end
1:  beq     $t1, $t2, 2f
    nop
    lw      $t3, 0($t0)
    addiu   $t0, $t0, 4
    sw      $t3, 0($t1)
    b       1b
    addiu   $t1, $t1, 4
2:  /* .bss: clear */
    la      $t1, __bss_start
    la      $t2, __bss_end
1:  beq     $t1, $t2, 2f
    nop
    sw      $zero, 0($t1)
    b       1b
    addiu   $t1, $t1, 4
2:
    /* Status: FPU on (CU1) in FR=1 mode, kernel mode, BEV still 1 while
     * EBase changes; ERL/EXL/IE/IPL cleared. */
    li      $t0, ST0_CU1 | ST0_FR | ST0_BEV
    mtc0    $t0, $12, 0
    ehb
    la      $t0, __ebase
    mtc0    $t0, $15, 1             /* EBase */
    li      $t0, 1 << INTCTL_VS_SHIFT
    mtc0    $t0, $12, 1             /* IntCtl.VS = 1: vectored (EIC offsets) */
    li      $t0, CAUSEF_IV
    mtc0    $t0, $13, 0             /* Cause.IV = 1, DC = 0 (Count runs) */
    li      $t0, ST0_CU1 | ST0_FR
    mtc0    $t0, $12, 0             /* BEV = 0 */
    ehb
    .set push
    .set hardfloat
    ctc1    $zero, $31              /* FCSR: round to nearest, no traps */
    .set pop
    jal     rt_irq_init
    nop
    move    $a0, $zero
    jal     main
    move    $a1, $zero
    jal     rt_exit                 /* (JAL, not J: the linker turns it into
                                     * JALX for a microMIPS rt_exit) */
    move    $a0, $v0
    .end _start

/* ---- interrupt entry: k0 = vector ---------------------------------------- */
/* Saves what the o32 ABI lets a C function clobber, calls
 * rt_irq_table[k0](k0) with EXL still set (no nesting) and returns. */
#define IF_SIZE 96
    .text
    .ent __irq_common
__irq_common:
    addiu   $sp, $sp, -IF_SIZE
    sw      $1, 16($sp)
    sw      $2, 20($sp)
    sw      $3, 24($sp)
    sw      $4, 28($sp)
    sw      $5, 32($sp)
    sw      $6, 36($sp)
    sw      $7, 40($sp)
    sw      $8, 44($sp)
    sw      $9, 48($sp)
    sw      $10, 52($sp)
    sw      $11, 56($sp)
    sw      $12, 60($sp)
    sw      $13, 64($sp)
    sw      $14, 68($sp)
    sw      $15, 72($sp)
    sw      $24, 76($sp)
    sw      $25, 80($sp)
    sw      $31, 84($sp)
    mfhi    $k1
    sw      $k1, 88($sp)
    mflo    $k1
    sw      $k1, 92($sp)
    sll     $k1, $k0, 2
    lui     $t0, %hi(rt_irq_table)
    addu    $t0, $t0, $k1
    lw      $t0, %lo(rt_irq_table)($t0)
    jalr    $t0
    move    $a0, $k0
    lw      $k1, 88($sp)
    mthi    $k1
    lw      $k1, 92($sp)
    mtlo    $k1
    lw      $1, 16($sp)
    lw      $2, 20($sp)
    lw      $3, 24($sp)
    lw      $4, 28($sp)
    lw      $5, 32($sp)
    lw      $6, 36($sp)
    lw      $7, 40($sp)
    lw      $8, 44($sp)
    lw      $9, 48($sp)
    lw      $10, 52($sp)
    lw      $11, 56($sp)
    lw      $12, 60($sp)
    lw      $13, 64($sp)
    lw      $14, 68($sp)
    lw      $15, 72($sp)
    lw      $24, 76($sp)
    lw      $25, 80($sp)
    lw      $31, 84($sp)
    addiu   $sp, $sp, IF_SIZE
    eret
    .end __irq_common

/* ---- general exception entry ---------------------------------------------- */
/* Builds a struct rt_frame (rt.h) on the stack and calls rt_exception(f);
 * resumes at the EPC it returns, with the registers of the frame. */
#define EF_R(n)     (16 + 4 * (n))
#define EF_HI       (16 + 128)
#define EF_LO       (EF_HI + 4)
#define EF_EPC      (EF_HI + 8)
#define EF_STATUS   (EF_HI + 12)
#define EF_CAUSE    (EF_HI + 16)
#define EF_BADVADDR (EF_HI + 20)
#define EF_SIZE     (EF_HI + 24)
    .ent __exc_entry
    .globl __exc_entry
__exc_entry:
    move    $k1, $sp
    addiu   $sp, $sp, -EF_SIZE
    .irp    n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 28, 30, 31
    sw      $\n, EF_R(\n)($sp)
    .endr
    sw      $k1, EF_R(29)($sp)
    mfhi    $k1
    sw      $k1, EF_HI($sp)
    mflo    $k1
    sw      $k1, EF_LO($sp)
    mfc0    $k1, $14, 0
    sw      $k1, EF_EPC($sp)
    mfc0    $k1, $12, 0
    sw      $k1, EF_STATUS($sp)
    mfc0    $k1, $13, 0
    sw      $k1, EF_CAUSE($sp)
    mfc0    $k1, $8, 0
    sw      $k1, EF_BADVADDR($sp)
    jal     rt_exception
    move    $a0, $sp
    mtc0    $v0, $14, 0             /* EPC to resume at */
    lw      $k1, EF_HI($sp)
    mthi    $k1
    lw      $k1, EF_LO($sp)
    mtlo    $k1
    .irp    n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 28, 30, 31
    lw      $\n, EF_R(\n)($sp)
    .endr
    addiu   $sp, $sp, EF_SIZE
    ehb
    eret
    .end __exc_entry

/* Kernel-mode privileged operations: DI/EI (return the old Status), EHB,
 * RDHWR 0/1/2/3/29 in kernel mode, Count running, a Compare write clearing
 * Cause.TI, software interrupts through the general and the special
 * interrupt vector (interrupt compatibility mode: IntCtl.VS = 0), and the
 * writable fields of EPC, EBase, UserLocal, KScratch, IntCtl.VS, Cause. */
#include "isa.h"
ISA_NAME("isa/priv")
TEST_BEGIN
    /* DI / EI */
    mfc0    $s1, $12
    andi    $t0, $s1, ST0_IE
    CHK($t0, 0)                      /* crt0 leaves interrupts off */
    di      $t0
    CHKR($t0, $s1)
    ei      $t1
    CHKR($t1, $s1)
    ehb
    mfc0    $t2, $12
    ori     $t3, $s1, ST0_IE
    CHKR($t2, $t3)
    di      $t4
    ehb
    CHKR($t4, $t3)
    mfc0    $t2, $12
    CHKR($t2, $s1)
    di                               /* rt = 0 form */
    ehb
    mfc0    $t2, $12
    CHKR($t2, $s1)

    /* RDHWR in kernel mode */
    mfc0    $t0, $15, 1
    andi    $t0, $t0, EBASE_CPUNUM
    rdhwr   $t1, $0
    CHKR($t1, $t0)
    /* SYNCI_Step = the smaller L1 line size in Config1 (IL 21:19, DL 12:10) */
    mfc0    $t0, $16, 1
    ext     $t2, $t0, 19, 3
    li      $t3, 2
    sllv    $t2, $t3, $t2                /* 2 << IL */
    ext     $t4, $t0, 10, 3
    sllv    $t4, $t3, $t4                /* 2 << DL */
    sltu    $t5, $t4, $t2
    movn    $t2, $t4, $t5
    rdhwr   $t1, $1
    CHKR($t1, $t2)
    /* CC lies between two reads of Count */
    mfc0    $t0, $9
    rdhwr   $t1, $2
    mfc0    $t2, $9
    subu    $t3, $t1, $t0
    subu    $t4, $t2, $t0
    sltu    $t5, $t4, $t3                /* (cc - c0) > (c1 - c0)? */
    CHK($t5, 0)
    /* CCRes: Count runs at half the pipeline clock */
    rdhwr   $t1, $3
    CHK($t1, 2)
    /* ULR = UserLocal */
    li      $t0, 0x600dcafe
    mtc0    $t0, $4, 2
    ehb
    mfc0    $t1, $4, 2
    CHK($t1, 0x600dcafe)
    rdhwr   $t1, $29
    CHK($t1, 0x600dcafe)

    /* Count moves */
    mfc0    $t0, $9
    li      $t2, 1000
1:  bnez    $t2, 1b
    addiu   $t2, $t2, -1
    mfc0    $t1, $9
    subu    $t3, $t1, $t0
    sltu    $t4, $zero, $t3
    CHK($t4, 1)

    /* Compare: TI rises when Count reaches it; writing Compare clears it.
     * (QEMU sets TI from a host timer that never fires while the guest
     * spins with interrupts off: M5150 only, README) */
    IF_M5150 .Lno_ti
    mfc0    $t0, $9
    addiu   $t0, $t0, 300
    mtc0    $t0, $11
    ehb
    mfc0    $t1, $11
    CHKR($t1, $t0)
    li      $t2, 2000000
2:  mfc0    $t3, $13
    srl     $t3, $t3, 30
    andi    $t3, $t3, 1
    bnez    $t3, 3f
    addiu   $t2, $t2, -1
    bnez    $t2, 2b
    nop
3:  CHK($t3, 1)
    mfc0    $t0, $9
    addiu   $t0, $t0, -1                 /* far away: Count just passed it */
    mtc0    $t0, $11
    ehb
    mfc0    $t3, $13
    srl     $t3, $t3, 30
    andi    $t3, $t3, 1
    CHK($t3, 0)
.Lno_ti:

    /* EPC, UserLocal, KScratch1/2 are plain read/write */
    li      $t0, 0x80001234
    mtc0    $t0, $14
    ehb
    mfc0    $t1, $14
    CHK($t1, 0x80001234)
    li      $t0, 0xa5a5f00f
    mtc0    $t0, $31, 2
    li      $t0, 0x5a5a0ff0
    mtc0    $t0, $31, 3
    ehb
    mfc0    $t1, $31, 2
    CHK($t1, 0xa5a5f00f)
    mfc0    $t1, $31, 3
    CHK($t1, 0x5a5a0ff0)
    /* EBase holds what isa_init wrote: 10 in 31:30, base in 29:12 */
    mfc0    $t0, $15, 1
    li      $t1, 0xfffff000
    and     $t0, $t0, $t1
    CHK($t0, isa_vectors)
    /* IntCtl.VS is writable */
    mfc0    $s2, $12, 1
    li      $t0, 1 << INTCTL_VS_SHIFT
    or      $t0, $s2, $t0
    mtc0    $t0, $12, 1
    ehb
    mfc0    $t1, $12, 1
    andi    $t1, $t1, INTCTL_VS
    CHK($t1, 1 << INTCTL_VS_SHIFT)
    mtc0    $s2, $12, 1
    ehb
    /* Cause: IP1:0 and IV writable, ExcCode/BD not */
    mtc0    $zero, $13
    li      $t0, CAUSEF_IP1 | CAUSEF_IP0 | 0x7c
    mtc0    $t0, $13
    ehb
    mfc0    $t1, $13
    andi    $t1, $t1, CAUSEF_IP1 | CAUSEF_IP0 | 0x7c
    CHK($t1, CAUSEF_IP1 | CAUSEF_IP0)
    mtc0    $zero, $13
    ehb
    mfc0    $t1, $13
    andi    $t1, $t1, CAUSEF_IP1 | CAUSEF_IP0
    CHK($t1, 0)

    /* Software interrupts taken by the core itself (interrupt
     * compatibility mode). The PIC32MZ's M5150 has no Status.IM1:0 and
     * sends IP1:0 to its external controller (DS60001320 Section 7,
     * "Interrupt Controller": core software interrupts 0/1), so this
     * part runs where the core has them (QEMU); vp_cp0 checks IM1:0. */
    IF_NOT_M5150 .Lno_swint
    /* software interrupt 0, Cause.IV = 0: general vector, ExcCode 0 */
    EXC_CLEAR
    EXC_RESUME .Lint1
    la      $k0, isa_exc
    li      $k1, ST0_IE
    sw      $k1, ISA_EXC_STCLR($k0)
    li      $t0, ST0_IE | (1 << ST0_IM_SHIFT)
    or      $t0, $s1, $t0
    mtc0    $t0, $12
    ehb
    li      $t1, CAUSEF_IP0
    mtc0    $t1, $13
    ehb
    nop
    nop
    nop
    nop
    li      $t5, 0xbad                  /* the interrupt comes before */
.Lint1:
    mtc0    $zero, $13
    mtc0    $s1, $12
    ehb
    CHKMEM(isa_exc, ISA_EXC_COUNT, 1)
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_GENERAL)
    la      $k1, isa_exc
    lw      $k1, ISA_EXC_CAUSE($k1)
    andi    $k1, $k1, CAUSEF_IP0 | CAUSEF_EXCCODE
    CHK($k1, CAUSEF_IP0 | (EXCCODE_INT << 2))
    CHK($t5, 0)
    /* software interrupt 1 with Cause.IV = 1 (VS = 0): EBase + 0x200 */
    EXC_CLEAR
    EXC_RESUME .Lint2
    la      $k0, isa_exc
    li      $k1, ST0_IE
    sw      $k1, ISA_EXC_STCLR($k0)
    li      $t0, ST0_IE | (2 << ST0_IM_SHIFT)
    or      $t0, $s1, $t0
    mtc0    $t0, $12
    ehb
    li      $t1, CAUSEF_IP1 | CAUSEF_IV
    mtc0    $t1, $13
    ehb
    nop
    nop
    nop
    nop
    li      $t5, 0xbad
.Lint2:
    mtc0    $zero, $13
    mtc0    $s1, $12
    ehb
    CHKMEM(isa_exc, ISA_EXC_COUNT, 1)
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_INT)
    la      $k1, isa_exc
    lw      $k1, ISA_EXC_CAUSE($k1)
    andi    $k1, $k1, CAUSEF_IP1 | CAUSEF_EXCCODE
    CHK($k1, CAUSEF_IP1 | (EXCCODE_INT << 2))
    CHK($t5, 0)
.Lno_swint:
    /* masked (IM0 = 0) or IE = 0: nothing */
    EXC_CLEAR
    li      $t0, ST0_IE
    or      $t0, $s1, $t0
    mtc0    $t0, $12
    li      $t1, CAUSEF_IP0
    mtc0    $t1, $13
    ehb
    nop
    nop
    mtc0    $s1, $12
    li      $t0, 1 << ST0_IM_SHIFT
    or      $t0, $s1, $t0
    mtc0    $t0, $12
    ehb
    nop
    nop
    mtc0    $zero, $13
    mtc0    $s1, $12
    ehb
    CHK_NOEXC()
TEST_END

/*
 * A minimal root monitor that runs a firmware built for the bare board,
 * unchanged, as a guest: its RAM, program flash, boot flash and the SFR
 * window are mapped 1:1 (GuestID 1, four root TLB pairs); the guest starts
 * in its reset state at 0xBFC00000 (guest Status = BEV | ERL). It owns
 * every device, so its console output is the bare board's. The monitor
 * lives at the end of program flash and uses only its own shadow set 0
 * (the guest runs in set 1), so it needs no RAM.
 *
 * Guest exits handled: GPSI for MFC0 of PRId/Config7 (the root values),
 * SRSCtl/SRSMap (0: no shadow sets in the guest), other trapped MFC0 (0),
 * trapped MTC0 (ignored), WAIT (a no-op). Anything else: a message and UHI
 * exit status 3. mon11k forwards a guest's UHI calls (sdbbp 1: root Debug Mode).
 */
#include <mips/mipsregs.h>
#include <pic32mz/chip.h>
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
    li      $t0, 1 | (1 << GUESTCTL1_RID_SHIFT)
    mtc0    $t0, $10, 4
    ehb
    /* t1 = index, then: PageMask, EntryHi, EntryLo0, EntryLo1 */
    li      $t1, 0
    .macro MAP pm, gpa, lo0, lo1
    li      $t0, \pm
    mtc0    $t0, $5
    li      $t0, \gpa
    mtc0    $t0, $10
    li      $t0, \lo0
    mtc0    $t0, $2
    li      $t0, \lo1
    mtc0    $t0, $3
    mtc0    $t1, $0
    ehb
    tlbwi
    addiu   $t1, $t1, 1
    .endm
#define LO(pa, c) ((((pa) >> 12) << 6) | MIPS_ENTRYLO_V | MIPS_ENTRYLO_D | MIPS_ENTRYLO_G | ((c) << 3))
    MAP PM_256K, 0x00000000, LO(0x00000000, 3), LO(0x00040000, 3)   /* RAM */
    MAP PM_1M,   0x1D000000, LO(0x1D000000, 3), LO(0x1D100000, 3)   /* flash */
    MAP PM_1M,   SFR_PHYS,   LO(SFR_PHYS, 2), 0                       /* SFRs */
    MAP PM_1M,   0x1FC00000, LO(0x1FC00000, 3), 0                   /* boot flash */
    /* invalidate the rest (kseg0 VPNs never match a GPA lookup of guest 1
     * since they are root entries) */
    li      $t0, GUESTCTL0_CP0 | (3 << GUESTCTL0_AT_SHIFT) | GUESTCTL0_GT | GUESTCTL0_CG | GUESTCTL0_CF
    mtc0    $t0, $12, 6
    li      $t0, GUESTCTL0EXT_FCD | GUESTCTL0EXT_CGI
    mtc0    $t0, $11, 4
    li      $t0, 1 << SRSCTL_PSS_SHIFT
    mtc0    $t0, $12, 2
#ifdef GUEST_KERNEL_ENTRY
    /* a tests/lib program: kernel mode, entry at 0x80010000 */
    li      $t0, ST0_CU0 | ST0_CU1
    mtgc0   $t0, $12
    li      $t0, 0x80010000
#else
    /* the guest's own reset state (guest CP0 resets to BEV | ERL) */
    li      $t0, 0xBFC00000
#endif
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
    b       general
    nop
    .org vectors + 0x200
    b       unexpected
    nop

general:
    mfc0    $t0, $13
    ext     $t1, $t0, 2, 5
    li      $t2, EXCCODE_GE
    bne     $t1, $t2, unexpected
    srl     $t0, $t0, 31              /* BD: not handled */
    bnez    $t0, unexpected
    mfc0    $t0, $12, 6
    ext     $t0, $t0, 2, 5
    bnez    $t0, unexpected           /* only GPSI */
    mfc0    $t0, $8, 1                /* BadInstr */
    srl     $t1, $t0, 26
    li      $t2, 0x10
    bne     $t1, $t2, unexpected
    ext     $t1, $t0, 21, 5           /* rs */
    li      $t2, 0x10
    beq     $t1, $t2, co
    li      $t2, 4
    beq     $t1, $t2, resume          /* MTC0: ignored */
    nop
    bnez    $t1, unexpected
    nop
    /* MFC0: t3 = value, by (rd, sel) */
    ext     $t2, $t0, 11, 5
    andi    $t4, $t0, 7
    sll     $t2, $t2, 3
    or      $t2, $t2, $t4             /* rd * 8 + sel */
    li      $t3, 0
    li      $t4, 15 * 8 + 0
    bne     $t2, $t4, 1f
    nop
    mfc0    $t3, $15
1:  li      $t4, 16 * 8 + 7
    bne     $t2, $t4, 1f
    nop
    mfc0    $t3, $16, 7
1:  /* guest rt ← t3 through WRPGPR (PSS = the guest's set) */
    ext     $t1, $t0, 16, 5
    la      $t2, wr_table
    sll     $t1, $t1, 3
    addu    $t2, $t2, $t1
    jr      $t2
    nop
co: andi    $t1, $t0, 63
    li      $t2, 0x20                 /* WAIT: a no-op */
    beq     $t1, $t2, resume
    nop
    b       unexpected
    nop
resume:
    mfc0    $t0, $14
    addiu   $t0, $t0, 4
    mtc0    $t0, $14
    ehb
    eret
wr_table:
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    b       resume
    wrpgpr  $\n, $t3
    .endr

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
    .ascii  "mon11: unexpected exit to root\n"
msg_end:

#ifdef GUEST_KERNEL_ENTRY
/* Boot flash: the reset vector, and the EJTAG debug vector (0xBFC00480;
 * MIPS EJTAG Specification MD00047):
 * a guest's SDBBP enters root Debug Mode (the M5150 has no guest debug
 * mode), still in the guest's shadow set. A UHI call (`sdbbp 1`, the UHI
 * convention) is made again here, in root, on the guest's own
 * registers: its buffers are guest kseg0 addresses, the same in root under
 * this 1:1 map. Then DERET to the instruction after it, back in guest
 * mode. Any other SDBBP: unexpected. DESAVE keeps the guest's k0. */
    .section .bootflash, "ax"
    /* an image with boot flash starts at the reset vector: to _start */
    la      $k0, _start
    jr      $k0
    nop
    .org    0x480
dbg_vector:
    mtc0    $k0, $31                  /* DESAVE */
    mfc0    $k0, $24                  /* DEPC */
    lw      $k0, 0($k0)
    xori    $k0, $k0, 0x7f            /* sdbbp 1 = 0x7000007f: 0 iff it, */
    rotr    $k0, $k0, 28              /* through xor and rotate (bijections) */
    xori    $k0, $k0, 7
    bnez    $k0, 1f
    mfc0    $k0, $31
    sdbbp   1                         /* root: the simulator's UHI */
    mtc0    $k0, $31
    mfc0    $k0, $24
    addiu   $k0, $k0, 4
    mtc0    $k0, $24
    ehb
    mfc0    $k0, $31
    deret
1:  la      $k0, unexpected
    jr      $k0
    nop
#endif

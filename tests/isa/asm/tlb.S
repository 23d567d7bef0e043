/* Root TLB: TLBWI/TLBR/TLBP/TLBWR with Index/Random/Wired/EntryHi/EntryLo/
 * PageMask, mapped loads and stores through kuseg and kseg2 with 4K, 16K,
 * 64K, 256K and 1M page pairs (even and odd page), ASID matching and the
 * G bit, TLB refill (EBase + 0x000 with EXL = 0; BadVAddr, Context.BadVPN2,
 * EntryHi.VPN2), refill on an instruction fetch, TLB invalid (TLBL/TLBS,
 * general vector) and TLB modified (Mod on a store to a D = 0 page).
 * Uses only what both the M5150 (16 entries) and the P5600 have. */
#include "isa.h"
ISA_NAME("isa/tlb")
#define LO_FLAGS  ((3 << MIPS_ENTRYLO_C_SHIFT) | MIPS_ENTRYLO_D | MIPS_ENTRYLO_V)
#define PFN(pa)   (((pa) >> 12) << MIPS_ENTRYLO_PFN_SHIFT)
    .bss
    .balign 4096
tpage:  .space 0x4000            /* four 4K pages */
    .text
/* Write TLB entry idx: hi, lo0, lo1, mask (registers) */
    .macro TLBW idx, hi, lo0, lo1, mask
    li      $t8, \idx
    mtc0    $t8, $0
    mtc0    \hi, $10
    mtc0    \lo0, $2
    mtc0    \lo1, $3
    mtc0    \mask, $5
    ehb
    tlbwi
    ehb
    .endm
/* The physical address of a kseg0 label, into reg */
    .macro PA reg, sym
    la      \reg, \sym
    li      $t8, 0x1fffffff
    and     \reg, \reg, $t8
    .endm
/* Map a page pair of size S (mask) at VA 0x01000000 with the even page on
 * the frame holding marker word A and the odd page at A + delta (S apart),
 * then read both through the mapping. */
    .macro PAGES_ line, mask, size, odd_delta
    PA      $s4, tpage                   /* PA of the marker */
    li      $t0, 0x11000000 + \size
    la      $t1, tpage
    sw      $t0, 0($t1)                  /* marker, even page */
    li      $t2, \odd_delta
    addu    $t3, $t1, $t2
    li      $t0, 0x22000000 + \size
    sw      $t0, 0($t3)                  /* marker, odd page */
    li      $t2, ~(\size - 1)
    and     $s5, $s4, $t2                /* frame of the even page */
    subu    $s6, $s4, $s5                /* offset in the page */
    srl     $t0, $s5, 6
    ori     $t0, $t0, LO_FLAGS           /* PFN(frame) | flags */
    li      $t2, \odd_delta
    addu    $t1, $s5, $t2
    srl     $t1, $t1, 6
    ori     $t1, $t1, LO_FLAGS
    li      $t3, 0x01000000 | 0x05
    li      $t4, \mask
    TLBW    2, $t3, $t0, $t1, $t4
    li      $t5, 0x01000000
    addu    $t5, $t5, $s6
    lw      $t6, 0($t5)
    .if \odd_delta
    CHK_    $t6, 0x11000000 + \size, \line
    .else
    CHK_    $t6, 0x22000000 + \size, \line
    .endif
    li      $t2, \size
    addu    $t5, $t5, $t2
    lw      $t6, 0($t5)
    CHK_    $t6, 0x22000000 + \size, \line
    /* store through the odd page, read through kseg0 */
    li      $t0, 0x33000000 + \size
    sw      $t0, 0($t5)
    la      $t1, tpage
    li      $t2, \odd_delta
    addu    $t1, $t1, $t2
    lw      $t6, 0($t1)
    CHK_    $t6, 0x33000000 + \size, \line
    /* TLBR gives back the mask */
    li      $t0, 2
    mtc0    $t0, $0
    ehb
    tlbr
    ehb
    mfc0    $t0, $5
    CHK_    $t0, \mask, \line
    .endm
#define PAGES(mask, size, delta) PAGES_ __LINE__, mask, size, delta
TEST_BEGIN
    /* N = Config1.MMUSize + 1; every entry to an unused kseg0 VPN2 */
    mfc0    $t0, $16, 1
    ext     $s7, $t0, 25, 6
    addiu   $s7, $s7, 1
    mtc0    $zero, $6                    /* Wired = 0 */
    mtc0    $zero, $2
    mtc0    $zero, $3
    mtc0    $zero, $5
    li      $t1, 0
1:  mtc0    $t1, $0
    sll     $t2, $t1, 13
    lui     $t3, 0x8000
    addu    $t2, $t2, $t3
    mtc0    $t2, $10
    ehb
    tlbwi
    addiu   $t1, $t1, 1
    bne     $t1, $s7, 1b
    nop
    li      $t0, 0x05                    /* current ASID 5 */
    mtc0    $t0, $10
    ehb
    sltiu   $t0, $s7, 16
    CHK($t0, 0)                          /* at least 16 entries */

    /* TLBWI / TLBR round trip (frames aligned to the page size: the PFN
     * bits under the mask may read back as zero, PRA TLBR) */
    li      $t3, 0x12344000 | 0x5a
    li      $t0, PFN(0x00010000) | (2 << 3) | MIPS_ENTRYLO_D | MIPS_ENTRYLO_V
    li      $t1, PFN(0x00014000) | (3 << 3) | MIPS_ENTRYLO_V
    li      $t4, PM_16K
    TLBW    1, $t3, $t0, $t1, $t4
    mtc0    $zero, $2
    mtc0    $zero, $3
    mtc0    $zero, $5
    li      $t0, 0x05
    mtc0    $t0, $10
    li      $t0, 1
    mtc0    $t0, $0
    ehb
    tlbr
    ehb
    mfc0    $t0, $10
    CHK($t0, 0x12344000 | 0x5a)
    mfc0    $t0, $2
    CHK($t0, PFN(0x00010000) | (2 << 3) | MIPS_ENTRYLO_D | MIPS_ENTRYLO_V)
    mfc0    $t0, $3
    CHK($t0, PFN(0x00014000) | (3 << 3) | MIPS_ENTRYLO_V)
    mfc0    $t0, $5
    CHK($t0, PM_16K)
    /* G is the AND of both halves: written 1/0, read back 0/0 */
    li      $t3, 0x23456000
    li      $t0, PFN(0x1000) | MIPS_ENTRYLO_V | MIPS_ENTRYLO_G
    li      $t1, PFN(0x2000) | MIPS_ENTRYLO_V
    TLBW    3, $t3, $t0, $t1, $zero
    tlbr
    ehb
    mfc0    $t0, $2
    CHK($t0, PFN(0x1000) | MIPS_ENTRYLO_V)
    mfc0    $t0, $3
    CHK($t0, PFN(0x2000) | MIPS_ENTRYLO_V)
    li      $t0, PFN(0x1000) | MIPS_ENTRYLO_V | MIPS_ENTRYLO_G
    li      $t1, PFN(0x2000) | MIPS_ENTRYLO_V | MIPS_ENTRYLO_G
    TLBW    3, $t3, $t0, $t1, $zero
    tlbr
    ehb
    mfc0    $t0, $2
    CHK($t0, PFN(0x1000) | MIPS_ENTRYLO_V | MIPS_ENTRYLO_G)
    mfc0    $t0, $3
    CHK($t0, PFN(0x2000) | MIPS_ENTRYLO_V | MIPS_ENTRYLO_G)

    /* TLBP: hit (ASID match), miss (P = 1), global entry with any ASID */
    li      $t0, 0x12344000 | 0x5a
    mtc0    $t0, $10
    ehb
    tlbp
    ehb
    mfc0    $t0, $0
    CHK($t0, 1)
    li      $t0, 0x12344000 | 0x5b
    mtc0    $t0, $10
    ehb
    tlbp
    ehb
    mfc0    $t0, $0
    srl     $t0, $t0, 31
    CHK($t0, 1)
    li      $t0, 0x12346000 | 0x5a       /* same 16K pair (odd page) */
    mtc0    $t0, $10
    ehb
    tlbp
    ehb
    mfc0    $t0, $0
    CHK($t0, 1)
    li      $t0, 0x23456000 | 0xee
    mtc0    $t0, $10
    ehb
    tlbp
    ehb
    mfc0    $t0, $0
    CHK($t0, 3)

    /* Wired, Random and TLBWR */
    li      $t0, 4
    mtc0    $t0, $6
    ehb
    mfc0    $t0, $6
    CHK($t0, 4)
    mfc0    $t1, $1
    sltiu   $t2, $t1, 4
    CHK($t2, 0)                          /* Random >= Wired */
    sltu    $t2, $t1, $s7
    CHK($t2, 1)                          /* Random < N */
    li      $t3, 0x34568000 | 0x05
    li      $t0, PFN(0x3000) | MIPS_ENTRYLO_V
    mtc0    $t3, $10
    mtc0    $t0, $2
    mtc0    $t0, $3
    mtc0    $zero, $5
    ehb
    tlbwr
    ehb
    mtc0    $zero, $0
    tlbp
    ehb
    mfc0    $t1, $0
    srl     $t2, $t1, 31
    CHK($t2, 0)                          /* found */
    sltiu   $t2, $t1, 4
    CHK($t2, 0)                          /* not in a wired entry */
    sltu    $t2, $t1, $s7
    CHK($t2, 1)
    /* put it back to an unused VPN2 */
    mtc0    $t1, $0
    lui     $t0, 0x8040
    mtc0    $t0, $10
    mtc0    $zero, $2
    mtc0    $zero, $3
    ehb
    tlbwi
    mtc0    $zero, $6
    li      $t0, 0x05
    mtc0    $t0, $10
    ehb

    /* mapped access in kuseg, 4K pages, ASID 5 */
    EXC_CLEAR
    PA      $s0, tpage
    la      $s1, tpage
    li      $t0, 0xcafe0001
    sw      $t0, 0x10($s1)
    li      $t0, 0xcafe0002
    sw      $t0, 0x1020($s1)             /* next 4K page */
    srl     $t0, $s0, 6
    ori     $t0, $t0, LO_FLAGS
    addiu   $t1, $s0, 0x1000
    srl     $t1, $t1, 6
    ori     $t1, $t1, LO_FLAGS
    li      $t3, 0x00400000 | 0x05
    TLBW    0, $t3, $t0, $t1, $zero
    li      $s2, 0x00400000
    lw      $t2, 0x10($s2)
    CHK($t2, 0xcafe0001)
    lw      $t2, 0x1020($s2)
    CHK($t2, 0xcafe0002)
    li      $t0, 0x5555aaaa
    sw      $t0, 0x14($s2)
    sh      $t0, 0x1026($s2)
    lw      $t2, 0x14($s1)
    CHK($t2, 0x5555aaaa)
    lhu     $t2, 0x1026($s1)
    CHK($t2, 0xaaaa)
    lbu     $t2, 0x11($s2)
    CHK($t2, 0x00)
    lbu     $t2, 0x13($s2)
    CHK($t2, 0xca)
    CHK_NOEXC()

    /* another ASID: the entry no longer matches -> refill (EXL = 0) */
    li      $t0, 0x06
    mtc0    $t0, $10
    ehb
    EXC_CLEAR
.Lrf1:
    lw      $t2, 0x10($s2)
    CHK_EXC(EXCCODE_TLBL, .Lrf1)
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_REFILL)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, 0x00400010)
    CHKMEM(isa_exc, ISA_EXC_ENTRYHI, 0x00400000 | 0x06)
    la      $k1, isa_exc
    lw      $k1, ISA_EXC_CONTEXT($k1)
    li      $t0, 0x007ffff0
    and     $k1, $k1, $t0
    CHK($k1, (0x00400000 >> 13) << 4)
    /* the G bit: matches whatever the ASID */
    srl     $t0, $s0, 6
    ori     $t0, $t0, LO_FLAGS | MIPS_ENTRYLO_G
    addiu   $t1, $s0, 0x1000
    srl     $t1, $t1, 6
    ori     $t1, $t1, LO_FLAGS | MIPS_ENTRYLO_G
    li      $t3, 0x00400000 | 0x06
    TLBW    0, $t3, $t0, $t1, $zero
    li      $t0, 0x77
    mtc0    $t0, $10
    ehb
    EXC_CLEAR
    lw      $t2, 0x10($s2)
    CHK($t2, 0xcafe0001)
    CHK_NOEXC()
    li      $t0, 0x05
    mtc0    $t0, $10
    ehb

    /* refill on a store, with Context.PTEBase kept */
    li      $t0, 0xff800000
    mtc0    $t0, $4
    ehb
    li      $s3, 0x7654a000
    EXC_CLEAR
.Lrf2:
    sw      $zero, 0x124($s3)
    CHK_EXC(EXCCODE_TLBS, .Lrf2)
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_REFILL)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, 0x7654a124)
    CHKMEM(isa_exc, ISA_EXC_CONTEXT, 0xff800000 | ((0x7654a124 >> 13) << 4))
    CHKMEM(isa_exc, ISA_EXC_ENTRYHI, 0x7654a000 | 0x05)
    /* refill on an instruction fetch: EPC = BadVAddr = target */
    EXC_CLEAR
    EXC_RESUME .Lrf3
    li      $t0, 0x00704000
    jr      $t0
    nop
.Lrf3:
    CHK_EXC(EXCCODE_TLBL, 0x00704000)
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_REFILL)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, 0x00704000)
    CHK_BD(0)
    /* a miss with EXL = 1 goes to the general vector and leaves EPC */
    li      $t0, 0x12345678
    mtc0    $t0, $14
    mfc0    $s5, $12
    ori     $t0, $s5, ST0_EXL
    EXC_CLEAR
    EXC_RESUME .Lrf5
    mtc0    $t0, $12
    ehb
    li      $t1, 0x00708000
    lw      $t2, 0($t1)
    nop
.Lrf5:
    mtc0    $s5, $12
    ehb
    CHK_EXC(EXCCODE_TLBL, 0x12345678)
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_GENERAL)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, 0x00708000)
    /* kseg2 (kernel mapped) misses too */
    EXC_CLEAR
    li      $t1, 0xc0002000
.Lrf4:
    lw      $t2, 8($t1)
    CHK_EXC(EXCCODE_TLBL, .Lrf4)
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_REFILL)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, 0xc0002008)

    /* kseg2 mapped access */
    srl     $t0, $s0, 6
    ori     $t0, $t0, LO_FLAGS
    li      $t1, 0                       /* odd page invalid */
    li      $t3, 0xc0002000 | 0x05
    TLBW    4, $t3, $t0, $t1, $zero
    EXC_CLEAR
    li      $t1, 0xc0002000
    lw      $t2, 0x10($t1)
    CHK($t2, 0xcafe0001)
    CHK_NOEXC()
    /* TLB invalid (V = 0): TLBL / TLBS through the general vector */
    EXC_CLEAR
.Linv1:
    lw      $t2, 0x1000($t1)
    CHK_EXC(EXCCODE_TLBL, .Linv1)
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_GENERAL)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, 0xc0003000)
    CHKMEM(isa_exc, ISA_EXC_ENTRYHI, 0xc0002000 | 0x05)
    EXC_CLEAR
.Linv2:
    sb      $t2, 0x1003($t1)
    CHK_EXC(EXCCODE_TLBS, .Linv2)
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_GENERAL)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, 0xc0003003)

    /* TLB modified: D = 0, loads work, a store raises Mod */
    srl     $t0, $s0, 6
    ori     $t0, $t0, (3 << 3) | MIPS_ENTRYLO_V
    li      $t3, 0xc0002000 | 0x05
    TLBW    4, $t3, $t0, $zero, $zero
    li      $t1, 0xc0002000
    li      $t2, 0x9999
    EXC_CLEAR
    lw      $t2, 0x10($t1)
    CHK($t2, 0xcafe0001)
    CHK_NOEXC()
.Lmod1:
    sw      $t2, 0x10($t1)
    CHK_EXC(EXCCODE_MOD, .Lmod1)
    CHKMEM(isa_exc, ISA_EXC_VECTOR, VEC_GENERAL)
    CHKMEM(isa_exc, ISA_EXC_BADVADDR, 0xc0002010)
    CHKMEM(isa_exc, ISA_EXC_ENTRYHI, 0xc0002000 | 0x05)
    lw      $t2, 0x10($s1)
    CHK($t2, 0xcafe0001)

    /* page sizes: the odd page lies one page size above the even one,
     * except for 1M pages (the RAM is 512K: both halves on one frame) */
    PAGES(PM_4K, 0x1000, 0x1000)
    PAGES(PM_16K, 0x4000, 0x4000)
    PAGES(PM_64K, 0x10000, 0x10000)
    PAGES(PM_256K, 0x40000, 0x40000)
    PAGES(PM_1M, 0x100000, 0)

    /* leave the TLB empty again */
    li      $t1, 0
2:  mtc0    $t1, $0
    sll     $t2, $t1, 13
    lui     $t3, 0x8000
    addu    $t2, $t2, $t3
    mtc0    $t2, $10
    mtc0    $zero, $2
    mtc0    $zero, $3
    mtc0    $zero, $5
    ehb
    tlbwi
    addiu   $t1, $t1, 1
    bne     $t1, $s7, 2b
    nop
    mtc0    $zero, $10
    mtc0    $zero, $4
    ehb
TEST_END

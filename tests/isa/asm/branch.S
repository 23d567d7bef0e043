/* Branches and jumps with their delay slots: every conditional branch taken
 * and not taken, the likely forms (slot annulled when not taken), the
 * and-link forms (link = branch + 8 even when not taken), J/JAL/JR/JALR and
 * their .HB forms, delay-slot writes to the branch's own operands. */
#include "isa.h"
ISA_NAME("isa/branch")
/* t5 ends 1 when the branch was taken (slot ran, fall-through skipped),
 * 0x11 when not taken, 0x10 when not taken with the slot annulled. */
    .macro BR_ line, exp, ins:vararg
    li      $t5, 0
    \ins, .Lb\@
    addiu   $t5, $t5, 1
    addiu   $t5, $t5, 0x10
.Lb\@:
    CHK_    $t5, \exp, \line
    .endm
    .macro BRAL_ line, exp, ins:vararg
    li      $t5, 0
    li      $ra, 0
.La\@:
    \ins, .Lb\@
    addiu   $t5, $t5, 1
    addiu   $t5, $t5, 0x10
.Lb\@:
    CHK_    $t5, \exp, \line
    CHK_    $ra, .La\@+8, \line
    .endm
#define TAKEN 1
#define NOTTAKEN 0x11
#define ANNULLED 0x10
#define BR(exp, ...) BR_ __LINE__, exp, __VA_ARGS__
#define BRAL(exp, ...) BRAL_ __LINE__, exp, __VA_ARGS__
TEST_BEGIN
    li      $s0, -1
    li      $s1, 1
    li      $s2, 1
    li      $s3, 0x80000000

    BR(TAKEN, beq $s1, $s2)
    BR(NOTTAKEN, beq $s1, $s0)
    BR(TAKEN, beq $zero, $zero)
    BR(TAKEN, bgez $zero)   /* b */
    BR(TAKEN, bne $s1, $s0)
    BR(NOTTAKEN, bne $s1, $s2)
    BR(TAKEN, blez $s0)
    BR(TAKEN, blez $zero)
    BR(NOTTAKEN, blez $s1)
    BR(TAKEN, blez $s3)
    BR(TAKEN, bgtz $s1)
    BR(NOTTAKEN, bgtz $zero)
    BR(NOTTAKEN, bgtz $s0)
    BR(NOTTAKEN, bgtz $s3)
    BR(TAKEN, bltz $s0)
    BR(TAKEN, bltz $s3)
    BR(NOTTAKEN, bltz $zero)
    BR(NOTTAKEN, bltz $s1)
    BR(TAKEN, bgez $zero)
    BR(TAKEN, bgez $s1)
    BR(NOTTAKEN, bgez $s0)

    /* likely: the slot runs only when taken */
    BR(TAKEN, beql $s1, $s2)
    BR(ANNULLED, beql $s1, $s0)
    BR(TAKEN, bnel $s1, $s0)
    BR(ANNULLED, bnel $s1, $s2)
    BR(TAKEN, blezl $zero)
    BR(ANNULLED, blezl $s1)
    BR(TAKEN, bgtzl $s1)
    BR(ANNULLED, bgtzl $zero)
    BR(TAKEN, bltzl $s0)
    BR(ANNULLED, bltzl $zero)
    BR(TAKEN, bgezl $zero)
    BR(ANNULLED, bgezl $s0)

    /* and-link: $ra = branch + 8 whether taken or not */
    BRAL(TAKEN, bgezal $zero)   /* bal */
    BRAL(TAKEN, bgezal $s1)
    BRAL(NOTTAKEN, bgezal $s0)
    BRAL(TAKEN, bltzal $s0)
    BRAL(NOTTAKEN, bltzal $zero)
    BRAL(NOTTAKEN, bltzal $s1)
    BRAL(TAKEN, bgezall $s1)
    BRAL(ANNULLED, bgezall $s0)
    BRAL(TAKEN, bltzall $s3)
    BRAL(ANNULLED, bltzall $s1)

    /* the slot's write to the compared register does not change the
     * decision, and the slot sees the link already written */
    li      $t0, 3
    li      $t1, 3
    li      $t5, 0
    beq     $t0, $t1, 1f
    addiu   $t0, $t0, 1
    li      $t5, 0xbad
1:  CHK($t5, 0)
    CHK($t0, 4)
    li      $t7, 0
.Lbal1:
    bal     2f
    move    $t7, $ra
    li      $t5, 0xbad
2:  CHK($t7, .Lbal1 + 8)
    CHK($t5, 0)

    /* backward branch: a counted loop, decrement in the slot */
    li      $t0, 10
    li      $t1, 0
3:  addu    $t1, $t1, $t0
    bnez    $t0, 3b
    addiu   $t0, $t0, -1
    CHK($t1, 55)
    CHK($t0, -1)
    /* likely loop: the slot only runs while looping */
    li      $t0, 5
    li      $t1, 0
4:  addiu   $t0, $t0, -1
    bgtzl   $t0, 4b
    addiu   $t1, $t1, 1
    CHK($t1, 4)

    /* J */
    li      $t5, 0
    j       .Lj1
    addiu   $t5, $t5, 1
    addiu   $t5, $t5, 0x10
.Lj1:
    CHK($t5, 1)
    /* JAL: $ra = jal + 8 */
    li      $t5, 0
.Ljal1:
    jal     .Lsub1
    addiu   $t5, $t5, 1
    CHK($t5, 0x101)
    CHK($t6, .Ljal1 + 8)
    /* JR: the slot's write to rs does not change the target */
    la      $t6, .Ljr1
    li      $t5, 0
    jr      $t6
    move    $t6, $zero
    addiu   $t5, $t5, 0x10
.Ljr1:
    CHK($t5, 0)
    CHK($t6, 0)
    /* JALR with the default link ($ra) and with another rd */
    la      $t4, .Lsub1
    li      $t5, 0
.Ljalr1:
    jalr    $t4
    addiu   $t5, $t5, 1
    CHK($t5, 0x101)
    CHK($t6, .Ljalr1 + 8)
    la      $t4, .Lsub2
    li      $t5, 0
    li      $ra, 0x1234
.Ljalr2:
    jalr    $t7, $t4
    addiu   $t5, $t5, 1
    CHK($t5, 0x201)
    CHK($ra, 0x1234)
    CHK($t6, .Ljalr2 + 8)
    /* JR.HB / JALR.HB */
    la      $t4, .Lsub1
    li      $t5, 0
.Ljalrhb:
    jalr.hb $t4
    addiu   $t5, $t5, 1
    CHK($t5, 0x101)
    CHK($t6, .Ljalrhb + 8)
    la      $t4, .Ljrhb
    li      $t5, 0
    jr.hb   $t4
    addiu   $t5, $t5, 1
    addiu   $t5, $t5, 0x10
.Ljrhb:
    CHK($t5, 1)
    b       .Lend
    nop

    /* subroutines: record the link, mark t5, return */
.Lsub1:
    move    $t6, $ra
    jr      $ra
    addiu   $t5, $t5, 0x100
.Lsub2:
    move    $t6, $t7
    jr      $t7
    addiu   $t5, $t5, 0x200
.Lend:
TEST_END

/* User mode: ERET with Status.UM = 1 into mapped kuseg code. From there a
 * kernel-segment access is an address error (AdEL/AdES), a CP0 instruction
 * (MFC0, MTC0, CACHE, ERET, DI) is CpU with Cause.CE = 0 (Status.CU0 = 0),
 * RDHWR works for registers enabled in HWREna and is RI otherwise, SYSCALL/
 * BREAK record UM = 1, a kuseg miss is a refill, user stores reach memory.
 * A final SYSCALL with $v0 = 0x600d returns to kernel mode. */
#include "isa.h"
ISA_NAME("isa/user")
#define UCODE_VA 0x00400000
#define UDATA_VA 0x00401000
#define UVA(l) (UCODE_VA + ((l) - ucode))
#define LO_FLAGS  ((3 << MIPS_ENTRYLO_C_SHIFT) | MIPS_ENTRYLO_D | MIPS_ENTRYLO_V)
    .bss
    .balign 4096
udata:  .space 4096
xlog:   .space 64 * LOG_SIZE
    .data
kstatus: .word 0

    /* user code: its own page, mapped at UCODE_VA */
    .section .text.user, "ax"
    .balign 4096
ucode:
    li      $t1, 0x80000000
.Lu1:
    lw      $t0, 0($t1)                  /* AdEL */
    li      $t1, 0xa0000000
.Lu2:
    sw      $t0, 0($t1)                  /* AdES */
    li      $t1, 0xc0000000
.Lu3:
    lw      $t0, 0($t1)                  /* AdEL (kseg2 is kernel only) */
.Lu4:
    mfc0    $t0, $12                     /* CpU 0 */
.Lu5:
    mtc0    $zero, $12                   /* CpU 0 */
    li      $t9, UDATA_VA
.Lu6:
    cache   0x15, 0($t9)                 /* CpU 0 */
.Lu7:
    eret                                 /* CpU 0 */
.Lu8:
    di                                   /* CpU 0 */
    rdhwr   $s0, $0                      /* enabled: CPUNum */
    rdhwr   $s1, $29                     /* enabled: UserLocal */
.Lu9:
    rdhwr   $s2, $2                      /* not enabled: RI */
.Lu10:
    syscall
.Lu11:
    break
    synci   0($t9)                       /* allowed in user mode */
    pref    0, 0($t9)
    li      $t0, 0x0badf00d
    sw      $t0, 0x40($t9)               /* a user store */
    li      $t1, 0x00700000
.Lu12:
    lw      $t0, 0($t1)                  /* kuseg miss: refill */
    lw      $s3, 0x40($t9)
    li      $v0, 0x600d
.Lu13:
    syscall                              /* back to the kernel */
    b       .                            /* not reached */
    nop
    .balign 4096

    .text
/* Exception hook: the $v0 = 0x600d syscall from user mode ends the test */
uhook:
    mfc0    $k0, $13
    ext     $k0, $k0, 2, 5
    xori    $k0, $k0, EXCCODE_SYS
    bnez    $k0, 1f
    li      $k0, 0x600d
    bne     $v0, $k0, 1f
    nop
    la      $k0, kstatus
    lw      $k0, 0($k0)
    mtc0    $k0, $12                     /* kernel Status, EXL cleared below */
    ori     $k0, $k0, ST0_EXL
    mtc0    $k0, $12
    la      $k0, .Luser_done
    mtc0    $k0, $14
    ehb
    eret
1:  j       isa_exc_return
    nop

    .macro LOGCHK_ line, n, code, epc
    la      $k1, xlog + \n * LOG_SIZE
    lw      $k1, LOG_CAUSE($k1)
    ext     $k1, $k1, 2, 5
    CHK_    $k1, \code, \line
    la      $k1, xlog + \n * LOG_SIZE
    lw      $k1, LOG_EPC($k1)
    CHK_    $k1, \epc, \line
    .endm
#define LOGCHK(n, code, epc) LOGCHK_ __LINE__, n, code, epc
    .macro LOGCE_ line, n, ce
    la      $k1, xlog + \n * LOG_SIZE
    lw      $k1, LOG_CAUSE($k1)
    ext     $k1, $k1, CAUSEB_CE, 2
    CHK_    $k1, \ce, \line
    .endm
#define LOGCE(n, ce) LOGCE_ __LINE__, n, ce
    .macro LOGW_ line, n, off, val
    la      $k1, xlog + \n * LOG_SIZE
    lw      $k1, \off($k1)
    CHK_    $k1, \val, \line
    .endm
#define LOGW(n, off, val) LOGW_ __LINE__, n, off, val

TEST_BEGIN
    /* TLB: clear every entry, then entry 0 = ucode (even) + udata (odd) */
    mfc0    $t0, $16, 1
    ext     $s7, $t0, 25, 6
    addiu   $s7, $s7, 1
    mtc0    $zero, $6
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
    la      $t0, ucode
    li      $t8, 0x1fffffff
    and     $t0, $t0, $t8
    srl     $t0, $t0, 6
    ori     $t0, $t0, LO_FLAGS
    la      $t1, udata
    and     $t1, $t1, $t8
    srl     $t1, $t1, 6
    ori     $t1, $t1, LO_FLAGS
    li      $t3, UCODE_VA | 0x03
    mtc0    $zero, $0
    mtc0    $t3, $10
    mtc0    $t0, $2
    mtc0    $t1, $3
    ehb
    tlbwi
    ehb
    /* HWREna: CPUNum (0) and ULR (29) only */
    li      $t0, (1 << 29) | 1
    mtc0    $t0, $7
    li      $t0, 0x1234abcd
    mtc0    $t0, $4, 2
    /* log every exception; the hook ends the user part */
    la      $k0, isa_exc
    la      $t0, xlog
    sw      $t0, ISA_EXC_LOGP($k0)
    la      $t0, uhook
    sw      $t0, ISA_EXC_HOOK($k0)
    sw      $zero, ISA_EXC_COUNT($k0)
    /* ERET into user mode: UM = 1, CU0 = 0 */
    mfc0    $s6, $12
    la      $t0, kstatus
    sw      $s6, 0($t0)
    li      $t0, ~ST0_CU0
    and     $t0, $s6, $t0
    ori     $t0, $t0, ST0_UM | ST0_EXL
    mtc0    $t0, $12
    li      $t1, UCODE_VA
    mtc0    $t1, $14
    li      $s0, 0
    li      $s1, 0
    li      $s2, 0x5555
    li      $s3, 0
    ehb
    eret
.Luser_done:
    /* kernel again */
    la      $k0, isa_exc
    sw      $zero, ISA_EXC_LOGP($k0)
    sw      $zero, ISA_EXC_HOOK($k0)
    mfc0    $t0, $12
    CHKR($t0, $s6)
    CHKMEM(isa_exc, ISA_EXC_COUNT, 13)
    LOGCHK(0, EXCCODE_ADEL, UVA(.Lu1))
    LOGW(0, LOG_BADVADDR, 0x80000000)
    LOGCHK(1, EXCCODE_ADES, UVA(.Lu2))
    LOGW(1, LOG_BADVADDR, 0xa0000000)
    LOGCHK(2, EXCCODE_ADEL, UVA(.Lu3))
    LOGW(2, LOG_BADVADDR, 0xc0000000)
    LOGCHK(3, EXCCODE_CPU, UVA(.Lu4))
    LOGCE(3, 0)
    LOGCHK(4, EXCCODE_CPU, UVA(.Lu5))
    LOGCE(4, 0)
    LOGCHK(5, EXCCODE_CPU, UVA(.Lu6))
    LOGCE(5, 0)
    LOGCHK(6, EXCCODE_CPU, UVA(.Lu7))
    LOGCE(6, 0)
    LOGCHK(7, EXCCODE_CPU, UVA(.Lu8))
    LOGCE(7, 0)
    LOGCHK(8, EXCCODE_RI, UVA(.Lu9))
    LOGCHK(9, EXCCODE_SYS, UVA(.Lu10))
    /* taken from user mode: UM still 1 with EXL = 1 in the handler */
    la      $k1, xlog + 9 * LOG_SIZE
    lw      $k1, LOG_STATUS($k1)
    andi    $k1, $k1, ST0_UM | ST0_EXL
    CHK($k1, ST0_UM | ST0_EXL)
    LOGCHK(10, EXCCODE_BP, UVA(.Lu11))
    LOGCHK(11, EXCCODE_TLBL, UVA(.Lu12))
    LOGW(11, LOG_VECTOR, VEC_REFILL)
    LOGW(11, LOG_BADVADDR, 0x00700000)
    LOGCHK(12, EXCCODE_SYS, UVA(.Lu13))
    /* what user code computed */
    CHK($s0, 0)                          /* CPUNum */
    CHK($s1, 0x1234abcd)
    CHK($s2, 0x5555)                     /* RI: unchanged */
    CHK($s3, 0x0badf00d)
    la      $t0, udata
    lw      $t1, 0x40($t0)
    CHK($t1, 0x0badf00d)
    /* TLB entry 0 back to unused */
    mtc0    $zero, $0
    lui     $t0, 0x8000
    mtc0    $t0, $10
    mtc0    $zero, $2
    mtc0    $zero, $3
    ehb
    tlbwi
    mtc0    $zero, $10
    mtc0    $zero, $7
    ehb
TEST_END

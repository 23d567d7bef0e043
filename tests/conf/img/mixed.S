/* Test guest with both instruction sets: a MIPS32 start-up that reaches a
 * microMIPS function by JALX (as GCC's -minterlink-compressed links them).
 * The ELF carries EF_MIPS_ARCH_ASE_MICROMIPS, an even entry, and functions
 * of both kinds (st_other STO_MICROMIPS or not): vpconf names it "mixed". */
    .set noreorder
    .text
    .globl _start
    .ent _start
_start:
    jalx  umain
    nop
1:  b     1b
    nop
    .end _start

    .set micromips
    .globl umain
    .ent umain
umain:
    lui   $t0, 0xbf82
    ori   $t0, $t0, 0x2620      /* U4TXREG */
    li    $t1, 'm'
    sw    $t1, 0($t0)
    jraddiusp 0
    .end umain

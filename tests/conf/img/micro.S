/* Test guest built as microMIPS (.set micromips): the assembler marks the
 * ELF with EF_MIPS_ARCH_ASE_MICROMIPS and gives it an odd entry (the ISA
 * mode bit), objcopy an odd start address in the HEX type 05 record. vpconf
 * (and vpsim) recognise it and name its ISA. */
    .set micromips
    .text
    .globl _start
    .ent _start
_start:
    lui   $t0, 0xbf82
    ori   $t0, $t0, 0x2620      /* U4TXREG */
    li    $t1, 'u'
    sw    $t1, 0($t0)
1:  b     1b
    nop
    .end _start

/*
 * tests/debug: every instruction form the core executes (sim/cpu/cpu.c,
 * cp0.c, cpu_vz.c, fpu.c), as the assembler writes it, for the
 * disassembler check against objdump. Not run.
 */
    .set noreorder
    .set noat
    .set virt
    .text
    .macro cmp c, f
    c.\c\().\f $f0,$f2
    c.\c\().\f $fcc5,$f4,$f6
    .endm
    .macro conds f
    .irp c,f,un,eq,ueq,olt,ult,ole,ule,sf,ngle,seq,ngl,lt,nge,le,ngt
    cmp \c, \f
    .endr
    .endm
    .globl insns
insns:
    /* SPECIAL */
    nop; ssnop; ehb; pause
    sll $4,$5,31; srl $4,$5,1; sra $4,$5,7; rotr $4,$5,3
    sllv $4,$5,$6; srlv $4,$5,$6; srav $4,$5,$6; rotrv $4,$5,$6
    jr $31; jr.hb $31; jalr $5; jalr $4,$5; jalr.hb $5; jalr.hb $4,$5
    movz $4,$5,$6; movn $4,$5,$6; movf $4,$5,$fcc0; movt $4,$5,$fcc7
    syscall; syscall 0x1234; break; break 7; break 3,4
    sync; sync 4
    mfhi $4; mthi $5; mflo $6; mtlo $7
    mult $4,$5; multu $4,$5; div $0,$4,$5; divu $0,$4,$5
    add $4,$5,$6; addu $4,$5,$6; sub $4,$5,$6; subu $4,$5,$6
    and $4,$5,$6; or $4,$5,$6; xor $4,$5,$6; nor $4,$5,$6
    slt $4,$5,$6; sltu $4,$5,$6; move $4,$5; neg $4,$5; negu $4,$5
    tge $4,$5; tgeu $4,$5,3; tlt $4,$5; tltu $4,$5; teq $4,$5,0x3ff; tne $4,$5
    /* REGIMM */
1:  bltz $4,1b; bgez $4,1b; bltzl $4,1b; bgezl $4,1b
    bltzal $4,1b; bgezal $4,1b; bltzall $4,1b; bgezall $4,1b; bal 1b
    tgei $4,-5; tgeiu $4,5; tlti $4,32767; tltiu $4,-32768; teqi $4,0; tnei $4,1
    synci 0($4); synci -4($5)
    /* jumps, branches */
    j insns; jal insns
    beq $4,$5,1b; bne $4,$5,1b; beqz $4,1b; bnez $4,1b; b 1b
    blez $4,1b; bgtz $4,1b; beql $4,$5,1b; bnel $4,$5,1b; beqzl $4,1b; bnezl $4,1b
    blezl $4,1b; bgtzl $4,1b
    /* immediates */
    addi $4,$5,-1; addiu $4,$5,32767; addiu $4,$0,5; slti $4,$5,-3; sltiu $4,$5,100
    andi $4,$5,0xff00; ori $4,$5,0x8000; ori $4,$0,0x1234; xori $4,$5,1; lui $4,0xffff
    /* CP0, VZ */
    mfc0 $4,$12; mtc0 $4,$12,1; mfc0 $4,$15,1; mtc0 $4,$9,7; mfc0 $4,$16,3
    mfc0 $4,$12,6; mtc0 $4,$10,4; mfc0 $4,$8,1; mtc0 $4,$31,2; mfc0 $4,$12,7
    mfgc0 $4,$12; mtgc0 $4,$13; mfgc0 $4,$9,0; mtgc0 $4,$11,0; mfgc0 $4,$16,1
    tlbr; tlbwi; tlbwr; tlbp; tlbgr; tlbgwi; tlbgwr; tlbgp; tlbginv; tlbginvf
    eret; deret; wait; wait 0x12; hypcall; hypcall 0x3ff; iret
    di; di $4; ei; ei $5; rdpgpr $4,$5; wrpgpr $6,$7
    /* SPECIAL2, SPECIAL3 */
    madd $4,$5; maddu $4,$5; msub $4,$5; msubu $4,$5; mul $4,$5,$6
    clz $4,$5; clo $6,$7; sdbbp; sdbbp 1; sdbbp 0x55
    ext $4,$5,0,32; ext $4,$5,31,1; ins $4,$5,0,32; ins $4,$5,8,8
    wsbh $4,$5; seb $4,$5; seh $4,$5
    rdhwr $4,$0; rdhwr $4,$1; rdhwr $4,$2; rdhwr $4,$3; rdhwr $4,$29
    /* loads, stores */
    lb $4,-1($5); lh $4,2($5); lwl $4,3($5); lw $4,-32768($sp); lbu $4,0($5); lhu $4,6($5)
    lwr $4,0($5); sb $4,1($5); sh $4,2($5); swl $4,3($5); sw $4,32767($5); swr $4,0($5)
    cache 0x14,0($4); cache 0x1d,-16($5); ll $4,0($5); sc $4,4($5)
    pref 0,0($4); pref 30,8($4)
    lwc1 $f4,0($5); ldc1 $f4,8($5); swc1 $f31,-4($5); sdc1 $f30,16($5)
    /* COP1 */
    mfc1 $4,$f5; mtc1 $4,$f5; mfhc1 $4,$f6; mthc1 $4,$f6
    cfc1 $4,$0; cfc1 $4,$25; cfc1 $4,$26; cfc1 $4,$28; cfc1 $4,$31; ctc1 $4,$31; ctc1 $4,$25
    bc1f 1b; bc1t 1b; bc1fl 1b; bc1tl 1b; bc1f $fcc1,1b; bc1tl $fcc7,1b
    .irp f,s,d
    add.\f $f0,$f2,$f4; sub.\f $f6,$f8,$f10; mul.\f $f12,$f14,$f16; div.\f $f18,$f20,$f22
    sqrt.\f $f0,$f2; abs.\f $f0,$f2; mov.\f $f0,$f2; neg.\f $f0,$f2
    round.l.\f $f0,$f2; trunc.l.\f $f0,$f2; ceil.l.\f $f0,$f2; floor.l.\f $f0,$f2
    round.w.\f $f0,$f2; trunc.w.\f $f0,$f2; ceil.w.\f $f0,$f2; floor.w.\f $f0,$f2
    movf.\f $f0,$f2,$fcc0; movt.\f $f0,$f2,$fcc3; movz.\f $f0,$f2,$4; movn.\f $f0,$f2,$5
    recip.\f $f0,$f2; rsqrt.\f $f0,$f2; cvt.w.\f $f0,$f2; cvt.l.\f $f0,$f2
    conds \f
    madd.\f $f0,$f2,$f4,$f6; msub.\f $f0,$f2,$f4,$f6; nmadd.\f $f0,$f2,$f4,$f6; nmsub.\f $f0,$f2,$f4,$f6
    .endr
    cvt.d.s $f0,$f2; cvt.s.d $f0,$f2; cvt.s.w $f0,$f2; cvt.d.w $f0,$f2; cvt.s.l $f0,$f2; cvt.d.l $f0,$f2
    /* COP1X */
    lwxc1 $f0,$4($5); ldxc1 $f2,$4($5); luxc1 $f2,$4($5)
    swxc1 $f0,$4($5); sdxc1 $f2,$4($5); suxc1 $f2,$4($5); prefx 1,$4($5)
    nop

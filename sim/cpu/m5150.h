/*
 * The M5150 as the PIC32MZ EF presents it: implementation values of the core,
 * decided in this one place (docs/simulator.md, "Core identity").
 * Sources: Microchip's MPLAB X device description of the M5150 core registers
 * (its register model of the PIC32MZ EF) and the MIPS32 M5150 Processor Core
 * Family Software User's Manual (MD00980), chapter "CP0 Registers".
 */
#ifndef SIM_CPU_M5150_H
#define SIM_CPU_M5150_H

#define M5150_PRID        0x0001A700u /* company MIPS, processor 0xA7, rev 0 */
#define M5150_CONFIG0     0x80240482u /* LE, AR=1 (r2+), MT=1 TLB, K0=2 */
#define M5150_CONFIG0_W   0x00000007u /* only K0 writable */
#define M5150_CONFIG1     0x9E9B0D9Bu /* 16 TLB, I 16K/4w, D 4K/4w, 16 B lines, FP */
#define M5150_CONFIG2     0x80000000u
/* VZ, IPLW=1, MCU, ISA=2, ULRI, RXI, DSP2, VEIC, VInt, CDMM (the MPLAB
 * register model's 0x80A2BD68), plus BI/BP: see M5150_HAS_BADINSTR. */
#define M5150_CONFIG3     0x8CA2BD68u
#define M5150_CONFIG3_W   0x00010000u /* ISAOnExc */
#define M5150_CONFIG4     0x800C0000u /* KScratch (31,2) and (31,3) */
#define M5150_CONFIG5     0x00000001u /* NF; UFR writable */
#define M5150_CONFIG5_W   0x00000004u
#define M5150_CONFIG7     0x80000000u /* WII */
#define M5150_SRSCTL      0x1C000000u /* HSS = 7: eight shadow sets */
#define M5150_SRSCTL_W    0x0000F3C0u /* ESS, PSS */
#define M5150_EBASE       0x80000000u
#define M5150_EBASE_W     0x3FFFF000u
#define M5150_STATUS_W    0x3F7DFC17u /* CU1 CU0 RP FR RE MX BEV TS SR NMI IPL UM ERL EXL IE */
#define M5150_CAUSE_W     0x08C00300u /* DC IV WP IP1:0 */
#define M5150_INTCTL_W    0x007F03E3u /* VS; MCU-ASE fields stored (not modelled) */
#define M5150_ENTRYHI_W   0xFFFFE0FFu
#define M5150_ENTRYLO_W   0xC3FFFFFFu /* RI XI PFN(32-bit PA) C D V G */
#define M5150_PAGEMASK_W  0x1FFFE000u
#define M5150_PAGEGRAIN_W 0xC8000000u /* RIE XIE IEC */
#define M5150_CONTEXT_W   0xFF800000u /* PTEBase */
#define M5150_HWRENA_W    0x2000000Fu /* ULR, HWR 3:0 */
#define M5150_DEBUG       0x02028000u
#define M5150_FIR         0x11F3A700u
#define M5150_FCSR_RESET  0x000C0000u /* NAN2008 | ABS2008, fixed */
#define M5150_NTLB        16
#define M5150_SYNCI_STEP  16 /* cache line size */
/* BadInstr/BadInstrP: the MPLAB register model shows Config3.BI = BP = 0,
 * but hypervisors running on the real chip (tinyVP 0.9x) read BadInstr on
 * guest exits, and the VZ module needs it for HYPCALL codes. Decision: the
 * registers exist and Config3.BI/BP say so (docs/simulator.md). */
#define M5150_HAS_BADINSTR 1

#endif

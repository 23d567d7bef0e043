/*
 * MIPS32 release 5 CP0 / CP1 / VZ register numbers and fields, as the MIPS32
 * Privileged Resource Architecture and the VZ specification name them.
 *
 * This is the one place the hypervisor (hv/), the simulator (sim/) and the
 * configurator (conf/) take these numbers from, so the three programs cannot
 * disagree on a bit. It is freestanding: only macros, usable from C and from
 * GNU assembler (.S) files.
 */
#ifndef MIPS_MIPSREGS_H
#define MIPS_MIPSREGS_H

#ifdef __ASSEMBLER__
#define _MU(x) (x)
#else
#define _MU(x) (x##u)
#endif

/* ---- CP0 register numbers: (reg, sel) ---------------------------------- */
#define CP0_INDEX        0, 0
#define CP0_RANDOM       1, 0
#define CP0_ENTRYLO0     2, 0
#define CP0_ENTRYLO1     3, 0
#define CP0_CONTEXT      4, 0
#define CP0_USERLOCAL    4, 2
#define CP0_PAGEMASK     5, 0
#define CP0_PAGEGRAIN    5, 1
#define CP0_WIRED        6, 0
#define CP0_HWRENA       7, 0
#define CP0_BADVADDR     8, 0
#define CP0_BADINSTR     8, 1
#define CP0_BADINSTRP    8, 2
#define CP0_COUNT        9, 0
#define CP0_ENTRYHI     10, 0
#define CP0_GUESTCTL1   10, 4
#define CP0_GUESTCTL2   10, 5
#define CP0_GUESTCTL3   10, 6
#define CP0_COMPARE     11, 0
#define CP0_GUESTCTL0EXT 11, 4
#define CP0_STATUS      12, 0
#define CP0_INTCTL      12, 1
#define CP0_SRSCTL      12, 2
#define CP0_SRSMAP      12, 3
#define CP0_VIEW_IPL    12, 4
#define CP0_SRSMAP2     12, 5
#define CP0_GUESTCTL0   12, 6
#define CP0_GTOFFSET    12, 7
#define CP0_CAUSE       13, 0
#define CP0_VIEW_RIPL   13, 4
#define CP0_NESTEDEXC   13, 5
#define CP0_EPC         14, 0
#define CP0_NESTEDEPC   14, 2
#define CP0_PRID        15, 0
#define CP0_EBASE       15, 1
#define CP0_CDMMBASE    15, 2
#define CP0_CONFIG      16, 0
#define CP0_CONFIG1     16, 1
#define CP0_CONFIG2     16, 2
#define CP0_CONFIG3     16, 3
#define CP0_CONFIG4     16, 4
#define CP0_CONFIG5     16, 5
#define CP0_CONFIG7     16, 7
#define CP0_LLADDR      17, 0
#define CP0_WATCHLO     18, 0
#define CP0_WATCHHI     19, 0
#define CP0_DEBUG       23, 0
#define CP0_DEPC        24, 0
#define CP0_PERFCTL0    25, 0
#define CP0_PERFCNT0    25, 1
#define CP0_ERRCTL      26, 0
#define CP0_CACHEERR    27, 0
#define CP0_TAGLO       28, 0
#define CP0_DATALO      28, 1
#define CP0_ERROREPC    30, 0
#define CP0_DESAVE      31, 0
#define CP0_KSCRATCH1   31, 2
#define CP0_KSCRATCH2   31, 3

/* Register number only (for decoders): CP0_REGNUM(CP0_STATUS) == 12. */
#define _CP0_REG(r, s) (r)
#define _CP0_SEL(r, s) (s)
#define CP0_REGNUM(x) _CP0_REG(x)
#define CP0_SELNUM(x) _CP0_SEL(x)
/* Packed (reg << 3 | sel) index, handy for switch statements. */
#define _CP0_RS(r, s) ((r) * 8 + (s))
#define CP0_RS(x) _CP0_RS(x)

/* ---- Status (12,0) ------------------------------------------------------ */
#define ST0_IE        _MU(0x00000001)
#define ST0_EXL       _MU(0x00000002)
#define ST0_ERL       _MU(0x00000004)
#define ST0_KSU       _MU(0x00000018)
#define ST0_UM        _MU(0x00000010)
#define ST0_IM_SHIFT  8
#define ST0_IM        _MU(0x0000ff00)
#define ST0_IPL_SHIFT 10
#define ST0_IPL       _MU(0x0001fc00) /* IPL[6:0]; IPL[7] is bit 18 */
#define ST0_IPL7      _MU(0x00040000)
#define ST0_NMI       _MU(0x00080000)
#define ST0_SR        _MU(0x00100000)
#define ST0_TS        _MU(0x00200000)
#define ST0_BEV       _MU(0x00400000)
#define ST0_MX        _MU(0x01000000)
#define ST0_RE        _MU(0x02000000)
#define ST0_FR        _MU(0x04000000)
#define ST0_RP        _MU(0x08000000)
#define ST0_CU0       _MU(0x10000000)
#define ST0_CU1       _MU(0x20000000)
#define ST0_CU2       _MU(0x40000000)
#define ST0_CU3       _MU(0x80000000)

/* ---- Cause (13,0) ------------------------------------------------------- */
#define CAUSEB_EXCCODE 2
#define CAUSEF_EXCCODE _MU(0x0000007c)
#define CAUSEB_IP      8
#define CAUSEF_IP      _MU(0x0000ff00)
#define CAUSEF_IP0     _MU(0x00000100)
#define CAUSEF_IP1     _MU(0x00000200)
#define CAUSEB_RIPL    10
#define CAUSEF_RIPL    _MU(0x0003fc00) /* 8-bit RIPL, bits 17:10 */
#define CAUSEF_WP      _MU(0x00400000)
#define CAUSEF_IV      _MU(0x00800000)
#define CAUSEF_PCI     _MU(0x04000000)
#define CAUSEF_DC      _MU(0x08000000)
#define CAUSEB_CE      28
#define CAUSEF_CE      _MU(0x30000000)
#define CAUSEF_TI      _MU(0x40000000)
#define CAUSEF_BD      _MU(0x80000000)

/* Exception codes (Cause.ExcCode). */
#define EXCCODE_INT     0
#define EXCCODE_MOD     1
#define EXCCODE_TLBL    2
#define EXCCODE_TLBS    3
#define EXCCODE_ADEL    4
#define EXCCODE_ADES    5
#define EXCCODE_IBE     6
#define EXCCODE_DBE     7
#define EXCCODE_SYS     8
#define EXCCODE_BP      9
#define EXCCODE_RI      10
#define EXCCODE_CPU     11
#define EXCCODE_OV      12
#define EXCCODE_TR      13
#define EXCCODE_MSAFPE  14
#define EXCCODE_FPE     15
#define EXCCODE_TLBRI   19
#define EXCCODE_TLBXI   20
#define EXCCODE_MSADIS  21
#define EXCCODE_MDMX    22
#define EXCCODE_WATCH   23
#define EXCCODE_MCHECK  24
#define EXCCODE_THREAD  25
#define EXCCODE_DSPDIS  26
#define EXCCODE_GE      27
#define EXCCODE_CACHEERR 30

/* ---- IntCtl (12,1) ------------------------------------------------------ */
#define INTCTL_VS_SHIFT 5
#define INTCTL_VS       _MU(0x000003e0)
#define INTCTL_IPTI_SHIFT 29

/* ---- SRSCtl (12,2) ------------------------------------------------------ */
#define SRSCTL_CSS_SHIFT   0
#define SRSCTL_CSS         _MU(0x0000000f)
#define SRSCTL_PSS_SHIFT   6
#define SRSCTL_PSS         _MU(0x000003c0)
#define SRSCTL_ESS_SHIFT   12
#define SRSCTL_ESS         _MU(0x0000f000)
#define SRSCTL_EICSS_SHIFT 18
#define SRSCTL_EICSS       _MU(0x003c0000)
#define SRSCTL_HSS_SHIFT   26
#define SRSCTL_HSS         _MU(0x3c000000)

/* ---- EBase (15,1) ------------------------------------------------------- */
#define EBASE_CPUNUM  _MU(0x000003ff)
#define EBASE_WG      _MU(0x00000800)
#define EBASE_BASE    _MU(0x3ffff000)

/* ---- Config registers --------------------------------------------------- */
#define CONF_CM_CMASK     _MU(0x00000007) /* Config0.K0 */
#define CONF_CM_UNCACHED  2
#define CONF_CM_CACHABLE  3
#define MIPS_CONF_M       _MU(0x80000000)
#define MIPS_CONF1_FP     _MU(0x00000001)
#define MIPS_CONF1_TLBS_SHIFT 25
#define MIPS_CONF1_TLBS   _MU(0x7e000000)
#define MIPS_CONF3_VINT   _MU(0x00000020)
#define MIPS_CONF3_VEIC   _MU(0x00000040)
#define MIPS_CONF3_ISA_OE _MU(0x00010000)
#define MIPS_CONF3_IPLW   _MU(0x00600000)
#define MIPS_CONF3_VZ     _MU(0x00800000)
#define MIPS_CONF5_UFR    _MU(0x00000004)

/* ---- TLB ---------------------------------------------------------------- */
#define MIPS_ENTRYHI_VPN2   _MU(0xffffe000)
#define MIPS_ENTRYHI_EHINV  _MU(0x00000400)
#define MIPS_ENTRYHI_ASID   _MU(0x000000ff)
#define MIPS_ENTRYLO_G      _MU(0x00000001)
#define MIPS_ENTRYLO_V      _MU(0x00000002)
#define MIPS_ENTRYLO_D      _MU(0x00000004)
#define MIPS_ENTRYLO_C_SHIFT 3
#define MIPS_ENTRYLO_C      _MU(0x00000038)
#define MIPS_ENTRYLO_PFN_SHIFT 6
#define MIPS_ENTRYLO_PFN    _MU(0x3fffffc0)
#define MIPS_ENTRYLO_XI     _MU(0x40000000)
#define MIPS_ENTRYLO_RI     _MU(0x80000000)
#define MIPS_INDEX_P        _MU(0x80000000)
#define PM_4K    _MU(0x00000000)
#define PM_16K   _MU(0x00006000)
#define PM_64K   _MU(0x0001e000)
#define PM_256K  _MU(0x0007e000)
#define PM_1M    _MU(0x001fe000)
#define PM_4M    _MU(0x007fe000)
#define PM_16M   _MU(0x01ffe000)
#define PM_64M   _MU(0x07ffe000)
#define PM_256M  _MU(0x1fffe000)
#define PG_RIE   _MU(0x80000000)
#define PG_XIE   _MU(0x40000000)
#define PG_IEC   _MU(0x08000000)

/* ---- VZ: GuestCtl0 (12,6) ----------------------------------------------- */
#define GUESTCTL0_GM        _MU(0x80000000)
#define GUESTCTL0_RI        _MU(0x40000000)
#define GUESTCTL0_MC        _MU(0x20000000)
#define GUESTCTL0_CP0       _MU(0x10000000)
#define GUESTCTL0_AT_SHIFT  26
#define GUESTCTL0_AT        _MU(0x0c000000)
#define GUESTCTL0_GT        _MU(0x02000000)
#define GUESTCTL0_CG        _MU(0x01000000)
#define GUESTCTL0_CF        _MU(0x00800000)
#define GUESTCTL0_G1        _MU(0x00400000)
#define GUESTCTL0_G0E       _MU(0x00080000)
#define GUESTCTL0_PT        _MU(0x00040000)
#define GUESTCTL0_PIP_SHIFT 10
#define GUESTCTL0_PIP       _MU(0x0003fc00)
#define GUESTCTL0_RAD       _MU(0x00000200)
#define GUESTCTL0_DRG       _MU(0x00000100)
#define GUESTCTL0_G2        _MU(0x00000080)
#define GUESTCTL0_GEXC_SHIFT 2
#define GUESTCTL0_GEXC      _MU(0x0000007c)
#define GUESTCTL0_SFC2      _MU(0x00000002)
#define GUESTCTL0_SFC1      _MU(0x00000001)

/* GuestCtl0.GExcCode values. */
#define GEXC_GPSI   0
#define GEXC_GSFC   1
#define GEXC_HC     2
#define GEXC_GRR    3
#define GEXC_GVA    8
#define GEXC_GHFC   9
#define GEXC_GPA    10

/* GuestCtl0Ext (11,4) */
#define GUESTCTL0EXT_MG   _MU(0x00000001)
#define GUESTCTL0EXT_BG   _MU(0x00000002)
#define GUESTCTL0EXT_OG   _MU(0x00000004)
#define GUESTCTL0EXT_FCD  _MU(0x00000008)
#define GUESTCTL0EXT_CGI  _MU(0x00000010)
#define GUESTCTL0EXT_NCC  _MU(0x000000c0)
#define GUESTCTL0EXT_RPW  _MU(0x00000300)

/* GuestCtl1 (10,4) */
#define GUESTCTL1_ID_SHIFT  0
#define GUESTCTL1_ID        _MU(0x000000ff)
#define GUESTCTL1_RID_SHIFT 16
#define GUESTCTL1_RID       _MU(0x00ff0000)
#define GUESTCTL1_EID_SHIFT 24
#define GUESTCTL1_EID       _MU(0xff000000)

/* GuestCtl2 (10,5), EIC form */
#define GUESTCTL2_GVEC       _MU(0x0000ffff)
#define GUESTCTL2_GEICSS_SHIFT 18
#define GUESTCTL2_GEICSS     _MU(0x003c0000)
#define GUESTCTL2_GRIPL_SHIFT 24
#define GUESTCTL2_GRIPL      _MU(0xff000000)

/* GuestCtl3 (10,6) */
#define GUESTCTL3_GLSS       _MU(0x0000000f)

/* ---- CP1 control registers ---------------------------------------------- */
#define FPU_FIR   0
#define FPU_FCCR  25
#define FPU_FEXR  26
#define FPU_FENR  28
#define FPU_FCSR  31

#define FCSR_RM          _MU(0x00000003)
#define FCSR_FLAGS_SHIFT 2
#define FCSR_ENABLES_SHIFT 7
#define FCSR_CAUSE_SHIFT 12
#define FCSR_FLAG_I      1
#define FCSR_FLAG_U      2
#define FCSR_FLAG_O      4
#define FCSR_FLAG_Z      8
#define FCSR_FLAG_V      16
#define FCSR_CAUSE_E     _MU(0x00020000)
#define FCSR_ABS2008     _MU(0x00040000)
#define FCSR_NAN2008     _MU(0x00080000)
#define FCSR_FS          _MU(0x01000000)
#define FCSR_FCC0        _MU(0x00800000)

/* ---- EJTAG Debug register (CP0 23,0): MIPS EJTAG Specification MD00047,
 * "Debug Register" ------------------------------------------------------- */
#define DEBUG_DBD        _MU(0x80000000) /* the debug exception was in a delay slot */
#define DEBUG_DM         _MU(0x40000000) /* in Debug Mode */
#define DEBUG_DEXCCODE   _MU(0x00007c00) /* an exception in Debug Mode: its code */
#define DEBUG_DEXCCODE_SHIFT 10
#define DEBUG_DBP        _MU(0x00000002) /* the last debug exception was an SDBBP */
#define DEBUG_DSS        _MU(0x00000001)
#define EJTAG_DEBUG_VECTOR _MU(0xbfc00480) /* ProbTrap = 0 (no probe) */

/* ---- Virtual segments --------------------------------------------------- */
#define KUSEG  _MU(0x00000000)
#define KSEG0  _MU(0x80000000)
#define KSEG1  _MU(0xa0000000)
#define KSEG2  _MU(0xc0000000)
#define KSEG3  _MU(0xe0000000)
#define CPHYSADDR(a) ((a) & _MU(0x1fffffff))
#define CKSEG0ADDR(a) (CPHYSADDR(a) | KSEG0)
#define CKSEG1ADDR(a) (CPHYSADDR(a) | KSEG1)

/* ---- UHI semihosting (MIPS Unified Hosting Interface) ------------------- */
#define UHI_SDBBP_CODE 1 /* sdbbp 1; operation in $25 (t9) */
#define UHI_EXIT   1
#define UHI_OPEN   2
#define UHI_CLOSE  3
#define UHI_READ   4
#define UHI_WRITE  5
#define UHI_LSEEK  6
#define UHI_UNLINK 7
#define UHI_FSTAT  8
#define UHI_ARGC   9
#define UHI_ARGLEN 10
#define UHI_ARGN   11

#endif /* MIPS_MIPSREGS_H */

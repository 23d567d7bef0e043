/*
 * The FPU load/store forms of the delay-slot tests (dslot.c, dslotmm.c):
 * SWC1/LWC1, LDC1/SDC1, SWXC1/LWXC1 on OFF000/OFF001, which trap under
 * tinyVP. The includer defines OFF0, OFF1 and report(); the compiler
 * picks the encodings (MIPS32 or microMIPS, as the file is built).
 */
static void fpu_forms(void)
{
    uint32_t fbits = 0x0002468au;
    float f;
    double d;
    __builtin_memcpy(&f, &fbits, 4);
    __asm__ volatile("swc1 %1, 0(%0)" : : "r"(OFF0), "f"(f) : "memory");
    __asm__ volatile("lwc1 %0, 0(%1)" : "=f"(f) : "r"(OFF1 - 4) : "memory");
    __builtin_memcpy(&fbits, &f, 4);
    report("swc1/lwc1", SFR(OFF0), fbits);
    SFR(OFF0) = 0x13570;
    SFR(OFF1) = 0x24680;
    __asm__ volatile("ldc1 %0, 0(%1)" : "=f"(d) : "r"(OFF0) : "memory");
    uint64_t dbits;
    __builtin_memcpy(&dbits, &d, 8);
    report("ldc1", (uint32_t)dbits, (uint32_t)(dbits >> 32));
    dbits = 0x0000111200003334ull;
    __builtin_memcpy(&d, &dbits, 8);
    __asm__ volatile("sdc1 %0, 0(%1)" : : "f"(d), "r"(OFF0) : "memory");
    report("sdc1", SFR(OFF0), SFR(OFF1));
    __asm__ volatile("swxc1 %0, %1(%2)" : : "f"(f), "r"(4), "r"(OFF0) : "memory");
    __asm__ volatile("lwxc1 %0, %1(%2)" : "=f"(f) : "r"(4), "r"(OFF0) : "memory");
    __builtin_memcpy(&fbits, &f, 4);
    report("swxc1/lwxc1", SFR(OFF1), fbits);
}

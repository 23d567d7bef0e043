/* rt_exit and the default exception handler (rt.h). */
#include "rt.h"

/* Quiets everything this firmware started, so that nothing can wake the
 * final WAIT: interrupts off at the CPU and the controller, the timers the
 * runtime started stopped, the core timer halted (Cause.DC). Only devices
 * the firmware used are touched (a tinyVP partition may own nothing
 * else). */
void rt_exit(int status)
{
    rt_printf("[exit %d]\n", status);
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    rt_irq_off();
    for (unsigned w = 0; w < INTC_NWORDS; w++)
        SFR(IEC(w)) = 0;
    rt_timer_stop_all();
    write_c0_cause(read_c0_cause() | CAUSEF_DC);
    for (;;)
        rt_wait();
}

static const char *const exc_names[32] = {
    [EXCCODE_INT] = "interrupt",  [EXCCODE_MOD] = "TLB modified",
    [EXCCODE_TLBL] = "TLB load",  [EXCCODE_TLBS] = "TLB store",
    [EXCCODE_ADEL] = "address error (load/fetch)", [EXCCODE_ADES] = "address error (store)",
    [EXCCODE_IBE] = "bus error (fetch)", [EXCCODE_DBE] = "bus error (data)",
    [EXCCODE_SYS] = "syscall",    [EXCCODE_BP] = "breakpoint",
    [EXCCODE_RI] = "reserved instruction", [EXCCODE_CPU] = "coprocessor unusable",
    [EXCCODE_OV] = "overflow",    [EXCCODE_TR] = "trap",
    [EXCCODE_FPE] = "floating point", [EXCCODE_TLBRI] = "TLB read inhibit",
    [EXCCODE_TLBXI] = "TLB execute inhibit", [EXCCODE_WATCH] = "watch",
    [EXCCODE_MCHECK] = "machine check",
};

__attribute__((weak)) uint32_t rt_exception(struct rt_frame *f)
{
    unsigned code = (f->cause & CAUSEF_EXCCODE) >> CAUSEB_EXCCODE;
    const char *name = exc_names[code] ? exc_names[code] : "?";
    rt_printf("\nexception %u (%s): EPC 0x%08lx%s BadVAddr 0x%08lx Status 0x%08lx\n", code, name,
              (unsigned long)f->epc, (f->cause & CAUSEF_BD) ? " (delay slot)" : "",
              (unsigned long)f->badvaddr, (unsigned long)f->status);
    rt_exit(128 + (int)code);
}

/*
 * excloop: a partition that lives on exceptions: each turn of its loop
 * takes a SYSCALL (its own handler, in the guest) and an MFC0 of PRId
 * (a hypervisor exit, emulated), for ever. Its windows must still end on
 * time and the others' start on time (tests/system/run, "windows").
 */
#include "rt.h"

static volatile uint32_t syscalls;

uint32_t rt_exception(struct rt_frame *f)
{
    unsigned code = (f->cause & CAUSEF_EXCCODE) >> CAUSEB_EXCCODE;
    if (code != EXCCODE_SYS)
        rt_exit(128 + (int)code);
    syscalls++;
    return f->epc + 4;
}

int main(void)
{
    board_init();
    rt_printf("excloop: SYSCALL and MFC0 PRId for ever\n");
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    for (;;) {
        __asm__ volatile("syscall" ::: "memory");
        (void)read_c0_prid();
    }
}

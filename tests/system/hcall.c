/*
 * hcall: the hypercall table from a partition (include/tinyvp/hypercall.h):
 * version, console write (a short text, and a long one taken 32 bytes a
 * call), time, yield, an unknown service, and a HYPCALL in a branch delay
 * slot. Only meaningful under tinyVP.
 */
#include "rt.h"

#include <tinyvp/hypercall.h>

int main(void)
{
    board_init();
    long id, hi;
    long ver = tvp_hc_version(0, 0, &id);
    rt_printf("hcall: version %08lx, guest %ld\n", (unsigned long)ver, id);
    static const char msg[] = "hcall: console write\n";
    long n = tvp_hc_console_write((long)msg, sizeof msg - 1, 0);
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    rt_printf("hcall: wrote %ld\n", n);
    rt_printf("hcall: bad buffer %ld\n", tvp_hc_console_write(0x1000, 4, 0));
    /* a longer text: at most TVP_HC_CONSOLE_CHUNK bytes are taken a call */
    static const char text[] = "hcall: a long line, written at most 32 bytes a call until all is taken\n";
    long done = 0, calls = 0;
    for (unsigned tries = 0; done < (long)sizeof text - 1 && tries < 100; tries++) {
        long r = tvp_hc_console_write((long)(text + done), (long)sizeof text - 1 - done, 0);
        if (r < 0)
            break;
        done += r;
        calls += r > 0;
    }
    rt_uart_flush(WIFIRE_CONSOLE_UART);
    rt_printf("hcall: long write %ld bytes in %ld calls\n", done, calls);
    long t0 = tvp_hc_time(0, 0, &hi);
    uint32_t c0 = read_c0_count();
    while (read_c0_count() - c0 < 1000 * RT_CT_PER_US)
        ;
    long t1 = tvp_hc_time(0, 0, &hi);
    rt_printf("hcall: time advanced %s\n", t1 - t0 >= 1000 && t1 - t0 < 1100 ? "1 ms" : "wrong");
    rt_printf("hcall: yield %ld\n", tvp_hc_yield(0, 0, 0));
    long r;
    __asm__ volatile(".word 0x42000028 + (77 << 11)\n\tmove %0, $2" : "=r"(r) : : "$2", "memory");
    rt_printf("hcall: unknown %ld\n", r);
    /* HYPCALL (version) in a delay slot: resumes at the branch target */
    long path;
    __asm__ volatile(".set push\n\t.set noreorder\n\t"
                     "li $t8, 1\n\t"
                     "bnez $t8, 1f\n\t"
                     ".word 0x42000028\n\t"
                     "b 2f\n\t"
                     "li %0, 0\n"
                     "1:\tmove %0, $2\n"
                     "2:\n\t.set pop"
                     : "=&r"(path) : : "$2", "$3", "$24", "memory");
    rt_printf("hcall: in a delay slot %08lx\n", (unsigned long)path);
    rt_printf("hcall: done\n");
    return 0;
}

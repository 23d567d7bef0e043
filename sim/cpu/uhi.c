/*
 * MIPS UHI semihosting (the Unified Hosting Interface, as QEMU implements
 * it): `sdbbp 1` with the operation in $25; arguments in $4..$7; result in
 * $2 and errno in $3. Supported: exit, write (fd 1 and 2), read (fd 0:
 * end of file, so runs stay deterministic), argc (0). Others return -1 with
 * errno ENOSYS (88 in newlib's numbering, as UHI uses).
 */
#include <stdio.h>

#include <mips/mipsregs.h>

#include "cpu_int.h"

#define UHI_ENOSYS 88
#define UHI_EBADF  9
#define UHI_EFAULT 14

/* Copies from the program's virtual memory (the current context's
 * translation, page by page) without exceptions. */
static bool uhi_copy_in(struct cpu *c, uint32_t va, void *dst, uint32_t len)
{
    uint8_t *d = dst;
    while (len) {
        uint32_t pa, n = 4096 - (va & 0xFFFu);
        if (n > len)
            n = len;
        if (!cpu_debug_translate(c, va, &pa) || !bus_read_debug(c->bus, pa, d, n))
            return false;
        va += n;
        d += n;
        len -= n;
    }
    return true;
}

bool cpu_uhi_call(struct cpu *c)
{
    uint32_t *r = c->r;
    uint32_t op = r[25];
    int32_t ret = -1;
    uint32_t err = 0;
    switch (op) {
    case UHI_EXIT:
        c->exit_code = (int)r[4];
        c->stop = CPU_STOP_EXIT;
        return true;
    case UHI_WRITE: {
        static char buf[1 << 16];
        uint32_t fd = r[4], len = r[6];
        if (fd != 1 && fd != 2) {
            err = UHI_EBADF;
            break;
        }
        if (len > sizeof buf)
            len = sizeof buf;
        if (!uhi_copy_in(c, r[5], buf, len)) {
            err = UHI_EFAULT;
            break;
        }
        if (c->hooks.uhi_write) {
            c->hooks.uhi_write(c->hooks.ctx, (int)fd, buf, len);
        } else {
            FILE *f = fd == 1 ? stdout : stderr;
            fwrite(buf, 1, len, f);
            fflush(f);
        }
        ret = (int32_t)len;
        break;
    }
    case UHI_READ:
        ret = r[4] == 0 ? 0 : -1;
        err = r[4] == 0 ? 0 : UHI_EBADF;
        break;
    case UHI_ARGC:
        ret = 0;
        break;
    default:
        err = UHI_ENOSYS;
        break;
    }
    r[2] = (uint32_t)ret;
    r[3] = err;
    return true; /* the caller retires the SDBBP like any instruction */
}

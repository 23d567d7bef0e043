/*
 * tinyVP channels, guest side (include/tinyvp/channel.h): one HYPCALL per
 * call, encoded as a .word so that the firmware needs no -mvirt (MIPS VZ
 * ASE, MD00846, HYPCALL: code in bits 20:11). Freestanding, no state.
 */
#include <tinyvp/channel.h>

/* HYPCALL `code` with a0..a2; v0 returned, v1 stored in *v1 */
#define TVP_CH_CALL(code, a0, a1, a2, v1out)                                  \
    __extension__({                                                           \
        register long r_a0 __asm__("$4") = (long)(a0);                        \
        register long r_a1 __asm__("$5") = (long)(a1);                        \
        register long r_a2 __asm__("$6") = (long)(a2);                        \
        register long r_v0 __asm__("$2");                                     \
        register long r_v1 __asm__("$3");                                     \
        __asm__ volatile(TVP_HC_ASM(code)                                     \
                         : "=r"(r_v0), "=r"(r_v1)                             \
                         : "r"(r_a0), "r"(r_a1), "r"(r_a2)                    \
                         : "memory");                                         \
        (v1out) = (unsigned long)r_v1;                                        \
        r_v0;                                                                 \
    })

int tvp_sampling_write(unsigned port, const void *msg, unsigned len)
{
    unsigned long v1;
    int r = (int)TVP_CH_CALL(TVP_HC_SAMPLING_WRITE, port, msg, len, v1);
    (void)v1;
    return r;
}

int tvp_sampling_read(unsigned port, void *buf, unsigned size, uint32_t *age_us)
{
    unsigned long v1;
    int r = (int)TVP_CH_CALL(TVP_HC_SAMPLING_READ, port, buf, size, v1);
    if (age_us)
        *age_us = r >= 0 ? (uint32_t)v1 : 0xffffffffu;
    return r;
}

int tvp_queuing_send(unsigned port, const void *msg, unsigned len)
{
    unsigned long v1;
    int r = (int)TVP_CH_CALL(TVP_HC_QUEUING_SEND, port, msg, len, v1);
    (void)v1;
    return r;
}

int tvp_queuing_receive(unsigned port, void *buf, unsigned size, unsigned *left)
{
    unsigned long v1;
    int r = (int)TVP_CH_CALL(TVP_HC_QUEUING_RECV, port, buf, size, v1);
    if (left)
        *left = r >= 0 ? (unsigned)v1 : 0;
    return r;
}

int tvp_port_status(unsigned port, uint32_t *extra)
{
    unsigned long v1;
    int r = (int)TVP_CH_CALL(TVP_HC_PORT_STATUS, port, 0, 0, v1);
    if (extra)
        *extra = (uint32_t)v1;
    return r;
}

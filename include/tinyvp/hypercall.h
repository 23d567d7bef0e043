/*
 * tinyVP hypercall ABI, for guests that want to call the hypervisor (an
 * unmodified bare-board firmware never needs to).
 *
 *   HYPCALL code        code (instruction bits 20:11) = the service number
 *   arguments           $a0..$a3
 *   results             $v0 (and $v1 for 64-bit values); negative = error
 *   preserved           every other register; the guest resumes after the
 *                       HYPCALL (also when it sits in a branch delay slot)
 *
 * A HYPCALL from guest user mode is the guest's own coprocessor-unusable
 * exception. Unknown service numbers return TVP_HC_ENOSYS. docs/hypervisor.md
 * describes each service. The wrappers below encode HYPCALL as a .word, so a
 * guest needs no -mvirt.
 */
#ifndef TINYVP_HYPERCALL_H
#define TINYVP_HYPERCALL_H

#define TVP_HC_VERSION        0  /* v0 = TVP_ABI_VERSION, v1 = own guest id */
#define TVP_HC_CONSOLE_WRITE  1  /* a0 = buffer (kseg0/kseg1), a1 = length
                                  * (at most TVP_HC_CONSOLE_MAX); v0 = bytes
                                  * taken: at most TVP_HC_CONSOLE_CHUNK per
                                  * call, fewer when its buffer is full */
#define TVP_HC_YIELD          2  /* give up the CPU until the next turn; v0 = 0 */
#define TVP_HC_TIME           3  /* v0/v1 = microseconds since boot (low/high) */
/* Channels (ARINC-653 ports; include/tinyvp/channel.h wraps them). a0 = port
 * (the channel's index in the configuration's `channels:`), a1 = buffer
 * (kseg0/kseg1, in the guest's memory), a2 = length or buffer size. */
#define TVP_HC_SAMPLING_WRITE 4  /* v0 = 0 */
#define TVP_HC_SAMPLING_READ  5  /* v0 = length, v1 = age in microseconds */
#define TVP_HC_QUEUING_SEND   6  /* v0 = 0, or TVP_CH_FULL */
#define TVP_HC_QUEUING_RECV   7  /* v0 = length, v1 = messages left; or TVP_CH_EMPTY */
#define TVP_HC_PORT_STATUS    8  /* a0 = port; v0 = messages held, v1 = see docs */
#define TVP_HC_COUNT          9  /* number of services */

#define TVP_ABI_VERSION       0x00010000 /* major 16 bits, minor 16 bits */
#define TVP_HC_CONSOLE_MAX    256
#define TVP_HC_CONSOLE_CHUNK  32 /* bytes taken per call at most (a bounded exit) */
#define TVP_HC_ENOSYS         (-1)
#define TVP_HC_EFAULT         (-2) /* a buffer not wholly in the guest's memory */
/* Channel results (docs/hypervisor.md "Channels"). EMPTY and FULL are a
 * port's state, the others a refused call; none is a health-monitor fault. */
#define TVP_CH_OK             0
#define TVP_CH_EPORT          (-3)  /* no such port */
#define TVP_CH_EDIR           (-4)  /* not this guest's port in this direction */
#define TVP_CH_EKIND          (-5)  /* a sampling call on a queuing port or back */
#define TVP_CH_ESIZE          (-6)  /* length 0 or above msg_size; buffer too small */
#define TVP_CH_EMPTY          (-7)  /* nothing to read (never written; queue empty) */
#define TVP_CH_FULL           (-8)  /* the queue holds depth messages */

#define TVP_HYPCALL_INSN(code) (0x42000028u | ((unsigned)(code) << 11))

#if !defined(__ASSEMBLER__) && defined(__mips__)
#define TVP_HC_ASM(code) ".word 0x42000028 + ((" #code ") << 11)"
#define TVP_DEF_HC(fn, code)                                                  \
    static inline long fn(long a0, long a1, long *v1)                         \
    {                                                                         \
        register long r_a0 __asm__("$4") = a0;                                \
        register long r_a1 __asm__("$5") = a1;                                \
        register long r_v0 __asm__("$2");                                     \
        register long r_v1 __asm__("$3");                                     \
        __asm__ volatile(TVP_HC_ASM(code)                                     \
                         : "=r"(r_v0), "=r"(r_v1) : "r"(r_a0), "r"(r_a1)      \
                         : "memory");                                         \
        if (v1)                                                               \
            *v1 = r_v1;                                                       \
        return r_v0;                                                          \
    }
TVP_DEF_HC(tvp_hc_version, 0)
TVP_DEF_HC(tvp_hc_console_write, 1)
TVP_DEF_HC(tvp_hc_yield, 2)
TVP_DEF_HC(tvp_hc_time, 3)
#undef TVP_DEF_HC
#endif

#endif /* TINYVP_HYPERCALL_H */

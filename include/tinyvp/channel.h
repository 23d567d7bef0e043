/*
 * tinyVP channels for a guest: ARINC-653 style sampling and queuing ports
 * over the hypercalls of include/tinyvp/hypercall.h (services 4..8).
 *
 * Freestanding: this header and guests/lib/channel.c need only a C11
 * compiler for MIPS32 (no libc, no runtime of ours, no -mvirt); a firmware
 * adds channel.c to its sources. A port is the channel's index in the
 * system description's `channels:` list (0 = the first; vpconf's
 * report.txt lists them in that order).
 *
 * Results (docs/hypervisor.md "Channels"): >= 0 success; TVP_CH_EMPTY and
 * TVP_CH_FULL are the port's state; TVP_CH_EPORT, TVP_CH_EDIR, TVP_CH_EKIND,
 * TVP_CH_ESIZE and TVP_HC_EFAULT (a buffer not wholly in the guest's RAM,
 * or flash for a message sent) refuse the call, which then changed nothing.
 * None of them is a fault: the guest keeps running. Under no hypervisor
 * (the bare board) the HYPCALL instruction is a reserved instruction.
 */
#ifndef TINYVP_CHANNEL_H
#define TINYVP_CHANNEL_H

#include <stdint.h>

#include <tinyvp/hypercall.h>

/* Sampling port: overwrite the latest message (1..msg_size bytes). */
int tvp_sampling_write(unsigned port, const void *msg, unsigned len);

/* Sampling port: copy the latest message into buf (size bytes); returns its
 * length and sets *age_us (if not null) to the microseconds since it was
 * written. The message stays for the next read. */
int tvp_sampling_read(unsigned port, void *buf, unsigned size, uint32_t *age_us);

/* ARINC-653 validity: a message is valid while its age is at most the
 * reader's refresh period. */
static inline int tvp_sampling_valid(uint32_t age_us, uint32_t refresh_us)
{
    return age_us <= refresh_us;
}

/* Queuing port: append a message (1..msg_size bytes); TVP_CH_FULL when the
 * queue holds depth messages (nothing sent). */
int tvp_queuing_send(unsigned port, const void *msg, unsigned len);

/* Queuing port: take the oldest message into buf (size bytes); returns its
 * length (TVP_CH_EMPTY: none) and sets *left (if not null) to the number
 * of messages still queued. */
int tvp_queuing_receive(unsigned port, void *buf, unsigned size, unsigned *left);

/* Either kind, writer or reader: the number of messages held (sampling:
 * 0 or 1); *extra (if not null) = sampling: the latest message's age in
 * microseconds (0xFFFFFFFF: never written); queuing: the depth. */
int tvp_port_status(unsigned port, uint32_t *extra);

#endif /* TINYVP_CHANNEL_H */

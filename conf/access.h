/*
 * The device access modes (enum tvp_access in include/tinyvp/config.h):
 * one list of the words a system description, the report, the device
 * library and the messages use. The schema builds its enumeration from
 * TVP_ACCESS_MODES; everything else asks access_word().
 */
#ifndef CONF_ACCESS_H
#define CONF_ACCESS_H

#include <stddef.h>

#include "tinyvp/config.h"

/* X(enumerator, word): the modes a guest can be given, in enum order.
 * TVP_ACCESS_NONE ("none") is not in the list: a description cannot ask
 * for it (an unlisted device is not the guest's). */
#define TVP_ACCESS_MODES(X)                              \
    X(TVP_ACCESS_EXCLUSIVE, "exclusive")                 \
    X(TVP_ACCESS_EMULATED, "emulated")                   \
    X(TVP_ACCESS_WRITE_IGNORE, "write-ignore")           \
    X(TVP_ACCESS_WRITE_IGNORE_LOG, "write-ignore-log")

/* "exclusive", ...; "none" for TVP_ACCESS_NONE; "?" out of range. */
const char *access_word(int access);
/* The enumerator's name for the generated C tables ("TVP_ACCESS_EXCLUSIVE"). */
const char *access_c_name(int access);
/* The words of every mode but `except`, comma separated, into buf
 * (for messages that list the valid choices). Returns buf. */
char *access_words_except(char *buf, size_t n, int except);

#endif

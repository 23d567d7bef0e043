/* A guest's `pins:` checked against the chip's PPS tables (conf/pins.c). */
#ifndef CONF_PINS_H
#define CONF_PINS_H

#include "model.h"

/* After the devices are checked: fills each guest's pins, adds the
 * implicit `pps` device, reports every rule broken. */
void check_pins(struct model *m);

#endif

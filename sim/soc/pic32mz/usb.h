/* The Hi-Speed USB controller, as far as its DMA engine needs (usb.c;
 * docs/simulator.md, "USB"). */
#ifndef SIM_SOC_PIC32MZ_USB_H
#define SIM_SOC_PIC32MZ_USB_H

#include <stdbool.h>

struct soc;
struct usb;

bool usb_init(struct soc *s);

#endif

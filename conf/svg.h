/*
 * Pictures of a checked model, as SVG 1.1 text into a buffer (emit.c
 * writes them next to the report): schedule.svg, the major frame, and
 * memory.svg, the real memory map. docs/config.md describes both.
 */
#ifndef CONF_SVG_H
#define CONF_SVG_H

#include "model.h"
#include "sbuf.h"

void svg_schedule(struct sbuf *b, const struct model *m, const char *cfgname);
void svg_memory(struct sbuf *b, const struct model *m, const char *cfgname);

#endif

/*
 * The configuration as a libyaml node tree, kept beside the libcyaml-loaded
 * structs so every later check can name the exact line and column of the
 * value it complains about (libcyaml's loaded data carries no positions).
 */
#ifndef CONF_YTREE_H
#define CONF_YTREE_H

#include <stddef.h>
#include <yaml.h>

#include "diag.h"

/* Parses buf; YAML syntax errors go to diag. Returns 0 when a document was
 * loaded (the tree is then current for ytree_* lookups). */
int ytree_load(const unsigned char *buf, size_t len);
void ytree_free(void);
yaml_document_t *ytree_doc(void);
yaml_node_t *ytree_root(void);
yaml_node_t *ytree_node(int index);
struct pos ytree_pos(const yaml_node_t *n);
/* Value node for `key` in a mapping node (NULL if absent); *key_node gets
 * the key node when non-NULL. */
yaml_node_t *ytree_get(yaml_node_t *map, const char *key, yaml_node_t **key_node);
/* Position of the value at a path such as "guests/2/ram" (printf format);
 * falls back to the deepest existing node on the way. */
struct pos ytree_at(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Scalar text, or NULL when the node is not a scalar. */
const char *ytree_scalar(const yaml_node_t *n);

#endif

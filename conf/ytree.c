#include "ytree.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static yaml_document_t doc;
static int loaded;

int ytree_load(const unsigned char *buf, size_t len)
{
    yaml_parser_t p;
    ytree_free();
    if (!yaml_parser_initialize(&p)) {
        diag_error((struct pos){ 0, 0 }, "out of memory");
        return -1;
    }
    yaml_parser_set_input_string(&p, buf, len);
    if (!yaml_parser_load(&p, &doc)) {
        struct pos at = { (int)p.problem_mark.line + 1, (int)p.problem_mark.column + 1 };
        diag_error(at, "YAML syntax: %s%s%s", p.problem ? p.problem : "invalid document",
                   p.context ? " " : "", p.context ? p.context : "");
        yaml_parser_delete(&p);
        return -1;
    }
    yaml_parser_delete(&p);
    loaded = 1;
    if (!yaml_document_get_root_node(&doc)) {
        diag_error((struct pos){ 1, 1 }, "empty configuration: expected a mapping with 'board', 'guests' and 'schedule'");
        return -1;
    }
    return 0;
}

void ytree_free(void)
{
    if (loaded) yaml_document_delete(&doc);
    loaded = 0;
}

yaml_document_t *ytree_doc(void) { return loaded ? &doc : NULL; }
yaml_node_t *ytree_root(void) { return loaded ? yaml_document_get_root_node(&doc) : NULL; }
yaml_node_t *ytree_node(int index) { return yaml_document_get_node(&doc, index); }

struct pos ytree_pos(const yaml_node_t *n)
{
    if (!n) return (struct pos){ 0, 0 };
    return (struct pos){ (int)n->start_mark.line + 1, (int)n->start_mark.column + 1 };
}

const char *ytree_scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

yaml_node_t *ytree_get(yaml_node_t *map, const char *key, yaml_node_t **key_node)
{
    if (!map || map->type != YAML_MAPPING_NODE) return NULL;
    for (yaml_node_pair_t *pr = map->data.mapping.pairs.start; pr < map->data.mapping.pairs.top; pr++) {
        yaml_node_t *k = ytree_node(pr->key);
        const char *s = ytree_scalar(k);
        if (s && !strcmp(s, key)) {
            if (key_node) *key_node = k;
            return ytree_node(pr->value);
        }
    }
    return NULL;
}

struct pos ytree_at(const char *fmt, ...)
{
    char path[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(path, sizeof path, fmt, ap);
    va_end(ap);
    yaml_node_t *n = ytree_root();
    char *save = NULL;
    for (char *tok = strtok_r(path, "/", &save); tok && n; tok = strtok_r(NULL, "/", &save)) {
        yaml_node_t *next = NULL;
        if (n->type == YAML_MAPPING_NODE) {
            next = ytree_get(n, tok, NULL);
        } else if (n->type == YAML_SEQUENCE_NODE) {
            long i = strtol(tok, NULL, 10);
            long cnt = n->data.sequence.items.top - n->data.sequence.items.start;
            if (i >= 0 && i < cnt) next = ytree_node(n->data.sequence.items.start[i]);
        }
        if (!next) break;
        n = next;
    }
    return ytree_pos(n);
}

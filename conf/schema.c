#include "schema.h"

#include <cyaml/cyaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "diag.h"
#include "ytree.h"

#define NAME_MAX_LEN 15
#define STR_MAX 4096

/* ---- enumerations ------------------------------------------------------- */
#define ACCESS_STRVAL(e, w) { w, e },
static const cyaml_strval_t access_strings[] = { TVP_ACCESS_MODES(ACCESS_STRVAL) };
#undef ACCESS_STRVAL
static const cyaml_strval_t on_fault_strings[] = {
    { "restart", Y_FAULT_RESTART },
    { "stop", Y_FAULT_STOP },
    { "reflect", Y_FAULT_REFLECT },
    { "log", Y_FAULT_LOG },
};
static const cyaml_strval_t action_strings[] = {
    { "restart", Y_ACT_RESTART },
    { "stop", Y_ACT_STOP },
    { "reflect", Y_ACT_REFLECT },
    { "log", Y_ACT_LOG },
};
static const cyaml_strval_t cache_strings[] = {
    { "cached", Y_CACHE_CACHED },
    { "uncached", Y_CACHE_UNCACHED },
    { "write-through", Y_CACHE_WRITE_THROUGH },
};
static const cyaml_strval_t pool_strings[] = {
    { "ram", Y_POOL_RAM },
    { "flash", Y_POOL_FLASH },
};
static const cyaml_strval_t kind_strings[] = {
    { "sampling", Y_CHAN_SAMPLING },
    { "queuing", Y_CHAN_QUEUING },
};

#define OPT CYAML_FLAG_OPTIONAL
#define STR(key, flags, st, m) CYAML_FIELD_STRING_PTR(key, flags, st, m, 0, STR_MAX)
#define NAME(key, flags, st, m) CYAML_FIELD_STRING_PTR(key, flags, st, m, 1, NAME_MAX_LEN)

static const cyaml_schema_value_t string_entry = {
    CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 1, STR_MAX),
};
static const cyaml_schema_value_t name_entry = {
    CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 1, NAME_MAX_LEN),
};
static const cyaml_schema_value_t int_entry = {
    CYAML_VALUE_INT(CYAML_FLAG_DEFAULT, int),
};

/* ---- hypervisor --------------------------------------------------------- */
static const cyaml_schema_field_t hypervisor_fields[] = {
    STR("console", OPT, struct y_hypervisor, console),
    CYAML_FIELD_BOOL_PTR("shell", OPT, struct y_hypervisor, shell),
    STR("flash", OPT, struct y_hypervisor, flash),
    STR("ram", OPT, struct y_hypervisor, ram),
    CYAML_FIELD_END
};

/* ---- schedule ----------------------------------------------------------- */
static const cyaml_schema_field_t window_fields[] = {
    NAME("guest", 0, struct y_window, guest),
    STR("start", 0, struct y_window, start),
    STR("duration", 0, struct y_window, duration),
    CYAML_FIELD_END
};
static const cyaml_schema_value_t window_entry = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct y_window, window_fields),
};
static const cyaml_schema_field_t schedule_fields[] = {
    STR("major_frame", 0, struct y_schedule, major_frame),
    CYAML_FIELD_SEQUENCE("windows", CYAML_FLAG_POINTER, struct y_schedule, windows, &window_entry, 1, 64),
    CYAML_FIELD_END
};

/* ---- guests ------------------------------------------------------------- */
static const cyaml_schema_field_t device_fields[] = {
    NAME("name", 0, struct y_device, name),
    CYAML_FIELD_ENUM("access", OPT | CYAML_FLAG_STRICT, struct y_device, access,
                     access_strings, CYAML_ARRAY_LEN(access_strings)),
    CYAML_FIELD_END
};
static const cyaml_schema_value_t device_entry = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct y_device, device_fields),
};
static const cyaml_schema_field_t region_fields[] = {
    NAME("name", 0, struct y_region, name),
    STR("at", 0, struct y_region, at),
    STR("size", 0, struct y_region, size),
    STR("real", OPT, struct y_region, real),
    STR("perm", OPT, struct y_region, perm),
    CYAML_FIELD_ENUM("cache", OPT | CYAML_FLAG_STRICT, struct y_region, cache,
                     cache_strings, CYAML_ARRAY_LEN(cache_strings)),
    CYAML_FIELD_ENUM("pool", OPT | CYAML_FLAG_STRICT, struct y_region, pool,
                     pool_strings, CYAML_ARRAY_LEN(pool_strings)),
    CYAML_FIELD_END
};
static const cyaml_schema_value_t region_entry = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct y_region, region_fields),
};
static const cyaml_schema_field_t dma_zone_fields[] = {
    STR("at", 0, struct y_dma_zone, at),
    STR("size", 0, struct y_dma_zone, size),
    CYAML_FIELD_END
};
/* the error kinds in the order of enum tvp_hm_kind (conf/check.c relies on it) */
#define ACTION(key, k) CYAML_FIELD_ENUM(key, OPT | CYAML_FLAG_STRICT, struct y_health, kind[k], \
                                        action_strings, CYAML_ARRAY_LEN(action_strings))
static const cyaml_schema_field_t health_fields[] = {
    ACTION("memory", 0), ACTION("illegal", 1), ACTION("fpu", 2), ACTION("bus", 3),
    ACTION("watchdog", 4), ACTION("dma", 5), ACTION("debug", 6),
    CYAML_FIELD_INT_PTR("max_restarts", OPT, struct y_health, max_restarts),
    STR("within", OPT, struct y_health, within),
    CYAML_FIELD_END
};
#undef ACTION
static const cyaml_schema_field_t guest_fields[] = {
    NAME("name", 0, struct y_guest, name),
    STR("image", 0, struct y_guest, image),
    STR("flash", OPT, struct y_guest, flash),
    STR("flash_at", OPT, struct y_guest, flash_at),
    STR("boot_flash", OPT, struct y_guest, boot_flash),
    STR("ram", 0, struct y_guest, ram),
    STR("ram_at", OPT, struct y_guest, ram_at),
    STR("entry", OPT, struct y_guest, entry),
    CYAML_FIELD_SEQUENCE("regions", OPT | CYAML_FLAG_POINTER, struct y_guest, regions, &region_entry, 0, 8),
    CYAML_FIELD_SEQUENCE("devices", OPT | CYAML_FLAG_POINTER, struct y_guest, devices, &device_entry, 0, 64),
    CYAML_FIELD_SEQUENCE("interrupts", OPT | CYAML_FLAG_POINTER, struct y_guest, interrupts, &string_entry, 0, 64),
    CYAML_FIELD_INT_PTR("dma_group", OPT, struct y_guest, dma_group),
    CYAML_FIELD_MAPPING_PTR("dma_zone", OPT, struct y_guest, dma_zone, dma_zone_fields),
    CYAML_FIELD_SEQUENCE("dma_channels", OPT | CYAML_FLAG_POINTER, struct y_guest, dma_channels, &int_entry, 0, 8),
    CYAML_FIELD_BOOL_PTR("fpu", OPT, struct y_guest, fpu),
    CYAML_FIELD_BOOL_PTR("console", OPT, struct y_guest, console),
    /* FUNCTION: PIN entries and gpio: free keys, checked in conf/pins.c */
    CYAML_FIELD_IGNORE("pins", OPT),
    CYAML_FIELD_ENUM("on_fault", OPT | CYAML_FLAG_STRICT, struct y_guest, on_fault,
                     on_fault_strings, CYAML_ARRAY_LEN(on_fault_strings)),
    CYAML_FIELD_MAPPING_PTR("health", OPT, struct y_guest, health, health_fields),
    CYAML_FIELD_END
};
static const cyaml_schema_value_t guest_entry = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct y_guest, guest_fields),
};

/* ---- channels ----------------------------------------------------------- */
static const cyaml_schema_field_t channel_fields[] = {
    NAME("name", 0, struct y_channel, name),
    CYAML_FIELD_ENUM("kind", CYAML_FLAG_STRICT, struct y_channel, kind,
                     kind_strings, CYAML_ARRAY_LEN(kind_strings)),
    NAME("from", 0, struct y_channel, from),
    CYAML_FIELD_SEQUENCE("to", CYAML_FLAG_POINTER, struct y_channel, to, &name_entry, 1, 7),
    STR("msg_size", 0, struct y_channel, msg_size),
    CYAML_FIELD_INT_PTR("depth", OPT, struct y_channel, depth),
    CYAML_FIELD_END
};
static const cyaml_schema_value_t channel_entry = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct y_channel, channel_fields),
};

/* ---- top level ---------------------------------------------------------- */
#define MAX_GUESTS_SCHEMA 7
static const cyaml_schema_field_t system_fields[] = {
    NAME("board", 0, struct y_system, board),
    CYAML_FIELD_MAPPING_PTR("hypervisor", OPT, struct y_system, hypervisor, hypervisor_fields),
    CYAML_FIELD_MAPPING_PTR("schedule", 0, struct y_system, schedule, schedule_fields),
    CYAML_FIELD_SEQUENCE("guests", CYAML_FLAG_POINTER, struct y_system, guests, &guest_entry, 1, MAX_GUESTS_SCHEMA),
    CYAML_FIELD_SEQUENCE("channels", OPT | CYAML_FLAG_POINTER, struct y_system, channels, &channel_entry, 0, 32),
    CYAML_FIELD_END
};
static const cyaml_schema_value_t system_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct y_system, system_fields),
};

/* ---- positioned validation against the schema above --------------------- */

static const char *type_word(const cyaml_schema_value_t *s)
{
    switch (s->type) {
    case CYAML_MAPPING: return "a mapping";
    case CYAML_SEQUENCE: return "a list";
    case CYAML_BOOL: return "true or false";
    case CYAML_INT: return "an integer";
    default: return "a single value";
    }
}

static const char *node_word(const yaml_node_t *n)
{
    switch (n->type) {
    case YAML_MAPPING_NODE: return "a mapping";
    case YAML_SEQUENCE_NODE: return "a list";
    default: return "a single value";
    }
}

/* The integer forms libcyaml accepts (decimal, optionally signed). */
static int parse_int(const char *s, long long *v)
{
    char *end;
    if (!*s) return -1;
    *v = strtoll(s, &end, 10);
    return *end ? -1 : 0;
}

static void validate(yaml_node_t *n, const cyaml_schema_value_t *s, const char *what);

/* Whether an unknown key of mapping n was already reported as a likely
 * misspelling of `key` (then a "missing key" error would repeat it). */
static int suggested(yaml_node_t *n, const char *key, const char *const *names, int nr)
{
    for (yaml_node_pair_t *pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top; pr++) {
        const char *k = ytree_scalar(ytree_node(pr->key));
        if (!k) continue;
        int known = 0;
        for (int i = 0; i < nr; i++) known |= !strcmp(names[i], k);
        if (!known) {
            const char *near = diag_nearest(k, names, nr);
            if (near && !strcmp(near, key)) return 1;
        }
    }
    return 0;
}

static void validate_mapping(yaml_node_t *n, const cyaml_schema_field_t *fields, const char *what)
{
    const char *names[64];
    int nr = 0;
    for (const cyaml_schema_field_t *f = fields; f->key; f++) names[nr++] = f->key;

    for (yaml_node_pair_t *pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top; pr++) {
        yaml_node_t *k = ytree_node(pr->key), *v = ytree_node(pr->value);
        const char *key = ytree_scalar(k);
        if (!key) {
            diag_error(ytree_pos(k), "keys in %s must be plain names", what);
            continue;
        }
        for (yaml_node_pair_t *q = n->data.mapping.pairs.start; q < pr; q++) {
            const char *prev = ytree_scalar(ytree_node(q->key));
            if (prev && !strcmp(prev, key)) {
                struct pos fp = ytree_pos(ytree_node(q->key));
                diag_error(ytree_pos(k), "duplicate key '%s' in %s (first given at line %d)", key, what,
                           fp.line);
                break;
            }
        }
        const cyaml_schema_field_t *f = NULL;
        for (const cyaml_schema_field_t *g = fields; g->key; g++)
            if (!strcmp(g->key, key)) f = g;
        if (!f) {
            const char *near = diag_nearest(key, names, nr);
            if (near) {
                diag_error(ytree_pos(k), "unknown key '%s' in %s; did you mean '%s'?", key, what, near);
            } else {
                char list[512] = "";
                for (int i = 0; i < nr; i++) {
                    strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
                    strncat(list, names[i], sizeof list - strlen(list) - 1);
                }
                diag_error(ytree_pos(k), "unknown key '%s' in %s; valid keys: %s", key, what, list);
            }
            continue;
        }
        char sub[96];
        snprintf(sub, sizeof sub, "'%s'", key);
        validate(v, &f->value, sub);
    }
    for (const cyaml_schema_field_t *f = fields; f->key; f++) {
        if (f->value.flags & CYAML_FLAG_OPTIONAL) continue;
        if (suggested(n, f->key, names, nr)) continue; /* "did you mean" said it */
        if (!ytree_get(n, f->key, NULL))
            diag_error(ytree_pos(n), "missing required key '%s' in %s", f->key, what);
    }
}

static void validate(yaml_node_t *n, const cyaml_schema_value_t *s, const char *what)
{
    if (!n) return;
    const char *sc = ytree_scalar(n);
    switch (s->type) {
    case CYAML_IGNORE: /* checked by its own pass */
        return;
    case CYAML_MAPPING: {
        if (n->type != YAML_MAPPING_NODE) {
            diag_error(ytree_pos(n), "%s must be a mapping (key: value ...), not %s", what, node_word(n));
            return;
        }
        char ctx[96];
        /* entries of lists are described by their list's key */
        snprintf(ctx, sizeof ctx, "%s", what);
        validate_mapping(n, s->mapping.fields, ctx);
        return;
    }
    case CYAML_SEQUENCE: {
        if (n->type != YAML_SEQUENCE_NODE) {
            diag_error(ytree_pos(n), "%s must be a list, not %s", what, node_word(n));
            return;
        }
        unsigned cnt = (unsigned)(n->data.sequence.items.top - n->data.sequence.items.start);
        if (cnt < s->sequence.min)
            diag_error(ytree_pos(n), "%s needs at least %u entr%s", what, s->sequence.min,
                       s->sequence.min == 1 ? "y" : "ies");
        if (cnt > s->sequence.max) {
            if (!strcmp(what, "'guests'"))
                diag_error(ytree_pos(n), "more than %u guests (%u given): tinyVP has %u guest "
                           "shadow register sets", s->sequence.max, cnt, s->sequence.max);
            else
                diag_error(ytree_pos(n), "too many entries in %s: %u given, at most %u", what, cnt,
                           s->sequence.max);
        }
        char ctx[96];
        snprintf(ctx, sizeof ctx, "an entry of %s", what);
        for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
            validate(ytree_node(*it), s->sequence.entry, ctx);
        return;
    }
    default:
        break;
    }
    if (!sc) {
        diag_error(ytree_pos(n), "%s must be %s, not %s", what, type_word(s), node_word(n));
        return;
    }
    switch (s->type) {
    case CYAML_BOOL:
        if (strcmp(sc, "true") && strcmp(sc, "false"))
            diag_error(ytree_pos(n), "%s must be true or false, not '%s'", what, sc);
        break;
    case CYAML_INT: {
        long long v;
        if (parse_int(sc, &v))
            diag_error(ytree_pos(n), "%s must be a decimal integer, not '%s'", what, sc);
        break;
    }
    case CYAML_ENUM: {
        const char *names[16];
        unsigned cnt = s->enumeration.count;
        int found = 0;
        for (unsigned i = 0; i < cnt && i < 16; i++) {
            names[i] = s->enumeration.strings[i].str;
            found |= !strcmp(names[i], sc);
        }
        if (!found) {
            char list[256] = "";
            for (unsigned i = 0; i < cnt; i++) {
                strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
                strncat(list, names[i], sizeof list - strlen(list) - 1);
            }
            const char *near = diag_nearest(sc, names, (int)cnt);
            if (near)
                diag_error(ytree_pos(n), "invalid value '%s' for %s; did you mean '%s'? (valid: %s)",
                           sc, what, near, list);
            else
                diag_error(ytree_pos(n), "invalid value '%s' for %s; valid: %s", sc, what, list);
        }
        break;
    }
    case CYAML_STRING: {
        size_t len = strlen(sc);
        if (len < s->string.min)
            diag_error(ytree_pos(n), "%s must not be empty", what);
        else if (len > s->string.max)
            diag_error(ytree_pos(n), "%s is too long (%zu characters, at most %u)", what, len,
                       s->string.max);
        break;
    }
    default:
        break;
    }
}

void schema_validate(void)
{
    yaml_node_t *root = ytree_root();
    if (!root) return;
    if (root->type != YAML_MAPPING_NODE) {
        diag_error(ytree_pos(root), "the configuration must be a mapping with 'board', 'guests' and 'schedule'");
        return;
    }
    validate_mapping(root, system_fields, "the system");
}

/* ---- loading through libcyaml ------------------------------------------- */

static char cyaml_msg[512];

static void schema_log(cyaml_log_t level, void *ctx, const char *fmt, va_list args)
{
    (void)ctx;
    if (level < CYAML_LOG_ERROR || cyaml_msg[0]) return;
    vsnprintf(cyaml_msg, sizeof cyaml_msg, fmt, args);
    size_t l = strlen(cyaml_msg);
    while (l && cyaml_msg[l - 1] == '\n') cyaml_msg[--l] = 0;
}

static const cyaml_config_t cyaml_cfg = {
    .log_fn = schema_log,
    .mem_fn = cyaml_mem,
    .log_level = CYAML_LOG_ERROR,
    .flags = CYAML_CFG_DEFAULT,
};

struct y_system *schema_load(const unsigned char *buf, size_t len)
{
    struct y_system *sys = NULL;
    cyaml_msg[0] = 0;
    cyaml_err_t err = cyaml_load_data(buf, len, &cyaml_cfg, &system_schema, (cyaml_data_t **)&sys, NULL);
    if (err != CYAML_OK) {
        /* the positioned validation should have caught this; say what
         * libcyaml said rather than nothing */
        diag_error((struct pos){ 1, 1 }, "schema: %s%s%s", cyaml_strerror(err),
                   cyaml_msg[0] ? ": " : "", cyaml_msg);
        return NULL;
    }
    return sys;
}

void schema_free(struct y_system *sys)
{
    if (sys) cyaml_free(&cyaml_cfg, &system_schema, sys, 0);
}

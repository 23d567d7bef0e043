#include "vpconf.h"

#include "diag.h"
#include "emit.h"
#include "model.h"
#include "schema.h"
#include "ytree.h"

int vpconf_run(const struct vpconf_opts *o, const unsigned char *buf, size_t len)
{
    static struct model m; /* large; one run at a time */
    int rc = VPCONF_CONFIG_ERROR;
    diag_init(o->config_path);
    if (ytree_load(buf, len) == 0) {
        schema_validate();
        if (!diag_errors()) {
            struct y_system *sys = schema_load(buf, len);
            if (sys) {
                struct check_opts co = { o->config_path, o->image_dirs, o->nr_image_dirs };
                struct emit_dep dep = { o->depfile, o->dep_targets, o->nr_dep_targets };
                check_system(sys, &co, &m);
                if (!diag_errors() && !(o->werror && diag_warnings()))
                    rc = emit_all(&m, o->config_path, o->outdir, &dep) ? VPCONF_CONFIG_ERROR : VPCONF_OK;
                model_free(&m);
                schema_free(sys);
            }
        }
    }
    ytree_free();
    diag_flush();
    return rc;
}

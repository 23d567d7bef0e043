/* test_tlib.c with TLIB_SMALL (UNIT_CFLAGS_tlib_small): the hypervisor's subset. */
#include "test_tlib.c"

#define FPRM_MODE 2 /* toward +inf */
#define FPRM_NAME "up"
#include "fprm.h"

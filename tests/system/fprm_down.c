#define FPRM_MODE 3 /* toward -inf */
#define FPRM_NAME "down"
#include "fprm.h"

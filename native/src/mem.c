#include "cz_mem.h"

#include <errno.h>
#include <sys/mman.h>

int cz_mlockall(void)
{
    return mlockall(MCL_CURRENT | MCL_FUTURE) == 0 ? 0 : errno;
}

int cz_munlockall(void)
{
    return munlockall() == 0 ? 0 : errno;
}

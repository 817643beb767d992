#define _GNU_SOURCE
#include "cz_error.h"

#include <stdio.h>
#include <string.h>

int cz_error(
    char *message, const size_t size, const char *what, const char *step, const int err, const char *detail)
{
    const char *name = strerrorname_np(err);
    char number[16];
    if (name == NULL)
    {
        snprintf(number, sizeof(number), "errno %d", err);
        name = number;
    }
    snprintf(message, size, "%s: %s: %s (%s)%s%s", what, step, name, strerror(err),
        detail != NULL ? "; " : "", detail != NULL ? detail : "");
    return err;
}

/*
 * The one-sentence error messages the opening calls hand to Java's IOException:
 *
 *   "AF_XDP on veth0 queue 0, native mode: attaching the XDP program: EOPNOTSUPP (Operation not supported)"
 *    ^ what and where                     ^ step                      ^ errno name and strerror
 */
#ifndef CZ_ERROR_H
#define CZ_ERROR_H

#include <stddef.h>

/* Writes "<what>: <step>: <ERRNO> (<strerror>)[; <detail>]" into message (always terminated). Returns err. */
int cz_error(char *message, size_t size, const char *what, const char *step, int err, const char *detail);

#endif

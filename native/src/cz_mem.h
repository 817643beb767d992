/*
 * Process-wide memory locking, so that the hot thread never takes a major page fault.
 *
 * Called once at setup from core 0. Returns 0 or a positive errno value.
 */
#ifndef CZ_MEM_H
#define CZ_MEM_H

/* mlockall(MCL_CURRENT | MCL_FUTURE): locks what is mapped now and everything mapped later. */
int cz_mlockall(void);

/* munlockall(): releases every lock and clears MCL_FUTURE (used by tests to undo cz_mlockall). */
int cz_munlockall(void);

#endif

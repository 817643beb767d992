/*
 * Memory the hot thread must never fault on: process-wide locking, and locked, pre-faulted mappings for rings,
 * UMEM areas and pools.
 *
 * Called at setup from core 0. Returns 0 or a positive errno value.
 */
#ifndef CZ_MEM_H
#define CZ_MEM_H

#include <stddef.h>

/* mlockall(MCL_CURRENT | MCL_FUTURE): locks what is mapped now and everything mapped later. */
int cz_mlockall(void);

/* munlockall(): releases every lock and clears MCL_FUTURE (used by tests to undo cz_mlockall). */
int cz_munlockall(void);

/* What cz_map_memory mapped: the address and length to hand back to cz_unmap_memory, and how. */
struct cz_mapping
{
    void *address;
    size_t bytes;    /* rounded up to the page size used */
    int huge_pages;  /* 1 when MAP_HUGETLB succeeded */
    int locked;      /* 1 when mlock succeeded; the pages are pre-faulted either way */
};

/*
 * Maps anonymous private memory: on huge pages when try_huge_pages and the kernel has them free, else on normal
 * pages. Then locks it (a failed mlock, such as RLIMIT_MEMLOCK without root, is reported in locked, not as an
 * error) and writes every page so that none faults later. EINVAL for 0 bytes.
 */
int cz_map_memory(size_t bytes, int try_huge_pages, struct cz_mapping *mapping);

/* munmap of a cz_map_memory result (address and bytes as it reported them). */
int cz_unmap_memory(void *address, size_t bytes);

#endif

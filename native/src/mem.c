#include "cz_mem.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int cz_mlockall(void)
{
    return mlockall(MCL_CURRENT | MCL_FUTURE) == 0 ? 0 : errno;
}

int cz_munlockall(void)
{
    return munlockall() == 0 ? 0 : errno;
}

/* The default huge page size, the one MAP_HUGETLB without a size flag uses; 2 MiB when meminfo does not say. */
static size_t huge_page_size(void)
{
    size_t kib = 2048;
    FILE *meminfo = fopen("/proc/meminfo", "re");
    if (meminfo != NULL)
    {
        char line[128];
        while (fgets(line, sizeof(line), meminfo) != NULL)
        {
            if (sscanf(line, "Hugepagesize: %zu kB", &kib) == 1)
            {
                break;
            }
        }
        fclose(meminfo);
    }
    return kib * 1024;
}

static size_t round_up(const size_t bytes, const size_t unit)
{
    return (bytes + unit - 1) / unit * unit;
}

int cz_map_memory(const size_t bytes, const int try_huge_pages, struct cz_mapping *mapping)
{
    if (bytes == 0)
    {
        return EINVAL;
    }

    void *address = MAP_FAILED;
    size_t mapped = 0;
    int huge = 0;
    if (try_huge_pages)
    {
        /* Fails with ENOMEM when no huge pages are reserved (vm.nr_hugepages = 0), the usual case. */
        mapped = round_up(bytes, huge_page_size());
        address = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
        huge = address != MAP_FAILED;
    }
    if (address == MAP_FAILED)
    {
        mapped = round_up(bytes, (size_t)sysconf(_SC_PAGESIZE));
        address = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (address == MAP_FAILED)
        {
            return errno;
        }
    }

    mapping->locked = mlock(address, mapped) == 0;
    /* Writing every byte backs every page now; mlock alone would too, but not when it failed. */
    memset(address, 0, mapped);
    mapping->address = address;
    mapping->bytes = mapped;
    mapping->huge_pages = huge;
    return 0;
}

int cz_unmap_memory(void *address, const size_t bytes)
{
    return munmap(address, bytes) == 0 ? 0 : errno;
}

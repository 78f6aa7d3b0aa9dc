// Out-of-line helpers of CFence; the fences and accesses are static inline in CFence.h.
#include "CFence.h"

#include <time.h>

static uint64_t cfence_clock_ns(clockid_t clock) {
    struct timespec now;
    if (clock_gettime(clock, &now) != 0) {
        return 0;
    }
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

uint64_t cfence_thread_cpu_ns(void) { return cfence_clock_ns(CLOCK_THREAD_CPUTIME_ID); }

uint64_t cfence_monotonic_ns(void) { return cfence_clock_ns(CLOCK_MONOTONIC); }

int cfence_is_native_x86_64(void) {
#ifdef CFENCE_X86_64
    return 1;
#else
    return 0;
#endif
}

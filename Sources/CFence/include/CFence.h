// CFence: the few machine instructions the Swift vring needs and Swift cannot spell.
//
// Two groups, both static inline so Swift calls compile to the bare instruction:
// - fences, one per kernel barrier primitive the ring uses (SMP and mandatory arms);
// - relaxed atomic loads and stores of 8/16/32/64-bit little-endian fields (READ_ONCE and
//   WRITE_ONCE style), so two Swift threads touching the same ring memory is defined behaviour.
//
// The fence mapping follows the x86-64 memory model (TSO): loads are not reordered with loads,
// stores not with stores, so smp_rmb/smp_wmb only need to stop the compiler; a store followed by
// a load can be reordered, so smp_mb needs a locked instruction. The mandatory fences also order
// against devices and non-temporal accesses, hence lfence/sfence/mfence. Other architectures fall
// back to C11 fences, which are at least as strong as the SMP primitives.
#ifndef CFENCE_H
#define CFENCE_H

#include <stdint.h>

#if defined(__x86_64__)
#define CFENCE_X86_64 1
#endif

/// Compiler barrier: no instruction, but no memory access moves across it.
static inline void cfence_compiler_barrier(void) { __asm__ __volatile__("" ::: "memory"); }

/// smp_mb: a locked read-modify-write of the stack top orders every earlier access before
/// every later one and is cheaper than mfence on current x86 cores.
static inline void cfence_smp_mb(void) {
#ifdef CFENCE_X86_64
    __asm__ __volatile__("lock orq $0, (%%rsp)" ::: "memory", "cc");
#else
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
}

/// smp_rmb: loads are already ordered on x86-64.
static inline void cfence_smp_rmb(void) {
#ifdef CFENCE_X86_64
    cfence_compiler_barrier();
#else
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
#endif
}

/// smp_wmb: stores are already ordered on x86-64.
static inline void cfence_smp_wmb(void) {
#ifdef CFENCE_X86_64
    cfence_compiler_barrier();
#else
    __atomic_thread_fence(__ATOMIC_RELEASE);
#endif
}

/// mb: full mandatory fence.
static inline void cfence_mb(void) {
#ifdef CFENCE_X86_64
    __asm__ __volatile__("mfence" ::: "memory");
#else
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
}

/// rmb: mandatory load fence.
static inline void cfence_rmb(void) {
#ifdef CFENCE_X86_64
    __asm__ __volatile__("lfence" ::: "memory");
#else
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
}

/// wmb: mandatory store fence.
static inline void cfence_wmb(void) {
#ifdef CFENCE_X86_64
    __asm__ __volatile__("sfence" ::: "memory");
#else
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
}

/// Spin-loop hint (x86 `pause`): lets the sibling hyperthread run and saves power while polling.
static inline void cfence_cpu_relax(void) {
#ifdef CFENCE_X86_64
    __asm__ __volatile__("pause" ::: "memory");
#endif
}

// Relaxed single-copy-atomic accesses. Callers pass naturally aligned addresses.
static inline uint8_t cfence_load8(const void *p) { return __atomic_load_n((const uint8_t *)p, __ATOMIC_RELAXED); }
static inline uint16_t cfence_load16(const void *p) { return __atomic_load_n((const uint16_t *)p, __ATOMIC_RELAXED); }
static inline uint32_t cfence_load32(const void *p) { return __atomic_load_n((const uint32_t *)p, __ATOMIC_RELAXED); }
static inline uint64_t cfence_load64(const void *p) { return __atomic_load_n((const uint64_t *)p, __ATOMIC_RELAXED); }
static inline void cfence_store8(void *p, uint8_t v) { __atomic_store_n((uint8_t *)p, v, __ATOMIC_RELAXED); }
static inline void cfence_store16(void *p, uint16_t v) { __atomic_store_n((uint16_t *)p, v, __ATOMIC_RELAXED); }
static inline void cfence_store32(void *p, uint32_t v) { __atomic_store_n((uint32_t *)p, v, __ATOMIC_RELAXED); }
static inline void cfence_store64(void *p, uint64_t v) { __atomic_store_n((uint64_t *)p, v, __ATOMIC_RELAXED); }

/// CPU time consumed by the calling thread, in nanoseconds (CLOCK_THREAD_CPUTIME_ID).
uint64_t cfence_thread_cpu_ns(void);

/// Wall-clock monotonic time in nanoseconds (CLOCK_MONOTONIC).
uint64_t cfence_monotonic_ns(void);

/// 1 when the fences above are the x86-64 instructions, 0 when they are C11 fallbacks.
int cfence_is_native_x86_64(void);

#endif

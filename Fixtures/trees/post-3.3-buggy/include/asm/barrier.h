/*
 * Fixture stub: memory barriers.  Every fence is a compiler barrier or a
 * full hardware fence; the fixtures only need the names to exist.
 */
#ifndef FIXTURE_ASM_BARRIER_H
#define FIXTURE_ASM_BARRIER_H

/* Mandatory fences: order against devices as well as other CPUs. */
#define mb()	__sync_synchronize()
#define rmb()	__asm__ __volatile__("" : : : "memory")
#define wmb()	__asm__ __volatile__("" : : : "memory")

#ifdef CONFIG_SMP
/* SMP fences: only order against other CPUs. */
#define smp_mb()	__sync_synchronize()
#define smp_rmb()	__asm__ __volatile__("" : : : "memory")
#define smp_wmb()	__asm__ __volatile__("" : : : "memory")
#else
/* On a UP build the SMP fences only stop the compiler. */
#define smp_mb()	__asm__ __volatile__("" : : : "memory")
#define smp_rmb()	__asm__ __volatile__("" : : : "memory")
#define smp_wmb()	__asm__ __volatile__("" : : : "memory")
#endif

#endif /* FIXTURE_ASM_BARRIER_H */

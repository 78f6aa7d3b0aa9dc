/*
 * Fixture stub: memory barriers, including the virt_* family (SMP strength
 * even on UP builds) and the dma_* family (coherent DMA memory).
 */
#ifndef FIXTURE_ASM_BARRIER_H
#define FIXTURE_ASM_BARRIER_H

#include <linux/compiler.h>

/* Mandatory fences: order against devices as well as other CPUs. */
#define mb()	__sync_synchronize()
#define rmb()	__asm__ __volatile__("" : : : "memory")
#define wmb()	__asm__ __volatile__("" : : : "memory")

/* Fences for memory shared with a device through coherent DMA. */
#define dma_rmb()	__asm__ __volatile__("" : : : "memory")
#define dma_wmb()	__asm__ __volatile__("" : : : "memory")

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

/* SMP-strength fences that stay real on UP guests of an SMP host. */
#define virt_mb()	__sync_synchronize()
#define virt_rmb()	__asm__ __volatile__("" : : : "memory")
#define virt_wmb()	__asm__ __volatile__("" : : : "memory")

#define virt_store_mb(var, value) \
	do { WRITE_ONCE(var, value); virt_mb(); } while (0)

#endif /* FIXTURE_ASM_BARRIER_H */

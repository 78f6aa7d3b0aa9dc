/*
 * Fixture stub: branch hints and a compiler-only barrier.
 */
#ifndef FIXTURE_LINUX_COMPILER_H
#define FIXTURE_LINUX_COMPILER_H

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define barrier()	__asm__ __volatile__("" : : : "memory")

#endif /* FIXTURE_LINUX_COMPILER_H */

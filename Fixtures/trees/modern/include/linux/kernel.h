/*
 * Fixture stub: container_of() and the one error number the callers use.
 */
#ifndef FIXTURE_LINUX_KERNEL_H
#define FIXTURE_LINUX_KERNEL_H

#define ENOMEM	12

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

#endif /* FIXTURE_LINUX_KERNEL_H */

/*
 * Fixture stub: allocation entry points, declared only.
 */
#ifndef FIXTURE_LINUX_SLAB_H
#define FIXTURE_LINUX_SLAB_H

#include <linux/types.h>

#define GFP_KERNEL	((gfp_t)0x10u)

void *kmalloc(size_t size, gfp_t flags);
void kfree(const void *p);

#endif /* FIXTURE_LINUX_SLAB_H */

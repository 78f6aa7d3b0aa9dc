/*
 * Fixture stub: the handful of scalar types the fixture sources use.
 * No libc or system header is involved anywhere in this tree.
 */
#ifndef FIXTURE_LINUX_TYPES_H
#define FIXTURE_LINUX_TYPES_H

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

typedef unsigned long size_t;
typedef unsigned int gfp_t;

typedef _Bool bool;
#define true	1
#define false	0

#define NULL	((void *)0)

#endif /* FIXTURE_LINUX_TYPES_H */

/*
 * Fixture stub: split-ring layout and the ring constructor.
 */
#ifndef FIXTURE_LINUX_VIRTIO_RING_H
#define FIXTURE_LINUX_VIRTIO_RING_H

#include <linux/types.h>

/* Descriptor continues in the one named by next. */
#define VRING_DESC_F_NEXT		1
/* Descriptor is written by the other side. */
#define VRING_DESC_F_WRITE		2
/* Other side asks us not to notify it. */
#define VRING_USED_F_NO_NOTIFY		1
/* We ask the other side not to interrupt us. */
#define VRING_AVAIL_F_NO_INTERRUPT	1

struct vring_desc {
	u64 addr;
	u32 len;
	u16 flags;
	u16 next;
};

struct vring_avail {
	u16 flags;
	u16 idx;
	u16 ring[];
};

struct vring_used_elem {
	/* Head of the descriptor chain that was consumed. */
	u32 id;
	/* Bytes written into the chain. */
	u32 len;
};

struct vring_used {
	u16 flags;
	u16 idx;
	struct vring_used_elem ring[];
};

struct vring {
	unsigned int num;
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
};

/* The two event words live just past the end of each ring. */
static inline u16 *vring_used_event_ptr(struct vring *vr)
{
	return &vr->avail->ring[vr->num];
}

static inline u16 *vring_avail_event_ptr(struct vring *vr)
{
	return (u16 *)&vr->used->ring[vr->num];
}

#define vring_used_event(vr)	(*vring_used_event_ptr(vr))
#define vring_avail_event(vr)	(*vring_avail_event_ptr(vr))

static inline unsigned long vring_align_up(unsigned long x,
					   unsigned long align)
{
	return (x + align - 1) & ~(align - 1);
}

static inline unsigned int vring_size(unsigned int num, unsigned long align)
{
	unsigned long front;

	front = num * sizeof(struct vring_desc) + (3 + num) * sizeof(u16);
	return vring_align_up(front, align) +
		3 * sizeof(u16) + num * sizeof(struct vring_used_elem);
}

static inline void vring_init(struct vring *vr, unsigned int num, void *p,
			      unsigned long align)
{
	char *base = p;
	unsigned long used_off;

	vr->num = num;
	vr->desc = p;
	vr->avail = (struct vring_avail *)(base +
					   num * sizeof(struct vring_desc));
	used_off = (char *)&vr->avail->ring[num + 1] - base;
	vr->used = (struct vring_used *)(base +
					 vring_align_up(used_off, align));
}

/* True if the other side asked to hear about index event_idx. */
static inline bool vring_need_event(u16 event_idx, u16 new_idx, u16 old_idx)
{
	u16 since_event = new_idx - event_idx - 1;
	u16 since_old = new_idx - old_idx;

	return since_event < since_old;
}

struct virtio_device;
struct virtqueue;

struct virtqueue *vring_new_virtqueue(unsigned int num,
				      unsigned int vring_align,
				      struct virtio_device *vdev,
				      bool weak_barriers,
				      void *pages,
				      void (*notify)(struct virtqueue *),
				      void (*callback)(struct virtqueue *),
				      const char *name);
void vring_del_virtqueue(struct virtqueue *vq);

#endif /* FIXTURE_LINUX_VIRTIO_RING_H */

/*
 * Edge case: a small ring core where one barrier use is written inside the
 * body of another macro (EDGE_PUBLISH, whose parameter happens to be named
 * vq) rather than directly in a function; it expands inside
 * virtqueue_kick(), which has a struct vring_virtqueue *vq local.  The
 * other barrier uses are ordinary.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>
#include <asm/barrier.h>

#ifdef CONFIG_SMP
/* The other side is one more CPU of this machine: SMP fences suffice. */
#define virtio_mb() smp_mb()
#define virtio_rmb() smp_rmb()
#define virtio_wmb() smp_wmb()
#else
/* UP build, peer possibly elsewhere: use the mandatory fences. */
#define virtio_mb() mb()
#define virtio_rmb() rmb()
#define virtio_wmb() wmb()
#endif

struct vring_virtqueue {
	/* What drivers see; must be the first member. */
	struct virtqueue vq;

	/* The ring memory shared with the other side. */
	struct vring vring;

	/* Set once the other side has misbehaved. */
	bool broken;

	/* Buffers made available since the last kick. */
	unsigned int num_added;

	/* Next used entry we expect to consume. */
	u16 last_used_idx;

	/* Transport hook that pokes the other side. */
	void (*notify)(struct virtqueue *vq);

	/* Driver token for each descriptor head. */
	void *data[];
};

#define to_vvq(_vq) container_of(_vq, struct vring_virtqueue, vq)

/* Order the ring contents before exposing them through the index. */
#define EDGE_PUBLISH(vq, v) \
	do { virtio_wmb(); (vq)->vring.avail->idx = (v); } while (0)

void virtqueue_kick(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	u16 old = vq->vring.avail->idx;
	u16 new = old + vq->num_added;

	EDGE_PUBLISH(vq, new);
	vq->num_added = 0;

	/* Publish the new index before asking whether a kick is wanted. */
	virtio_mb();

	if (!(vq->vring.used->flags & VRING_USED_F_NO_NOTIFY))
		vq->notify(&vq->vq);
}

void *virtqueue_get_buf(struct virtqueue *_vq, unsigned int *len)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	unsigned int slot, head;
	void *ret;

	if (unlikely(vq->broken) || vq->last_used_idx == vq->vring.used->idx)
		return NULL;

	/* The used index was read above; read the entry it covers after. */
	virtio_rmb();

	slot = vq->last_used_idx & (vq->vring.num - 1);
	head = vq->vring.used->ring[slot].id;
	*len = vq->vring.used->ring[slot].len;
	if (unlikely(head >= vq->vring.num)) {
		vq->broken = true;
		return NULL;
	}
	ret = vq->data[head];
	vq->data[head] = NULL;
	vq->last_used_idx++;
	return ret;
}

bool virtqueue_enable_cb(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	vq->vring.avail->flags &= ~VRING_AVAIL_F_NO_INTERRUPT;
	vring_used_event(&vq->vring) = vq->last_used_idx;
	/* The event store must be visible before the used index re-check. */
	virtio_mb();
	return vq->last_used_idx == vq->vring.used->idx;
}

struct virtqueue *vring_new_virtqueue(unsigned int num,
				      unsigned int vring_align,
				      struct virtio_device *vdev,
				      void *pages,
				      void (*notify)(struct virtqueue *),
				      void (*callback)(struct virtqueue *),
				      const char *name)
{
	struct vring_virtqueue *vq;
	unsigned int i;

	if (!num || (num & (num - 1)))
		return NULL;

	vq = kmalloc(sizeof(*vq) + num * sizeof(void *), GFP_KERNEL);
	if (!vq)
		return NULL;

	vring_init(&vq->vring, num, pages, vring_align);
	vq->vq.callback = callback;
	vq->vq.vdev = vdev;
	vq->vq.name = name;
	vq->notify = notify;
	vq->broken = false;
	vq->last_used_idx = 0;
	vq->num_added = 0;
	for (i = 0; i < num; i++)
		vq->data[i] = NULL;

	return &vq->vq;
}

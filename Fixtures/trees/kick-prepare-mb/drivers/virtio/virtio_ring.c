/*
 * Lint fixture: the kick split of Linux 3.3/3.4.  virtqueue_add_buf()
 * publishes avail->idx itself (after a write barrier), and
 * virtqueue_kick_prepare() opens with a barrier and then reads the avail
 * event or the used flags to decide whether to notify.  Store then load:
 * that barrier must be a full one.  Here it is virtio_mb(vq), as after
 * a72caae21803: this tree should lint clean.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>
#include <asm/barrier.h>

#ifdef CONFIG_SMP
/* The other side is taken to be one more CPU of this machine, so the
 * lighter SMP fences are enough here. */
#define virtio_mb(vq) \
	do { if ((vq)->weak_barriers) smp_mb(); else mb(); } while(0)
#define virtio_rmb(vq) \
	do { if ((vq)->weak_barriers) smp_rmb(); else rmb(); } while(0)
#define virtio_wmb(vq) \
	do { if ((vq)->weak_barriers) smp_wmb(); else wmb(); } while(0)
#else
/* On a UP build the SMP fences only stop the compiler, while the other
 * side may still run on a different CPU: use the mandatory fences. */
#define virtio_mb(vq) mb()
#define virtio_rmb(vq) rmb()
#define virtio_wmb(vq) wmb()
#endif

struct vring_virtqueue {
	/* What drivers see; must be the first member. */
	struct virtqueue vq;

	/* The ring memory shared with the other side. */
	struct vring vring;

	/* Can we use weak barriers? */
	bool weak_barriers;

	/* Set once the other side has misbehaved; nothing works after. */
	bool broken;

	/* The other side uses event indices instead of flags. */
	bool event;

	/* Head of the chain of unused descriptors. */
	unsigned int free_head;

	/* How many descriptors are still unused. */
	unsigned int num_free;

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

static bool more_used(const struct vring_virtqueue *vq)
{
	return vq->last_used_idx != vq->vring.used->idx;
}

static void detach_buf(struct vring_virtqueue *vq, unsigned int head)
{
	vq->data[head] = NULL;
	vq->vring.desc[head].next = vq->free_head;
	vq->free_head = head;
	vq->num_free++;
}

int virtqueue_add_buf(struct virtqueue *_vq, void *buf, unsigned int len,
		      void *data)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	unsigned int head, slot;

	if (unlikely(vq->broken) || !vq->num_free)
		return -ENOMEM;

	head = vq->free_head;
	vq->vring.desc[head].addr = (unsigned long)buf;
	vq->vring.desc[head].len = len;
	vq->vring.desc[head].flags = 0;
	vq->free_head = vq->vring.desc[head].next;
	vq->num_free--;
	vq->data[head] = data;

	/* Fill the avail slot, then expose it by moving the index. */
	slot = vq->vring.avail->idx & (vq->vring.num - 1);
	vq->vring.avail->ring[slot] = head;

	/* The descriptor and the slot must be visible before the index. */
	virtio_wmb(vq);
	vq->vring.avail->idx++;
	vq->num_added++;
	return 0;
}

bool virtqueue_kick_prepare(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	u16 new, old;
	bool needs_kick;

	/* The index stores of virtqueue_add_buf() must be visible before
	 * the other side's wishes are read below. */
	virtio_mb(vq);

	new = vq->vring.avail->idx;
	old = new - vq->num_added;
	vq->num_added = 0;

	if (vq->event)
		needs_kick = vring_need_event(vring_avail_event(&vq->vring),
					      new, old);
	else
		needs_kick = !(vq->vring.used->flags & VRING_USED_F_NO_NOTIFY);
	return needs_kick;
}

void virtqueue_notify(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	vq->notify(_vq);
}

void virtqueue_kick(struct virtqueue *vq)
{
	if (virtqueue_kick_prepare(vq))
		virtqueue_notify(vq);
}

void *virtqueue_get_buf(struct virtqueue *_vq, unsigned int *len)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	struct vring_used_elem *elem;
	unsigned int head;
	void *ret;

	if (unlikely(vq->broken))
		return NULL;

	if (!more_used(vq))
		return NULL;

	/* The used index was read above; read the entry it covers after. */
	virtio_rmb(vq);

	elem = &vq->vring.used->ring[vq->last_used_idx & (vq->vring.num - 1)];
	head = elem->id;
	*len = elem->len;
	if (unlikely(head >= vq->vring.num || !vq->data[head])) {
		vq->broken = true;
		return NULL;
	}

	ret = vq->data[head];
	detach_buf(vq, head);
	vq->last_used_idx++;

	/* Ask for an interrupt at the next entry, and make that store
	 * visible before the used index is read again. */
	if (!(vq->vring.avail->flags & VRING_AVAIL_F_NO_INTERRUPT)) {
		vring_used_event(&vq->vring) = vq->last_used_idx;
		virtio_mb(vq);
	}
	return ret;
}

void virtqueue_disable_cb(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	vq->vring.avail->flags |= VRING_AVAIL_F_NO_INTERRUPT;
}

bool virtqueue_enable_cb(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	/* Turn interrupts back on both ways, then look for late work. */
	vq->vring.avail->flags &= ~VRING_AVAIL_F_NO_INTERRUPT;
	vring_used_event(&vq->vring) = vq->last_used_idx;
	virtio_mb(vq);
	if (unlikely(more_used(vq)))
		return false;
	return true;
}

bool virtqueue_enable_cb_delayed(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	u16 bufs;

	/* Same as above, but only wake up once half the ring is used. */
	vq->vring.avail->flags &= ~VRING_AVAIL_F_NO_INTERRUPT;
	bufs = (u16)(vq->vring.avail->idx - vq->last_used_idx) / 2;
	vring_used_event(&vq->vring) = vq->last_used_idx + bufs;
	virtio_mb(vq);
	if (unlikely((u16)(vq->vring.used->idx - vq->last_used_idx) > bufs))
		return false;
	return true;
}

struct virtqueue *vring_new_virtqueue(unsigned int num,
				      unsigned int vring_align,
				      struct virtio_device *vdev,
				      bool weak_barriers,
				      void *pages,
				      void (*notify)(struct virtqueue *),
				      void (*callback)(struct virtqueue *),
				      const char *name)
{
	struct vring_virtqueue *vq;
	unsigned int i;

	/* Ring sizes are powers of two. */
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
	vq->weak_barriers = weak_barriers;
	vq->broken = false;
	vq->event = false;
	vq->last_used_idx = 0;
	vq->num_added = 0;

	/* Thread every descriptor onto the unused chain. */
	vq->free_head = 0;
	vq->num_free = num;
	for (i = 0; i < num; i++) {
		vq->vring.desc[i].next = i + 1;
		vq->data[i] = NULL;
	}

	return &vq->vq;
}

void vring_del_virtqueue(struct virtqueue *vq)
{
	kfree(to_vvq(vq));
}

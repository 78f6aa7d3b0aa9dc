/*
 * Fixture: a small split-ring core in the shape of the Linux 6.1
 * virtio_ring.c.  The barrier helpers come from <linux/virtio_ring.h> and
 * take the queue's weak_barriers flag.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

struct vring_virtqueue_split {
	/* The ring memory shared with the device. */
	struct vring vring;

	/* Last avail flags written, so they need not be read back. */
	u16 avail_flags_shadow;

	/* Last avail index written, so it need not be read back. */
	u16 avail_idx_shadow;
};

struct vring_virtqueue {
	/* What drivers see; must be the first member. */
	struct virtqueue vq;

	/* Split-ring state. */
	struct vring_virtqueue_split split;

	/* Can we use weak barriers? */
	bool weak_barriers;

	/* Set once the device has misbehaved; nothing works after. */
	bool broken;

	/* The device uses event indices instead of flags. */
	bool event;

	/* Head of the chain of unused descriptors. */
	unsigned int free_head;

	/* Buffers made available since the last kick. */
	unsigned int num_added;

	/* Next used entry we expect to consume. */
	u16 last_used_idx;

	/* Transport hook that pokes the device. */
	bool (*notify)(struct virtqueue *vq);

	/* Driver token for each descriptor head. */
	void *data[];
};

#define to_vvq(_vq) container_of(_vq, struct vring_virtqueue, vq)

static bool more_used_split(const struct vring_virtqueue *vq)
{
	return vq->last_used_idx != READ_ONCE(vq->split.vring.used->idx);
}

static int virtqueue_add_split(struct virtqueue *_vq, void *buf,
			       unsigned int len, void *data)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	struct vring *vr = &vq->split.vring;
	unsigned int head, slot;

	if (unlikely(vq->broken) || !_vq->num_free)
		return -ENOMEM;

	head = vq->free_head;
	vr->desc[head].addr = (unsigned long)buf;
	vr->desc[head].len = len;
	vr->desc[head].flags = 0;
	vq->free_head = vr->desc[head].next;
	_vq->num_free--;
	vq->data[head] = data;

	/* Fill the avail slot first; the index follows below. */
	slot = vq->split.avail_idx_shadow & (vr->num - 1);
	vr->avail->ring[slot] = head;

	/* The descriptor and the slot must be visible before the index. */
	virtio_wmb(vq->weak_barriers);
	vq->split.avail_idx_shadow++;
	vr->avail->idx = vq->split.avail_idx_shadow;
	vq->num_added++;
	return 0;
}

static bool virtqueue_kick_prepare_split(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	u16 new, old;

	/* The new avail index must be visible before the event is read. */
	virtio_mb(vq->weak_barriers);

	new = vq->split.avail_idx_shadow;
	old = new - vq->num_added;
	vq->num_added = 0;

	if (vq->event)
		return vring_need_event(vring_avail_event(&vq->split.vring),
					new, old);
	return !(vq->split.vring.used->flags & VRING_USED_F_NO_NOTIFY);
}

static void *virtqueue_get_buf_ctx_split(struct virtqueue *_vq,
					 unsigned int *len,
					 void **ctx)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	struct vring *vr = &vq->split.vring;
	unsigned int slot, head;
	void *ret;

	if (unlikely(vq->broken) || !more_used_split(vq))
		return NULL;

	/* The used index was read above; read the entry it covers after. */
	virtio_rmb(vq->weak_barriers);

	slot = vq->last_used_idx & (vr->num - 1);
	head = vr->used->ring[slot].id;
	*len = vr->used->ring[slot].len;
	if (unlikely(head >= vr->num || !vq->data[head])) {
		vq->broken = true;
		return NULL;
	}

	ret = vq->data[head];
	vq->data[head] = NULL;
	vr->desc[head].next = vq->free_head;
	vq->free_head = head;
	_vq->num_free++;
	if (ctx)
		*ctx = NULL;
	vq->last_used_idx++;

	/* Ask for an interrupt at the next entry before reading on. */
	if (!(vq->split.avail_flags_shadow & VRING_AVAIL_F_NO_INTERRUPT))
		virtio_store_mb(vq->weak_barriers,
				&vring_used_event(vr),
				vq->last_used_idx);
	return ret;
}

static bool virtqueue_enable_cb_delayed_split(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	struct vring *vr = &vq->split.vring;
	u16 bufs;

	if (vq->split.avail_flags_shadow & VRING_AVAIL_F_NO_INTERRUPT) {
		vq->split.avail_flags_shadow &= ~VRING_AVAIL_F_NO_INTERRUPT;
		if (!vq->event)
			vr->avail->flags = vq->split.avail_flags_shadow;
	}

	/* Only wake up again once about half the ring has been used. */
	bufs = (u16)(vq->split.avail_idx_shadow - vq->last_used_idx) / 2;
	virtio_store_mb(vq->weak_barriers, &vring_used_event(vr),
			vq->last_used_idx + bufs);

	if (unlikely((u16)(vr->used->idx - vq->last_used_idx) > bufs))
		return false;
	return true;
}

int virtqueue_add_buf(struct virtqueue *vq, void *buf, unsigned int len,
		      void *data)
{
	return virtqueue_add_split(vq, buf, len, data);
}

bool virtqueue_kick_prepare(struct virtqueue *vq)
{
	return virtqueue_kick_prepare_split(vq);
}

bool virtqueue_notify(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	if (unlikely(vq->broken))
		return false;
	if (!vq->notify(_vq)) {
		vq->broken = true;
		return false;
	}
	return true;
}

bool virtqueue_kick(struct virtqueue *vq)
{
	if (virtqueue_kick_prepare(vq))
		return virtqueue_notify(vq);
	return true;
}

void *virtqueue_get_buf_ctx(struct virtqueue *vq, unsigned int *len,
			    void **ctx)
{
	return virtqueue_get_buf_ctx_split(vq, len, ctx);
}

bool virtqueue_enable_cb_delayed(struct virtqueue *vq)
{
	return virtqueue_enable_cb_delayed_split(vq);
}

const struct vring *virtqueue_get_vring(struct virtqueue *vq)
{
	return &to_vvq(vq)->split.vring;
}

struct virtqueue *vring_new_virtqueue(unsigned int index,
				      unsigned int num,
				      unsigned int vring_align,
				      struct virtio_device *vdev,
				      bool weak_barriers,
				      bool context,
				      void *pages,
				      bool (*notify)(struct virtqueue *vq),
				      void (*callback)(struct virtqueue *vq),
				      const char *name)
{
	struct vring_virtqueue *vq;
	unsigned int i;

	/* Ring sizes are powers of two; per-buffer contexts are not kept. */
	if (!num || (num & (num - 1)) || context)
		return NULL;

	vq = kmalloc(sizeof(*vq) + num * sizeof(void *), GFP_KERNEL);
	if (!vq)
		return NULL;

	vring_init(&vq->split.vring, num, pages, vring_align);
	vq->vq.callback = callback;
	vq->vq.vdev = vdev;
	vq->vq.name = name;
	vq->vq.index = index;
	vq->vq.num_free = num;
	vq->notify = notify;
	vq->weak_barriers = weak_barriers;
	vq->broken = false;
	vq->event = false;
	vq->last_used_idx = 0;
	vq->num_added = 0;
	vq->split.avail_flags_shadow = 0;
	vq->split.avail_idx_shadow = 0;

	/* Thread every descriptor onto the unused chain. */
	vq->free_head = 0;
	for (i = 0; i < num; i++) {
		vq->split.vring.desc[i].next = i + 1;
		vq->data[i] = NULL;
	}

	return &vq->vq;
}

void vring_del_virtqueue(struct virtqueue *vq)
{
	kfree(to_vvq(vq));
}

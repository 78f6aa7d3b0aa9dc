/*
 * Fixture: a tmfifo-style driver that plays the device side of its own
 * rings, talking to a peer outside the SMP coherence domain.  It passes
 * weak_barriers = false and uses the helpers with a constant false.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

struct mlxbf_tmfifo_vring {
	/* Ring memory. */
	void *va;
	/* Entries in the ring. */
	unsigned int num;
	/* Ring alignment. */
	unsigned int align;
	/* Next avail entry this side will consume. */
	u16 next_avail;
	/* Queue built on this ring. */
	struct virtqueue *vq;
};

void mlxbf_tmfifo_log(const char *msg);

/* Take the next descriptor the driver side has made available. */
static struct vring_desc *
mlxbf_tmfifo_get_next_desc(struct mlxbf_tmfifo_vring *vring)
{
	const struct vring *vr = virtqueue_get_vring(vring->vq);
	unsigned int head;

	if (vring->next_avail == READ_ONCE(vr->avail->idx))
		return NULL;

	/* The avail index was read above; the slot it covers comes after. */
	virtio_rmb(false);

	head = vr->avail->ring[vring->next_avail % vr->num];
	if (head >= vr->num)
		return NULL;
	vring->next_avail++;
	return &vr->desc[head];
}

/* Hand a finished descriptor back through the used ring. */
static void mlxbf_tmfifo_release_desc(struct mlxbf_tmfifo_vring *vring,
				      struct vring_desc *desc, u32 len)
{
	const struct vring *vr = virtqueue_get_vring(vring->vq);
	u16 used_idx = vr->used->idx;
	unsigned int slot = used_idx % vr->num;

	vr->used->ring[slot].id = desc - vr->desc;
	vr->used->ring[slot].len = len;

	/* The element must be complete before the index exposes it. */
	virtio_mb(false);
	vr->used->idx = used_idx + 1;
}

void mlxbf_tmfifo_rxtx_one(struct mlxbf_tmfifo_vring *vring)
{
	struct vring_desc *desc = mlxbf_tmfifo_get_next_desc(vring);

	if (desc)
		mlxbf_tmfifo_release_desc(vring, desc, desc->len);
}

static bool mlxbf_tmfifo_virtio_notify(struct virtqueue *vq)
{
	/* A real driver schedules its work item here. */
	return vq->priv != NULL;
}

int mlxbf_tmfifo_virtio_find_vqs(struct virtio_device *vdev,
				 unsigned int nvqs, struct virtqueue *vqs[],
				 vq_callback_t *callbacks[],
				 const char * const names[],
				 struct mlxbf_tmfifo_vring *vrings)
{
	struct virtqueue *vq;
	unsigned int i;

	for (i = 0; i < nvqs; i++) {
		struct mlxbf_tmfifo_vring *vring = &vrings[i];

		vq = vring_new_virtqueue(i, vring->num, vring->align, vdev,
					 false, false, vring->va,
					 mlxbf_tmfifo_virtio_notify,
					 callbacks[i], names[i]);
		if (!vq) {
			mlxbf_tmfifo_log("vring_new_virtqueue failed\n");
			return -ENOMEM;
		}

		vq->priv = vring;
		vring->vq = vq;
		vqs[i] = vq;
	}
	return 0;
}

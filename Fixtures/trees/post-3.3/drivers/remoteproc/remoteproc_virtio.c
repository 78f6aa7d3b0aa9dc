/*
 * Fixture: a remoteproc-style transport.  Its peer is a separate processor
 * outside the SMP coherence domain, so after the v3.3 change it must ask
 * for mandatory barriers (weak_barriers = false).
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

struct rproc_vring {
	/* Entries in the ring. */
	unsigned int num;
	/* Ring alignment agreed with the firmware. */
	unsigned int align;
	/* Carveout memory holding the ring. */
	void *va;
	/* Mailbox id used to poke the remote side. */
	int notifyid;
	/* Queue built on this ring, once found. */
	struct virtqueue *vq;
};

static void rproc_virtio_notify(struct virtqueue *vq)
{
	struct rproc_vring *rvring = vq->priv;

	/* A real driver kicks the remote processor's mailbox here. */
	(void)rvring;
}

struct virtqueue *rp_find_vq(struct virtio_device *vdev,
			     struct rproc_vring *rvring,
			     void (*callback)(struct virtqueue *vq),
			     const char *name)
{
	struct virtqueue *vq;
	void *addr = rvring->va;

	if (!addr)
		return NULL;

	/* The remote side is real hardware, not another CPU of ours. */
	vq = vring_new_virtqueue(rvring->num, rvring->align, vdev, false, addr,
				 rproc_virtio_notify, callback, name);
	if (!vq)
		return NULL;

	rvring->vq = vq;
	vq->priv = rvring;
	return vq;
}

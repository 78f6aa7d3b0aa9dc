/*
 * Fixture: a remoteproc-style transport.  Its peer is a separate processor
 * outside the SMP coherence domain, so it asks for mandatory barriers
 * (weak_barriers = false).
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

void rproc_log(const char *fmt, const char *name);

static bool rproc_virtio_notify(struct virtqueue *vq)
{
	struct rproc_vring *rvring = vq->priv;

	/* A real driver kicks the remote processor's mailbox here. */
	return rvring->notifyid >= 0;
}

struct virtqueue *rp_find_vq(struct virtio_device *vdev, unsigned int id,
			     struct rproc_vring *rvring,
			     void (*callback)(struct virtqueue *vq),
			     const char *name, bool ctx)
{
	struct virtqueue *vq;
	unsigned int num = rvring->num;
	void *addr = rvring->va;

	if (!addr)
		return NULL;

	/* The remote side is real hardware, not another CPU of ours. */
	vq = vring_new_virtqueue(id, num, rvring->align, vdev, false, ctx,
				 addr, rproc_virtio_notify, callback, name);
	if (!vq) {
		rproc_log("vring_new_virtqueue %s failed\n", name);
		return NULL;
	}

	rvring->vq = vq;
	vq->priv = rvring;
	return vq;
}

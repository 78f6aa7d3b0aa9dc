/*
 * Fixture: the queue lookup path of an lguest-style paravirtual device.
 * The peer is the launcher, another process on another CPU.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

#define LGUEST_VRING_ALIGN	4096

struct lguest_vqconfig {
	/* Entries in the ring. */
	u16 num;
	/* Interrupt line for this queue. */
	u16 irq;
};

struct lguest_vq_info {
	/* Layout agreed with the launcher. */
	struct lguest_vqconfig config;
	/* Mapped ring memory. */
	void *pages;
};

static void lg_notify(struct virtqueue *vq)
{
	/* A real guest issues a hypercall naming the ring here. */
	(void)vq;
}

struct virtqueue *lg_find_vq(struct virtio_device *vdev,
			     struct lguest_vq_info *lvq,
			     void (*callback)(struct virtqueue *vq),
			     const char *name)
{
	struct virtqueue *vq;

	if (!lvq->pages)
		return NULL;

	/*
	 * The ring pages are mapped and the size is known, so the generic
	 * ring code can now build the virtqueue on top of them.
	 */
	vq = vring_new_virtqueue(lvq->config.num, LGUEST_VRING_ALIGN, vdev,
				 true, lvq->pages, lg_notify, callback, name);
	if (!vq)
		return NULL;

	vq->priv = lvq;
	return vq;
}

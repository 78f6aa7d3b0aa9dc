/*
 * Fixture: the queue setup path of an MMIO-style virtio transport.
 * The peer is a hypervisor on another CPU.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

#define VIRTIO_MMIO_VRING_ALIGN	4096

struct virtio_mmio_vq_info {
	/* Entries in the ring. */
	unsigned int num;
	/* Ring memory handed to the device. */
	void *queue;
};

static void vm_notify(struct virtqueue *vq)
{
	/* A real transport writes the queue number to a register here. */
	(void)vq;
}

struct virtqueue *vm_setup_vq(struct virtio_device *vdev,
			      struct virtio_mmio_vq_info *info,
			      void (*callback)(struct virtqueue *vq),
			      const char *name)
{
	struct virtqueue *vq;

	if (!info->num)
		return NULL;

	/* Lay the ring out over the shared pages. */
	vq = vring_new_virtqueue(info->num, VIRTIO_MMIO_VRING_ALIGN, vdev, true,
				 info->queue, vm_notify, callback, name);
	if (!vq)
		return NULL;

	vq->priv = info;
	return vq;
}

/*
 * Fixture: the queue setup path of a PCI-style virtio transport.
 * The peer is a hypervisor on another CPU.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

#define VIRTIO_PCI_VRING_ALIGN	4096

struct virtio_pci_vq_info {
	/* Entries in the ring. */
	unsigned int num;
	/* Ring memory handed to the device. */
	void *queue;
	/* Queue number on the device. */
	unsigned int queue_index;
};

static void vp_notify(struct virtqueue *vq)
{
	struct virtio_pci_vq_info *info = vq->priv;

	/* A real transport writes the queue number to a doorbell here. */
	(void)info;
}

static struct virtqueue *setup_vq(struct virtio_device *vdev,
				  struct virtio_pci_vq_info *info,
				  void (*callback)(struct virtqueue *vq),
				  const char *name)
{
	struct virtqueue *vq;

	/* Lay the ring out over the queue memory. */
	vq = vring_new_virtqueue(info->num, VIRTIO_PCI_VRING_ALIGN, vdev, true,
				 info->queue, vp_notify, callback, name);
	if (!vq)
		return NULL;

	vq->priv = info;
	return vq;
}

struct virtqueue *vp_find_vq(struct virtio_device *vdev,
			     struct virtio_pci_vq_info *info,
			     void (*callback)(struct virtqueue *vq),
			     const char *name)
{
	if (!info->num)
		return NULL;
	return setup_vq(vdev, info, callback, name);
}

/*
 * Fixture stub: the driver-facing virtqueue handle and device.
 */
#ifndef FIXTURE_LINUX_VIRTIO_H
#define FIXTURE_LINUX_VIRTIO_H

#include <linux/types.h>

struct virtio_device {
	/* Bus-assigned number, for messages only. */
	int index;
	/* Transport-private data. */
	void *priv;
};

struct virtqueue {
	/* Called when the other side has consumed buffers. */
	void (*callback)(struct virtqueue *vq);
	/* Queue name, for messages only. */
	const char *name;
	/* Owning device. */
	struct virtio_device *vdev;
	/* Driver-private data. */
	void *priv;
};

int virtqueue_add_buf(struct virtqueue *vq, void *buf, unsigned int len,
		      void *data);
void virtqueue_kick(struct virtqueue *vq);
void *virtqueue_get_buf(struct virtqueue *vq, unsigned int *len);
void virtqueue_disable_cb(struct virtqueue *vq);
bool virtqueue_enable_cb(struct virtqueue *vq);
bool virtqueue_enable_cb_delayed(struct virtqueue *vq);

#endif /* FIXTURE_LINUX_VIRTIO_H */

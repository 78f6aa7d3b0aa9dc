/*
 * Fixture stub: the driver-facing virtqueue handle and device.
 */
#ifndef FIXTURE_LINUX_VIRTIO_H
#define FIXTURE_LINUX_VIRTIO_H

#include <linux/types.h>

struct vring;

struct virtio_device {
	/* Bus-assigned number, for messages only. */
	int index;
	/* Negotiated feature bits. */
	u64 features;
	/* Transport-private data. */
	void *priv;
};

struct virtqueue {
	/* Called when the device has consumed buffers. */
	void (*callback)(struct virtqueue *vq);
	/* Queue name, for messages only. */
	const char *name;
	/* Owning device. */
	struct virtio_device *vdev;
	/* Queue number on the device. */
	unsigned int index;
	/* Descriptors not in use. */
	unsigned int num_free;
	/* Driver-private data. */
	void *priv;
};

typedef void vq_callback_t(struct virtqueue *);

int virtqueue_add_buf(struct virtqueue *vq, void *buf, unsigned int len,
		      void *data);
bool virtqueue_kick_prepare(struct virtqueue *vq);
bool virtqueue_notify(struct virtqueue *vq);
bool virtqueue_kick(struct virtqueue *vq);
void *virtqueue_get_buf_ctx(struct virtqueue *vq, unsigned int *len,
			    void **ctx);
bool virtqueue_enable_cb_delayed(struct virtqueue *vq);
const struct vring *virtqueue_get_vring(struct virtqueue *vq);

#endif /* FIXTURE_LINUX_VIRTIO_H */

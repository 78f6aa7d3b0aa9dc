/*
 * Fixture stub: the userspace test harness's own view of virtio, as in
 * tools/virtio.  It shadows include/linux/virtio.h when tools/virtio comes
 * first on the include path.
 */
#ifndef FIXTURE_TOOLS_LINUX_VIRTIO_H
#define FIXTURE_TOOLS_LINUX_VIRTIO_H

#include <linux/types.h>

struct virtio_device {
	/* Feature bits negotiated with the vhost side. */
	u64 features;
	/* Harness-private data. */
	void *priv;
};

struct virtqueue {
	/* Called when the other side has consumed buffers. */
	void (*callback)(struct virtqueue *vq);
	/* Queue name, for messages only. */
	const char *name;
	/* Owning device. */
	struct virtio_device *vdev;
	/* Harness-private data. */
	void *priv;
};

int virtqueue_add_buf(struct virtqueue *vq, void *buf, unsigned int len,
		      void *data);
void virtqueue_kick(struct virtqueue *vq);
void *virtqueue_get_buf(struct virtqueue *vq, unsigned int *len);
void virtqueue_disable_cb(struct virtqueue *vq);
bool virtqueue_enable_cb(struct virtqueue *vq);

struct virtqueue *vring_new_virtqueue(unsigned int num,
				      unsigned int vring_align,
				      struct virtio_device *vdev,
				      void *pages,
				      void (*notify)(struct virtqueue *vq),
				      void (*callback)(struct virtqueue *vq),
				      const char *name);
void vring_del_virtqueue(struct virtqueue *vq);

#endif /* FIXTURE_TOOLS_LINUX_VIRTIO_H */

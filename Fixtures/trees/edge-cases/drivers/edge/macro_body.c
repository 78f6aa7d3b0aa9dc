/*
 * Edge case: the only vring_new_virtqueue() call is written in the body of
 * a function-like macro (one line, deliberately longer than 80 columns);
 * the code that uses the macro passes only three of the seven arguments.
 */
#include <linux/types.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

static void edge_notify(struct virtqueue *vq)
{
	(void)vq;
}

static void edge_cb(struct virtqueue *vq)
{
	(void)vq;
}

#define EDGE_NEW_VQ(n, d, p) vring_new_virtqueue(n, 4096, d, p, edge_notify, edge_cb, "edge")

struct virtqueue *edge_macro_body_setup(struct virtio_device *vdev,
					unsigned int num, void *pages)
{
	struct virtqueue *vq;

	vq = EDGE_NEW_VQ(num, vdev, pages);
	if (!vq)
		return NULL;
	return vq;
}

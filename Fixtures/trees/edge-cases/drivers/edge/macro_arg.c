/*
 * Edge case: a vring_new_virtqueue() call written inside the argument of a
 * function-like macro.  The call is real code at the use site; only its
 * surroundings come from a macro.
 */
#include <linux/types.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

#define EDGE_CHECK(x)	((x) != NULL)

static void edge_notify(struct virtqueue *vq)
{
	(void)vq;
}

static void edge_cb(struct virtqueue *vq)
{
	(void)vq;
}

struct virtqueue *edge_macro_arg_setup(struct virtio_device *vdev,
				       unsigned int num, void *pages)
{
	struct virtqueue *vq;

	if (EDGE_CHECK(vq = vring_new_virtqueue(num, 4096, vdev, pages,
						edge_notify, edge_cb, "arg")))
		return vq;
	return NULL;
}

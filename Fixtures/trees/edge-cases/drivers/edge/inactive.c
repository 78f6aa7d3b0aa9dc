/*
 * Edge case: preprocessor-inactive code.  One call sits under "#if 0" and
 * one under "#ifdef CONFIG_EDGE_LEGACY" (never defined); only the third
 * call, in edge_inactive_setup(), is compiled.
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

#ifdef CONFIG_EDGE_LEGACY
struct virtqueue *edge_legacy_setup(struct virtio_device *vdev,
				    unsigned int num, void *pages)
{
	struct virtqueue *vq;

	vq = vring_new_virtqueue(num, 4096, vdev, pages,
				 edge_notify, edge_cb, "legacy");
	if (!vq)
		return NULL;
	return vq;
}
#endif /* CONFIG_EDGE_LEGACY */

struct virtqueue *edge_inactive_setup(struct virtio_device *vdev,
				      unsigned int num, void *pages)
{
	struct virtqueue *vq;

#if 0
	vq = vring_new_virtqueue(num, 8192, vdev, pages,
				 edge_notify, edge_cb, "disabled");
#endif
	vq = vring_new_virtqueue(num, 4096, vdev, pages,
				 edge_notify, edge_cb, "active");
	if (!vq)
		return NULL;
	return vq;
}

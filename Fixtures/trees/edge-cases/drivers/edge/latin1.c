/*
 * Edge case: raw Latin-1 bytes (not valid UTF-8) in comments: byte 0xE9
 * ("e" with an acute accent) and byte 0xEF ("i" with a diaeresis).  The
 * call is ordinary; every byte of the file outside the edit must be kept
 * exactly, including the ones that are not valid UTF-8.  On the call line
 * the Latin-1 comment comes first; the first argument is at column 44.
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

/* Written by a naïve editor that saved this file as Latin-1. */
struct virtqueue *edge_latin1_setup(struct virtio_device *vdev,
				    unsigned int num, void *pages)
{
	struct virtqueue *vq;

	/* café */ vq = vring_new_virtqueue(num, 4096, vdev, pages,
					    edge_notify, edge_cb, "latin1");
	if (!vq)
		return NULL;
	return vq;
}

/*
 * Edge case: a UTF-8 comment with multibyte characters on the same line as,
 * and before, the call.  The comment is 13 characters but 17 bytes, so
 * byte offsets and columns differ on that line.  After inserting "true, "
 * the first line is 78 columns wide (82 if every byte counted as a
 * column), so it must not be re-wrapped; the continuation line stays
 * aligned under the first argument, at column 47 (51 if bytes counted).
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

struct virtqueue *edge_multibyte_setup(struct virtio_device *vdev,
				       unsigned int count, void *pages)
{
	struct virtqueue *vq;

	/* Größe ✓ */ vq = vring_new_virtqueue(count, 4096, vdev, pages,
					       edge_notify, edge_cb, "utf8");
	if (!vq)
		return NULL;
	return vq;
}

/*
 * Edge case: comments inside the argument list.  The first call is on one
 * line (deliberately longer than 80 columns) with a comment before an
 * argument, after an argument and before another.  The second call spans
 * several lines, has comments holding unbalanced "(" and ")", and passes a
 * nested call whose own commas and parentheses are not argument breaks.
 */
#include <linux/types.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

struct edge_dev {
	struct virtio_device vdev;
	char *pool;
};

static void edge_notify(struct virtqueue *vq)
{
	(void)vq;
}

static void edge_cb(struct virtqueue *vq)
{
	(void)vq;
}

static void *edge_pages(struct edge_dev *dev, unsigned int count)
{
	return dev->pool + count;
}

struct virtqueue *edge_comments_setup(struct virtio_device *vdev,
				      unsigned int num, void *pages)
{
	struct virtqueue *vq;

	vq = vring_new_virtqueue(num, /* align */ 4096, vdev /* the device */, pages, edge_notify, /* cb */ edge_cb, "comments");
	if (!vq)
		return NULL;
	return vq;
}

struct virtqueue *edge_comments_nested(struct edge_dev *dev, unsigned int num)
{
	struct virtio_device *vdev = &dev->vdev;
	struct virtqueue *vq;

	vq = vring_new_virtqueue(num, 4096, vdev, /* pages (see below */
				 edge_pages(dev, (num) * 2),
				 edge_notify, edge_cb, /* ) */ "nested");
	if (!vq)
		return NULL;
	return vq;
}

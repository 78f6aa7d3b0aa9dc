/*
 * Edge case: this whole file uses CRLF line endings.  The call below spans
 * two lines; an edit must keep every line ending as CR LF and must not
 * count the CR as a column: after inserting "true, " the second line of
 * the call is exactly 80 columns (81 with the CR), so it stays as it is.
 */
#include <linux/types.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

#define EDGE_CRLF_ALIGN	4096

static void edge_notify(struct virtqueue *vq)
{
	(void)vq;
}

static void edge_cb(struct virtqueue *vq)
{
	(void)vq;
}

struct virtqueue *edge_crlf_setup(struct virtio_device *vdev,
				  unsigned int num, void *mem)
{
	struct virtqueue *vq;

	vq = vring_new_virtqueue(num, EDGE_CRLF_ALIGN,
				 vdev, mem, edge_notify, edge_cb, "crlf");
	if (!vq)
		return NULL;
	return vq;
}

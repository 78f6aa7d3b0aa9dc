/*
 * Fixture: the userspace ring test harness.  Built with tools/virtio ahead
 * of include/ so that <linux/virtio.h> is the harness's own header.  The
 * peer is a vhost thread on another CPU.
 */
#include <linux/types.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

/* Provided by the harness's runtime; declared here only. */
void *test_alloc(size_t size, size_t align);
void test_fail(const char *what);

struct vq_info {
	int kick;
	int call;
	int num;
	int idx;
	void *ring;
	/* Private copy of the layout, for the vhost side. */
	struct vring vring;
	struct virtqueue *vq;
};

struct vdev_info {
	struct virtio_device vdev;
	int nvqs;
	struct vq_info vqs[2];
};

static void vq_notify(struct virtqueue *vq)
{
	struct vq_info *info = vq->priv;

	/* The harness signals the kick eventfd here. */
	(void)info;
}

static void vq_callback(struct virtqueue *vq)
{
	(void)vq;
}

static void vq_info_add(struct vdev_info *dev, int num)
{
	struct vq_info *info = &dev->vqs[dev->nvqs];

	info->idx = dev->nvqs;
	info->num = num;
	info->ring = test_alloc(vring_size(num, 4096), 4096);
	if (!info->ring)
		test_fail("ring allocation");
	vring_init(&info->vring, num, info->ring, 4096);
	info->vq = vring_new_virtqueue(info->vring.num, 4096, &dev->vdev, true,
				       info->ring, vq_notify, vq_callback,
				       "test");
	if (!info->vq)
		test_fail("vring_new_virtqueue");
	info->vq->priv = info;
	dev->nvqs++;
}

void vdev_info_init(struct vdev_info *dev)
{
	dev->nvqs = 0;
	vq_info_add(dev, 256);
}

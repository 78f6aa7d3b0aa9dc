/*
 * Edge case: nothing in this file is a call of vring_new_virtqueue() or a
 * use of the virtio_wmb() barrier macro.  The names appear only in this
 * comment, in string literals, in // comments, as part of a different
 * function (__vring_new_virtqueue), and as references to the function that
 * are not calls (taken as a pointer, with and without "&").  The pointer
 * type below has the seven-parameter shape; a tool may report those
 * references, but must not rewrite anything here as a call site.
 */
#include <linux/types.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

// vq = vring_new_virtqueue(num, 4096, vdev, pages, notify, cb, "x");
// virtio_wmb();

static const char edge_err_msg[] = "vring_new_virtqueue failed";
static const char edge_barrier_msg[] = "virtio_wmb() skipped";

typedef struct virtqueue *(*edge_ctor_t)(unsigned int num,
					 unsigned int vring_align,
					 struct virtio_device *vdev,
					 void *pages,
					 void (*notify)(struct virtqueue *),
					 void (*callback)(struct virtqueue *),
					 const char *name);

/* References, not calls. */
static edge_ctor_t edge_ctor = vring_new_virtqueue;
static edge_ctor_t edge_ctor_addr = &vring_new_virtqueue;

/* A different function whose name merely contains the searched one. */
struct virtqueue *__vring_new_virtqueue(unsigned int num,
					struct vring *vring,
					struct virtio_device *vdev,
					void (*notify)(struct virtqueue *),
					void (*callback)(struct virtqueue *),
					const char *name);

void edge_log(const char *msg);

static void edge_notify(struct virtqueue *vq)
{
	(void)vq;
}

static void edge_cb(struct virtqueue *vq)
{
	(void)vq;
}

struct virtqueue *edge_not_sites_setup(struct virtio_device *vdev,
				       struct vring *vring, unsigned int num)
{
	struct virtqueue *vq;

	/* vring_new_virtqueue() is not used here; virtio_wmb() neither. */
	vq = __vring_new_virtqueue(num, vring, vdev, edge_notify, edge_cb,
				   "not a site");
	if (!vq) {
		edge_log(edge_err_msg);	// as if vring_new_virtqueue failed
		edge_log(edge_barrier_msg);
		return NULL;
	}
	if (edge_ctor != edge_ctor_addr)
		edge_log("vring_new_virtqueue(num, 4096, vdev, pages)");
	return vq;
}

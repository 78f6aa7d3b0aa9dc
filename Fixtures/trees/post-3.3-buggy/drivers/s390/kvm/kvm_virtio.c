/*
 * Fixture: the queue lookup path of an s390 KVM-style virtio transport.
 * The peer is a hypervisor on another CPU.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>

#define KVM_S390_VIRTIO_RING_ALIGN	4096

struct kvm_vqconfig {
	/* Token passed back in notifications. */
	u64 token;
	/* Guest address of the ring. */
	u64 address;
	/* Entries in the ring. */
	u16 num;
};

static void kvm_notify(struct virtqueue *vq)
{
	struct kvm_vqconfig *config = vq->priv;

	/* A real guest issues a diagnose call with the token here. */
	(void)config;
}

struct virtqueue *kvm_find_vq(struct virtio_device *vdev,
			      struct kvm_vqconfig *config,
			      void (*callback)(struct virtqueue *vq),
			      const char *name)
{
	struct virtqueue *vq;

	if (!config->address)
		return NULL;

	vq = vring_new_virtqueue(config->num, KVM_S390_VIRTIO_RING_ALIGN,
				 vdev, true, (void *) config->address,
				 kvm_notify, callback, name);
	if (!vq)
		return NULL;

	vq->priv = config;
	return vq;
}

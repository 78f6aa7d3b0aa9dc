/// The built-in transport rules: every transport of the v3.3 constructor known from kernel history.
///
/// Kept as JSON and parsed by the same decoder as a user's `--rules` file, so the built-in table
/// can never accept something a user file would not (a test parses it). Each `why` says who the
/// peer is, which a reviewer can check against the transport's code.
extension RulesTable {
    public static let builtIn: RulesTable = {
        do {
            return try RulesTable(json: Array(builtInJSON.utf8), source: .builtIn)
        } catch {
            preconditionFailure("the built-in rules table is invalid: \(error)")
        }
    }()

    static let builtInJSON = #"""
    { "rules": [
      { "transport": "virtio_pci",
        "match": { "paths": ["drivers/virtio/virtio_pci*.c"] },
        "weak_barriers": true, "peer": "smp-cpu",
        "why": "the PCI device is emulated by the hypervisor (QEMU/KVM and the like) running on another CPU of the same SMP host: SMP barriers suffice (a hardware virtio-pci device negotiates VIRTIO_F_ORDER_PLATFORM, which later kernels turn into mandatory barriers at run time)" },
      { "transport": "virtio_mmio",
        "match": { "paths": ["drivers/virtio/virtio_mmio.c"] },
        "weak_barriers": true, "peer": "smp-cpu",
        "why": "the memory-mapped device is emulated by the hypervisor running on another CPU of the same SMP host: SMP barriers suffice" },
      { "transport": "lguest",
        "match": { "paths": ["drivers/lguest/**"] },
        "weak_barriers": true, "peer": "smp-cpu",
        "why": "the lguest Launcher serving the devices is a host process on another CPU of the same SMP machine: SMP barriers suffice" },
      { "transport": "s390 kvm_virtio",
        "match": { "paths": ["drivers/s390/kvm/kvm_virtio.c"] },
        "weak_barriers": true, "peer": "smp-cpu",
        "why": "the s390 KVM host (hypervisor) serving the devices runs on another CPU of the same SMP machine: SMP barriers suffice" },
      { "transport": "virtio_ccw",
        "match": { "paths": ["drivers/s390/kvm/virtio_ccw.c", "drivers/s390/virtio/virtio_ccw.c"] },
        "weak_barriers": true, "peer": "smp-cpu",
        "why": "channel-I/O virtio devices (3.8+) are served by the s390 hypervisor on another CPU of the same SMP machine: SMP barriers suffice" },
      { "transport": "virtio_vdpa",
        "match": { "paths": ["drivers/virtio/virtio_vdpa.c"] },
        "weak_barriers": true, "peer": "smp-cpu",
        "why": "upstream passes true: vDPA parents are treated like a hypervisor backend on another SMP CPU (a hardware parent that needs stronger ordering negotiates VIRTIO_F_ORDER_PLATFORM, which the ring core honours at run time)" },
      { "transport": "um virtio_uml",
        "match": { "paths": ["arch/um/drivers/virtio_uml.c"] },
        "weak_barriers": true, "peer": "smp-cpu",
        "why": "the vhost-user device backend of User-Mode Linux is a host process on another CPU of the same SMP machine: SMP barriers suffice" },
      { "transport": "tools/virtio tests",
        "match": { "paths": ["tools/virtio/**"] },
        "weak_barriers": true, "peer": "smp-cpu",
        "why": "the userspace test harness runs both ends of the ring as threads or processes on CPUs of one SMP machine: SMP barriers suffice" },
      { "transport": "remoteproc",
        "match": { "paths": ["drivers/remoteproc/**"] },
        "weak_barriers": false, "peer": "device",
        "why": "the peer is a remote processor (DSP, microcontroller core) sharing memory from outside the SMP coherence domain: mandatory barriers" },
      { "transport": "rpmsg",
        "match": { "paths": ["drivers/rpmsg/**"] },
        "weak_barriers": false, "peer": "device",
        "why": "rpmsg (3.4+) talks to a remote processor outside the SMP coherence domain: mandatory barriers" },
      { "transport": "MIC card and VOP",
        "match": { "paths": ["drivers/misc/mic/**"] },
        "weak_barriers": false, "peer": "device",
        "why": "the Intel MIC coprocessor card and its host reach the rings across PCIe, outside each other's SMP coherence domain: mandatory barriers" },
      { "transport": "mlxbf-tmfifo",
        "match": { "paths": ["drivers/platform/mellanox/mlxbf-tmfifo.c"] },
        "weak_barriers": false, "peer": "device",
        "why": "the BlueField TmFifo driver's peer is the FIFO hardware and the external host behind it, outside the SMP coherence domain: mandatory barriers" }
    ] }
    """#
}

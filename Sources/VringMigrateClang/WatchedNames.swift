/// The names vringmigrate watches.
public enum WatchedNames {
    public static let constructor = "vring_new_virtqueue"
    public static let barrierHelpers: Set<String> = ["virtio_mb", "virtio_rmb", "virtio_wmb", "virtio_store_mb"]
    public static let all: Set<String> = barrierHelpers.union([constructor])
}

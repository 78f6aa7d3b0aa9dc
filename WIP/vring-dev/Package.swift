// swift-tools-version:6.0
// Development package for the Vring module; its Sources/Vring, Sources/CFence and Tests/VringTests
// are moved into /work/main when done.
import PackageDescription

let package = Package(
    name: "vring-dev",
    targets: [
        .target(name: "CFence", path: "Sources/CFence"),
        .target(name: "Vring", dependencies: ["CFence"], path: "Sources/Vring"),
        .testTarget(name: "VringTests", dependencies: ["Vring"]),
    ]
)

// swift-tools-version:6.0
// Development package for the VringOracle module. Sources/VringOracle, Tests/VringOracleTests and
// Fixtures/litmus move into /work/main when done; Sources/Vring and Sources/CFence are symlinks to
// the ring being written in /work/dev-vring and are not part of this module.
import PackageDescription

let package = Package(
    name: "vring-oracle-dev",
    targets: [
        .target(name: "CFence", path: "Sources/CFence"),
        .target(name: "Vring", dependencies: ["CFence"], path: "Sources/Vring"),
        .target(name: "VringOracle", dependencies: ["Vring"], path: "Sources/VringOracle"),
        .testTarget(
            name: "VringOracleTests",
            dependencies: ["VringOracle", "Vring"],
            path: "Tests/VringOracleTests"
        ),
    ]
)

// swift-tools-version:6.0
// vringmigrate: finds, migrates and lints the Linux v3.3 `weak_barriers` API change in C trees.
import PackageDescription

/// Debian's libclang 14 headers live outside the default search path; libclang-14.so itself is on
/// the linker's default path (/usr/lib/x86_64-linux-gnu), so `link "clang-14"` picks Debian's
/// library by soname and never the toolchain's own libclang.so.
let clangHeaders: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I/usr/lib/llvm-14/include"])]

let package = Package(
    name: "vringmigrate",
    products: [
        .executable(name: "vringmigrate", targets: ["vringmigrate"])
    ],
    targets: [
        .systemLibrary(name: "CClang", path: "Sources/CClang"),
        .target(name: "VringMigrateCore", path: "Sources/VringMigrateCore"),
        .target(name: "CFence", path: "Sources/CFence"),
        .target(name: "Vring", dependencies: ["CFence"], path: "Sources/Vring"),
        .target(name: "VringOracle", dependencies: ["Vring"], path: "Sources/VringOracle"),
        .target(
            name: "VringMigrateClang",
            dependencies: ["CClang", "VringMigrateCore", "Vring"],
            path: "Sources/VringMigrateClang",
            swiftSettings: clangHeaders
        ),
        .executableTarget(
            name: "vringmigrate",
            dependencies: ["VringMigrateCore", "VringMigrateClang", "Vring", "VringOracle"],
            path: "Sources/vringmigrate",
            swiftSettings: clangHeaders
        ),
        .testTarget(name: "VringMigrateCoreTests", dependencies: ["VringMigrateCore"], exclude: ["Golden"]),
        .testTarget(name: "VringTests", dependencies: ["Vring"]),
        .testTarget(name: "VringOracleTests", dependencies: ["VringOracle", "Vring"]),
        .testTarget(
            name: "VringMigrateClangTests",
            dependencies: ["VringMigrateClang", "VringMigrateCore"],
            swiftSettings: clangHeaders
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["VringMigrateCore"],
            swiftSettings: clangHeaders
        ),
    ]
)

// swift-tools-version: 6.1
// In-process micro-benchmarks (ordo-one's package-benchmark), in a package of their own
// so that the main package's `swift build`, `swift test` and CI never resolve or build
// the benchmark package. Run from this folder: `swift package benchmark` (BENCHMARKS.md).
import Foundation
import PackageDescription

/// The main package is this folder's grandparent; SwiftPM names a path dependency after
/// its folder, which differs between checkouts (a worktree, a CI clone).
let rootPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
let rootName = URL(fileURLWithPath: rootPath).lastPathComponent

let package = Package(
    name: "attune-micro",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(path: rootPath),
    ],
    targets: [
        .executableTarget(
            name: "AttuneMicro",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AttuneKit", package: rootName),
            ],
            path: "Benchmarks/AttuneMicro",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)

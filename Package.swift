// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "attune",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "AttuneKit", targets: ["AttuneKit"]),
        .library(name: "AttuneServer", targets: ["AttuneServer"]),
        .executable(name: "attune", targets: ["attune"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // ICU behind a header of plain C types: see ../shared/docs/icu-in-swift.md.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc")]
        ),
        // Turns Rules/ and Assets/ folders into Swift source so a built binary carries them.
        .executableTarget(name: "attune-embed-files", path: "Sources/EmbedFiles"),
        .plugin(
            name: "EmbedFilesPlugin",
            capability: .buildTool(),
            dependencies: ["attune-embed-files"]
        ),
        .target(
            name: "AttuneKit",
            dependencies: [
                "CICU",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Assets"],
            plugins: ["EmbedFilesPlugin"]
        ),
        // `attune serve`: the web page and the JSON API, over AttuneKit.
        .target(
            name: "AttuneServer",
            dependencies: [
                "AttuneKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Assets"],
            plugins: ["EmbedFilesPlugin"]
        ),
        .executableTarget(
            name: "attune",
            dependencies: [
                "AttuneKit",
                "AttuneServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process throughput for Benchmarks/run.sh (small; never run by the tests).
        .executableTarget(
            name: "attune-throughput",
            dependencies: ["AttuneKit"],
            path: "Benchmarks/Throughput"
        ),
        .testTarget(
            name: "AttuneKitTests",
            dependencies: ["AttuneKit"]
        ),
        .testTarget(
            name: "AttuneServerTests",
            dependencies: [
                "AttuneKit",
                "AttuneServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
)

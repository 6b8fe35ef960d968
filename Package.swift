// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "attune",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AttuneKit", targets: ["AttuneKit"]),
        .executable(name: "attune", targets: ["attune"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
        .executableTarget(
            name: "attune",
            dependencies: [
                "AttuneKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AttuneKitTests",
            dependencies: ["AttuneKit"]
        ),
    ]
)

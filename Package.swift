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
    ],
    targets: [
        // ICU behind a header of plain C types: see ../shared/docs/icu-in-swift.md.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc")]
        ),
        // Turns Rules/ into Swift source so a built binary carries its rules.
        .executableTarget(name: "attune-embed-rules", path: "Sources/EmbedRules"),
        .plugin(
            name: "EmbedRulesPlugin",
            capability: .buildTool(),
            dependencies: ["attune-embed-rules"]
        ),
        .target(
            name: "AttuneKit",
            dependencies: ["CICU", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedRulesPlugin"]
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

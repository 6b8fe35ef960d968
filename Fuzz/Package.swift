// swift-tools-version: 6.1
// The libFuzzer harness (Fuzz/README.md): a package of its own, so that `swift build`
// and CI at the root never build it. Build and run it with `Fuzz/run.sh TARGET`.
import Foundation
import PackageDescription

/// A local package is known by its folder's name, which differs between checkouts.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "attune-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: root.path)],
    targets: [
        // Declares libFuzzer's driver, which a program with its own `main` calls.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "attune-fuzz",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "AttuneKit", package: root.lastPathComponent),
            ]
        ),
    ]
)

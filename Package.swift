// swift-tools-version: 6.3;(experimentalCGen)
// `experimentalCGen` lets a build plugin add C source to a C target (SwiftPM 6.3): the
// compiled rules are embedded as bytes that way (CBuiltInRules), with nothing to decode
// at start. It is SwiftPM's opt-in for that feature; drop it once the feature is final.
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
        // The layers below, each a target so that a dependency pointing upward does not
        // compile (docs/ARCHITECTURE.md). Only AttuneLoading imports Yams.
        // Shared vocabulary: categories, bid kinds, verdicts, diagnostics, errors.
        .target(name: "AttuneCore"),
        // Tokens, sentences, lexicon values, language guessing (ICU).
        .target(name: "AttuneText", dependencies: ["AttuneCore", "CICU"]),
        // Rules, patterns and the other rule-file values, as plain data.
        .target(name: "AttuneRules", dependencies: ["AttuneCore", "AttuneText"]),
        // Every file kind read from YAML: rules, lexicons, bids, scoring, rewrites,
        // languages, packs, `.attune.yaml`, corpus mappings.
        .target(
            name: "AttuneLoading",
            dependencies: [
                "AttuneCore", "AttuneText", "AttuneRules",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The automata and filters that find a rule's candidate matches.
        .target(name: "AttuneMatching", dependencies: ["AttuneCore", "AttuneText", "AttuneRules"]),
        // Analyzer and its steps: bids, findings, score, rewrite.
        .target(
            name: "AttuneEngine",
            dependencies: ["AttuneCore", "AttuneText", "AttuneRules", "AttuneLoading", "AttuneMatching"]
        ),
        // Compiles Rules/ into an engine archive at build time, as C source that embeds
        // the bytes (CBuiltInRules), so that a start reads bytes instead of YAML. A
        // plugin's tool cannot depend on a target that runs a plugin itself, so it reads
        // Rules/ from disk and the layers below AttuneBuiltIn run none.
        .executableTarget(
            name: "attune-compile-rules",
            dependencies: ["AttuneCore", "AttuneLoading", "AttuneEngine"],
            path: "Sources/CompileRules"
        ),
        .plugin(
            name: "CompileRulesPlugin",
            capability: .buildTool(),
            dependencies: ["attune-compile-rules"]
        ),
        // The compiled built-in rules as bytes in the binary, written by the plugin.
        .target(name: "CBuiltInRules", plugins: ["CompileRulesPlugin"]),
        // The built-in rules: compiled (`Engine.builtIn()`) and as the YAML files they
        // came from (`RuleSet.builtInFiles()`, for `attune rules` and the tests).
        .target(
            name: "AttuneBuiltIn",
            dependencies: ["AttuneCore", "AttuneLoading", "AttuneEngine", "CBuiltInRules"],
            plugins: ["EmbedFilesPlugin"]
        ),
        // Input formats: transcripts read into turns. Knows nothing of the engine.
        .target(name: "AttuneTranscripts", dependencies: ["AttuneCore"]),
        // Transcripts through the engine, and what is counted over them.
        .target(name: "AttuneBatch", dependencies: ["AttuneCore", "AttuneEngine", "AttuneTranscripts"]),
        // Output formats: terminal, JSON, CSV, Markdown, HTML.
        .target(
            name: "AttuneOutput",
            dependencies: [
                "AttuneCore", "AttuneText", "AttuneRules", "AttuneEngine", "AttuneTranscripts", "AttuneBatch",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Assets"],
            plugins: ["EmbedFilesPlugin"]
        ),
        // Checking the rules: examples, corpora, coded corpora, fuzzing.
        .target(
            name: "AttuneEvaluation",
            dependencies: [
                "AttuneCore", "AttuneText", "AttuneRules", "AttuneLoading", "AttuneMatching", "AttuneEngine",
                "AttuneBuiltIn", "AttuneTranscripts", "AttuneOutput",
            ]
        ),
        // The one library product: re-exports what library users need.
        .target(
            name: "AttuneKit",
            dependencies: [
                "AttuneCore", "AttuneText", "AttuneRules", "AttuneLoading", "AttuneMatching", "AttuneEngine",
                "AttuneBuiltIn", "AttuneTranscripts", "AttuneBatch", "AttuneOutput", "AttuneEvaluation",
            ]
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
        // Tests that start the built `attune` binary (found at .build/debug/attune).
        .testTarget(
            name: "AttuneCommandLineTests",
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

// swift-tools-version:6.1
import Foundation
import PackageDescription

// Coverage-guided fuzzing (libFuzzer) of the protocol, the server connection and the CSV
// readers. Not part of the root package: it builds only with the fuzzer and address
// sanitizers, through scripts/fuzz:
//
//   swift build --package-path Fuzz -c release --scratch-path .build-fuzz \
//       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// Each executable target is one fuzz entry point exporting `LLVMFuzzerTestOneInput`.

// A path dependency's identity is its directory's name, which is whatever the clone is called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent
let protocolAndRPC: Target.Dependency = .product(name: "JCSkillsRPC", package: root)

let package = Package(
    name: "JCSkillsFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [protocolAndRPC]),
        // The root package has no library product for its demo-data module (the CSV record
        // parser and the CSV formats); this target compiles the same sources through a
        // symbolic link (Sources/FuzzDemoData -> ../../Sources/DemoData).
        .target(name: "FuzzDemoData", dependencies: [protocolAndRPC, .product(name: "JCSkillsMessages", package: root)],
                path: "Sources/FuzzDemoData"),
        .executableTarget(name: "fuzz-frames", dependencies: ["FuzzSupport", protocolAndRPC]),
        .executableTarget(name: "fuzz-codec", dependencies: ["FuzzSupport", protocolAndRPC]),
        .executableTarget(
            name: "fuzz-connection",
            dependencies: [
                "FuzzSupport", protocolAndRPC,
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzSupport", "FuzzDemoData", protocolAndRPC]),
    ],
    swiftLanguageModes: [.v6]
)

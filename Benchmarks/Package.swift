// swift-tools-version:6.1
import PackageDescription

// Side-by-side benchmarks: our protocol against grpc-swift 2 and a bare NIO + TLS
// framed echo, and our codec against swift-protobuf. A package of its own so that gRPC,
// HTTP/2 and swift-protobuf never enter the product build. Run with `./run.sh`.
let package = Package(
    name: "jcskills-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "jcskills", path: ".."),
        .package(url: "https://github.com/grpc/grpc-swift-2", exact: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", exact: "2.9.2"),
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        .executableTarget(
            name: "jcskills-bench",
            dependencies: [
                .product(name: "JCSkillsRPC", package: "jcskills"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            path: "Sources/Bench"
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.1
import PackageDescription

// Layering (nothing imports anything above it):
//   JCSkillsProtocol  (Protocol/)     frames, codec, contracts, domain value types
//   JCSkillsRPC       (Sources/RPC)   client + server runtime on SwiftNIO + TLS
//   JCSkillsPKI       (Sources/PKI)   development CA and identities
//   JCSkillsStore     (Sources/Store) SQLite / PostgreSQL store, sealing, idempotency, audit
//   JCSkillsServiceKit(Sources/ServiceKit) config, logging, metrics endpoint, lifecycle
//   Services/<Name>/Service            domain logic of one department (library)
//   Services/<Name>/Main               its thin executable
//   Sources/CLI, Sources/Load           the `jcskills` and `jcskills-load` tools

// Every module a target imports is declared here, and nothing else (scripts/check-dependencies).
func nio(_ modules: String...) -> [Target.Dependency] {
    modules.map { .product(name: $0, package: $0 == "NIOSSL" ? "swift-nio-ssl" : "swift-nio") }
}
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let lifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let sqlKit: Target.Dependency = .product(name: "SQLKit", package: "sql-kit")
let tracing: Target.Dependency = .product(name: "Tracing", package: "swift-distributed-tracing")

let services = ["Registry", "Training", "Evaluation", "Competition", "Gateway"]

var targets: [Target] = [
    .target(
        name: "JCSkillsProtocol",
        dependencies: [.product(name: "NIOCore", package: "swift-nio")],
        path: "Protocol/Sources"
    ),
    // Event loops as task executors: shared by the RPC runtime and the store (whose background
    // work runs on its callers' loop), neither of which depends on the other.
    .target(name: "JCSkillsExecutors", dependencies: nio("NIOCore", "NIOPosix"), path: "Sources/Executors"),
    .target(
        name: "JCSkillsRPC",
        dependencies: ["JCSkillsProtocol", "JCSkillsExecutors"] + nio("NIOCore", "NIOTLS", "NIOPosix", "NIOSSL") + [
            logging, lifecycle, tracing,
            .product(name: "CoreMetrics", package: "swift-metrics"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "DequeModule", package: "swift-collections"),
        ],
        path: "Sources/RPC",
        // An async function runs on its caller's executor instead of hopping to the generic one
        // and back at every call and return: 13 executor switches per unary call on the client,
        // 6 on the server before (BENCHMARKS.md, "CPU per call").
        swiftSettings: [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]
    ),
    .target(
        name: "JCSkillsPKI",
        dependencies: [
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
        ],
        path: "Sources/PKI"
    ),
    // SQLite 3.54.1, the public-domain amalgamation built here (Sources/CSQLite/README.md): the
    // one copy in the process; the store's connections are its own (Sources/Store/SQLite). Not
    // the distribution's library: Debian's 3.40.1 is built without the lookaside allocator and
    // cost the registry's reads about a tenth (BENCHMARKS.md, note 7).
    .target(
        name: "CSQLite",
        path: "Sources/CSQLite",
        exclude: ["README.md"],
        cSettings: [
            .define("SQLITE_DEFAULT_MEMSTATUS", to: "0"),
            .define("SQLITE_DQS", to: "0"),
            .define("SQLITE_THREADSAFE", to: "1"),
            .define("SQLITE_USE_URI", to: "1"),
            .define("SQLITE_MAX_VARIABLE_NUMBER", to: "250000"),
            .define("SQLITE_LIKE_DOESNT_MATCH_BLOBS"),
            .define("SQLITE_SECURE_DELETE"),
            .define("SQLITE_OMIT_DEPRECATED"),
            .define("SQLITE_OMIT_LOAD_EXTENSION"),
            .define("SQLITE_OMIT_SHARED_CACHE"),
            .define("SQLITE_OMIT_PROGRESS_CALLBACK"),
            .define("SQLITE_OMIT_TCL_VARIABLE"),
            .define("SQLITE_UNTESTABLE"),
            .define("HAVE_USLEEP", to: "1"),
            // The query planner stability guarantee: a statement's plan does not depend on the
            // values bound to it, so a cached statement is not prepared again when they change.
            // Without it SQLite re-prepared statements whose `col = ?` changed between 0/1 and
            // other values, or whose `LIMIT ?` changed: a fifth of the CPU of the city-history
            // tests, on the services' own reads. Nothing here needs value-dependent plans (no
            // partial indexes, no LIKE with a bound pattern, no STAT4).
            .define("SQLITE_ENABLE_QPSG"),
            .define("SQLITE_ENABLE_API_ARMOR", .when(configuration: .debug)),
        ],
        linkerSettings: [.linkedLibrary("m")]
    ),
    // The system's libcrypto (libssl-dev): AES-256-GCM with the key schedule kept between
    // values (Sources/Store/PersonalData/SealingContext.swift).
    .systemLibrary(name: "CLibcrypto", path: "Sources/CLibcrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .target(
        name: "JCSkillsStore",
        dependencies: [
            "JCSkillsProtocol", "JCSkillsExecutors", "CSQLite", "CLibcrypto", sqlKit, logging,
            .product(name: "PostgresKit", package: "postgres-kit"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            // The connection pools' errors are translated into the store's.
            .product(name: "AsyncKit", package: "async-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
        ] + nio("NIOCore", "NIOPosix"),
        path: "Sources/Store"
    ),
    .target(
        name: "JCSkillsServiceKit",
        dependencies: ["JCSkillsProtocol", "JCSkillsRPC", "JCSkillsStore", "JCSkillsMessages"] + nio("NIOCore", "NIOSSL", "NIOHTTP1") + [
            logging, lifecycle,
            // The HTTP ports (metrics, the gateway's dashboard): Hummingbird, with our limits.
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            // HTTPTypes' parts and fields, which Hummingbird's pipeline carries.
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Yams", package: "Yams"),
            // Spans exported over OTLP/HTTP when an endpoint is configured (Sources/ServiceKit/Tracing).
            tracing, .product(name: "OTel", package: "swift-otel"),
        ],
        path: "Sources/ServiceKit"
    ),
    // The user-facing texts in Chinese and English (Sources/Messages/Message.swift).
    .target(name: "JCSkillsMessages", path: "Sources/Messages"),
    // Deterministic, realistic demo data (CSV) for every service's import.
    // Its file errors in the user's language (Sources/Messages/Catalogue/CSVFiles.swift).
    .target(name: "JCSkillsDemoData", dependencies: ["JCSkillsProtocol", "JCSkillsMessages"], path: "Sources/DemoData"),
    .executableTarget(
        name: "jcskills",
        dependencies: ["JCSkillsProtocol", "JCSkillsRPC", "JCSkillsPKI", "JCSkillsServiceKit", "JCSkillsDemoData", "JCSkillsMessages"] + nio("NIOCore", "NIOTLS", "NIOPosix", "NIOSSL") + [
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        path: "Sources/CLI"
    ),
    .target(
        name: "JCSkillsLoad",
        // JCSkillsPKI: the competition workload issues its judges' identities.
        dependencies: ["JCSkillsProtocol", "JCSkillsRPC", "JCSkillsExecutors", "JCSkillsStore", "JCSkillsPKI", "JCSkillsMessages", sqlKit, logging] + nio("NIOCore", "NIOPosix", "NIOSSL") + [
            .product(name: "Histogram", package: "hdrhistogram-swift"),
        ],
        path: "Sources/LoadKit",
        // As in JCSkillsRPC: the callers' closures run on their task's executor without a switch
        // at each call and return (three a call before; BENCHMARKS.md, "CPU per call").
        swiftSettings: [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]
    ),
    .executableTarget(
        name: "jcskills-load",
        dependencies: ["JCSkillsLoad", "JCSkillsRPC", "JCSkillsMessages", .product(name: "ArgumentParser", package: "swift-argument-parser")],
        path: "Sources/Load"
    ),
    .target(name: "JCSkillsTestSupport", dependencies: ["JCSkillsProtocol", "JCSkillsRPC", "JCSkillsPKI", "JCSkillsStore", logging, tracing] + nio("NIOCore", "NIOPosix", "NIOSSL"), path: "Tests/Support"),
    // The catalogue's own checks: language choice, every text translated, no English left in the tools' sources.
    .testTarget(name: "MessagesTests", dependencies: ["JCSkillsMessages"], path: "Tests/MessagesTests"),
    .testTarget(name: "DomainTests", dependencies: ["JCSkillsProtocol", "JCSkillsDemoData", "JCSkillsMessages"], path: "Tests/DomainTests"),
    .testTarget(name: "ProtocolTests", dependencies: ["JCSkillsProtocol"] + nio("NIOCore"), path: "Tests/ProtocolTests"),
    .testTarget(name: "RPCTests", dependencies: ["JCSkillsProtocol", "JCSkillsRPC", "JCSkillsTestSupport", "JCSkillsPKI", "JCSkillsLoad", logging, tracing]
        + nio("NIOCore", "NIOTLS", "NIOPosix", "NIOSSL", "NIOEmbedded", "NIOConcurrencyHelpers"), path: "Tests/RPCTests"),
    // The service executables too: some load tests run against the real processes.
    .testTarget(name: "LoadTests", dependencies: ["JCSkillsProtocol", "JCSkillsRPC", "JCSkillsStore", "JCSkillsLoad", "JCSkillsMessages", "JCSkillsDemoData", "JCSkillsTestSupport", sqlKit, "jcskills-registry", "jcskills-evaluation", "jcskills-training",
                                                  "jcskills-competition", "jcskills-gateway", .product(name: "Histogram", package: "hdrhistogram-swift")], path: "Tests/LoadTests"),
    .testTarget(name: "PKITests", dependencies: ["JCSkillsPKI", "JCSkillsTestSupport", .product(name: "X509", package: "swift-certificates"),
                                                 .product(name: "SwiftASN1", package: "swift-asn1")], path: "Tests/PKITests"),
    // A child process for the crash-safety test: writes, acknowledges, and gets SIGKILLed.
    .executableTarget(name: "jcskills-store-crash-writer", dependencies: ["JCSkillsStore", sqlKit], path: "Tests/StoreCrashWriter"),
    .testTarget(name: "StoreTests", dependencies: ["JCSkillsProtocol", "JCSkillsExecutors", "JCSkillsStore", "JCSkillsTestSupport", "jcskills-store-crash-writer", sqlKit,
                                                   .product(name: "Crypto", package: "swift-crypto")] + nio("NIOCore", "NIOPosix"), path: "Tests/StoreTests"),
    // Generates Protocol/contracts.json and SPEC.md §14 from the services' routers and checks
    // the committed ones, and the previous release's contract, against the code.
    .testTarget(
        name: "ContractTests",
        dependencies: ["JCSkillsProtocol", "JCSkillsRPC", "JCSkillsStore", "JCSkillsTestSupport"] + services.map { .target(name: "\($0)Service") },
        path: "Tests/ContractTests"
    ),
    .testTarget(
        name: "ServiceTests",
        // The executables too: process-level tests start them (SIGTERM drain, metrics port, kill -9).
        dependencies: ["JCSkillsProtocol", "JCSkillsRPC", "JCSkillsPKI", "JCSkillsStore", "JCSkillsDemoData", "JCSkillsTestSupport", "JCSkillsServiceKit",
                       "jcskills-registry", "jcskills-evaluation", logging, lifecycle, tracing, sqlKit, .product(name: "Prometheus", package: "swift-prometheus")]
            + nio("NIOCore", "NIOPosix", "NIOSSL", "NIOHTTP1") + services.map { .target(name: "\($0)Service") },
        path: "Tests/ServiceTests"
    ),
]

// What each service's library uses: the shared layers its store and rules need (and the
// catalogue its refusals come from, in the caller's language), background work beside the
// server (a ServiceLifecycle service) and its log, its own extras.
let storeBacked: [Target.Dependency] = ["JCSkillsProtocol", "JCSkillsRPC", "JCSkillsStore", "JCSkillsServiceKit", "JCSkillsMessages", sqlKit]
let serviceDependencies: [String: [Target.Dependency]] = [
    "Registry": storeBacked + [logging, lifecycle],
    // Certificates are signed with the city's key (JCSkillsPKI).
    "Evaluation": storeBacked + ["JCSkillsPKI"],
    // The dashboard: its own HTTPS port, in the user's language; the indicator catalogue file is YAML.
    "Gateway": storeBacked + [logging, lifecycle, .product(name: "Yams", package: "Yams"), .product(name: "Hummingbird", package: "hummingbird"),
                                       .product(name: "HTTPTypes", package: "swift-http-types")]
        + nio("NIOCore", "NIOSSL"),
    "Training": storeBacked,
    // Promotions run beside the server (a ServiceLifecycle service) and log their retries.
    "Competition": storeBacked + [logging, lifecycle],
]

for name in services {
    targets.append(.target(
        name: "\(name)Service",
        dependencies: serviceDependencies[name]!,
        path: "Services/\(name)/Service"
    ))
    targets.append(.executableTarget(
        name: "jcskills-\(name.lowercased())",
        dependencies: [.target(name: "\(name)Service"), "JCSkillsServiceKit"],
        path: "Services/\(name)/Main"
    ))
}

let package = Package(
    name: "jcskills",
    platforms: [.macOS(.v15)],
    products: [
        // For the side-by-side benchmarks package (Benchmarks/) and for other Swift programs
        // that talk to the services.
        .library(name: "JCSkillsRPC", targets: ["JCSkillsProtocol", "JCSkillsExecutors", "JCSkillsRPC"]),
        // For the fuzzing package (Fuzz/), whose copy of the demo-data sources reports its file
        // errors through the catalogue.
        .library(name: "JCSkillsMessages", targets: ["JCSkillsMessages"]),
        .executable(name: "jcskills", targets: ["jcskills"]),
        .executable(name: "jcskills-load", targets: ["jcskills-load"]),
    ] + services.map { .executable(name: "jcskills-\($0.lowercased())", targets: ["jcskills-\($0.lowercased())"]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        // Named by the store, which imports it beside PostgresKit (its driver's and pool's types).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/async-kit", from: "1.22.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        // The HTTP ports (metrics, the dashboard), and the HTTP types and NIO handlers they carry.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // Spans on both sides of every call, and their export over OTLP/HTTP only (no gRPC).
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)

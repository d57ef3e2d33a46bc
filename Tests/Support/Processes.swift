import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// Where SwiftPM put the executables of this build (next to the test bundle).
public var productsDirectory: URL {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    while url.pathComponents.count > 1 {
        if url.pathExtension == "xctest" { return url.deletingLastPathComponent() }
        url.deleteLastPathComponent()
    }
    // Swift Testing on Linux runs the bundle itself, named *.xctest.
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
}

/// A TCP port on 127.0.0.1 that was free a moment ago, for a child process to listen on.
///
/// Taken below the kernel's ephemeral range (Linux: 32768–60999), which the kernel hands to
/// every outgoing connection and every `port: 0` listener: with the tests running in parallel,
/// a port freed there is soon someone else's, and a child given it could not listen (or a test
/// would talk to another test's server). Below it, only this function hands ports out, never
/// the same one twice in a process, starting at a place drawn from the process id so that two
/// test processes on one machine rarely meet; each one is checked free by binding it.
public func freeLoopbackPort() throws -> Int {
    for _ in 0..<PortAllocator.range.count {
        let port = PortAllocator.next()
        if let socket = try? ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: port).wait() {
            try socket.close().wait()
            return port
        }
    }
    throw POSIXError(.EADDRINUSE)
}

private enum PortAllocator {
    static let range = 20_000..<32_768
    private static let cursor = Mutex(Int(getpid()) &* 7_919)

    static func next() -> Int {
        cursor.withLock { cursor in
            cursor = (cursor + 1) % range.count
            return range.lowerBound + cursor
        }
    }
}

/// A temporary directory removed by the caller.
public func makeTemporaryDirectory(_ prefix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Starts an executable with its output in a log file.
///
/// - Parameter appending: add to the log instead of starting it afresh (a process started
///   again after a crash keeps the first one's lines).
public func launch(
    _ executable: String, _ arguments: [String], log: String, appending: Bool = false, environment: [String: String] = [:]
) throws -> Process {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent(executable)
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
    }
    if !appending || !FileManager.default.fileExists(atPath: log) {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    if appending { try handle.seekToEnd() }
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    return process
}

/// Waits (bounded) for a process to exit; returns its status, or nil if it is still running.
public func waitForExit(_ process: Process, seconds: Double) async -> Int32? {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline {
        try? await Task.sleep(for: .milliseconds(50))
    }
    return process.isRunning ? nil : process.terminationStatus
}

/// Runs a program found on PATH and waits for it, on a thread of its own; returns its exit
/// status and combined output. Off Swift's cooperative pool (as wide as the machine has cores:
/// two here), where a test waiting seconds for `initdb` or a PKI script would stall every other
/// test of a parallel run.
@discardableResult
public func run(_ arguments: [String], in directory: String? = nil) async throws -> (status: Int32, output: String) {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try runBlocking(arguments, in: directory) })
        }
    }
}

/// ``run(_:in:)`` on the calling thread: for a quick program asked from synchronous code.
///
/// Spawned and waited for directly (`posix_spawn`, `waitpid`), its output through a file: a
/// daemon the program leaves running (`pg_ctl start`) keeps what it inherited open, and
/// neither a pipe nor Foundation's `Process`, which watches a descriptor of its own for the
/// child's end, would then ever see it finish.
@discardableResult
public func runBlocking(_ arguments: [String], in directory: String? = nil) throws -> (status: Int32, output: String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("jcskills-run-\(UUID().uuidString).out").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    // `env -C DIR` runs the program in DIR.
    let argv = (["/usr/bin/env"] + (directory.map { ["-C", $0] } ?? []) + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
        guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
    // WIFEXITED / WEXITSTATUS, else 128 + the signal, as a shell reports it.
    let exit = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + status & 0x7F
    return (exit, String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self))
}

/// Whether an executable called `name` is on PATH.
public func onPath(_ name: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
}

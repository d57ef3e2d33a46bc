import Foundation
import NIOCore
import NIOPosix

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

/// A TCP port on 127.0.0.1 that was free a moment ago.
public func freeLoopbackPort() throws -> Int {
    let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .bind(host: "127.0.0.1", port: 0).wait()
    let port = channel.localAddress!.port!
    try channel.close().wait()
    return port
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
public func launch(_ executable: String, _ arguments: [String], log: String, appending: Bool = false) throws -> Process {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent(executable)
    process.arguments = arguments
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

/// Runs a program found on PATH and waits for it; returns its exit status and combined output.
///
/// The output goes through a file, not a pipe: a daemon the program leaves running (`pg_ctl
/// start`) keeps what it inherited open, and a pipe would then never reach its end.
@discardableResult
public func run(_ arguments: [String], in directory: String? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("jcskills-run-\(UUID().uuidString).out").path
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? output.close() }
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let data = FileManager.default.contents(atPath: path) ?? Data()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Whether an executable called `name` is on PATH.
public func onPath(_ name: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
}

import Foundation

/// A benchmark server in a child process: this same executable run as `serve <implementation>`.
/// Client and server then share the two cores the way two services would, rather than one
/// process's threads (as docs/ANCHORS.md measured).
final class ServerProcess {
    let process = Process()
    let port: Int
    private let stdinPipe = Pipe()

    init(implementation: String, pki: BenchPKI) throws {
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["serve", implementation, "--pki", pki.directory]
        let stdout = Pipe()
        process.standardOutput = stdout
        // The child exits when this pipe closes, so a crashed parent leaves no server behind.
        process.standardInput = stdinPipe
        try process.run()
        // The child prints its port once it listens.
        var line = Data()
        while true {
            let byte = stdout.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("port "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw BenchError("the \(implementation) server did not start (printed '\(text)')")
        }
        self.port = port
    }

    var pid: Int32 { process.processIdentifier }

    func stop() {
        try? stdinPipe.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    /// In the child: exit when the parent closes our standard input (or dies).
    static func exitWhenParentGoes() {
        Thread.detachNewThread {
            while !FileHandle.standardInput.availableData.isEmpty {}
            exit(0)
        }
    }

    /// In the child: tell the parent where we listen.
    static func announce(port: Int) {
        // Written straight to the descriptor: the parent reads it before anything is buffered.
        FileHandle.standardOutput.write(Data("port \(port)\n".utf8))
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

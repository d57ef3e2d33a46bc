import Foundation

/// Backups of a PostgreSQL store through PostgreSQL's own tools, which operators already trust:
/// `pg_dump --format=custom` (one consistent snapshot: a single repeatable-read transaction, so
/// replicas may go on writing), `pg_restore --list` to verify a dump, and
/// `pg_restore --clean --if-exists --single-transaction` to restore one.
///
/// The commands, as run (the password goes in `PGPASSWORD`, never on the command line):
///
/// ```text
/// pg_dump --format=custom --no-owner --no-privileges --verbose --file FILE --dbname URL
/// pg_restore --list FILE
/// pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error --verbose --dbname URL FILE
/// ```
///
/// A dump holds the whole database the URL names: give each service a database of its own.
public enum PostgresDump {
    /// A store URL as libpq reads it: without the password, with only the options libpq knows.
    struct Connection {
        var url: String
        var password: String?
    }

    /// Options of the store's URLs (`Sources/Store/StoreLocation.swift`) that libpq also takes.
    static let libpqOptions: Set<String> = ["sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name"]

    static func libpqConnection(_ url: String) throws -> Connection {
        guard var components = URLComponents(string: url), components.host != nil else {
            throw StoreError(.invalidConfiguration, "cannot read PostgreSQL URL \(StoreLocation.postgres(url: url))")
        }
        let password = components.password
        components.password = nil
        let items = (components.queryItems ?? []).compactMap { item -> URLQueryItem? in
            let name = item.name.lowercased() == "tlsmode" ? "sslmode" : item.name.lowercased()
            return libpqOptions.contains(name) ? URLQueryItem(name: name, value: item.value) : nil
        }
        guard PostgresURL.isUnixSocket(components) else {
            components.queryItems = items.isEmpty ? nil : items
            components.scheme = "postgresql"
            return Connection(url: components.string ?? url, password: password)
        }
        // libpq names a socket by its directory and port, as query options of a URL without a host.
        guard let (directory, port) = PostgresURL.socketDirectoryAndPort(components.path), let database = components.fragment else {
            throw StoreError(.invalidConfiguration, "cannot read PostgreSQL URL \(StoreLocation.postgres(url: url)): "
                                 + "expected postgres+uds://user@localhost/socket-directory/.s.PGSQL.port#database")
        }
        var query = URLComponents()
        query.queryItems = [URLQueryItem(name: "host", value: directory), URLQueryItem(name: "port", value: port)] + items
        let user = components.percentEncodedUser.map { $0 + "@" } ?? ""
        let name = database.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? database
        return Connection(url: "postgresql://\(user)/\(name)?\(query.percentEncodedQuery ?? "")", password: password)
    }

    /// Dumps the database at `url` into a new file `file` (mode 0600); `progress` gets each
    /// table as `pg_dump` reaches it.
    public static func dump(_ url: String, to file: String, progress: (String) -> Void = { _ in }) throws {
        let connection = try libpqConnection(url)
        try SQLiteOnlineBackup.createPrivateFile(file)
        let result = try run("pg_dump", [
            "--format=custom", "--no-owner", "--no-privileges", "--verbose", "--file", file, "--dbname", connection.url,
        ], password: connection.password) { line in
            if let table = line.range(of: "dumping contents of table ") { progress(String(line[table.upperBound...])) }
        }
        guard result.status == 0 else {
            try? FileManager.default.removeItem(atPath: file)
            throw StoreError(.unavailable, "pg_dump failed (exit \(result.status)): \(result.lastErrors)")
        }
    }

    /// The tables whose data a dump holds (`pg_restore --list`); throws when `file` is not a
    /// readable dump.
    public static func tables(in file: String) throws -> [String] {
        let result = try run("pg_restore", ["--list", file], password: nil)
        guard result.status == 0 else {
            throw StoreError(.corrupted, "\(file) is not a readable pg_dump archive: \(result.lastErrors)")
        }
        // "123; 0 16390 TABLE DATA public persons postgres"
        return result.output.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix(";"), let range = line.range(of: " TABLE DATA ") else { return nil }
            let words = line[range.upperBound...].split(separator: " ")
            return words.count >= 2 ? "\(words[0]).\(words[1])" : nil
        }
    }

    /// What is in the database at `url` now: its tables in the public schema, and the other
    /// sessions connected to it (a running service keeps a pool open).
    public static func occupancy(_ url: String) throws -> (tables: Int, otherSessions: Int) {
        let connection = try libpqConnection(url)
        let result = try run("psql", [
            "--no-psqlrc", "--tuples-only", "--no-align", "--quiet", "--dbname", connection.url, "--command",
            """
            SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public') || ' ' ||
                   (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid())
            """,
        ], password: connection.password)
        let words = result.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
        guard result.status == 0, words.count == 2 else {
            throw StoreError(.unavailable, "cannot inspect the database (psql exit \(result.status)): \(result.lastErrors)")
        }
        return (words[0], words[1])
    }

    /// Restores `file` into the database at `url` in one transaction, replacing the objects the
    /// dump holds; `progress` gets each table as its data is loaded.
    public static func restore(_ file: String, into url: String, progress: (String) -> Void = { _ in }) throws {
        let connection = try libpqConnection(url)
        let result = try run("pg_restore", [
            "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--verbose",
            "--dbname", connection.url, file,
        ], password: connection.password) { line in
            if let table = line.range(of: "processing data for table ") { progress(String(line[table.upperBound...])) }
        }
        guard result.status == 0 else {
            throw StoreError(.unavailable, "pg_restore failed (exit \(result.status)); nothing was changed: \(result.lastErrors)")
        }
    }

    struct ToolResult {
        var status: Int32
        var output: String
        var errors: [String]
        /// The last lines of standard error, for a message.
        var lastErrors: String { errors.suffix(3).joined(separator: " / ") }
    }

    /// Where PostgreSQL's client programs are: on PATH, else the newest `/usr/lib/postgresql/*/bin`
    /// (Debian keeps them there too).
    static func path(of tool: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        if let found = versions.sorted(by: { $0.compare($1, options: .numeric) == .orderedDescending })
            .map({ "/usr/lib/postgresql/\($0)/bin/\(tool)" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return found
        }
        throw StoreError(.unavailable, "\(tool) is not installed (Debian: apt-get install postgresql-client)")
    }

    /// Runs a tool to its end, its standard output kept, its standard error read line by line.
    static func run(_ tool: String, _ arguments: [String], password: String?, lines: (String) -> Void = { _ in }) throws -> ToolResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path(of: tool))
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let password { environment["PGPASSWORD"] = password }
        environment["PGCONNECT_TIMEOUT"] = environment["PGCONNECT_TIMEOUT"] ?? "10"
        process.environment = environment
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("jcskills-\(tool)-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil, attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(at: output) }
        let outputHandle = try FileHandle(forWritingTo: output)
        defer { try? outputHandle.close() }
        let errors = Pipe()
        process.standardOutput = outputHandle
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw StoreError(.unavailable, "cannot run \(tool): \(error.localizedDescription)")
        }
        var collected: [String] = []
        var pending = Data()
        while true {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                collected.append(line)
                lines(line)
            }
        }
        if !pending.isEmpty { collected.append(String(decoding: pending, as: UTF8.self)) }
        process.waitUntilExit()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        let problems = collected.filter { $0.contains("error") || $0.contains("FATAL") || $0.contains("fatal") }
        return ToolResult(status: process.terminationStatus, output: text, errors: problems.isEmpty ? collected : problems)
    }
}

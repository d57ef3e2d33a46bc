import Foundation

/// Where a service keeps its data: an SQLite file (the embedded default) or a PostgreSQL
/// database chosen by URL.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite database file. Created (mode 0600, parent directories 0700) when missing.
    case sqlite(path: String)
    /// A PostgreSQL database, e.g. `postgres://user:pass@host:5432/registry`.
    ///
    /// `?sslmode=disable|prefer|require` (also `tlsmode`) picks TLS; the default is `prefer`.
    /// Several replicas of a service may share one database.
    case postgres(url: String)

    /// Reads a location from configuration text.
    ///
    /// - `postgres://…` / `postgresql://…` → ``postgres(url:)``, over TCP
    /// - `postgres+uds://user@localhost/run/postgresql/.s.PGSQL.5432#database` →
    ///   ``postgres(url:)`` over the server's Unix socket: for a server on the same machine,
    ///   cheaper than TCP on loopback (BENCHMARKS.md note 20)
    /// - `sqlite:///absolute/path`, `sqlite:relative/path` or a plain path → ``sqlite(path:)``;
    ///   a relative path is resolved against `dataDirectory`
    /// - an SQLite URI filename (`file:/path/db.sqlite?mode=ro`) → ``sqlite(path:)`` as given
    /// - `nil` or an empty string → `<dataDirectory>/<service>.sqlite`
    ///
    /// - Throws: ``StoreError/Kind/invalidConfiguration`` for another URL scheme.
    public static func parse(_ text: String?, dataDirectory: String, service: String) throws -> StoreLocation {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            return .sqlite(path: (dataDirectory as NSString).appendingPathComponent("\(service).sqlite"))
        }
        let lower = trimmed.lowercased()
        if ["postgres://", "postgresql://", "postgres+uds://", "postgresql+uds://"].contains(where: lower.hasPrefix) {
            return .postgres(url: trimmed)
        }
        if lower.hasPrefix("file:") {
            return .sqlite(path: trimmed)
        }
        var path = trimmed
        if lower.hasPrefix("sqlite://") {
            path = String(trimmed.dropFirst("sqlite://".count))
        } else if lower.hasPrefix("sqlite:") {
            path = String(trimmed.dropFirst("sqlite:".count))
        } else if let scheme = trimmed.range(of: "://") {
            throw StoreError(.invalidConfiguration,
                             "unsupported database URL scheme \"\(trimmed[..<scheme.lowerBound])\"; "
                                 + "use postgres://…, postgres+uds://… or an SQLite file path")
        }
        if !path.hasPrefix("/") {
            path = (dataDirectory as NSString).appendingPathComponent(path)
        }
        return .sqlite(path: path)
    }

    /// The backend this location selects.
    public var dialect: StoreDialect {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    /// A form safe for logs: a PostgreSQL password is replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://(unparseable URL)" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://(unparseable URL)"
        }
    }
}

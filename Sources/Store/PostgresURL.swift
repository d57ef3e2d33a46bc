import Foundation

/// A PostgreSQL store's URL in its two spellings (``StoreLocation``): over TCP,
/// `postgres://user:password@host:port/database?options`, and over the server's Unix socket,
/// `postgres+uds://user:password@localhost/socket-directory/.s.PGSQL.port?options#database`
/// (PostgresKit's form: the socket's path in the path, the database in the fragment).
enum PostgresURL {
    static func isUnixSocket(_ components: URLComponents) -> Bool {
        components.scheme?.lowercased().hasSuffix("+uds") == true
    }

    /// The same server, user and options, naming database `name`.
    static func naming(_ components: URLComponents, database name: String) -> URLComponents {
        var named = components
        if isUnixSocket(components) { named.fragment = name } else { named.path = "/" + name }
        return named
    }

    /// The socket's directory and port, as libpq's `host` and `port` take them, from its path
    /// (`/run/postgresql/.s.PGSQL.5432` → `/run/postgresql`, `5432`); nil for another name.
    static func socketDirectoryAndPort(_ path: String) -> (directory: String, port: String)? {
        let file = (path as NSString).lastPathComponent
        let prefix = ".s.PGSQL."
        guard file.hasPrefix(prefix), let port = Int(file.dropFirst(prefix.count)), port > 0 else { return nil }
        return ((path as NSString).deletingLastPathComponent, String(port))
    }
}

/// Each service's default port (docs/DESIGN.md §7), for `--endpoint`'s default.
public enum ServicePorts {
    public static let all: [(service: String, port: Int)] = [
        ("gateway", 7100), ("registry", 7101), ("training", 7102), ("evaluation", 7103), ("competition", 7104),
    ]

    public static func port(of service: String) -> Int? {
        all.first { $0.service == service }?.port
    }

    /// `127.0.0.1:<port>` of `service`.
    public static func defaultEndpoint(_ service: String) -> String? {
        port(of: service).map { "127.0.0.1:\($0)" }
    }
}

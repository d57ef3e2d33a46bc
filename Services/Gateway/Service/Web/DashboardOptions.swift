import JCSkillsRPC

/// The dashboard's settings (`gateway: dashboard:` in the config file).
struct DashboardOptions: Decodable, Sendable {
    /// Where it listens; loopback by default, since the page is for the city office's own
    /// machines unless the city decides otherwise.
    var listen: String?
    /// A bearer token accepted instead of a client certificate (`?token=` or
    /// `Authorization: Bearer`); none by default, so only certificate holders get in.
    var token: String?
    /// `false` turns the dashboard off.
    var enabled: Bool?

    static let defaultListen = "127.0.0.1:7180"

    func endpoint() throws -> Endpoint {
        let text = listen ?? Self.defaultListen
        guard let endpoint = Endpoint(text) else { throw CatalogueError(path: "gateway.dashboard.listen", reason: "\(text) is not HOST:PORT") }
        return endpoint
    }
}

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
    /// How often the charts' dated series is rebuilt, in seconds; 0 keeps the wall-clock
    /// history only (PlanSeriesRefresher.swift).
    var seriesIntervalSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case listen, token, enabled
        case seriesIntervalSeconds = "series_interval_s"
    }

    static let defaultListen = "127.0.0.1:7180"
    /// A refresh asks the sources a few dozen dates; every five minutes keeps the charts as
    /// fresh as the plan needs at a cost the sources do not notice.
    static let defaultSeriesInterval: Duration = .seconds(300)

    /// nil when the dated series is turned off.
    var seriesInterval: Duration? {
        guard let seconds = seriesIntervalSeconds else { return Self.defaultSeriesInterval }
        return seconds > 0 ? .seconds(seconds) : nil
    }

    func endpoint() throws -> Endpoint {
        let text = listen ?? Self.defaultListen
        guard let endpoint = Endpoint(text) else { throw CatalogueError(path: "gateway.dashboard.listen", reason: "\(text) is not HOST:PORT") }
        return endpoint
    }
}

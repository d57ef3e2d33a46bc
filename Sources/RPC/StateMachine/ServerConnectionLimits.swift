import JCSkillsProtocol

/// What the server's connection machine enforces, from ``ServerConfiguration``, with times as
/// plain nanoseconds so that the machine needs no clock (tests give it the time as a value).
struct ServerConnectionLimits: Sendable {
    /// What this side advertises and enforces on what it receives (Protocol/SPEC.md §2.3).
    var settings: Settings
    var wireLimits: WireLimits
    var maximumBufferedBytesPerConnection: Int
    var idleTimeoutNanoseconds: Int64
    var requestTimeoutNanoseconds: Int64
    var callIdleTimeoutNanoseconds: Int64
    /// How the timeouts read in the messages of the calls they end.
    var requestTimeoutDescription: String
    var callIdleTimeoutDescription: String

    init(_ configuration: ServerConfiguration) {
        settings = configuration.settings
        wireLimits = configuration.wireLimits
        maximumBufferedBytesPerConnection = configuration.maximumBufferedBytesPerConnection
        idleTimeoutNanoseconds = configuration.idleTimeout.nanoseconds
        requestTimeoutNanoseconds = configuration.requestTimeout.nanoseconds
        callIdleTimeoutNanoseconds = configuration.callIdleTimeout.nanoseconds
        requestTimeoutDescription = "\(configuration.requestTimeout)"
        callIdleTimeoutDescription = "\(configuration.callIdleTimeout)"
    }

    /// How often the sweep should run: a few times per shortest timeout (Protocol/SPEC.md §8),
    /// never more often than every 50 ms.
    var sweepIntervalNanoseconds: Int64 {
        max(min(idleTimeoutNanoseconds, requestTimeoutNanoseconds, callIdleTimeoutNanoseconds) / 4, 50_000_000)
    }
}

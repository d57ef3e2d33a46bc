/// The gateway's contract (docs/DESIGN.md §6): the city's indicators against the plan,
/// computed from the departments' aggregates. Nothing it serves is personal data.
public enum GatewayService {
    public static let name = "jcskills.gateway.Gateway"

    /// Every indicator for the city or one county (or every county), for a year or as of a date.
    /// Always answers within the caller's deadline: a source that does not answer in time makes
    /// its indicators `unavailable` rather than failing the call.
    public static let totals = Method<TotalsRequest, Totals>(service: name, name: "Totals", kind: .unary, isIdempotent: true)
    /// A new set of totals whenever a value changes, and at least every `heartbeatSeconds`.
    public static let watch = Method<WatchRequest, Totals>(service: name, name: "Watch", kind: .serverStreaming, isIdempotent: true)
}

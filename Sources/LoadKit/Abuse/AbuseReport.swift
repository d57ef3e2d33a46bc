import Foundation
import Synchronization

/// What the server did to one kind of abuser during a run.
public struct AbuseKindReport: Codable, Sendable, Hashable {
    public var kind: AbuseKind
    /// Abusive connections asked for of this kind.
    public var connections: Int
    /// Connections that got as far as the server's SETTINGS.
    public var established = 0
    /// Connection attempts the server refused: closed (or not answered) before its SETTINGS,
    /// e.g. past its connection limit.
    public var refused = 0
    /// Established connections the server closed while the abuser still ran.
    public var closedByServer = 0
    /// Those closures by the GOAWAY that came before them (`"OK idle"`, `"INTERNAL …"`), or
    /// `"no GOAWAY"`; an abuser that stops reading sees none.
    public var closures: [String: Int] = [:]
    /// Calls the server ended on the abusers' streams, by status (RESOURCE_EXHAUSTED for a
    /// budget, DEADLINE_EXCEEDED for a timeout…).
    public var callsEnded: [String: Int] = [:]
    /// Bytes the abusers handed to their sockets and saw written.
    public var bytesSent = 0

    public init(kind: AbuseKind, connections: Int) {
        self.kind = kind
        self.connections = connections
    }
}

/// The outcome of `jcskills-load abuse`: per kind, what the server refused, closed and ended.
public struct AbuseReport: Codable, Sendable, Hashable {
    public var endpoint: String
    public var seconds: Double
    public var kinds: [AbuseKindReport]

    public func table() -> String {
        var lines = ["abuse        \(kinds.reduce(0) { $0 + $1.connections }) connection(s) against \(endpoint) for \(Format.fixed(seconds, 1)) s"]
        lines.append("kind".rightPadded(15) + "conns".leftPadded(6) + "estab.".leftPadded(8) + "refused".leftPadded(9)
            + "closed".leftPadded(8) + "MiB sent".leftPadded(10) + "   calls ended by the server / closures")
        for kind in kinds {
            let ended = kind.callsEnded.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }
            let closed = kind.closures.sorted(by: { $0.key < $1.key }).map { "closed: \($0.key) \($0.value)" }
            let detail = (ended + closed).joined(separator: ", ")
            lines.append(kind.kind.rawValue.rightPadded(15) + "\(kind.connections)".leftPadded(6) + "\(kind.established)".leftPadded(8)
                + "\(kind.refused)".leftPadded(9) + "\(kind.closedByServer)".leftPadded(8)
                + Format.fixed(Double(kind.bytesSent) / 1_048_576, 1).leftPadded(10) + "   " + (detail.isEmpty ? "–" : detail))
        }
        return lines.joined(separator: "\n")
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// The counts of a run in progress, shared by the abusers.
final class AbuseTally: Sendable {
    private let reports: Mutex<[AbuseKind: AbuseKindReport]>
    private let open = Atomic<Int>(0)

    init(connections: [AbuseKind: Int]) {
        reports = Mutex(Dictionary(uniqueKeysWithValues: connections.map { ($0.key, AbuseKindReport(kind: $0.key, connections: $0.value)) }))
    }

    func update(_ kind: AbuseKind, _ change: (inout AbuseKindReport) -> Void) {
        reports.withLock { change(&$0[kind]!) }
    }

    /// Counts connections up (1) and down (-1).
    func opened(_ change: Int) { open.add(change, ordering: .relaxed) }

    var snapshot: [AbuseKindReport] { reports.withLock { $0.values.sorted { $0.kind < $1.kind } } }

    /// E.g. `  12.0 s  100 up  0 refused  3 closed  RESOURCE_EXHAUSTED 41  DEADLINE_EXCEEDED 20`.
    func progressLine(seconds: Double) -> String {
        let open = self.open.load(ordering: .relaxed)
        let kinds = snapshot
        var ended: [String: Int] = [:]
        for kind in kinds { ended.merge(kind.callsEnded, uniquingKeysWith: +) }
        let endedText = ended.sorted(by: { $0.key < $1.key }).map { "  \($0.key) \($0.value)" }.joined()
        return "\(Format.fixed(seconds, 1).leftPadded(6)) s  \(open) up  \(kinds.reduce(0) { $0 + $1.refused }) refused  "
            + "\(kinds.reduce(0) { $0 + $1.closedByServer }) closed  \(Format.fixed(Double(kinds.reduce(0) { $0 + $1.bytesSent }) / 1_048_576, 0)) MiB sent\(endedText)"
    }
}

import Foundation
import JCSkillsMessages
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

    public func table(in language: Language = .current) -> String {
        let words = Messages.Load.abuseColumns.map { $0.text(in: language) }
        var lines = [Messages.Load.abuseTitle(connections: kinds.reduce(0) { $0 + $1.connections }, endpoint: endpoint, seconds: Format.fixed(seconds, 1)).text(in: language)]
        lines.append(TextWidth.padded(words[0], to: 15) + TextWidth.leftPadded(words[1], to: 6) + TextWidth.leftPadded(words[2], to: 8)
            + TextWidth.leftPadded(words[3], to: 9) + TextWidth.leftPadded(words[4], to: 8) + TextWidth.leftPadded(words[5], to: 10) + words[6])
        for kind in kinds {
            let ended = kind.callsEnded.sorted(by: { $0.key < $1.key }).map { "\($0.key) \($0.value)" }
            let closed = kind.closures.sorted(by: { $0.key < $1.key }).map { "\(Messages.Load.closedPrefix.text(in: language))\($0.key) \($0.value)" }
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
        return Messages.Load.abuseProgress(seconds: Format.fixed(seconds, 1).leftPadded(6), up: open, refused: kinds.reduce(0) { $0 + $1.refused },
                                           closed: kinds.reduce(0) { $0 + $1.closedByServer },
                                           mib: Format.fixed(Double(kinds.reduce(0) { $0 + $1.bytesSent }) / 1_048_576, 0), ended: endedText).text()
    }
}

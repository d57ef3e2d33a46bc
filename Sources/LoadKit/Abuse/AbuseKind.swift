import Foundation
import JCSkillsMessages
import JCSkillsProtocol

/// What one abusive connection does to the server (SPEC.md §8 names the limit that stops each).
public enum AbuseKind: String, CaseIterable, Sendable, Codable, Comparable {
    /// Opens `jcskills.Echo/Expand` calls for huge counts and large payloads, then never reads:
    /// the outbound high watermark and the peer's windows must bound what the server queues.
    case slowReader = "slow-reader"
    /// PINGs, batch after batch, never reading the acks: the server must stop reading.
    case pingFlood = "ping-flood"
    /// A MESSAGE frame header announcing 60 KiB, then its payload a few bytes per write, never
    /// completed: every read ends mid-frame; the frame parser must not grow.
    case partialFrame = "partial-frame"
    /// Client-streaming calls, up to the stream limit, fed MORE fragments forever: the
    /// unfinished-message budgets (per connection and server-wide) must hold.
    case unfinished
    /// HEADERS with no deadline and nothing else, up to the stream limit: the request timeout
    /// and the call-idle timeout must end them.
    case idleStream = "idle-stream"

    public static func < (lhs: AbuseKind, rhs: AbuseKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses `slow-reader,ping-flood,…` (`all` for every kind); nil names the unknown word.
    public static func list(_ text: String) -> Result<[AbuseKind], UnknownKind> {
        var kinds: [AbuseKind] = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            if word == "all" {
                kinds += allCases
            } else if let kind = AbuseKind(rawValue: word) {
                kinds.append(kind)
            } else {
                return .failure(UnknownKind(word: word))
            }
        }
        return kinds.isEmpty ? .failure(UnknownKind(word: text)) : .success(kinds)
    }

    public struct UnknownKind: Error, CustomStringConvertible {
        public let word: String
        public var description: String {
            Messages.Load.unknownAbuseKind(word, known: AbuseKind.allCases.map(\.rawValue).joined(separator: ", ") + ", all").text()
        }
    }
}

/// How hard each kind pushes. The defaults are the soak's (BENCHMARKS.md, "Soak").
public struct AbuseSettings: Sendable, Hashable {
    /// Slow reader: responses asked for per call (`count` of Expand).
    public var expandCount: UInt32 = 1_000_000
    /// Slow reader: payload bytes of the request, so of every response.
    public var expandPayloadBytes = 1 << 20
    /// Slow reader: the flow-control window it advertises for responses (its SETTINGS).
    public var slowReaderWindow: UInt32 = Settings.defaultInitialWindowSize
    /// Ping flood: PINGs per write, and the pause between writes (none: as fast as the socket takes them).
    public var pingsPerWrite = 3_641
    public var pingInterval: Duration = .zero
    /// Partial frame: the length the MESSAGE header announces.
    public var partialFrameBytes = 60 << 10
    /// Partial frame: payload bytes per write, and the pause between writes.
    public var trickleBytes = 16
    public var trickleInterval: Duration = .milliseconds(10)
    /// Unfinished: bytes per fragment, and the pause after each fragment.
    public var fragmentBytes = 16 << 10
    public var fragmentInterval: Duration = .milliseconds(10)
    /// How long to wait before reconnecting an abuser the server closed or refused.
    public var reconnectDelay: Duration = .milliseconds(250)

    public init() {}
}

import JCSkillsProtocol
import Synchronization

/// Request ids for calls that come or go without one (SPEC.md §7: 16 lower-case hex digits).
///
/// Not `UInt64.random(in:)` per id: on Linux that is a `getrandom` system call for every call,
/// which the echo benchmark's profile put at about 3 % of the client's CPU, and the padding
/// built three temporary strings. The process draws one random seed; each id is the next
/// counter value through SplitMix64's mixer, a bijection, so ids never repeat within a process
/// and look random across processes. They correlate logs and audit rows; they are not secrets.
enum RequestIDs {
    private static let seed = UInt64.random(in: .min ... .max)
    private static let counter = Atomic<UInt64>(0)

    static func next() -> String { UsualCallHeaders.text(nextNumber()) }

    /// The next id as the number its 16 digits spell (``RequestIDValue/number(_:)``).
    static func nextNumber() -> UInt64 {
        let step = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        var mixed = seed &+ step &* 0x9E37_79B9_7F4A_7C15
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// The longest request id a caller may give; SPEC.md §6.3.
    static let maximumLength = 128

    /// The caller's request id if it is one a log line and an audit row can carry as it is
    /// (at most 128 printable ASCII characters), else nil so that the server makes its own:
    /// a 15 KB id once went into every log line and audit row of every refused call.
    static func accepted(_ given: String?) -> String? {
        guard let given, given.utf8.count <= maximumLength,
              given.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        return given
    }
}

/// A call's request id. Most are 16 lower-case hex digits — every id this runtime makes, and
/// what its clients send — kept as the number they spell and written out only when read (a
/// log line, an audit row, an error to quote): as text it was an allocation a call on each side
/// (BENCHMARKS.md, "CPU per call").
enum RequestIDValue: Sendable, Hashable {
    case number(UInt64)
    case text(String)

    var text: String {
        switch self {
        case .number(let value): UsualCallHeaders.text(value)
        case .text(let text): text
        }
    }
}

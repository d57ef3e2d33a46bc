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

    static func next() -> String {
        let step = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        var mixed = seed &+ step &* 0x9E37_79B9_7F4A_7C15
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return hex(mixed ^ (mixed >> 31))
    }

    /// Sixteen lower-case hex digits, most significant first, written straight into the string.
    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
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

import JCSkillsProtocol
import NIOCore

/// Compares the client's first bytes with the preface as they arrive, in any split
/// (Protocol/SPEC.md §2.2), so that a peer not speaking the protocol is recognised before
/// anything it sent is read as a frame.
struct PrefaceMatcher {
    private(set) var matched = 0

    var isComplete: Bool { matched == ConnectionPreface.bytes.count }

    /// Consumes preface bytes from the front of `bytes`; false at the first byte that differs.
    mutating func consume(_ bytes: inout ByteBuffer) -> Bool {
        let expected = ConnectionPreface.bytes
        while matched < expected.count, let byte = bytes.readInteger(as: UInt8.self) {
            guard byte == expected[matched] else { return false }
            matched += 1
        }
        return true
    }
}

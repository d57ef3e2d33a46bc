import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Testing

/// `PrefaceMatcher`: the client's first bytes checked against the preface as they arrive, in
/// any split (Protocol/SPEC.md §2.2).
@Suite("Preface matcher (SPEC.md §2.2)", .timeLimit(.minutes(1)))
struct PrefaceMatcherTests {
    let preface = ConnectionPreface.bytes

    /// The preface split in two at every position is recognised, and only when its last byte
    /// has arrived.
    @Test func thePrefaceInAnyTwoPiecesIsRecognised() {
        for split in 0...preface.count {
            var matcher = PrefaceMatcher()
            var head = ByteBuffer(bytes: preface[..<split])
            let tookHead = matcher.consume(&head)
            #expect(tookHead)
            #expect(matcher.isComplete == (split == preface.count), "after \(split) bytes")
            var tail = ByteBuffer(bytes: preface[split...])
            let tookTail = matcher.consume(&tail)
            #expect(tookTail)
            #expect(matcher.isComplete)
        }
    }

    /// One byte per read, as a slow peer may send it.
    @Test func thePrefaceByteByByteIsRecognised() {
        var matcher = PrefaceMatcher()
        for (index, byte) in preface.enumerated() {
            #expect(!matcher.isComplete)
            var one = ByteBuffer(bytes: [byte])
            let tookOne = matcher.consume(&one)
            #expect(tookOne)
            #expect(matcher.matched == index + 1)
        }
        #expect(matcher.isComplete)
    }

    /// A wrong byte at any position is found at that byte, before anything after it is read.
    @Test func aWrongByteIsFoundWhereItIs() {
        for position in 0..<preface.count {
            var bytes = preface
            bytes[position] ^= 0x20
            var matcher = PrefaceMatcher()
            var buffer = ByteBuffer(bytes: bytes)
            let tookBuffer = matcher.consume(&buffer)
            #expect(!tookBuffer, "byte \(position)")
            #expect(matcher.matched == position)
            #expect(!matcher.isComplete)
            #expect(buffer.readableBytes == preface.count - position - 1, "nothing read past the wrong byte")
        }
    }

    /// What follows the preface in the same read — the client's SETTINGS — is left unread for
    /// the frame parser; an empty read changes nothing.
    @Test func bytesAfterThePrefaceAreLeftForTheFrameParser() {
        var matcher = PrefaceMatcher()
        var empty = ByteBuffer()
        let tookEmpty = matcher.consume(&empty)
        #expect(tookEmpty)
        #expect(matcher.matched == 0)
        var read = ByteBuffer(bytes: preface + [0xAA, 0xBB, 0xCC])
        let tookRead = matcher.consume(&read)
        #expect(tookRead)
        #expect(matcher.isComplete)
        #expect(Array(read.readableBytesView) == [0xAA, 0xBB, 0xCC])
        let tookMore = matcher.consume(&read)
        #expect(tookMore, "a complete matcher takes nothing more")
        #expect(read.readableBytes == 3)
    }
}

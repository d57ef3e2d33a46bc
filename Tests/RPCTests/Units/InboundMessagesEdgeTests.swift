import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore
import Synchronization
import Testing

/// `InboundMessages` at its edges (Protocol/SPEC.md §9 returning credit, §6.2 the end of a
/// stream): fragment credit held back behind unread messages, a second end, a reader cancelled
/// while it waits, a decoder that fails, and deliveries racing a reader.
@Suite("Inbound messages at their edges (SPEC.md §6.2, §9)", .timeLimit(.minutes(1)))
struct InboundMessagesEdgeTests {
    /// The credit an `InboundMessages` gives back, in order.
    final class Grants: Sendable {
        private let grants = Mutex<[Int]>([])
        func record(_ credit: Int) { grants.withLock { $0.append(credit) } }
        var all: [Int] { grants.withLock { $0 } }
        var total: Int { all.reduce(0, +) }
    }

    private func inbound(_ grants: Grants) -> InboundMessages {
        InboundMessages { grants.record($0) }
    }

    /// §9: while whole messages wait unread, a fragment's credit is held back, and goes back
    /// with the last of them when the application takes it; with nothing unread it goes back
    /// at once (else a message larger than the window could never arrive).
    @Test func fragmentCreditIsHeldBehindUnreadMessages() async throws {
        let grants = Grants()
        let messages = inbound(grants)
        messages.fragmentArrived(credit: 3)
        #expect(grants.all == [3], "nothing unread: at once")
        messages.deliver(ByteBuffer(bytes: [1]), credit: 10)
        messages.deliver(ByteBuffer(bytes: [2]), credit: 20)
        messages.fragmentArrived(credit: 5)
        messages.fragmentArrived(credit: 7)
        #expect(grants.all == [3], "held while messages wait")
        #expect(try await messages.next() == ByteBuffer(bytes: [1]))
        #expect(grants.all == [3, 10], "one still unread: still held")
        #expect(try await messages.next() == ByteBuffer(bytes: [2]))
        #expect(grants.all == [3, 10, 20 + 5 + 7])
        messages.fragmentArrived(credit: 4)
        #expect(grants.all == [3, 10, 32, 4])
    }

    /// §6.2: the first end is the end. A clean end after a failure does not revive the stream,
    /// and a failure after a clean end does not take the buffered messages away.
    @Test func theFirstEndWins() async throws {
        let failed = inbound(Grants())
        failed.finish(RPCError(.deadlineExceeded, "late"))
        failed.finish()
        for _ in 0..<2 {
            await #expect(throws: RPCError(.deadlineExceeded, "late")) { _ = try await failed.next() }
        }

        let clean = inbound(Grants())
        clean.deliver(ByteBuffer(bytes: [1]), credit: 1)
        clean.finish()
        clean.finish(RPCError(.cancelled, "too late to matter"))
        #expect(try await clean.next() == ByteBuffer(bytes: [1]))
        #expect(try await clean.next() == nil)
    }

    /// A reader cancelled while it waits gets CANCELLED, and the stream loses nothing: a
    /// message that arrives afterwards waits for the next reader, credit and all.
    @Test func aCancelledReaderLosesNothing() async throws {
        let grants = Grants()
        let messages = inbound(grants)
        let reader = Task { try await messages.next() }
        reader.cancel()
        do {
            _ = try await reader.value
            Issue.record("a cancelled reader got a message")
        } catch let error as RPCError {
            #expect(error.code == .cancelled)
        }
        messages.deliver(ByteBuffer(bytes: [7]), credit: 9)
        #expect(grants.all.isEmpty, "not taken yet")
        #expect(try await messages.next() == ByteBuffer(bytes: [7]))
        #expect(grants.all == [9])
    }

    /// A reader whose task was cancelled before it asked still gets what is already buffered:
    /// cancellation stops waiting, not reading.
    @Test func aCancelledTaskStillReadsWhatIsBuffered() async throws {
        let messages = inbound(Grants())
        messages.deliver(ByteBuffer(bytes: [1]), credit: 1)
        let reader = Task { () -> (ByteBuffer?, RPCError?) in
            withUnsafeCurrentTask { $0?.cancel() }
            let first = try await messages.next()
            do {
                _ = try await messages.next()
                return (first, nil)
            } catch let error as RPCError {
                return (first, error)
            }
        }
        let (first, then) = try await reader.value
        #expect(first == ByteBuffer(bytes: [1]))
        #expect(then?.code == .cancelled, "with nothing buffered, the cancelled task does not wait")
    }

    /// §8: a streamed message that does not decode ends the reader with the side's code —
    /// INVALID_ARGUMENT for a request at a server, INTERNAL for a response at a client.
    @Test(arguments: [StatusCode.invalidArgument, .internal])
    func anUndecodableMessageFailsWithTheSidesCode(_ code: StatusCode) async throws {
        let messages = inbound(Grants())
        // A field tag whose varint never ends: no message decodes from it.
        messages.deliver(ByteBuffer(bytes: [0xFF]), credit: 1)
        let stream = MessageStream<EchoMessage>(inbound: messages, limits: .standard, decodeFailure: code)
        var iterator = stream.makeAsyncIterator()
        do {
            _ = try await iterator.next()
            Issue.record("a message decoded from one byte 0xFF")
        } catch let error as RPCError {
            #expect(error.code == code)
            #expect(error.message.contains("could not be decoded"))
        }
    }

    /// Deliveries from the connection's thread race a reader on another: every message arrives
    /// once, in order, and the credit given back adds up to what was delivered.
    @Test func deliveriesRacingAReaderKeepOrderAndCredit() async throws {
        let grants = Grants()
        let messages = inbound(grants)
        let count = 2_000
        let producer = Task.detached {
            for index in 0..<count {
                messages.deliver(ByteBuffer(integer: UInt32(index)), credit: index % 7 + 1)
                if index % 5 == 0 { messages.fragmentArrived(credit: 1) }
            }
            messages.finish()
        }
        var received: [UInt32] = []
        while let message = try await messages.next() {
            received.append(message.getInteger(at: message.readerIndex, as: UInt32.self)!)
        }
        await producer.value
        #expect(received == (0..<UInt32(count)).map { $0 })
        let delivered = (0..<count).reduce(0) { $0 + $1 % 7 + 1 } + (count + 4) / 5
        #expect(grants.total == delivered)
    }
}

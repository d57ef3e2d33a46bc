import JCSkillsProtocol
import NIOCore
import Testing

@Suite("Frame parser (SPEC.md §3)")
struct FrameParserTests {
    struct Parsed: Equatable {
        var type: UInt8
        var flags: UInt8
        var stream: UInt32
        var payload: [UInt8]
        init(_ frame: Frame) {
            type = frame.type.rawValue
            flags = frame.flags.rawValue
            stream = frame.streamID
            payload = Array(frame.payload.readableBytesView)
        }
        init(type: UInt8, flags: UInt8, stream: UInt32, payload: [UInt8]) {
            self.type = type
            self.flags = flags
            self.stream = stream
            self.payload = payload
        }
    }

    /// A stream of random frames (valid ones) plus what a parser must yield for it.
    static func randomFrames(_ random: inout RandomValues, count: Int, maximumPayload: Int) -> (ByteBuffer, [Parsed]) {
        var buffer = ByteBuffer()
        var expected: [Parsed] = []
        for _ in 0..<count {
            let type = UInt8(random.int(0...10))
            let flags = UInt8(random.int(0...3))
            let stream = random.chance(30) ? 0 : random.uint32()
            let payload: [UInt8]
            switch random.int(0...5) {
            case 0: payload = []
            case 1: payload = Array(ByteBuffer.encoding(CallHeaders(method: random.string(), timeoutMicroseconds: random.uint64())).readableBytesView)
            default: payload = (0..<random.int(0...maximumPayload)).map { _ in UInt8.random(in: 0...255, using: &random.generator) }
            }
            buffer.writeFrame(FrameType(rawValue: type), flags: FrameFlags(rawValue: flags), stream: stream, payload: ByteBuffer(bytes: payload))
            expected.append(Parsed(type: type, flags: flags, stream: stream, payload: payload))
        }
        return (buffer, expected)
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func splitAnywhereDelivery(seed: UInt64) throws {
        var random = RandomValues(seed: seed)
        for round in 0..<40 {
            let (stream, expected) = Self.randomFrames(&random, count: 30, maximumPayload: 300)
            var parser = FrameParser(maximumFrameSize: 1 << 16)
            var output: [Parsed] = []
            var remaining = stream
            while remaining.readableBytes > 0 {
                let size = random.chance(10) ? random.int(1...2000) : random.int(1...17)
                let chunk = remaining.readSlice(length: min(size, remaining.readableBytes))!
                parser.append(chunk)
                while let frame = try parser.next() { output.append(Parsed(frame)) }
            }
            #expect(output == expected, "seed \(seed) round \(round)")
            #expect(parser.bufferedBytes == 0)
        }
    }

    @Test func byteByByteDelivery() throws {
        var random = RandomValues(seed: 21)
        let (stream, expected) = Self.randomFrames(&random, count: 50, maximumPayload: 64)
        var parser = FrameParser(maximumFrameSize: 1024)
        var output: [Parsed] = []
        for byte in stream.readableBytesView {
            parser.append(ByteBuffer(bytes: [byte]))
            while let frame = try parser.next() { output.append(Parsed(frame)) }
            #expect(parser.bufferedBytes < FrameHeader.size + 1024)
        }
        #expect(output == expected)
    }

    /// Frames stay valid after the parser moves on: payloads are independent of later input.
    @Test func payloadsOutliveTheParserBuffer() throws {
        var parser = FrameParser(maximumFrameSize: 100)
        var first = ByteBuffer()
        first.writeFrame(.ping, stream: 0, payload: ByteBuffer(bytes: [1, 2, 3, 4, 5, 6, 7, 8]))
        first.writeBytes([0, 0, 0])  // part of the next header
        parser.append(first)
        let ping = try #require(try parser.next())
        #expect(try parser.next() == nil)
        #expect(parser.bufferedBytes == 3)
        var rest = ByteBuffer()
        rest.writeBytes([2, 2, 1, 0, 0, 0, 1, 0xAA, 0xBB])
        parser.append(rest)
        let message = try #require(try parser.next())
        #expect(Parsed(message) == Parsed(type: 2, flags: 1, stream: 1, payload: [0xAA, 0xBB]))
        #expect(Array(ping.payload.readableBytesView) == [1, 2, 3, 4, 5, 6, 7, 8])
    }

    /// A peer whose every read ends mid-frame once made the parser keep everything the
    /// connection ever sent (the buffer never emptied, so parsed bytes were never dropped),
    /// until a 32-bit index overflowed at 4 GiB and the server trapped. What it keeps must
    /// stay bounded by one frame and one read, however long the connection lasts.
    @Test func memoryStaysBoundedWhenEveryReadEndsMidFrame() throws {
        let frameLimit = 16_384
        var parser = FrameParser(maximumFrameSize: UInt32(frameLimit))
        var frame = ByteBuffer()
        frame.writeFrame(.message, stream: 1, payload: ByteBuffer(bytes: [UInt8](repeating: 0x5A, count: 3_001)))
        let frameBytes = Array(frame.readableBytesView)
        var pending = [UInt8]()
        var sent = 0
        var parsed = 0
        var largestRetained = 0
        // 3,011-byte frames and 30,001-byte reads (coprime): the first boundary they share lies
        // beyond 64 MiB.
        let readSize = 30_001
        while sent < 64 << 20 {
            while pending.count < readSize + frameBytes.count { pending += frameBytes }
            let read = ByteBuffer(bytes: pending[..<readSize])
            pending.removeFirst(readSize)
            sent += readSize
            parser.append(read)
            while let frame = try parser.next() {
                parsed += frame.payload.readableBytes
            }
            #expect(parser.bufferedBytes > 0)  // the premise: no read ends on a frame boundary
            largestRetained = max(largestRetained, parser.retainedBytes)
        }
        #expect(parsed > 60 << 20)
        #expect(largestRetained <= 4 * (frameLimit + FrameHeader.size + readSize), "kept \(largestRetained) bytes after 64 MiB")
    }

    @Test func frameAtTheLimitIsAccepted() throws {
        var parser = FrameParser(maximumFrameSize: 16_384)
        var buffer = ByteBuffer()
        buffer.writeFrame(.message, stream: 1, payload: ByteBuffer(bytes: [UInt8](repeating: 7, count: 16_384)))
        parser.append(buffer)
        let frame = try #require(try parser.next())
        #expect(frame.payload.readableBytes == 16_384)
    }

    @Test func frameOverTheLimitIsRejectedFromItsHeaderAlone() throws {
        for announced: UInt32 in [16_385, 1 << 20, .max] {
            var parser = FrameParser(maximumFrameSize: 16_384)
            var header = ByteBuffer()
            header.writeFrameHeader(FrameHeader(length: announced, type: .message, streamID: 1))
            // Nine bytes: not yet a header, no decision.
            parser.append(header.getSlice(at: 0, length: 9)!)
            #expect(try parser.next() == nil)
            // The tenth byte completes the header: rejected now, before any payload arrives.
            parser.append(header.getSlice(at: 9, length: 1)!)
            #expect(throws: FrameError.frameTooLarge(length: announced, limit: 16_384)) { try parser.next() }
            #expect(parser.bufferedBytes == FrameHeader.size)
            #expect(FrameError.frameTooLarge(length: announced, limit: 16_384).statusCode == .resourceExhausted)
        }
        // After frames that fit, in the same read.
        var parser = FrameParser(maximumFrameSize: 10)
        var buffer = ByteBuffer()
        buffer.writeFrame(.ping, stream: 0, payload: ByteBuffer(bytes: [UInt8](repeating: 0, count: 8)))
        buffer.writeFrameHeader(FrameHeader(length: 11, type: .message, streamID: 1))
        parser.append(buffer)
        #expect(try parser.next()?.type == .ping)
        #expect(throws: FrameError.frameTooLarge(length: 11, limit: 10)) { try parser.next() }
    }

    @Test func headerLayout() {
        var buffer = ByteBuffer()
        buffer.writeFrameHeader(FrameHeader(length: 0x0102_0304, type: .goAway, flags: FrameFlags(rawValue: 0xA5), streamID: 0x0506_0708))
        #expect(Array(buffer.readableBytesView) == [1, 2, 3, 4, 6, 0xA5, 5, 6, 7, 8])
        #expect(FrameHeader.size == 10)
        let types: [(FrameType, UInt8, String)] = [
            (.settings, 0, "SETTINGS"), (.headers, 1, "HEADERS"), (.message, 2, "MESSAGE"), (.trailers, 3, "TRAILERS"),
            (.cancel, 4, "CANCEL"), (.ping, 5, "PING"), (.goAway, 6, "GOAWAY"), (.windowUpdate, 7, "WINDOW_UPDATE"),
            (.endStream, 8, "END_STREAM"),
        ]
        for (type, raw, name) in types {
            #expect(type.rawValue == raw && type.description == name)
        }
        #expect(FrameType(rawValue: 9).description == "UNKNOWN(0x9)")
    }

    /// Random bytes, and random bytes shaped like frames: the parser never crashes, never
    /// yields a frame over its limit, and every payload it yields can be fed to every
    /// control-payload decoder without a crash.
    @Test func fuzzNeverCrashes() {
        var random = RandomValues(seed: 4242)
        let clock = ContinuousClock()
        let start = clock.now
        var iterations = 0
        var frames = 0
        var rejections = 0
        var parser = FrameParser(maximumFrameSize: 512)
        while iterations < 40_000, clock.now - start < .seconds(4) {
            iterations += 1
            var chunk = ByteBuffer()
            if random.chance(40) {
                // A plausible header with a small length, then random bytes.
                let length = random.chance(90) ? UInt32(random.int(0...64)) : random.uint32()
                chunk.writeFrameHeader(FrameHeader(
                    length: length, type: FrameType(rawValue: UInt8(random.int(0...9))),
                    flags: FrameFlags(rawValue: UInt8(random.int(0...255))), streamID: random.uint32()))
            }
            chunk.writeBytes((0..<random.int(0...48)).map { _ in UInt8.random(in: 0...255, using: &random.generator) })
            parser.append(chunk)
            do {
                while let frame = try parser.next() {
                    frames += 1
                    #expect(frame.payload.readableBytes <= 512)
                    Self.decodeAsEverything(frame.payload)
                }
            } catch {
                rejections += 1
                parser = FrameParser(maximumFrameSize: 512)  // a receiver closes the connection
            }
        }
        #expect(frames > 1000)
        #expect(rejections > 100)
    }

    static func decodeAsEverything(_ payload: ByteBuffer) {
        _ = try? Settings(buffer: payload).normalized
        _ = try? CallHeaders(buffer: payload)
        _ = try? Trailers(buffer: payload)
        _ = try? CancelReason(buffer: payload)
        _ = try? GoAway(buffer: payload)
        _ = try? HealthCheckRequest(buffer: payload)
        _ = try? HealthCheckResponse(buffer: payload)
        _ = try? EchoMessage(buffer: payload)
        _ = try? RegistrationRecord(buffer: payload)
        _ = payload.getInteger(at: payload.readerIndex, as: UInt32.self)
    }

    /// Valid control frames with their payload bytes mutated still decode or fail cleanly.
    @Test func mutatedControlPayloads() {
        var random = RandomValues(seed: 7)
        let payloads: [[UInt8]] = [
            Settings().wireBytes(),
            CallHeaders(method: HealthService.check.path, timeoutMicroseconds: 1_000_000,
                        metadata: [MetadataEntry("request-id", "abc"), MetadataEntry("idempotency-key", "k")]).wireBytes(),
            Trailers(code: .permissionDenied, message: "jcskills://county/140524 may not call it").wireBytes(),
            GoAway(lastStreamID: 99, code: .ok, message: "bye").wireBytes(),
            CancelReason(code: .deadlineExceeded, message: "late").wireBytes(),
        ]
        for _ in 0..<10_000 {
            var bytes = payloads.randomElement(using: &random.generator)!
            for _ in 0..<random.int(1...3) where !bytes.isEmpty {
                bytes[random.int(0...bytes.count - 1)] = UInt8.random(in: 0...255, using: &random.generator)
            }
            if random.chance(20), !bytes.isEmpty { bytes.removeLast(random.int(1...bytes.count)) }
            Self.decodeAsEverything(ByteBuffer(bytes: bytes))
        }
    }
}

import JCSkillsProtocol
import NIOCore
import Testing

@Suite("Randomized round trips")
struct RoundTripTests {
    /// Strings and bytes of every length from 0 to 80 bytes, each byte distinct, against an
    /// independent encoding: the writer copies short values word by word (WireWriter.swift),
    /// with a different path below 8, from 8 to 32 and above 32 bytes.
    @Test func stringsAndBytesOfEveryLength() throws {
        for length in 0...80 {
            let utf8 = (0..<length).map { UInt8(0x21 + $0 % 90) }
            var value = Scalars()
            value.text = String(decoding: utf8, as: UTF8.self)
            value.blob = WireBytes(utf8.reversed())
            var expected: [UInt8] = []
            if length > 0 {
                let prefix = WireScan.encodeVarint(UInt64(length))
                expected += [0x42] + prefix + utf8
                expected += [0x4A] + prefix + Array(utf8.reversed())
            }
            #expect(value.wireBytes() == expected, "length \(length)")
            #expect(Array(ByteBuffer.encoding(value).readableBytesView) == expected, "length \(length)")
            #expect(try Scalars(wireBytes: expected) == value, "length \(length)")
        }
    }

    /// Every field kind, random values biased to the extremes: encode, decode, compare.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func everythingRoundTrips(seed: UInt64) throws {
        var random = RandomValues(seed: seed)
        for iteration in 0..<300 {
            let value = random.everything()
            let bytes = value.wireBytes()
            #expect(bytes.count == value.encodedSize(), "seed \(seed) iteration \(iteration): size")
            let decoded = try Everything(wireBytes: bytes)
            #expect(decoded == value, "seed \(seed) iteration \(iteration)")
            // Encoding is deterministic: the decoded value writes the same bytes.
            #expect(decoded.wireBytes() == bytes, "seed \(seed) iteration \(iteration): re-encoding differs")
            // The ByteBuffer entry points agree with the array ones.
            let buffer = ByteBuffer.encoding(value)
            #expect(Array(buffer.readableBytesView) == bytes)
            #expect(try Everything(buffer: buffer) == value)
            // Every top-level field is well formed for an independent reader.
            let fields = try WireScan.fields(bytes)
            #expect(fields.map(\.bytes.count).reduce(0, +) == bytes.count)
            // Fields are written in declaration order.
            let order: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 70]
            let seen = fields.map { order.firstIndex(of: $0.number)! }
            #expect(seen == seen.sorted(), "fields out of declaration order")
        }
    }

    @Test func nestedMessageLengthPrefixes() throws {
        // `wireSize` of a nested message is its length varint plus its body.
        var random = RandomValues(seed: 77)
        for _ in 0..<200 {
            let outer = random.outer()
            let body = outer.encodedSize()
            var prefixBytes = 1
            var n = body
            while n >= 0x80 {
                n >>= 7
                prefixBytes += 1
            }
            #expect(outer.wireSize() == prefixBytes + body)
        }
    }

    @Test func registrationRecordRoundTrips() throws {
        var random = RandomValues(seed: 2020)
        for _ in 0..<500 {
            var record = RegistrationRecord()
            record.idNumber = random.string()
            record.name = random.string()
            record.gender = Gender(rawValue: random.int32())
            record.birthDate = random.int32()
            record.county = random.int32()
            record.category = LabourCategory(rawValue: random.int32())
            record.phone = random.string()
            record.education = EducationLevel(rawValue: random.int32())
            record.occupations = random.list { $0.string() }
            record.registeredAt = random.int64()
            record.status = RegistrationStatus(rawValue: random.int32())
            #expect(try RegistrationRecord(wireBytes: record.wireBytes()) == record)
        }
    }

    @Test func controlPayloadsRoundTrip() throws {
        var random = RandomValues(seed: 9)
        for _ in 0..<300 {
            var settings = Settings()
            settings.protocolVersion = random.uint32()
            settings.maximumFrameSize = random.uint32()
            settings.maximumConcurrentStreams = random.uint32()
            settings.initialWindowSize = random.uint32()
            settings.maximumMessageSize = random.uint32()
            settings.maximumMetadataSize = random.uint32()
            settings.idleTimeoutMilliseconds = random.uint32()
            let decodedSettings = try Settings(wireBytes: settings.wireBytes())
            // Zero is never written, so a zero field comes back as the protocol default.
            var expected = settings.normalized
            if expected.protocolVersion == 0 { expected.protocolVersion = ConnectionPreface.protocolVersion }
            #expect(decodedSettings.normalized == expected)

            let metadata = random.list { MetadataEntry($0.string(), $0.string()) }
            let headers = CallHeaders(method: random.string(), timeoutMicroseconds: random.uint64(), metadata: metadata)
            #expect(try CallHeaders(wireBytes: headers.wireBytes()) == headers)
            let trailers = Trailers(code: StatusCode(rawValue: random.uint32()), message: random.string(), metadata: metadata)
            #expect(try Trailers(wireBytes: trailers.wireBytes()) == trailers)
            let goAway = GoAway(lastStreamID: random.uint32(), code: StatusCode(rawValue: random.uint32()), message: random.string())
            #expect(try GoAway(wireBytes: goAway.wireBytes()) == goAway)
            let code = StatusCode(rawValue: max(1, random.uint32()))
            let cancel = CancelReason(code: code, message: random.string())
            #expect(try CancelReason(wireBytes: cancel.wireBytes()) == cancel)
            let echo = EchoMessage(payload: random.bytes().bytes, text: random.string(), count: random.uint32(), delayMilliseconds: random.uint32())
            #expect(try EchoMessage(wireBytes: echo.wireBytes()) == echo)
            let health = HealthCheckResponse(status: ServingStatus(rawValue: random.int32()), server: random.string(), version: random.string())
            #expect(try HealthCheckResponse(wireBytes: health.wireBytes()) == health)
        }
    }

    /// Empty messages must encode through every entry point, including into a buffer with no
    /// storage yet (a zero-byte write must not need a base address).
    @Test func emptyMessagesEncodeEverywhere() throws {
        #expect(Scalars().wireBytes() == [])
        #expect(Trailers(code: .ok).wireBytes() == [])
        let empty = ByteBuffer.encoding(HealthCheckRequest())
        #expect(empty.readableBytes == 0)
        var fresh = ByteBuffer()
        fresh.writeWireMessage(EchoMessage())
        #expect(fresh.readableBytes == 0)
        var framed = ByteBuffer()
        framed.writeFrame(.trailers, stream: 1, message: Trailers(code: .ok))
        #expect(Array(framed.readableBytesView) == [0, 0, 0, 0, 3, 0, 0, 0, 0, 1])
        #expect(try Scalars(wireBytes: []) == Scalars())
        #expect(try Scalars(buffer: ByteBuffer()) == Scalars())
    }

    @Test func cancelReasonCannotCarryOK() throws {
        // CancelReason's code defaults to CANCELLED (1), and the codec never writes 0: an empty
        // CANCEL payload, or one whose code is OK, reads as CANCELLED (SPEC.md §6.2).
        #expect(try CancelReason(wireBytes: []).status == .cancelled)
        #expect(try CancelReason(wireBytes: CancelReason(code: .ok).wireBytes()).status == .cancelled)
        #expect(try Trailers(wireBytes: []).status == .ok)
        #expect(try GoAway(wireBytes: []) == GoAway(lastStreamID: 0, code: .ok))
    }
}

import JCSkillsProtocol
import NIOCore
import Testing

/// Checks the Swift codec and frames against Protocol/vectors/*.txt, which an independent
/// Python implementation (Protocol/vectors/generate.py) wrote from SPEC.md: the checks of
/// SPEC.md §12.3, for every vector of §12.1 with the test messages of §12.2.
@Suite("Golden vectors")
struct GoldenVectorTests {
    // MARK: Codec

    struct CodecExpectation: Sendable {
        let message: String
        let encode: @Sendable () -> [UInt8]
        /// Decodes the bytes and says whether they equal the expected value (or why not).
        let check: @Sendable ([UInt8]) -> String?
    }

    static func make<M: WireMessage>(_ build: (inout M) -> Void) -> M {
        var value = M()
        build(&value)
        return value
    }

    static func expecting<M: WireMessage & Equatable>(_ value: M) -> CodecExpectation {
        CodecExpectation(
            message: "\(M.self)",
            encode: { value.wireBytes() },
            check: { bytes in
                do {
                    let decoded = try M(wireBytes: bytes)
                    return decoded == value ? nil : "decoded \(decoded), expected \(value)"
                } catch {
                    return "decoding failed: \(error)"
                }
            })
    }

    static func scalars(_ build: (inout Scalars) -> Void) -> CodecExpectation { expecting(make(build)) }
    static func optionals(_ build: (inout Optionals) -> Void) -> CodecExpectation { expecting(make(build)) }
    static func lists(_ build: (inout Lists) -> Void) -> CodecExpectation { expecting(make(build)) }
    static func outer(_ build: (inout Outer) -> Void) -> CodecExpectation { expecting(make(build)) }
    static func record(_ build: (inout RegistrationRecord) -> Void) -> CodecExpectation { expecting(make(build)) }

    /// The record of docs/ANCHORS.md §3's codec benchmark (same shape, other values).
    static var anchorRecord: RegistrationRecord {
        make { (r: inout RegistrationRecord) in
            r.idNumber = "14052419900307123X"
            r.name = "张晓明"
            r.gender = .male
            r.birthDate = 19_900_307
            r.county = 140_524
            r.category = .rural
            r.phone = "13803561234"
            r.education = .vocational
            r.occupations = ["叉车司机职业技能", "电工职业技能等级"]
            r.registeredAt = 1_593_561_600_000
            r.status = .active
        }
    }

    /// The Swift value of every vector in codec.txt, by name.
    static let codecValues: [String: CodecExpectation] = [
        "empty_message": scalars { _ in },
        "bool_true": scalars { $0.flag = true },
        "bool_false_skipped": scalars { $0.flag = false },
        "uint32_one": scalars { $0.u32 = 1 },
        "uint32_127": scalars { $0.u32 = 127 },
        "uint32_128": scalars { $0.u32 = 128 },
        "uint32_300": scalars { $0.u32 = 300 },
        "uint32_16384": scalars { $0.u32 = 16384 },
        "uint32_max": scalars { $0.u32 = .max },
        "uint64_max": scalars { $0.u64 = .max },
        "uint64_2_pow_63": scalars { $0.u64 = 1 << 63 },
        "uint64_2_pow_56": scalars { $0.u64 = 1 << 56 },
        "int32_minus_one": scalars { $0.i32 = -1 },
        "int32_plus_one": scalars { $0.i32 = 1 },
        "int32_minus_64": scalars { $0.i32 = -64 },
        "int32_plus_64": scalars { $0.i32 = 64 },
        "int32_minus_65": scalars { $0.i32 = -65 },
        "int32_max": scalars { $0.i32 = .max },
        "int32_min": scalars { $0.i32 = .min },
        "int64_minus_one": scalars { $0.i64 = -1 },
        "int64_max": scalars { $0.i64 = .max },
        "int64_min": scalars { $0.i64 = .min },
        "int64_ms_timestamp": scalars { $0.i64 = 1_593_561_600_000 },
        "double_one": scalars { $0.f64 = 1 },
        "double_pi": scalars { $0.f64 = .pi },
        "double_negative_zero": scalars { $0.f64 = -0.0 },
        "double_infinity": scalars { $0.f64 = .infinity },
        "double_nan": scalars { $0.f64 = Double(bitPattern: 0x7FF8_0000_0000_0000) },
        "double_min_subnormal": scalars { $0.f64 = .leastNonzeroMagnitude },
        "double_max": scalars { $0.f64 = .greatestFiniteMagnitude },
        "float_one_and_half": scalars { $0.f32 = 1.5 },
        "float_negative_zero": scalars { $0.f32 = -0.0 },
        "float_max": scalars { $0.f32 = .greatestFiniteMagnitude },
        "float_nan": scalars { $0.f32 = Float(bitPattern: 0x7FC0_0000) },
        "string_ascii": scalars { $0.text = "hello" },
        "string_cjk": scalars { $0.text = "晋城技能" },
        "string_four_byte_utf8": scalars { $0.text = "🛠𠀀" },
        "string_nul_inside": scalars { $0.text = "a\u{0}b" },
        "string_300_bytes": scalars { $0.text = String(repeating: "技", count: 100) },
        "bytes_every_kind": scalars { $0.blob = WireBytes([0x00, 0x01, 0x7F, 0x80, 0xFF]) },
        "enum_known": scalars { $0.color = .green },
        "enum_unknown_kept": scalars { $0.color = Color(rawValue: 99) },
        "enum_negative": scalars { $0.color = Color(rawValue: -1) },
        "enum_int32_min": scalars { $0.color = Color(rawValue: .min) },
        "field_number_100": scalars { $0.far = 7 },
        "field_number_max": scalars { $0.last = true },
        "all_scalars": scalars {
            $0.flag = true
            $0.u32 = 4_000_000_000
            $0.u64 = 18_000_000_000_000_000_000
            $0.i32 = -123_456
            $0.i64 = -9_876_543_210_123
            $0.f64 = -2.5
            $0.f32 = 0.25
            $0.text = "晋城 Jincheng"
            $0.blob = WireBytes([0xDE, 0xAD, 0xBE, 0xEF])
            $0.color = .red
            $0.far = 16384
            $0.last = true
        },
        "optional_absent": optionals { _ in },
        "optional_present_defaults": optionals {
            $0.flag = false
            $0.u32 = 0
            $0.i64 = 0
            $0.f64 = 0
            $0.text = ""
            $0.blob = WireBytes()
            $0.color = .unspecified
            $0.inner = Inner()
        },
        "optional_present_values": optionals {
            $0.flag = true
            $0.u32 = 9
            $0.i64 = -2
            $0.f64 = 0.5
            $0.text = "县"
            $0.blob = WireBytes([1])
            $0.color = Color(rawValue: 7)
            $0.inner = Inner(x: -1, tag: "t")
        },
        "packed_uint32": lists { $0.u32s = [1, 300, .max] },
        "packed_uint32_zeros": lists { $0.u32s = [0, 0, 0] },
        "packed_int64": lists { $0.i64s = [-1, 0, 1, .min, .max] },
        "packed_double": lists { $0.f64s = [1, -2.5, 0] },
        "packed_float": lists { $0.f32s = [1.5, -0.0] },
        "packed_bool": lists { $0.flags = [true, false, true] },
        "packed_enum": lists { $0.colors = [.red, Color(rawValue: 99), Color(rawValue: -1)] },
        "repeated_strings": lists { $0.texts = ["", "a", "晋城"] },
        "repeated_bytes": lists { $0.blobs = [WireBytes(), WireBytes([0xFF]), WireBytes([0, 1, 2])] },
        "repeated_messages": lists { $0.inners = [Inner(), Inner(x: -3, tag: "x"), Inner(x: .max)] },
        "lists_every_kind": lists {
            $0.u32s = [5]
            $0.i64s = [-5]
            $0.f64s = [0.125]
            $0.f32s = [8]
            $0.flags = [false]
            $0.colors = [Color(rawValue: 3)]
            $0.texts = ["阳城县"]
            $0.blobs = [WireBytes([7])]
            $0.inners = [Inner(tag: "内")]
        },
        "empty_lists": lists { _ in },
        "nested_default_inner": outer { _ in },
        "nested_all": outer {
            $0.label = "外"
            $0.inner = Inner(x: 5, tag: "内")
            $0.maybe = Inner()
            $0.items = [Inner(x: 1), Inner(x: -1, tag: "晋")]
        },
        "registration_record": expecting(anchorRecord),
        "registration_record_empty": record { _ in },
        "registration_record_unknown_enums": record {
            $0.idNumber = "140581200001011234"
            $0.gender = Gender(rawValue: 9)
            $0.category = LabourCategory(rawValue: 17)
            $0.education = EducationLevel(rawValue: 42)
            $0.status = RegistrationStatus(rawValue: -3)
        },
        // Decode-only vectors.
        "decode_out_of_order": scalars {
            $0.flag = true
            $0.i32 = -2
            $0.text = "z"
        },
        "decode_last_value_wins": scalars {
            $0.u32 = 2
            $0.text = "b"
        },
        "decode_unknown_fields_skipped": scalars {
            $0.flag = true
            $0.u32 = 5
            $0.text = "k"
        },
        "decode_unknown_nested_message": scalars { $0.i32 = 3 },
        "decode_non_minimal_varint": scalars { $0.u32 = 1 },
        "decode_bool_any_nonzero": scalars { $0.flag = true },
        "decode_explicit_default": scalars { _ in },
        "decode_enum_sign_extended": scalars { $0.color = Color(rawValue: -1) },
        "decode_unpacked_scalars": lists {
            $0.u32s = [1, 300]
            $0.f32s = [1.5]
            $0.colors = [Color(rawValue: 99)]
        },
        "decode_packed_and_unpacked_mixed": lists { $0.u32s = [1, 2, 3, 4] },
        "decode_repeated_interleaved": lists {
            $0.u32s = [7, 8]
            $0.texts = ["a", "b"]
        },
        "decode_nested_replaced_not_merged": outer { $0.inner = Inner(tag: "a") },
        "decode_nested_absent_is_default": outer { _ in },
    ]

    /// Decoders for the `error:` vectors, by message name.
    static let decoders: [String: @Sendable ([UInt8]) throws -> Void] = [
        "Scalars": { _ = try Scalars(wireBytes: $0) },
        "Optionals": { _ = try Optionals(wireBytes: $0) },
        "Lists": { _ = try Lists(wireBytes: $0) },
        "Outer": { _ = try Outer(wireBytes: $0) },
        "RegistrationRecord": { _ = try RegistrationRecord(wireBytes: $0) },
    ]

    @Test func codecVectorsFileIsComplete() throws {
        let blocks = try VectorFile.load("codec.txt")
        #expect(blocks.count >= 105)
        let names = blocks.map(\.name)
        #expect(Set(names).count == names.count, "duplicate vector names")
        let valued = Set(blocks.filter { $0["error"] == nil }.map(\.name))
        #expect(valued == Set(Self.codecValues.keys), "vectors without a Swift value or values without a vector")
        for block in blocks {
            #expect(block["message"] != nil && block["hex"] != nil, "\(block.name) lacks message or hex")
        }
    }

    @Test func swiftEncodesExactlyTheVectorBytes() throws {
        var checked = 0
        for block in try VectorFile.load("codec.txt") where block["error"] == nil && block["direction"] != "decode-only" {
            guard let expectation = Self.codecValues[block.name] else { continue }
            #expect(expectation.message == block["message"], "\(block.name): schema")
            let encoded = expectation.encode()
            #expect(encoded.hex == block.bytes.hex, "\(block.name): Swift wrote \(encoded.hex)")
            checked += 1
        }
        #expect(checked >= 65)
    }

    @Test func swiftDecodesEveryVectorToItsValue() throws {
        var checked = 0
        for block in try VectorFile.load("codec.txt") where block["error"] == nil {
            guard let expectation = Self.codecValues[block.name] else { continue }
            if let problem = expectation.check(block.bytes) {
                Issue.record("\(block.name): \(problem)")
            }
            checked += 1
        }
        #expect(checked >= 78)
    }

    @Test func swiftRejectsEveryErrorVectorWithItsError() throws {
        var checked = 0
        for block in try VectorFile.load("codec.txt") {
            guard let expected = block["error"] else { continue }
            guard let decode = Self.decoders[block["message"] ?? ""] else {
                Issue.record("\(block.name): no decoder for \(block["message"] ?? "?")")
                continue
            }
            do {
                try decode(block.bytes)
                Issue.record("\(block.name): decoded without error, expected \(expected)")
            } catch let error as WireError {
                #expect(error.vectorSpelling == expected, "\(block.name)")
            }
            checked += 1
        }
        #expect(checked >= 25)
    }

    @Test func anchorRecordIs120Bytes() {
        #expect(Self.anchorRecord.wireBytes().count == 120)
        #expect(Self.anchorRecord.encodedSize() == 120)
    }

    // MARK: Frames

    struct PayloadExpectation: Sendable {
        /// Whether encoding the value gives the vector's payload (false: decode-only).
        let encodes: Bool
        let writeFrame: @Sendable (FrameType, FrameFlags, UInt32) -> ByteBuffer
        let check: @Sendable (ByteBuffer) -> String?
    }

    static func payload<M: WireMessage & Equatable>(_ value: M, encodes: Bool = true) -> PayloadExpectation {
        PayloadExpectation(
            encodes: encodes,
            writeFrame: { type, flags, stream in
                var buffer = ByteBuffer()
                buffer.writeFrame(type, flags: flags, stream: stream, message: value)
                return buffer
            },
            check: { buffer in
                do {
                    let decoded = try M(buffer: buffer)
                    return decoded == value ? nil : "decoded \(decoded), expected \(value)"
                } catch {
                    return "decoding failed: \(error)"
                }
            })
    }

    static func settings(_ build: (inout Settings) -> Void) -> Settings { make(build) }

    static let echoValue = EchoMessage(payload: Array(0..<16), text: "晋城", count: 3)

    static let framePayloads: [String: PayloadExpectation] = [
        "settings_protocol_defaults": payload(Settings()),
        "settings_client": payload(settings { $0.initialWindowSize = 262_144 }),
        "settings_server": payload(settings {
            $0.initialWindowSize = 262_144
            $0.idleTimeoutMilliseconds = 300_000
        }),
        "settings_empty": payload(Settings.protocolDefaults, encodes: false),
        "headers_health_check": payload(CallHeaders(
            method: HealthService.check.path, timeoutMicroseconds: 5_000_000,
            metadata: [MetadataEntry(MetadataKey.requestID, "00000000075bcd15")])),
        "headers_write_with_idempotency_key": payload(CallHeaders(
            method: "jcskills.registry.Registry/RegisterPerson", timeoutMicroseconds: 30_000_000,
            metadata: [
                MetadataEntry("x-operator", "阳城县人社局"),
                MetadataEntry(MetadataKey.requestID, "a1b2c3d4e5f60718"),
                MetadataEntry(MetadataKey.idempotencyKey, "import-2020-07-01-000042"),
            ])),
        "headers_no_deadline_end_stream": payload(CallHeaders(method: EchoService.collect.path)),
        "message_end_stream": payload(HealthCheckRequest(service: "jcskills.registry.Registry")),
        "message_empty_end_stream": payload(HealthCheckRequest()),
        "message_response": payload(HealthCheckResponse(status: .serving, server: "registry", version: "1.0.0")),
        "message_echo_whole": payload(echoValue),
        "trailers_ok": payload(Trailers(code: .ok)),
        "trailers_error": payload(Trailers(
            code: .notFound, message: "未找到该人员", metadata: [MetadataEntry(MetadataKey.requestID, "a1b2c3d4e5f60718")])),
        "trailers_resource_exhausted": payload(Trailers(code: .resourceExhausted, message: "more than 100 concurrent calls")),
        "cancel": payload(CancelReason(code: .cancelled, message: "the client cancelled the call")),
        "cancel_deadline": payload(CancelReason(code: .deadlineExceeded, message: "the client's deadline passed")),
        "goaway_graceful": payload(GoAway(lastStreamID: 7, code: .ok, message: "server shutting down")),
        "goaway_frame_too_large": payload(GoAway(
            lastStreamID: 41, code: FrameError.frameTooLarge(length: 70000, limit: 65536).statusCode,
            message: FrameError.frameTooLarge(length: 70000, limit: 65536).description)),
        "goaway_no_streams": payload(GoAway(lastStreamID: 0, code: .ok, message: "idle")),
    ]

    @Test func prefaceVector() throws {
        let blocks = try VectorFile.load("frames.txt")
        let preface = try #require(blocks.first { $0.name == "preface" })
        #expect(preface.bytes == ConnectionPreface.bytes)
        #expect(ConnectionPreface.bytes == [0x4A, 0x43, 0x53, 0x2F, 0x31, 0x0D, 0x0A, 0x0A])
        #expect(ConnectionPreface.alpn == "jcskills/1")
        #expect(ConnectionPreface.protocolVersion == 1)
    }

    @Test func frameVectorsEncodeAndParse() throws {
        let blocks = try VectorFile.load("frames.txt").filter { $0["type"] != "preface" }
        #expect(blocks.count >= 25)
        var withPayloadValue = 0
        for block in blocks {
            let name = block.name
            let typeField = try #require(block["type"]?.split(separator: " "), "\(name)")
            let type = FrameType(rawValue: try #require(UInt8(typeField[0].dropFirst(2), radix: 16), "\(name)"))
            let flagsText = try #require(block["flags"], "\(name)")
            let flags = FrameFlags(rawValue: try #require(UInt8(flagsText.dropFirst(2), radix: 16), "\(name)"))
            let streamText = try #require(block["stream"], "\(name)")
            let stream = try #require(UInt32(streamText), "\(name)")
            let payload = [UInt8](hex: block["payload-hex"] ?? "")
            let whole = block.bytes
            if typeField.count > 1, typeField[1] != "UNKNOWN" {
                #expect(type.description == String(typeField[1]), "\(name)")
            }

            // Encoding with raw payload bytes.
            var written = ByteBuffer()
            written.writeFrame(type, flags: flags, stream: stream, payload: ByteBuffer(bytes: payload))
            #expect(Array(written.readableBytesView) == whole, "\(name): Swift wrote \(Array(written.readableBytesView).hex)")

            // Parsing.
            var parser = FrameParser(maximumFrameSize: 1 << 20)
            parser.append(ByteBuffer(bytes: whole))
            let frame = try #require(try parser.next(), "\(name): no frame parsed")
            #expect(frame.type == type && frame.flags == flags && frame.streamID == stream, "\(name)")
            #expect(Array(frame.payload.readableBytesView) == payload, "\(name)")
            #expect(try parser.next() == nil)
            #expect(parser.bufferedBytes == 0)

            // Control payloads and messages: the Swift value encodes to and decodes from the payload.
            if block["payload"] != nil {
                let expectation = try #require(Self.framePayloads[name], "\(name) has a payload but no Swift value")
                if expectation.encodes {
                    let framed = expectation.writeFrame(type, flags, stream)
                    #expect(Array(framed.readableBytesView) == whole, "\(name): Swift wrote \(Array(framed.readableBytesView).hex)")
                }
                if let problem = expectation.check(frame.payload) { Issue.record("\(name): \(problem)") }
                withPayloadValue += 1
            }
        }
        #expect(withPayloadValue == Self.framePayloads.count)
    }

    @Test func rawPayloadFramesMeanWhatTheSpecSays() throws {
        let blocks = Dictionary(uniqueKeysWithValues: try VectorFile.load("frames.txt").map { ($0.name, $0) })
        func parsed(_ name: String) throws -> Frame {
            var parser = FrameParser(maximumFrameSize: Settings.defaultMaximumFrameSize)
            parser.append(ByteBuffer(bytes: try #require(blocks[name]).bytes))
            return try #require(try parser.next())
        }
        // Fragments with MORE join into the whole message.
        let first = try parsed("message_more_first_fragment")
        let last = try parsed("message_more_last_fragment")
        #expect(first.type == .message && first.flags == .more && !last.flags.contains(.more))
        var joined = first.payload
        var rest = last.payload
        joined.writeBuffer(&rest)
        #expect(try EchoMessage(buffer: joined) == Self.echoValue)
        #expect(joined == (try parsed("message_echo_whole")).payload)
        // END_STREAM and ACK share bit 0x01, MORE is 0x02.
        #expect(FrameFlags.endStream.rawValue == 0x01 && FrameFlags.ack.rawValue == 0x01 && FrameFlags.more.rawValue == 0x02)
        #expect(try parsed("message_end_stream").flags == .endStream)
        // PING and its ACK carry the same eight bytes on stream 0.
        let ping = try parsed("ping")
        let ack = try parsed("ping_ack")
        #expect(ping.type == .ping && ping.streamID == 0 && ping.flags == [] && ping.payload.readableBytes == 8)
        #expect(ack.flags.contains(.ack) && ack.payload == ping.payload)
        // WINDOW_UPDATE: four bytes, big-endian credit.
        let update = try parsed("window_update")
        #expect(update.type == .windowUpdate && update.payload.getInteger(at: update.payload.readerIndex, as: UInt32.self) == 65536)
        let maxUpdate = try parsed("window_update_max")
        #expect(maxUpdate.payload.getInteger(at: maxUpdate.payload.readerIndex, as: UInt32.self) == .max)
        // END_STREAM frame: empty payload.
        let end = try parsed("end_stream")
        #expect(end.type == .endStream && end.payload.readableBytes == 0 && end.streamID == 5)
        // Unknown types parse as frames of that type (receivers then ignore them).
        let unknown = try parsed("unknown_type")
        #expect(unknown.type.rawValue == 0x2A && unknown.flags.rawValue == 0x80)
        #expect(try parsed("stream_id_max").streamID == .max)
        // Empty SETTINGS decode to the protocol defaults.
        #expect(try Settings(buffer: try parsed("settings_empty").payload) == Settings.protocolDefaults)
    }

    /// The whole file parsed as one stream: what a receiver of all those frames sees.
    @Test func allFrameVectorsBackToBack() throws {
        let blocks = try VectorFile.load("frames.txt").filter { $0["type"] != "preface" }
        var stream = ByteBuffer()
        for block in blocks { stream.writeBytes(block.bytes) }
        var parser = FrameParser(maximumFrameSize: 1 << 20)
        parser.append(stream)
        var count = 0
        while let frame = try parser.next() {
            let expected = [UInt8](hex: blocks[count]["payload-hex"] ?? "")
            #expect(Array(frame.payload.readableBytesView) == expected, "\(blocks[count].name)")
            count += 1
        }
        #expect(count == blocks.count)
    }
}

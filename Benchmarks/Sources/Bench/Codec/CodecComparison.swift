import Foundation
import JCSkillsProtocol
import NIOCore
import SwiftProtobuf

/// Encode and decode of the docs/ANCHORS.md §3 registration record with our codec and with
/// swift-protobuf's generated code, each through its ordinary API: ours writes into a reused
/// `ByteBuffer` (as the RPC runtime writes into a connection's outbound buffer) and decodes from
/// one; swift-protobuf returns a fresh `[UInt8]` and decodes from it.
///
/// Everything lives in locals: docs/ANCHORS.md §3 saw top-level globals double every figure.
enum CodecComparison {
    struct Figures {
        var bytes: Int
        var encodeNanoseconds: Double
        var decodeNanoseconds: Double
    }

    struct Result {
        var ours: Figures
        var protobuf: Figures
        var identicalBytes: Bool
        var iterations: Int
        var repetitions: Int
    }

    static func run(iterations: Int, repetitions: Int) throws -> Result {
        let ours = ourRecord()
        let theirs = protobufRecord()
        var buffer = ByteBuffer()
        buffer.writeWireMessage(ours)
        let ourBytes = Array(buffer.readableBytesView)
        let theirBytes: [UInt8] = try theirs.serializedBytes()
        // Both sides must describe the same record, or the comparison means nothing.
        let oursFromTheirs = try RegistrationRecord(buffer: ByteBuffer(bytes: theirBytes))
        let theirsFromOurs = try Jcskills_Bench_RegistrationRecord(serializedBytes: ourBytes)
        guard oursFromTheirs == ours, theirsFromOurs == theirs else {
            throw BenchError("codec: the two records differ\nours:  \(ourBytes)\ntheirs: \(theirBytes)\n\(oursFromTheirs)\n\(theirsFromOurs)")
        }

        var oursFigures: [Figures] = []
        var theirFigures: [Figures] = []
        for _ in 0..<repetitions {
            oursFigures.append(try measureOurs(ours, iterations: iterations))
            theirFigures.append(try measureProtobuf(theirs, iterations: iterations))
        }
        return Result(
            ours: median(oursFigures), protobuf: median(theirFigures),
            identicalBytes: ourBytes == theirBytes, iterations: iterations, repetitions: repetitions)
    }

    private static func measureOurs(_ record: RegistrationRecord, iterations: Int) throws -> Figures {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(256)
        var checksum = 0
        for _ in 0..<min(iterations, 10_000) {
            buffer.clear()
            buffer.writeWireMessage(record)
            checksum &+= try RegistrationRecord(buffer: buffer).occupations.count
        }
        let encodeStart = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations {
            buffer.clear()
            buffer.writeWireMessage(record)
            checksum &+= buffer.readableBytes
        }
        let encodeEnd = DispatchTime.now().uptimeNanoseconds
        let encoded = buffer
        let decodeStart = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations {
            let decoded = try RegistrationRecord(buffer: encoded)
            checksum &+= decoded.occupations.count &+ Int(decoded.birthDate)
        }
        let decodeEnd = DispatchTime.now().uptimeNanoseconds
        precondition(checksum != 0)  // keeps the loops' results alive
        return Figures(
            bytes: encoded.readableBytes,
            encodeNanoseconds: Double(encodeEnd - encodeStart) / Double(iterations),
            decodeNanoseconds: Double(decodeEnd - decodeStart) / Double(iterations))
    }

    private static func measureProtobuf(_ record: Jcskills_Bench_RegistrationRecord, iterations: Int) throws -> Figures {
        var checksum = 0
        var encoded: [UInt8] = try record.serializedBytes()
        for _ in 0..<min(iterations, 10_000) {
            encoded = try record.serializedBytes()
            checksum &+= try Jcskills_Bench_RegistrationRecord(serializedBytes: encoded).occupations.count
        }
        let encodeStart = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations {
            encoded = try record.serializedBytes()
            checksum &+= encoded.count
        }
        let encodeEnd = DispatchTime.now().uptimeNanoseconds
        let decodeStart = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations {
            let decoded = try Jcskills_Bench_RegistrationRecord(serializedBytes: encoded)
            checksum &+= decoded.occupations.count &+ Int(decoded.birthDate)
        }
        let decodeEnd = DispatchTime.now().uptimeNanoseconds
        precondition(checksum != 0)
        return Figures(
            bytes: encoded.count,
            encodeNanoseconds: Double(encodeEnd - encodeStart) / Double(iterations),
            decodeNanoseconds: Double(decodeEnd - decodeStart) / Double(iterations))
    }

    private static func median(_ figures: [Figures]) -> Figures {
        func middle(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        return Figures(
            bytes: figures[0].bytes,
            encodeNanoseconds: middle(figures.map(\.encodeNanoseconds)),
            decodeNanoseconds: middle(figures.map(\.decodeNanoseconds)))
    }

    /// The record of docs/ANCHORS.md §3 (shared with `jcskills-load codec`).
    static func ourRecord() -> RegistrationRecord { .anchorsSample }

    static func protobufRecord() -> Jcskills_Bench_RegistrationRecord {
        var record = Jcskills_Bench_RegistrationRecord()
        record.idNumber = "14052419900101123X"
        record.name = "王晓明"
        record.gender = .male
        record.birthDate = 19900101
        record.county = 140524
        record.category = .rural
        record.phone = "13812345678"
        record.education = .seniorSecondary
        record.occupations = ["起重装卸机械操作", "家政服务养老护理"]
        record.registeredAt = 1_598_918_400_000
        record.status = .active
        return record
    }
}

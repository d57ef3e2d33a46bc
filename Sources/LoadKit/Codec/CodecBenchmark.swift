import Foundation
import JCSkillsProtocol
import NIOCore

/// Encode and decode of one labour-registration record, the workload ANCHORS.md measured
/// swift-protobuf with (about 120 bytes on the wire).
public enum CodecBenchmark {
    public struct Result: Codable, Sendable {
        public var iterations: Int
        public var encodedBytes: Int
        public var encodeNanoseconds: Double
        public var decodeNanoseconds: Double
    }

    /// The record ANCHORS.md describes: 18-character ID, 3-CJK name, two 8-CJK occupations, …
    public static func sampleRecord() -> RegistrationRecord {
        var record = RegistrationRecord()
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

    public static func run(iterations: Int) throws -> Result {
        let record = sampleRecord()
        var buffer = ByteBuffer()
        buffer.reserveCapacity(256)

        // Warm up both paths.
        for _ in 0..<min(iterations, 10_000) {
            buffer.clear()
            buffer.writeWireMessage(record)
            _ = try RegistrationRecord(buffer: buffer)
        }

        var checksum = 0
        let encodeStart = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations {
            buffer.clear()
            buffer.writeWireMessage(record)
            checksum &+= buffer.readableBytes
        }
        let encodeEnd = DispatchTime.now().uptimeNanoseconds

        buffer.clear()
        buffer.writeWireMessage(record)
        let encoded = buffer
        let decodeStart = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations {
            let decoded = try RegistrationRecord(buffer: encoded)
            checksum &+= decoded.occupations.count &+ Int(decoded.birthDate)
        }
        let decodeEnd = DispatchTime.now().uptimeNanoseconds
        guard checksum != 0 else { fatalError("unreachable: keeps the loops alive") }

        return Result(
            iterations: iterations, encodedBytes: encoded.readableBytes,
            encodeNanoseconds: Double(encodeEnd - encodeStart) / Double(iterations),
            decodeNanoseconds: Double(decodeEnd - decodeStart) / Double(iterations))
    }
}

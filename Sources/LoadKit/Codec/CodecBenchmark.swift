import Foundation
import JCSkillsProtocol
import NIOCore

/// Encode and decode of one labour-registration record, the workload docs/ANCHORS.md §3 measured
/// swift-protobuf with (about 120 bytes on the wire).
public enum CodecBenchmark {
    public struct Result: Codable, Sendable {
        public var iterations: Int
        public var encodedBytes: Int
        public var encodeNanoseconds: Double
        public var decodeNanoseconds: Double
    }

    /// The record docs/ANCHORS.md §3 describes (``RegistrationRecord/anchorsSample``).
    public static func sampleRecord() -> RegistrationRecord { .anchorsSample }

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

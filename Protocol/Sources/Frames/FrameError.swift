/// A connection-level protocol violation. The receiver answers with GOAWAY carrying the code
/// below and closes the connection (SPEC.md §8).
public enum FrameError: Error, Hashable, Sendable, CustomStringConvertible {
    case badPreface
    case frameTooLarge(length: UInt32, limit: UInt32)
    case unexpectedFrame(String)
    case malformedPayload(FrameType, String)

    public var statusCode: StatusCode {
        switch self {
        case .frameTooLarge: .resourceExhausted
        default: .internal
        }
    }

    public var description: String {
        switch self {
        case .badPreface: "the connection did not start with the JCS/1 preface"
        case .frameTooLarge(let length, let limit): "frame of \(length) bytes exceeds the limit of \(limit)"
        case .unexpectedFrame(let what): "unexpected frame: \(what)"
        case .malformedPayload(let type, let why): "malformed \(type) payload: \(why)"
        }
    }
}

import JCSkillsProtocol
import NIOCore

/// A HEADERS payload in one of its two forms (Protocol/SPEC.md §3.2.2, §6): the usual call's,
/// written and read without making a string or a list, or any other, in full.
enum CallHeadersForm: Sendable {
    /// A method, a timeout and at most a request id (Protocol/Sources/Frames/UsualCallHeaders.swift).
    /// On a server, the method of the connection's last accepted call: `method` is then the
    /// machine's own copy of the path.
    case usual(UsualCallHeaders)
    case general(CallHeaders)

    var method: String {
        switch self {
        case .usual(let usual): usual.method
        case .general(let headers): headers.method
        }
    }

    var timeoutMicroseconds: UInt64 {
        switch self {
        case .usual(let usual): usual.timeoutMicroseconds
        case .general(let headers): headers.timeoutMicroseconds
        }
    }

    /// The headers as the general decoder reads them.
    var callHeaders: CallHeaders {
        switch self {
        case .usual(let usual): usual.callHeaders
        case .general(let headers): headers
        }
    }
}

extension ByteBuffer {
    mutating func writeHeadersFrame(stream: UInt32, _ headers: CallHeadersForm) {
        switch headers {
        case .usual(let usual): writeHeadersFrame(stream: stream, usual)
        case .general(let general): writeFrame(.headers, stream: stream, message: general)
        }
    }
}

import JCSkillsProtocol

/// A problem with the sealing keys or a sealed value. Messages never contain key material
/// or plaintext.
public struct PersonalDataError: Error, Sendable, Hashable, CustomStringConvertible, RPCErrorConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The key file does not exist (create one with ``SealingKeys/create(at:)``).
        case keyFileMissing
        /// The key file already exists; creating keys never overwrites one.
        case keyFileExists
        /// The key file can be read or written by other users.
        case keyFilePermissions
        /// The key file is not in the expected format.
        case keyFileMalformed
        /// The key file could not be read or written.
        case keyFileIO
        /// A sealed value names a key id the key file does not hold (a key was removed, or this
        /// is the wrong key file).
        case unknownKey
        /// A sealed value is damaged, was sealed for another field, or under another key.
        case sealedValueInvalid
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Key-file trouble is a deployment problem (`FAILED_PRECONDITION`); a value that cannot be
    /// opened is lost data (`DATA_LOSS`).
    public var statusCode: StatusCode {
        switch kind {
        case .keyFileMissing, .keyFileExists, .keyFilePermissions, .keyFileMalformed, .keyFileIO: .failedPrecondition
        case .unknownKey, .sealedValueInvalid: .dataLoss
        }
    }

    /// The error as an `RPCError`: what a caller sees when a handler lets it go (it was once
    /// INTERNAL, hiding lost data behind a generic message).
    public var rpcError: RPCError { RPCError(statusCode, message) }

    public var description: String { "\(kind.rawValue): \(message)" }
}

import AsyncKit
import NIOCore
import NIOPosix
import PostgresNIO

/// Turns backend errors into ``StoreError``s; leaves every other error alone.
///
/// Errors from service code (an `RPCError` thrown inside a transaction) must reach the caller
/// unchanged, so only errors the store recognises as coming from a database or a connection
/// are translated.
enum ErrorTranslation {
    /// The ``StoreError`` for `error`, or `error` itself when it did not come from a database.
    ///
    /// - Parameter doing: what the store was doing, for the message (`"opening the database"`).
    static func translate(_ error: any Error, doing: String) -> any Error {
        switch error {
        case is StoreError:
            return error
        case let error as PSQLError:
            return fromPostgres(error, doing: doing)
        case is ConnectionPoolTimeoutError:
            return StoreError(.unavailable, "\(doing): no database connection became free in time")
        case is ConnectionPoolError, is NIOThreadPoolError.ThreadPoolInactive:
            return StoreError(.unavailable, "\(doing): the store is closed")
        case is ChannelError, is IOError, is NIOConnectionError:
            return StoreError(.unavailable, "\(doing): connection failed (\(error))")
        default:
            return error
        }
    }

    static func fromPostgres(_ error: PSQLError, doing: String) -> StoreError {
        guard error.code == .server, let state = error.serverInfo?[.sqlState] else {
            return fromPostgresClient(error, doing: doing)
        }
        let text = "\(doing): \(error.serverInfo?[.message] ?? "PostgreSQL error") (SQLSTATE \(state))"
        switch state {
        case "25006":
            return StoreError(.readOnly, "\(text) (the server only accepts reads)")
        case "53100":
            return StoreError(.storageFull, "\(text) (the server's disk is full)")
        case "53300":
            return StoreError(.unavailable, "\(text) (the server has no connection slot left)")
        case "23505":
            return StoreError(.alreadyExists, text)
        case "40001", "40P01":
            var error = StoreError(.conflict, text)
            error.lostToAnotherTransaction = true
            return error
        case "55P03":
            return StoreError(.conflict, text)
        case "25P02":
            return StoreError(.transactionAborted, text)
        case "3D000":
            return StoreError(.unavailable, "\(text) (the database does not exist)")
        case "XX001", "XX002":
            return StoreError(.corrupted, text)
        default:
            break
        }
        switch state.prefix(2) {
        case "08", "57", "28": return StoreError(.unavailable, text)
        case "53": return StoreError(.storageFull, text)
        case "23": return StoreError(.constraintViolation, text)
        case "22": return StoreError(.invalidArgument, text)
        default: return StoreError(.queryFailed, text)
        }
    }

    /// Errors PostgresNIO raises on the client side: mostly a connection that failed or broke.
    private static func fromPostgresClient(_ error: PSQLError, doing: String) -> StoreError {
        switch error.code {
        case .tooManyParameters:
            return StoreError(.invalidArgument, "\(doing): too many bound parameters in one statement")
        case .server, .messageDecodingFailure, .unexpectedBackendMessage, .invalidCommandTag:
            return StoreError(.queryFailed, "\(doing): PostgreSQL protocol error (\(error.code))")
        default:
            // PSQLError's description is deliberately vague; the underlying error names the cause.
            let cause = error.underlying.map { " (\($0))" } ?? ""
            return StoreError(.unavailable, "\(doing): PostgreSQL connection failed: \(error.code)\(cause)")
        }
    }
}

import JCSkillsRPC

/// Parses the `HOST:PORT` arguments of the command-line contract with a message that names the flag.
public func parseEndpoint(_ text: String, flag: String) throws -> Endpoint {
    guard let endpoint = Endpoint(text) else {
        throw ConfigurationError("\(flag): expected HOST:PORT (e.g. 127.0.0.1:7101), got '\(text)'")
    }
    return endpoint
}

/// Parses `NAME=HOST:PORT[,HOST:PORT…]` (the `--peer` flag).
public func parsePeer(_ text: String) throws -> (ServiceKind, [Endpoint]) {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, let kind = ServiceKind(rawValue: parts[0]) else {
        let names = ServiceKind.allCases.map(\.rawValue).joined(separator: ", ")
        throw ConfigurationError("--peer: expected NAME=HOST:PORT[,HOST:PORT…] with NAME one of \(names), got '\(text)'")
    }
    guard let endpoints = Endpoint.list(parts[1]) else {
        throw ConfigurationError("--peer \(parts[0]): expected HOST:PORT[,HOST:PORT…], got '\(parts[1])'")
    }
    return (kind, endpoints)
}

/// A configuration mistake, explained for the operator who made it.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

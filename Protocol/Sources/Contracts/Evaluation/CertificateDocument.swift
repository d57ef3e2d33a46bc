/// The file `jcskills cert export` writes and `jcskills cert verify` reads: one signed field a
/// line (`name: value`), the signature last, in hex. Lines starting with `#` are a reader's
/// aid and are not signed. Verification rebuilds ``SignedCertificateBody`` from the signed
/// lines and checks the signature over its wire encoding, so changing any value, adding a
/// signed line twice or dropping one breaks it.
public enum CertificateDocument {
    public static func text(_ signed: SignedCertificate) -> String {
        let body = signed.body
        var lines = [
            "# JCSkills certificate, signed by the city of Jincheng's key (check: jcskills cert verify FILE)",
            "# \(body.holderName) · \(body.occupation) · \(body.level.chineseName) · \(body.state)",
        ]
        for (name, value) in fields(body) { lines.append("\(name): \(value)") }
        lines.append("signature: \(hex(signed.signature.bytes))")
        return lines.joined(separator: "\n") + "\n"
    }

    public enum ParseError: Error, CustomStringConvertible {
        case malformedLine(Int, String)
        case unknownField(Int, String)
        case duplicateField(String)
        case missingField(String)
        case badValue(String, String)

        public var description: String {
            switch self {
            case .malformedLine(let line, let text): "line \(line): expected 'name: value', got '\(text)'"
            case .unknownField(let line, let name): "line \(line): unknown field '\(name)'"
            case .duplicateField(let name): "field '\(name)' appears twice"
            case .missingField(let name): "field '\(name)' is missing"
            case .badValue(let name, let value): "field '\(name)': '\(value)' is not a valid value"
            }
        }
    }

    /// Reads a document back; throws on anything that is not exactly the exported layout.
    public static func parse(_ text: String) throws(ParseError) -> SignedCertificate {
        var values: [String: String] = [:]
        let known = Set(fields(SignedCertificateBody()).map(\.0) + ["signature"])
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else { throw .malformedLine(offset + 1, String(line)) }
            let name = String(line[..<colon])
            var value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
            guard known.contains(name) else { throw .unknownField(offset + 1, name) }
            guard values[name] == nil else { throw .duplicateField(name) }
            values[name] = String(value)
        }
        func string(_ name: String) throws(ParseError) -> String {
            guard let value = values[name] else { throw .missingField(name) }
            return value
        }
        func int(_ name: String) throws(ParseError) -> Int32 {
            let value = try string(name)
            guard let number = Int32(value) else { throw .badValue(name, value) }
            return number
        }
        var body = SignedCertificateBody()
        body.format = try string("format")
        body.number = try string("number")
        body.institutionCode = try string("institution")
        body.kind = CertificateKind(rawValue: try int("kind"))
        body.occupation = try string("occupation")
        body.level = SkillLevel(rawValue: try int("level"))
        body.operationCode = try string("operation")
        body.holderName = try string("holder_name")
        body.holderIDMasked = try string("holder_id")
        body.county = try int("county")
        body.issuedOn = try int("issued_on")
        body.expiresOn = try int("expires_on")
        body.state = CertificateState(rawValue: try int("state"))
        body.endedOn = try int("ended_on")
        body.signedOn = try int("signed_on")
        body.keyID = try string("key_id")
        var signed = SignedCertificate()
        signed.body = body
        let signature = try string("signature")
        guard let bytes = unhex(signature) else { throw .badValue("signature", signature) }
        signed.signature = WireBytes(bytes)
        return signed
    }

    /// The signed fields, in the body's field order.
    static func fields(_ body: SignedCertificateBody) -> [(String, String)] {
        [
            ("format", body.format), ("number", body.number), ("institution", body.institutionCode),
            ("kind", String(body.kind.rawValue)), ("occupation", body.occupation), ("level", String(body.level.rawValue)),
            ("operation", body.operationCode), ("holder_name", body.holderName), ("holder_id", body.holderIDMasked),
            ("county", String(body.county)), ("issued_on", String(body.issuedOn)), ("expires_on", String(body.expiresOn)),
            ("state", String(body.state.rawValue)), ("ended_on", String(body.endedOn)), ("signed_on", String(body.signedOn)),
            ("key_id", body.keyID),
        ]
    }

    static func hex(_ bytes: [UInt8]) -> String { lowercaseHex(bytes) }

    static func unhex(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x61...0x66: c - 0x61 + 10
            case 0x41...0x46: c - 0x41 + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let high = nibble(characters[index]), let low = nibble(characters[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}

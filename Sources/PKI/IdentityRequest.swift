import Foundation

/// What to put in a service or client certificate issued by a ``CertificateAuthority``.
///
/// The identity the RPC runtime sees is the SAN URI (``uri``); the id only names the files
/// (`<id>.crt`, `<id>.key`) and the certificate's common name.
///
/// Defaults, for `IdentityRequest(id: "registry")`:
/// - ``uri``: `jcskills://registry` (see ``defaultURI(for:)``; `county-140524` gives `jcskills://county/140524`)
/// - ``dnsNames``: `["localhost"]`
/// - ``ipAddresses``: `["127.0.0.1"]` (IPv6 such as `"::1"` is accepted too)
/// - ``notValidBefore``: one hour before the request was made (tolerates clock skew)
/// - ``notValidAfter``: 825 days after the request was made (capped at the CA's own expiry when issued)
///
/// Every certificate issued carries key usage `digitalSignature`, extended key usage
/// `serverAuth` + `clientAuth` (each department is both a server and a client), a subject key
/// identifier and an authority key identifier.
public struct IdentityRequest: Sendable, Hashable {
    /// Names the files (`<id>.crt`, `<id>.key`) and becomes the subject common name.
    /// Letters, digits, `.`, `_` and `-`, starting with a letter or digit (e.g. `registry`, `county-140524`).
    public var id: String
    /// The SAN URI the peer is identified by, e.g. `jcskills://training` or `jcskills://county/140524`.
    public var uri: String
    /// SAN DNS names. Default `["localhost"]`.
    public var dnsNames: [String]
    /// SAN IP addresses in text form. Default `["127.0.0.1"]`.
    public var ipAddresses: [String]
    /// Start of validity. Default: one hour before the request was created.
    public var notValidBefore: Date
    /// End of validity. Default: 825 days after the request was created. May lie in the past
    /// (to make an expired certificate for tests). Capped at the CA's own expiry when issued.
    public var notValidAfter: Date

    /// Validity of an identity certificate when none is given: 825 days.
    public static let defaultValidityDays = 825

    /// Creates a request; every parameter but `id` has the default documented on the type.
    ///
    /// - Parameters:
    ///   - id: file and common name, e.g. `"registry"` or `"county-140524"`.
    ///   - uri: SAN URI; `nil` means ``defaultURI(for:)``.
    ///   - dnsNames: SAN DNS names; default `["localhost"]`.
    ///   - ipAddresses: SAN IP addresses; default `["127.0.0.1"]`.
    ///   - notValidBefore: `nil` means now − 1 hour.
    ///   - notValidAfter: `nil` means now + 825 days.
    public init(
        id: String,
        uri: String? = nil,
        dnsNames: [String] = ["localhost"],
        ipAddresses: [String] = ["127.0.0.1"],
        notValidBefore: Date? = nil,
        notValidAfter: Date? = nil
    ) {
        let now = Date()
        self.id = id
        self.uri = uri ?? Self.defaultURI(for: id)
        self.dnsNames = dnsNames
        self.ipAddresses = ipAddresses
        self.notValidBefore = notValidBefore ?? now.addingTimeInterval(-3600)
        self.notValidAfter = notValidAfter ?? now.addingTimeInterval(Double(Self.defaultValidityDays) * 86_400)
    }

    /// The SAN URI for an id: `jcskills://<id>`, except `county-<code>` → `jcskills://county/<code>`
    /// and `judge-<code>` → `jcskills://judge/<code>`.
    ///
    /// `defaultURI(for: "gateway") == "jcskills://gateway"`,
    /// `defaultURI(for: "county-140524") == "jcskills://county/140524"`,
    /// `defaultURI(for: "judge-J007") == "jcskills://judge/J007"`.
    public static func defaultURI(for id: String) -> String {
        for kind in ["county", "judge"] {
            let prefix = kind + "-"
            if id.hasPrefix(prefix), id.count > prefix.count {
                return "jcskills://\(kind)/" + id.dropFirst(prefix.count)
            }
        }
        return "jcskills://" + id
    }

    /// Whether `id` can name files in a PKI directory (no path separators, no hidden files).
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.utf8.count <= 64 else { return false }
        func allowed(_ s: Unicode.Scalar) -> Bool {
            s.isASCII && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_" || s == ".")
        }
        guard allowed(first), first != ".", first != "-", first != "_" else { return false }
        return id.unicodeScalars.allSatisfy(allowed)
    }

    /// Checks everything that does not need the CA; returns the SAN IP addresses as bytes.
    func validated() throws -> [[UInt8]] {
        guard Self.isValidID(id) else {
            throw PKIError.invalidIdentity(
                id: id,
                reason: "ids are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
            )
        }
        guard id != "ca" else {
            throw PKIError.invalidIdentity(id: id, reason: "\"ca\" is reserved for the CA's own files")
        }
        guard let schemeEnd = uri.range(of: "://"), !uri[..<schemeEnd.lowerBound].isEmpty,
            uri[schemeEnd.upperBound...].contains(where: { $0 != "/" }),
            !uri.contains(where: { $0.isWhitespace }), uri.unicodeScalars.allSatisfy(\.isASCII)
        else {
            throw PKIError.invalidIdentity(id: id, reason: "URI \"\(uri)\" is not of the form scheme://name")
        }
        let countyPrefix = "jcskills://county/"
        if uri.hasPrefix(countyPrefix) {
            let code = uri.dropFirst(countyPrefix.count)
            guard code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw PKIError.invalidIdentity(
                    id: id,
                    reason: "county identities need a 6-digit division code (jcskills://county/140524), got \"\(uri)\""
                )
            }
        }
        for name in dnsNames {
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && !$0.properties.isWhitespace }) else {
                throw PKIError.invalidIdentity(id: id, reason: "DNS name \"\(name)\" is empty or not ASCII")
            }
        }
        guard notValidBefore < notValidAfter else {
            throw PKIError.invalidIdentity(id: id, reason: "notValidBefore must be earlier than notValidAfter")
        }
        return try ipAddresses.map(FileSupport.ipAddressBytes)
    }
}

/// One historical certificate of a bulk import, with the line it came from so errors can
/// point at it.
public struct CertificateImportRow: WireMessage, Hashable {
    public var line: UInt32 = 0
    /// The number printed on the certificate; it identifies the certificate across re-imports.
    /// Numbers starting `JCC` are the system's own and are refused here.
    public var number: String = ""
    /// The certificate as issued. The institution may since have closed: it is recorded as
    /// given, and scope and status are not checked (the certificate exists already).
    public var certificate: CertificateIssue = CertificateIssue()
    /// The holder is one of the persons a declared baseline already counts (certified before
    /// the system): importing this certificate takes them out of the baseline.
    public var preSystem: Bool = false
    public init() {}
    public init(line: UInt32, number: String, certificate: CertificateIssue, preSystem: Bool) {
        self.line = line
        self.number = number
        self.certificate = certificate
        self.preSystem = preSystem
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "line", &line)
        try v.field(2, "number", &number)
        try v.field(3, "certificate", &certificate)
        try v.field(4, "preSystem", &preSystem)
    }
}

/// Rows travel in batches: one message and one database transaction per batch.
public struct CertificateImportBatch: WireMessage, Hashable {
    public var rows: [CertificateImportRow] = []
    public init() {}
    public init(rows: [CertificateImportRow]) { self.rows = rows }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "rows", &rows)
    }
}

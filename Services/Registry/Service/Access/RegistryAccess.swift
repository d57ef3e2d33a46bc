import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

/// Who may do what in the registry (README.md, "The registry"; identities and roles:
/// docs/DESIGN.md §4). Policies gate the methods; the checks below
/// decide, per request, county scope and whether personal data is shown or masked.
enum RegistryAccess {
    /// The registry office's staff.
    static let office = "registry-office"
    static let auditor = "auditor"

    /// Writes: the registry office (and admin) for everyone, county offices for their own county.
    static let write = AccessPolicy.only(.role("admin"), .role(office), .anyCounty)
    /// Person reads: writers, plus auditors (masked).
    static let readPersons = AccessPolicy.only(.role("admin"), .role(office), .anyCounty, .role(auditor))
    /// Training checks trainees; never sees names or phones.
    static let verify = AccessPolicy.only(.service("training"), .service("competition"), .role("admin"), .role(office))
    /// Aggregates carry no personal data.
    static let aggregates = AccessPolicy.only(
        .role("admin"), .role(office), .anyCounty, .role(auditor),
        .service("gateway"), .service("training"), .service("evaluation"), .service("competition"))
    /// Enterprise records (no personal data): evaluation checks enterprise bodies against them.
    static let readEnterprises = AccessPolicy.only(
        .role("admin"), .role(office), .anyCounty, .role(auditor), .service("evaluation"), .service("training"))

    /// The list of large enterprises (names, sizes; no personal data): evaluation's compliance
    /// view, the competition service's studio report and the gateway's indicator read it.
    static let listEnterprises = AccessPolicy.only(
        .role("admin"), .role(office), .anyCounty, .role(auditor), .service("evaluation"), .service("gateway"), .service("competition"))

    /// The data-quality view (docs/QUALITY.md): aggregates only, for those who act on them —
    /// the registry office and county offices, auditors, and the gateway's dashboard, which
    /// holds each caller to their county itself.
    static let quality = AccessPolicy.only(.role("admin"), .role(office), .anyCounty, .role(auditor), .service("gateway"))

    /// A county office sees its own county's data quality and no other's, nor the city's.
    static func requireQualityScope(_ principal: Principal, county: Int32) throws {
        guard let own = principal.county else { return }
        guard own == String(county) else {
            throw RPCError(.permissionDenied, Messages.RegistryRefusals.qualityOfCounty(principal.identity, own: own, not: county))
        }
    }

    /// Whether `principal` may write persons of `county`.
    /// A county office writes the development zone's records too when the zone lies in its
    /// county (docs/NUMBERS.md); an office of the zone itself only the zone's.
    static func mayWrite(_ principal: Principal, county: Int32) -> Bool {
        if let own = principal.county {
            return own == String(county) || own == String(JinchengDivisions.standard.countingCounty(of: county))
        }
        return principal.hasRole("admin") || principal.hasRole(office)
    }

    static func requireWrite(_ principal: Principal, county: Int32) throws {
        guard mayWrite(principal, county: county) else {
            throw RPCError(.permissionDenied, Messages.RegistryRefusals.writePersonsOfCounty(principal.identity, own: principal.county ?? "-", not: county))
        }
    }

    /// The county `principal`'s writes are confined to: its own for a county office (a code
    /// that names no county, -1, for one whose code is not a number), nil for the registry
    /// office and admin, who write every county.
    static func confinedCounty(_ principal: Principal) -> Int32? {
        principal.county.map { Int32($0) ?? -1 }
    }

    /// Whether `principal` may write an enterprise (or its demand) that is stored in
    /// `storedCounty` (nil: not registered yet) and is to be in `newCounty` (nil: unchanged).
    /// A county office needs both to be its own: moving another county's enterprise into its
    /// own county, or its own out, is the registry office's business.
    static func mayWriteEnterprise(_ principal: Principal, storedCounty: Int32?, newCounty: Int32?) -> Bool {
        [storedCounty, newCounty].allSatisfy { county in county.map { mayWrite(principal, county: $0) } ?? true }
    }

    /// Why `principal` may not write enterprise `creditCode`, for a refusal or a row error, in the
    /// caller's language.
    static func enterpriseRefusal(_ principal: Principal, creditCode: String, storedCounty: Int32?, newCounty: Int32?) -> String {
        let own = principal.county ?? "-"
        if let stored = storedCounty, !mayWrite(principal, county: stored) {
            return Messages.RegistryRefusals.enterpriseOfOtherCounty(principal.identity, own: own, code: creditCode, stored: stored).forCaller
        }
        return Messages.RegistryRefusals.enterpriseToOtherCounty(principal.identity, own: own, not: newCounty.map(String.init) ?? "-").forCaller
    }

    /// Whether `principal` may export the whole city at once (county offices export their own county).
    static func mayExportCity(_ principal: Principal) -> Bool {
        principal.hasRole("admin") || principal.hasRole(office) || principal.hasRole(auditor)
    }

    /// Whether `principal` sees the full ID number, name and phone of a person in `county`.
    static func seesPersonalData(_ principal: Principal, county: Int32) -> Bool {
        mayWrite(principal, county: county)
    }
}

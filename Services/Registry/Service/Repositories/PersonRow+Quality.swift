import Foundation
import JCSkillsProtocol

extension PersonRow {
    /// The length of a sealed empty text in the store's format (version byte, key id, nonce,
    /// tag; Sources/Store/PersonalData/PersonalData.swift): a phone sealed this short is
    /// empty, so a missing phone is seen without opening anything. Rows built from a validated
    /// registration carry no sealed phone yet, and their phone is never empty (the rules
    /// require one), so they do not match.
    static let sealedEmptyLength = 1 + 4 + 12 + 16

    /// Whether the card has no phone. The rules refuse a registration or an update without
    /// one, so only rows written some other way can lack it; the figure says whether any do.
    var phoneMissing: Bool { phoneSealed.count == Self.sealedEmptyLength }

    /// The fields the data-quality figures read, for the migration that counts stored rows
    /// (``PersonQualityCounts/migration``).
    init(id: Int64, residenceCounty: Int32, status: RegistrationStatus, details: PersonDetails, phoneSealed: Data) {
        self.id = id
        cardNumber = ""
        idSealed = Data()
        nameSealed = Data()
        self.phoneSealed = phoneSealed
        self.residenceCounty = residenceCounty
        self.status = status
        self.details = details
        version = 0
    }
}

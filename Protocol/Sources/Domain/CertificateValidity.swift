/// How long a certificate stays valid and how often it must be reviewed (复审).
///
/// Dates are computed with ``CalendarDate/adding(years:)``: a certificate issued on 29 February
/// has its anniversaries on 28 February in common years. A certificate is valid up to and
/// including the day before its expiry date.
public struct CertificateValidity: Hashable, Sendable {
    /// Years until expiry; nil for no expiry.
    public let validForYears: Int?
    /// Years between reviews within the validity; nil for no review.
    public let reviewEveryYears: Int?

    /// No expiry, no review.
    public static let unlimited = CertificateValidity(validForYears: nil)

    public init(validForYears: Int?, reviewEveryYears: Int? = nil) {
        self.validForYears = validForYears
        self.reviewEveryYears = reviewEveryYears
    }

    /// The first day the certificate is no longer valid; nil when it does not expire.
    public func expiryDate(issuedOn issued: CalendarDate) -> CalendarDate? {
        validForYears.flatMap { issued.adding(years: $0) }
    }

    /// Whether a certificate issued on `issued` is valid on `date`: from the issue date up to
    /// the day before expiry. Reviews are not considered (a missed review is the issuer's
    /// record, not a date rule).
    public func isValid(issuedOn issued: CalendarDate, on date: CalendarDate) -> Bool {
        guard date >= issued else { return false }
        guard let expiry = expiryDate(issuedOn: issued) else { return true }
        return date < expiry
    }

    /// The review dates before expiry, in order: for a 6-year certificate reviewed every 3
    /// years, the single date 3 years after issue. Empty when there is no review.
    public func reviewDates(issuedOn issued: CalendarDate) -> [CalendarDate] {
        guard let every = reviewEveryYears, every > 0 else { return [] }
        let limit = validForYears ?? every
        return stride(from: every, to: limit, by: every).compactMap { issued.adding(years: $0) }
    }
}

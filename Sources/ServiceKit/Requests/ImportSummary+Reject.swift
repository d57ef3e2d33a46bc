import JCSkillsProtocol

extension ImportSummary {
    /// An import's answer lists at most this many row errors; `rejected` counts them all.
    public static let reportedErrorLimit = 1_000

    /// Counts a rejected row, listing it while there is room.
    public mutating func reject(_ error: RowError) {
        rejected += 1
        if errors.count < Self.reportedErrorLimit { errors.append(error) }
    }
}

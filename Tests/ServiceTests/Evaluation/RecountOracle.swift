import JCSkillsProtocol

extension [EvaluationRecountTests.Issued] {
    /// The recounts' oracle for the distinct-person figures of `county` (0: the city) on `day`,
    /// from the model's certificates alone: the holders valid that day, each counted in the
    /// county of their most recent valid certificate — of two issued the same day, the lower
    /// code (docs/NUMBERS.md, "One county per person") — and those of them holding a valid
    /// high-skill certificate.
    func counted(in county: Int32, on day: CalendarDate) -> (all: Set<Int>, highSkill: Set<Int>) {
        let valid = filter { $0.valid(on: day) }
        var place: [Int: EvaluationRecountTests.Issued] = [:]
        for certificate in valid {
            if let best = place[certificate.holder],
               (best.issuedOn.dayNumber, -best.county) >= (certificate.issuedOn.dayNumber, -certificate.county) { continue }
            place[certificate.holder] = certificate
        }
        let all = Set(place.values.filter { county == 0 || $0.county == county }.map(\.holder))
        return (all, Set(valid.filter { $0.level.isHighSkill }.map(\.holder)).intersection(all))
    }
}

import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing

/// A small deterministic generator (SplitMix64), so a failing recount can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Evaluation: counts equal a brute-force recount")
struct EvaluationRecountTests {
    /// What the test remembers of each certificate, to recount without the database.
    struct Issued {
        var number: String
        var holder: Int
        var kind: CertificateKind
        var occupation: String
        var level: SkillLevel
        var county: Int32
        var issuedOn: CalendarDate
        var expiresOn: CalendarDate?
        var endedOn: Int32?

        func valid(on day: CalendarDate) -> Bool {
            issuedOn <= day && (expiresOn.map { day < $0 } ?? true) && (endedOn.map { day.yyyymmdd < $0 } ?? true)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func countsMatchARecountOnGeneratedData(backend: TestBackend) async throws {
        var random = SplitMix(state: 20_201_031)
        let occupations = ["6-18-02-04", "6-31-01-03", "6-30-05-01"]
        let counties: [Int32] = [140524, 140525]
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(
                    code: "CITY", type: .cityCentre, county: 140500,
                    scope: occupations.map { ScopeEntry(occupation: $0, levels: SkillLevel.standard) }))
                let holders = (0..<30).map { TestIDs.make(birth: "19\(70 + $0 % 25)0101", sequence: 100 + $0) }
                var issued: [Issued] = []
                for _ in 0..<120 {
                    let holder = Int.random(in: 0..<holders.count, using: &random)
                    let kind = CertificateKind.known.randomElement(using: &random)!
                    let occupation = occupations.randomElement(using: &random)!
                    let level = kind.hasLevels ? SkillLevel.standard.randomElement(using: &random)! : .unspecified
                    let special = kind == .specialOperations || kind == .specialEquipmentOperator
                    let day = CalendarDate(dayNumber: CalendarDate(year: 2015, month: 1, day: 1)!.dayNumber + Int.random(in: 0..<4_300, using: &random))!
                    let county = counties.randomElement(using: &random)!
                    var request = CertificateIssue.sample(
                        institution: "CITY", kind: kind, occupation: occupation, level: level, operation: special ? "OP" : "",
                        id: holders[holder], county: county, issuedOn: day.yyyymmdd)
                    request.holderName = "持证人\(holder)"
                    let response = try await client.unary(EvaluationService.issueCertificate, request)
                    // What it supersedes: the holder's lower levels of this kind and occupation
                    // that nothing higher superseded yet, whatever their dates.
                    let sameLine = issued.filter { $0.holder == holder && $0.kind == kind && $0.occupation == occupation }
                    let wasValid = sameLine.filter { lower in !sameLine.contains { $0.level > lower.level } }
                    #expect(Set(response.superseded) == Set(wasValid.filter { level != .unspecified && $0.level < level }.map(\.number)))
                    issued.append(Issued(number: response.number, holder: holder, kind: kind, occupation: occupation, level: level,
                                         county: county, issuedOn: day, expiresOn: kind.validity.expiryDate(issuedOn: day)))
                }
                // Revoke every tenth certificate, today.
                var revoked = Set<Int>()
                for index in stride(from: 0, to: issued.count, by: 10) {
                    _ = try await client.unary(EvaluationService.revokeCertificate, .init(number: issued[index].number, reason: "recount test"))
                    revoked.insert(index)
                }
                // The model's supersession (docs/NUMBERS.md): a certificate with a level ends on the
                // earliest issue date of an unrevoked higher one of its kind and occupation; a
                // revoked one also on the day of its revocation.
                for index in issued.indices {
                    let mine = issued[index]
                    let from = mine.level == .unspecified ? nil : issued.indices.filter {
                        !revoked.contains($0) && issued[$0].holder == mine.holder && issued[$0].kind == mine.kind
                            && issued[$0].occupation == mine.occupation && issued[$0].level > mine.level
                    }.map { issued[$0].issuedOn.yyyymmdd }.min()
                    let revokedOn = revoked.contains(index) ? EvaluationHarness.today : nil
                    issued[index].endedOn = [from, revokedOn].compactMap { $0 }.min()
                }
                // Fixed dates around the data, plus the days certificates start and end (where counts step).
                let steps = issued.flatMap { [$0.issuedOn.yyyymmdd, $0.expiresOn?.yyyymmdd ?? 0, $0.endedOn ?? 0] }.filter { $0 != 0 }
                let days: [Int32] = [20141231, 20170630, 20191231, 20211231, 20250301, 20261031, EvaluationHarness.today, 20991231]
                    + (0..<25).map { _ in steps.randomElement(using: &random)! }
                var figures: [Int32: [Int32: (UInt64, UInt64)]] = [:]  // day → county → (skilled, high skill)
                for county in [Int32(0)] + counties {
                    for yyyymmdd in days {
                        let day = CalendarDate(yyyymmdd: yyyymmdd)!
                        let expected = issued.counted(in: county, on: day)
                        let counts = try await client.unary(EvaluationService.counts, CountsRequest(county: county, asOf: yyyymmdd))
                        #expect(counts.skilledWorkers == UInt64(expected.all.count), "county \(county) on \(day)")
                        #expect(counts.highSkill == UInt64(expected.highSkill.count), "county \(county) on \(day)")
                        figures[yyyymmdd, default: [:]][county] = (counts.skilledWorkers, counts.highSkill)
                    }
                    // New skilled workers: each holder's first certificate that was valid on the day it
                    // was issued (revoked later or not), counted in its county.
                    var first: [Int: Issued] = [:]
                    for certificate in issued where certificate.valid(on: certificate.issuedOn) {
                        if let known = first[certificate.holder], known.issuedOn <= certificate.issuedOn { continue }
                        first[certificate.holder] = certificate
                    }
                    for year in Int32(2015)...2026 {
                        let expected = first.values.filter { Int32($0.issuedOn.year) == year && (county == 0 || $0.county == county) }.count
                        let counts = try await client.unary(EvaluationService.counts, CountsRequest(county: county, asOf: 20261231, year: year))
                        #expect(counts.newSkilledWorkers == UInt64(expected), "county \(county) year \(year)")
                    }
                }
                // The counties add up to the city on every date.
                for (day, byCounty) in figures {
                    let city = byCounty[0]!
                    let sum = counties.reduce((UInt64(0), UInt64(0))) { ($0.0 + byCounty[$1]!.0, $0.1 + byCounty[$1]!.1) }
                    #expect(sum.0 == city.0 && sum.1 == city.1, "on \(day): counties \(sum), city \(city)")
                }
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func concurrentIssuesForOnePersonCountOnce(backend: TestBackend) async throws {
        try await EvaluationHarness.with(backend) { harness in
            try await harness.client { client in
                let occupations = (1...8).map { "6-18-01-0\($0)" }
                _ = try await client.unary(EvaluationService.registerInstitution, .sample(
                    code: "PAR", scope: occupations.map { ScopeEntry(occupation: $0, levels: [.level3]) }))
                let id = TestIDs.make(birth: "19910101", sequence: 301)
                // Staggered dates, so each write changes the person's coverage boundaries.
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (offset, occupation) in occupations.enumerated() {
                        group.addTask {
                            _ = try await client.unary(EvaluationService.issueCertificate, .sample(
                                institution: "PAR", occupation: occupation, level: .level3, id: id, issuedOn: 20200101 + Int32(offset) * 100))
                        }
                    }
                    try await group.waitForAll()
                }
                for day: Int32 in [20191231, 20200101, 20200501, 20211231] {
                    let counts = try await client.unary(EvaluationService.counts, CountsRequest(asOf: day))
                    #expect(counts.skilledWorkers == (day < 20200101 ? 0 : 1), "on \(day)")
                    #expect(counts.highSkill == (day < 20200101 ? 0 : 1), "on \(day)")
                }
            }
        }
    }
}

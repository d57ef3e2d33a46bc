/// The competition service's contract (plan actions 6 and 8 in `seeds/SEED-EN.md`; the rules in
/// docs/COMPETITIONS.md): competitions and their events with marking schemes and judges,
/// entries confirmed with the registry, marks, results in rank order, awards that name the
/// technical experts and promote winners one level through the evaluation service, and
/// skill-master studios.
public enum CompetitionService {
    public static let name = "jcskills.competition.Competition"

    // Competitions and events
    /// Registers a competition, or registers it again to update it (its code keys it).
    public static let registerCompetition = Method<Competition, CompetitionView>(service: name, name: "RegisterCompetition", kind: .unary, isIdempotent: true)
    public static let getCompetition = Method<CompetitionLookup, CompetitionView>(service: name, name: "GetCompetition", kind: .unary, isIdempotent: true)
    public static let listCompetitions = Method<CompetitionListRequest, CompetitionList>(service: name, name: "ListCompetitions", kind: .unary, isIdempotent: true)
    /// Registers an event with its marking scheme and judges, or updates it while unmarked.
    public static let registerEvent = Method<Event, EventView>(service: name, name: "RegisterEvent", kind: .unary, isIdempotent: true)
    public static let listEvents = Method<CompetitionLookup, EventList>(service: name, name: "ListEvents", kind: .unary, isIdempotent: true)

    // Entries
    /// Enters one person in one event; a worker is confirmed with the registry first. Entering
    /// the same person again returns the entry.
    public static let enter = Method<EntryRequest, EntryView>(service: name, name: "Enter", kind: .unary, isIdempotent: true)
    public static let importEntries = Method<EntryBatch, ImportSummary>(service: name, name: "ImportEntries", kind: .clientStreaming)

    // Marking (judges only)
    /// A judge's marks for an event; only judges assigned to it, only while it is open.
    public static let submitMarks = Method<MarkSheet, MarkSheetReceipt>(service: name, name: "SubmitMarks", kind: .unary, isIdempotent: true)
    /// Locks the marks, ranks the entries and makes the awards; promotions are then asked of
    /// the evaluation service in the background, retried until answered.
    public static let closeEvent = Method<EventLookup, EventView>(service: name, name: "CloseEvent", kind: .unary, isIdempotent: true)
    /// The event's results in rank order (server stream).
    public static let results = Method<ResultsRequest, EventResult>(service: name, name: "Results", kind: .serverStreaming, isIdempotent: true)
    public static let awards = Method<AwardsRequest, AwardList>(service: name, name: "Awards", kind: .unary, isIdempotent: true)

    // Skill-master studios
    /// Registers a studio once the evaluation service confirms its master's 技师 or 高级技师
    /// certificate; registering again updates it.
    public static let registerStudio = Method<Studio, StudioView>(service: name, name: "RegisterStudio", kind: .unary, isIdempotent: true)
    public static let recordStudioYear = Method<StudioYear, StudioView>(service: name, name: "RecordStudioYear", kind: .unary, isIdempotent: true)
    public static let studios = Method<StudiosRequest, StudioReport>(service: name, name: "Studios", kind: .unary, isIdempotent: true)

    // Figures
    public static let counts = Method<CountsRequest, CompetitionCounts>(service: name, name: "Counts", kind: .unary, isIdempotent: true)
    /// Up to ``CountsQuestions/limit`` `Counts` questions in one call, answered in order (the
    /// gateway's every scope on two dates).
    public static let batchCounts = Method<CountsQuestions, CompetitionCountsAnswers>(service: name, name: "BatchCounts", kind: .unary, isIdempotent: true)
}

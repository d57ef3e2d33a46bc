/// The key employment groups a service currently recognises, with their names: policy data,
/// not constants, because the list of "ten groups" is not fixed by the plan (docs/DOMAIN.md §5.3).
///
/// ``default`` holds the national ten and 就业困难人员 (values 1–11). A deployment may load
/// another list — drop a group, rename one, or add value 12 with its own names — and this
/// version handles it without code changes.
public struct KeyGroupCatalogue: Hashable, Sendable {
    /// One recognised group.
    public struct Entry: Hashable, Sendable {
        public let group: KeyEmploymentGroup
        public let chineseName: String
        /// Lower-case identifier for files and configuration, e.g. `poor_labour`.
        public let slug: String

        public init(group: KeyEmploymentGroup, chineseName: String, slug: String) {
            self.group = group
            self.chineseName = chineseName
            self.slug = slug
        }
    }

    /// The recognised groups, in display order.
    public let entries: [Entry]

    /// The national ten and 就业困难人员, with the names of ``KeyEmploymentGroup``.
    public static let `default` = KeyGroupCatalogue(
        uncheckedEntries: KeyEmploymentGroup.known.map { Entry(group: $0, chineseName: $0.chineseName, slug: $0.slug) }
    )

    /// A catalogue of the given entries.
    /// - Returns: nil when two entries share a value or a slug, or an entry uses
    ///   ``KeyEmploymentGroup/unspecified`` — a configuration mistake to report at start-up.
    public init?(entries: [Entry]) {
        guard Set(entries.map(\.group)).count == entries.count,
              Set(entries.map(\.slug)).count == entries.count,
              !entries.contains(where: { $0.group == .unspecified })
        else { return nil }
        self.init(uncheckedEntries: entries)
    }

    /// The groups, in display order.
    public var groups: [KeyEmploymentGroup] { entries.map(\.group) }

    /// Whether the group is recognised.
    public func contains(_ group: KeyEmploymentGroup) -> Bool { entry(for: group) != nil }

    public func entry(for group: KeyEmploymentGroup) -> Entry? { entries.first { $0.group == group } }

    /// The group with this slug or Chinese name, or nil.
    public func group(named name: String) -> KeyEmploymentGroup? {
        entries.first { $0.slug == name || $0.chineseName == name }?.group
    }

    /// The first group of `groups` this catalogue does not recognise, or nil when all are
    /// recognised (also for an empty list: belonging to no key group is allowed).
    public func firstUnrecognised(in groups: [KeyEmploymentGroup]) -> KeyEmploymentGroup? {
        groups.first { !contains($0) }
    }

    private init(uncheckedEntries: [Entry]) { entries = uncheckedEntries }
}

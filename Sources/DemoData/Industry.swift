/// The industries of demo enterprises: Jincheng's traditional industries and the plan's
/// competition sectors, each with the occupations it asks for in the demand survey.
struct Industry: Sendable {
    /// As written in enterprises.csv, e.g. 煤炭开采.
    let name: String
    /// Word in the enterprise's name, e.g. 煤业.
    let nameWord: String
    /// Occupation codes it demands (all in ``OccupationCatalogue/default``).
    let occupations: [String]
    /// Share of enterprises with 300 or more staff, in percent.
    let largeShare: Int

    static let table = WeightedTable<Industry>([
        (Industry(name: "煤炭开采", nameWord: "煤业", occupations: ["6-16-01-05", "6-16-01-06", "6-31-01-03", "6-20-01-01", "6-30-05-01"], largeShare: 25), 14),
        (Industry(name: "钢铁冶炼", nameWord: "钢铁", occupations: ["6-17-02-02", "6-18-02-01", "6-31-01-03", "6-20-01-01", "6-18-02-04"], largeShare: 20), 6),
        (Industry(name: "装备制造", nameWord: "机械制造", occupations: ["6-18-02-04", "6-18-01-01", "6-18-01-02", "6-20-01-01", "6-31-01-03"], largeShare: 8), 18),
        (Industry(name: "光机电", nameWord: "光电科技", occupations: ["6-25-01-13", "6-31-01-03", "6-18-01-01", "6-20-01-01"], largeShare: 8), 8),
        (Industry(name: "汽车制造与服务", nameWord: "汽车服务", occupations: ["6-22-02-01", "4-12-01-01", "6-18-02-04"], largeShare: 6), 8),
        (Industry(name: "现代物流", nameWord: "物流", occupations: ["6-30-05-01", "4-02-07-08"], largeShare: 5), 10),
        (Industry(name: "建筑施工", nameWord: "建筑工程", occupations: ["6-30-05-05", "6-18-02-04", "6-31-01-03"], largeShare: 6), 12),
        (Industry(name: "煤层气", nameWord: "煤层气开发", occupations: ["6-31-01-03", "6-20-01-01", "6-18-02-04", "6-30-05-05"], largeShare: 12), 5),
        (Industry(name: "文化旅游康养", nameWord: "文旅康养", occupations: ["4-03-02-01", "4-03-02-02", "4-10-01-05", "4-10-01-06"], largeShare: 3), 10),
        (Industry(name: "现代服务业", nameWord: "家政服务", occupations: ["4-10-01-06", "4-10-01-05", "4-03-02-01"], largeShare: 2), 9),
    ])
}

import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// Which counties have a studio: a studio in the development zone counts in its host county,
/// as every record there does (docs/NUMBERS.md, "The development zone").
enum StudioCoverage {
    static func countiesWithStudio(asOf day: Int32, in db: any SQLDatabase) async throws -> Set<Int32> {
        counties(try await db.nativeRows("SELECT DISTINCT county FROM studios WHERE established_on <= ?", [StoreValue(day)])
            .map { try $0.int32("county") })
    }

    /// The counties the studios of these record counties count in.
    static func counties(_ recordCounties: [Int32]) -> Set<Int32> {
        let divisions = JinchengDivisions.standard
        return Set(recordCounties.map { divisions.countingCounty(of: $0) })
    }
}

import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// Which counties have a studio: a studio in the development zone counts in its host county,
/// as every record there does (docs/NUMBERS.md, "The development zone").
enum StudioCoverage {
    static func countiesWithStudio(asOf day: Int32, in db: any SQLDatabase) async throws -> Set<Int32> {
        let divisions = JinchengDivisions.standard
        return Set(try await db.nativeRows("SELECT DISTINCT county FROM studios WHERE established_on <= ?", [StoreValue(day)])
            .map { divisions.countingCounty(of: try $0.int32("county")) })
    }
}

import JCSkillsProtocol
import JCSkillsServiceKit

/// The rules a labour brand follows, each failure naming the field.
enum BrandRules {
    /// The brand normalised: codes trimmed, recognitions in level order.
    static func validate(_ brand: LabourBrand) throws(RuleViolation) -> LabourBrand {
        var result = brand
        result.code = brand.code.trimmingWhitespace
        result.name = brand.name.trimmingWhitespace
        result.occupation = brand.occupation.trimmingWhitespace
        guard !result.code.isEmpty, result.code.utf8.count <= 64 else { throw RuleViolation(field: "code", reason: "1 to 64 bytes") }
        guard !result.name.isEmpty else { throw RuleViolation(field: "name", reason: "is empty") }
        try CountyScope.requireRecordCounty(brand.county)
        result.recognitions = brand.recognitions.sorted { $0.level.rawValue < $1.level.rawValue }
        var previous: BrandRecognition?
        for recognition in result.recognitions {
            guard BrandLevel.known.contains(recognition.level) else {
                throw RuleViolation(field: "recognitions", reason: "level \(recognition.level.rawValue) is not city, provincial or national")
            }
            guard (2000...2100).contains(recognition.year) else {
                throw RuleViolation(field: "recognitions", reason: "\(recognition.year) is not a plausible year")
            }
            if let previous {
                guard previous.level != recognition.level else {
                    throw RuleViolation(field: "recognitions", reason: "\(recognition.level) is given twice")
                }
                guard previous.year <= recognition.year else {
                    throw RuleViolation(field: "recognitions", reason: "\(recognition.level) in \(recognition.year), before \(previous.level) in \(previous.year)")
                }
            }
            previous = recognition
        }
        return result
    }
}

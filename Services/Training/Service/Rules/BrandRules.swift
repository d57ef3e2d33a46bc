import JCSkillsMessages
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
        guard !result.code.isEmpty, result.code.utf8.count <= 64 else { throw RuleViolation(field: "code", reason: Messages.Refusals.codeLength) }
        guard !result.name.isEmpty else { throw RuleViolation(field: "name", reason: Messages.Refusals.isEmpty) }
        try CountyScope.requireRecordCounty(brand.county)
        result.recognitions = brand.recognitions.sorted { $0.level.rawValue < $1.level.rawValue }
        var previous: BrandRecognition?
        for recognition in result.recognitions {
            guard BrandLevel.known.contains(recognition.level) else {
                throw RuleViolation(field: "recognitions", reason: Messages.TrainingRefusals.brandLevel(recognition.level.rawValue))
            }
            guard (2000...2100).contains(recognition.year) else {
                throw RuleViolation(field: "recognitions", reason: Messages.Refusals.notAPlausibleYear(recognition.year))
            }
            if let previous {
                guard previous.level != recognition.level else {
                    throw RuleViolation(field: "recognitions", reason: Messages.TrainingRefusals.brandLevelTwice(recognition.level))
                }
                guard previous.year <= recognition.year else {
                    throw RuleViolation(field: "recognitions", reason: Messages.TrainingRefusals.brandLevelsOutOfOrder(recognition.level, recognition.year, before: previous.level, previous.year))
                }
            }
            previous = recognition
        }
        return result
    }
}

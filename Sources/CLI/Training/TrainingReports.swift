import Foundation
import JCSkillsDemoData
import JCSkillsProtocol

/// How the training commands print courses, enrolments, results, brands and a person's record
/// (the indicators table is ``TrainingIndicatorsTable``).
enum TrainingReports {
    static func courseList(_ list: CourseList) -> String {
        var lines = ["\(list.courses.count) courses"]
        if !list.courses.isEmpty {
            lines.append("  " + TrainingNames.pad("code", 14) + TrainingNames.pad("county", 16) + TrainingNames.pad("dates", 24)
                         + TrainingNames.pad("programme", 30) + TrainingNames.pad("mode", 12) + "places  subsidy     name")
        }
        for view in list.courses {
            let course = view.course
            let subsidy = course.subsidyWithCertificate > course.subsidyPerTrainee
                ? "\(course.subsidyPerTrainee)/\(course.subsidyWithCertificate)" : String(course.subsidyPerTrainee)
            lines.append("  " + TrainingNames.pad(course.code, 14) + TrainingNames.pad(TrainingNames.county(course.county), 16)
                         + TrainingNames.pad("\(TrainingNames.date(course.startsOn))–\(TrainingNames.date(course.endsOn))", 24)
                         + TrainingNames.pad(course.programme.description, 30) + TrainingNames.pad(course.mode.chineseName, 12)
                         + TrainingNames.pad("\(view.enrolled)/\(course.capacity)", 8) + TrainingNames.pad(subsidy, 12) + course.name)
        }
        return lines.joined(separator: "\n")
    }

    static func course(_ view: CourseView) -> String {
        let course = view.course
        let occupation = OccupationCatalogue.default.occupation(code: course.occupation).map { " \($0.chineseName)" } ?? ""
        var certificate = EvaluationCSVFormat.certificateKind.terms.first { $0.value == course.certificateKind }?.chineseName ?? course.certificateKind.description
        if course.level != .unspecified { certificate += " \(course.level.chineseName)" }
        let tier = course.subsidyWithCertificate > 0 ? ", \(course.subsidyWithCertificate) with a certificate after the course" : ""
        return """
            code          \(course.code)
            name          \(course.name)
            occupation    \(course.occupation)\(occupation)
            certificate   \(certificate)
            programme     \(TrainingNames.programme(course.programme))
            mode          \(TrainingNames.mode(course.mode))
            provider      \(course.providerCreditCode) (\(course.providerKind))
            county        \(TrainingNames.county(course.county))
            dates         \(TrainingNames.date(course.startsOn)) – \(TrainingNames.date(course.endsOn))
            places        \(view.enrolled) of \(course.capacity) taken
            subsidy       \(course.subsidyPerTrainee) yuan per trainee who passes\(tier)
            labour brand  \(course.labourBrand.isEmpty ? "-" : course.labourBrand)
            """
    }

    static func enrolment(_ view: EnrolmentView) -> String {
        """
        enrolled      \(view.number) in course \(view.courseCode) on \(TrainingNames.date(view.enrolledOn))
        card          \(view.cardNumber), \(TrainingNames.county(view.county))
        key groups    \(view.keyGroups.isEmpty ? "-" : RegistryCSVFormat.formatKeyGroups(view.keyGroups))
        """
    }

    static func result(_ view: TrainingResultView) -> String {
        let result = view.result
        return """
            enrolment     \(result.enrolmentNumber) in course \(view.courseCode)
            result        \(outcome(view))
            certificate   \(view.certificateNumber.isEmpty ? "-" : view.certificateNumber)
            job           \(job(result))
            """
    }

    /// `passed on 2021-06-09, TC2021…`, `failed on …`, or `no result yet`.
    static func outcome(_ view: TrainingResultView) -> String {
        let result = view.result
        guard result.completedOn != 0 else { return "no result yet" }
        return result.passed
            ? "passed on \(TrainingNames.date(result.completedOn)), completion \(view.completionNumber)"
            : "not passed (completed or left on \(TrainingNames.date(result.completedOn)))"
    }

    static func job(_ result: TrainingResult) -> String {
        let verified = result.employmentVerified ? "verified" : "declared"
        if !result.employerCreditCode.isEmpty {
            return "with \(result.employerCreditCode) from \(TrainingNames.date(result.employedOn)) (\(verified))"
        }
        if result.selfEmployed { return "self-employed from \(TrainingNames.date(result.employedOn)) (\(verified))" }
        return "-"
    }

    static func brands(_ report: LabourBrandReport) -> String {
        var lines = ["\(report.brands.count) labour brands"]
        for view in report.brands {
            let brand = view.brand
            let occupation = OccupationCatalogue.default.occupation(code: brand.occupation).map { " \($0.chineseName)" } ?? ""
            let levels = brand.recognitions.map { "\(levelName($0.level)) \($0.year)" }
            lines.append("  \(TrainingNames.pad(brand.code, 18)) \(TrainingNames.pad(brand.name, 18)) \(TrainingNames.pad(TrainingNames.county(brand.county), 16)) \(brand.occupation)\(occupation)")
            lines.append("      reached   \(levels.isEmpty ? "not yet recognised" : levels.joined(separator: ", "))")
            for year in view.years {
                lines.append("      \(year.year)      \(year.trained) trained, \(year.placed) placed in jobs")
            }
        }
        lines.append("counties without a city-level brand by the end of 2020: \(counties(report.countiesLackingCityBrand))")
        lines.append("counties without a provincial-level brand by the end of 2021: \(counties(report.countiesLackingProvincialBrand))")
        return lines.joined(separator: "\n")
    }

    /// 市级, 省级, 国家级.
    static func levelName(_ level: BrandLevel) -> String {
        TrainingCSVFormat.brandLevel.terms.first { $0.value == level }?.chineseName ?? level.description
    }

    private static func counties(_ codes: [Int32]) -> String {
        codes.isEmpty ? "none" : codes.map(TrainingNames.county).joined(separator: ", ")
    }

    static func record(_ record: PersonTrainingRecord) -> String {
        var lines = ["card \(record.cardNumber.isEmpty ? "-" : record.cardNumber): \(record.courses.count) course\(record.courses.count == 1 ? "" : "s")"]
        for entry in record.courses {
            let course = entry.course
            lines.append("  \(course.code)  \(TrainingNames.date(course.startsOn))–\(TrainingNames.date(course.endsOn))  \(course.name)")
            lines.append("      \(TrainingNames.programme(course.programme)), \(TrainingNames.mode(course.mode)), \(TrainingNames.county(course.county))")
            lines.append("      enrolment    \(entry.enrolmentNumber) on \(TrainingNames.date(entry.enrolledOn))")
            lines.append("      result       \(outcome(entry.result))")
            if !entry.result.certificateNumber.isEmpty { lines.append("      certificate  \(entry.result.certificateNumber)") }
            lines.append("      job          \(job(entry.result.result))")
        }
        lines.append("certificates (evaluation service):")
        if record.certificatesKnown {
            lines.append(EvaluationReports.recognitions(record.certificates).split(separator: "\n").map { "  \($0)" }.joined(separator: "\n"))
        } else {
            lines.append("  unknown: the evaluation service could not be asked in time")
        }
        return lines.joined(separator: "\n")
    }
}

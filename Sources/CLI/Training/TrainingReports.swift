import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol

/// How the training commands print courses, enrolments, results, brands and a person's record
/// (the indicators table is ``TrainingIndicatorsTable``).
enum TrainingReports {
    typealias Words = Messages.Training

    static func courseList(_ list: CourseList) -> String {
        var lines = [Words.courseCount(list.courses.count).text()]
        if !list.courses.isEmpty {
            lines.append("  " + TrainingNames.pad(Words.code.text(), 14) + TrainingNames.pad(Words.county.text(), 16) + TrainingNames.pad(Words.dates.text(), 24)
                         + TrainingNames.pad(Words.programme.text(), 30) + TrainingNames.pad(Words.modeHeading.text(), 12)
                         + TrainingNames.pad(Words.places.text(), 8) + TrainingNames.pad(Words.subsidy.text(), 12) + Words.name.text())
        }
        for view in list.courses {
            let course = view.course
            let subsidy = course.subsidyWithCertificate > course.subsidyPerTrainee
                ? "\(course.subsidyPerTrainee)/\(course.subsidyWithCertificate)" : String(course.subsidyPerTrainee)
            let programme = Language.current == .zh ? course.programme.chineseName : course.programme.description
            lines.append("  " + TrainingNames.pad(course.code, 14) + TrainingNames.pad(TrainingNames.county(course.county), 16)
                         + TrainingNames.pad("\(TrainingNames.date(course.startsOn))–\(TrainingNames.date(course.endsOn))", 24)
                         + TrainingNames.pad(programme, 30) + TrainingNames.pad(course.mode.chineseName, 12)
                         + TrainingNames.pad("\(view.enrolled)/\(course.capacity)", 8) + TrainingNames.pad(subsidy, 12) + course.name)
        }
        return lines.joined(separator: "\n")
    }

    static func course(_ view: CourseView) -> String {
        let course = view.course
        let occupation = OccupationCatalogue.default.occupation(code: course.occupation).map { " \($0.chineseName)" } ?? ""
        var certificate = EvaluationCSVFormat.certificateKind.terms.first { $0.value == course.certificateKind }?.chineseName ?? course.certificateKind.description
        if course.level != .unspecified { certificate += " \(course.level.chineseName)" }
        let tier = course.subsidyWithCertificate > 0 ? Words.subsidyTier(course.subsidyWithCertificate).text() : ""
        let provider = Vocabulary.word(TrainingCSVFormat.providerKind, course.providerKind)
        return LabelledLines.render([
            (Words.code, course.code),
            (Words.name, course.name),
            (Words.occupation, course.occupation + occupation),
            (Words.certificate, certificate),
            (Words.programme, TrainingNames.programme(course.programme)),
            (Words.modeHeading, TrainingNames.mode(course.mode)),
            (Words.provider, "\(course.providerCreditCode) (\(provider))"),
            (Words.county, TrainingNames.county(course.county)),
            (Words.dates, "\(TrainingNames.date(course.startsOn)) – \(TrainingNames.date(course.endsOn))"),
            (Words.places, Words.placesTaken(view.enrolled, of: course.capacity).text()),
            (Words.subsidy, Words.subsidyPerTrainee(course.subsidyPerTrainee).text() + tier),
            (Words.labourBrand, course.labourBrand.isEmpty ? "-" : course.labourBrand),
        ])
    }

    static func enrolment(_ view: EnrolmentView) -> String {
        LabelledLines.render([
            (Words.enrolled, Words.enrolledIn(view.number, course: view.courseCode, on: TrainingNames.date(view.enrolledOn)).text()),
            (Words.card, view.cardNumber + Messages.Common.separator.text() + TrainingNames.county(view.county)),
            (Words.keyGroups, view.keyGroups.isEmpty ? "-" : Vocabulary.keyGroups(view.keyGroups)),
        ])
    }

    static func result(_ view: TrainingResultView) -> String {
        let result = view.result
        return LabelledLines.render([
            (Words.enrolment, Words.inCourse(result.enrolmentNumber, course: view.courseCode).text()),
            (Words.result, outcome(view)),
            (Words.certificate, view.certificateNumber.isEmpty ? "-" : view.certificateNumber),
            (Words.job, job(result)),
        ])
    }

    /// `passed on 2021-06-09, TC2021…`, `failed on …`, or `no result yet`.
    static func outcome(_ view: TrainingResultView) -> String {
        let result = view.result
        guard result.completedOn != 0 else { return Words.noResultYet.text() }
        return result.passed
            ? Words.passed(on: TrainingNames.date(result.completedOn), completion: view.completionNumber).text()
            : Words.notPassed(on: TrainingNames.date(result.completedOn)).text()
    }

    static func job(_ result: TrainingResult) -> String {
        let verified = result.employmentVerified ? Words.verified : Words.declared
        if !result.employerCreditCode.isEmpty {
            return Words.employedWith(result.employerCreditCode, from: TrainingNames.date(result.employedOn), verified).text()
        }
        if result.selfEmployed { return Words.selfEmployed(from: TrainingNames.date(result.employedOn), verified).text() }
        return "-"
    }

    static func brands(_ report: LabourBrandReport) -> String {
        var lines = [Words.brandCount(report.brands.count).text()]
        for view in report.brands {
            let brand = view.brand
            let occupation = OccupationCatalogue.default.occupation(code: brand.occupation).map { " \($0.chineseName)" } ?? ""
            let levels = brand.recognitions.map { "\(levelName($0.level)) \($0.year)" }
            lines.append("  \(TrainingNames.pad(brand.code, 18)) \(TrainingNames.pad(brand.name, 18)) \(TrainingNames.pad(TrainingNames.county(brand.county), 16)) \(brand.occupation)\(occupation)")
            lines.append(Words.reached(levels.isEmpty ? Words.notYetRecognised.text() : levels.joined(separator: ", ")).text())
            for year in view.years {
                lines.append(Words.brandYear(year.year, trained: year.trained, placed: year.placed).text())
            }
        }
        lines.append(Words.lackingCityBrand(counties(report.countiesLackingCityBrand)).text())
        lines.append(Words.lackingProvincialBrand(counties(report.countiesLackingProvincialBrand)).text())
        return lines.joined(separator: "\n")
    }

    /// 市级, 省级, 国家级.
    static func levelName(_ level: BrandLevel) -> String {
        TrainingCSVFormat.brandLevel.terms.first { $0.value == level }?.chineseName ?? level.description
    }

    private static func counties(_ codes: [Int32]) -> String {
        codes.isEmpty ? Words.none.text() : codes.map(TrainingNames.county).joined(separator: ", ")
    }

    static func record(_ record: PersonTrainingRecord) -> String {
        var lines = [Words.recordTitle(card: record.cardNumber.isEmpty ? "-" : record.cardNumber, courses: record.courses.count).text()]
        for entry in record.courses {
            let course = entry.course
            lines.append("  \(course.code)  \(TrainingNames.date(course.startsOn))–\(TrainingNames.date(course.endsOn))  \(course.name)")
            lines.append("      \(TrainingNames.programme(course.programme)), \(TrainingNames.mode(course.mode)), \(TrainingNames.county(course.county))")
            var rows: [(Message, String)] = [
                (Words.enrolment, Words.enrolmentOn(entry.enrolmentNumber, date: TrainingNames.date(entry.enrolledOn)).text()),
                (Words.result, outcome(entry.result)),
            ]
            if !entry.result.certificateNumber.isEmpty { rows.append((Words.certificate, entry.result.certificateNumber)) }
            rows.append((Words.job, job(entry.result.result)))
            lines.append(LabelledLines.render(rows).split(separator: "\n").map { "      \($0)" }.joined(separator: "\n"))
        }
        lines.append(Words.certificatesHeading.text())
        if record.certificatesKnown {
            lines.append(EvaluationReports.recognitions(record.certificates).split(separator: "\n").map { "  \($0)" }.joined(separator: "\n"))
        } else {
            lines.append(Words.certificatesUnknown.text())
        }
        return lines.joined(separator: "\n")
    }
}

import Foundation
import JCSkillsDemoData
import JCSkillsProtocol

/// The training commands' `--json`: the answers with the protocol's field names (snake case),
/// dates as ISO text, enums by their CSV slugs.
enum TrainingJSON {
    static func render(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func date(_ yyyymmdd: Int32) -> Any {
        yyyymmdd == 0 ? NSNull() : CalendarDate(yyyymmdd: yyyymmdd)?.isoString ?? String(yyyymmdd)
    }

    static func course(_ view: CourseView) -> [String: Any] {
        var object = course(view.course)
        object["enrolled"] = view.enrolled
        return object
    }

    static func course(_ course: Course) -> [String: Any] {
        [
            "code": course.code, "name": course.name, "occupation": course.occupation,
            "certificate_kind": EvaluationCSVFormat.certificateKind.text(for: course.certificateKind),
            "level": course.level == .unspecified ? NSNull() : course.level.rawValue,
            "mode": RegistryCSVFormat.trainingMode.text(for: course.mode), "mode_zh": course.mode.chineseName,
            "programme": course.programme.description, "provider_kind": course.providerKind.description,
            "provider_credit_code": course.providerCreditCode, "county": course.county,
            "starts_on": date(course.startsOn), "ends_on": date(course.endsOn), "capacity": course.capacity,
            "subsidy_per_trainee": course.subsidyPerTrainee, "subsidy_with_certificate": course.subsidyWithCertificate,
            "labour_brand": course.labourBrand,
        ]
    }

    static func figures(_ figures: TrainingFigures) -> [String: Any] {
        [
            "enrolled": figures.enrolled, "completed": figures.completed, "passed": figures.passed, "employed": figures.employed,
            "certified": figures.certified, "pass_rate": figures.passRate, "employment_rate": figures.employmentRate,
            "certificate_rate": figures.certificateRate, "subsidy_due": figures.subsidyDue,
        ]
    }

    /// Rates in basis points, as the service sends them (9,500 = 95 %).
    static func indicators(_ indicators: TrainingIndicators) -> [String: Any] {
        [
            "year": indicators.year, "county": indicators.county, "total": figures(indicators.total),
            "lines": indicators.lines.map { line -> [String: Any] in
                ["dimension": line.dimension, "key": line.key, "figures": figures(line.figures), "flags": line.flags]
            },
        ]
    }

    static func brand(_ view: LabourBrandView) -> [String: Any] {
        [
            "code": view.brand.code, "name": view.brand.name, "county": view.brand.county, "occupation": view.brand.occupation,
            "recognitions": view.brand.recognitions.map { ["level": $0.level.description, "year": $0.year] as [String: Any] },
            "level": view.level.description,
            "years": view.years.map { ["year": $0.year, "trained": $0.trained, "placed": $0.placed] as [String: Any] },
        ]
    }

    static func brands(_ report: LabourBrandReport) -> [String: Any] {
        [
            "brands": report.brands.map(brand),
            "counties_lacking_city_brand": report.countiesLackingCityBrand,
            "counties_lacking_provincial_brand": report.countiesLackingProvincialBrand,
        ]
    }

    static func result(_ view: TrainingResultView) -> [String: Any] {
        let result = view.result
        return [
            "enrolment_number": result.enrolmentNumber, "course_code": view.courseCode, "completed_on": date(result.completedOn),
            "passed": result.passed, "completion_number": view.completionNumber, "certificate_number": view.certificateNumber,
            "employer_credit_code": result.employerCreditCode, "self_employed": result.selfEmployed,
            "employed_on": date(result.employedOn), "employment_verified": result.employmentVerified,
        ]
    }

    /// Certificates from the evaluation service: number, kind, occupation, level, state and
    /// what each is recognised as.
    static func record(_ record: PersonTrainingRecord) -> [String: Any] {
        [
            "card_number": record.cardNumber,
            "courses": record.courses.map { entry -> [String: Any] in
                ["course": course(entry.course), "enrolment_number": entry.enrolmentNumber, "enrolled_on": date(entry.enrolledOn),
                 "result": entry.result.result.completedOn == 0 && entry.result.certificateNumber.isEmpty ? NSNull() : result(entry.result)]
            },
            "certificates_known": record.certificatesKnown,
            "certificates": [
                "highest_level": record.certificates.highestLevel == .unspecified ? NSNull() : record.certificates.highestLevel.rawValue,
                "engineering_title": record.certificates.engineeringTitle,
                "certificates": record.certificates.certificates.map { entry -> [String: Any] in
                    let view = entry.certificate
                    return [
                        "number": view.number, "kind": EvaluationCSVFormat.certificateKind.text(for: view.kind), "occupation": view.occupation,
                        "level": view.level == .unspecified ? NSNull() : view.level.rawValue, "issued_on": date(view.issuedOn),
                        "state": view.state.description,
                        "equivalent_kind": entry.equivalentKind == .unspecified ? NSNull() : EvaluationCSVFormat.certificateKind.text(for: entry.equivalentKind),
                        "equivalent_level": entry.equivalentLevel == .unspecified ? NSNull() : entry.equivalentLevel.rawValue,
                        "engineering_title": entry.engineeringTitle,
                    ]
                },
            ] as [String: Any],
        ]
    }
}

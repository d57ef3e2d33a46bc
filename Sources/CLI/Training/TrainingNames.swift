import JCSkillsMessages
import JCSkillsProtocol

/// How the training commands name what the service sends as numbers and slugs: modes and
/// programmes in Chinese and English, counties by name, dates and rates.
enum TrainingNames {
    /// The plan's name of a mode (the contract's ``TrainingMode`` carries it), with its English
    /// gloss in English.
    static func mode(_ mode: TrainingMode) -> String {
        let gloss = switch mode {
        case .newApprenticeship: Messages.Training.newApprenticeship
        case .trainingInPlaceOfWork: Messages.Training.inPlaceOfWork
        case .projectBased: Messages.Training.projectBased
        case .workStudyIntegration: Messages.Training.workStudy
        case .internetPlus: Messages.Training.internetPlus
        default: Messages.Training.mode(mode.rawValue)
        }
        return Language.current == .zh ? mode.chineseName : "\(mode.chineseName) \(gloss.en)"
    }

    static func programme(_ programme: TrainingProgramme) -> String {
        Language.current == .zh ? programme.chineseName : "\(programme.chineseName) \(programme.description)"
    }

    /// `陵川县 140524`; the city for 0 or 140500.
    static func county(_ code: Int32) -> String {
        if code == 0 || code == JinchengDivisions.city.code {
            return Language.current == .zh ? JinchengDivisions.city.chineseName : "\(JinchengDivisions.city.chineseName) \(Messages.Training.city.en)"
        }
        let name = JinchengDivisions.standard.all.first { $0.code == code }?.chineseName
        return name.map { "\($0) \(code)" } ?? String(code)
    }

    static func date(_ yyyymmdd: Int32) -> String {
        yyyymmdd == 0 ? "-" : CalendarDate(yyyymmdd: yyyymmdd)?.isoString ?? String(yyyymmdd)
    }

    /// Basis points as a percentage; `-` when nothing is counted yet.
    static func rate(_ basisPoints: UInt32, of count: UInt64) -> String {
        count == 0 ? "-" : String(format: "%.1f%%", Double(basisPoints) / 100)
    }

    static func level(_ level: SkillLevel) -> String {
        level == .unspecified ? "-" : level.chineseName
    }

    /// The text padded on the right to `width` columns, counting a CJK character as two (what
    /// a terminal shows), so the columns of a table line up.
    static func pad(_ text: String, _ width: Int) -> String {
        let shown = text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
        return shown >= width ? text : text + String(repeating: " ", count: width - shown)
    }

    /// The text in exactly `width` columns: padded, or cut with `…` when longer.
    static func fit(_ text: String, _ width: Int) -> String {
        var shown = 0
        var kept = ""
        for scalar in text.unicodeScalars {
            let columns = isWide(scalar) ? 2 : 1
            if shown + columns > width - 1 {
                return text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) } <= width ? pad(text, width) : pad(kept + "…", width)
            }
            kept.unicodeScalars.append(scalar)
            shown += columns
        }
        return pad(text, width)
    }

    /// Right-aligned in `width` columns.
    static func right(_ text: String, _ width: Int) -> String {
        TextWidth.leftPadded(text, to: width)
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6: true
        default: false
        }
    }
}

import Foundation

/// Number formatting shared by the table, the comparison and the progress line.
enum Format {
    /// 12345.6 → "12,346".
    static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let digits = String(Int(value.rounded()).magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < -0.5 ? "-" + out : out
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// A ratio as `1.07×`, or `–` when undefined.
    static func ratio(_ numerator: Double, _ denominator: Double) -> String {
        guard denominator > 0, numerator.isFinite else { return "–" }
        return String(format: "%.2f×", numerator / denominator)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    func rightPadded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

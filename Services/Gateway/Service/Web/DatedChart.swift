import Foundation
import JCSkillsProtocol

/// An indicator's ``PlanSeries`` as inline SVG: dates on the x axis from the baseline to the
/// deadline (or the as-of date, if later), the target dashed, the deadline marked, and each
/// point with its date (`data-date`) and a `<title>` for screen readers and hover. A date no
/// source answered for breaks the line. No scripts, no external resources.
struct DatedChart {
    var points: [PlanSeries.Point]
    var target: Double?
    var deadline: CalendarDate?

    /// The texts, escaped and in the page's language.
    struct Words {
        var label: String
        var point: (_ date: String, _ value: Double) -> String
        var gap: (_ date: String) -> String
        var target: String?
        var deadline: String?
    }

    static let width = 320.0, height = 140.0, pad = 8.0, axis = 18.0

    func render(_ words: Words) -> String {
        let days = points.compactMap { CalendarDate(yyyymmdd: $0.date)?.dayNumber }
        guard let first = days.min(), let last = days.max() else { return "" }
        let end = max(last, deadline?.dayNumber ?? last, first + 1)
        let values = points.compactMap(\.value) + (target.map { [$0] } ?? [])
        let (v0, v1) = (min(0, values.min() ?? 0), max(values.max() ?? 1, 1))
        let bottom = Self.height - Self.axis
        func x(_ day: Int) -> Double { Self.pad + Double(day - first) / Double(end - first) * (Self.width - 2 * Self.pad) }
        func y(_ v: Double) -> Double { bottom - Self.pad - (v - v0) / (v1 - v0) * (bottom - 2 * Self.pad) }
        func f(_ d: Double) -> String { String(format: "%.1f", d) }

        var svg = "<svg class=\"chart dated\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-label=\"\(words.label)\">"
        if let target {
            let title = words.target.map { "<title>\($0)</title>" } ?? ""
            svg += "<line class=\"target\" x1=\"\(f(Self.pad))\" x2=\"\(f(Self.width - Self.pad))\" y1=\"\(f(y(target)))\" y2=\"\(f(y(target)))\">\(title)</line>"
        }
        if let deadline {
            let title = words.deadline.map { "<title>\($0)</title>" } ?? ""
            let at = f(x(deadline.dayNumber))
            svg += "<line class=\"deadline\" x1=\"\(at)\" x2=\"\(at)\" y1=\"\(f(Self.pad))\" y2=\"\(f(bottom))\">\(title)</line>"
        }
        for run in runs() {
            let path = run.map { "\(f(x($0.day))),\(f(y($0.value)))" }.joined(separator: " ")
            svg += "<polyline class=\"series\" points=\"\(path)\"/>"
        }
        for point in points {
            guard let date = CalendarDate(yyyymmdd: point.date) else { continue }
            if let value = point.value {
                svg += "<circle data-date=\"\(date.isoString)\" cx=\"\(f(x(date.dayNumber)))\" cy=\"\(f(y(value)))\" r=\"2\"><title>\(words.point(date.isoString, value))</title></circle>"
            } else {
                svg += "<rect class=\"gap\" data-date=\"\(date.isoString)\" x=\"\(f(x(date.dayNumber) - 1))\" y=\"\(f(bottom - 4))\" width=\"2\" height=\"4\"><title>\(words.gap(date.isoString))</title></rect>"
            }
        }
        svg += "<line class=\"axis\" x1=\"\(f(Self.pad))\" x2=\"\(f(Self.width - Self.pad))\" y1=\"\(f(bottom))\" y2=\"\(f(bottom))\"/>"
        for day in labelDays(first: first, end: end) {
            guard let date = CalendarDate(dayNumber: day) else { continue }
            let anchor = day == first ? "start" : day == end ? "end" : "middle"
            svg += "<text x=\"\(f(x(day)))\" y=\"\(f(Self.height - 4))\" text-anchor=\"\(anchor)\">\(date.isoString.prefix(7))</text>"
        }
        return svg + "</svg>"
    }

    /// The stretches between gaps, each drawn as its own line.
    private func runs() -> [[(day: Int, value: Double)]] {
        var out: [[(day: Int, value: Double)]] = [[]]
        for point in points {
            if let value = point.value, let date = CalendarDate(yyyymmdd: point.date) {
                out[out.count - 1].append((date.dayNumber, value))
            } else if !out[out.count - 1].isEmpty {
                out.append([])
            }
        }
        return out.filter { !$0.isEmpty }
    }

    /// The two ends and, when there is room, one date between: three labels fit 320 units.
    private func labelDays(first: Int, end: Int) -> [Int] {
        end - first > 60 ? [first, (first + end) / 2, end] : [first, end]
    }
}

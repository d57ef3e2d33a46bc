import Foundation

/// A small line chart as inline SVG: the recorded values over time, the straight line from
/// the baseline, and the target as a dashed line. No scripts, no external resources.
struct SVGChart {
    struct Point {
        var atMs: Int64
        var value: Double
    }

    var points: [Point]
    var baseline: Point?
    var target: Double?
    var deadlineMs: Int64?

    static let width = 320.0, height = 120.0, pad = 8.0

    /// `label` names the chart for screen readers; `empty` is shown when there are no points.
    /// Both arrive escaped, in the page's language.
    func render(label: String, empty: String) -> String {
        var all = points
        if let baseline { all.insert(baseline, at: 0) }
        guard !all.isEmpty else {
            return "<svg class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-label=\"\(label): \(empty)\"><text x=\"10\" y=\"60\">\(empty)</text></svg>"
        }
        let times = all.map(\.atMs) + (deadlineMs.map { [$0] } ?? [])
        let values = all.map(\.value) + (target.map { [$0] } ?? [])
        let (t0, t1) = (Double(times.min()!), Double(max(times.max()!, times.min()! + 1)))
        let (v0, v1) = (min(0, values.min()!), max(values.max()!, 1))
        func x(_ t: Int64) -> Double { Self.pad + (Double(t) - t0) / (t1 - t0) * (Self.width - 2 * Self.pad) }
        func y(_ v: Double) -> Double { Self.height - Self.pad - (v - v0) / (v1 - v0) * (Self.height - 2 * Self.pad) }
        func f(_ d: Double) -> String { String(format: "%.1f", d) }

        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-label=\"\(label)\">"
        if let target {
            svg += "<line class=\"target\" x1=\"\(f(Self.pad))\" x2=\"\(f(Self.width - Self.pad))\" y1=\"\(f(y(target)))\" y2=\"\(f(y(target)))\"/>"
        }
        let path = all.map { "\(f(x($0.atMs))),\(f(y($0.value)))" }.joined(separator: " ")
        svg += "<polyline class=\"series\" points=\"\(path)\"/>"
        for point in points {
            svg += "<circle cx=\"\(f(x(point.atMs)))\" cy=\"\(f(y(point.value)))\" r=\"2.5\"/>"
        }
        return svg + "</svg>"
    }
}

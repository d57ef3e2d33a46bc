import Foundation

/// CPU time (user + system) of this process or of a child, in microseconds: with calls/s it
/// gives the CPU cost per call on each side, the figure docs/ANCHORS.md explains costs with.
enum CPUTime {
    static func ofSelf() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func micros(_ t: timeval) -> Double { Double(t.tv_sec) * 1e6 + Double(t.tv_usec) }
        return micros(usage.ru_utime) + micros(usage.ru_stime)
    }

    /// From `/proc/<pid>/stat` (fields 14 and 15, in clock ticks); nil where there is no /proc.
    static func of(pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name, which may itself hold spaces: state is field 3.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) * 1e6 / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

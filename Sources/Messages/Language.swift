import Foundation

/// The language the client, the load tool and the dashboard speak. The city's users read
/// Chinese, so Chinese is the default; English is asked for with `--lang en`, `JCSKILLS_LANG=en`,
/// or a locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, in POSIX's order) that names English.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en

    /// The process's language, decided once from its command line and environment.
    public static let current: Language = resolve(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)

    /// `--lang X` or `--lang=X` wins, then `JCSKILLS_LANG`, then the first locale variable that is
    /// set; a locale that names neither language (`C`, `POSIX`, `C.UTF-8`) leaves the default.
    public static func resolve(arguments: [String], environment: [String: String]) -> Language {
        if let flag = flagValue(in: arguments), let language = Language(tag: flag) { return language }
        if let chosen = environment["JCSKILLS_LANG"], let language = Language(tag: chosen) { return language }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return Language(tag: value) ?? .zh
        }
        return .zh
    }

    /// `zh`, `zh_CN.UTF-8`, `zh-Hans` → Chinese; `en`, `en_US.UTF-8` → English.
    public init?(tag: String) {
        let lowered = tag.lowercased()
        if lowered.hasPrefix("zh") { self = .zh } else if lowered.hasPrefix("en") { self = .en } else { return nil }
    }

    /// The arguments without `--lang X` / `--lang=X`, for parsers that do not know the flag.
    public static func removingFlag(from arguments: [String]) -> [String] {
        var kept: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if argument == "--lang" { skipNext = true; continue }
            if argument.hasPrefix("--lang=") { continue }
            kept.append(argument)
        }
        return kept
    }

    private static func flagValue(in arguments: [String]) -> String? {
        var value: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { value = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { value = String(argument.dropFirst("--lang=".count)) }
            if argument == "--" { break }
        }
        return value
    }
}

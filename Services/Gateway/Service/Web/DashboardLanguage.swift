import Foundation
import JCSkillsMessages

/// The page's language per request: `?lang=en` or `?lang=zh` when given, otherwise the first
/// of the browser's Accept-Language choices (by weight) that is Chinese or English, otherwise
/// Chinese, the city's language.
enum DashboardLanguage {
    static func choose(query: String, acceptLanguage: String?) -> Language {
        for pair in query.split(separator: "&") where pair.hasPrefix("lang=") {
            if let language = Language(tag: String(pair.dropFirst("lang=".count))) { return language }
        }
        return acceptLanguage.flatMap(preferred) ?? .zh
    }

    /// `en-US,en;q=0.9,zh;q=0.8` → English; a weight of 0 means "not this one".
    static func preferred(_ header: String) -> Language? {
        let choices = header.split(separator: ",").enumerated().compactMap { index, item -> (Language, Double, Int)? in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, let language = Language(tag: tag) else { return nil }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return weight > 0 ? (language, weight, index) : nil
        }
        // Equal weights keep the browser's order.
        return choices.min { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }?.0
    }

    /// The query with `lang` set to the other language, every other parameter (the token) kept.
    static func switchQuery(_ query: String, to language: Language) -> String {
        let kept = query.split(separator: "&").filter { !$0.hasPrefix("lang=") }.map(String.init)
        return "?" + (kept + ["lang=\(language.rawValue)"]).joined(separator: "&")
    }
}

/// One user-facing text in both languages. Every label, status, header, progress line and
/// error the client, the load tool and the dashboard show is a `Message` from the catalogue
/// (`Messages`, one file per area under `Catalogue/`): a text without its translation does
/// not compile.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(in language: Language = .current) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    public var description: String { text() }
}

/// The catalogue: `Messages.<Area>.<name>`, a static `Message` or a function of the values it
/// shows. Each area is an extension in its own file under `Catalogue/`.
public enum Messages {}

import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

extension Language {
    /// The language of the caller whose call this task serves (its `accept-language`,
    /// Protocol/SPEC.md §6.3). English when it named none: the services' answers were English
    /// before callers could ask, and other clients and the tests still read them so.
    public static var caller: Language {
        ServerContext.servedCallLanguage.flatMap(Language.init(tag:)) ?? .en
    }
}

extension Message {
    /// The text as the caller reads it. Made where the refusal is made, so that an import's row
    /// errors, which travel in its answer rather than as a status, read the same way.
    public var forCaller: String { text(in: .caller) }
}

extension RPCError {
    /// A refusal from the catalogue (Sources/Messages/Catalogue/Refusals.swift and the services'
    /// areas beside it), in the caller's language.
    public init(_ code: StatusCode, _ message: Message, metadata: [MetadataEntry] = []) {
        self.init(code, message.forCaller, metadata: metadata)
    }
}

/// The `articlestatement` template's view: a statement in an article page's list.
struct ArticleStatementView: Encodable {
    var kind: String
    var quote: Bool
    var text: String
    /// The speakers' chips (HTML); empty when the finder could not name one.
    var speakers: [String]
    /// Whether the speaker was found through a pronoun.
    var pronoun: Bool
    /// The channel's chip (HTML).
    var via: String?
    /// The statement's place in the text (`#m12`).
    var url: String?
}

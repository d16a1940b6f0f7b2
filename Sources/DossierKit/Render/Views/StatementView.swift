/// The `statement` template's view: a statement on an entity page, with the words, where
/// the article says them, the article's date and outlet, and the channel.
struct StatementView: Encodable {
    var text: String
    var url: String
    var quote: Bool
    var kind: String
    var title: String
    var date: String
    var dateDisplay: String
    var source: String?
    /// The channel's chip (HTML).
    var via: String?
    /// On the statements that reached the articles through an entity: the speakers' chips (HTML).
    var speakers: [String]?
    var pronoun: Bool?
}

/// The "Statements" section of a person's or organisation's first page: what it said, and
/// what reached the articles through it (each joined from `statement`, HTML).
struct StatementsSectionView: Encodable {
    var said: String?
    var saidCount: Int?
    /// How many are shown, when not all are.
    var saidShown: Int?
    var through: String?
    var throughCount: Int?
    var throughShown: Int?
}

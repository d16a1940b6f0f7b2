/// The `article` template's view: the annotated article, its statements, its citation and
/// its aside, and the hover cards of the entities it mentions.
struct ArticleView: Encodable {
    var article: Details
    /// The `preview` cards (HTML).
    var previewCards: String

    /// Everything the template shows inside `{{#article}}`: a key missing there is looked
    /// for again in each enclosing context, which costs as much as finding it.
    struct Details: Encodable {
        var id: String
        var title: String
        var date: String
        var dateDisplay: String
        /// The body, its mentions the theme's links (HTML).
        var body: String
        var source: String?
        var url: String?
        var author: String?
        var raw: String?
        /// The dateline: the place's page when it names a registered place, else as written.
        var placeLink: EntityLinkView?
        var place: String?
        var citation: CitationView
        var entityGroups: [EntityGroup]
        var meetings: [Merged<EntityLinkView, Dated>]
        /// Joined from `articlestatement` (HTML); empty when it has none.
        var statements: String
    }

    /// The entities of one kind the article mentions (`mentioned` items, HTML).
    struct EntityGroup: Encodable {
        var title: String
        var kind: String
        var items: String
    }

    struct Dated: Encodable {
        var date: String
        var dateDisplay: String
    }
}

/// How to cite an article.
struct CitationView: Encodable {
    var text: String
    var bibtex: String
    var url: String
    var isOriginal: Bool
    var accessed: String
    var accessedDisplay: String
}

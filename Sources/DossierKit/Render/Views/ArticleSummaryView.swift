/// An article in lists and as the heading of its sentences (`source`): only its metadata,
/// so that a list changes only when some article's title, date or outlet does.
struct ArticleSummaryView: Encodable {
    var title: String
    var url: String
    var date: String
    var dateDisplay: String
    var source: String?

    init(_ article: Article, root: String) {
        title = article.title
        url = root + article.pagePath
        date = article.date
        dateDisplay = ISODate.display(article.date)
        source = article.source
    }
}

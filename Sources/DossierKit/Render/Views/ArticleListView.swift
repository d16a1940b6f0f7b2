/// The `articles` template's view: one page of the article list, newest first.
struct ArticleListView: Encodable {
    var articles: [ArticleSummaryView]
    var pagination: PaginationView?
}

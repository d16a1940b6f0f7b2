/// The `articles` template's view: one page of the article list, newest first.
struct ArticleListView: Encodable {
    /// The page's articles, each through `articlerow` (`Fragments.ArticleRowCuts`).
    var rows: String
    var pagination: PaginationView?
}

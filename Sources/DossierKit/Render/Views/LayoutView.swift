/// What the `layout` template reads on every page, beside the page's own view: the site,
/// the page's root (`../` per folder), the shared header and footer, its title and map.
struct LayoutView: Encodable {
    var root: String
    var site: SiteView
    var lang: String
    /// The `header` and `footer` fragments (HTML).
    var header: String
    var footer: String
    var pageTitle: String
    /// The page's map (inline SVG), when it has one.
    var map: String?
    /// Whether Pagefind indexes the page (articles, entities, meetings).
    var indexed: Bool?
}

/// The site's name and description, as `layout`, `header` and `footer` show them.
struct SiteView: Encodable {
    var title: String
    var description: String
    var author: String

    init(_ site: SiteConfig) {
        title = site.title
        description = site.description
        author = site.author ?? ""
    }
}

/// A page's context: the layout's fields and its template's own view.
typealias PageView<Body: Encodable> = Merged<LayoutView, Body>

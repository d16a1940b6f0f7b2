/// Where a page sits: each in a folder of its own, as `index.html`, so that its address
/// ends in `/` on every static host. Every page path of the site is made here or by
/// `SitePage.path`.
enum PageFile {
    static let name = "index.html"

    /// The page of `folder` (`articles/x/` → `articles/x/index.html`; "" → the home page).
    static func of(_ folder: String) -> String { folder + name }

    /// The address a page is linked at from outside: its folder (`articles/x/index.html` → `articles/x/`).
    static func address(_ path: String) -> String { path.hasSuffix(name) ? String(path.dropLast(name.count)) : path }
}

extension Article {
    /// `articles/<id>/index.html`.
    var pagePath: String { PageFile.of(path) }
}

extension Entity {
    /// `people/<id>/index.html` and the like.
    var pagePath: String { PageFile.of(path) }
}

/// Where a page sits: each in a folder of its own, as `index.html`, so that its address
/// ends in `/` on every static host. Every page path of the site is made here or by
/// `SitePage.path`.
enum PageFile {
    static let name = "index.html"

    /// The page of `folder` (`articles/x/` → `articles/x/index.html`; "" → the home page).
    static func of(_ folder: String) -> String { folder + name }

    /// The address a page is linked at from outside: its folder (`articles/x/index.html` → `articles/x/`).
    static func address(_ path: String) -> String { path.hasSuffix(name) ? String(path.dropLast(name.count)) : path }

    /// Relative prefix from the page at `path` to the site root (`articles/x/index.html` → `../../`).
    static func root(of path: String) -> String {
        String(repeating: "../", count: path.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 })
    }

    /// The root of article and entity pages (`articles/x/index.html`, `people/x/page-2.html`),
    /// at which the shared fragments are rendered once.
    static let pageRoot = root(of: of("articles/x/"))

    /// The id of mention number `anchor` on its article's page (`m12`).
    static func anchorID(_ anchor: Int32) -> String { "m" + String(anchor) }

    /// The address of mention `anchor` on the page at `url`.
    static func mention(_ url: String, _ anchor: Int32) -> String { url + "#" + anchorID(anchor) }
}

extension Article {
    /// `articles/<id>/index.html`.
    var pagePath: String { PageFile.of(path) }
}

extension Entity {
    /// `people/<id>/index.html` and the like.
    var pagePath: String { PageFile.of(path) }
}

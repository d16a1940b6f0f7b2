/// What a changed input file is to a build. Paths are as `InputScan` lists them:
/// `content/...` and `templates/...`, whatever the folders are called.
enum InputChange: Sendable, Hashable {
    /// `content/articles/<id>.md`, added, edited or removed.
    case article(String)
    /// A file of `content/entities/`.
    case registry
    /// `content/site.yml`, or any other file that the content loader reads.
    case siteConfig
    /// A template, or any other file of the theme but its assets.
    case theme
    /// `templates/assets/<path>`: copied as it is, read by no page.
    case asset(String)
    /// Read by no build: raw pages and import rules (the importer's), files under
    /// `content/articles/` that are not articles.
    case ignored

    init(path: String) {
        let articles = "content/articles/", assets = "templates/assets/"
        if path.hasPrefix(articles) {
            let name = path.dropFirst(articles.count)
            self = name.hasSuffix(".md") && !name.contains("/") ? .article(String(name.dropLast(3))) : .ignored
        } else if path.hasPrefix("content/raw/") || path == "content/import-rules.yml" {
            self = .ignored
        } else if path.hasPrefix("content/entities/") {
            self = .registry
        } else if path.hasPrefix(assets) {
            self = .asset(String(path.dropFirst(assets.count)))
        } else if path.hasPrefix("templates/") {
            self = .theme
        } else {
            self = .siteConfig
        }
    }
}

/// The inputs a build must take into account: everything (a first build), or the changes
/// a scan found since the last one. Only Load reads it; the stages after Load do the same
/// work whichever it is, on what Load says is new.
struct ChangeSet: Sendable {
    /// Nil for a first build: every input is new.
    let changes: Set<InputChange>?

    static let everything = ChangeSet(changes: nil)

    init(paths: Set<String>) { self.init(changes: Set(paths.map(InputChange.init(path:)))) }

    private init(changes: Set<InputChange>?) { self.changes = changes }

    /// Whether Load reads all content and the theme again (and every page is made again):
    /// a first build, or a change to what every page reads.
    var reloadsAll: Bool {
        guard let changes else { return true }
        return changes.contains(.registry) || changes.contains(.siteConfig) || changes.contains(.theme)
    }

    /// Ids of the articles added, edited or removed.
    var articles: Set<String> {
        Set((changes ?? []).compactMap { if case .article(let id) = $0 { id } else { nil } })
    }

    /// Theme assets added, edited or removed (relative to `assets/`); all of them when
    /// everything is reloaded.
    var assets: [String]? {
        if reloadsAll { return nil }
        return (changes ?? []).compactMap { if case .asset(let path) = $0 { path } else { nil } }.sorted()
    }
}

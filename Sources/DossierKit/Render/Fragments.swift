/// Pieces of HTML that many pages share, rendered once through their own templates and
/// reused (what Hugo calls partialCached): the site header per section and depth, each
/// entity's chip and each article's heading as entity pages list them. Pages rendered at
/// other depths than these caches hold render the pieces afresh.
struct Fragments: Sendable {
    /// Depth of article and entity pages (`articles/x/index.html`, `people/x/page-2.html`).
    static let pageRoot = "../../"

    private(set) var content: Content
    let theme: Theme
    private let headers: [String: String]
    private let footers: [String: String]
    private let chips: [String]
    private var headings: [String]
    private let previews: [String]

    init(content: Content, theme: Theme) {
        self.content = content
        self.theme = theme
        var headers: [String: String] = [:]
        let sections: [String?] = [nil, "home", "articles"] + EntityKind.allCases.map { $0.folder } + ["explore", "search"]
        for root in ["", "../", "../../"] {
            for section in sections {
                headers[Fragments.key(root, section)] = theme.render(.header, Fragments.headerContext(content, root: root, section: section))
            }
        }
        self.headers = headers
        self.footers = Dictionary(uniqueKeysWithValues: ["", "../", "../../"].map {
            ($0, theme.render(.footer, Fragments.headerContext(content, root: $0, section: nil)))
        })
        let registry = content.registry
        let renderChip = { @Sendable (index: Int) in
            theme.render(.chip, PageRenderer.link(EntityIndex(index), registry: registry, root: Fragments.pageRoot))
        }
        self.chips = parallelMap(Array(registry.entities.indices), renderChip)
        self.previews = parallelMap(Array(registry.entities.indices)) { index in
            theme.render(.preview, Fragments.previewContext(EntityIndex(index), registry: registry, root: Fragments.pageRoot))
        }
        self.headings = parallelMap(Array(content.articles.indices)) { index in
            theme.render(.source, PageRenderer.articleSummary(content: content, index: Int32(index), root: Fragments.pageRoot))
        }
    }

    static func key(_ root: String, _ section: String?) -> String { root + "|" + (section ?? "") }

    /// The same fragments for `content`, where only the articles at `changed` differ (same
    /// articles in the same order, same registry, site and theme): their headings are made again.
    func updating(articles changed: [Int], in content: Content) -> Fragments {
        var copy = self
        copy.content = content
        let theme = self.theme
        let fresh = parallelMap(changed) { index in
            theme.render(.source, PageRenderer.articleSummary(content: content, index: Int32(index), root: Fragments.pageRoot))
        }
        for (index, heading) in zip(changed, fresh) { copy.headings[index] = heading }
        return copy
    }

    static func headerContext(_ content: Content, root: String, section: String?) -> [String: Any] {
        func url(_ page: SitePage) -> String { root + page.path(in: content) }
        var nav: [[String: Any]] = [["label": "Overview", "url": url(.home), "current": section == "home"],
                                    ["label": "Articles", "url": url(.articleIndex(page: 1)), "current": section == "articles"]]
        for kind in EntityKind.allCases {
            nav.append(["label": kind.title, "url": url(.entityIndex(kind)), "current": section == kind.folder])
        }
        nav.append(["label": "Figures", "url": url(.figures), "current": section == "figures"])
        nav.append(["label": "Explore", "url": url(.explore), "current": section == "explore"])
        nav.append(["label": "Search", "url": url(.search), "current": section == "search"])
        let site: [String: Any] = ["title": content.site.title, "description": content.site.description,
                                   "author": content.site.author ?? ""]
        return ["root": root, "site": site, "nav": nav]
    }

    func header(root: String, section: String?) -> String {
        headers[Fragments.key(root, section)] ?? theme.render(.header, Fragments.headerContext(content, root: root, section: section))
    }

    func footer(root: String) -> String {
        footers[root] ?? theme.render(.footer, Fragments.headerContext(content, root: root, section: nil))
    }

    func chip(_ entity: EntityIndex, root: String) -> String {
        if root == Fragments.pageRoot { return chips[Int(entity)] }
        return theme.render(.chip, PageRenderer.link(entity, registry: content.registry, root: root))
    }

    /// What the hover preview script shows for an entity.
    static func previewContext(_ entity: EntityIndex, registry: Registry, root: String) -> [String: Any] {
        let target = registry[entity]
        var preview = PageRenderer.link(entity, registry: registry, root: root)
        preview["key"] = target.reference
        preview["kindSingular"] = target.kind.singular
        if let description = target.description { preview["description"] = description }
        return preview
    }

    func preview(_ entity: EntityIndex, root: String) -> String {
        if root == Fragments.pageRoot { return previews[Int(entity)] }
        return theme.render(.preview, Fragments.previewContext(entity, registry: content.registry, root: root))
    }

    func heading(_ article: Int32, root: String) -> String {
        if root == Fragments.pageRoot { return headings[Int(article)] }
        return theme.render(.source, PageRenderer.articleSummary(content: content, index: article, root: root))
    }
}

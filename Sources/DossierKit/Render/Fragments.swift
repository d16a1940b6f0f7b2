/// Pieces of HTML that many pages share, rendered once through their own templates and
/// reused (what Hugo calls partialCached): the site header per section and depth, each
/// entity's chip and mention link, each article's sentence group as entity pages list
/// them, and the cut templates filled per sentence and per aside item. Pages rendered at
/// other depths than these caches hold render the pieces afresh.
struct Fragments: Sendable {
    /// Depth of article and entity pages (`articles/x/index.html`, `people/x/page-2.html`).
    static let pageRoot = PageFile.pageRoot

    private(set) var content: Content
    let theme: Theme
    private let headers: [String: String]
    private let footers: [String: String]
    private let chips: [String]
    /// Per article, its sentence group (`source`) before and after its sentences.
    private var groups: [(before: String, after: String)]
    private let sources: SourceCuts
    /// The statements of article pages.
    let statements: StatementCuts
    private let previews: [String]
    /// The mention links of article pages.
    let mentions: MentionMarkup
    /// A sentence on an entity page, and on a meeting's page one that only one outlet reports.
    let sentence: TemplateCut
    let onlySentence: TemplateCut
    /// A mention highlighted in such a sentence.
    let highlight: TemplateCut
    /// An entity in an article page's aside.
    let mentioned: TemplateCut
    /// An article in the article list.
    let articleRows: ArticleRowCuts
    /// A figure in a table of claims.
    let figureRows: FigureRowCuts

    init(content: Content, theme: Theme) {
        self.content = content
        self.theme = theme
        var headers: [String: String] = [:]
        let sections: [String?] = [nil, "home", "articles"] + EntityKind.allCases.map { $0.folder } + ["explore", "search"]
        for root in Fragments.roots {
            for section in sections {
                headers[Fragments.key(root, section)] = theme.render(.header, Fragments.navigation(content, root: root, section: section))
            }
        }
        self.headers = headers
        self.footers = Dictionary(uniqueKeysWithValues: Fragments.roots.map {
            ($0, theme.render(.footer, Fragments.navigation(content, root: $0, section: nil)))
        })
        let registry = content.registry
        let renderChip = { @Sendable (index: Int) in
            theme.render(.chip, EntityLinkView(registry[EntityIndex(index)], root: Fragments.pageRoot))
        }
        self.chips = parallelMap(Array(registry.entities.indices), renderChip)
        self.previews = parallelMap(Array(registry.entities.indices)) { index in
            theme.render(.preview, Fragments.preview(EntityIndex(index), registry: registry, root: Fragments.pageRoot))
        }
        self.statements = StatementCuts(theme: theme)
        let sources = SourceCuts(theme: theme)
        self.sources = sources
        self.groups = parallelMap(Array(content.articles.indices)) { index in
            sources.group(ArticleSummaryView(content.articles[index], root: Fragments.pageRoot), theme: theme)
        }
        self.mentions = MentionMarkup(theme: theme, registry: registry, root: Fragments.pageRoot)
        self.sentence = TemplateCut(.sentence, fields: ["text"], theme: theme)
        self.onlySentence = TemplateCut(.sentence, fields: ["text", "only"], theme: theme)
        self.highlight = TemplateCut(.highlight, fields: ["url", "text"], theme: theme)
        self.mentioned = TemplateCut(.mentioned, fields: ["chip", "count"], theme: theme)
        self.articleRows = ArticleRowCuts(theme: theme)
        self.figureRows = FigureRowCuts(theme: theme)
    }

    /// The roots of the pages: the home page's, a section index's, an article's or entity's.
    static let roots = ["", "../", pageRoot]

    /// The `source` template cut for articles with an outlet and without (`TemplateName.source.cut`).
    struct SourceCuts: Sendable {
        let withOutlet: TemplateCut
        let withoutOutlet: TemplateCut

        init(theme: Theme) {
            withOutlet = TemplateCut(.source, fields: ["url", "title", "date", "dateDisplay", "source", "sentences"], theme: theme)
            withoutOutlet = TemplateCut(.source, fields: ["url", "title", "date", "dateDisplay", "sentences"], theme: theme)
        }

        /// An article's sentence group, cut where its sentences go.
        func group(_ summary: ArticleSummaryView, theme: Theme) -> (before: String, after: String) {
            let named = [("url", summary.url), ("title", summary.title), ("date", summary.date),
                         ("dateDisplay", summary.dateDisplay), ("source", summary.source ?? "")]
            // An empty value takes another path through the template's sections: a field
            // is given only with a value, and an unusual set of them is a cut of its own.
            let given = named.filter { !$0.1.isEmpty }
            let cut = given.count == 5 ? withOutlet
                : given.count == 4 && (summary.source ?? "").isEmpty ? withoutOutlet
                : TemplateCut(.source, fields: given.map(\.0) + ["sentences"], theme: theme)
            // `Theme.load` refused a theme whose `source` does not write its sentences once, raw.
            return cut.split(at: given.count, given.map(\.1) + [""]) ?? ("", "")
        }
    }

    /// The `articlerow` template cut for articles with an outlet and without: the article
    /// index lists 2,000 a page, which Mustache took about 35 µs an article to interpret.
    struct ArticleRowCuts: Sendable {
        let withOutlet: TemplateCut
        let withoutOutlet: TemplateCut

        init(theme: Theme) {
            withOutlet = TemplateCut(.articlerow, fields: ["url", "title", "date", "dateDisplay", "source"], theme: theme)
            withoutOutlet = TemplateCut(.articlerow, fields: ["url", "title", "date", "dateDisplay"], theme: theme)
        }

        /// Appends `summary`'s row; one with an empty value (which would take another path
        /// through the template's sections) is rendered through the theme.
        func append(_ summary: ArticleSummaryView, to html: inout String, theme: Theme) {
            let values = [summary.url, summary.title, summary.date, summary.dateDisplay]
            guard !values.contains(where: \.isEmpty), summary.source?.isEmpty != true else {
                html += theme.render(.articlerow, summary)
                return
            }
            if let source = summary.source {
                withOutlet.append(to: &html, values + [source])
            } else {
                withoutOutlet.append(to: &html, values)
            }
        }
    }

    /// The `figurerow` template cut for each shape a figure's row has: approximate or not,
    /// with a claimant, an outlet and its sentence or without each. The subject pages list
    /// every figure of the dossier.
    struct FigureRowCuts: Sendable {
        private let cuts: [TemplateCut]

        init(theme: Theme) {
            cuts = (0..<16).map { shape in
                let (approximate, claimant, source, sentence) = FigureRowCuts.shape(shape)
                return TemplateCut(.figurerow, fields: FigureRowCuts.fields + (claimant ? ["claimant"] : []) + (source ? ["source"] : [])
                                       + (sentence ? ["sentence"] : []),
                                   flags: ["approximate": approximate], theme: theme)
            }
        }

        private static let fields = ["url", "number", "unit", "title", "date", "dateDisplay"]

        private static func shape(_ number: Int) -> (Bool, Bool, Bool, Bool) {
            (number & 1 != 0, number & 2 != 0, number & 4 != 0, number & 8 != 0)
        }

        /// Appends `row` through its cut; one with an empty value is rendered through the theme.
        func append(_ row: FigureRowView, to html: inout String, theme: Theme) {
            var values = [row.url, row.number, row.unit, row.title, row.date, row.dateDisplay]
            values.reserveCapacity(9)
            for optional in [row.claimant, row.source, row.sentence] {
                if let value = optional { values.append(value) }
            }
            guard !values.contains(where: \.isEmpty) else {
                html += theme.render(.figurerow, row)
                return
            }
            let shape = (row.approximate ? 1 : 0) | (row.claimant != nil ? 2 : 0) | (row.source != nil ? 4 : 0) | (row.sentence != nil ? 8 : 0)
            cuts[shape].append(to: &html, values)
        }
    }

    /// The `articlestatement` template cut for each shape a statement has: quoted or not,
    /// found through a pronoun or not, with up to `speakersCut` speakers, with a channel and a
    /// place in the text or not. Other statements are rendered through the theme.
    struct StatementCuts: Sendable {
        static let speakersCut = 3
        private let cuts: [TemplateCut]

        init(theme: Theme) {
            var cuts: [TemplateCut] = []
            for shape in 0..<(16 * (StatementCuts.speakersCut + 1)) {
                let (quote, pronoun, via, url, speakers) = StatementCuts.shape(shape)
                cuts.append(TemplateCut(.articlestatement, fields: ["kind", "text"] + (via ? ["via"] : []) + (url ? ["url"] : []),
                                        lists: ["speakers": speakers], flags: ["quote": quote, "pronoun": pronoun], theme: theme))
            }
            self.cuts = cuts
        }

        private static func shape(_ number: Int) -> (Bool, Bool, Bool, Bool, Int) {
            (number & 1 != 0, number & 2 != 0, number & 4 != 0, number & 8 != 0, number >> 4)
        }

        /// Appends `view` through its cut, or through the theme when it has none.
        func append(_ view: ArticleStatementView, to html: inout String, theme: Theme) {
            var values: [String] = []
            values.reserveCapacity(4 + view.speakers.count)
            values.append(view.kind)
            values.append(view.text)
            if let via = view.via { values.append(via) }
            if let url = view.url { values.append(url) }
            values += view.speakers
            guard view.speakers.count <= StatementCuts.speakersCut, !values.contains(where: \.isEmpty) else {
                html += theme.render(.articlestatement, view)
                return
            }
            let shape = (view.quote ? 1 : 0) | (view.pronoun ? 2 : 0) | (view.via != nil ? 4 : 0) | (view.url != nil ? 8 : 0) | view.speakers.count << 4
            cuts[shape].append(to: &html, values)
        }
    }

    static func key(_ root: String, _ section: String?) -> String { root + "|" + (section ?? "") }

    /// The same fragments for `content`, where only the articles at `changed` differ (same
    /// articles in the same order, same registry, site and theme): their sentence groups are made again.
    func updating(articles changed: [Int], in content: Content) -> Fragments {
        var copy = self
        copy.content = content
        let theme = self.theme, sources = self.sources
        let fresh = parallelMap(changed) { index in
            sources.group(ArticleSummaryView(content.articles[index], root: Fragments.pageRoot), theme: theme)
        }
        for (index, group) in zip(changed, fresh) { copy.groups[index] = group }
        return copy
    }

    static func navigation(_ content: Content, root: String, section: String?) -> NavigationView {
        func item(_ label: String, _ page: SitePage, _ name: String) -> NavigationView.Item {
            .init(label: label, url: root + page.path(in: content), current: section == name)
        }
        let nav = [item("Overview", .home, "home"), item("Articles", .articleIndex(page: 1), "articles")]
            + EntityKind.allCases.map { item($0.title, .entityIndex($0), $0.folder) }
            + [item("Figures", .figures, "figures"), item("Explore", .explore, "explore"), item("Search", .search, "search")]
        return NavigationView(root: root, site: SiteView(content.site), nav: nav)
    }

    func header(root: String, section: String?) -> String {
        headers[Fragments.key(root, section)] ?? theme.render(.header, Fragments.navigation(content, root: root, section: section))
    }

    func footer(root: String) -> String {
        footers[root] ?? theme.render(.footer, Fragments.navigation(content, root: root, section: nil))
    }

    func chip(_ entity: EntityIndex, root: String) -> String {
        if root == Fragments.pageRoot { return chips[Int(entity)] }
        return theme.render(.chip, EntityLinkView(content.registry[entity], root: root))
    }

    /// What the hover preview script shows for an entity.
    static func preview(_ entity: EntityIndex, registry: Registry, root: String) -> PreviewCard {
        let target = registry[entity]
        return PreviewCard(EntityLinkView(target, root: root),
                           PreviewView(key: target.reference, kindSingular: target.kind.singular, description: target.description))
    }

    func preview(_ entity: EntityIndex, root: String) -> String {
        if root == Fragments.pageRoot { return previews[Int(entity)] }
        return theme.render(.preview, Fragments.preview(entity, registry: content.registry, root: root))
    }

    /// The mention links of an article page at `root`.
    func mentions(root: String) -> MentionMarkup {
        root == Fragments.pageRoot ? mentions : MentionMarkup(theme: theme, registry: content.registry, root: root)
    }

    /// An article's sentence group before and after its sentences.
    func group(_ article: Int32, root: String) -> (before: String, after: String) {
        if root == Fragments.pageRoot { return groups[Int(article)] }
        return sources.group(ArticleSummaryView(content.articles[Int(article)], root: root), theme: theme)
    }
}

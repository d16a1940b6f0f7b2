/// An article's page needs only the article, its annotation and the registry, not the
/// whole site graph: so a build renders it as soon as the article is annotated and
/// keeps only what other pages need.
struct ArticlePage: Sendable {
    let content: Content
    let fragments: Fragments

    init(content: Content, fragments: Fragments) {
        self.content = content
        self.fragments = fragments
    }

    func render(article index: Int, annotation: AnnotatedArticle, theme: Theme) -> String {
        let page = SitePage.article(Int32(index))
        let root = page.root(in: content)
        var layout = PageRenderer.base(content: content, fragments: fragments, root: root, page: page)
        let view = self.view(&layout, article: index, annotation: annotation, root: root)
        return theme.render(.article, PageView(layout, view))
    }

    /// The article's view; sets the layout's title.
    func view(_ layout: inout LayoutView, article index: Int, annotation: AnnotatedArticle, root: String) -> ArticleView {
        let registry = content.registry
        let article = content.articles[index]
        layout.pageTitle = article.title
        layout.indexed = true
        let citation = Citation(article: article, site: content.site)
        var counts: [EntityIndex: Int] = [:]
        for mention in annotation.mentions { counts[mention.entity, default: 0] += 1 }
        let ranked = SiteGraph.ranked(counts, registry: registry, limit: nil)
        var groups: [ArticleView.EntityGroup] = []
        let mentioned = fragments.mentioned
        // The list items are joined here from the shared chips (as an entity page's sentence
        // items are), through the cut `mentioned`: a Mustache section per item was a large
        // share of rendering every article.
        for kind in EntityKind.allCases {
            var items = ""
            for count in ranked where registry[count.entity].kind == kind {
                // Made before the closure, which then captures only these (capturing the
                // page copied it, with all the fragments, per item).
                let chip = fragments.chip(count.entity, root: root), times = String(count.count)
                mentioned.append(to: &items) { field, html in html += field == 0 ? chip : times }
            }
            if !items.isEmpty { groups.append(.init(title: kind.title, kind: kind.rawValue, items: items)) }
        }
        var details = ArticleView.Details(
            id: article.id, title: article.title, date: article.date, dateDisplay: ISODate.display(article.date),
            body: fragments.mentions(root: root).html(annotation.bodyHTML),
            source: article.source, url: article.url, author: article.author, raw: article.raw,
            citation: CitationView(text: citation.text, bibtex: citation.bibtex, url: citation.url, isOriginal: citation.isOriginal,
                                   accessed: citation.accessed, accessedDisplay: ISODate.display(citation.accessed)),
            entityGroups: groups,
            meetings: article.meetings.compactMap { registry.index(of: .meeting, $0) }.map { meeting in
                Merged(EntityLinkView(registry[meeting], root: root),
                       ArticleView.Dated(date: registry[meeting].date ?? "", dateDisplay: ISODate.display(registry[meeting].date ?? "")))
            },
            statements: statements(annotation, root: root))
        // The dateline: the place's page when it names a registered place, else as written.
        if let place = registry.place(named: article.place) {
            details.placeLink = EntityLinkView(registry[place], root: root)
        } else {
            details.place = article.place
        }
        // What the hover preview script shows for each entity the body mentions (cards made once per entity).
        return ArticleView(article: details, previewCards: ranked.map { fragments.preview($0.entity, root: root) }.joined())
    }

    /// Its statements, in text order: who said what, and through whom (issue 16), each
    /// through `articlestatement`, cut once per shape, and joined (a section of the page
    /// would be of a new shape for every article).
    func statements(_ annotation: AnnotatedArticle, root: String) -> String {
        var statements = ""
        for statement in annotation.research.statements {
            let view = ArticleStatementView(kind: statement.kind.rawValue, quote: statement.kind == .quote, text: statement.text,
                                            speakers: statement.speakers.map { fragments.chip($0, root: root) },
                                            pronoun: statement.attribution == .pronoun,
                                            via: statement.via.map { fragments.chip($0, root: root) },
                                            url: statement.anchor.map { PageFile.mention("", $0) })
            fragments.statements.append(view, to: &statements, theme: fragments.theme)
        }
        return statements
    }
}

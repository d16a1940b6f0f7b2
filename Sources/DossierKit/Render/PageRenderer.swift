/// Builds each page's view model from the site graph and renders it through the theme.
/// Pages are independent once the graph is built, so they render on all cores.
struct PageRenderer: Sendable {
    let graph: SiteGraph
    let theme: Theme
    let fragments: Fragments
    let pagination: EntityPagination
    /// Timelines and networks of entity pages, laid out once per build.
    let charts: Charts
    /// How the large tables are cut into files (the explore page lists them).
    let dataParts: DataParts
    /// The search page's fallback index.
    let searchShards: SearchShards
    /// The sentences each meeting's page quotes.
    let reports: MeetingReports
    /// The statements and figures, per speaker, channel, entity and subject.
    let research: ResearchIndex
    /// What the maps are drawn over; nil without coastline data (maps then have none).
    let coastlines: Coastlines?
    /// Each article's page, from the site root: entity pages link one per group of sentences
    /// (reading `Article.path` there copied the whole article each time).
    let articlePaths: [String]

    /// For tests and tools: links what `SitePipeline` links (pagination, data parts, search shards) itself.
    init(graph: SiteGraph, theme: Theme, fragments: Fragments, pageSize: Int = 200) {
        let parts = DataParts(graph)
        self.init(graph: graph, theme: theme, fragments: fragments, pagination: EntityPagination(graph: graph, pageSize: pageSize),
                  reports: MeetingReports(graph), research: ResearchIndex(graph),
                  coastlines: nil, parts: parts, search: SearchShards(graph, limits: parts.limits))
    }

    /// Renders only: everything it shows was linked before (`SitePipeline`'s link stage).
    /// `drawings`: a preview session's network drawings (see `NetworkDrawings`); nil draws every one.
    init(graph: SiteGraph, theme: Theme, fragments: Fragments, pagination: EntityPagination, reports: MeetingReports,
         research: ResearchIndex, coastlines: Coastlines?, parts: DataParts, search: SearchShards, drawings: NetworkDrawings? = nil) {
        self.graph = graph
        self.coastlines = coastlines
        self.reports = reports
        self.research = research
        self.dataParts = parts
        self.searchShards = search
        self.charts = Charts(graph: graph, drawings: drawings)
        self.theme = theme
        self.fragments = fragments
        self.pagination = pagination
        self.articlePaths = graph.content.articles.map { $0.pagePath }
    }

    var content: Content { graph.content }
    var registry: Registry { graph.content.registry }

    func render(_ page: SitePage) -> String {
        let root = page.root(in: content)
        var layout = base(root: root, page: page)
        switch page {
        case .home:
            layout.pageTitle = content.site.title
            return finish(.home, layout, home(root: root), page)
        case .articleIndex(let number):
            layout.pageTitle = number == 1 ? "Articles" : "Articles, page \(number)"
            let pages = SitePage.articleIndexPages(articles: graph.articlesByDate.count)
            let first = (number - 1) * SitePage.articlesPerPage
            let shown = graph.articlesByDate[min(first, graph.articlesByDate.count)..<min(first + SitePage.articlesPerPage, graph.articlesByDate.count)]
            var rows = ""
            rows.reserveCapacity(shown.count * 300)
            for article in shown { fragments.articleRows.append(articleSummary(article, root: root), to: &rows, theme: theme) }
            let view = ArticleListView(rows: rows,
                                       pagination: pages > 1 ? paginationView(page: number, pages: pages, root: root) { .articleIndex(page: $0) } : nil)
            return finish(.articles, layout, view, page)
        case .article(let index):
            let view = ArticlePage(content: content, fragments: fragments).view(&layout, article: Int(index), annotation: graph.annotated[Int(index)], root: root)
            return finish(.article, layout, view, page)
        case .entityIndex(let kind):
            layout.pageTitle = kind.title
            let order = kind == .meeting ? graph.meetingsByDate : graph.byMentions(kind)
            let view = EntityIndexView(kindTitle: kind.title, isMeetings: kind == .meeting,
                                       timeline: kind == .meeting ? charts.meetingsTimeline(root: root) : nil,
                                       entities: order.map { entityRow($0, root: root) })
            return finish(.index, layout, view, page)
        case .entity(let index, let number):
            // Each view is made before the layout is read: making it sets the layout's title.
            if registry[index].kind == .meeting {
                let view = meeting(index, &layout, root: root)
                return finish(.meeting, layout, view, page)
            }
            let view = entity(index, page: number, &layout, root: root)
            return finish(.entity, layout, view, page)
        case .notFound:
            layout.pageTitle = "Page not found"
            return finish(.notfound, layout, LayoutOnlyView(), page)
        case .explore:
            layout.pageTitle = "Explore"
            return finish(.explore, layout, explore(root: root), page)
        case .search:
            layout.pageTitle = "Search"
            return finish(.search, layout, LayoutOnlyView(), page)
        case .figures:
            layout.pageTitle = "Figures"
            return finish(.figures, layout, figureIndex(root: root), page)
        case .figureSubject(let subject, let number):
            let view = figureSubject(subject, page: number, &layout, root: root)
            return finish(.figures, layout, view, page)
        }
    }

    /// The page through its template, with its map when it has one.
    private func finish<Body: Encodable>(_ template: TemplateName, _ layout: LayoutView, _ body: Body, _ page: SitePage) -> String {
        var layout = layout
        layout.map = mapSVG(for: page, label: "Map: " + layout.pageTitle)
        return theme.render(template, PageView(layout, body))
    }

    // MARK: Shared parts

    func base(root: String, page: SitePage) -> LayoutView {
        PageRenderer.base(content: content, fragments: fragments, root: root, page: page)
    }

    /// What every page's layout needs: the shared header, the site, the language; the page
    /// sets its title.
    static func base(content: Content, fragments: Fragments, root: String, page: SitePage) -> LayoutView {
        let section: String? = {
            switch page {
            case .home: return "home"
            case .articleIndex, .article: return "articles"
            case .entityIndex(let kind): return kind.folder
            case .entity(let index, _): return content.registry[index].kind.folder
            case .notFound: return nil
            case .explore: return "explore"
            case .search: return "search"
            case .figures, .figureSubject: return "figures"
            }
        }()
        return LayoutView(root: root, site: SiteView(content.site), lang: content.site.language,
                          header: fragments.header(root: root, section: section), footer: fragments.footer(root: root),
                          pageTitle: content.site.title)
    }

    func link(_ entity: EntityIndex, root: String) -> EntityLinkView { EntityLinkView(registry[entity], root: root) }

    func articleLink(_ index: Int32, root: String) -> String { root + articlePaths[Int(index)] }

    /// An article in lists: only its metadata, so the article list changes only when some
    /// article's title, date or source does.
    func articleSummary(_ index: Int32, root: String) -> ArticleSummaryView {
        ArticleSummaryView(content.articles[Int(index)], root: root)
    }

    func entityRow(_ index: EntityIndex, root: String) -> EntityListItem {
        Merged(link(index, root: root), rowFields(index, root: root))
    }

    func rowFields(_ index: EntityIndex, root: String) -> EntityRowView {
        let entity = registry[index]
        // Other pages show the first few participants and how many more (a meeting of 6,000
        // participants repeated every name on every participant's page); the meeting's own
        // page shows them all. Only the shown ones are looked up (participants' ids are
        // checked at load).
        let shown = entity.participants.prefix(PageRenderer.participantsShown)
        return EntityRowView(count: graph.mentionCount(index), articleCount: graph.articles[Int(index)].count,
                             aliases: entity.aliases.filter { $0 != entity.name }.prefix(4).joined(separator: ", "),
                             description: entity.description, date: entity.date, dateDisplay: entity.date.map(ISODate.display),
                             participants: shown.compactMap { registry.index(of: .person, $0) }.map { link($0, root: root) },
                             moreParticipants: entity.participants.count > shown.count ? entity.participants.count - shown.count : nil)
    }

    /// Participants a meeting shows on pages other than its own.
    static let participantsShown = 12

    /// A sentence as the theme's list item (`sentence`), the given mentions highlighted
    /// (`highlight`) and linked to their place in the article, appended to `html`. Both are
    /// cut templates (`TemplateCut`), filled from slices of the sentence (no text is checked
    /// as UTF-8 again); only a slice with markup characters is escaped through a copy.
    /// `only`: the outlet that alone says it (a meeting's reports).
    /// `mentions`: the article's.
    func appendSentenceItem(to html: inout String, mentions: [Mention], text: String, first: Int32, others: [Int32], href: String,
                            only: String? = nil) {
        let highlight = fragments.highlight
        let utf8 = text.utf8
        // Where the sentence has markup characters, found in one pass over its bytes (most
        // have none): a slice is then checked by a search, not byte by byte through the String.
        var markup: [Int] = []
        var bytes = text
        bytes.withUTF8 { for (offset, byte) in $0.enumerated() where HTML.needsEscaping(byte) { markup.append(offset) } }
        func append(_ start: Int, _ end: Int, to html: inout String) {
            let slice = text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
            var low = 0, high = markup.count  // the first markup character at or after `start`
            while low < high {
                let middle = (low + high) / 2
                if markup[middle] < start { low = middle + 1 } else { high = middle }
            }
            if low < markup.count, markup[low] < end {
                html += HTML.escape(String(slice))
            } else {
                html += slice
            }
        }
        let marked = others.isEmpty ? [first]
            : ([first] + others).sorted(by: { mentions[Int($0)].start < mentions[Int($1)].start })
        // A long sentence: only the excerpts around these mentions (see SentenceExcerpt).
        var segments: [Range<Int>]?
        if utf8.count > SentenceExcerpt.limit {
            segments = bytes.withUTF8 { SentenceExcerpt.segments(of: marked, among: mentions, sentence: $0) }
        }
        // The sentence's text, its mentions highlighted.
        func writeText(_ html: inout String) {
            var cursor = 0
            func mark(_ index: Int32) {
                let mention = mentions[Int(index)]
                let start = Int(mention.start), end = Int(mention.end)
                guard start >= cursor, end <= utf8.count else { return }
                append(cursor, start, to: &html)
                highlight.append(to: &html) { field, html in
                    if field == 0 {
                        html += href
                        html += "#"
                        html += PageFile.anchorID(mention.anchor)
                    } else {
                        append(start, end, to: &html)
                    }
                }
                cursor = end
            }
            guard let segments else {
                for index in marked { mark(index) }
                append(cursor, utf8.count, to: &html)
                return
            }
            var next = 0
            for segment in segments {
                if segment.lowerBound > 0 { html += cursor == 0 ? "…" : " … " }
                cursor = segment.lowerBound
                while next < marked.count, Int(mentions[Int(marked[next])].end) <= segment.upperBound {
                    mark(marked[next])
                    next += 1
                }
                append(cursor, segment.upperBound, to: &html)
                cursor = segment.upperBound
            }
            if cursor < utf8.count { html += "…" }
        }
        (only == nil ? fragments.sentence : fragments.onlySentence).append(to: &html) { field, html in
            if field == 0 { writeText(&html) } else if let only { html += only }
        }
    }

    /// The sentences of an entity or meeting page, grouped by article: each group is the
    /// article's `source` (cut once per article) around its sentences. Joined here rather
    /// than by a section of the page's template: entity pages hold hundreds of thousands of
    /// sentences, and a Mustache section per sentence, then per article, was most of their
    /// rendering time. Empty when there are none.
    func sentenceGroups(_ refs: ArraySlice<SiteGraph.SentenceRef>, root: String, only: [SiteGraph.SentenceRef: String] = [:]) -> String {
        var html = ""
        html.reserveCapacity(refs.count * 400)
        var current: Int32 = -1
        var href = ""
        var after = ""
        // Read through the buffer, and only the article's sentences and mentions kept per
        // group: an element read from the array, or handed on, is a copy, which retains and
        // releases each of the annotation's arrays.
        var sentences: ArticleSentences = []
        var mentions: [Mention] = []
        graph.annotated.withUnsafeBufferPointer { annotated in
            for (position, ref) in zip(refs.indices, refs) {
                if ref.article != current {
                    html += after
                    current = ref.article
                    href = articleLink(ref.article, root: root)
                    let group = fragments.group(current, root: root)
                    html += group.before
                    after = group.after
                    // The article's sentences shown here, read back at once when spilled: one
                    // system call per article on the page, not one per sentence.
                    sentences = annotated[Int(current)].sentences.inMemory(
                        covering: refs[position...].prefix(while: { $0.article == current }).lazy.map { Int($0.sentence) })
                    mentions = annotated[Int(current)].mentions
                }
                appendSentenceItem(to: &html, mentions: mentions, text: sentences[Int(ref.sentence)], first: ref.first,
                                   others: ref.others, href: href, only: only.isEmpty ? nil : only[ref])
            }
        }
        html += after
        return html
    }

    // MARK: Pages

    func home(root: String) -> HomeView {
        func top(_ kind: EntityKind) -> [EntityListItem] {
            graph.byMentions(kind).prefix(10).filter { graph.mentionCount($0) > 0 }.map { entityRow($0, root: root) }
        }
        return HomeView(timeline: charts.meetingsTimeline(root: root),
                        meetings: graph.meetingsByDate.map { entityRow($0, root: root) },
                        people: top(.person), countries: top(.country), organizations: top(.org),
                        latest: graph.articlesByDate.prefix(10).map { articleSummary($0, root: root) },
                        stats: HomeView.Stats(articles: content.articles.count, people: registry.indices(of: .person).count,
                                              countries: registry.indices(of: .country).count,
                                              organizations: registry.indices(of: .org).count,
                                              meetings: registry.indices(of: .meeting).count,
                                              mentions: graph.annotated.reduce(0) { $0 + $1.mentions.count }))
    }

    func entity(_ index: EntityIndex, page number: Int, _ layout: inout LayoutView, root: String) -> EntityView {
        let entity = registry[index]
        let ranges = pagination.pages[Int(index)]
        let refs = graph.sentences[Int(index)]
        layout.pageTitle = entity.name
        let groups = sentenceGroups(refs[ranges[min(number, ranges.count) - 1]], root: root)
        var view = EntityView(entity: Merged(link(index, root: root), EntityDetailView(kindSingular: entity.kind.singular, firstPage: number == 1)),
                              sentenceGroups: groups.isEmpty ? nil : groups, meetings: [], related: [], figureGroups: [], datelined: [], places: [])
        if ranges.count > 1 {
            view.pagination = paginationView(page: number, pages: ranges.count, root: root) { .entity(index, page: $0) }
            layout.pageTitle = "\(entity.name) (page \(number) of \(ranges.count))"
        }
        // A later page shows only its own sentences: nothing of the entity's totals reaches
        // it, so an edit elsewhere leaves it as it is (and a rebuild need not render it).
        guard number == 1 else { return view }
        view.entity.second.row = rowFields(index, root: root)
        view.entity.second.aliasList = entity.aliases.filter { $0 != entity.name }
        if let wikidata = entity.wikidata {
            view.entity.second.wikidata = wikidata
            view.entity.second.wikidataURL = "https://www.wikidata.org/wiki/" + wikidata
        }
        view.entity.second.iso = entity.iso
        if let country = entity.country, let countryIndex = registry.index(of: .country, country) {
            view.entity.second.country = link(countryIndex, root: root)
        }
        if let lat = entity.lat, let lon = entity.lon {
            view.entity.second.coordinates = .init(lat: DegreesText.number(lat), lon: DegreesText.number(lon),
                                                   display: DegreesText.display(lat: lat, lon: lon))
        }
        view.isPlace = entity.kind == .place
        layout.indexed = true
        view.data = dataLinks(entity, root: root)
        // Charts summarise the whole entity: on its first page only.
        view.timeline = charts.timeline(of: index, root: root)
        view.network = charts.network(of: index, root: root)
        view.meetings = graph.meetings[Int(index)].map { entityRow($0, root: root) }
        // A place's datelined articles: the newest as many as an article list page holds
        // (one place may be the dateline of most of a dossier), and how many more.
        let datelined = graph.datelined[Int(index)]
        view.datelined = datelined.prefix(SitePage.articlesPerPage).map { articleSummary($0, root: root) }
        if datelined.count > SitePage.articlesPerPage { view.moreDatelined = datelined.count - SitePage.articlesPerPage }
        view.places = graph.places[Int(index)].map { link($0, root: root) }
        view.related = graph.related[Int(index)].map { EntityView.Related(chip: fragments.chip($0.entity, root: root), count: $0.count) }
        if entity.kind == .person || entity.kind == .org { view.statements = statementsSection(of: index, root: root) }
        view.figureGroups = figuresSection(of: index, root: root) ?? []
        return view
    }

    /// An entity's own feed and mentions, and the dossier-wide files it appears in.
    func dataLinks(_ entity: Entity, root: String) -> DataLinksView {
        // The dossier-wide tables, not one per entity: the same rows again (as large as all
        // the mentions together) would double the largest output for what a filter on the
        // `entity` column gives.
        DataLinksView(feed: root + EntityFeed.path(of: entity), downloads: root + "explore/index.html#downloads",
                      graphml: root + "data/network.graphml", entities: root + "data/entities.json")
    }

    func explore(root: String) -> ExploreView {
        let network = CoMentionNetwork.whole(graph)
        let pairs = network.edges.sorted { ($0.weight, $1.a, $1.b) > ($1.weight, $0.a, $0.b) }.prefix(25).map { edge in
            ExploreView.Pair(a: fragments.chip(network.nodes[edge.a], root: root), b: fragments.chip(network.nodes[edge.b], root: root),
                             count: edge.weight)
        }
        let tables = DataTable.allCases.map { table -> ExploreView.Table in
            let parts = dataParts.parts(of: table)
            return ExploreView.Table(name: table.rawValue, rows: parts.reduce(0) { $0 + $1.rows }, count: parts.count,
                                     parts: parts.map { part in
                                         ExploreView.Part(number: part.number, rows: part.rows,
                                                          jsonl: root + dataParts.path(of: part, .json), csv: root + dataParts.path(of: part, .csv))
                                     })
        }
        return ExploreView(network: charts.dossierNetwork(network, root: root), nodeCount: network.nodes.count,
                           entityCount: registry.entities.count, pairs: Array(pairs),
                           articlesWhole: DataFiles.articlesFitWhole(dataParts), tables: tables)
    }

    /// Previous/next and a window of page numbers (first, last, and two either side of the
    /// current page): constant size, however many pages a list has.
    func paginationView(page: Int, pages: Int, root: String, _ numbered: (Int) -> SitePage) -> PaginationView {
        func url(_ number: Int) -> String { root + numbered(number).path(in: content) }
        var links: [PaginationView.Link] = []
        var last = 0
        for number in PageRenderer.pageWindow(page: page, pages: pages) {
            if number > last + 1 { links.append(.init(gap: true)) }
            links.append(.init(number: number, url: url(number), current: number == page))
            last = number
        }
        return PaginationView(page: page, pages: pages, links: links,
                              previous: page > 1 ? url(page - 1) : nil, next: page < pages ? url(page + 1) : nil)
    }

    static func pageWindow(page: Int, pages: Int) -> [Int] {
        Set([1, pages] + Array(max(1, page - 2)...min(pages, page + 2))).sorted()
    }

    func meeting(_ index: EntityIndex, _ layout: inout LayoutView, root: String) -> MeetingView {
        let meeting = registry[index]
        layout.pageTitle = meeting.name
        layout.indexed = true
        var row = entityRow(index, root: root)
        row.second.participants = meeting.participants.compactMap { registry.index(of: .person, $0) }.map { link($0, root: root) }
        row.second.moreParticipants = nil
        var details = MeetingDetailView(countries: meeting.countries.compactMap { registry.index(of: .country, $0) }.map { link($0, root: root) },
                                        aliasList: meeting.aliases)
        if let place = registry.place(named: meeting.place) {
            details.placeLink = link(place, root: root)
        } else {
            details.place = meeting.place
        }
        if let wikidata = meeting.wikidata {
            details.wikidata = wikidata
            details.wikidataURL = "https://www.wikidata.org/wiki/" + wikidata
        }
        let groups = sentenceGroups(reports[index][...], root: root, only: reports.onlyOutlets(of: index))
        return MeetingView(meeting: Merged(row, details), data: dataLinks(meeting, root: root),
                           sentenceGroups: groups.isEmpty ? nil : groups,
                           otherMeetings: graph.otherMeetings(of: index).map { entityRow($0, root: root) },
                           figureGroups: figuresSection(of: index, root: root) ?? [])
    }

    func figureIndex(root: String) -> FiguresView {
        FiguresView(isIndex: true, subjects: FigureSubject.allCases.compactMap { subject in
            research.agreementBySubject[subject].map { figureSummary(subject, $0, root: root) }
        })
    }

    /// A subject's figures, oldest first, `SitePage.figuresPerPage` a page.
    func figureSubject(_ subject: FigureSubject, page number: Int, _ layout: inout LayoutView, root: String) -> FiguresView {
        let refs = research.figuresBySubject[subject] ?? []
        let pages = SitePage.figureSubjectPages(refs.count)
        layout.pageTitle = pages > 1 ? "\(subject.title) (page \(number) of \(pages))" : subject.title
        let first = min(refs.count, (number - 1) * SitePage.figuresPerPage)
        var rows = ""
        for ref in refs[first..<min(refs.count, first + SitePage.figuresPerPage)] { appendFigureRow(ref, to: &rows, root: root, sentence: true) }
        // A subject with no figures has no agreement: its group is then only its rows.
        let group = research.agreementBySubject[subject].map { summary -> FigureGroupView in
            var group = figureSummary(subject, summary, root: root)
            group.rows = rows
            return group
        }
        return FiguresView(group: group, indexURL: root + PageFile.of("figures/"),
                           pagination: pages > 1 ? paginationView(page: number, pages: pages, root: root) { .figureSubject(subject, page: $0) } : nil)
    }
}

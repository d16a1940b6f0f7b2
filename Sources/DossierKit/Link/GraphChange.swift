/// How the linked site differs from the one built before: what each emitter asks to know
/// whether an output of its must be made again. A first build, or one after a registry,
/// site or theme change, is `everything`: every output is made.
struct GraphChange: Sendable {
    /// The site as built before, for a change of some articles only.
    struct Before: Sendable {
        var graph: SiteGraph
        var pagination: EntityPagination
        /// Entities ("kind:id", stable across a registry reload) the changed articles
        /// mention, report or are datelined at, before or after the change.
        var touched: Set<String>
        /// Whether an article was added or removed, or its title, date, source, address or
        /// raw page changed: what article lists show.
        var listChanged: Bool
        /// Whether an article's date changed (timelines count mentions per month of it).
        var datesChanged: Bool
        /// Articles changed, as positions in the new article list and in the old one (with
        /// those removed).
        var changedNew: Set<Int>
        var changedOld: Set<Int>
        /// Entities ("kind:id") that speak, pass words on, claim or are named by a figure in a
        /// changed article, before or after: their first pages list those.
        var researchTouched: Set<String>
        /// The subjects of the changed articles' figures, before or after.
        var figureSubjects: Set<FigureSubject>
        /// Whether a changed article's statements, or figures, as the data tables write them, differ.
        var statementsChanged: Bool
        var figuresChanged: Bool
    }

    let graph: SiteGraph
    let pagination: EntityPagination
    /// Nil: everything changed.
    let before: Before?

    /// Per entity of the registry, whether `before.touched` and `before.researchTouched` name
    /// it (empty for everything): asked for each of 12,000 outputs, where copying the entity
    /// and hashing its "kind:id" each time was most of the asking.
    private let touchedEntities: [Bool]
    private let researchTouchedEntities: [Bool]
    /// `before.changedNew` and `changedOld` as flags per article: asked once per sentence of
    /// an entity's pages.
    private let changedNewArticles: [Bool]
    private let changedOldArticles: [Bool]

    init(graph: SiteGraph, pagination: EntityPagination, before: Before?) {
        self.graph = graph
        self.pagination = pagination
        self.before = before
        guard let before else {
            (touchedEntities, researchTouchedEntities, changedNewArticles, changedOldArticles) = ([], [], [], [])
            return
        }
        let references = graph.content.registry.entities.map(\.reference)
        touchedEntities = references.map(before.touched.contains)
        researchTouchedEntities = references.map(before.researchTouched.contains)
        func flags(_ indexes: Set<Int>, count: Int) -> [Bool] {
            var flags = [Bool](repeating: false, count: count)
            for index in indexes where index >= 0 && index < count { flags[index] = true }
            return flags
        }
        changedNewArticles = flags(before.changedNew, count: graph.annotated.count)
        changedOldArticles = flags(before.changedOld, count: before.graph.annotated.count)
    }

    /// Whether the article at `index` of the new list, or of the old one, is one the change
    /// read again (or removed); every one for everything.
    func changedNew(_ index: Int32) -> Bool { before == nil || changedNewArticles[Int(index)] }
    func changedOld(_ index: Int32) -> Bool { before == nil || changedOldArticles[Int(index)] }

    var isEverything: Bool { before == nil }

    /// Whether the change reaches `entity`'s mentions, sentences or facts.
    func touches(_ entity: EntityIndex) -> Bool {
        before == nil || touchedEntities[Int(entity)]
    }

    var listChanged: Bool { before?.listChanged ?? true }

    /// Whether the change reaches the statements or figures `entity`'s first page lists.
    func touchesResearch(of entity: EntityIndex) -> Bool {
        before == nil || researchTouchedEntities[Int(entity)]
    }

    /// The figure subjects the change reaches (every one for a full build).
    var figureSubjects: Set<FigureSubject> { before?.figureSubjects ?? Set(FigureSubject.allCases) }

    /// Whether the rows of the statements or figures table change.
    func changesRows(of table: DataTable) -> Bool {
        guard let before else { return true }
        switch table {
        case .statements: return before.statementsChanged
        case .figures: return before.figuresChanged
        case .mentions, .sentences, .articles: return true
        }
    }

    /// Whether the number of some entity's pages changed (the sitemap lists them).
    var pageCountsChanged: Bool {
        guard let before else { return true }
        return before.pagination.pages.count != pagination.pages.count
            || zip(before.pagination.pages, pagination.pages).contains { $0.count != $1.count }
    }
}

extension GraphChange {
    /// The change from `previous` (its content, annotations and graph) to the new site, when
    /// only the articles `changedIDs` were read again; `sameArticles`: the same ids in the
    /// same order, so that positions match and nothing was removed.
    init(graph: SiteGraph, pagination: EntityPagination, previous: (content: Content, annotated: [AnnotatedArticle], graph: SiteGraph,
                                                                      pagination: EntityPagination)?,
         changedIDs: Set<String>, redone: [Int], sameArticles: Bool = false) {
        guard let previous else {
            self.init(graph: graph, pagination: pagination, before: nil)
            return
        }
        let content = graph.content
        let articles = content.articles
        // Where each article was before (the same place when the list is the same).
        let oldIndex = sameArticles ? [:] : Dictionary(uniqueKeysWithValues: previous.content.articles.enumerated().map { ($1.id, $0) })
        func old(_ index: Int) -> Int? { sameArticles ? index : oldIndex[articles[index].id] }
        var touched = Set<String>()
        func touch(_ annotation: AnnotatedArticle, _ article: Article, _ registry: Registry) {
            for mention in annotation.mentions { touched.insert(registry[mention.entity].reference) }
            for meeting in article.meetings { touched.insert("meeting:" + meeting) }
            // The place's page lists the articles datelined there.
            if let place = registry.place(named: article.place) { touched.insert("place:" + registry[place].id) }
        }
        let removedIDs = sameArticles ? [] : Set(previous.content.articles.map(\.id)).subtracting(articles.map(\.id))
        let changedOld = sameArticles ? Set(redone) : Set(previous.content.articles.indices.filter {
            changedIDs.contains(previous.content.articles[$0].id) || removedIDs.contains(previous.content.articles[$0].id)
        })
        for index in changedOld { touch(previous.annotated[index], previous.content.articles[index], previous.content.registry) }
        for index in redone { touch(graph.annotated[index], articles[index], content.registry) }
        let listChanged = !removedIDs.isEmpty || redone.contains { index in
            guard let old = old(index) else { return true }
            let (a, b) = (previous.content.articles[old], articles[index])
            return a.title != b.title || a.date != b.date || a.source != b.source || a.url != b.url || a.raw != b.raw
        }
        let datesChanged = redone.contains { index in
            old(index).map { previous.content.articles[$0].date != articles[index].date } ?? true
        }
        // Statements and figures as pages show them, by entity and subject, before and after:
        // what differs (or all of an article whose title, date or outlet changed) is touched.
        var researchTouched = Set<String>()
        var figureSubjects = Set<FigureSubject>()
        var statementsChanged = false, figuresChanged = false
        let newOf = Dictionary(redone.compactMap { index in old(index).map { ($0, index) } }, uniquingKeysWith: { a, _ in a })
        var pairs: [(old: Int?, new: Int?)] = changedOld.map { ($0, newOf[$0]) }
        pairs += redone.filter { old($0) == nil }.map { (nil, $0) }
        for (oldIndex, newIndex) in pairs {
            let before = oldIndex.map { ResearchShown(previous.annotated[$0], previous.content.articles[$0], previous.content.registry) }
            let after = newIndex.map { ResearchShown(graph.annotated[$0], articles[$0], content.registry) }
            let whole = before?.article != after?.article
            if before?.article.first != after?.article.first || before?.statementRows != after?.statementRows { statementsChanged = true }
            if before?.article.first != after?.article.first || before?.figureRows != after?.figureRows { figuresChanged = true }
            for key in Set((before?.byEntity.keys).map(Array.init) ?? []).union((after?.byEntity.keys).map(Array.init) ?? [])
            where whole || before?.byEntity[key] != after?.byEntity[key] {
                researchTouched.insert(key)
            }
            for subject in Set((before?.bySubject.keys).map(Array.init) ?? []).union((after?.bySubject.keys).map(Array.init) ?? [])
            where whole || before?.bySubject[subject] != after?.bySubject[subject] {
                figureSubjects.insert(subject)
            }
        }
        self.init(graph: graph, pagination: pagination, before: Before(
            graph: previous.graph, pagination: previous.pagination, touched: touched, listChanged: listChanged,
            datesChanged: datesChanged, changedNew: Set(redone), changedOld: changedOld,
            researchTouched: researchTouched, figureSubjects: figureSubjects,
            statementsChanged: statementsChanged, figuresChanged: figuresChanged))
    }
}

/// What the pages show of one article's statements and figures, per entity ("kind:id") and
/// per figure subject, to tell whether an edit changed it.
private struct ResearchShown {
    /// Id, title, date and outlet: shown beside each statement and figure.
    let article: [String?]
    var byEntity: [String: [String]] = [:]
    var bySubject: [FigureSubject: [String]] = [:]
    /// Every statement and figure as the data tables write them (a sentence by its number).
    var statementRows: [String] = []
    var figureRows: [String] = []

    init(_ annotation: AnnotatedArticle, _ article: Article, _ registry: Registry) {
        self.article = [article.id, article.title, article.date, article.source]
        func key(_ entity: EntityIndex) -> String { registry[entity].reference }
        for statement in annotation.research.statements {
            let shown = [statement.text, statement.kind.rawValue, statement.anchor.map(String.init) ?? "",
                         statement.via.map(key) ?? "", statement.speakers.map(key).joined(separator: " "),
                         statement.attribution.rawValue].joined(separator: "\u{1F}")
            for entity in statement.speakers + (statement.via.map { [$0] } ?? []) { byEntity[key(entity), default: []].append(shown) }
            statementRows.append(shown + "\u{1F}" + String(statement.sentenceNumber))
        }
        for figure in annotation.research.figures {
            let shown = [figure.number, figure.unit, figure.subject.rawValue, figure.approximate ? "~" : "", figure.claimant.map(key) ?? "",
                         figure.anchor(in: annotation).map(String.init) ?? "", annotation.tableSentence(Int(figure.sentenceNumber)), figure.value.map(Figure.decimal) ?? ""].joined(separator: "\u{1F}")
            for entity in figure.entities + (figure.claimant.map { [$0] } ?? []) { byEntity[key(entity), default: []].append(shown) }
            bySubject[figure.subject, default: []].append(shown)
            figureRows.append(shown + "\u{1F}" + String(figure.sentenceNumber))
        }
    }
}

/// The view models of the research views (issue 16): the statements an entity made, the
/// figures the articles report about it side by side, the statements an article holds, and
/// what only one outlet says of a meeting. The markup is the theme's (`entity`, `meeting`,
/// `article` and `figures` templates).
extension PageRenderer {
    /// Statements an entity page lists, newest first, and figures per subject: at most this
    /// many (every one is in the data parts and on the subject pages).
    static let statementsShown = 50
    static let figuresShownPerSubject = 30

    /// One statement as the templates show it: the words, where the article says them, the
    /// article's date and outlet, the speaker and the channel.
    func statementView(_ ref: ResearchIndex.Ref, root: String, speaker: Bool = false) -> StatementView {
        let statement = research[statement: ref]
        let article = content.articles[Int(ref.article)]
        var url = articleLink(ref.article, root: root)
        if let anchor = statement.anchor { url = PageFile.mention(url, anchor) }
        return StatementView(text: statement.text, url: url, quote: statement.kind == .quote, kind: statement.kind.rawValue,
                             title: article.title, date: article.date, dateDisplay: ISODate.display(article.date), source: article.source,
                             via: statement.via.map { fragments.chip($0, root: root) },
                             speakers: speaker ? statement.speakers.map { fragments.chip($0, root: root) } : nil,
                             pronoun: speaker && statement.attribution == .pronoun ? true : nil)
    }

    /// One statement rendered through the `statement` template. Items are rendered one by one
    /// and joined, not as a section of the page: the few shapes an item has are spliced
    /// (`TemplateShapes`), where a page with a list of them is of a new shape each time.
    func statementItem(_ ref: ResearchIndex.Ref, root: String, speaker: Bool = false) -> String {
        theme.render(.statement, statementView(ref, root: root, speaker: speaker))
    }

    /// The "Statements" section of a person's or organisation's first page: what it said and
    /// what reached the articles through it; nil when the finder found neither.
    func statementsSection(of entity: EntityIndex, root: String) -> StatementsSectionView? {
        let said = research.statementsBySpeaker[Int(entity)], through = research.statementsVia[Int(entity)]
        guard !said.isEmpty || !through.isEmpty else { return nil }
        var section = StatementsSectionView()
        if !said.isEmpty {
            section.said = said.prefix(Self.statementsShown).map { statementItem($0, root: root) }.joined()
            section.saidCount = said.count
            if said.count > Self.statementsShown { section.saidShown = Self.statementsShown }
        }
        if !through.isEmpty {
            section.through = through.prefix(Self.statementsShown).map { statementItem($0, root: root, speaker: true) }.joined()
            section.throughCount = through.count
            if through.count > Self.statementsShown { section.throughShown = Self.statementsShown }
        }
        return section
    }

    /// One figure as a row of a table of claims, through `figurerow`'s cut (`Fragments.FigureRowCuts`).
    func appendFigureRow(_ ref: ResearchIndex.Ref, to html: inout String, root: String, sentence: Bool = false) {
        let figure = research[figure: ref]
        let article = content.articles[Int(ref.article)]
        let annotation = graph.annotated[Int(ref.article)]
        var url = articleLink(ref.article, root: root)
        if let anchor = figure.anchor(in: annotation) { url = PageFile.mention(url, anchor) }
        let row = FigureRowView(number: figure.number, unit: figure.unit, approximate: figure.approximate, url: url,
                                title: article.title, date: article.date, dateDisplay: ISODate.display(article.date),
                                subject: figure.subject.title, source: article.source,
                                claimant: figure.claimant.map { fragments.chip($0, root: root) },
                                sentence: sentence ? annotation.tableSentence(Int(figure.sentenceNumber)) : nil)
        fragments.figureRows.append(row, to: &html, theme: theme)
    }

    /// Figures grouped by subject, each group in date order, with whether its sources give
    /// different values (what a reader looks for first).
    func figureGroups(_ refs: [ResearchIndex.Ref], root: String, limit: Int) -> [FigureGroupView] {
        var bySubject: [FigureSubject: [ResearchIndex.Ref]] = [:]
        for ref in refs { bySubject[research.figure(ref) { $0.subject }, default: []].append(ref) }
        return FigureSubject.allCases.compactMap { subject -> FigureGroupView? in
            guard let refs = bySubject[subject] else { return nil }
            var group = figureSummary(subject, FigureAgreement(refs) { research.figure($0) { $0.value } }, root: root)
            var rows = ""
            for ref in refs.prefix(limit) { appendFigureRow(ref, to: &rows, root: root) }
            group.rows = rows
            if refs.count > limit { group.shown = limit }
            return group
        }
    }

    /// A subject's name, its page, how many figures, and whether the articles disagree, with
    /// the values they give (`FigureAgreement`).
    func figureSummary(_ subject: FigureSubject, _ agreement: FigureAgreement, root: String) -> FigureGroupView {
        var group = FigureGroupView(subject: subject.title, url: root + FigureSubject.path(subject), count: agreement.count,
                                    articleCount: agreement.articleCount)
        if let values = agreement.differingValues {
            group.differs = true
            group.values = values.prefix(12).map { Figure.grouped($0) }.joined(separator: " · ") + (values.count > 12 ? " …" : "")
        }
        return group
    }

    /// An entity's or meeting's figures, for its first page; nil when there are none.
    func figuresSection(of entity: EntityIndex, root: String) -> [FigureGroupView]? {
        let refs = research.figuresByEntity[Int(entity)]
        return refs.isEmpty ? nil : figureGroups(refs, root: root, limit: Self.figuresShownPerSubject)
    }
}

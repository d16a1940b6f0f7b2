/// The statements and figures of a whole dossier, indexed the way pages list them: per
/// entity the statements it made and those that came through it, per subject and per entity
/// the figures, from what the annotator found in each article.
struct ResearchIndex: Sendable {
    /// A statement or figure: the article and its position in that article's list.
    struct Ref: Sendable, Hashable {
        var article: Int32
        var index: Int32
    }

    private let annotated: [AnnotatedArticle]
    /// Per entity: the statements it made (as speaker or co-speaker), newest article first
    /// (date descending, then id, as `SiteGraph.articlesByDate`), then in text order.
    let statementsBySpeaker: [[Ref]]
    /// Per entity: the statements that reached their article through it (`via`), same order.
    let statementsVia: [[Ref]]
    /// Per subject: its figures in date order (oldest first, then article id, then text order),
    /// so that claims of different sources stand side by side.
    let figuresBySubject: [FigureSubject: [Ref]]
    /// Per entity: the figures it claims or whose sentence names it, in date order.
    let figuresByEntity: [[Ref]]
    /// Per subject: whether its articles agree (the figures index and each subject's pages show it).
    let agreementBySubject: [FigureSubject: FigureAgreement]

    /// Indexes what the annotator found in each article (`AnnotatedArticle.research`).
    init(_ graph: SiteGraph) {
        let articles = graph.content.articles
        let registry = graph.content.registry
        let annotated = graph.annotated
        self.annotated = annotated

        let newestFirst = graph.articlesByDate.map { Int($0) }
        let count = registry.entities.count
        var bySpeaker = [[Ref]](repeating: [], count: count)
        var via = [[Ref]](repeating: [], count: count)
        for article in newestFirst {
            for (index, statement) in annotated[article].research.statements.enumerated() {
                let ref = Ref(article: Int32(article), index: Int32(index))
                for speaker in statement.speakers { bySpeaker[Int(speaker)].append(ref) }
                if let channel = statement.via { via[Int(channel)].append(ref) }
            }
        }
        statementsBySpeaker = bySpeaker
        statementsVia = via

        var bySubject: [FigureSubject: [Ref]] = [:]
        var byEntity = [[Ref]](repeating: [], count: count)
        let oldestFirst = articles.indices.sorted { a, b in
            articles[a].date != articles[b].date ? articles[a].date < articles[b].date : articles[a].id < articles[b].id
        }
        for article in oldestFirst {
            for (index, figure) in annotated[article].research.figures.enumerated() {
                let ref = Ref(article: Int32(article), index: Int32(index))
                bySubject[figure.subject, default: []].append(ref)
                var entities = figure.entities
                if let claimant = figure.claimant, !entities.contains(claimant) { entities.append(claimant) }
                for entity in entities { byEntity[Int(entity)].append(ref) }
            }
        }
        figuresBySubject = bySubject
        figuresByEntity = byEntity
        agreementBySubject = bySubject.mapValues { refs in
            FigureAgreement(refs) { annotated[Int($0.article)].research.figures[Int($0.index)] }
        }
    }

    subscript(statement ref: Ref) -> Statement { annotated[Int(ref.article)].research.statements[Int(ref.index)] }
    subscript(figure ref: Ref) -> Figure { annotated[Int(ref.article)].research.figures[Int(ref.index)] }
}

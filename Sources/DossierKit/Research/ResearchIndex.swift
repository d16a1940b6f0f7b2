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
        // Through the buffer: an element read from the array is a copy of the whole annotation.
        annotated.withUnsafeBufferPointer { annotated in
            for article in newestFirst {
                annotated[article].research.statements.withUnsafeBufferPointer { statements in
                    for index in statements.indices {
                        let ref = Ref(article: Int32(article), index: Int32(index))
                        for speaker in statements[index].speakers { bySpeaker[Int(speaker)].append(ref) }
                        if let channel = statements[index].via { via[Int(channel)].append(ref) }
                    }
                }
            }
        }
        statementsBySpeaker = bySpeaker
        statementsVia = via

        var bySubject: [FigureSubject: [Ref]] = [:]
        var byEntity = [[Ref]](repeating: [], count: count)
        let oldestFirst = ArticleOrder.byDate(articles, newestFirst: false)
        annotated.withUnsafeBufferPointer { annotated in
            for article in oldestFirst {
                annotated[article].research.figures.withUnsafeBufferPointer { figures in
                    for index in figures.indices {
                        let ref = Ref(article: Int32(article), index: Int32(index))
                        bySubject[figures[index].subject, default: []].append(ref)
                        for entity in figures[index].entities { byEntity[Int(entity)].append(ref) }
                        if let claimant = figures[index].claimant, !figures[index].entities.contains(claimant) {
                            byEntity[Int(claimant)].append(ref)
                        }
                    }
                }
            }
        }
        figuresBySubject = bySubject
        figuresByEntity = byEntity
        agreementBySubject = annotated.withUnsafeBufferPointer { annotated in
            bySubject.mapValues { refs in
                FigureAgreement(refs) { ref in annotated[Int(ref.article)].research.figures.withUnsafeBufferPointer { $0[Int(ref.index)].value } }
            }
        }
    }

    // Through the buffers: reading `annotated[i]` copied the whole annotation, once per
    // statement or figure an entity page lists (thousands on the most mentioned).
    subscript(statement ref: Ref) -> Statement {
        annotated.withUnsafeBufferPointer { $0[Int(ref.article)].research.statements.withUnsafeBufferPointer { $0[Int(ref.index)] } }
    }
    subscript(figure ref: Ref) -> Figure {
        annotated.withUnsafeBufferPointer { $0[Int(ref.article)].research.figures.withUnsafeBufferPointer { $0[Int(ref.index)] } }
    }
}

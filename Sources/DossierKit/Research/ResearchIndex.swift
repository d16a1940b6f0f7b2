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

    /// The article orders the lists follow (positions in `content.articles`): a rebuild over
    /// the same orders splices its changed articles in instead of indexing every article again.
    private let newestFirst: [Int]
    private let oldestFirst: [Int]

    /// Indexes what the annotator found in each article (`AnnotatedArticle.research`). With
    /// `previous` (the index of the last build) and the articles `changed` since, when the
    /// articles are in the same orders, only the changed articles' entries are replaced.
    init(_ graph: SiteGraph, reusing previous: ResearchIndex? = nil, changed: Set<Int> = []) {
        let annotated = graph.annotated
        self.annotated = annotated
        let newestFirst = graph.articlesByDate.map { Int($0) }
        let oldestFirst = ArticleOrder.oldestFirst(newestFirst, graph.content.articles)
        self.newestFirst = newestFirst
        self.oldestFirst = oldestFirst
        let count = graph.content.registry.entities.count
        var bySpeaker = [[Ref]](repeating: [], count: count)
        var via = [[Ref]](repeating: [], count: count)
        var bySubject: [FigureSubject: [Ref]] = [:]
        var byEntity = [[Ref]](repeating: [], count: count)
        var touchedSubjects = Set(FigureSubject.allCases)
        if let previous, previous.newestFirst == newestFirst, previous.oldestFirst == oldestFirst,
           previous.statementsBySpeaker.count == count {
            bySpeaker = previous.statementsBySpeaker
            via = previous.statementsVia
            bySubject = previous.figuresBySubject
            byEntity = previous.figuresByEntity
            touchedSubjects = []
            var newRank = [Int](repeating: 0, count: newestFirst.count), oldRank = newRank
            for (rank, article) in newestFirst.enumerated() { newRank[article] = rank }
            for (rank, article) in oldestFirst.enumerated() { oldRank[article] = rank }
            // What the changed articles held before and hold now, by list.
            var speakerRefs: [Int: [Ref]] = [:], viaRefs: [Int: [Ref]] = [:], entityRefs: [Int: [Ref]] = [:]
            var subjectRefs: [FigureSubject: [Ref]] = [:]
            var speakersTouched = Set<Int>(), viaTouched = Set<Int>(), entitiesTouched = Set<Int>()
            for article in changed.sorted() {
                for (research, now) in [(previous.annotated[article].research, false), (annotated[article].research, true)] {
                    Self.index(research, article: article) { list, key, ref in
                        switch list {
                        case .speaker: speakersTouched.insert(key); if now { speakerRefs[key, default: []].append(ref) }
                        case .via: viaTouched.insert(key); if now { viaRefs[key, default: []].append(ref) }
                        case .entity: entitiesTouched.insert(key); if now { entityRefs[key, default: []].append(ref) }
                        case .subject(let subject): touchedSubjects.insert(subject); if now { subjectRefs[subject, default: []].append(ref) }
                        }
                    }
                }
            }
            func splice(_ list: [Ref], _ added: [Ref]?, rank: [Int]) -> [Ref] {
                func key(_ ref: Ref) -> (Int, Int32) { (rank[Int(ref.article)], ref.index) }
                let kept = list.filter { !changed.contains(Int($0.article)) }
                let added = (added ?? []).sorted { key($0) < key($1) }
                var merged: [Ref] = []
                merged.reserveCapacity(kept.count + added.count)
                var next = 0
                for ref in kept {
                    while next < added.count, key(added[next]) < key(ref) { merged.append(added[next]); next += 1 }
                    merged.append(ref)
                }
                merged += added[next...]
                return merged
            }
            for entity in speakersTouched { bySpeaker[entity] = splice(bySpeaker[entity], speakerRefs[entity], rank: newRank) }
            for entity in viaTouched { via[entity] = splice(via[entity], viaRefs[entity], rank: newRank) }
            for entity in entitiesTouched { byEntity[entity] = splice(byEntity[entity], entityRefs[entity], rank: oldRank) }
            for subject in touchedSubjects {
                let refs = splice(bySubject[subject] ?? [], subjectRefs[subject], rank: oldRank)
                bySubject[subject] = refs.isEmpty ? nil : refs
            }
        } else {
            // Through the buffer: an element read from the array is a copy of the whole annotation.
            annotated.withUnsafeBufferPointer { annotated in
                for article in newestFirst {
                    Self.index(annotated[article].research, article: article, figures: false) { list, key, ref in
                        if case .speaker = list { bySpeaker[key].append(ref) } else { via[key].append(ref) }
                    }
                }
                for article in oldestFirst {
                    Self.index(annotated[article].research, article: article, statements: false) { list, key, ref in
                        if case .subject(let subject) = list { bySubject[subject, default: []].append(ref) } else { byEntity[key].append(ref) }
                    }
                }
            }
        }
        statementsBySpeaker = bySpeaker
        statementsVia = via
        figuresBySubject = bySubject
        figuresByEntity = byEntity
        var agreement = previous?.agreementBySubject ?? [:]
        annotated.withUnsafeBufferPointer { annotated in
            for subject in touchedSubjects {
                agreement[subject] = bySubject[subject].map { refs in
                    FigureAgreement(refs) { ref in annotated[Int(ref.article)].research.figures.withUnsafeBufferPointer { $0[Int(ref.index)].value } }
                }
            }
        }
        agreementBySubject = agreement
    }

    private enum List {
        case speaker, via, entity
        case subject(FigureSubject)
    }

    /// Each list entry an article's statements and figures make, in the order the lists hold
    /// them: per statement its speakers, then its channel; per figure its subject, the
    /// entities of its sentence, then its claimant when not among them.
    private static func index(_ research: ArticleResearch, article: Int, statements: Bool = true, figures: Bool = true,
                              _ add: (List, Int, Ref) -> Void) {
        if statements {
            research.statements.withUnsafeBufferPointer { statements in
                for index in statements.indices {
                    let ref = Ref(article: Int32(article), index: Int32(index))
                    for speaker in statements[index].speakers { add(.speaker, Int(speaker), ref) }
                    if let channel = statements[index].via { add(.via, Int(channel), ref) }
                }
            }
        }
        if figures {
            research.figures.withUnsafeBufferPointer { figures in
                for index in figures.indices {
                    let ref = Ref(article: Int32(article), index: Int32(index))
                    add(.subject(figures[index].subject), 0, ref)
                    for entity in figures[index].entities { add(.entity, Int(entity), ref) }
                    if let claimant = figures[index].claimant, !figures[index].entities.contains(claimant) { add(.entity, Int(claimant), ref) }
                }
            }
        }
    }

    // Through the buffers: reading `annotated[i]` copied the whole annotation, once per
    // statement or figure an entity page lists (thousands on the most mentioned).
    subscript(statement ref: Ref) -> Statement {
        annotated.withUnsafeBufferPointer { $0[Int(ref.article)].research.statements.withUnsafeBufferPointer { $0[Int(ref.index)] } }
    }
    subscript(figure ref: Ref) -> Figure { figure(ref) { copy $0 } }
    /// One field of a figure, read in place: the subscript copies the figure's strings and
    /// entities, which the grouping of thousands of an entity's figures need not.
    func figure<T>(_ ref: Ref, _ field: (borrowing Figure) -> T) -> T {
        annotated.withUnsafeBufferPointer { $0[Int(ref.article)].research.figures.withUnsafeBufferPointer { field($0[Int(ref.index)]) } }
    }
}

/// The sentences a meeting's page quotes, per meeting: its own mentions, and where an
/// article reports the meeting without naming it (front matter `meetings:`), the first
/// five sentences of that article that name its participants. Chosen in the link stage,
/// so that rendering only reads them.
struct MeetingReports: Sendable {
    private let byMeeting: [EntityIndex: [SiteGraph.SentenceRef]]
    /// Per meeting, its report sentences that only one outlet gives, with that outlet.
    private let onlyByMeeting: [EntityIndex: [SiteGraph.SentenceRef: String]]

    init(_ graph: SiteGraph) {
        let registry = graph.content.registry
        var byMeeting: [EntityIndex: [SiteGraph.SentenceRef]] = [:]
        var onlyByMeeting: [EntityIndex: [SiteGraph.SentenceRef: String]] = [:]
        for (position, meeting) in registry.entities.enumerated() where meeting.kind == .meeting {
            let index = EntityIndex(position)
            let participants = Set(meeting.participants.compactMap { registry.index(of: .person, $0) })
            // Its own sentences by article, in one pass (filtering them once per article was quadratic).
            var own: [Int32: [SiteGraph.SentenceRef]] = [:]
            for ref in graph.sentences[position] { own[ref.article, default: []].append(ref) }
            var refs: [SiteGraph.SentenceRef] = []
            for article in graph.articles[position] {
                if let mine = own[article] {
                    refs += mine
                    continue
                }
                var bySentence: [(Int32, [Int32])] = []
                for (mentionPosition, mention) in graph.annotated[Int(article)].mentions.enumerated() where participants.contains(mention.entity) {
                    if let last = bySentence.last, last.0 == mention.sentence {
                        bySentence[bySentence.count - 1].1.append(Int32(mentionPosition))
                    } else {
                        bySentence.append((mention.sentence, [Int32(mentionPosition)]))
                    }
                }
                refs += bySentence.prefix(Self.sentencesPerReport).map { SiteGraph.SentenceRef(article: article, sentence: $0.0, mentions: $0.1) }
            }
            byMeeting[index] = refs
            let only = Self.onlyOneOutlet(refs, meeting: index, graph: graph)
            if !only.isEmpty { onlyByMeeting[index] = only }
        }
        self.byMeeting = byMeeting
        self.onlyByMeeting = onlyByMeeting
    }

    /// Of a meeting's reports, the sentences that say something no other outlet's report
    /// says: they name an entity, or give a figure, that only their outlet's sentences do
    /// (the outlet is the article's `source`, or the article when it has none). Empty when
    /// fewer than two outlets report it: then there is nothing to compare.
    static func onlyOneOutlet(_ refs: [SiteGraph.SentenceRef], meeting: EntityIndex, graph: SiteGraph) -> [SiteGraph.SentenceRef: String] {
        let articles = graph.content.articles
        func outlet(_ article: Int32) -> String { articles[Int(article)].source ?? articles[Int(article)].id }
        guard Set(refs.map { outlet($0.article) }).count > 1 else { return [:] }
        func facts(_ ref: SiteGraph.SentenceRef) -> Set<String> {
            let annotation = graph.annotated[Int(ref.article)]
            var facts = Set<String>()
            // The sentence's mentions sit together around `first` (mentions are in text order).
            var lower = Int(ref.first)
            while lower > 0, annotation.mentions[lower - 1].sentence == ref.sentence { lower -= 1 }
            var index = lower
            while index < annotation.mentions.count, annotation.mentions[index].sentence == ref.sentence {
                if annotation.mentions[index].entity != meeting { facts.insert("e" + String(annotation.mentions[index].entity)) }
                index += 1
            }
            for figure in annotation.research.figures where figure.sentenceNumber == ref.sentence {
                facts.insert("f" + figure.subject.rawValue + ":" + (figure.value.map(Figure.decimal) ?? figure.number))
            }
            return facts
        }
        let factsOf = refs.map(facts)
        var outletsOf: [String: Set<String>] = [:]
        for (ref, facts) in zip(refs, factsOf) { for fact in facts { outletsOf[fact, default: []].insert(outlet(ref.article)) } }
        var only: [SiteGraph.SentenceRef: String] = [:]
        for (ref, facts) in zip(refs, factsOf) where facts.contains(where: { outletsOf[$0]!.count == 1 }) {
            only[ref] = outlet(ref.article)
        }
        return only
    }

    /// Sentences quoted from an article that reports a meeting without naming it.
    static let sentencesPerReport = 5

    subscript(_ meeting: EntityIndex) -> [SiteGraph.SentenceRef] { byMeeting[meeting] ?? [] }

    /// The outlet that alone gives a report sentence of `meeting`, for the sentences that say what no other outlet does.
    func onlyOutlets(of meeting: EntityIndex) -> [SiteGraph.SentenceRef: String] { onlyByMeeting[meeting] ?? [:] }
}

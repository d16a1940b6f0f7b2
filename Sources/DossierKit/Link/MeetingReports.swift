/// The sentences a meeting's page quotes, per meeting: its own mentions, and where an
/// article reports the meeting without naming it (front matter `meetings:`), the first
/// five sentences of that article that name its participants. Chosen in the link stage,
/// so that rendering only reads them.
struct MeetingReports: Sendable {
    private let byMeeting: [EntityIndex: [SiteGraph.SentenceRef]]

    init(_ graph: SiteGraph) {
        let registry = graph.content.registry
        var byMeeting: [EntityIndex: [SiteGraph.SentenceRef]] = [:]
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
        }
        self.byMeeting = byMeeting
    }

    /// Sentences quoted from an article that reports a meeting without naming it.
    static let sentencesPerReport = 5

    subscript(_ meeting: EntityIndex) -> [SiteGraph.SentenceRef] { byMeeting[meeting] ?? [] }
}

/// The site as a graph, built once from the loaded content and the annotated articles:
/// every entity's mentions and articles, who is mentioned with whom, which meetings
/// each person and country took part in, and which articles report each meeting.
/// All lists are in a fixed order so that output is deterministic.
public struct SiteGraph: Sendable {
    public struct MentionRef: Sendable, Hashable {
        public var article: Int32
        public var mention: Int32
    }

    /// One sentence of an article and the mentions of one entity in it.
    public struct SentenceRef: Sendable, Hashable {
        public var article: Int32
        public var sentence: Int32
        /// Indices into the article's mentions.
        public var mentions: [Int32]
    }

    public struct Count: Sendable, Hashable {
        public var entity: EntityIndex
        public var count: Int
    }

    public let content: Content
    public let annotated: [AnnotatedArticle]
    /// Article indices, newest first (date descending, then id).
    public let articlesByDate: [Int32]
    /// Per entity: its mentions, newest article first, then in document order.
    public let mentions: [[MentionRef]]
    /// Per entity: the sentences that mention it, in the order of `mentions`.
    public let sentences: [[SentenceRef]]
    /// Per entity: the distinct articles that mention it (or report it, for meetings), newest first.
    public let articles: [[Int32]]
    /// Per entity: the entities most often mentioned in the same sentences, most first.
    public let related: [[Count]]
    /// Per entity: meetings it took part in (participant or country), by date.
    public let meetings: [[EntityIndex]]
    /// Meetings by date, then id.
    public let meetingsByDate: [EntityIndex]

    /// How many related entities each page keeps.
    public static let relatedLimit = 12

    public init(content: Content, annotated: [AnnotatedArticle]) {
        precondition(content.articles.count == annotated.count)
        self.content = content
        self.annotated = annotated
        let registry = content.registry
        let entityCount = registry.entities.count
        let articles = content.articles

        let byDate = articles.indices.sorted { a, b in
            articles[a].date != articles[b].date ? articles[a].date > articles[b].date : articles[a].id < articles[b].id
        }.map { Int32($0) }
        self.articlesByDate = byDate

        var mentions = [[MentionRef]](repeating: [], count: entityCount)
        var articlesOf = [[Int32]](repeating: [], count: entityCount)
        var pairCounts = [[EntityIndex: Int]](repeating: [:], count: entityCount)
        for article in byDate {
            let annotation = annotated[Int(article)]
            var counts: [EntityIndex: Int] = [:]
            var sentenceEntities: [Int32: [EntityIndex]] = [:]
            for (index, mention) in annotation.mentions.enumerated() {
                mentions[Int(mention.entity)].append(MentionRef(article: article, mention: Int32(index)))
                counts[mention.entity, default: 0] += 1
                var inSentence = sentenceEntities[mention.sentence, default: []]
                if !inSentence.contains(mention.entity) { inSentence.append(mention.entity) }
                sentenceEntities[mention.sentence] = inSentence
            }
            for entity in counts.keys { articlesOf[Int(entity)].append(article) }
            for meetingID in articles[Int(article)].meetings {
                if let meeting = registry.index(of: .meeting, meetingID), counts[meeting] == nil {
                    articlesOf[Int(meeting)].append(article)
                }
            }
            for entities in sentenceEntities.values where entities.count > 1 {
                for a in entities { for b in entities where a != b { pairCounts[Int(a)][b, default: 0] += 1 } }
            }
        }
        self.mentions = mentions
        self.sentences = mentions.map { refs in
            var result: [SentenceRef] = []
            for ref in refs {
                let sentence = annotated[Int(ref.article)].mentions[Int(ref.mention)].sentence
                if let last = result.last, last.article == ref.article, last.sentence == sentence {
                    result[result.count - 1].mentions.append(ref.mention)
                } else {
                    result.append(SentenceRef(article: ref.article, sentence: sentence, mentions: [ref.mention]))
                }
            }
            return result
        }
        self.articles = articlesOf  // appended in newest-first order above
        self.related = pairCounts.map { SiteGraph.ranked($0, registry: registry, limit: SiteGraph.relatedLimit) }

        let meetingsByDate = registry.indices(of: .meeting).sorted { a, b in
            let (x, y) = (registry[a], registry[b])
            return (x.date ?? "", x.id) < (y.date ?? "", y.id)
        }
        self.meetingsByDate = meetingsByDate
        var meetingsOf = [[EntityIndex]](repeating: [], count: entityCount)
        for meeting in meetingsByDate {
            let entity = registry[meeting]
            for id in entity.participants { if let person = registry.index(of: .person, id) { meetingsOf[Int(person)].append(meeting) } }
            for id in entity.countries { if let country = registry.index(of: .country, id) { meetingsOf[Int(country)].append(meeting) } }
        }
        self.meetings = meetingsOf
    }

    /// Count of mentions of an entity.
    public func mentionCount(_ entity: EntityIndex) -> Int { mentions[Int(entity)].count }

    /// Entities of `kind`, most mentioned first, then by name.
    public func byMentions(_ kind: EntityKind) -> [EntityIndex] {
        let registry = content.registry
        return registry.indices(of: kind).sorted { a, b in
            let (x, y) = (mentionCount(a), mentionCount(b))
            return x != y ? x > y : registry[a].name < registry[b].name
        }
    }

    /// Other meetings sharing a participant with `meeting`, by date.
    public func otherMeetings(of meeting: EntityIndex) -> [EntityIndex] {
        let registry = content.registry
        let participants = Set(registry[meeting].participants)
        return meetingsByDate.filter { other in
            other != meeting && !participants.isDisjoint(with: registry[other].participants)
        }
    }

    static func ranked(_ counts: [EntityIndex: Int], registry: Registry, limit: Int?) -> [Count] {
        let sorted = counts.map { Count(entity: $0.key, count: $0.value) }.sorted { a, b in
            a.count != b.count ? a.count > b.count : (registry[a.entity].kind, registry[a.entity].id) < (registry[b.entity].kind, registry[b.entity].id)
        }
        if let limit { return Array(sorted.prefix(limit)) }
        return sorted
    }
}

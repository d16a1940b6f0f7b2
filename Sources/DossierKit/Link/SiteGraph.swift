/// The site as a graph, built once from the loaded content and the annotated articles:
/// every entity's mentions and articles, who is mentioned with whom, which meetings
/// each person and country took part in and each place saw, which articles report each
/// meeting and which are datelined at each place.
/// All lists are in a fixed order so that output is deterministic.
struct SiteGraph: Sendable {
    struct MentionRef: Sendable, Hashable {
        var article: Int32
        var mention: Int32
    }

    /// One sentence of an article and the mentions of one entity in it.
    struct SentenceRef: Sendable, Hashable {
        var article: Int32
        var sentence: Int32
        /// The first of its mentions (an index into the article's mentions), and any others:
        /// most sentences name an entity once, and an empty array costs no allocation.
        var first: Int32
        var others: [Int32] = []

        init(article: Int32, sentence: Int32, mentions: [Int32]) {
            self.article = article
            self.sentence = sentence
            self.first = mentions[0]
            self.others = Array(mentions.dropFirst())
        }

        var mentions: [Int32] { [first] + others }
    }

    struct Count: Sendable, Hashable {
        var entity: EntityIndex
        var count: Int
    }

    let content: Content
    let annotated: [AnnotatedArticle]
    /// Article indices, newest first (date descending, then id).
    let articlesByDate: [Int32]
    /// Per entity: its mentions, newest article first, then in document order.
    let mentions: [[MentionRef]]
    /// Per entity: the sentences that mention it, in the order of `mentions`.
    let sentences: [[SentenceRef]]
    /// Per entity: the distinct articles that mention it (or report it, for meetings), newest first.
    let articles: [[Int32]]
    /// Per entity: the entities most often mentioned in the same sentences, most first.
    let related: [[Count]]
    /// Per entity: meetings it took part in (participant or country) or that were held
    /// there (a place: the meeting's `place:` names it), by date.
    let meetings: [[EntityIndex]]
    /// Per entity: the articles whose dateline (`place:`) names it (a place), newest first.
    let datelined: [[Int32]]
    /// Per entity: the places in it (a country: the places whose `country:` it is), by name.
    let places: [[EntityIndex]]
    /// Meetings by date, then id.
    let meetingsByDate: [EntityIndex]

    /// How many related entities each page keeps.
    static let relatedLimit = 12

    /// Each article's share of the graph, kept so a rebuild can reuse the unchanged ones
    /// (empty when the graph was made without keeping them).
    fileprivate let shares: [ArticleShare]
    /// How often each pair of entities shares a sentence, kept with the shares: a rebuild
    /// takes the changed articles' pairs out and puts them back as they are now.
    fileprivate let pairCounts: PairCounts?

    /// Articles whose shares are made at once when they are not kept: then only that many
    /// shares are in memory beside the merged lists.
    static let shareBatch = 4096

    init(content: Content, annotated: [AnnotatedArticle]) {
        self.init(content: content, annotated: annotated, reusing: nil, changed: [])
    }

    /// The graph of `content`, taking the shares of articles not in `changed` from `previous`
    /// (which must have the same articles in the same order and the same registry, and have
    /// kept its shares). `keepingShares`: keep each article's share for a later rebuild; a
    /// single build does not, and holds only a batch of them at a time.
    init(content: Content, annotated: [AnnotatedArticle], reusing previous: SiteGraph?, changed: Set<Int>, keepingShares: Bool = true,
         batch: Int = SiteGraph.shareBatch) {
        precondition(content.articles.count == annotated.count)
        self.content = content
        self.annotated = annotated
        let registry = content.registry
        let entityCount = registry.entities.count
        let articles = content.articles

        let byDate = ArticleOrder.newestFirst(articles).map { Int32($0) }
        self.articlesByDate = byDate

        // Each article's share, on all cores, merged in date order.
        let make = { @Sendable (index: Int) in
            ArticleShare(article: Int32(index), annotation: annotated[index], reported: articles[index].meetings, registry: registry)
        }
        var mentions = [[MentionRef]](repeating: [], count: entityCount)
        var sentences = [[SentenceRef]](repeating: [], count: entityCount)
        var articlesOf = [[Int32]](repeating: [], count: entityCount)
        var pairs = PairCounts(entityCount: entityCount)
        func merge(_ share: ArticleShare, of article: Int32) {
            for entry in share.entities {
                mentions[Int(entry.entity)] += entry.mentions
                sentences[Int(entry.entity)] += entry.sentences
                articlesOf[Int(entry.entity)].append(article)
            }
            for meeting in share.reportedOnly { articlesOf[Int(meeting)].append(article) }
            for (a, b) in share.pairs { pairs.add(a, b) }
        }
        // Entities whose related list is made again (nil: all of them).
        var relatedChanged: Set<EntityIndex>?
        if let previous, previous.shares.count == articles.count, let previousPairs = previous.pairCounts,
           previous.articlesByDate == byDate {
            // The same articles in the same order: each entity's lists as before, with each
            // changed article's run of them replaced by what it holds now.
            var shares = previous.shares
            (mentions, sentences, articlesOf, pairs) = (previous.mentions, previous.sentences, previous.articles, previousPairs)
            var rank = [Int32](repeating: 0, count: articles.count)
            for (position, article) in byDate.enumerated() { rank[Int(article)] = Int32(position) }
            var touched = Set<EntityIndex>()
            for index in changed.sorted() {
                let (old, new) = (shares[index], make(index))
                shares[index] = new
                let article = Int32(index)
                for (a, b) in old.pairs { pairs.add(a, b, -1) }
                for (a, b) in new.pairs { pairs.add(a, b, 1) }
                touched.formUnion(old.pairs.map(\.0) + new.pairs.map(\.0))
                var newEntries: [EntityIndex: ArticleShare.Entry] = [:]
                for entry in new.entities { newEntries[entry.entity] = entry }
                let involved = Set(old.entities.map(\.entity) + old.reportedOnly + new.entities.map(\.entity) + new.reportedOnly)
                for entity in involved.sorted() {
                    let e = Int(entity), entry = newEntries[entity]
                    SiteGraph.replaceRun(of: article, in: &mentions[e], with: entry?.mentions ?? [], rank: rank) { $0.article }
                    SiteGraph.replaceRun(of: article, in: &sentences[e], with: entry?.sentences ?? [], rank: rank) { $0.article }
                    SiteGraph.replaceRun(of: article, in: &articlesOf[e], with: entry != nil || new.reportedOnly.contains(entity) ? [article] : [],
                                         rank: rank) { $0 }
                }
            }
            relatedChanged = touched
            self.shares = keepingShares ? shares : []
        } else if let previous, previous.shares.count == articles.count {
            var shares = previous.shares
            for index in changed { shares[index] = make(index) }
            for article in byDate { merge(shares[Int(article)], of: article) }
            self.shares = keepingShares ? shares : []
        } else {
            // In date order, a batch at a time, on all cores.
            var kept = [ArticleShare?](repeating: nil, count: keepingShares ? articles.count : 0)
            for start in stride(from: 0, to: byDate.count, by: batch) {
                let articles = Array(byDate[start..<min(start + batch, byDate.count)])
                for (article, share) in zip(articles, parallelMap(articles) { make(Int($0)) }) {
                    merge(share, of: article)
                    if keepingShares { kept[Int(article)] = share }
                }
            }
            self.shares = kept.map { $0! }
        }
        self.pairCounts = keepingShares ? pairs : nil
        self.mentions = mentions
        self.sentences = sentences
        self.articles = articlesOf  // appended in newest-first order above
        if let relatedChanged, let previous {
            var related = previous.related
            for entity in relatedChanged {
                related[Int(entity)] = SiteGraph.ranked(pairs.row(entity), registry: registry, limit: SiteGraph.relatedLimit)
            }
            self.related = related
        } else {
            self.related = (0..<entityCount).map { entity in
                SiteGraph.ranked(pairs.row(EntityIndex(entity)), registry: registry, limit: SiteGraph.relatedLimit)
            }
        }

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
            if let place = registry.place(named: entity.place) { meetingsOf[Int(place)].append(meeting) }
        }
        self.meetings = meetingsOf
        var datelined = [[Int32]](repeating: [], count: entityCount)
        for article in byDate {
            if let place = registry.place(named: articles[Int(article)].place) { datelined[Int(place)].append(article) }
        }
        self.datelined = datelined
        var placesOf = [[EntityIndex]](repeating: [], count: entityCount)
        let places = registry.indices(of: .place).sorted { (registry[$0].name, registry[$0].id) < (registry[$1].name, registry[$1].id) }
        for place in places {
            if let id = registry[place].country, let country = registry.index(of: .country, id) { placesOf[Int(country)].append(place) }
        }
        self.places = placesOf
    }

    /// Replaces the run of `article`'s items in `list` (grouped by article, in date order:
    /// `rank`) with `items`, where that article's place in the order is.
    private static func replaceRun<T>(of article: Int32, in list: inout [T], with items: [T], rank: [Int32], _ articleOf: (T) -> Int32) {
        let target = rank[Int(article)]
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if rank[Int(articleOf(list[mid]))] < target { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < list.count && articleOf(list[end]) == article { end += 1 }
        list.replaceSubrange(low..<end, with: items)
    }

    /// Count of mentions of an entity.
    func mentionCount(_ entity: EntityIndex) -> Int { mentions[Int(entity)].count }

    /// Entities of `kind`, most mentioned first, then by name.
    func byMentions(_ kind: EntityKind) -> [EntityIndex] {
        let registry = content.registry
        return registry.indices(of: kind).sorted { a, b in
            let (x, y) = (mentionCount(a), mentionCount(b))
            return x != y ? x > y : registry[a].name < registry[b].name
        }
    }

    /// Other meetings sharing a participant with `meeting`, by date.
    func otherMeetings(of meeting: EntityIndex) -> [EntityIndex] {
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

/// What one article adds to the graph: per entity its mentions and sentences (in document
/// order), the meetings it reports without naming them, and the pairs of entities named in
/// one sentence (both ways; `SentencePairs` says which).
fileprivate struct ArticleShare: Sendable {
    struct Entry: Sendable {
        var entity: EntityIndex
        var mentions: [SiteGraph.MentionRef]
        var sentences: [SiteGraph.SentenceRef]
    }

    var entities: [Entry] = []
    var reportedOnly: [EntityIndex] = []
    var pairs: [(EntityIndex, EntityIndex)] = []

    init(article: Int32, annotation: AnnotatedArticle, reported: [String], registry: Registry) {
        var position: [EntityIndex: Int] = [:]
        var sentenceStart = 0
        while sentenceStart < annotation.mentions.count {
            // Mentions come in document order, so one sentence's mentions are adjacent.
            let sentence = annotation.mentions[sentenceStart].sentence
            var sentenceEnd = sentenceStart
            while sentenceEnd < annotation.mentions.count && annotation.mentions[sentenceEnd].sentence == sentence {
                let entity = annotation.mentions[sentenceEnd].entity
                let slot: Int
                if let known = position[entity] {
                    slot = known
                } else {
                    slot = entities.count
                    position[entity] = slot
                    entities.append(Entry(entity: entity, mentions: [], sentences: []))
                }
                entities[slot].mentions.append(SiteGraph.MentionRef(article: article, mention: Int32(sentenceEnd)))
                if let last = entities[slot].sentences.last, last.sentence == sentence {
                    entities[slot].sentences[entities[slot].sentences.count - 1].others.append(Int32(sentenceEnd))
                } else {
                    var ref = SiteGraph.SentenceRef(article: article, sentence: sentence, mentions: [0])
                    ref.first = Int32(sentenceEnd)
                    entities[slot].sentences.append(ref)
                }
                sentenceEnd += 1
            }
            if sentenceEnd - sentenceStart > 1 {
                annotation.mentions.withUnsafeBufferPointer { all in
                    SentencePairs.forEach(UnsafeBufferPointer(rebasing: all[sentenceStart..<sentenceEnd])) { a, b in
                        pairs.append((a, b))
                        pairs.append((b, a))
                    }
                }
            }
            sentenceStart = sentenceEnd
        }
        for id in reported {
            if let meeting = registry.index(of: .meeting, id), position[meeting] == nil, !reportedOnly.contains(meeting) {
                reportedOnly.append(meeting)
            }
        }
    }
}

/// How often each pair of entities shares a sentence: a flat matrix while it is small, a
/// dictionary per entity beyond that.
private struct PairCounts: Sendable {
    let entityCount: Int
    private var matrix: [Int32]
    private var sparse: [[EntityIndex: Int]]
    private static let matrixLimit = 2048

    init(entityCount: Int) {
        self.entityCount = entityCount
        let dense = entityCount <= PairCounts.matrixLimit
        matrix = dense ? [Int32](repeating: 0, count: entityCount * entityCount) : []
        sparse = dense ? [] : [[EntityIndex: Int]](repeating: [:], count: entityCount)
    }

    /// Counts `a` with `b` `by` times more (fewer, when negative: a rebuild taking an
    /// article's pairs out; a count that falls to nothing is removed, as if never counted).
    mutating func add(_ a: EntityIndex, _ b: EntityIndex, _ by: Int = 1) {
        if matrix.isEmpty {
            let count = sparse[Int(a)][b, default: 0] + by
            sparse[Int(a)][b] = count == 0 ? nil : count
        } else {
            matrix[Int(a) * entityCount + Int(b)] += Int32(by)
        }
    }

    func row(_ a: EntityIndex) -> [EntityIndex: Int] {
        if matrix.isEmpty { return sparse[Int(a)] }
        var result: [EntityIndex: Int] = [:]
        let base = Int(a) * entityCount
        for b in 0..<entityCount where matrix[base + b] > 0 { result[EntityIndex(b)] = Int(matrix[base + b]) }
        return result
    }
}

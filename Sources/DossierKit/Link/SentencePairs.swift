/// Which entities one sentence names together, for co-mentions (related entities, ego
/// networks, `network.graphml`): every pair of different entities a sentence names, each
/// pair once per sentence, unless the sentence is a list. A sentence that names more than
/// `listSize` different entities (a roll of 3,000 names run together, a table's row of
/// every member state) says of two of them only "both are in this list": it pairs nothing,
/// so its cost grows with its mentions, not with their square, and a list member's page is
/// not filled with whichever names happen to stand next to it.
enum SentencePairs {
    static let listSize = 11

    /// Whether `mentions` (one sentence's) name more than `listSize` different entities.
    static func isList(_ mentions: UnsafeBufferPointer<Mention>) -> Bool {
        guard mentions.count > listSize else { return false }
        var distinct: [EntityIndex] = []
        distinct.reserveCapacity(listSize + 1)
        for mention in mentions where !distinct.contains(mention.entity) {
            distinct.append(mention.entity)
            if distinct.count > listSize { return true }
        }
        return false
    }

    /// Calls `body` once for each pair of `mentions` (one sentence's, in text order).
    static func forEach(_ mentions: UnsafeBufferPointer<Mention>, _ body: (EntityIndex, EntityIndex) -> Void) {
        guard mentions.count > 1, !isList(mentions) else { return }
        var distinct: [EntityIndex] = []
        for mention in mentions where !distinct.contains(mention.entity) { distinct.append(mention.entity) }
        for i in distinct.indices { for j in distinct.indices where j > i { body(distinct[i], distinct[j]) } }
    }

    /// Calls `body` with each sentence's mentions of `mentions` (an article's, in text order).
    static func eachSentence(_ mentions: [Mention], _ body: (UnsafeBufferPointer<Mention>) -> Void) {
        mentions.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                var end = start + 1
                while end < all.count && all[end].sentence == all[start].sentence { end += 1 }
                body(UnsafeBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
    }
}

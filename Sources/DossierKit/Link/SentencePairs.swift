/// Which entities one sentence names together, for co-mentions (related entities, ego
/// networks, `network.graphml`): every pair of different entities it names at most `window`
/// mentions apart, each pair once per sentence. A sentence of up to `window + 1` mentions
/// (nearly all of them) pairs everything it names; a longer one (a list of 3,000 names run
/// together) pairs each name with the ten before and after it, so its edges grow with its
/// mentions, not with their square.
enum SentencePairs {
    static let window = 10

    /// Calls `body` once for each pair of `mentions` (one sentence's, in text order).
    static func forEach(_ mentions: UnsafeBufferPointer<Mention>, _ body: (EntityIndex, EntityIndex) -> Void) {
        let count = mentions.count
        guard count > 1 else { return }
        if count <= window + 1 {
            var distinct: [EntityIndex] = []
            for mention in mentions where !distinct.contains(mention.entity) { distinct.append(mention.entity) }
            for i in distinct.indices { for j in distinct.indices where j > i { body(distinct[i], distinct[j]) } }
            return
        }
        var seen = Set<UInt64>()
        for i in 0..<count {
            let a = mentions[i].entity
            for j in (i + 1)..<min(count, i + 1 + window) {
                let b = mentions[j].entity
                guard a != b else { continue }
                let key = UInt64(UInt32(bitPattern: min(a, b))) << 32 | UInt64(UInt32(bitPattern: max(a, b)))
                if seen.insert(key).inserted { body(a, b) }
            }
        }
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

/// Who is named with whom, as a small graph for drawing: either one entity and the
/// entities most often mentioned in its sentences, or the whole dossier's most-mentioned
/// entities. Built from `SiteGraph.related` (each entity's top co-mentions), so its cost
/// grows with the nodes drawn, not with the size of the dossier.
struct CoMentionNetwork: Sendable, Hashable {
    struct Edge: Sendable, Hashable {
        /// Indices into `nodes`, `a < b`.
        var a: Int
        var b: Int
        /// Sentences naming both.
        var weight: Int

        init(a: Int, b: Int, weight: Int) {
            self.a = a
            self.b = b
            self.weight = weight
        }
    }

    /// For an entity's network, the entity first.
    var nodes: [EntityIndex]
    /// By `a`, then `b`.
    var edges: [Edge]
    /// Per node, what its size shows: mentions in the dossier (whole network), or sentences
    /// shared with the entity at the centre (an entity's network).
    var sizes: [Int]

    /// An entity's ego network, from the sentences that mention it and nothing else: the
    /// entities most often named with it (sized by the sentences they share with it) and,
    /// between two of them, how many of those sentences name both. Being local to the
    /// entity, it changes only when that entity's sentences do, so an edit elsewhere never
    /// touches this entity's page. Lists (`SentencePairs.isList`) pair nothing, so they draw no
    /// lines either.
    static func around(_ entity: EntityIndex, in graph: SiteGraph) -> CoMentionNetwork {
        let related = graph.related[Int(entity)].filter { $0.entity != entity }
        let nodes = [entity] + related.map(\.entity)
        // Node of each entity (0 for none; the centre is not counted in sentences).
        var position = [Int](repeating: 0, count: graph.content.registry.entities.count)
        for (index, node) in nodes.enumerated() where index > 0 { position[Int(node)] = index }
        // Sentences naming both of two nodes, in a flat matrix (a < b); row 0 is the centre's.
        let width = nodes.count
        var weights = [Int](repeating: 0, count: width * width)
        for (index, count) in related.enumerated() { weights[index + 1] = count.count }
        // Through the buffers, an article's mentions taken once for all its sentences: an
        // element read from an array is a copy, which retains and releases its arrays.
        var inSentence = [Int](repeating: 0, count: width)
        weights.withUnsafeMutableBufferPointer { weights in
        position.withUnsafeBufferPointer { position in
        inSentence.withUnsafeMutableBufferPointer { inSentence in
        graph.annotated.withUnsafeBufferPointer { annotated in
            graph.sentences[Int(entity)].withUnsafeBufferPointer { refs in
                var index = 0
                while index < refs.count {
                    let article = refs[index].article
                    annotated[Int(article)].mentions.withUnsafeBufferPointer { mentions in
                        repeat {
                            // Mentions are in document order, so one sentence's are adjacent
                            // around the entity's first mention in it.
                            let sentence = refs[index].sentence, first = Int(refs[index].first)
                            var start = first, end = first + 1
                            while start > 0 && mentions[start - 1].sentence == sentence { start -= 1 }
                            while end < mentions.count && mentions[end].sentence == sentence { end += 1 }
                            index += 1
                            let named = UnsafeBufferPointer(rebasing: mentions[start..<end])
                            guard named.count > 1, !SentencePairs.isList(named) else { continue }
                            var nodes = 0
                            for mention in named {
                                let node = position[Int(mention.entity)]
                                if node > 0, !inSentence[0..<nodes].contains(node) { inSentence[nodes] = node; nodes += 1 }
                            }
                            for i in 0..<nodes { for j in 0..<nodes where inSentence[i] < inSentence[j] {
                                weights[inSentence[i] * width + inSentence[j]] += 1
                            } }
                        } while index < refs.count && refs[index].article == article
                    }
                }
            }
        }
        } } }
        var edges: [Edge] = []
        for a in 0..<width { for b in (a + 1)..<max(a + 1, width) where weights[a * width + b] > 0 {
            edges.append(Edge(a: a, b: b, weight: weights[a * width + b]))
        } }
        return CoMentionNetwork(nodes: nodes, edges: edges, sizes: [graph.mentionCount(entity)] + related.map(\.count))
    }

    /// The `maxNodes` most mentioned entities of the dossier and the `maxEdges` strongest
    /// edges among them.
    static func whole(_ graph: SiteGraph, maxNodes: Int = 150, maxEdges: Int = 450) -> CoMentionNetwork {
        let registry = graph.content.registry
        let ranked = registry.entities.indices.map { EntityIndex($0) }.filter { graph.mentionCount($0) > 0 }.sorted { a, b in
            let (x, y) = (graph.mentionCount(a), graph.mentionCount(b))
            return x != y ? x > y : (registry[a].kind, registry[a].id) < (registry[b].kind, registry[b].id)
        }
        let nodes = Array(ranked.prefix(maxNodes))
        return CoMentionNetwork(nodes: nodes, edges: edges(among: nodes, graph: graph, limit: maxEdges),
                                sizes: nodes.map { graph.mentionCount($0) })
    }

    /// Edges between `nodes` found in each node's co-mention list; the strongest `limit`.
    static func edges(among nodes: [EntityIndex], graph: SiteGraph, limit: Int?) -> [Edge] {
        var position: [EntityIndex: Int] = [:]
        for (index, node) in nodes.enumerated() { position[node] = index }
        var seen = Set<Int>()
        var edges: [Edge] = []
        for (index, node) in nodes.enumerated() {
            for count in graph.related[Int(node)] {
                guard let other = position[count.entity], other != index else { continue }
                let (a, b) = (min(index, other), max(index, other))
                if seen.insert(a * nodes.count + b).inserted { edges.append(Edge(a: a, b: b, weight: count.count)) }
            }
        }
        if let limit, edges.count > limit {
            edges = Array(edges.sorted { ($0.weight, $1.a, $1.b) > ($1.weight, $0.a, $0.b) }.prefix(limit))
        }
        return edges.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }
}

/// Who is named with whom, as a small graph for drawing: either one entity and the
/// entities most often mentioned in its sentences, or the whole dossier's most-mentioned
/// entities. Built from `SiteGraph.related` (each entity's top co-mentions), so its cost
/// grows with the nodes drawn, not with the size of the dossier.
public struct CoMentionNetwork: Sendable, Hashable {
    public struct Edge: Sendable, Hashable {
        /// Indices into `nodes`, `a < b`.
        public var a: Int
        public var b: Int
        /// Sentences naming both.
        public var weight: Int
    }

    /// For an entity's network, the entity first.
    public var nodes: [EntityIndex]
    /// By `a`, then `b`.
    public var edges: [Edge]

    /// The entity and the entities most often mentioned in the same sentences as it, with
    /// the edges among all of them.
    public static func around(_ entity: EntityIndex, in graph: SiteGraph) -> CoMentionNetwork {
        let nodes = [entity] + graph.related[Int(entity)].map(\.entity).filter { $0 != entity }
        return CoMentionNetwork(nodes: nodes, edges: edges(among: nodes, graph: graph, limit: nil))
    }

    /// The `maxNodes` most mentioned entities of the dossier and the `maxEdges` strongest
    /// edges among them.
    public static func whole(_ graph: SiteGraph, maxNodes: Int = 150, maxEdges: Int = 450) -> CoMentionNetwork {
        let registry = graph.content.registry
        let ranked = registry.entities.indices.map { EntityIndex($0) }.filter { graph.mentionCount($0) > 0 }.sorted { a, b in
            let (x, y) = (graph.mentionCount(a), graph.mentionCount(b))
            return x != y ? x > y : (registry[a].kind, registry[a].id) < (registry[b].kind, registry[b].id)
        }
        let nodes = Array(ranked.prefix(maxNodes))
        return CoMentionNetwork(nodes: nodes, edges: edges(among: nodes, graph: graph, limit: maxEdges))
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

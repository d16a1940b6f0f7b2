/// `data/network.graphml`: the whole co-mention network for Gephi, yEd or NetworkX. One
/// node per registered entity (id `type:id`, with label, Hindi name, type, mentions and
/// page; a place's `lat` and `lon` too, which Gephi's GeoLayout reads), one undirected edge per pair of entities named in the same sentence (at most ten
/// mentions apart in a long one: `SentencePairs`), weighted by the number of such sentences.
enum NetworkGraphML {
    static func document(_ graph: SiteGraph) -> [String] {
        let registry = graph.content.registry
        var chunks = ["""
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="label" for="node" attr.name="label" attr.type="string"/>
          <key id="native" for="node" attr.name="native" attr.type="string"/>
          <key id="type" for="node" attr.name="type" attr.type="string"/>
          <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
          <key id="url" for="node" attr.name="url" attr.type="string"/>
          <key id="lat" for="node" attr.name="lat" attr.type="double"/>
          <key id="lon" for="node" attr.name="lon" attr.type="double"/>
          <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
          <graph id="dossier" edgedefault="undirected">

        """]
        func nodeID(_ index: EntityIndex) -> String { HTML.escape(registry[index].reference) }
        var nodes = ""
        for index in registry.entities.indices {
            let entity = registry.entities[index]
            nodes += "    <node id=\"\(nodeID(EntityIndex(index)))\"><data key=\"label\">\(HTML.escape(entity.name))</data>"
            if let native = entity.native {
                nodes += "<data key=\"native\">\(HTML.escape(native))</data>"
            }
            nodes += "<data key=\"type\">\(entity.kind.rawValue)</data><data key=\"mentions\">\(graph.mentionCount(EntityIndex(index)))</data>"
            nodes += "<data key=\"url\">\(HTML.escape(entity.path))</data>"
            if let lat = entity.lat, let lon = entity.lon {
                nodes += "<data key=\"lat\">\(DegreesText.number(lat))</data><data key=\"lon\">\(DegreesText.number(lon))</data>"
            }
            nodes += "</node>\n"
        }
        chunks.append(nodes)
        var edges = ""
        for (number, pair) in pairCounts(graph).enumerated() {
            edges += "    <edge id=\"e\(number)\" source=\"\(nodeID(pair.a))\" target=\"\(nodeID(pair.b))\"><data key=\"weight\">\(pair.count)</data></edge>\n"
        }
        chunks.append(edges)
        chunks.append("  </graph>\n</graphml>\n")
        return chunks
    }

    /// Every pair of entities named in one sentence, with the number of such sentences,
    /// ordered by the pair's entity indices.
    static func pairCounts(_ graph: SiteGraph) -> [(a: EntityIndex, b: EntityIndex, count: Int)] {
        let entityCount = Int64(graph.content.registry.entities.count)
        var counts: [Int64: Int] = [:]
        for annotation in graph.annotated {
            // Counting is order-free; the result is sorted below.
            SentencePairs.eachSentence(annotation.mentions) { sentence in
                SentencePairs.forEach(sentence) { x, y in
                    counts[Int64(min(x, y)) * entityCount + Int64(max(x, y)), default: 0] += 1
                }
            }
        }
        return counts.keys.sorted().map { key in
            (EntityIndex(key / entityCount), EntityIndex(key % entityCount), counts[key]!)
        }
    }
}

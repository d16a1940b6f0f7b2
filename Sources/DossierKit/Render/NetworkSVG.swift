/// A network as inline SVG: each node a linked circle sized by its mentions, labelled with
/// its English and Hindi names, edges as lines as wide as the sentences they share.
/// Pure: the same input gives the same bytes. Every text and attribute value is escaped.
enum NetworkSVG {
    struct Node: Sendable, Hashable {
        var name: String
        /// Devanagari name, drawn under the English one.
        var native: String?
        /// `person`, `country`, `org` or `meeting`: the node's colour.
        var kind: String
        var url: String
        var mentions: Int

        init(name: String, native: String?, kind: String, url: String, mentions: Int) {
            self.name = name
            self.native = native
            self.kind = kind
            self.url = url
            self.mentions = mentions
        }
    }

    /// Indices into the nodes and the number of sentences naming both.
    typealias Edge = CoMentionNetwork.Edge

    /// Layout canvas and effort; bigger networks get more room.
    struct Size: Sendable, Hashable {
        var width: Double
        var height: Double
        var iterations: Int

        static let entity = Size(width: 640, height: 420, iterations: 200)
        static let dossier = Size(width: 1100, height: 820, iterations: 250)
    }

    static let nameSize = 12.0
    static let nativeSize = 11.0

    /// The SVG, or nil for a network of fewer than two nodes. With `centred`, node 0 is the
    /// entity the page is about: pinned in the middle and emphasised.
    static func render(nodes: [Node], edges: [Edge], label: String, size: Size, centred: Bool) -> String? {
        guard nodes.count > 1 else { return nil }
        let laid = layoutNodes(nodes, centred: centred)
        let valid = edges.filter { $0.a >= 0 && $0.b >= 0 && $0.a < nodes.count && $0.b < nodes.count && $0.a != $0.b }
        let layout = NetworkLayout.layout(nodes: laid, edges: valid.map { ($0.a, $0.b, Double($0.weight)) },
                                          width: size.width, height: size.height, iterations: size.iterations, pinFirst: centred)
        let bounds = layout.bounds
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart network-chart\" viewBox=\"\(n(bounds.x)) \(n(bounds.y)) \(n(bounds.width)) \(n(bounds.height))\""
            + " width=\"\(n(bounds.width))\" height=\"\(n(bounds.height))\" aria-label=\"\(HTML.escape(label))\">\n"
        svg += "<title>\(HTML.escape(label))</title>\n<g class=\"net-edges\">\n"
        let heaviest = Double(max(valid.map(\.weight).max() ?? 1, 1))
        for edge in valid.sorted(by: { ($0.weight, $0.a, $0.b) < ($1.weight, $1.a, $1.b) }) {
            let width = 0.8 + 4.2 * (Double(edge.weight) / heaviest).squareRoot()
            let title = nodes[edge.a].name + " – " + nodes[edge.b].name + ": \(edge.weight) sentence" + (edge.weight == 1 ? "" : "s")
            svg += "<line class=\"net-edge\" x1=\"\(n(layout.x[edge.a]))\" y1=\"\(n(layout.y[edge.a]))\" x2=\"\(n(layout.x[edge.b]))\" y2=\"\(n(layout.y[edge.b]))\""
                + " stroke-width=\"\(n(width))\"><title>\(HTML.escape(title))</title></line>\n"
        }
        svg += "</g>\n<g class=\"net-nodes\">\n"
        for (index, node) in nodes.enumerated() {
            let kind = HTML.escape(node.kind)
            let centre = centred && index == 0
            let title = node.name + (node.native.map { " (" + $0 + ")" } ?? "") + ": \(node.mentions) mention" + (node.mentions == 1 ? "" : "s")
            svg += "<a class=\"net-node node-\(kind)\(centre ? " net-centre" : "")\" href=\"\(HTML.escape(node.url))\"><title>\(HTML.escape(title))</title>"
            svg += "<circle cx=\"\(n(layout.x[index]))\" cy=\"\(n(layout.y[index]))\" r=\"\(n(laid[index].radius))\"/>"
            if let box = layout.labels[index] {
                let middle = box.x + box.width / 2
                let nameFont = nameSize * (centre ? 1.15 : 1)
                svg += "<text class=\"net-name\" x=\"\(n(middle))\" y=\"\(n(box.y + nameFont))\" font-size=\"\(n(nameFont))\" text-anchor=\"middle\">\(HTML.escape(node.name))</text>"
                if let native = node.native {
                    svg += "<text class=\"net-native\" x=\"\(n(middle))\" y=\"\(n(box.y + nameFont + 3 + nativeSize))\" font-size=\"\(n(nativeSize))\" text-anchor=\"middle\" lang=\"hi\">\(HTML.escape(native))</text>"
                }
            }
            svg += "</a>\n"
        }
        return svg + "</g>\n</svg>"
    }

    /// Circle and label size of each node: circles by the square root of mentions.
    static func layoutNodes(_ nodes: [Node], centred: Bool) -> [NetworkLayout.Node] {
        let most = Double(max(nodes.map(\.mentions).max() ?? 1, 1))
        return nodes.enumerated().map { index, node -> NetworkLayout.Node in
            let radius = 5 + 13 * (Double(node.mentions) / most).squareRoot()
            let emphasis = centred && index == 0 ? 1.15 : 1
            var width = TextWidth.estimate(node.name, fontSize: nameSize * emphasis)
            var height = nameSize * emphasis + 3
            if let native = node.native {
                width = max(width, TextWidth.estimate(native, fontSize: nativeSize))
                height += nativeSize + 3
            }
            return NetworkLayout.Node(radius: radius, labelWidth: width, labelHeight: height)
        }
    }

    static func n(_ value: Double) -> String { SVGNumber.format(value) }
}

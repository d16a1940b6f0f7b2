/// One walk over a parsed article: the text of each leaf block (paragraph, heading,
/// table cell) as UTF-8, the alias matches in its text nodes, and its explicit
/// annotation links. Records where things are; changes nothing.
struct DocumentScan {
    struct Block {
        var bytes: [UInt8] = []
        var startLine: Int
        /// Byte offsets at which a new source line starts (after soft and hard breaks).
        var lineStarts: [Int] = []

        /// Line (1-based, in the body) of the byte at `offset`.
        func line(at offset: Int) -> Int {
            var count = 0
            for start in lineStarts where start <= offset { count += 1 }
            return max(1, startLine) + count
        }
    }

    struct Candidate {
        var match: AliasMatcher.Match
        var textNode: Int
        var block: Int
        /// Offset of the match in the block's bytes.
        var blockStart: Int
    }

    struct Explicit {
        var node: MarkdownNode
        var target: AnnotationTarget
        var block: Int
        var start: Int
        var end: Int
    }

    let matcher: AliasMatcher
    var blocks: [Block] = []
    var textNodes: [MarkdownNode] = []
    var candidates: [Candidate] = []
    var explicit: [Explicit] = []

    private var inBlock = false
    /// Depth of links and images (ordinary ones and annotations): no automatic matches inside.
    private var suppressed = 0
    private var openAnnotations: [Explicit] = []

    init(matcher: AliasMatcher) { self.matcher = matcher }

    mutating func visit(_ node: MarkdownNode, entering: Bool) {
        switch node.kind {
        case .paragraph, .heading, .tableCell:
            if entering {
                blocks.append(Block(startLine: node.startLine))
                inBlock = true
            } else {
                inBlock = false
            }
        case .text:
            guard inBlock else { return }
            let block = blocks.count - 1
            let offset = blocks[block].bytes.count
            node.withLiteralBytes { bytes in
                blocks[block].bytes.append(contentsOf: bytes)
                guard suppressed == 0 else { return }
                let found = matcher.matches(in: bytes)
                guard !found.isEmpty else { return }
                let nodeIndex = textNodes.count
                textNodes.append(node)
                for match in found {
                    candidates.append(Candidate(match: match, textNode: nodeIndex, block: block,
                                                blockStart: offset + match.start))
                }
            }
        case .code:
            guard inBlock else { return }
            node.withLiteralBytes { blocks[blocks.count - 1].bytes.append(contentsOf: $0) }
        case .softBreak, .lineBreak:
            guard inBlock else { return }
            blocks[blocks.count - 1].bytes.append(32)
            blocks[blocks.count - 1].lineStarts.append(blocks[blocks.count - 1].bytes.count)
        case .link:
            if entering {
                suppressed += 1
                if inBlock, let target = AnnotationTarget(destination: node.url) {
                    let start = blocks[blocks.count - 1].bytes.count
                    openAnnotations.append(Explicit(node: node, target: target, block: blocks.count - 1, start: start, end: start))
                } else {
                    openAnnotations.append(Explicit(node: node, target: .none, block: -1, start: 0, end: 0))
                }
            } else {
                suppressed -= 1
                var annotation = openAnnotations.removeLast()
                if annotation.block >= 0 {
                    annotation.end = blocks[annotation.block].bytes.count
                    explicit.append(annotation)
                }
            }
        case .image:
            suppressed += entering ? 1 : -1
        default:
            break
        }
    }
}

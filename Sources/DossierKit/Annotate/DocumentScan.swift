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
            // Line starts ascending: count those at or before offset by bisection (a paragraph
            // of many lines holds as many mentions; counting them one by one was quadratic).
            var low = 0, high = lineStarts.count
            while low < high {
                let middle = (low + high) / 2
                if lineStarts[middle] <= offset { low = middle + 1 } else { high = middle }
            }
            return max(1, startLine) + low
        }
    }

    struct Candidate {
        var match: AliasMatcher.Match
        var textNode: Int
        var block: Int
        /// Offset of the match in the block's bytes.
        var blockStart: Int
    }

    /// A link or image whose address `LinkPolicy` does not allow.
    struct Refused {
        var node: MarkdownNode
        var destination: String
        /// Line in the body.
        var line: Int
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
    var refused: [Refused] = []

    private var inBlock = false
    /// Depth of links and images (ordinary ones and annotations): no automatic matches inside.
    private var suppressed = 0
    private var openAnnotations: [Explicit] = []
    /// Raw inline tags opened and not yet closed in the current block.
    private var openInlineHTML = 0

    init(matcher: AliasMatcher) { self.matcher = matcher }

    mutating func visit(_ node: MarkdownNode, entering: Bool) {
        switch node.kind {
        case .paragraph, .heading, .tableCell:
            if entering {
                blocks.append(Block(startLine: node.startLine))
                inBlock = true
            } else {
                inBlock = false
                suppressed -= openInlineHTML
                openInlineHTML = 0
            }
        case .htmlInline:
            // Text between raw inline tags (<span>…</span>) is raw HTML's content: not matched.
            let change = DocumentScan.inlineTagDepthChange(node.literal)
            if change > 0 || openInlineHTML > 0 {
                openInlineHTML += change
                suppressed += change
            }
        case .text:
            guard inBlock else { return }
            let block = blocks.count - 1
            let offset = blocks[block].bytes.count
            node.withLiteralBytes { bytes in
                blocks[block].bytes.append(contentsOf: bytes)
                guard suppressed == 0 else { return }
                let found = matcher.matches(in: bytes, shortForms: true)
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
                refuseIfUnsafe(node)
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
            if entering { refuseIfUnsafe(node) }
            suppressed += entering ? 1 : -1
        default:
            break
        }
    }

    private mutating func refuseIfUnsafe(_ node: MarkdownNode) {
        let destination = node.url
        guard AnnotationTarget(destination: destination) == nil, !LinkPolicy.isAllowed(destination) else { return }
        let line = inBlock ? blocks[blocks.count - 1].line(at: blocks[blocks.count - 1].bytes.count) : max(1, node.startLine)
        refused.append(Refused(node: node, destination: destination, line: line))
    }

    /// +1 for an opening tag, -1 for a closing tag, 0 for comments, void and self-closing tags.
    static func inlineTagDepthChange(_ tag: String) -> Int {
        let bytes = Array(tag.utf8)
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "<") else { return 0 }
        if bytes[1] == UInt8(ascii: "/") { return -1 }
        guard (65...90).contains(bytes[1]) || (97...122).contains(bytes[1]) else { return 0 }
        if bytes[bytes.count - 2] == UInt8(ascii: "/") { return 0 }
        let name = String(decoding: bytes.dropFirst().prefix { (65...90).contains($0) || (97...122).contains($0) || (48...57).contains($0) }, as: UTF8.self).lowercased()
        let void: Set<String> = ["br", "img", "hr", "input", "meta", "link", "wbr", "area", "base", "col", "embed", "source", "track"]
        return void.contains(name) ? 0 : 1
    }
}

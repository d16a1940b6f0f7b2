import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// The kinds of node the pipeline tells apart; everything else is `.other`.
enum MarkdownNodeKind: Sendable, Equatable {
    case document, paragraph, heading, blockQuote, list, item, codeBlock, htmlBlock, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
    case table, tableRow, tableCell, strikethrough
    case other
}

/// A view of one node of a `MarkdownDocument`'s tree. It does not own the node: it is
/// valid only while its document is alive and the node is in the tree.
struct MarkdownNode {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    var kind: MarkdownNodeKind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default:
            // GFM extension nodes have dynamic type ids; tell them by name.
            switch String(cString: cmark_node_get_type_string(pointer)) {
            case "table": return .table
            case "table_row", "table_header": return .tableRow
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            default: return .other
            }
        }
    }

    /// Text of a text, code, code block or raw HTML node, as UTF-8 bytes handed to `body`.
    func withLiteralBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let cString = cmark_node_get_literal(pointer) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return cString.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            body(UnsafeBufferPointer(start: start, count: strlen(cString)))
        }
    }

    var literal: String {
        guard let cString = cmark_node_get_literal(pointer) else { return "" }
        return String(cString: cString)
    }

    /// Destination of a link or image.
    var url: String {
        guard let cString = cmark_node_get_url(pointer) else { return "" }
        return String(cString: cString)
    }

    /// Line of the node's start, counted from 1 at the document's first line (0 if unknown).
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }

    var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }
    var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// Title of a link or image (its `title` attribute), empty when none.
    var title: String {
        guard let cString = cmark_node_get_title(pointer) else { return "" }
        return String(cString: cString)
    }

    /// Concatenated text of the node's descendants (text and code), breaks as spaces.
    /// Walked with cmark's iterator, not by recursion: documents nest 10,000 levels deep.
    var plainText: String {
        var out = ""
        guard let iterator = cmark_iter_new(pointer) else { return out }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            let node = MarkdownNode(current)
            switch node.kind {
            case .text, .code: out += node.literal
            case .softBreak, .lineBreak: out += " "
            default: break
            }
        }
        return out
    }

    /// Info string of a fenced code block (`swift` in ```` ```swift ````), empty when none;
    /// character references in it are decoded.
    var fenceInfo: String {
        guard let cString = cmark_node_get_fence_info(pointer) else { return "" }
        return String(cString: cString)
    }

    /// Replaces the info string of a fenced code block.
    func setFenceInfo(_ text: String) {
        cmark_node_set_fence_info(pointer, text)
    }

    // MARK: Editing. Every node made here goes straight into the tree, which owns it.

    /// Replaces the text of a text, code or raw HTML node.
    func setLiteral(_ text: String) {
        cmark_node_set_literal(pointer, text)
    }

    /// Replaces the title of a link or image.
    func setTitle(_ text: String) {
        cmark_node_set_title(pointer, text)
    }

    /// Replaces the text of a text node with `bytes` of UTF-8 (which hold no NUL: a cmark
    /// literal is a C string), without making them a String first.
    func setLiteral(bytes: [UInt8]) {
        var terminated = bytes
        terminated.append(0)
        terminated.withUnsafeBufferPointer { buffer in
            _ = buffer.withMemoryRebound(to: CChar.self) { cmark_node_set_literal(pointer, $0.baseAddress) }
        }
    }

    /// Adds a text node as this node's first child.
    func prependText(_ text: String) {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, text)
        cmark_node_prepend_child(pointer, node)
    }

    /// Adds a text node as this node's last child.
    func appendText(_ text: String) {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, text)
        cmark_node_append_child(pointer, node)
    }

    /// Moves this node's children up in its place and frees this node.
    func unwrap() {
        while let child = cmark_node_first_child(pointer) {
            cmark_node_unlink(child)
            cmark_node_insert_before(pointer, child)
        }
        remove()
    }

    /// Unlinks and frees this node and its descendants.
    func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }
}

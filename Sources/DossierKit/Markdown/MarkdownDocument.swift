import CCmarkGFM
import Synchronization

/// A parsed CommonMark + GFM document. Owns the cmark parser and the node tree and
/// frees both; `MarkdownNode`s are views into the tree, valid while the document lives.
///
/// cmark-gfm 0.29 is not safe to parse on several threads at once (see shared/DESIGN.md), so
/// parsing runs under one process-wide lock; editing, rendering and freeing run
/// concurrently, each document on one task.
final class MarkdownDocument {
    private let parser: OpaquePointer
    private let rootPointer: OpaquePointer

    /// The GFM extensions every document is parsed with.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    init(parsing markdown: String) {
        var text = markdown
        let parsed = text.withUTF8 { bytes in
            MarkdownDocument.parseLock.withLock { _ -> ParsedPointers in
                cmark_gfm_core_extensions_ensure_registered()
                let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
                for name in MarkdownDocument.extensionNames {
                    if let ext = cmark_find_syntax_extension(name) {
                        cmark_parser_attach_syntax_extension(parser, ext)
                    }
                }
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
                return ParsedPointers(parser: parser, root: cmark_parser_finish(parser)!)
            }
        }
        self.parser = parsed.parser
        self.rootPointer = parsed.root
        cmark_consolidate_text_nodes(parsed.root)
    }

    deinit {
        cmark_node_free(rootPointer)
        cmark_parser_free(parser)
    }

    private static let parseLock = Mutex(())

    /// Carries the fresh parser out of the lock; nothing else holds these pointers yet.
    private struct ParsedPointers: @unchecked Sendable {
        let parser: OpaquePointer
        let root: OpaquePointer
    }

    var root: MarkdownNode { MarkdownNode(rootPointer) }

    /// HTML in cmark's safe mode: raw HTML is omitted and `javascript:`, `vbscript:`,
    /// `file:` and non-image `data:` URLs are dropped. Custom inline nodes (made by
    /// `MarkdownNode.insertCustomInline`) are written verbatim.
    func renderHTML() -> String {
        let html = cmark_render_html(rootPointer, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser))
        return MarkdownDocument.takeString(html)
    }

    /// The tree rendered back to CommonMark (no line wrapping).
    func renderCommonMark() -> String {
        MarkdownDocument.takeString(cmark_render_commonmark(rootPointer, CMARK_OPT_DEFAULT, 0))
    }

    /// Visits every node in document order, entering and (for containers) exiting.
    /// The tree must not be restructured during the walk (changing a node's text is fine):
    /// collect edits, apply them after.
    func walk(_ visit: (MarkdownNode, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(rootPointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(MarkdownNode(node), event == CMARK_EVENT_ENTER)
        }
    }

    /// Copies a string cmark allocated and frees it with cmark's allocator.
    static func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(pointer) }
        return String(cString: pointer)
    }
}

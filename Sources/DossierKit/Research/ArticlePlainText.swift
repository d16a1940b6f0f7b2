import Foundation

/// An article's body as plain text, every sentence of it, not only the ones that hold
/// mentions (`AnnotatedArticle.sentences`): statements and figures are found in sentences
/// that name nobody too ("उन्होंने कहा कि …"). Made from the article the same way the annotator
/// makes its sentences (bounded Markdown, NFC, the same leaf blocks and the same splitter), so
/// a sentence that holds mentions is byte for byte the annotated one and its mentions' byte
/// ranges apply to it. `bytes` are the blocks joined by a line feed; ranges are UTF-8 offsets
/// into them. Text is made only of what a finder keeps (most sentences hold no statement).
struct ArticlePlainText: Sendable {
    /// Where a sentence is; `Sentence` is it with its text.
    struct Span: Sendable, Hashable {
        /// The leaf block (paragraph, heading, table cell) it belongs to, in document order.
        var block: Int32
        /// UTF-8 byte range in `ArticlePlainText.text`.
        var range: Range<Int>
        /// Its index in `AnnotatedArticle.sentences` when it holds mentions.
        var annotated: Int32?
        /// Its mentions: a range of indices into `AnnotatedArticle.mentions` (empty if none).
        var mentions: Range<Int>
    }

    /// A sentence with its text (for tests and the fuzzer).
    struct Sentence: Sendable, Hashable {
        var text: String
        var span: Span
        var range: Range<Int> { span.range }
        var annotated: Int32? { span.annotated }
        var mentions: Range<Int> { span.mentions }
    }

    /// The text's UTF-8, which the finders' tokens are slices of.
    let bytes: [UInt8]
    let spans: [Span]
    /// Per block, the range of its sentences in `spans`.
    let blocks: [Range<Int>]

    /// The plain text of `article`, its sentences matched to those of `annotation` (the
    /// article annotated by `Annotator`).
    init(article: Article, annotation: AnnotatedArticle) {
        let (markdown, _) = MarkdownGuard.bound(TextNormalization.nfc(article.body), file: article.file, bodyLine: article.bodyLine)
        let document = MarkdownDocument(parsing: markdown)
        _ = Annotator.removeDecodedControls(document, body: article.body, file: article.file, bodyLine: article.bodyLine)
        var scan = DocumentScan(matcher: ArticlePlainText.noNames)
        document.walk { node, entering in scan.visit(node, entering: entering) }
        self.init(blocks: scan.blocks.map(\.bytes), annotation: annotation)
    }

    /// Plain text from its blocks' UTF-8 (for tests and for callers that have the blocks),
    /// and their sentences when already split (`SentenceSplitter.sentenceRanges`).
    init(blocks: [[UInt8]], sentenceRanges: [[Range<Int>]]? = nil, annotation: AnnotatedArticle) {
        var bytes: [UInt8] = []
        var sentences: [Span] = []
        var blockRanges: [Range<Int>] = []
        var nextAnnotated = 0
        var nextMention = 0
        for (blockIndex, block) in blocks.enumerated() {
            if blockIndex > 0 { bytes.append(10) }
            let base = bytes.count
            bytes += block
            let first = sentences.count
            let ranges = sentenceRanges?[blockIndex] ?? block.withUnsafeBufferPointer { SentenceSplitter.sentenceRanges(in: $0) }
            for range in ranges {
                var annotated: Int32?
                var mentions = nextMention..<nextMention
                // Annotated sentences are a subsequence of these, in the same order.
                // Compared as bytes: both are the same NFC text (String's == normalizes again).
                if nextAnnotated < annotation.sentences.count, ArticlePlainText.sameBytes(annotation.sentences[nextAnnotated], block, range) {
                    annotated = Int32(nextAnnotated)
                    var end = nextMention
                    while end < annotation.mentions.count, annotation.mentions[end].sentence == Int32(nextAnnotated) { end += 1 }
                    mentions = nextMention..<end
                    nextMention = end
                    nextAnnotated += 1
                }
                sentences.append(Span(block: Int32(blockIndex), range: (base + range.lowerBound)..<(base + range.upperBound),
                                          annotated: annotated, mentions: mentions))
            }
            blockRanges.append(first..<sentences.count)
        }
        self.bytes = bytes
        self.spans = sentences
        self.blocks = blockRanges
    }

    /// Whether `text`'s UTF-8 is `block[range]`, compared with memcmp (a UTF8View against a
    /// slice goes byte by byte through generic iterators).
    static func sameBytes(_ text: String, _ block: [UInt8], _ range: Range<Int>) -> Bool {
        var text = text
        guard text.utf8.count == range.count else { return false }
        guard !range.isEmpty else { return true }
        return text.withUTF8 { a in block.withUnsafeBufferPointer { b in memcmp(a.baseAddress!, b.baseAddress! + range.lowerBound, range.count) == 0 } }
    }

    /// The text of a byte range.
    func slice(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Sentence `index` with its text.
    func sentence(_ index: Int) -> Sentence { Sentence(text: slice(spans[index].range), span: spans[index]) }

    /// The whole text, and every sentence with its text (for tests and the fuzzer).
    var text: String { String(decoding: bytes, as: UTF8.self) }
    var sentences: [Sentence] { spans.indices.map(sentence) }

    /// A matcher of no names: the scan then only collects the blocks' text.
    static let noNames = AliasMatcher(registry: Registry([]))
}

/// One word, number, punctuation mark or entity mention of a block, as the research finders
/// read it. A mention (its words as matched by the annotator) is one token.
struct ResearchToken: Sendable {
    enum Kind: Sendable { case word, number, mention, punctuation }
    var kind: Kind
    /// Its bytes in `ArticlePlainText.bytes` (valid while the finders run: see `Word`), and their hash.
    var word: Word
    /// UTF-8 byte range in `ArticlePlainText.text`.
    var start: Int
    var end: Int
    /// Index in `ArticlePlainText.sentences`.
    var sentence: Int
    /// For a mention: its index in `AnnotatedArticle.mentions` and its entity.
    var mention: Int32 = -1
    var entity: EntityIndex = -1

    var isMention: Bool { kind == .mention }
    var text: String { word.text }
}

/// A block's tokens, sentence by sentence.
struct ResearchTokens: Sendable {
    var tokens: [ResearchToken] = []
    /// Per sentence of the block (in order), its range of tokens.
    var sentences: [Range<Int>] = []

    /// The tokens of every block of `text`, in order; `bytes` is `text.bytes`, whose memory
    /// the tokens' words point into.
    static func blocks(of text: ArticlePlainText, bytes: UnsafeBufferPointer<UInt8>, annotation: AnnotatedArticle) -> [ResearchTokens] {
        text.blocks.indices.map { ResearchTokens(block: $0, text: text, bytes: bytes, annotation: annotation) }
    }

    /// The tokens of block `block` of `text`. Linear in the block's bytes.
    init(block: Int, text: ArticlePlainText, bytes: UnsafeBufferPointer<UInt8>, annotation: AnnotatedArticle) {
        // About one token per five bytes of Hindi (three-byte letters, short words): few regrowths.
        if let first = text.blocks[block].first, let last = text.blocks[block].last {
            tokens.reserveCapacity((text.spans[last].range.upperBound - text.spans[first].range.lowerBound) / 5 + 8)
        }
        sentences.reserveCapacity(text.blocks[block].count)
        for sentenceIndex in text.blocks[block] {
            let sentence = text.spans[sentenceIndex]
            let first = tokens.count
            tokenize(UnsafeBufferPointer(rebasing: bytes[sentence.range]), base: sentence.range.lowerBound,
                     sentence: sentenceIndex, mentions: sentence.mentions, annotation: annotation)
            sentences.append(first..<tokens.count)
        }
    }

    /// `bytes` are the sentence's, from `base` on in the plain text.
    private mutating func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, base: Int, sentence: Int, mentions: Range<Int>,
                                   annotation: AnnotatedArticle) {
        func word(_ range: Range<Int>) -> Word { Word(bytes: UnsafeBufferPointer(rebasing: bytes[range])) }
        var nextMention = mentions.lowerBound
        var index = 0
        let count = bytes.count
        var wordStart = -1
        var wordIsNumber = true
        func flush(_ end: Int) {
            guard wordStart >= 0 else { return }
            tokens.append(ResearchToken(kind: wordIsNumber ? .number : .word, word: word(wordStart..<end),
                                        start: base + wordStart, end: base + end, sentence: sentence))
            wordStart = -1
            wordIsNumber = true
        }
        while index < count {
            if nextMention < mentions.upperBound, Int(annotation.mentions[nextMention].start) <= index {
                let mention = annotation.mentions[nextMention]
                let end = min(count, max(index, Int(mention.end)))
                if Int(mention.start) == index, end > index {
                    flush(index)
                    tokens.append(ResearchToken(kind: .mention, word: word(index..<end),
                                                start: base + index, end: base + end, sentence: sentence,
                                                mention: Int32(nextMention), entity: mention.entity))
                    index = end
                }
                nextMention += 1
                continue
            }
            let (value, length) = WordBoundary.scalar(at: index, in: bytes)
            if WordBoundary.isWordScalar(value) {
                if wordStart < 0 { wordStart = index }
                if !ResearchTokens.isDigit(value) { wordIsNumber = false }
            } else if wordStart >= 0, ResearchTokens.joinsWord(value, at: index, length: length, in: bytes, number: wordIsNumber) {
                // A hyphen inside a word (गोला-बारूद), a comma or point inside a number (12,000, 1.5).
            } else {
                flush(index)
                if !(value == 32 || value == 9 || value == 10 || value == 13 || value == 0xA0) {
                    tokens.append(ResearchToken(kind: .punctuation, word: word(index..<(index + length)),
                                                start: base + index, end: base + index + length, sentence: sentence))
                }
            }
            index += length
        }
        flush(count)
    }

    static func isDigit(_ value: UInt32) -> Bool { (48...57).contains(value) || (0x966...0x96F).contains(value) }

    /// Whether the non-word scalar at `index` continues the word before it.
    static func joinsWord(_ value: UInt32, at index: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>, number: Bool) -> Bool {
        guard index + length < bytes.count else { return false }
        let next = WordBoundary.scalar(at: index + length, in: bytes).0
        if value == 45 || value == 0x2010 { return WordBoundary.isWordScalar(next) }  // hyphen
        if number && (value == 44 || value == 46) { return isDigit(next) }  // 12,000 or 1.5
        return false
    }
}

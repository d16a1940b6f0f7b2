/// One mention of an entity in an article's body.
public struct Mention: Sendable, Hashable {
    public var entity: EntityIndex
    /// Index into the article's `sentences`.
    public var sentence: Int32
    /// UTF-8 byte range of the mention within its sentence.
    public var start: Int32
    public var end: Int32
    /// Found by the build (true) or written by the author (false).
    public var auto: Bool
    /// The mention's anchor in the article page: `m<anchor>`.
    public var anchor: Int32
    /// Line in the article file.
    public var line: Int32
}

/// An article after annotation: its body as HTML with every mention marked, and what it mentions.
public struct AnnotatedArticle: Sendable {
    /// The body's HTML, each mention between `MentionMarker`s (the article page makes them the theme's links).
    public var bodyHTML: String
    /// The sentences that hold mentions, in document order.
    public var sentences: ArticleSentences
    /// In document order.
    public var mentions: [Mention]
    /// Unknown ids (errors) and ambiguous aliases left unlinked (warnings).
    public var diagnostics: [Diagnostic]
    /// The start of the body as plain text, for feeds and lists.
    public var summary: String
    /// The statements and figures the article reports (found while annotating).
    var research = ArticleResearch.none

    /// The surface of a mention as written.
    public func text(of mention: Mention) -> String {
        let text = sentences[Int(mention.sentence)]
        let sentence = text.utf8
        let start = sentence.index(sentence.startIndex, offsetBy: Int(mention.start))
        let end = sentence.index(sentence.startIndex, offsetBy: Int(mention.end))
        return String(text[start..<end])
    }

    /// The same, with its sentences and statements' words read back into memory when they are
    /// spilled (one read each list): for a reader of many of them.
    func readingText() -> AnnotatedArticle { reading(sentences: true, researchSentences: true, words: true) }

    /// The same, with what `table`'s rows show read back into memory.
    func readingText(for table: DataTable) -> AnnotatedArticle {
        switch table {
        case .mentions: reading(sentences: true, researchSentences: false, words: false)
        case .sentences: reading(sentences: true, researchSentences: true, words: false)
        case .statements: reading(sentences: false, researchSentences: false, words: true)
        case .articles, .figures: self
        }
    }

    private func reading(sentences: Bool, researchSentences: Bool, words: Bool) -> AnnotatedArticle {
        var copy = self
        if sentences, self.sentences.isSpilled { copy.sentences = self.sentences.inMemory() }
        if researchSentences, research.sentences.isSpilled { copy.research.sentences = research.sentences.inMemory() }
        if words { copy.research = copy.research.readingWords() }
        return copy
    }

    /// Moves its sentences and statements' words to `spill` when it takes them (once the
    /// article's page is made: only other pages read them after).
    mutating func spill(to spill: TextSpill) {
        sentences.spill(to: spill)
        research.spill(to: spill)
    }
}

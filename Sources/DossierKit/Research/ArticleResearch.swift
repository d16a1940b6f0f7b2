/// The statements and figures of one article, found once from its plain text: the statements
/// first (`StatementFinder`), then the figures, whose claimants are the statements' speakers.
struct ArticleResearch: Sendable, Hashable {
    var statements: [Statement]
    var figures: [Figure]
    /// The sentences that hold a statement or a figure but no mention, in text order. The data
    /// tables write each sentence once and name it by number: an article's sentences that hold
    /// mentions first (`AnnotatedArticle.sentences`), then these.
    var sentences: ArticleSentences

    static let none = ArticleResearch(statements: [], figures: [])

    init(statements: [Statement], figures: [Figure], sentences: [String] = []) {
        self.statements = statements
        self.figures = figures
        self.sentences = ArticleSentences(sentences)
    }

    /// Moves the words and sentences to `spill` when it takes them.
    mutating func spill(to spill: TextSpill) {
        var words = statements.map(\.words)
        SpillableText.spill(&words, to: spill)
        for index in statements.indices { statements[index].words = words[index] }
        sentences.spill(to: spill)
    }

    /// The same, with the statements' words in memory (read back in one read when spilled):
    /// for a reader of every statement of the article (the data tables).
    func readingWords() -> ArticleResearch {
        guard statements.contains(where: \.words.isSpilled) else { return self }
        var copy = self
        let words = SpillableText.inMemory(statements.map(\.words))
        for index in copy.statements.indices { copy.statements[index].words = words[index] }
        return copy
    }

    init(text: ArticlePlainText, annotation: AnnotatedArticle, registry: Registry) {
        sentences = []
        // The tokens point into the text's bytes: they live only inside this closure.
        (statements, figures) = text.bytes.withUnsafeBufferPointer { bytes in
            let tokens = ResearchTokens.blocks(of: text, bytes: bytes, annotation: annotation)
            let statements = StatementFinder.statements(in: annotation, text: text, tokens: tokens, registry: registry)
            return (statements, FigureFinder.figures(in: annotation, text: text, tokens: tokens, statements: statements))
        }
        // The finders give sentences by their index in the plain text: number them as the data
        // tables do, an annotated one by its place among the annotated, the others after them.
        var unannotated = Set<Int32>()
        for statement in statements where text.spans[Int(statement.sentenceNumber)].annotated == nil { unannotated.insert(statement.sentenceNumber) }
        for figure in figures where text.spans[Int(figure.sentenceNumber)].annotated == nil { unannotated.insert(figure.sentenceNumber) }
        let extra = unannotated.sorted()
        var numberOf: [Int32: Int32] = [:]
        for (position, index) in extra.enumerated() { numberOf[index] = Int32(annotation.sentences.count + position) }
        func number(_ index: Int32) -> Int32 { text.spans[Int(index)].annotated ?? numberOf[index]! }
        for index in statements.indices { statements[index].sentenceNumber = number(statements[index].sentenceNumber) }
        for index in figures.indices { figures[index].sentenceNumber = number(figures[index].sentenceNumber) }
        sentences = ArticleSentences(extra.map { text.slice(text.spans[Int($0)].range) })
    }
}

extension AnnotatedArticle {
    /// Sentence `number` of the data tables: the sentences that hold mentions, then those that
    /// hold only statements or figures (`ArticleResearch.sentences`).
    func tableSentence(_ number: Int) -> String {
        number < sentences.count ? sentences[number] : research.sentences[number - sentences.count]
    }

    /// Calls `body` with the UTF-8 of `tableSentence(number)`.
    func withTableSentenceUTF8<R>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if number < sentences.count { return sentences.withUTF8(number, body) }
        return research.sentences.withUTF8(number - sentences.count, body)
    }

    /// How many sentences the data tables name.
    var tableSentenceCount: Int { sentences.count + research.sentences.count }
}

/// The statements and figures of one article, found once from its plain text: the statements
/// first (`StatementFinder`), then the figures, whose claimants are the statements' speakers.
struct ArticleResearch: Sendable, Hashable {
    var statements: [Statement]
    var figures: [Figure]

    static let none = ArticleResearch(statements: [], figures: [])

    init(statements: [Statement], figures: [Figure]) {
        self.statements = statements
        self.figures = figures
    }

    init(text: ArticlePlainText, annotation: AnnotatedArticle, registry: Registry) {
        // The tokens point into the text's bytes: they live only inside this closure.
        (statements, figures) = text.bytes.withUnsafeBufferPointer { bytes in
            let tokens = ResearchTokens.blocks(of: text, bytes: bytes, annotation: annotation)
            var sentences = ArticlePlainText.SentenceTexts(text)
            let statements = StatementFinder.statements(in: annotation, text: text, tokens: tokens, registry: registry, sentences: &sentences)
            return (statements, FigureFinder.figures(in: annotation, text: text, tokens: tokens, statements: statements, sentences: &sentences))
        }
    }
}

/// Whether the articles that give a subject's figures agree: how many figures and articles,
/// and, when two articles give different values, every value given (one article that gives
/// two, as 12,000 to be sent and 1,500 sent, is no disagreement).
struct FigureAgreement: Sendable, Hashable {
    var count: Int
    var articleCount: Int
    /// The values given, ascending, when the articles differ; nil when they agree.
    var differingValues: [Double]?

    /// `value`: the figure's value (`Figure.value`).
    init(_ refs: [ResearchIndex.Ref], value: (ResearchIndex.Ref) -> Double?) {
        var byArticle: [Int32: Set<Double>] = [:]
        var articles = Set<Int32>()
        for ref in refs {
            articles.insert(ref.article)
            if let value = value(ref) { byArticle[ref.article, default: []].insert(value) }
        }
        count = refs.count
        articleCount = articles.count
        differingValues = Set(byArticle.values).count > 1
            ? byArticle.values.reduce(into: Set<Double>()) { $0.formUnion($1) }.sorted() : nil
    }
}

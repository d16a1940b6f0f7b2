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
        // The articles agree when each gives the same set of values. Sorted pairs, not a set
        // per article: the most mentioned entities have thousands of figures.
        var pairs: [(article: Int32, value: Double)] = []
        pairs.reserveCapacity(refs.count)
        var articles = refs.map(\.article)
        for ref in refs {
            if let value = value(ref) { pairs.append((ref.article, value)) }
        }
        articles.sort()
        count = refs.count
        articleCount = zip(articles, articles.dropFirst()).reduce(articles.isEmpty ? 0 : 1) { $0 + ($1.0 != $1.1 ? 1 : 0) }
        pairs.sort { $0.article != $1.article ? $0.article < $1.article : $0.value < $1.value }
        var first: [Double] = [], current: [Double] = []
        var agree = true
        var start = 0
        while start < pairs.count && agree {
            var end = start
            current.removeAll(keepingCapacity: true)
            while end < pairs.count && pairs[end].article == pairs[start].article {
                if current.last != pairs[end].value { current.append(pairs[end].value) }
                end += 1
            }
            if start == 0 { first = current } else if current != first { agree = false }
            start = end
        }
        if agree {
            differingValues = nil
        } else {
            var values = pairs.map(\.value)
            values.sort()
            var distinct: [Double] = []
            for value in values where distinct.last != value { distinct.append(value) }
            differingValues = distinct
        }
    }
}

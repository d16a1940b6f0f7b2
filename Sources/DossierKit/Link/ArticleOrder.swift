/// Articles in date order, ties by id: the order of lists (newest first) and of figures
/// (oldest first), as positions in `content.articles`.
enum ArticleOrder {
    /// Date descending, then id. Compared through the array's buffer: reading an element of
    /// the array copies the whole `Article`, once per comparison, which made the sort most of
    /// a rebuild's link time.
    static func newestFirst(_ articles: [Article]) -> [Int] {
        articles.withUnsafeBufferPointer { articles in
            articles.indices.sorted { a, b in
                articles[a].date != articles[b].date ? articles[a].date > articles[b].date : articles[a].id < articles[b].id
            }
        }
    }

    /// Date ascending, then id, from `newestFirst`'s order: reversed, with each run of one
    /// date put back in id order (no second sort).
    static func oldestFirst(_ newestFirst: [Int], _ articles: [Article]) -> [Int] {
        var order = Array(newestFirst.reversed())
        articles.withUnsafeBufferPointer { articles in
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count, articles[order[end]].date == articles[order[start]].date { end += 1 }
                order[start..<end].reverse()
                start = end
            }
        }
        return order
    }
}

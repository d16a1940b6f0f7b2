/// Articles in date order, ties by id: the order of lists (newest first) and of figures
/// (oldest first). Compared through the array's buffer: reading an element of the array copies
/// the whole `Article`, once per comparison, which made the sort most of a rebuild's link time.
enum ArticleOrder {
    static func byDate(_ articles: [Article], newestFirst: Bool) -> [Int] {
        articles.withUnsafeBufferPointer { articles in
            articles.indices.sorted { a, b in
                guard articles[a].date != articles[b].date else { return articles[a].id < articles[b].id }
                return newestFirst ? articles[a].date > articles[b].date : articles[a].date < articles[b].date
            }
        }
    }
}

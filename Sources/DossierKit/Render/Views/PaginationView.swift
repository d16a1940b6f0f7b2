/// Previous, next and a window of page numbers, for every paginated list (articles, an
/// entity's sentences, a subject's figures).
struct PaginationView: Encodable {
    var page: Int
    var pages: Int
    var links: [Link]
    var previous: String?
    var next: String?

    /// A page number (its address, whether it is this page), or a gap in the numbers.
    struct Link: Encodable {
        var gap: Bool?
        var number: Int?
        var url: String?
        var current: Bool?
    }
}

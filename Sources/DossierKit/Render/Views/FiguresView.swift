/// The `figures` template's view: the subjects (`isIndex`), or one subject's claims.
struct FiguresView: Encodable {
    var isIndex: Bool?
    var subjects: [FigureGroupView]?
    var group: FigureGroupView?
    var indexURL: String?
    var pagination: PaginationView?
}

/// The view of a page that shows only the layout (`notfound`, `search`).
struct LayoutOnlyView: Encodable {}

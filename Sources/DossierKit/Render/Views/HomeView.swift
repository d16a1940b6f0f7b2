/// The `home` template's view: the overview.
struct HomeView: Encodable {
    var isHome = true
    /// The meetings' timeline (inline SVG).
    var timeline: String?
    var meetings: [EntityListItem]
    /// The ten most mentioned of each kind.
    var people: [EntityListItem]
    var countries: [EntityListItem]
    var organizations: [EntityListItem]
    var latest: [ArticleSummaryView]
    var stats: Stats

    struct Stats: Encodable {
        var articles: Int
        var people: Int
        var countries: Int
        var organizations: Int
        var meetings: Int
        var mentions: Int
    }
}

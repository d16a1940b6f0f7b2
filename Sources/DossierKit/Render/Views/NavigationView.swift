/// The `header` and `footer` templates' view: the site and its sections, the current one marked.
struct NavigationView: Encodable {
    var root: String
    var site: SiteView
    var nav: [Item]

    struct Item: Encodable {
        var label: String
        var url: String
        var current: Bool
    }
}

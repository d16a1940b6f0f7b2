/// The maps of the pages that have one (issue 16): the places a page shows
/// (`SiteGraph.locations(for:)`) and the meetings held there, each a link, over the
/// coastlines of one shared file per frame (`MapAsset`, written by `MapAssetsEmitter`).
extension PageRenderer {
    /// The pages that may carry a map: home, the meetings and places indexes, and every
    /// country's, place's and meeting's first page.
    var mapPages: [SitePage] {
        var pages: [SitePage] = [.home, .entityIndex(.meeting), .entityIndex(.place)]
        for kind in [EntityKind.country, .place, .meeting] {
            pages += registry.indices(of: kind).map { .entity($0, page: 1) }
        }
        return pages
    }

    /// The map of `page`, or nil when it shows no place with coordinates.
    func pageMap(for page: SitePage) -> PageMap? {
        let root = page.root(in: content)
        var points: [MapPoint] = []
        for location in graph.locations(for: page) {
            points.append(MapPoint(label: location.name, lat: location.lat, lon: location.lon, href: root + location.path, kind: .place))
            for meeting in location.meetings {
                points.append(MapPoint(label: meeting.name + ", " + ISODate.display(meeting.date), lat: location.lat, lon: location.lon,
                                       href: root + meeting.path, kind: .meeting))
            }
        }
        return PageMap(points: points)
    }

    /// The inline SVG of `page`'s map, for its template.
    func mapSVG(for page: SitePage, label: String) -> String? {
        pageMap(for: page)?.svg(root: page.root(in: content), label: label)
    }
}

/// The map of one page: the frame fitted around its points (`MapFit`) and the points. The page
/// carries only the markers, as inline SVG (`svg(root:label:)`); the coastlines under them are
/// the frame's file (`asset`), one per frame for the whole site.
struct PageMap: Sendable, Hashable {
    let points: [MapPoint]
    let projection: MapProjection

    /// Pixels across; the height follows from the box.
    static let width = 720.0

    /// Nil when no point has coordinates on the globe.
    init?(points: [MapPoint]) {
        let valid = points.filter(\.isValid)
        guard let box = MapFit.box(around: valid.map { ($0.lat, $0.lon) }) else { return nil }
        self.points = valid
        self.projection = MapProjection(box: box, width: PageMap.width)
    }

    var asset: MapAsset { MapAsset(projection: projection) }

    /// Inline SVG for the page; `root` leads from the page to the site's root (`../../`).
    func svg(root: String, label: String) -> String {
        MapSVG.render(self, assetHref: root + asset.path, label: label)
    }
}

/// The coastline picture of one map frame, a file of the site (`maps/<box>.svg`) that every
/// page with that frame shows under its markers: drawn once per build, cached by browsers.
struct MapAsset: Sendable, Hashable {
    let projection: MapProjection

    static let folder = "maps"

    /// Site-relative path, named by the box: `maps/120e-134e-32n-44n.svg`.
    var path: String {
        let box = projection.box
        func part(_ value: Double, _ positive: String, _ negative: String) -> String {
            let text = SVGNumber.format(abs(value))
            return value < 0 ? text + negative : text + positive
        }
        let east = GeoBox.normalized(box.east) == -180 && box.east > 0 ? 180 : GeoBox.normalized(box.east)
        return MapAsset.folder + "/" + [part(box.west, "e", "w"), part(east, "e", "w"), part(box.south, "n", "s"), part(box.north, "n", "s")]
            .joined(separator: "-") + ".svg"
    }

    /// The file's text; without coastline data, sea and graticule alone.
    func svg(coastlines: Coastlines?) -> String { CoastlineSVG.render(projection, coastlines: coastlines) }
}

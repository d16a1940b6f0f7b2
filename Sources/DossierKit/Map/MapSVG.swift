import Foundation

/// A page's map as inline SVG: the frame's coastline file as an image, and over it one link
/// per point (a marker, its `<title>` and, where there is room, a label). Points at one spot
/// are spread around it so that each can be clicked. Pure: the same map gives the same bytes;
/// every text and attribute value is escaped.
enum MapSVG {
    static let fontSize = 12.0
    static let radius = [MapPoint.Kind.place: 5.0, .meeting: 4.0]

    static func render(_ map: PageMap, assetHref: String, label: String) -> String {
        let projection = map.projection
        let width = n(projection.width), height = n(projection.height)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart map-chart\" viewBox=\"0 0 \(width) \(height)\""
            + " width=\"\(width)\" height=\"\(height)\" aria-label=\"\(HTML.escape(label))\">\n"
        svg += "<title>\(HTML.escape(label))</title>\n"
        svg += "<image href=\"\(HTML.escape(assetHref))\" width=\"\(width)\" height=\"\(height)\" aria-hidden=\"true\"/>\n"
        let (spots, groups) = spread(map.points, projection)
        let labels = MapLabels.place(map.points, at: spots, groups: groups, radius: { radius[$0.kind] ?? 5 }, fontSize: fontSize,
                                     bounds: SIMD2(projection.width, projection.height))
        svg += "<g class=\"map-points\">\n"
        for (index, point) in map.points.enumerated() {
            let spot = spots[index], kind = point.kind.rawValue
            let name = HTML.escape(point.label)
            svg += "<a class=\"map-point node-\(kind)\" href=\"\(HTML.escape(point.href))\" aria-label=\"\(name) (\(kind))\">"
            svg += "<title>\(name)</title><circle cx=\"\(n(spot.x))\" cy=\"\(n(spot.y))\" r=\"\(n(radius[point.kind] ?? 5))\"/>"
            if let place = labels[index] {
                svg += "<text class=\"map-label\" x=\"\(n(place.x))\" y=\"\(n(place.y))\" font-size=\"\(n(fontSize))\""
                    + (place.anchorEnd ? " text-anchor=\"end\"" : "") + ">\(name)</text>"
            }
            svg += "</a>\n"
        }
        return svg + "</g>\n</svg>"
    }

    /// Each point's place on screen (y down) and its group. Points within a few pixels of
    /// one another form a group: the first stays, the others wind outwards round it (a
    /// sunflower's spiral, so that a dozen meetings in one city still sit apart).
    static func spread(_ points: [MapPoint], _ projection: MapProjection) -> (spots: [SIMD2<Double>], groups: [Int]) {
        var spots: [SIMD2<Double>] = [], members: [Int] = []
        var groups: [(centre: SIMD2<Double>, count: Int)] = []
        for point in points {
            let plane = projection.plane(lat: point.lat, lon: point.lon)
            let spot = SIMD2(plane.x, projection.svgY(plane.y))
            if let group = groups.firstIndex(where: { LineSimplification.length($0.centre - spot) < 3 }) {
                let order = Double(groups[group].count)
                let angle = order * 2.39996, distance = 7 * order.squareRoot()
                spots.append(groups[group].centre + SIMD2(distance * cos(angle), distance * sin(angle)))
                groups[group].count += 1
                members.append(group)
            } else {
                members.append(groups.count)
                groups.append((spot, 1))
                spots.append(spot)
            }
        }
        return (spots, members)
    }

    static func n(_ value: Double) -> String { SVGNumber.format(value) }
}

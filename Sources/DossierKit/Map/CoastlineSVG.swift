/// The picture under a map: sea, a graticule, and the land of GSHHG's shorelines filled and
/// outlined, as a standalone SVG file that pages show under their markers (`MapSVG`). Drawn
/// once per map frame and build, not once per page: it is the heavy part.
///
/// Coordinates are whole numbers of 1/`unitsPerPixel` pixel, each point written as the step
/// from the one before (`l`), with no space before a minus: the shortest honest text. Pure:
/// the same frame and data give the same bytes.
enum CoastlineSVG {
    static let unitsPerPixel = 4.0
    /// Douglas–Peucker tolerance in pixels, and the smallest island and lake kept (square
    /// pixels; lakes larger, since a narrow one simplifies to a stray line).
    static let tolerance = 0.5
    static let smallestIsland = 1.5
    static let smallestLake = 16.0
    /// Lakes shown; islands in lakes and ponds on them are not.
    static let maxLevel = 2
    /// The clip rectangle's sides close the land this far outside the picture, under no stroke.
    static let margin = 3.0
    static let credit = "Coastlines: GSHHG"

    static let style = ".sea{fill:#e8eff4}.land{fill:#f7f4ec;stroke:#9c9a8f;stroke-linejoin:round}"
        + ".grid{fill:none;stroke:#d3dde5}.credit{fill:#6b7079;font-family:system-ui,sans-serif}"
        + "@media (prefers-color-scheme:dark){.sea{fill:#1b232c}.land{fill:#2a2d31;stroke:#6d6f73}"
        + ".grid{stroke:#2b3540}.credit{fill:#9ba2ad}}"

    /// The whole file; without `coastlines` (no data installed), sea and graticule alone.
    static func render(_ projection: MapProjection, coastlines: Coastlines?) -> String {
        let q = unitsPerPixel
        let width = Int((projection.width * q).rounded()), height = Int((projection.height * q).rounded())
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\""
            + " width=\"\(SVGNumber.format(projection.width))\" height=\"\(SVGNumber.format(projection.height))\">\n"
        svg += "<style>\(style)</style>\n<rect class=\"sea\" width=\"\(width)\" height=\"\(height)\"/>\n"
        svg += "<path class=\"grid\" stroke-width=\"\(Int(q))\" d=\"\(graticule(projection))\"/>\n"
        if let coastlines {
            svg += "<path class=\"land\" fill-rule=\"evenodd\" stroke-width=\"\(Int(0.8 * q))\" d=\"\(landPath(projection, coastlines: coastlines))\"/>\n"
            // Font size in the file's units: 11 px on the map.
            svg += "<text class=\"credit\" x=\"\(width - Int(6 * q))\" y=\"\(height - Int(6 * q))\" font-size=\"\(Int(11 * q))\""
                + " text-anchor=\"end\">\(credit)</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// The land as one path: rings of dry ground closed along the clip rectangle, islands, lakes.
    static func landPath(_ projection: MapProjection, coastlines: Coastlines) -> String {
        var pieces = ShorelinePieces.crop(coastlines, projection: projection, margin: margin, maxLevel: maxLevel)
        pieces.open = pieces.open.map { LineSimplification.simplified($0, tolerance: tolerance) }
        pieces.closed = pieces.closed.map { LineSimplification.simplifiedRing($0, tolerance: tolerance) }
            .filter { ring in
                // Dry ground is on a line's left: islands run counter-clockwise, lakes clockwise.
                let area = LineSimplification.area(ring)
                return area >= smallestIsland || -area >= smallestLake
            }
        var path = PathText(unitsPerPixel: unitsPerPixel, height: projection.height)
        for ring in ShorelineRings.rings(pieces) { path.ring(ring) }
        return path.text
    }

    /// Meridians and parallels at a round step that gives a few lines across the map.
    static func graticule(_ projection: MapProjection) -> String {
        let box = projection.box
        let step = [1.0, 2, 5, 10, 15, 20, 30, 45].first { box.span / $0 <= 8 && box.height / $0 <= 8 } ?? 60
        var path = PathText(unitsPerPixel: unitsPerPixel, height: projection.height)
        var lon = (box.west / step).rounded(.up) * step
        while lon <= box.east {
            path.line(from: projection.plane(lat: box.south, frameLon: lon), to: projection.plane(lat: box.north, frameLon: lon))
            lon += step
        }
        var lat = (box.south / step).rounded(.up) * step
        while lat <= box.north {
            path.line(from: projection.plane(lat: lat, frameLon: box.west), to: projection.plane(lat: lat, frameLon: box.east))
            lat += step
        }
        return path.text
    }
}

/// Path data in whole units with relative steps, from plane points (y north) to SVG (y down).
struct PathText {
    let unitsPerPixel: Double
    let height: Double
    private(set) var text = ""
    private var last = SIMD2<Int>(0, 0)
    private var started = false

    init(unitsPerPixel: Double, height: Double) {
        self.unitsPerPixel = unitsPerPixel
        self.height = height
    }

    func units(_ point: SIMD2<Double>) -> SIMD2<Int> {
        SIMD2(Int((point.x * unitsPerPixel).rounded()), Int(((height - point.y) * unitsPerPixel).rounded()))
    }

    /// A closed ring; left out when its points round to fewer than three places.
    mutating func ring(_ points: [SIMD2<Double>]) {
        var places: [SIMD2<Int>] = []
        for point in points {
            let place = units(point)
            if places.last != place { places.append(place) }
        }
        if places.count > 1, places.first == places.last { places.removeLast() }
        guard places.count > 2 else { return }
        move(to: places[0])
        for (index, place) in places.enumerated().dropFirst() { step(place &- places[index - 1]) }
        text += "z"
        last = places[0]
    }

    mutating func line(from start: SIMD2<Double>, to end: SIMD2<Double>) {
        let a = units(start), b = units(end)
        move(to: a)
        step(b &- a)
        last = b
    }

    /// The first move is absolute, and `l` makes the steps after it relative; later moves
    /// are `m`, relative to where the path is, and the pairs after an `m` are relative steps.
    private mutating func move(to place: SIMD2<Int>) {
        if started {
            text += "m"
            step(place &- last)
        } else {
            text += "M"
            step(place)
            text += "l"
        }
        started = true
        last = place
    }

    private mutating func step(_ delta: SIMD2<Int>) {
        append(delta.x)
        append(delta.y)
    }

    private mutating func append(_ value: Int) {
        if value >= 0, let previous = text.last, previous.isNumber { text += " " }
        text += String(value)
    }
}

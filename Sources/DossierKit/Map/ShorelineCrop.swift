/// The shorelines of one map: GSHHG's segments of the bins under the map, joined across bin
/// sides into whole lines, projected and cut at the map's clip rectangle (the map and a margin,
/// so that the rectangle's own sides, which close the land, fall outside the picture).
///
/// Longitudes are read in the box's frame (`GeoBox`): a bin is placed at its column plus or
/// minus whole turns, so a box over the date line or the prime meridian reads the bins on both
/// sides as neighbours and a world box reads its edge bins twice, once each side.
struct ShorelinePieces: Sendable {
    /// The clip rectangle in plane coordinates (x east, y north).
    var clip: PlaneRect
    /// Lines that enter the rectangle through its side and leave through it; dry on the left.
    var open: [[SIMD2<Double>]]
    /// Rings wholly inside: islands (counter-clockwise) and lakes (clockwise).
    var closed: [[SIMD2<Double>]]
    /// Whether the rectangle's ground, away from any ring, is dry; what matters when no line
    /// crosses its sides (a map inside a continent or out at sea).
    var backgroundDry: Bool

    /// Levels 1 through `maxLevel` (1 land only, 2 with lakes, ...).
    static func crop(_ coastlines: Coastlines, projection: MapProjection, margin: Double, maxLevel: Int) -> ShorelinePieces {
        let box = projection.box
        let pad = projection.degrees(pixels: margin)
        let west = box.west - pad.lon, east = box.east + pad.lon
        let south = max(box.south - pad.lat, -89.9), north = min(box.north + pad.lat, 89.9)
        let clip = PlaneRect(min: projection.plane(lat: south, frameLon: west), max: projection.plane(lat: north, frameLon: east))
        let grid = BinGrid(coastlines: coastlines, west: west, east: east, south: south, north: north)
        var open: [[SIMD2<Double>]] = [], closed: [[SIMD2<Double>]] = []
        for line in grid.lines(maxLevel: maxLevel) {
            let points = line.points.map { grid.plane($0, projection) }
            let cut = PlaneRect.clipped(points, closed: line.closed, to: clip)
            if let whole = cut.whole { closed.append(whole) } else { open += cut.pieces }
        }
        let dry = open.isEmpty ? grid.isDry(lat: south + 1e-7, frameLon: west + 1.3e-7, maxLevel: maxLevel) : false
        return ShorelinePieces(clip: clip, open: open, closed: closed, backgroundDry: dry)
    }
}

/// The bins under a lon/lat rectangle, in the rectangle's frame, with their points on one
/// integer grid (steps of 1/65535 of a bin from 0° E and the south pole), where a line leaving
/// one bin and the line entering the next meet at the same grid point.
private struct BinGrid {
    let coastlines: Coastlines
    let columns: ClosedRange<Int>
    let rows: ClosedRange<Int>

    struct GridPoint: Hashable {
        var x: Int
        var y: Int
    }

    struct Line {
        var points: [GridPoint]
        var closed: Bool
    }

    init(coastlines: Coastlines, west: Double, east: Double, south: Double, north: Double) {
        self.coastlines = coastlines
        let size = coastlines.binSize
        // One more bin where a side falls on a bin's side: lines then end outside the rectangle.
        let first = Int((west / size - 1e-9).rounded(.down)), last = Int((east / size + 1e-9).rounded(.up)) - 1
        columns = first...max(first, last)
        let top = max(0, Int(((90 - north) / size - 1e-9).rounded(.down)))
        let bottom = min(coastlines.rows - 1, Int(((90 - south) / size + 1e-9).rounded(.up)) - 1)
        rows = top...max(top, bottom)
    }

    func fileColumn(_ column: Int) -> Int { ((column % coastlines.columns) + coastlines.columns) % coastlines.columns }

    /// Every segment of the bins, those cut at bin sides joined end to start.
    func lines(maxLevel: Int) -> [Line] {
        var rings: [Line] = [], pieces: [[GridPoint]] = []
        let steps = Coastlines.binSteps
        for row in rows {
            for column in columns {
                let bin = coastlines.bin(column: fileColumn(column), row: row)
                let baseX = column * steps, baseY = (coastlines.rows - 1 - row) * steps
                for segment in coastlines.segments(inBin: bin, maxLevel: maxLevel) {
                    var points = segment.points.map { GridPoint(x: baseX + Int(coastlines.dx[$0]), y: baseY + Int(coastlines.dy[$0])) }
                    if segment.entry == .none {
                        if points.count > 1, points.first == points.last { points.removeLast() }
                        if points.count > 2 { rings.append(Line(points: points, closed: true)) }
                    } else if points.count > 1 {
                        pieces.append(points)
                    }
                }
            }
        }
        return rings + Self.joined(pieces)
    }

    /// Pieces joined where one ends and another starts: lines from a piece nothing leads
    /// into, then rings of what is left (a polygon wholly under the bins).
    static func joined(_ pieces: [[GridPoint]]) -> [Line] {
        var starting: [GridPoint: [Int]] = [:]
        for (index, piece) in pieces.enumerated() { starting[piece[0], default: []].append(index) }
        let ends = Set(pieces.map { $0[$0.count - 1] })
        var used = [Bool](repeating: false, count: pieces.count)
        func follow(_ first: Int) -> [GridPoint] {
            var line = pieces[first]
            used[first] = true
            while let next = starting[line[line.count - 1]]?.first(where: { !used[$0] }) {
                line += pieces[next].dropFirst()
                used[next] = true
            }
            return line
        }
        var lines: [Line] = []
        for index in pieces.indices where !used[index] && !ends.contains(pieces[index][0]) {
            lines.append(Line(points: follow(index), closed: false))
        }
        for index in pieces.indices where !used[index] {
            var ring = follow(index)
            let closes = ring.count > 2 && ring.first == ring.last
            if closes { ring.removeLast() }
            lines.append(Line(points: ring, closed: closes))
        }
        return lines
    }

    func plane(_ point: GridPoint, _ projection: MapProjection) -> SIMD2<Double> {
        let step = coastlines.binSize / Double(Coastlines.binSteps)
        return projection.plane(lat: Double(point.y) * step - 90, frameLon: Double(point.x) * step)
    }

    /// Whether a point is on dry ground: the level at its bin's south-west corner, changed by
    /// one at each shoreline of the bin crossed on the way from there; odd is dry.
    func isDry(lat: Double, frameLon: Double, maxLevel: Int) -> Bool {
        let size = coastlines.binSize, steps = Double(Coastlines.binSteps)
        let column = Int((frameLon / size).rounded(.down))
        let row = min(max(Int(((90 - lat) / size).rounded(.down)), 0), coastlines.rows - 1)
        let bin = coastlines.bin(column: fileColumn(column), row: row)
        let corner = SIMD2(0.0, 0.0)
        let point = SIMD2((frameLon / size - Double(column)) * steps, ((lat + 90) / size - Double(coastlines.rows - 1 - row)) * steps)
        var level = min(coastlines.southWestLevel(ofBin: bin), maxLevel)
        for segment in coastlines.segments(inBin: bin, maxLevel: maxLevel) {
            var previous: SIMD2<Double>?
            var indices = Array(segment.points)
            if segment.entry == .none, let first = indices.first { indices.append(first) }
            for index in indices {
                let here = SIMD2(Double(coastlines.dx[index]), Double(coastlines.dy[index]))
                if let previous, PlaneRect.crosses(corner, point, previous, here) { level += 1 }
                previous = here
            }
        }
        return level % 2 == 1
    }
}

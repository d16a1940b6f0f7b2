/// Where a map's labels go: beside each marker (right, left, above, below, in that order of
/// preference), in the order of the points, wherever a label overlaps no marker (but those
/// spread round its own spot), no label already placed and stays on the map. A label that
/// fits nowhere is left out: its point still has its `<title>` and `aria-label`. On a map with
/// places only places are labelled; meetings' names are long, and their place names them.
enum MapLabels {
    struct Placement: Hashable {
        var x: Double
        var y: Double
        var anchorEnd: Bool
    }

    private struct Box {
        var min: SIMD2<Double>
        var max: SIMD2<Double>
        /// The spot whose markers these are; nil for a label or the credit.
        var group: Int? = nil
        func overlaps(_ other: Box) -> Bool {
            min.x < other.max.x && other.min.x < max.x && min.y < other.max.y && other.min.y < max.y
        }
    }

    static func place(_ points: [MapPoint], at spots: [SIMD2<Double>], groups: [Int], radius: (MapPoint) -> Double,
                      fontSize: Double, bounds: SIMD2<Double>) -> [Int: Placement] {
        var taken = points.indices.map { index -> Box in
            let r = radius(points[index])
            return Box(min: spots[index] - SIMD2(r, r), max: spots[index] + SIMD2(r, r), group: groups[index])
        }
        // The coastline file's credit, bottom right.
        let credit = TextWidth.estimate(CoastlineSVG.credit, fontSize: 11) + 10
        taken.append(Box(min: SIMD2(bounds.x - credit, bounds.y - 20), max: bounds))
        var result: [Int: Placement] = [:]
        let places = points.indices.filter { points[$0].kind == .place }
        let order = places.isEmpty ? Array(points.indices) : places
        for index in order {
            let spot = spots[index], r = radius(points[index]) + 3
            let width = TextWidth.estimate(points[index].label, fontSize: fontSize), height = fontSize
            // Text sits on its baseline: the box runs from 0.8 of the size above it to 0.25 below.
            let candidates = [
                Placement(x: spot.x + r, y: spot.y + height * 0.35, anchorEnd: false),
                Placement(x: spot.x - r, y: spot.y + height * 0.35, anchorEnd: true),
                Placement(x: spot.x - width / 2, y: spot.y - r - height * 0.25, anchorEnd: false),
                Placement(x: spot.x - width / 2, y: spot.y + r + height * 0.8, anchorEnd: false),
            ]
            for candidate in candidates {
                let left = candidate.anchorEnd ? candidate.x - width : candidate.x
                let box = Box(min: SIMD2(left, candidate.y - height * 0.8), max: SIMD2(left + width, candidate.y + height * 0.25))
                guard box.min.x >= 2, box.min.y >= 2, box.max.x <= bounds.x - 2, box.max.y <= bounds.y - 2,
                      !taken.contains(where: { $0.group != groups[index] && $0.overlaps(box) }) else { continue }
                taken.append(box)
                result[index] = candidate
                break
            }
        }
        return result
    }
}
